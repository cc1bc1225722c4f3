"""A YAML file that cannot be read is explained in Vietnamese: which slip, which line and field,
and the line as it should be written. An unreadable file causes no false errors elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from .bad_inputs import MODEL_FILE, NEW_MODEL, PEAK_DAY_FILE, RESULTS_FILE, model
from .conftest import run_cli

# words of PyYAML's English problem texts, which must never reach staff
ENGLISH = ("mapping", "expected", "found", "while scanning", "while parsing", "could not",
           "not allowed", "cannot start", "end of stream", "token", "block")
VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
FIGURE = "indicators:\n  - indicator: cay-xanh\n"


@dataclass
class Slip:
    name: str
    code: str
    text: str            # the new model file
    line: int
    field: str | None
    fixed: str | None    # the line the hint must suggest, when it is known here


SLIPS = [
    Slip("colon in a value", "yaml-colon-in-value", model(name='Mô hình: "Vì một Bến Tre xanh"'),
         2, "name", "name: 'Mô hình: \"Vì một Bến Tre xanh\"'"),  # the typed quotes kept
    Slip("text after the closing quote", "yaml-text-after-quote",
         model(name='"Vì một Bến Tre xanh" của Đoàn'), 2, "name", "name: '\"Vì một Bến Tre xanh\" của Đoàn'"),
    Slip("tab before a field", "yaml-tab", model() + FIGURE + "\tresult: 5\n", 10, "result", "    result: 5"),
    Slip("tab after a list dash", "yaml-tab", model().replace("sources: [ben-tre-2021-2616-cv]\n", "")
         + "sources:\n  -\tben-tre-2021-2616-cv\n", 8, "sources", "  - ben-tre-2021-2616-cv"),
    Slip("field under a list item too shallow", "yaml-indentation", model() + FIGURE + "   result: 5\n",
         10, "result", "    result: 5"),
    Slip("field under a list item too deep", "yaml-indentation", model() + FIGURE + "     result: 5\n",
         10, "result", "    result: 5"),
    Slip("list item misaligned", "yaml-indentation",
         model().replace("sources: [ben-tre-2021-2616-cv]\n", "")
         + "sources:\n  - ben-tre-2021-2616-cv\n - ben-tre-2021-01-hd-bcd\n",
         9, "sources", "  - ben-tre-2021-01-hd-bcd"),
    Slip("bracket not closed", "yaml-unclosed-bracket",
         model(sources="[ben-tre-2021-2616-cv", place="Bến Tre"), 7, "sources", "sources: [ben-tre-2021-2616-cv]"),
    Slip("quote not closed to the end of the file", "yaml-unclosed-quote", model(name='"Vì một Bến Tre xanh'),
         2, "name", 'name: "Vì một Bến Tre xanh"'),
    Slip("quote not closed, ended by a later quote", "yaml-unclosed-quote",
         model(name='"Vì một Bến Tre xanh', place='"09 huyện, thành phố"'), 2, "name", 'name: "Vì một Bến Tre xanh"'),
    Slip("Markdown emphasis at the start", "yaml-special-start", model(description="*Nghiêng* ở đầu"),
         8, "description", 'description: "*Nghiêng* ở đầu"'),
    Slip("a Word bullet before a quotation", "yaml-special-start", model(description='* "Ra quân" sáng 11/8'),
         8, "description", "description: '* \"Ra quân\" sáng 11/8'"),
    Slip("no space after the colon", "yaml-missing-colon", model().replace("name: ", "name:"),
         2, "name", "name: Mô hình mới"),
    Slip("anything else", "yaml-syntax", model() + "---\nnote: Bản ghi thứ hai\n", 8, None, None),
]


def _check(data_dir: Path):
    run = run_cli("check", "--data", str(data_dir), "--format", "json")
    assert "Traceback" not in run.stdout + run.stderr
    return run


@pytest.mark.parametrize("slip", SLIPS, ids=[slip.name for slip in SLIPS])
def test_yaml_slip_is_named_in_vietnamese_with_its_fix(slip: Slip, data_copy: Path) -> None:
    path = data_copy.parent / NEW_MODEL
    path.write_text(slip.text, encoding="utf-8")
    run = _check(data_copy)

    assert run.exit_code == 1
    problems = [p for p in run.problems if p["file"] == NEW_MODEL]
    assert [(p["code"], p["line"], p["field"]) for p in problems] == [(slip.code, slip.line, slip.field)]
    problem = problems[0]
    for text in (problem["message"], problem["hint"]):
        assert VIETNAMESE.search(text.lower()), text
        assert not [word for word in ENGLISH if word in text.lower()], text
    assert f"{slip.line}" in problem["message"]
    if slip.fixed is None:
        return

    # the hint ends with the line as it should be written: with it, the file reads and checks clean
    assert problem["hint"].endswith("thành: " + slip.fixed), problem["hint"]
    lines = slip.text.splitlines()
    lines[slip.line - 1] = slip.fixed
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fixed_run = _check(data_copy)
    assert fixed_run.exit_code == 0, fixed_run.problems
    assert not fixed_run.problems


def test_unclosed_quote_names_where_the_parser_gave_up(data_copy: Path) -> None:
    (data_copy.parent / NEW_MODEL).write_text(
        model(name='"Vì một Bến Tre xanh', place='"09 huyện, thành phố"'), encoding="utf-8")
    problem = next(p for p in _check(data_copy).problems if p["file"] == NEW_MODEL)
    assert "dòng 2" in problem["message"] and "dòng 8" in problem["message"]


def test_reference_to_an_unreadable_document_names_its_file(data_copy: Path) -> None:
    document = "data/documents/ben-tre-2021-2616-cv.yaml"
    path = data_copy.parent / document
    path.write_text(path.read_text(encoding="utf-8").replace("title: Về việc đề nghị", "title: Về việc: đề nghị"),
                    encoding="utf-8")
    run = _check(data_copy)

    assert run.exit_code == 1
    codes = {p["code"] for p in run.problems}
    assert "unknown-document" not in codes
    citing = [p for p in run.problems if p["code"] == "reference-unreadable"]
    assert MODEL_FILE in {p["file"] for p in citing}
    for problem in citing:
        assert document in problem["message"] and "ben-tre-2021-2616-cv" in problem["message"]
        assert problem["field"].startswith("sources")
    assert {p["code"] for p in run.problems if p["file"] == document} == {"yaml-colon-in-value"}


def test_results_of_an_unreadable_peak_day_are_not_orphans(data_copy: Path) -> None:
    path = data_copy.parent / PEAK_DAY_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ncampaign:", "\ncampaign: [", 1), encoding="utf-8")
    run = _check(data_copy)

    assert run.exit_code == 1
    assert not [p for p in run.problems if p["file"] == RESULTS_FILE], run.problems
    assert "unknown-reference" not in {p["code"] for p in run.problems}
    assert {p["code"] for p in run.problems if p["file"] == PEAK_DAY_FILE} == {"yaml-unclosed-bracket"}
