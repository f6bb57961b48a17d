"""Build the dashboard's offline world outline (``dashboard/world.svg``) from a TopoJSON file.

The shipped outline comes from the npm package ``world-atlas`` 2.0.2 (``land-110m.json``:
Natural Earth 1:110m land, public domain; packaging ISC, © Michael Bostock), projected
plate carrée onto a 360×180 box (x = longitude + 180, y = 90 − latitude) so the map view
places an event at (lon + 180, 90 − lat) with no projection code in the browser.

    python -m warta.api.worldmap land-110m.json > src/warta/api/dashboard/world.svg
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat points of every arc (quantised arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A closed ring from arc indexes; ``~i`` (negative) means arc i reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share an endpoint
    return points


def rings(geometry: dict[str, Any], arcs: list[list[Point]]) -> Iterator[list[Point]]:
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        for child in geometry["geometries"]:
            yield from rings(child, arcs)
    elif kind == "Polygon":
        for indexes in geometry["arcs"]:
            yield ring(indexes, arcs)
    elif kind == "MultiPolygon":
        for polygon in geometry["arcs"]:
            for indexes in polygon:
                yield ring(indexes, arcs)


def path_data(points: list[Point]) -> str:
    """SVG path of one ring; a ring that crosses the antimeridian (Fiji, Chukotka) is cut
    there, else a flat map draws a line across the whole world."""
    pieces: list[list[Point]] = [[]]
    for point in points:
        if pieces[-1] and abs(point[0] - pieces[-1][-1][0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    return "".join(
        "M" + "L".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in piece) + "Z"
        for piece in pieces
        if len(piece) > 1
    )


def to_svg(topology: dict[str, Any], layer: str = "land") -> str:
    arcs = decode_arcs(topology)
    paths = [path_data(r) for r in rings(topology["objects"][layer], arcs) if len(r) > 2]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">'
        "<!-- Natural Earth 1:110m land (public domain) via world-atlas 2.0.2 (ISC) -->"
        f'<path class="land" d="{"".join(paths)}"/></svg>\n'
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    with open(args[0], encoding="utf-8") as handle:
        sys.stdout.write(to_svg(json.load(handle)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
