"""Has anything that generation reads changed since the last successful generation?

The fingerprint covers the records (data/), the hand-written pages (content/),
the code, templates and schemas (this package) and mkdocs.yml: the path, size
and modification time of every file; the current git commit; and what generation reads from
the environment (:data:`ENVIRONMENT`: the published address, in the Atom feed; and the latest
date a record may carry, which follows today's date or SOURCE_DATE_EPOCH). When it matches the
one stored after the last successful generation and the generated folder is still there,
checking and generating again would write exactly the same files, so both are skipped.

The stored fingerprint is removed before a generation starts changing the generated folder, so
that a generation stopped half-way (a killed build) is never taken for a finished one.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .dates import latest_date
from .files import write_atomically
from .history import head
from .project import Project

PACKAGE = Path(__file__).resolve().parent
# Environment variables that change generated files (grep os.environ in this package): the
# address in the Atom feed (render/sections/changes.py). MkDocs reads SITE_URL too (mkdocs.yml),
# but MkDocs runs on every build.
ENVIRONMENT = ("SITE_URL",)


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
    for name in ENVIRONMENT:
        value = os.environ.get(name)
        digest.update(f"\nenv\0{name}\0{'-' if value is None else '=' + value}".encode())
    digest.update(f"\nlatest\0{latest_date().isoformat()}".encode())  # records dated later are errors
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


def forget_generation(project: Project) -> None:
    """Before generation changes the generated folder: until it finishes, nothing is skipped."""
    _record(project).unlink(missing_ok=True)


def remember_generation(project: Project, current: str, files: int) -> None:
    write_atomically(_record(project), json.dumps({"fingerprint": current, "files": files}).encode("utf-8"))
