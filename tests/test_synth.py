"""`synth` writes realistic data that passes the check, in both province systems."""

from __future__ import annotations

from pathlib import Path

from campaign_results.pipeline import check_data
from campaign_results.synth import synthesize


def test_synthetic_data_passes_check(tmp_path: Path) -> None:
    summary = synthesize(tmp_path / "data", records=600)
    assert 590 <= summary.records <= 610
    result = check_data(tmp_path / "data", tmp_path)
    assert result.report.ok, [p.message for p in result.report.errors[:5]]
    dataset = result.dataset
    assert len(dataset.models) == summary.models and len(dataset.peak_days) == summary.peak_days
    systems = {dataset.unit(r.unit).system for d in dataset.peak_days.values() for r in d.results}
    assert systems == {"63", "34"}  # peak days before and after the 2025 merger
    assert {m.year for m in dataset.models.values()} == set(range(2019, 2027))
    assert all(any(ord(c) > 127 for c in m.name) for m in dataset.models.values())  # Vietnamese text
