"""campaign_results/render/maps.py: a map of one measure, each province a link with its name and
value as a tooltip, the legend's classes, and text at 12 px as shown on a phone."""

from __future__ import annotations

import json
import re
from pathlib import Path

from campaign_results.render.maps import FONT, UNITS_PER_PIXEL, WIDTH, ProvinceMap, classes


def _geojson(folder: Path) -> str:
    square = [[[105.0, 20.0], [106.0, 20.0], [106.0, 21.0], [105.0, 21.0], [105.0, 20.0]]]
    other = [[[[107.0, 15.0], [108.0, 15.0], [108.0, 16.0], [107.0, 15.0]]]]
    path = folder / "provinces.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"ma_tinh": "01"}, "geometry": {"type": "Polygon", "coordinates": square}},
        {"type": "Feature", "properties": {"ma_tinh": "02"}, "geometry": {"type": "MultiPolygon", "coordinates": other}},
    ]}), encoding="utf-8")
    return str(path)


def _map(tmp_path: Path, values=(("01", 3), ("02", 0))) -> ProvinceMap:
    return ProvinceMap("Mô hình theo tỉnh", values, "mô hình", (("01", "Hà <Nội>"), ("02", "Huế")),
                       (("01", "../don-vi/ha-noi/"), ("02", "../don-vi/hue/")), _geojson(tmp_path))


def test_each_province_is_a_link_to_its_page_with_its_name_and_value(tmp_path: Path) -> None:
    svg = _map(tmp_path).draw().decode("utf-8")
    links = re.findall(r'<a href="([^"]+)" target="_top"><path d="(M[^"]+)" fill="([^"]+)"[^>]*><title>([^<]+)</title>',
                       svg)
    assert [(href, title) for href, _, _, title in links] == [
        ("../don-vi/ha-noi/", "Hà &lt;Nội&gt;: 3 mô hình"), ("../don-vi/hue/", "Huế: chưa có số liệu")]
    assert links[1][2] == "url(#chua-co-so-lieu)"  # no data: hatched, not a colour of the scale
    assert "Hoàng Sa" in svg and "(Khánh Hòa)" in svg


def test_the_map_is_drawn_for_a_phone_column_with_12_px_text(tmp_path: Path) -> None:
    drawing = _map(tmp_path)
    width, height = drawing.size
    svg = drawing.draw().decode("utf-8")
    assert width == WIDTH and f'viewBox="0 0 {width * UNITS_PER_PIXEL} {height * UNITS_PER_PIXEL}"' in svg
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', svg)}
    assert sizes == {FONT} and FONT / UNITS_PER_PIXEL == 12


def test_the_legend_names_each_class_and_no_data(tmp_path: Path) -> None:
    assert classes([0, 1, 7]) == [(1, 2), (3, 4), (5, 6), (7, 7)]
    assert classes([0, 0]) == []
    legend = _map(tmp_path, (("01", 7), ("02", 1))).legend
    assert [label for _, label in legend] == ["1–2", "3–4", "5–6", "7", "chưa có số liệu"]


def test_the_digest_follows_what_the_map_shows(tmp_path: Path) -> None:
    assert _map(tmp_path).digest == _map(tmp_path).digest
    assert _map(tmp_path).digest != _map(tmp_path, (("01", 4), ("02", 0))).digest
