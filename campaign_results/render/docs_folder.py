"""A folder of generated files (the Markdown sources MkDocs builds from, or the static files
published beside them), written incrementally.

A file is rewritten only when its content changed, so that a build after a
one-record edit touches a handful of files. Files that no stage produced in
this run (a deleted record's page, an old chart) are removed at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class DocsFolder:
    root: Path
    produced: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    hand_written: frozenset[str] = frozenset()

    def write(self, path: str, data: bytes) -> None:
        if path in self.produced:
            raise ValueError(f"{path} được tạo hai lần trong một lần dựng")
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

    def prune(self) -> list[str]:
        """Remove what this run did not produce; the removed paths."""
        removed = []
        if not self.root.exists():
            return removed
        for path in sorted(self.root.rglob("*"), reverse=True):
            relative = path.relative_to(self.root).as_posix()
            if path.is_file() and relative not in self.produced:
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
        # A changed file is replaced rather than overwritten: the published site may hold a
        # hard link to the old file (publish/publish.py), which must keep its bytes.
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return True
