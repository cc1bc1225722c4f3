"""Has anything that generation reads changed since the last successful generation?

The fingerprint covers the records (data/), the hand-written pages (content/),
the code, templates and schemas (this package) and mkdocs.yml: the path, size
and modification time of every file; and the current git commit. When it matches the one stored after the
last successful generation and the generated folder is still there, checking
and generating again would write exactly the same files, so both are skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .history import head
from .project import Project

PACKAGE = Path(__file__).resolve().parent


def fingerprint(project: Project) -> str:
    digest = hashlib.sha256()
    for folder in (project.data_dir, project.content_dir, PACKAGE):
        for directory, subdirectories, files in os.walk(folder):
            subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
            for name in sorted(files):
                stat = os.stat(os.path.join(directory, name))
                digest.update(f"{directory}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    config = project.mkdocs_config.stat()
    digest.update(f"mkdocs.yml\0{config.st_size}\0{config.st_mtime_ns}".encode())
    digest.update(f"git\0{head(project.root)}".encode())  # the "what changed" page reads the history
    return digest.hexdigest()


def _record(project: Project) -> Path:
    return project.root / ".cache" / "generated.json"


def unchanged_since_last_generation(project: Project, current: str) -> int | None:
    """The number of generated files if nothing changed since they were generated, else None."""
    try:
        stored = json.loads(_record(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stored.get("fingerprint") != current or not (project.docs_dir.is_dir() and project.static_dir.is_dir()):
        return None
    return stored.get("files")


def remember_generation(project: Project, current: str, files: int) -> None:
    path = _record(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"fingerprint": current, "files": files}), encoding="utf-8")
