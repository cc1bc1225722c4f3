"""Where a project's files are: its data, hand-written pages, generated pages, caches and site.

The real project is the folder holding build_site.py; the benchmark builds
other projects (synthetic data) with the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    root: Path = HERE

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def docs_dir(self) -> Path:
        """Markdown sources for MkDocs: content/ plus the generated pages (never committed)."""
        return self.root / "build" / "docs"

    @property
    def static_dir(self) -> Path:
        """Generated files published as they are, beside what MkDocs builds (the search index)."""
        return self.root / "build" / "static"

    @property
    def chart_cache_dir(self) -> Path:
        return self.root / ".cache" / "charts"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"
