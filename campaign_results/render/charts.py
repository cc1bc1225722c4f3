"""Bar charts drawn with matplotlib as SVG, cached by the hash of their data.

Text stays text in the SVG (``svg.fonttype: none``), so Vietnamese labels are
drawn by the reader's browser with its own fonts, and are searchable and
sharp. Every chart comes with a text alternative written from its data; the
page shows the same data as a table next to it.

A chart is identified by the hash of everything that shapes it (title,
labels, values, style version): one whose data did not change is taken from
the cache instead of being drawn again.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PARALLEL_FROM = 16  # below this many charts, starting worker processes costs more than it saves
STYLE_VERSION = 2  # bump when the drawing code changes, to redraw every chart
WIDTH_INCHES = 4.6  # about the width of a phone screen, so that text keeps its size
BAR_COLOUR = "#1565c0"
REFERENCE_COLOUR = "#c62828"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one per label. ``reference`` draws a dashed line (e.g. 100%).

    The title is the figure's caption on the page, not drawn in the image.
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    value_labels: tuple[str, ...]   # the values as the page writes them: "1.166", "116,6%"
    axis_label: str
    reference: float | None = None
    reference_label: str | None = None

    @property
    def digest(self) -> str:
        payload = json.dumps([STYLE_VERSION, self.title, self.labels, self.values, self.value_labels,
                              self.axis_label, self.reference, self.reference_label], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    suffix = ".svg"
    width_inches = WIDTH_INCHES

    def draw(self) -> bytes:
        return draw(self)

    @property
    def height_inches(self) -> float:
        return 0.9 + 0.4 * len(self.labels)

    def alt_text(self) -> str:
        """The chart in words: what is compared and every bar's value, largest first."""
        pairs = sorted(zip(self.labels, self.values, self.value_labels, strict=True), key=lambda p: -p[1])
        parts = "; ".join(f"{label}: {shown}" for label, _, shown in pairs)
        text = f"Biểu đồ cột ngang: {self.title}. {parts}."
        if self.reference is not None and self.reference_label:
            text += f" Đường mốc: {self.reference_label}."
        return text


@dataclass
class ChartCache:
    """SVG and PNG files by digest in ``directory``.

    Pages ask for images while they are rendered (:meth:`request`); the images
    not in the cache are then drawn together, in parallel when there are many:
    either at once (:meth:`draw_pending`), or in worker processes while the
    caller does something else (:meth:`start_drawing`, then :meth:`draw_pending`
    waits for them). A full build draws while MkDocs builds the pages, which
    need only the images' names and sizes.
    """

    directory: Path
    drawn: list[str] = field(default_factory=list)    # file names
    reused: list[str] = field(default_factory=list)
    pending: dict[str, object] = field(default_factory=dict)
    in_use: set[str] = field(default_factory=set)     # every image the pages asked for
    _pool: ProcessPoolExecutor | None = None
    _results: list = field(default_factory=list)

    def path(self, name: str) -> Path:
        return self.directory / name

    def request(self, image) -> str:
        """The file name of ``image`` (a BarChart or a ShareCard), drawn later if not cached."""
        name = image.digest + image.suffix
        self.in_use.add(name)
        if name in self.pending or name in self.reused:
            return name
        if self.path(name).exists():
            self.reused.append(name)
        else:
            self.pending[name] = image
        return name

    def add(self, other: ChartCache) -> None:
        """Count as this cache's the images ``other`` was asked for (in another process)."""
        for name, image in other.pending.items():
            self.pending.setdefault(name, image)
        self.reused += [name for name in other.reused if name not in self.reused]
        self.in_use |= other.in_use

    def start_drawing(self, workers: int) -> None:
        """Begin drawing the pending images in ``workers`` background processes."""
        if not self.pending or self._pool:
            return
        images = list(self.pending.values())
        chunk = max(1, len(images) // (workers * 4))
        # Lower priority than MkDocs, whose time is what the reader of the build waits for.
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=os.nice, initargs=(5,))
        self._results = [self._pool.submit(_draw_all, images[i:i + chunk]) for i in range(0, len(images), chunk)]

    def draw_pending(self, workers: int | None = None) -> None:
        """Draw the pending images (or wait for the background drawing) and store them."""
        images = list(self.pending.items())
        if not images:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        workers = workers or os.cpu_count() or 1
        if self._pool is None and workers > 1 and len(images) >= PARALLEL_FROM:
            self.start_drawing(workers)
        if self._pool is not None:
            with self._pool:
                drawn = [data for result in self._results for data in result.result()]
            self._pool, self._results = None, []
        else:
            drawn = [image.draw() for _, image in images]
        for (name, _), data in zip(images, drawn, strict=True):
            temporary = self.path(name).with_suffix(".tmp")
            temporary.write_bytes(data)
            temporary.replace(self.path(name))
            self.drawn.append(name)
        self.pending.clear()


def _draw_all(images: list) -> list[bytes]:
    return [image.draw() for image in images]


def draw(chart: BarChart) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    with matplotlib.rc_context({
        "svg.fonttype": "none",
        "svg.hashsalt": "campaign-results",  # stable ids: same data, same file
        "font.family": ["DejaVu Sans", "sans-serif"],
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }):
        figure, axes = plt.subplots(figsize=(WIDTH_INCHES, chart.height_inches))
        positions = list(range(len(chart.labels)))[::-1]
        axes.barh(positions, chart.values, color=BAR_COLOUR, height=0.6)
        axes.set_yticks(positions, labels=list(chart.labels))
        axes.set_xlabel(chart.axis_label)
        top = max(list(chart.values) + [chart.reference or 0]) or 1
        axes.set_xlim(0, top * 1.25)
        for y, value, shown in zip(positions, chart.values, chart.value_labels, strict=True):
            axes.text(value + top * 0.01, y, shown, va="center", fontsize=9)
        if chart.reference is not None:
            axes.axvline(chart.reference, color=REFERENCE_COLOUR, linestyle="--", linewidth=1)
            if chart.reference_label:
                axes.text(chart.reference, len(chart.labels) - 0.4, chart.reference_label,
                          color=REFERENCE_COLOUR, fontsize=8, ha="left")
        axes.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(_tick))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(figure)
    return buffer.getvalue()


def _tick(value: float, _position) -> str:
    from .format import number
    return number(int(value)) if value == int(value) else number(round(value, 1))
