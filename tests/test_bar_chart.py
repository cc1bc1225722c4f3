"""Bar charts as a reader sees them: every label and value legible within the chart's width,
long labels wrapped, bars in proportion, and record text that cannot break the image."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from campaign_results.render.bar_chart import PAD, WIDTH, BarChart, text_width

SVG = "{http://www.w3.org/2000/svg}"
LONG = ("Số hộ được hỗ trợ xây dựng nhà nhân ái, nhà tình nghĩa và sửa chữa nhà ở cho hộ nghèo, "
        "hộ cận nghèo trên địa bàn toàn tỉnh trong đợt cao điểm tình nguyện hè năm nay và các năm trước, "
        "kể cả các xã vùng sâu, vùng xa và hải đảo")


def chart(**changes) -> BarChart:
    fields = {"title": "Tỉ lệ đạt so với chỉ tiêu (%)", "labels": ("Cây xanh", "Nhà nhân ái <mới> & cũ", LONG),
              "values": (140.25, 80.0, 116.6), "value_labels": ("140,3%", "80%", "116,6%"),
              "axis_label": "% chỉ tiêu", "reference": 100.0, "reference_label": "100%"}
    return BarChart(**{**fields, **changes})


def drawn(c: BarChart) -> ET.Element:
    return ET.fromstring(c.draw())  # also proves the SVG is well-formed XML


def texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


def test_labels_and_values_are_text_and_record_text_is_escaped() -> None:
    svg = drawn(chart())
    shown = texts(svg)
    for value in ("140,3%", "80%", "116,6%", "100%", "% chỉ tiêu", "Cây xanh", "Nhà nhân ái <mới> & cũ"):
        assert value in shown
    assert svg.find(f"{SVG}title").text == "Tỉ lệ đạt so với chỉ tiêu (%)"


def test_long_labels_wrap_within_the_width_and_stop_after_three_lines() -> None:
    svg = drawn(chart())
    lines = [span.text for span in svg.iter(f"{SVG}tspan")]
    long_lines = lines[2:]
    assert len(long_lines) == 3 and long_lines[-1].endswith("…")
    assert " ".join(long_lines).startswith("Số hộ được hỗ trợ xây dựng nhà nhân ái")
    assert all(text_width(line, 13) <= WIDTH - 2 * PAD for line in lines)
    short = drawn(chart(labels=("Cây xanh", "Nhà", "Đường")))
    assert len(list(short.iter(f"{SVG}tspan"))) == 3


def test_bars_are_in_proportion_and_leave_room_for_their_values() -> None:
    svg = drawn(chart())
    bars = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("fill") == "#1565c0"]
    assert len(bars) == 3
    assert abs(bars[1] / bars[0] - 80.0 / 140.25) < 0.01
    values = {"".join(t.itertext()): float(t.get("x")) for t in svg.iter(f"{SVG}text") if t.get("x")}
    assert values["140,3%"] + text_width("140,3%", 12) <= WIDTH  # the longest bar's value fits


def test_the_page_reserves_the_drawn_size() -> None:
    for c in (chart(), chart(labels=("A", "B", "C"))):
        svg = drawn(c)
        assert (int(svg.get("width")), int(svg.get("height"))) == c.size
    assert chart().size[1] > chart(labels=("A", "B", "C")).size[1]  # wrapped labels make it taller


def test_a_chart_is_named_by_its_data() -> None:
    assert chart().digest == chart().digest
    assert chart().digest != chart(values=(140.25, 81.0, 116.6)).digest
