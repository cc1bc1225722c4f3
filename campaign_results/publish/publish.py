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
from dataclasses import dataclass
from pathlib import Path

from .search_index import index_site


@dataclass
class PublishResult:
    ok: bool
    log: str


def publish(config_file: Path, site_dir: Path) -> PublishResult:
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
         "--site-dir", str(staging)],
        cwd=config_file.parent, capture_output=True, text=True)
    log = built.stdout + built.stderr
    if built.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return PublishResult(False, log)
    indexed = index_site(staging)
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
    return PublishResult(True, log)
