"""Lighthouse's mobile scores for a page, with the npm package in tools/lighthouse driving Debian's chromium."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS

TOOL = Path(__file__).resolve().parents[2] / "tools" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def ensure_installed() -> Path:
    cli = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TOOL, check=True)
    return cli


def scores(url: str) -> dict[str, float]:
    """Lighthouse's four category scores (0–1) for ``url``, with its default mobile emulation."""
    completed = subprocess.run(
        ["node", str(ensure_installed()), url, "--quiet", "--output=json",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if completed.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}: {completed.stderr[-500:]}")
    report = json.loads(completed.stdout)
    return {name: float(report["categories"][name]["score"]) for name in CATEGORIES}
