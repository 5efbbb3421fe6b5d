"""Another organisation's tool can use matching from the spec alone: every route with its
errors, every mutation with its arguments (issue 9, item 11)."""


def test_every_matching_route_and_mutation_is_in_the_spec(client):
    spec = client.get("/api/openapi.json").json
    paths = spec["paths"]
    assert set(paths["/api/matches"]) >= {"get", "post"}
    assert {"201", "401", "403", "404", "409", "422"} <= set(paths["/api/matches"]["post"]["responses"])
    for action in ("approve", "withdraw", "pause", "resume", "end"):
        post = paths[f"/api/matches/{{match_id}}/{action}"]["post"]
        assert {"200", "401", "403", "404", "409", "422"} <= set(post["responses"]), action
        assert post["summary"] or post.get("description")
    assert {"200", "401", "404"} <= set(paths["/api/matches/{match_id}"]["get"]["responses"])
    schemas = spec["components"]["schemas"]
    assert set(schemas["MatchDeclineArgs"]["properties"]) == {"match_id", "reason", "note"}
    assert set(schemas["MatchEvaluateArgs"]["properties"]) == {"match_id", "rating", "comment", "avoid"}
    assert set(schemas["MatchEndArgs"]["required"]) == {"match_id", "reason"}
    assert schemas["MatchEndArgs"]["properties"]["reason"]["enum"][0] == "completed"
    assert "match.accept" in schemas["Mutation"]["discriminator"]["mapping"]
    assert "contact" in schemas["MatchOffer"]["properties"]
