"""`python build_site.py new model|peak-day|document …`: a record started from a skeleton.

The skeleton sits where the record belongs, with a well-formed id and the same
file name, comments that explain each field, and the values still to be
written marked "ĐIỀN: …" (fill in), which the check reports as ``placeholder``
until they are replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .dates import DateError, format_date, parse_date
from .model.units import UnitRegistry, load_provinces
from .project import Project
from .text import slugify

SKELETONS = Path(__file__).resolve().parent / "skeletons"
PLACEHOLDER = "ĐIỀN:"
KINDS = ("model", "peak-day", "document")


class NewRecordError(ValueError):
    """A Vietnamese message for the person who ran the command."""


@dataclass
class NewRecord:
    path: Path
    to_fill: list[tuple[int, str]]  # (line, what to write)


def _render(template: str, **context) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(SKELETONS), keep_trailing_newline=True,
                                     undefined=jinja2.StrictUndefined)
    return environment.get_template(template).render(**context)


def _short_slug(text: str, words: int = 6) -> str:
    return "-".join(slugify(text).split("-")[:words])


def _date(text: str):
    try:
        return parse_date(text)
    except DateError:
        raise NewRecordError(f"Ngày \"{text}\" không đúng dạng ngày/tháng/năm, ví dụ 11/8/2026.") from None


def _unit_name(project: Project, name: str, on) -> str:
    registry = UnitRegistry()
    load_provinces(project.data_dir / "reference", registry)
    resolution = registry.resolve(name, on)
    if resolution.unit is None:
        raise NewRecordError(f"Không tìm thấy đơn vị \"{name}\". {resolution.params.get('suggestion', '')}".strip())
    return resolution.unit


def create(project: Project, kind: str, *, unit: str | None = None, year: int | None = None,
           name: str | None = None, date: str | None = None, campaign: str | None = None,
           issuer: str | None = None, number: str | None = None) -> NewRecord:
    if kind == "model":
        if not unit or not year:
            raise NewRecordError("Cần --unit (đơn vị) và --year (năm), ví dụ: new model --unit \"Bến Tre\" --year 2024")
        found = _unit_name(project, unit, parse_date(f"1/7/{year}") if 1990 <= year <= 2100 else None)
        record_id = f"{found.id.removesuffix('-2025')}-{year}-{_short_slug(name) if name else 'mo-hinh-moi'}"
        path = project.data_dir / "models" / str(year) / f"{record_id}.yaml"
        text = _render("model.yaml.j2", id=record_id, name=name, unit=found.short_name, year=year)
    elif kind == "peak-day":
        if not date:
            raise NewRecordError("Cần --date (ngày), ví dụ: new peak-day --date 11/8/2026 --name \"…\"")
        day = _date(date)
        record_id = f"{day.isoformat()}-{_short_slug(name) if name else 'ngay-cao-diem'}"
        path = project.data_dir / "peak-days" / f"{record_id}.yaml"
        text = _render("peak_day.yaml.j2", id=record_id, name=name, date=format_date(day), campaign=campaign)
    elif kind == "document":
        if not issuer or not number or not date:
            raise NewRecordError("Cần --issuer, --number và --date, ví dụ: new document --issuer \"Tỉnh đoàn Bến Tre\" "
                                 "--number 15-CV/TĐTN-BPT --date 12/1/2026")
        day = _date(date)
        found = _unit_name(project, issuer, day)
        match = re.match(r"^(\d+)[a-z]?-([A-ZĐ]+)/|^(\d+)/\d{4}/([A-ZĐ]+)-", number)
        if not match:
            raise NewRecordError(f"Số hiệu \"{number}\" không đúng dạng, ví dụ 15-CV/TĐTN-BPT.")
        serial, type_code = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        record_id = f"{found.id.removesuffix('-2025')}-{day.year}-{serial}-{slugify(type_code)}"
        path = project.data_dir / "documents" / f"{record_id}.yaml"
        text = _render("document.yaml.j2", id=record_id, number=number, type=type_code,
                       issuer=found.short_name, date=format_date(day))
    else:
        raise NewRecordError(f"Loại bản ghi \"{kind}\" không có; chọn một trong: {', '.join(KINDS)}.")
    if path.exists():
        raise NewRecordError(f"Tệp {path.relative_to(project.root)} đã có; chọn tên khác (--name) hoặc sửa tệp đó.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if kind == "peak-day":
        results = project.data_dir / "results" / f"{record_id}.csv"
        if not results.exists():
            results.parent.mkdir(parents=True, exist_ok=True)
            results.write_text("unit,track,indicator,value,note,source\n", encoding="utf-8")
    to_fill = [(number, line.split(PLACEHOLDER, 1)[1].strip().rstrip('"'))
               for number, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line]
    return NewRecord(path, to_fill)
