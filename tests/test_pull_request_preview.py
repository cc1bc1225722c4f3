"""A pull request's built site, downloaded from GitHub as site.zip, opens in a browser with the one
command the README gives (Python's standard library only: no clone of the project needed)."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_downloaded_site_artifact_opens_with_the_readme_command(built_site: Path, tmp_path: Path) -> None:
    command = next(line.strip() for line in README.splitlines() if "zipfile -e site.zip" in line)
    assert command.endswith(" 8000") and "http://127.0.0.1:8000/" in README
    # as actions/upload-artifact packs site/: its files at the top of the zip
    with zipfile.ZipFile(tmp_path / "site.zip", "w") as bundle:
        for path in built_site.rglob("*"):
            if path.is_file():
                bundle.write(path, path.relative_to(built_site).as_posix())
    port = _free_port()
    server = subprocess.Popen(["bash", "-c", re.sub(r" 8000$", f" {port}", command)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        pages = {}
        deadline = time.monotonic() + 60
        for address in ("", "ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/", "assets/site.js"):
            while address not in pages and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{address}", timeout=5) as response:
                        pages[address] = response.read().decode("utf-8")
                except OSError:
                    time.sleep(0.3)
        assert "Dân vận khéo" in pages[""]
        assert "239.931" in pages["ngay-cao-diem/2023-08-11-do-thi-van-minh-dich-vu-cong/"]
        assert pages["assets/site.js"]
    finally:
        subprocess.run(["kill", "--", f"-{server.pid}"], check=False)
        server.wait(timeout=10)
