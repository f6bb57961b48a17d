"""The world outline builder: TopoJSON arcs decoded, rings joined, projected onto 360×180."""

from __future__ import annotations

from warta.api.worldmap import decode_arcs, path_data, ring, to_svg

# Two quantised arcs forming a square from (10, 0) to (20, 10) degrees; the second one is
# used reversed (~1), as TopoJSON shares arcs between neighbouring polygons.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [[[10, 0], [10, 0], [0, 10]], [[10, 0], [0, 10], [10, 0]]],
    "objects": {
        "land": {
            "type": "GeometryCollection",
            "geometries": [{"type": "Polygon", "arcs": [[0, -2]]}],
        }
    },
}


def test_api_worldmap_decodes_delta_encoded_arcs() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert arcs[0] == [(10, 0), (20, 0), (20, 10)]
    assert arcs[1] == [(10, 0), (10, 10), (20, 10)]


def test_api_worldmap_joins_reversed_arcs_into_a_closed_ring() -> None:
    points = ring([0, -2], decode_arcs(TOPOLOGY))
    assert points == [(10, 0), (20, 0), (20, 10), (10, 10), (10, 0)]


def test_api_worldmap_projects_plate_carree() -> None:
    assert path_data([(0, 0), (10, 45), (-60, -80)]) == "M180.0,90.0L190.0,45.0L120.0,170.0Z"


def test_api_worldmap_cuts_rings_at_the_antimeridian() -> None:
    # Fiji straddles 180°: without a cut the path would cross the whole map.
    path = path_data([(178, -17), (179.9, -16), (-179.9, -16), (-178, -17)])
    assert path.count("M") == 2


def test_api_worldmap_svg_has_the_land_path() -> None:
    svg = to_svg(TOPOLOGY)
    assert svg.startswith("<svg") and 'class="land"' in svg and "M190.0,90.0" in svg
