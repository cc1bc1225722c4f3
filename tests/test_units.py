"""Unit names are read in the province system in force on the record's date."""

from __future__ import annotations

import datetime as dt

import pytest

from campaign_results.model.units import SYSTEM_34, SYSTEM_63, Unit, UnitRegistry, load_provinces
from campaign_results.problems import Place, make_problem
from campaign_results.project import Project

BEFORE = dt.date(2023, 8, 11)
AFTER = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    registry = UnitRegistry()
    load_provinces(Project().data_dir / "reference", registry)
    return registry


def test_both_province_lists_are_loaded(registry) -> None:
    assert len(registry.provinces(SYSTEM_63)) == 63
    assert len(registry.provinces(SYSTEM_34)) == 34


@pytest.mark.parametrize("written", ["Bến Tre", "ben tre", "BEN TRE", "Tỉnh đoàn Bến Tre", "Tỉnh Bến Tre",
                                     "Be\u0302\u0301n Tre"])
def test_names_match_on_their_folded_key(registry, written) -> None:
    assert registry.resolve(written, BEFORE).unit.id == "ben-tre"


def test_tone_placement_and_city_prefixes(registry) -> None:
    assert registry.resolve("Hòa Bình", BEFORE).unit.id == "hoa-binh"  # the list writes "Hoà Bình"
    assert registry.resolve("TP. Hồ Chí Minh", BEFORE).unit.id == "ho-chi-minh"
    assert registry.resolve("Thừa Thiên Huế", BEFORE).unit.id == "hue"


def test_the_2025_merger(registry) -> None:
    assert registry.resolve("Vĩnh Long", AFTER).unit.id == "vinh-long-2025"
    assert registry.resolve("Vĩnh Long", BEFORE).unit.id == "vinh-long"
    late = registry.resolve("Bến Tre", AFTER)
    assert late.unit is None and late.problem == "province-merged"
    assert late.params["successor_short"] == "Vĩnh Long" and late.params["successor_id"] == "vinh-long-2025"
    vinh_long = registry.by_id["vinh-long-2025"]
    assert set(vinh_long.predecessors) == {"ben-tre", "tra-vinh", "vinh-long"}
    assert registry.by_id["kien-giang"].successor == "an-giang-2025"


@pytest.mark.parametrize("written, on, code", [
    ("Bến Tre", AFTER, "province-merged"),
    ("ben-tre", AFTER, "province-id-merged"),
    ("vinh-long-2025", BEFORE, "province-id-before-merger"),
])
def test_a_province_of_the_other_system_is_refused_with_the_values_of_its_rule(registry, written, on, code) -> None:
    refused = registry.resolve(written, on)
    problem = make_problem(refused.problem, Place("data/x.yaml"), **refused.params)
    assert (refused.unit, problem.code, problem.missing) == (None, code, ())
    assert "1/7/2025" in problem.message and "Vĩnh Long" in problem.message + problem.hint


def test_a_name_only_the_34_have_is_refused_before_the_merger() -> None:
    """No such name is in data/reference/ (each of the 34 kept the name of one of the 63)."""
    registry = UnitRegistry()
    registry.add(Unit(id="moi-2025", name="Tỉnh Mới", short_name="Mới", kind="tinh", system=SYSTEM_34))
    refused = registry.resolve("Tỉnh Mới", BEFORE)
    problem = make_problem(refused.problem, Place("data/x.yaml"), **refused.params)
    assert (refused.unit, problem.code, problem.missing) == (None, "province-before-merger", ())
    assert problem.message == "\"Tỉnh Mới\" là tên tỉnh từ 1/7/2025, không dùng cho bản ghi ngày 11/8/2023."


def test_unknown_names_get_a_suggestion(registry) -> None:
    missing = registry.resolve("Ben Tree", BEFORE)
    assert missing.problem == "unknown-unit" and "Bến Tre" in missing.params["suggestion"]
