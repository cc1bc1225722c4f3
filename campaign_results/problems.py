"""Problems found in the data, and the report that collects them.

Every problem is an object with a code from the catalogue
(:mod:`campaign_results.catalogue`), a place (file, line, column, field) and a
Vietnamese message and hint. Nothing is raised one at a time: each stage adds
what it finds to a :class:`Report`, and the command line prints it at the end.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass, field

from .catalogue import RULES
from .text import closest, fold

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Place:
    """Where a problem is: a file under the project, and a line/column/field in it."""

    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    hint: str
    # The rule's parameters as given (what fills the message's slots), for `check --format json`.
    params: dict = field(default_factory=dict, compare=False)
    missing: tuple[str, ...] = field(default=(), compare=False)  # slots no parameter filled

    def as_dict(self) -> dict:
        shown = asdict(self)
        del shown["missing"]
        shown["params"] = {key: str(value) for key, value in self.params.items()}
        return shown


def slots(template: str) -> set[str]:
    """The names of a message's ``{name}`` slots."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fill(template: str, params: dict) -> str:
    """Fill ``{name}`` slots; a slot without a value is left out here (a user never sees a
    KeyError) and listed in ``Problem.missing``, which the tests hold empty."""
    return template.format(**{name: params.get(name, "") for name in slots(template)})


def field_name(path: tuple) -> str:
    """A field path as staff count: ("indicators", 2, "target") → "indicators › mục 3 › target"
    (the items of a list counted from 1, as they read them in the file)."""
    return " › ".join(f"mục {step + 1}" if isinstance(step, int) else str(step) for step in path)


def did_you_mean(value: str, options: list[str]) -> str:
    """A Vietnamese "did you mean" sentence for a hint, or "" when nothing is close."""
    matches = closest(value, {fold(option): option for option in options})
    if not matches:
        return ""
    return "Có phải là " + " hoặc ".join(f"\"{m}\"" for m in matches) + "? "


def make_problem(code: str, place: Place, **params: object) -> Problem:
    rule = RULES[code]
    params = {key: value for key, value in params.items() if value is not None}
    return Problem(
        code=code,
        severity=rule.severity,
        file=place.file,
        line=place.line,
        column=place.column,
        field=place.field,
        message=_fill(rule.message, params),
        hint=_fill(rule.hint, params),
        params=params,
        missing=tuple(sorted((slots(rule.message) | slots(rule.hint)) - set(params))),
    )


@dataclass
class Report:
    """All problems of one run, in the order found; printed sorted by place."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    def add(self, code: str, place: Place, **params: object) -> Problem:
        problem = make_problem(code, place, **params)
        self.problems.append(problem)
        return problem

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))
