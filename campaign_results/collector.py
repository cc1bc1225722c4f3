"""Python's cycle collector, paused while a build checks and generates.

Checking and generating create millions of small objects that live until the
end of the build (the records, the dataset, the pages' tables). The collector
walks every one of them at each full collection: at 10.000 records that was a
third of the check's time. They are freed by reference counting; the few
cycles (small) wait until the collector runs again after the build. Processes
that draw images (matplotlib makes cycles) turn it back on (render/charts.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
