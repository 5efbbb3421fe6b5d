"""Distances between municipalities, from the bundled centroids."""
import math

import pytest

from backend.orgs import geo


def test_every_municipality_has_a_centroid_in_the_netherlands():
    points = geo.centroids()
    assert len(points) == 342
    assert all(50.7 < lat < 53.6 and 3.3 < lon < 7.3 for lat, lon in points.values())


@pytest.mark.parametrize("a, b, km", [
    # Utrecht - Amsterdam: about 35 km between the city centres, 32.5 between the land-area centroids.
    ("GM0344", "GM0363", 32.5),
    # Amsterdam - Den Haag ('s-Gravenhage): about 53 km.
    ("GM0363", "GM0518", 53.0),
])
def test_known_distances(a, b, km):
    assert geo.distance_km(a, b) == pytest.approx(km, abs=0.1)
    assert geo.distance_km(b, a) == geo.distance_km(a, b)


def test_the_haversine_agrees_with_the_spherical_law_of_cosines():
    (lat1, lon1), (lat2, lon2) = geo.centroids()["GM0014"], geo.centroids()["GM0935"]  # Groningen, Maastricht
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    cosines = geo.EARTH_RADIUS_KM * math.acos(math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))
    assert geo.distance_km("GM0014", "GM0935") == pytest.approx(cosines, rel=1e-9)


def test_same_municipality_is_zero_and_unknown_is_none():
    assert geo.distance_km("GM0344", "GM0344") == 0
    assert geo.distance_km("GM0344", "GM9999") is None
