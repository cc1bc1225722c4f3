"""Unit names are read in the province system in force on the record's date."""

from __future__ import annotations

import datetime as dt

import pytest

from campaign_results.model.units import SYSTEM_34, SYSTEM_63, UnitRegistry, load_provinces
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
    assert late.unit is None and late.problem == "unit-wrong-period"
    assert "Vĩnh Long" in late.params["suggestion"]
    vinh_long = registry.by_id["vinh-long-2025"]
    assert set(vinh_long.predecessors) == {"ben-tre", "tra-vinh", "vinh-long"}
    assert registry.by_id["kien-giang"].successor == "an-giang-2025"


def test_unknown_names_get_a_suggestion(registry) -> None:
    missing = registry.resolve("Ben Tree", BEFORE)
    assert missing.problem == "unknown-unit" and "Bến Tre" in missing.params["suggestion"]
