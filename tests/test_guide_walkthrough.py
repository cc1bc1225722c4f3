"""The contributor guide, followed as a new user would: results typed into the template spreadsheet
are imported and appear on the locally served site."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT
from .test_import_xlsx import PEAK_DAY, fill_template

GUIDE = (ROOT / "content" / "dong-gop.md").read_text(encoding="utf-8")


def guide_command(name: str) -> list[str]:
    """The guide's own example of a build_site.py command."""
    line = next(line.strip() for line in GUIDE.splitlines() if f"build_site.py {name}" in line)
    return re.sub(r"<[^>]+>", "X", line).split()


def test_results_from_the_spreadsheet_appear_on_the_served_site(project: Path, tmp_path: Path) -> None:
    example = guide_command("import-xlsx")
    assert example[:4] == ["python", "build_site.py", "import-xlsx", "ket-qua.xlsx"]
    assert "--peak-day" in example and "--source" in example and "mau-ket-qua-ngay-cao-diem.xlsx" in GUIDE
    assert "make serve" in GUIDE

    workbook = fill_template(project, [["Quang Ninh", "dich-vu-cong", "doi-hinh", "4.321", "Nhập thử", ""],
                                       ["Lạng Sơn", "dich-vu-cong", "doi-hinh", 1234, "", ""]],
                             tmp_path / "ket-qua.xlsx")
    imported = subprocess.run([sys.executable, "build_site.py", "import-xlsx", str(workbook), "--peak-day", PEAK_DAY,
                               "--source", "trung-uong-doan-2023-bao-cao-ngay-cao-diem-11-8", "--replace"],
                              cwd=project, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stdout

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "build_site.py", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and "4.321" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ngay-cao-diem/{PEAK_DAY}/", timeout=5) as r:
                    page = r.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "4.321" in page and "Quảng Ninh" in page and "1.234" in page and "Nhập thử" in page
    finally:
        server.terminate()
        server.wait(timeout=10)
