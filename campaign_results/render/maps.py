"""Choropleth maps of one measure by province, written as SVG from a template
(``templates/province_map.svg.j2``).

Boundaries come from ``data/reference/geo/`` (see its SOURCE.md): the 63
provinces until 30/6/2025 and the 34 from 1/7/2025, joined on the GSO code
(``ma_tinh``). The islands of Hoàng Sa belong to Đà Nẵng's shape and those of
Trường Sa to Khánh Hòa's, in both systems, and the map names them.

Laid out for a phone: drawn 320 CSS pixels wide (the island names at 12 px as
shown), each province a link to its page with its name and value as a tooltip
(the page embeds the map as an ``<object>`` so that its links work). The
legend is HTML under the map (``legend``), at the page's own text size. Colour
is never the only carrier: each class is labelled with its range, provinces
without data are hatched, and the page gives the numbers in a table.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import jinja2

from ..format import number

MAP_VERSION = 3
COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")  # light to dark; no data is grey and hatched
NO_DATA = "#eeeeee"
TEMPLATES = Path(__file__).resolve().parent / "templates"

WIDTH = 320                      # CSS pixels
UNITS_PER_PIXEL = 2              # the drawing's coordinates are whole numbers of half pixels
WEST, EAST, SOUTH, NORTH = 102.0, 117.5, 8.0, 23.6  # degrees, the islands included
X_SCALE = math.cos(math.radians((SOUTH + NORTH) / 2))  # a degree of longitude, in degrees of latitude
FONT = 12 * UNITS_PER_PIXEL
ISLANDS = ((("Quần đảo", "Hoàng Sa", "(Đà Nẵng)"), 112.2, 18.6), (("Quần đảo", "Trường Sa", "(Khánh Hòa)"), 114.2, 12.6))


@lru_cache(maxsize=4)
def _shapes(path: str) -> tuple[tuple[str, tuple], ...]:
    """(GSO code, rings) for each province of a GeoJSON file."""
    with open(path, encoding="utf-8") as handle:
        collection = json.load(handle)
    shapes = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        shapes.append((feature["properties"]["ma_tinh"], tuple(polygon[0] for polygon in polygons)))
    return tuple(shapes)


SCALE = WIDTH * UNITS_PER_PIXEL / ((EAST - WEST) * X_SCALE)  # drawing units per degree of latitude


def _point(lon: float, lat: float) -> tuple[int, int]:
    return round((lon - WEST) * X_SCALE * SCALE), round((NORTH - lat) * SCALE)


def _path(rings) -> str:
    """An SVG path of the rings, in relative moves between whole-number points (repeats dropped)."""
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            point = _point(lon, lat)
            if not points or point != points[-1]:
                points.append(point)
        if len(points) < 3:
            continue
        x, y = points[0]
        steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
        parts.append(f"M{x} {y}l" + " ".join(steps) + "z")
    return "".join(parts)


def classes(values: list[int]) -> list[tuple[int, int]]:
    """Up to four ranges of equal width between 1 and the largest value."""
    top = max(values, default=0)
    if top <= 0:
        return []
    step = max(1, -(-top // 4))
    return [(low, min(top, low + step - 1)) for low in range(1, top + 1, step)][:4]


@dataclass(frozen=True)
class ProvinceMap:
    title: str
    values: tuple[tuple[str, int], ...]   # (GSO code, value)
    measure: str                          # what the numbers count: "mô hình", "Ngày cao điểm có kết quả"
    names: tuple[tuple[str, str], ...]    # (GSO code, province name), for tooltips and the text alternative
    links: tuple[tuple[str, str], ...]    # (GSO code, the province's page relative to the map's file)
    geojson: str = field(compare=False)   # path of the boundary file (not part of the digest)
    suffix = ".svg"

    @cached_property
    def digest(self) -> str:
        with open(self.geojson, "rb") as handle:
            boundaries = hashlib.sha256(handle.read()).hexdigest()
        payload = json.dumps([MAP_VERSION, self.title, self.values, self.measure, self.names, self.links, boundaries],
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @property
    def size(self) -> tuple[int, int]:
        return WIDTH, round((NORTH - SOUTH) * SCALE / UNITS_PER_PIXEL)

    @property
    def legend(self) -> tuple[tuple[str, str], ...]:
        """(colour, label) of each class, then of "no data"."""
        ranges = classes([v for _, v in self.values])
        shown = [(shade, f"{number(low)}–{number(high)}" if low != high else number(low))
                 for (low, high), shade in zip(ranges, COLOURS, strict=False)]
        return (*shown, (NO_DATA, "chưa có số liệu"))

    def alt_text(self) -> str:
        names = dict(self.names)
        ranked = sorted((v, names.get(code, code)) for code, v in self.values if v)[::-1][:5]
        top = "; ".join(f"{name}: {number(value)}" for value, name in ranked)
        empty = sum(1 for _, v in self.values if not v)
        return (f"Bản đồ {self.title}. Cao nhất: {top or 'không có'}. {empty} tỉnh, thành chưa có số liệu. "
                "Quần đảo Hoàng Sa thuộc Đà Nẵng và quần đảo Trường Sa thuộc Khánh Hòa được thể hiện trên bản đồ.")

    def draw(self) -> bytes:
        values, names, links = dict(self.values), dict(self.names), dict(self.links)
        ranges = classes(list(values.values()))

        def fill(value: int) -> str:
            for (low, high), shade in zip(ranges, COLOURS, strict=False):
                if low <= value <= high:
                    return shade
            return "url(#chua-co-so-lieu)"

        provinces = []
        for code, rings in _shapes(self.geojson):
            value = values.get(code, 0)
            shown = f"{number(value)} {self.measure}" if value else "chưa có số liệu"
            provinces.append({"path": _path(rings), "fill": fill(value), "href": links.get(code, ""),
                              "tooltip": f"{names.get(code, code)}: {shown}"})
        islands = []
        for lines, lon, lat in ISLANDS:
            x, y = _point(lon, lat)
            islands.append({"x": x, "y": y, "lines": lines})
        width, height = self.size
        svg = _template().render(map=self, provinces=provinces, islands=islands, width=width, height=height,
                                 view_width=width * UNITS_PER_PIXEL, view_height=height * UNITS_PER_PIXEL,
                                 font=FONT, no_data=NO_DATA)
        return svg.encode("utf-8")


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("province_map.svg.j2")
