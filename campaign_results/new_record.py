"""`python build_site.py new model|peak-day|document|campaign|plan …`: a record started from a skeleton.

The skeleton sits where the record belongs, with a well-formed id and the same
file name, comments that explain each field, and the values still to be
written marked "ĐIỀN: …" (fill in), which the check reports as ``placeholder``
until they are replaced. Every value the person typed is written as a quoted
YAML string, so quotes, backslashes and "#" in a name are read back as typed.

Units are the provinces of data/reference/ (the 63 before 1/7/2025, the 34
after) and the units of data/units/ (Trung ương Đoàn, Đoàn trực thuộc).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from .dates import DateError, format_date, parse_date
from .files import create_atomically
from .load.yaml_file import parse_yaml
from .model.units import Unit, UnitRegistry, load_provinces, unit_from_record
from .problems import Place, make_problem
from .project import Project
from .text import slugify

SKELETONS = Path(__file__).resolve().parent / "skeletons"
PLACEHOLDER = "ĐIỀN:"
KINDS = ("model", "peak-day", "document", "campaign", "plan")
CENTRAL = "trung-uong-doan"  # the organiser of a campaign when --unit is not given

# Ids from names: words kept, besides those with a digit or an inner capital (VNeID).
ID_WORDS = 6
# Dropped from a name longer than ID_WORDS: what its kind already says, and words that only join.
GENERIC = {
    "model": ("mô hình",),
    "peak-day": ("ngày cao điểm",),
    "campaign": ("chiến dịch",),
    "plan": ("kế hoạch", "công văn"),
}
FILLER = ("triển khai", "thực hiện", "của", "và", "cho", "tại", "về", "việc", "các", "những", "với")


class NewRecordError(ValueError):
    """What was typed cannot make the record: a problem of the catalogue, at the option it was
    typed in (``Place(field="--date")``) or at the file that is already there."""

    def __init__(self, code: str, place: Place, **params: object) -> None:
        self.problem = make_problem(code, place, **params)
        super().__init__(self.problem.message)


def _option(name: str | None = None) -> Place:
    """The place of a problem in what was typed after ``new``: in no file, at option ``name``."""
    return Place("", field=name)


@dataclass
class NewRecord:
    path: Path
    to_fill: list[tuple[int, str]]  # (line, what to write)


def yaml_str(value: str) -> str:
    """``value`` as a double-quoted YAML scalar on one line, read back exactly as it is."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf).rstrip("\n")


def _render(template: str, **context) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(SKELETONS), keep_trailing_newline=True,
                                     undefined=jinja2.StrictUndefined)
    environment.filters["yaml_str"] = yaml_str
    return environment.get_template(template).render(**context)


# --- ids --------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def _distinguishing(word: str) -> bool:
    """A number or an acronym-like word (VNeID, CAND, 2026): the word that tells records apart."""
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def _without(words: list[str], phrases) -> list[str]:
    """``words`` less every occurrence of the ``phrases``, compared lower-case with their
    diacritics ("của" is dropped, "cửa" is not)."""
    drop = sorted((_words(phrase.lower()) for phrase in phrases), key=len, reverse=True)
    kept, i = [], 0
    while i < len(words):
        found = next((p for p in drop if p and [w.lower() for w in words[i:i + len(p)]] == p), None)
        if found:
            i += len(found)
        else:
            kept.append(words[i])
            i += 1
    return kept


def _short_slug(name: str, kind: str, known=()) -> str:
    """The part of an id that comes from a name.

    Words the id already says (``known``: its unit, its year) are dropped. A name longer than
    ID_WORDS words also loses the generic words of its kind ("mô hình", "chiến dịch" …) and of
    FILLER. Then the first ID_WORDS words are kept, plus every distinguishing word after them.
    """
    words = _without(_words(name), known)
    if len(words) > ID_WORDS:
        words = _without(words, GENERIC.get(kind, ()) + FILLER)
    ordinary = set([i for i, word in enumerate(words) if not _distinguishing(word)][:ID_WORDS])
    kept = [word for i, word in enumerate(words) if i in ordinary or _distinguishing(word)]
    return "-".join(filter(None, (slugify(word) for word in kept)))


def _slug_or(name: str | None, kind: str, default: str, known=()) -> str:
    return (_short_slug(name, kind, known) if name else "") or default


def _unit_words(unit: Unit) -> tuple[str, ...]:
    return unit.name, unit.short_name


def _unit_prefix(unit: Unit) -> str:
    return unit.id.removesuffix("-2025")


# --- what the person typed --------------------------------------------------

def _date(text: str):
    try:
        return parse_date(text)
    except DateError:
        raise NewRecordError("new-date-format", _option("--date"), value=text) from None


def _mid_year(year: int):
    """The date a unit is named at for a record of ``year``: mid-year (any year: the check
    reports a year out of range, with its line, once the file is written)."""
    return dt.date(year, 7, 1) if dt.MINYEAR <= year <= dt.MAXYEAR else None


def load_units(units_dir: Path, registry: UnitRegistry) -> None:
    """Add the units of data/units/ whose files read as records (the check reports the others),
    without their file: for a command that names units, not for the check. A symbolic link
    out of data/ is left out, as the check refuses it."""
    data_dir = units_dir.resolve().parent
    for path in sorted(units_dir.rglob("*.yaml")):
        if not path.is_file() or not path.resolve().is_relative_to(data_dir):
            continue
        data = parse_yaml(path.read_text(encoding="utf-8")).data
        if isinstance(data, dict) and all(isinstance(data.get(key), str) for key in ("id", "name", "kind")):
            registry.add(unit_from_record(data))


def _unit(project: Project, name: str, on, option: str = "--unit") -> Unit:
    """The unit ``name`` means on date ``on``; if none, the problem the check would report in the
    record (unknown-unit, province-merged…), at ``option``."""
    registry = UnitRegistry()
    load_provinces(project.data_dir / "reference", registry)
    load_units(project.data_dir / "units", registry)
    resolution = registry.resolve(name, on)
    if resolution.unit is not None:
        return resolution.unit
    raise NewRecordError(resolution.problem, _option(option), **resolution.params)


def _require(values, code: str) -> None:
    """``code``: the rule that names the options a kind needs (new-model-options …)."""
    if not all(values):
        raise NewRecordError(code, _option())


# --- one function per kind: (path, text) ------------------------------------

def _model(project: Project, unit, year, name) -> tuple[Path, str]:
    _require((unit, year), "new-model-options")
    found = _unit(project, unit, _mid_year(year))
    slug = _slug_or(name, "model", "mo-hinh-moi", (*_unit_words(found), str(year)))
    record_id = f"{_unit_prefix(found)}-{year}-{slug}"
    level = "trung-uong" if found.kind == "trung-uong" else "tinh"
    return (project.data_dir / "models" / str(year) / f"{record_id}.yaml",
            _render("model.yaml.j2", id=record_id, name=name, unit=found.short_name, year=year, level=level))


def _peak_day(project: Project, date, name, campaign) -> tuple[Path, str]:
    _require((date,), "new-peak-day-options")
    day = _date(date)
    record_id = f"{day.isoformat()}-{_slug_or(name, 'peak-day', 'ngay-cao-diem', (str(day.year),))}"
    return (project.data_dir / "peak-days" / f"{record_id}.yaml",
            _render("peak_day.yaml.j2", id=record_id, name=name, date=format_date(day), campaign=campaign))


def _document(project: Project, issuer, number, date) -> tuple[Path, str]:
    _require((issuer, number, date), "new-document-options")
    day = _date(date)
    found = _unit(project, issuer, day, "--issuer")
    match = re.match(r"^(\d+)[a-z]?-([A-ZĐ]+)/|^(\d+)/\d{4}/([A-ZĐ]+)-", number)
    if not match:
        raise NewRecordError("new-number-format", _option("--number"), value=number)
    serial, type_code = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    record_id = f"{_unit_prefix(found)}-{day.year}-{serial}-{slugify(type_code)}"
    return (project.data_dir / "documents" / f"{record_id}.yaml",
            _render("document.yaml.j2", id=record_id, number=number, type=type_code,
                    issuer=found.short_name, date=format_date(day)))


def _campaign(project: Project, unit, year, name) -> tuple[Path, str]:
    _require((name, year), "new-campaign-options")
    organiser = _unit(project, unit or CENTRAL, _mid_year(year))
    record_id = f"{year}-{_slug_or(name, 'campaign', 'chien-dich', (str(year),))}"
    return (project.data_dir / "campaigns" / f"{record_id}.yaml",
            _render("campaign.yaml.j2", id=record_id, name=name, year=year, organiser=organiser.short_name))


def _plan(project: Project, unit, year, name, document) -> tuple[Path, str]:
    _require((unit, year, name), "new-plan-options")
    found = _unit(project, unit, _mid_year(year))
    slug = _slug_or(name, "plan", "ke-hoach", (*_unit_words(found), str(year)))
    record_id = f"{_unit_prefix(found)}-{year}-{slug}"
    return (project.data_dir / "plans" / f"{record_id}.yaml",
            _render("plan.yaml.j2", id=record_id, name=name, unit=found.short_name, year=year, document=document))


def create(project: Project, kind: str, *, unit: str | None = None, year: int | None = None,
           name: str | None = None, date: str | None = None, campaign: str | None = None,
           issuer: str | None = None, number: str | None = None, document: str | None = None) -> NewRecord:
    if kind == "model":
        path, text = _model(project, unit, year, name)
    elif kind == "peak-day":
        path, text = _peak_day(project, date, name, campaign)
    elif kind == "document":
        path, text = _document(project, issuer, number, date)
    elif kind == "campaign":
        path, text = _campaign(project, unit, year, name)
    elif kind == "plan":
        path, text = _plan(project, unit, year, name, document)
    else:
        raise NewRecordError("new-kind", _option(), kind=kind, kinds=", ".join(KINDS))
    try:
        create_atomically(path, text.encode("utf-8"))
    except FileExistsError:
        shown = path.relative_to(project.root).as_posix()
        raise NewRecordError("new-file-exists", Place(shown), file=shown) from None
    if kind == "peak-day":
        with contextlib.suppress(FileExistsError):  # results written before the peak day are kept
            create_atomically(project.data_dir / "results" / f"{path.stem}.csv",
                              b"unit,track,indicator,value,note,source\n")
    to_fill = [(number, line.split(PLACEHOLDER, 1)[1].strip().rstrip('"'))
               for number, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line]
    return NewRecord(path, to_fill)
