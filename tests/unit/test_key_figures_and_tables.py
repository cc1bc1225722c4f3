"""campaign_results/render/key_figures.py and tables.py: a headline figure's target bar, a table
that says its one source once, and which tables a reader can sort."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from campaign_results.render.key_figures import KeyFigure, KeyFigures
from campaign_results.render.tables import MIN_ROWS_TO_SORT, Cell, Table, text_cell


def test_a_result_above_its_target_fills_the_bar_and_says_its_percent() -> None:
    above = KeyFigure(value="1.166", label="Đoàn viên được tập huấn", target="1.000", achieved=Decimal("116.6"))
    assert (above.bar, above.achieved_text) == (100, "116,6%")
    assert KeyFigure(value="5", label="x", target="10", achieved=Decimal("50")).bar == 50
    assert KeyFigure(value="5", label="x").bar == 0 and KeyFigure(value="5", label="x").achieved_text == ""


def test_sources_are_listed_once_each() -> None:
    figures = KeyFigures()
    for link in (Markup('<a href="a">A</a>'), Markup('<a href="b">B</a>'), Markup('<a href="a">A</a>')):
        figures.add_source(link)
    assert figures.sources == [Markup('<a href="a">A</a>'), Markup('<a href="b">B</a>')]


def _table(sources: list[str]) -> Table:
    table = Table(["Đơn vị", "Nguồn"])
    for n, source in enumerate(sources):
        table.add([text_cell(f"Đơn vị {n}"), Cell(Markup(f'<a href="{source}">{source}</a>'), note=True)])
    return table


def test_a_source_shared_by_every_row_is_said_once_under_the_table() -> None:
    shared = _table(["bao-cao", "bao-cao", "bao-cao"])
    shared.lift_source()
    assert shared.columns == ["Đơn vị"] and all(len(row) == 1 for row in shared.rows)
    assert shared.source == Markup('<a href="bao-cao">bao-cao</a>')
    mixed = _table(["bao-cao", "ke-hoach"])
    mixed.lift_source()
    assert mixed.columns == ["Đơn vị", "Nguồn"] and mixed.source is None
    empty = Table(["Nguồn"])
    empty.lift_source()
    assert empty.columns == ["Nguồn"] and empty.source is None


def test_a_table_of_a_few_rows_has_no_sort_buttons() -> None:
    assert not _table(["a"] * (MIN_ROWS_TO_SORT - 1)).sorts
    assert _table(["a"] * MIN_ROWS_TO_SORT).sorts
    unsortable = _table(["a"] * MIN_ROWS_TO_SORT)
    unsortable.sortable = False
    assert not unsortable.sorts
