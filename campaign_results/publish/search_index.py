"""The search index: Pagefind, run over the built site.

Pagefind splits its index into chunks that the browser loads on demand, so a
first query downloads a few tens of kilobytes whatever the size of the site
(Material's built-in search sends the whole index to every phone). Pagefind
matches "ben tre" to "Bến Tre" by itself; "đ" is its own letter to it, so the
MkDocs hook adds a folded copy of the words with "đ" (see mkdocs_hooks.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def index_site(site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
                          capture_output=True, text=True)
