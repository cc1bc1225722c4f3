"""`python build_site.py build`: the data check comes first, and a failed build publishes nothing."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import build


def test_build_publishes_the_site(project: Path) -> None:
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in home and "Dân vận khéo" in home


def test_invalid_data_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    model = project / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace('result: "40.201"', "result: 40.201"),
                     encoding="utf-8")
    (project / "content" / "index.md").write_text("# Trang mới không được xuất bản\n", encoding="utf-8")

    run = build(project)

    assert run.returncode == 1
    assert "number-dot-thousands" in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert (project / "site" / "index.html").read_bytes() == before


def test_a_failing_mkdocs_build_leaves_the_previous_site_untouched(project: Path) -> None:
    assert build(project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    (project / "content" / "gioi-thieu.md").write_text("# Trang\n\n[hỏng](khong-co-trang-nay.md)\n",
                                                  encoding="utf-8")
    run = build(project)
    assert run.returncode == 1
    assert (project / "site" / "index.html").read_bytes() == before
    assert not (project / "site.new").exists()


def test_serve_rebuilds_when_data_changes(project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "build_site.py", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/mo-hinh/ben-tre-2021-vi-mot-ben-tre-xanh/"

    def fetch() -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(condition, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if condition():
                    return True
            except OSError:
                pass
            time.sleep(0.5)
        return False

    try:
        assert wait_for(lambda: "Vì một Bến Tre xanh" in fetch())
        model = project / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
        model.write_text(model.read_text(encoding="utf-8").replace('result: "40.201"', 'result: "40.202"'),
                         encoding="utf-8")
        assert wait_for(lambda: "40.202" in fetch())
    finally:
        server.terminate()
        server.wait(timeout=10)
