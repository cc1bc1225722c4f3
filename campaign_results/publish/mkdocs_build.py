"""Running MkDocs, and replacing site/ only when the new build succeeded.

MkDocs writes into a fresh folder beside ``site/``; only a build that
finished without error or warning (``--strict``) is moved into place, so a
failed build leaves the previous site untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class MkDocsResult:
    ok: bool
    log: str


def build_with_mkdocs(config_file: Path, site_dir: Path) -> MkDocsResult:
    staging = site_dir.with_name(site_dir.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
         "--site-dir", str(staging)],
        cwd=config_file.parent, capture_output=True, text=True)
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return MkDocsResult(False, completed.stdout + completed.stderr)
    previous = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return MkDocsResult(True, completed.stdout + completed.stderr)
