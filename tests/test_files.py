"""Files staff keep are written in one step: never half a file, never over another's file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from campaign_results.files import create_atomically, write_atomically


def test_create_never_overwrites_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "data" / "models" / "ban-ghi.yaml"
    create_atomically(target, b"id: ban-ghi\n")
    with pytest.raises(FileExistsError):
        create_atomically(target, b"id: khac\n")
    assert target.read_bytes() == b"id: ban-ghi\n"
    assert [p.name for p in target.parent.iterdir()] == ["ban-ghi.yaml"]


def test_written_files_have_the_mode_a_plain_write_gives(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_bytes(b"")
    for write in (create_atomically, write_atomically):
        target = tmp_path / f"{write.__name__}.csv"
        write(target, b"unit,value\n")
        assert os.stat(target).st_mode == os.stat(plain).st_mode


def test_replace_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "ket-qua.csv"
    target.write_bytes(b"unit,value\nHa Tinh,1025\n")
    with pytest.raises(TypeError):
        write_atomically(target, "not bytes")  # fails while writing
    assert target.read_bytes() == b"unit,value\nHa Tinh,1025\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ket-qua.csv"]
