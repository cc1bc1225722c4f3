"""Horizontal bar charts, written as SVG from a template (``templates/bar_chart.svg.j2``).

Laid out for a phone: each bar's label on its own line(s) above the bar, the
value at the bar's end, no axis ticks (every bar says its value). Text stays
text, drawn by the reader's browser; it is measured here with DejaVu Sans (the
font matplotlib ships) to wrap long labels. Every chart comes with a text
alternative written from its data; the page shows the same data as a table.

A chart is identified by the hash of everything that shapes it (title,
labels, values, style version): the cache (``charts.py``) keeps it by that
name and does not write it again while its data stays the same.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import jinja2

STYLE_VERSION = 5  # bump when the layout or the template changes, to write every chart again
BAR_COLOUR = "#1565c0"
REFERENCE_COLOUR = "#c62828"
TEXT_COLOUR = "#212121"
MUTED_COLOUR = "#616161"

WIDTH = 320          # CSS pixels: a phone's column (360 px less the margins), so that text keeps its size
PAD = 8
LABEL_SIZE = 13      # font sizes in pixels
VALUE_SIZE = 12
AXIS_SIZE = 12
LINE = 16            # height of a label line
BAR = 14             # thickness of a bar
ROW_GAP = 8
MAX_LABEL_LINES = 3
TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class BarRow:
    lines: tuple[tuple[float, str], ...]   # (baseline y, text) of the label
    bar_y: float
    bar_width: float
    value_label: str


@dataclass(frozen=True)
class BarChart:
    """One bar per label. ``reference`` draws a dashed line (e.g. at 100%).

    The title is the figure's caption on the page (and the SVG's <title>).
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    value_labels: tuple[str, ...]   # the values as the page writes them: "1.166", "116,6%"
    axis_label: str
    reference: float | None = None
    reference_label: str | None = None
    suffix = ".svg"

    @property
    def digest(self) -> str:
        payload = json.dumps([STYLE_VERSION, self.title, self.labels, self.values, self.value_labels,
                              self.axis_label, self.reference, self.reference_label], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def alt_text(self) -> str:
        """The chart in words: what is compared and every bar's value, largest first."""
        pairs = sorted(zip(self.labels, self.values, self.value_labels, strict=True), key=lambda p: -p[1])
        parts = "; ".join(f"{label}: {shown}" for label, _, shown in pairs)
        text = f"Biểu đồ cột ngang: {self.title}. {parts}."
        if self.reference is not None and self.reference_label:
            text += f" Đường mốc: {self.reference_label}."
        return text

    # --- layout ---------------------------------------------------------------

    @cached_property
    def _layout(self) -> tuple[tuple[BarRow, ...], float, float]:
        """The rows, the x of the reference line (or 0) and the chart's height."""
        widest_value = max((text_width(v, VALUE_SIZE) for v in self.value_labels), default=0)
        room = WIDTH - 2 * PAD - widest_value - 6   # the longest bar still has its value beside it
        top = max([*self.values, self.reference or 0, 0]) or 1
        y = PAD + (LINE if self.reference_label else 0)
        rows = []
        for label, value, shown in zip(self.labels, self.values, self.value_labels, strict=True):
            lines = []
            for text in wrap(label, WIDTH - 2 * PAD, LABEL_SIZE):
                y += LINE
                lines.append((y - 4, text))
            rows.append(BarRow(tuple(lines), y, max(0.0, value) / top * room, shown))
            y += BAR + ROW_GAP
        reference_x = PAD + self.reference / top * room if self.reference is not None else 0
        return tuple(rows), reference_x, y + LINE

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in CSS pixels, for the page to reserve the chart's space."""
        return WIDTH, round(self._layout[2])

    def draw(self) -> bytes:
        rows, reference_x, height = self._layout
        svg = _template().render(
            chart=self, rows=rows, width=WIDTH, height=round(height), pad=PAD, bar=BAR,
            reference_x=reference_x, first_bar=rows[0].bar_y if rows else PAD,
            last_bar=rows[-1].bar_y + BAR if rows else PAD,
            colours={"bar": BAR_COLOUR, "reference": REFERENCE_COLOUR, "text": TEXT_COLOUR, "muted": MUTED_COLOUR},
            sizes={"label": LABEL_SIZE, "value": VALUE_SIZE, "axis": AXIS_SIZE})
        return svg.encode("utf-8")


def wrap(text: str, width: float, size: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (a single longer word keeps its own line),
    at most MAX_LABEL_LINES, the last one ending with "…" when words were left out."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > MAX_LABEL_LINES:
        last = lines[MAX_LABEL_LINES - 1].split()
        while len(last) > 1 and text_width(" ".join(last) + "…", size) > width:
            last.pop()
        lines = lines[:MAX_LABEL_LINES - 1] + [" ".join(last) + "…"]
    return lines or [""]


def text_width(text: str, size: int) -> float:
    return _font(size).getlength(text)


@lru_cache(maxsize=8)
def _font(size: int):
    import matplotlib
    from PIL import ImageFont

    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"), size)


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["px"] = lambda value: f"{value:.1f}".removesuffix(".0")
    return environment.get_template("bar_chart.svg.j2")
