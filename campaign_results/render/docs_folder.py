"""A folder of generated files (the Markdown sources MkDocs builds from, or the static files
published beside them), written incrementally.

A file is rewritten only when its content changed, so that a build after a
one-record edit touches a handful of files. Files that no stage produces in
this run (a deleted record's page, an old chart) are removed: before the pages
are written when the folder knows which files to expect (:meth:`expect`, the
docs folder, whose pages MkDocs may start reading while others are still
being written), else at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomically


@dataclass
class DocsFolder:
    root: Path
    produced: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    hand_written: frozenset[str] = frozenset()
    expected: frozenset[str] | None = None  # every generated path of this run, when known in advance

    def write(self, path: str, data: bytes) -> None:
        if path in self.produced:
            raise ValueError(f"{path} được tạo hai lần trong một lần dựng")
        if self.expected is not None and path not in self.expected:
            raise ValueError(f"{path} được tạo mà không có trong kế hoạch trang (render/site_pages.py)")
        self.produced.add(path)
        if _write_if_changed(self.root / path, data):
            self.written.append(path)
        else:
            self.unchanged += 1

    def add(self, other: DocsFolder) -> None:
        """Count as this folder's what ``other`` wrote into the same folder (in another process)."""
        twice = self.produced & other.produced
        if twice:
            raise ValueError(f"{sorted(twice)[0]} được tạo hai lần trong một lần dựng")
        self.produced |= other.produced
        self.written += other.written
        self.unchanged += other.unchanged

    def copy_hand_written(self, content_dir: Path) -> None:
        """The pages of content/, which no generated page may replace."""
        paths = sorted(p for p in content_dir.rglob("*") if p.is_file())
        for path in paths:
            self.write(path.relative_to(content_dir).as_posix(), path.read_bytes())
        self.hand_written = frozenset(p.relative_to(content_dir).as_posix() for p in paths)

    def expect(self, paths: Iterable[str]) -> None:
        """The generated paths of this run: anything else in the folder is removed now, and writing a
        path not among them is an error."""
        self.expected = frozenset(paths)
        clash = self.expected & self.hand_written
        if clash:
            raise ValueError(f"{sorted(clash)[0]} vừa là trang viết tay (content/) vừa là trang sinh ra")
        self.prune(self.expected | self.hand_written)

    def missing(self) -> list[str]:
        """The expected paths that were not written."""
        return sorted((self.expected or frozenset()) - self.produced)

    def prune(self, keep: Iterable[str] | None = None) -> list[str]:
        """Remove every file but ``keep`` (by default, what this run produced); the removed paths."""
        keep = self.produced if keep is None else set(keep)
        removed = []
        if not self.root.exists():
            return removed
        for path in sorted(self.root.rglob("*"), reverse=True):
            relative = path.relative_to(self.root).as_posix()
            if path.is_file() and relative not in keep:
                path.unlink()
                removed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed


def _write_if_changed(target: Path, data: bytes) -> bool:
    """Whether ``target`` was (re)written."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    # A changed file is replaced rather than overwritten: the published site may hold a hard link
    # to the old file (publish/publish.py), which must keep its bytes; and a killed build leaves the
    # old file or the new one, never half of one. The temporary file (files.py) is in the same
    # folder and its name starts with a dot, which MkDocs ignores if it lists the folder meanwhile;
    # one a killed build left is removed by the next build (:meth:`DocsFolder.prune`).
    write_atomically(target, data)
    return True
