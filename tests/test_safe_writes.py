"""Outputs are written whole or not at all; inputs and old files are never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafting import io
from drafting.errors import OutputError


def test_a_write_interrupted_by_ctrl_c_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "final.md"
    target.write_text("old text")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        io.write_atomic(target, b"new text")
    assert target.read_text() == "old text"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.md"]


def test_a_failing_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.md"

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        io.write_atomic(target, b"x" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_an_output_in_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        io.check_output(tmp_path / "nope" / "out.md")


def test_an_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="folder"):
        io.check_output(tmp_path)


def test_an_output_reached_through_another_name_of_the_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.md"
    src.write_text("x")
    link = tmp_path / "link.md"
    link.symlink_to(src)
    with pytest.raises(OutputError, match="same file as an input"):
        io.check_output(link, inputs=[src], force=True)


def test_a_new_output_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    umask = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        io.write_atomic(new, b"x")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("old")
        kept.chmod(0o640)
        io.write_atomic(kept, b"new")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(umask)
