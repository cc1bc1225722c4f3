"""Choropleth maps of results by province, drawn with matplotlib as SVG.

Boundaries come from ``data/reference/geo/`` (see its SOURCE.md): the 63
provinces until 30/6/2025 and the 34 from 1/7/2025, joined on the GSO code
(``ma_tinh``). The islands of Hoàng Sa belong to Đà Nẵng's shape and those of
Trường Sa to Khánh Hòa's, in both systems, and the map names them. Colour is
never the only carrier: each class is labelled with its range, and the page
gives the numbers in a table.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache

from ..format import number

MAP_VERSION = 1
COLOURS = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")  # light to dark; no data is grey and hatched
NO_DATA = "#e0e0e0"
ISLANDS = (("Quần đảo Hoàng Sa\n(Đà Nẵng)", 112.0, 17.9), ("Quần đảo Trường Sa\n(Khánh Hòa)", 113.6, 12.2))


@lru_cache(maxsize=4)
def _shapes(path: str) -> list[tuple[str, list]]:
    """(GSO code, list of rings) for each province of a GeoJSON file."""
    with open(path, encoding="utf-8") as handle:
        collection = json.load(handle)
    shapes = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        shapes.append((feature["properties"]["ma_tinh"], [ring for polygon in polygons for ring in polygon[:1]]))
    return shapes


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
    values: tuple[tuple[str, int], ...]  # (GSO code, value)
    measure: str                          # what the numbers count, for the legend
    names: tuple[tuple[str, str], ...]    # (GSO code, province name), for the text alternative
    geojson: str = field(compare=False)   # path of the boundary file (not part of the digest)
    suffix = ".svg"
    width_inches = 4.6
    height_inches = 6.8
    size = (round(width_inches * 96), round(height_inches * 96))  # CSS pixels

    @property
    def digest(self) -> str:
        with open(self.geojson, "rb") as handle:
            boundaries = hashlib.sha256(handle.read()).hexdigest()
        payload = json.dumps([MAP_VERSION, self.title, self.values, self.measure, boundaries], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def alt_text(self) -> str:
        names = dict(self.names)
        ranked = sorted((v, names.get(code, code)) for code, v in self.values if v)[::-1][:5]
        top = "; ".join(f"{name}: {number(value)}" for value, name in ranked)
        empty = sum(1 for _, v in self.values if not v)
        return (f"Bản đồ {self.title}. Cao nhất: {top}. {empty} tỉnh, thành chưa có số liệu. "
                "Quần đảo Hoàng Sa thuộc Đà Nẵng và quần đảo Trường Sa thuộc Khánh Hòa được thể hiện trên bản đồ.")

    def draw(self) -> bytes:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot as plt
        from matplotlib.collections import PolyCollection
        from matplotlib.patches import Patch

        values = dict(self.values)
        ranges = classes(list(values.values()))

        def colour(value: int) -> str:
            for (low, high), shade in zip(ranges, COLOURS, strict=False):
                if low <= value <= high:
                    return shade
            return NO_DATA

        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "campaign-results", "text.parse_math": False,
                                    "font.family": ["DejaVu Sans", "sans-serif"], "font.size": 9}):
            figure, axes = plt.subplots(figsize=(self.width_inches, self.height_inches))
            for code, rings in _shapes(self.geojson):
                value = values.get(code, 0)
                collection = PolyCollection(rings, facecolors=colour(value), edgecolors="#616161", linewidths=0.3,
                                            hatch="////" if not value else None)
                axes.add_collection(collection)
            for label, lon, lat in ISLANDS:
                axes.annotate(label, (lon, lat), fontsize=7, ha="center", color="#212121")
            axes.set_xlim(102, 117.5)
            axes.set_ylim(8, 23.6)
            axes.set_aspect("equal")
            axes.axis("off")
            legend = [Patch(facecolor=shade, edgecolor="#616161", label=f"{number(low)}–{number(high)}")
                      for (low, high), shade in zip(ranges, COLOURS, strict=False)]
            legend.append(Patch(facecolor=NO_DATA, edgecolor="#616161", hatch="////", label="chưa có số liệu"))
            axes.legend(handles=legend, title=self.measure, loc="lower left", fontsize=7, title_fontsize=7,
                        frameon=False)
            figure.tight_layout()
            buffer = io.BytesIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
            plt.close(figure)
        return buffer.getvalue()
