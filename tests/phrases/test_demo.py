"""The demo's phrase practice: six weeks of history, consents and progress for the first pair,
branch phrases; made once; nothing but the branch phrases while there is no content."""
import sqlalchemy as sa

from backend.phrases import content

THEMES_TO_WRITE = ("kennismaken", "gemeente", "brieven", "huisarts")


def write_content(folder):
    for n, theme in enumerate(THEMES_TO_WRITE, 1):
        lines = [f'theme = "{theme}"']
        for k in range(20):
            lines += ["[[phrase]]", f'id = "{theme}.zin-{k}"', f'nl = "Zin {k} over {theme}."', 'level = "A1"']
        (folder / f"{n:02d}-{theme}.toml").write_text("\n".join(lines), encoding="utf-8")


def demo(app):
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_demo_newcomers_have_six_weeks_of_practice_and_the_buddy_sees_it(app, tmp_path, monkeypatch, client):
    from backend.accounts.models import User
    from backend.extensions import db
    from backend.phrases.models import OrgPhrase, PracticeSettings, Review
    from backend.sync.models import SyncChange

    write_content(tmp_path)
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    assert "phrase practice" in demo(app)
    assert "phrase practice" not in demo(app)  # the second run makes nothing
    with app.app_context():
        amal = db.session.scalar(sa.select(User).where(User.email == "newcomer@demo.maatje.nl"))
        yonas = db.session.scalar(sa.select(User).where(User.email == "newcomer2@demo.maatje.nl"))
        reviews = db.session.scalars(sa.select(Review).where(Review.user_id == amal.id)).all()
        days = {r.reviewed_at.date() for r in reviews}
        assert 25 <= len(days) <= 42 and len(reviews) > 200
        assert {r.rating for r in reviews} == {1, 3} and any(r.mode == "together" for r in reviews)
        assert all(r.phrase_id.split(".")[0] in THEMES_TO_WRITE for r in reviews)
        settings = db.session.get(PracticeSettings, amal.id)
        assert settings.together_consent_at and settings.progress_consent_at
        progress = settings.progress
        assert len(progress["weeks"]) == 8 and sum(progress["weeks"]) <= len(reviews)
        assert progress["themes"]["kennismaken"]["started"] == 20 and progress["streak"] >= 1
        assert db.session.get(PracticeSettings, yonas.id).progress_consent_at is None
        shares = {row.entity_id: row.data for row in db.session.scalars(
            sa.select(SyncChange).where(SyncChange.entity == "practice_share"))}
        assert len(shares) == 2 and sum('"progress":null' in data for data in shares.values()) == 1
        assert db.session.scalar(sa.select(sa.func.count()).select_from(OrgPhrase)) == 2


def test_without_content_the_demo_makes_only_the_branch_phrases(app, tmp_path, monkeypatch):
    from backend.extensions import db
    from backend.phrases.models import OrgPhrase, Review

    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    demo(app)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Review)) == 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(OrgPhrase)) == 2
