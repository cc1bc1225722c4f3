"""Every bad input gets its own error code, at the file and line where it was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaign_results.catalogue import RULES
from campaign_results.problems import slots

from .bad_inputs import CASES, Case
from .conftest import run_cli
from .test_import_xlsx import IMPORT_ONLY_RULES
from .test_new_record import NEW_ONLY_RULES


def _apply(case: Case, data_dir: Path) -> None:
    root = data_dir.parent
    for relative, content in case.write.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for relative, (old, new) in case.edit.items():
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the case {case.name!r} edits text that is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for link, target in case.symlinks.items():
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        (root / link).symlink_to(root / target)


def _line_of(root: Path, relative: str, marker: int | str | None) -> int | None:
    if marker is None or isinstance(marker, int):
        return marker
    text = (root / relative).read_text(encoding="utf-8")
    assert marker in text, f"{marker!r} is not in {relative}"
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_where_it_was_written(case: Case, data_copy: Path) -> None:
    _apply(case, data_copy)
    run = run_cli("check", "--data", str(data_copy), "--format", "json")

    assert "Traceback" not in run.stderr + run.stdout
    assert run.exit_code == case.exit_code, run.stdout
    found = {(p["code"], p["file"], p["line"]) for p in run.problems}
    for code, file, marker in case.expect:
        expected = (code, file, _line_of(data_copy.parent, file, marker))
        assert expected in found, f"expected {expected}, got {sorted(found, key=str)}"
    for problem in run.problems:
        assert problem["message"] and problem["hint"], problem
        rule = RULES[problem["code"]]
        unfilled = (slots(rule.message) | slots(rule.hint)) - set(problem["params"])
        assert not unfilled, f"{problem['code']}: no value for {sorted(unfilled)} in {problem['message']}"
    if case.hint_contains:
        hints = " ".join(p["message"] + " " + p["hint"] for p in run.problems
                         if p["code"] == case.expect[0][0])
        assert case.hint_contains in hints


def test_corpus_covers_every_rule_of_the_catalogue() -> None:
    covered = {code for case in CASES for code, _, _ in case.expect}
    # data-missing is tested in test_check_command, the spreadsheet rules in test_import_xlsx, the
    # rules of `new` in test_new_record; province-before-merger in test_units (data/reference/ has
    # no name it applies to); internal-error has no data that causes it
    elsewhere = {"internal-error", "data-missing", "province-before-merger"} | IMPORT_ONLY_RULES | NEW_ONLY_RULES
    untested = set(RULES) - covered - elsewhere
    assert not untested, f"rules with no bad-input case: {sorted(untested)}"
    assert len(CASES) >= 30


def test_all_problems_of_a_run_are_reported_together(data_copy: Path) -> None:
    _apply(next(c for c in CASES if c.name == "misspelled province"), data_copy)
    _apply(next(c for c in CASES if c.name == "semicolon-separated CSV"), data_copy)
    _apply(next(c for c in CASES if c.name == "weekday does not match the date"), data_copy)
    run = run_cli("check", "--data", str(data_copy), "--format", "json")
    assert run.exit_code == 1
    codes = {p["code"] for p in run.problems}
    assert {"unknown-unit", "csv-delimiter", "weekday-mismatch"} <= codes


def test_text_report_names_file_line_field_and_fix(data_copy: Path) -> None:
    _apply(next(c for c in CASES if c.name == "thousands typed with a dot in YAML"), data_copy)
    run = run_cli("check", "--data", str(data_copy))
    assert run.exit_code == 1
    assert "data/models/2021/ben-tre-2021-mo-hinh-moi.yaml:10:" in run.stdout
    assert "indicators › mục 1 › result" in run.stdout
    assert "Cách sửa:" in run.stdout
    assert "1 lỗi" in run.stdout and "không được xuất bản" in run.stdout
