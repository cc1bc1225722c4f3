"""The memory a build takes from the machine: its processes' proportional set sizes, added up.

A build is several processes at once (the build itself, MkDocs, forked
workers). Their resident set sizes count twice the memory a forked child still
shares with its parent; the proportional set size (``Pss`` in
``/proc/<pid>/smaps_rollup``) shares such pages out between the processes, so
the sum over the build's process tree is the memory the build holds. It is
sampled once a second, in a thread, while the build runs (a sample costs about
30 ms of CPU).
"""

from __future__ import annotations

import os
import threading


class PeakMemory:
    """The highest sum, in MB, of the PSS of process ``pid`` and its descendants while sampled."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb

    def _sample(self) -> None:
        while not self._stop.is_set():
            total_kb = sum(_pss_kb(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total_kb / 1024)
            self._stop.wait(self._interval)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # ended meanwhile
            children.setdefault(parent, []).append(int(name))
    tree = [root]
    for pid in tree:
        tree += children.get(pid, [])
    return tree


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
