"""Faults around a build (issue 13): two builds at once, a build killed at any stage, a full disk,
an environment change, output cut short. Each runs the real command line on a copy of the project;
the previous site/ must stay whole, data/ untouched, no process of the build left behind."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from .conftest import build, copy_project

LOCKED = "Một lần dựng trang khác đang chạy trong thư mục này"
DISK_FULL = "Ổ đĩa đã đầy"
SETTLE = 10.0  # seconds for the processes of a killed build to be gone


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of the project, built once; tests work on copies of it."""
    project = copy_project(tmp_path_factory.mktemp("faults") / "built")
    run = build(project)
    assert run.returncode == 0, run.stdout + run.stderr
    return project


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(built, target, symlinks=True)
    return target


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def data_hash(project: Path) -> str:
    digest = hashlib.sha256()
    for path in files(project / "data"):
        digest.update(path.encode() + b"\0" + (project / "data" / path).read_bytes())
    return digest.hexdigest()


def start(project: Path, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, Path]:
    """`python <copy>/build_site.py build …` in the background (the copy's path in its command
    line, for :func:`processes_of`), its output into a file (not on the copy's disk, which may be full)."""
    handle, name = tempfile.mkstemp(prefix="build-", suffix=".log")
    log = Path(name)
    with os.fdopen(handle, "w") as out:
        process = subprocess.Popen([sys.executable, str(project / "build_site.py"), "build", *args], cwd=project,
                                   stdout=out, stderr=subprocess.STDOUT, env=env)
    return process, log


def read(log: Path) -> str:
    output = log.read_text(encoding="utf-8")
    log.unlink()
    return output


def run(project: Path, *args: str, env: dict | None = None, timeout: float = 300) -> tuple[int, str]:
    process, log = start(project, *args, env=env)
    process.wait(timeout=timeout)
    return process.returncode, read(log)


def processes_of(project: Path) -> list[str]:
    """Live processes (zombies aside) whose command line names ``project`` or which run in it."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            try:
                cwd = os.readlink(entry / "cwd")
            except OSError:
                cwd = ""
        except (OSError, IndexError):
            continue
        if str(project) in command or cwd == str(project) or cwd.startswith(f"{project}/"):
            found.append(f"{entry.name}: {command[:200]}")
    return found


def settle(project: Path) -> list[str]:
    deadline = time.monotonic() + SETTLE
    while (left := processes_of(project)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def test_two_builds_at_once_one_waits_and_the_site_is_whole(project: Path, built: Path) -> None:
    first, first_log = start(project)
    second, second_log = start(project)
    first.wait(timeout=300)
    second.wait(timeout=300)
    outputs = [read(first_log), read(second_log)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert sum(LOCKED in output for output in outputs) == 1, outputs  # the later one waited
    assert files(project / "site") == files(built / "site")
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


def test_a_build_told_not_to_wait_refuses_at_once(project: Path, built: Path) -> None:
    first, first_log = start(project)
    deadline = time.monotonic() + 60
    while not (project / "build" / "docs").is_dir() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert first.poll() is None, "the first build ended before the second started"
    began = time.monotonic()
    code, output = run(project, "--wait", "0")
    assert code == 2 and LOCKED in output and "Traceback" not in output, output
    assert time.monotonic() - began < 10
    first.wait(timeout=300)
    assert first.returncode == 0, read(first_log)
    assert files(project / "site") == files(built / "site")


def _poll(project: Path, stage: str):
    """The condition, checked every moment while the build runs, at which it is killed."""
    docs, staging, charts, site = (project / "build" / "docs", project / "site.new", project / ".cache" / "charts",
                                   project / "site")
    site_inode = site.stat().st_ino
    began = time.monotonic()

    def count(folder: Path) -> int:
        try:
            return sum(1 for _ in folder.rglob("*"))
        except OSError:
            return 0

    def swapped() -> bool:
        try:
            return os.stat(site).st_ino != site_inode
        except FileNotFoundError:
            return True

    return {
        "checking": lambda: time.monotonic() - began > 0.3,
        "generating": lambda: docs.is_dir() and count(docs) >= 100,   # pages written while MkDocs reads them
        "mkdocs": lambda: staging.is_dir() and count(staging) >= 100,  # MkDocs writing the new site
        "drawing": lambda: charts.is_dir(),  # the images drawn in worker processes, MkDocs done
        "swap": swapped,                     # the new folder in place, the previous one not yet deleted
    }[stage]


@pytest.mark.parametrize("stage", ["checking", "generating", "mkdocs", "drawing", "swap"])
def test_a_killed_build_leaves_the_site_whole_and_nothing_running(copy: Path, stage: str) -> None:
    site = copy / "site"
    before, home, data = files(site), (site / "index.html").read_bytes(), data_hash(copy)
    # Everything to do again: every page written, every image drawn (in worker processes).
    shutil.rmtree(copy / "build" / "docs")
    shutil.rmtree(copy / ".cache" / "charts")
    reached = _poll(copy, stage)
    process, log = start(copy)
    while process.poll() is None and not reached():
        pass
    assert process.poll() is None, f"the build ended before the stage “{stage}”: " + read(log)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    log.unlink()

    assert settle(copy) == []
    assert files(site) == before
    assert (site / "index.html").read_bytes() == home  # the previous site, or the same inputs' new one
    assert data_hash(copy) == data

    code, output = run(copy)
    assert code == 0, output
    assert LOCKED not in output  # the killed build's lock went with it
    assert files(site) == before
    assert not (copy / "site.new").exists() and not (copy / "site.old").exists()
    assert settle(copy) == []


def test_a_build_killed_between_the_two_renames_is_put_back(copy: Path) -> None:
    """Where the two folders cannot be exchanged in one step, site/ is renamed away before the new
    one takes its name: a build killed in between leaves no site/. The next build puts it back
    first, even when it then publishes nothing."""
    site = copy / "site"
    before, home = files(site), (site / "index.html").read_bytes()
    site.rename(copy / "site.old")
    (copy / "site.new" / "mo-hinh").mkdir(parents=True)
    (copy / "site.new" / "mo-hinh" / "index.html").write_text("nửa trang mới", encoding="utf-8")
    model = copy / "data/models/2021/ben-tre-2021-vi-mot-ben-tre-xanh.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace('result: "40.201"', "result: 40.201"),
                     encoding="utf-8")
    code, output = run(copy)
    assert code == 1 and "number-dot-thousands" in output, output
    assert files(site) == before and (site / "index.html").read_bytes() == home
    assert not (copy / "site.new").exists() and not (copy / "site.old").exists()


def test_the_swap_without_an_exchange_renames_twice_and_leaves_one_site(tmp_path: Path, monkeypatch) -> None:
    """Where renameat2 is missing (not Linux, an old kernel, a file system without it)."""
    from campaign_results.publish import publish

    site, staging = tmp_path / "site", tmp_path / "site.new"
    for folder, text in ((site, "cũ"), (staging, "mới")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    publish.swap_into_place(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "mới"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A tmpfs of its own (root only), resized with :func:`resize`; skipped where it cannot be made."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root): see test_a_full_disk_in_a_writer_is_reported")
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def used_kib(mount: Path) -> int:
    stat = os.statvfs(mount)
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize // 1024


def resize(mount: Path, kib: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={kib}k", str(mount)], check=True, capture_output=True)


def test_a_full_disk_says_so_in_vietnamese_and_keeps_the_site(built: Path, small_disk: Path) -> None:
    project = small_disk / "project"
    shutil.copytree(built, project, symlinks=True)
    site = project / "site"
    before, home, data = files(site), (site / "index.html").read_bytes(), data_hash(project)

    # While MkDocs writes the new site (about 10 MB): 3 MB free.
    (project / "content" / "gioi-thieu.md").write_text("# Giới thiệu\n\nBản mới.\n", encoding="utf-8")
    resize(small_disk, used_kib(small_disk) + 3000)
    code, output = run(project)
    assert code == 2 and DISK_FULL in output and str(project / "site.new") in output, output
    assert "Traceback" not in output and "Errno" not in output
    assert files(site) == before and (site / "index.html").read_bytes() == home
    assert not (project / "site.new").exists()

    # While the pages are written: 200 KB free for about 1 MB of pages.
    shutil.rmtree(project / "build" / "docs")
    resize(small_disk, used_kib(small_disk) + 200)
    code, output = run(project)
    assert code == 2 and DISK_FULL in output and str(project / "build") in output, output
    assert "Traceback" not in output and "Errno" not in output
    assert files(site) == before and (site / "index.html").read_bytes() == home
    assert data_hash(project) == data

    resize(small_disk, 128 * 1024)
    code, output = run(project)
    assert code == 0, output
    assert "Bản mới." in (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert settle(project) == []


def test_a_full_disk_in_a_writer_is_reported(copy: Path, monkeypatch, capsys) -> None:
    """The same through the command's own function, where no small disk can be made: a real
    OSError(ENOSPC) from the writer of the generated pages."""
    from campaign_results import cli
    from campaign_results.render import docs_folder

    def full(target: Path, content: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    site = copy / "site"
    before, home = files(site), (site / "index.html").read_bytes()
    shutil.rmtree(copy / "build" / "docs")
    monkeypatch.setattr(docs_folder, "write_atomically", full)
    assert cli.main(["build", "--root", str(copy)]) == 2
    output = capsys.readouterr().out
    assert DISK_FULL in output and str(copy / "build" / "docs") in output and "Errno" not in output, output
    assert files(site) == before and (site / "index.html").read_bytes() == home
    assert not (copy / "site.new").exists()


def test_a_new_site_url_alone_reaches_the_feed_and_the_pages(copy: Path) -> None:
    old, new = "https://cu.example.org/", "https://moi.example.org/dan-van-kheo/"
    env = dict(os.environ)
    env["SITE_URL"] = old
    assert run(copy, env=env)[0] == 0
    assert old in (copy / "site" / "thay-doi.xml").read_text(encoding="utf-8")
    env["SITE_URL"] = new
    code, output = run(copy, env=env)
    assert code == 0, output
    feed = (copy / "site" / "thay-doi.xml").read_text(encoding="utf-8")
    assert new in feed and old not in feed
    home = (copy / "site" / "index.html").read_text(encoding="utf-8")
    assert new in home and old not in home


def test_output_cut_short_by_its_reader_ends_quietly(copy: Path) -> None:
    # Enough problems to fill the pipe many times over.
    for number in range(400):
        (copy / "data" / "models" / "2021" / f"hong-{number:03}.yaml").write_text("id: [\n", encoding="utf-8")
    errors = copy.parent / "stderr.txt"
    shell = subprocess.run(f'"{sys.executable}" build_site.py check 2>"{errors}" | head -n 1', shell=True,
                           cwd=copy, capture_output=True, text=True, timeout=120)
    assert shell.stdout.count("\n") == 1
    message = errors.read_text(encoding="utf-8")
    assert "Traceback" not in message and "BrokenPipe" not in message and "Exception ignored" not in message, message
