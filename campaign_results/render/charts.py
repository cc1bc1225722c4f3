"""The images pages show, stored by the hash of their data and drawn only when missing.

An image is anything with a ``digest``, a file ``suffix`` and a ``draw()``
returning its bytes: bar charts (``bar_chart.py``), maps (``maps.py``) and
link-preview cards (``share_card.py``). One whose data did not change keeps
its name and is taken from the cache instead of being drawn again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..parallel import MODEST_NICE

PARALLEL_FROM = 16  # below this many charts, starting worker processes costs more than it saves


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
    reused: set[str] = field(default_factory=set)      # file names found in the cache
    pending: dict[str, object] = field(default_factory=dict)
    in_use: set[str] = field(default_factory=set)     # every image the pages asked for
    _pool: ProcessPoolExecutor | None = None
    _results: list = field(default_factory=list)

    def path(self, name: str) -> Path:
        return self.directory / name

    def request(self, image) -> str:
        """The file name of ``image`` (a chart, map or preview card), drawn later if not cached."""
        name = image.digest + image.suffix
        self.in_use.add(name)
        if name in self.pending or name in self.reused:
            return name
        if self.path(name).exists():
            self.reused.add(name)
        else:
            self.pending[name] = image
        return name

    def add(self, other: ChartCache) -> None:
        """Count as this cache's the images ``other`` was asked for (in another process)."""
        for name, image in other.pending.items():
            self.pending.setdefault(name, image)
        self.reused |= other.reused
        self.in_use |= other.in_use

    def start_drawing(self, workers: int) -> None:
        """Begin drawing the pending images in ``workers`` background processes."""
        if not self.pending or self._pool:
            return
        images = list(self.pending.values())
        chunk = max(1, len(images) // (workers * 4))
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_start_worker)
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


def _start_worker() -> None:
    os.nice(MODEST_NICE)  # lower priority than MkDocs, whose time is what the reader of the build waits for
    gc.enable()  # paused by the build (collector.py); matplotlib's figures are cycles


def _draw_all(images: list) -> list[bytes]:
    return [image.draw() for image in images]
