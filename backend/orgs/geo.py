"""Distances between municipalities: haversine between their centroids.

The centroids (WGS84, CBS codes of 1 January 2025) are in data/gemeenten-centroids.csv; its
sources and caveats (a centroid is the centre of the land area, not the town centre: Rotterdam's
lies in Vlaardingen) are in data/gemeenten-centroids.md. Read once, on first use.
"""
import csv
import math
from functools import cache
from importlib import resources

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """Return {cbs_code: (lat, lon)} in degrees for every municipality."""
    with resources.files("backend.orgs").joinpath("data/gemeenten-centroids.csv").open(encoding="utf-8") as f:
        return {row["cbs_code"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(f)}


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in km between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(code_a: str, code_b: str) -> float | None:
    """Return the distance in km between two municipalities' centroids; None if a code is unknown."""
    points = centroids()
    if code_a not in points or code_b not in points:
        return None
    return haversine_km(points[code_a], points[code_b])
