"""Building the site with MkDocs, adding the files published as they are, and replacing site/
only on success.

Everything is written into a fresh folder beside ``site/``: MkDocs' pages
(``mkdocs build --strict``), then the generated static files (the search
index, charts and images) linked in beside them. Only a build that finished without error or
warning is moved into place; a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PublishResult:
    ok: bool
    log: str
    seconds: dict[str, float] = field(default_factory=dict)  # mkdocs, images, static


def publish(config_file: Path, static_dir: Path, site_dir: Path,
            prepare_static: Callable[[], None] | None = None) -> PublishResult:
    """Build into a new folder and swap it in. ``prepare_static`` completes the static folder once
    MkDocs is done (the images drawn meanwhile)."""
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
    if prepare_static:
        prepare_static()
    seconds["images"] = time.perf_counter() - start
    start = time.perf_counter()
    clashes = add_static_files(static_dir, staging)
    seconds["static"] = time.perf_counter() - start
    if clashes:
        shutil.rmtree(staging, ignore_errors=True)
        return PublishResult(False, log + "".join(f"Tệp {path} vừa do MkDocs tạo vừa được sinh sẵn.\n"
                                                  for path in clashes))
    previous = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return PublishResult(True, log, seconds)


def add_static_files(static_dir: Path, site: Path) -> list[str]:
    """Link (or copy) every file of ``static_dir`` into ``site``; the paths MkDocs already wrote."""
    clashes = []
    for directory, _, names in os.walk(static_dir):
        target_dir = site / Path(directory).relative_to(static_dir)
        target_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            source, target = Path(directory, name), target_dir / name
            if target.exists():
                clashes.append(target.relative_to(site).as_posix())
                continue
            try:
                os.link(source, target)  # same bytes, no copy; generation replaces files, never edits them
            except OSError:
                shutil.copy2(source, target)
    return clashes
