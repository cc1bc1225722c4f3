"""Printing a check report: for people (Vietnamese text), for programs (JSON), and for GitHub
Actions (an annotation on each problem's file and line, and a table in the job summary)."""

from __future__ import annotations

import json
from typing import TextIO

from .problems import Problem, Report

_SEVERITY = {"error": "LỖI", "warning": "CẢNH BÁO"}


def print_problem(problem: Problem, out: TextIO, field_label: str = "trường") -> None:
    """One problem: where (file:line:column, left out for a problem in no file), severity, code and
    field (``field_label``: "tuỳ chọn" for an option of a command), then its message and hint."""
    where = problem.file
    if problem.line:
        where += f":{problem.line}"
        if problem.column:
            where += f":{problem.column}"
    field = f" ({field_label} {problem.field})" if problem.field else ""
    out.write(f"{where + ': ' if where else ''}{_SEVERITY[problem.severity]} [{problem.code}]{field}\n")
    out.write(f"    {problem.message}\n")
    if problem.hint:
        out.write(f"    Cách sửa: {problem.hint}\n")


def print_text(report: Report, out: TextIO) -> None:
    for problem in report.sorted():
        print_problem(problem, out)
    errors, warnings = len(report.errors), len(report.warnings)
    out.write(f"\nĐã kiểm tra {report.files_checked} tệp dữ liệu: {errors} lỗi, {warnings} cảnh báo.\n")
    if errors:
        out.write("Dữ liệu chưa hợp lệ: trang web sẽ không được xuất bản cho đến khi sửa hết lỗi.\n")
    else:
        out.write("Dữ liệu hợp lệ.\n")


def print_json(report: Report, out: TextIO) -> None:
    json.dump({
        "files_checked": report.files_checked,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [p.as_dict() for p in report.sorted()],
    }, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def print_github(report: Report, out: TextIO) -> None:
    """One ``::error``/``::warning`` line per problem, shown by GitHub on the file and line."""
    for problem in report.sorted():
        level = "error" if problem.severity == "error" else "warning"
        properties = [f"file={_escape_property(problem.file)}"]
        if problem.line:
            properties.append(f"line={problem.line}")
        if problem.column:
            properties.append(f"col={problem.column}")
        title = f"{problem.code}" + (f" ({problem.field})" if problem.field else "")
        properties.append(f"title={_escape_property(title)}")
        out.write(f"::{level} {','.join(properties)}::{_escape_data(problem.message + ' Cách sửa: ' + problem.hint)}\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_markdown(report: Report) -> str:
    """The job summary: a Vietnamese table of every problem."""
    errors, warnings = len(report.errors), len(report.warnings)
    lines = [f"## Kiểm tra dữ liệu: {errors} lỗi, {warnings} cảnh báo", ""]
    if not report.problems:
        lines.append("Dữ liệu hợp lệ.")
        return "\n".join(lines) + "\n"
    lines += ["| Mức | Tệp | Dòng | Trường | Mã lỗi | Lỗi | Cách sửa |", "|---|---|---:|---|---|---|---|"]
    for p in report.sorted():
        lines.append(f"| {_SEVERITY[p.severity]} | `{_cell(p.file)}` | {p.line or ''} | {_cell(p.field or '')} "
                     f"| `{p.code}` | {_cell(p.message)} | {_cell(p.hint)} |")
    return "\n".join(lines) + "\n"
