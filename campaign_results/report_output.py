"""Printing a check report for people (Vietnamese text) or for programs (JSON)."""

from __future__ import annotations

import json
from typing import TextIO

from .problems import Report

_SEVERITY = {"error": "LỖI", "warning": "CẢNH BÁO"}


def print_text(report: Report, out: TextIO) -> None:
    for problem in report.sorted():
        where = problem.file
        if problem.line:
            where += f":{problem.line}"
            if problem.column:
                where += f":{problem.column}"
        field = f" (trường {problem.field})" if problem.field else ""
        out.write(f"{where}: {_SEVERITY[problem.severity]} [{problem.code}]{field}\n")
        out.write(f"    {problem.message}\n")
        if problem.hint:
            out.write(f"    Cách sửa: {problem.hint}\n")
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
