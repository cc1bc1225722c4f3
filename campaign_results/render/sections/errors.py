"""The list of every error code, with an example and its fix: generated from the catalogue,
so that the contributor guide cannot drift from what the check says."""

from __future__ import annotations

import re

from ...catalogue import RULES
from .. import urls
from ..renderer import Renderer

PAGE = urls.ERROR_CODES


def _general(template: str) -> str:
    """A message template with its slots shown as "…"."""
    return re.sub(r"\{[a-z_]+\}", "…", template)


def plan(r: Renderer) -> None:
    r.plan(PAGE, lambda: _errors(r))


def _errors(r: Renderer) -> None:
    rules = [rule for rule in RULES.values() if rule.code != "internal-error"]
    r.page(PAGE, "errors.md.j2", rules=rules, general=_general)
