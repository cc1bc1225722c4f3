"""Assembling the Markdown sources MkDocs builds from.

The hand-written pages of ``content/`` are copied into ``build/docs/``; the
generated pages are written beside them by the render stage. Nothing under
``build/`` is committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def assemble_docs(content_dir: Path, docs_dir: Path) -> set[str]:
    """Start ``docs_dir`` afresh from the hand-written pages; their paths, which no
    generated page may take."""
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    shutil.copytree(content_dir, docs_dir)
    return {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*") if p.is_file()}
