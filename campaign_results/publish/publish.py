"""Building the site with MkDocs and Pagefind, and replacing site/ only on success.

Everything is written into a fresh folder beside ``site/``; only a build that
finished without error or warning (``mkdocs build --strict``) and whose
search index was made is moved into place. A failed build leaves the previous
site untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .search_index import index_site


@dataclass
class PublishResult:
    ok: bool
    log: str
    seconds: dict[str, float] = field(default_factory=dict)  # mkdocs, search_index


def publish(config_file: Path, site_dir: Path) -> PublishResult:
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    start = time.perf_counter()
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
         "--site-dir", str(staging)],
        cwd=config_file.parent, capture_output=True, text=True)
    log = built.stdout + built.stderr
    seconds = {"mkdocs": time.perf_counter() - start}
    if built.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return PublishResult(False, log)
    start = time.perf_counter()
    indexed = index_site(staging)
    seconds["search_index"] = time.perf_counter() - start
    log += indexed.stdout + indexed.stderr
    if indexed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return PublishResult(False, log)
    previous = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return PublishResult(True, log, seconds)
