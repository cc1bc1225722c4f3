"""`bench` runs end to end on a small synthetic project and reports every figure (values are not
judged here: speed and size targets are read from the benchmark's own output)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli

KEYS = ["full_build_s", "generate_s", "mkdocs_s", "floor_s", "ratio", "noop_generate_s", "noop_files_rewritten",
        "edit_generate_s", "edit_files_rewritten", "edit_charts_drawn", "generated_files", "peak_rss_mb",
        "largest_process_mb",
        "site_bytes", "bytes_per_record", "search_first_query_bytes", "search_first_result_ms", "home_bytes"]


def test_bench_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = run_cli("bench", "--records", "200", "--no-lighthouse", "--json", str(out), "--workdir", str(tmp_path))
    assert run.exit_code == 0, run.stdout + run.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in KEYS:
        assert key in figures and key.split("_")[0] in run.stdout, key
    assert figures["noop_files_rewritten"] == 0
    assert figures["edit_charts_drawn"] == 1  # the edited result's chart, and only it
    assert 0 < figures["edit_files_rewritten"] <= 10
    assert 0 < figures["search_first_query_bytes"] < figures["site_bytes"] / 100  # a few index files
    assert figures["peak_rss_mb"] > 20 and figures["largest_process_mb"] > 20  # at least one Python process
    assert figures["home_bytes"] > 0 and figures["site_bytes"] > figures["home_bytes"]
