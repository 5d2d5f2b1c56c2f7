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


# -- every command that writes -------------------------------------------------------
#
# Each command is run three ways on copies of the examples: onto an existing output
# without --force (refused, old file intact), onto one of its own inputs with --force
# (refused, input intact), and with an input that makes it fail (no output, no
# temporary file: the folder is exactly as before).

from dataclasses import dataclass  # noqa: E402
from shutil import copyfile  # noqa: E402

from click.testing import CliRunner, Result  # noqa: E402
from conftest import EXAMPLES, GOLDEN  # noqa: E402

from drafting.cli import cli  # noqa: E402

REFUSED = GOLDEN / "amendments" / "refused"
VOTES = GOLDEN / "amendments" / "nato-495-votes" / "votes.txt"


@dataclass(frozen=True)
class Command:
    """One writing command: its arguments, with OUT standing for the output."""

    args: tuple[str, ...]
    output: str  # the file the command writes, in tmp_path
    own_input: str  # an input given again as the output
    failing: tuple[str, ...]  # arguments that make it fail after the output was accepted
    option: str = "-o"  # how the output is named on the command line
    #: Why the own input is refused (a .docx input cannot even be named as a report).
    own_input_error: str = "the output is the same file as an input"


COMMANDS: dict[str, Command] = {
    "import": Command(
        ("import", "draft.md", "-o", "OUT"),
        "out.akn.xml",
        "draft.md",
        ("import", "empty.md", "-o", "OUT"),
    ),
    "import --report": Command(
        ("import", "draft.docx", "-o", "out.akn.xml", "--report", "OUT"),
        "report.md",
        "draft.docx",
        ("import", "bad.docx", "-o", "out.akn.xml", "--report", "OUT"),
        option="--report",
        own_input_error="the import report cannot be written as .docx",
    ),
    "export": Command(
        ("export", "draft.akn.xml", "-o", "OUT"),
        "out.md",
        "draft.akn.xml",
        ("export", "draft.akn.xml", "-o", "OUT", "--template", "missing.dotx"),
    ),
    "renumber": Command(
        ("renumber", "draft.akn.xml", "-o", "OUT"),
        "out.akn.xml",
        "draft.akn.xml",
        ("renumber", "invalid.akn.xml", "-o", "OUT"),
    ),
    "diff -o": Command(
        ("diff", "draft.akn.xml", "draft.txt", "-o", "OUT"),
        "out.txt",
        "draft.txt",
        ("diff", "draft.akn.xml", "empty.md", "-o", "OUT"),
    ),
    "amend -o": Command(
        ("amend", "draft.akn.xml", "amendments.md", "--votes", "votes.md", "-o", "OUT"),
        "out.md",
        "amendments.md",
        ("amend", "refused.md", "refused-amendments.txt", "-o", "OUT"),
    ),
    "amend --report": Command(
        (
            "amend",
            "draft.akn.xml",
            "amendments.md",
            "--votes",
            "votes.md",
            "-o",
            "o.md",
            "--report",
            "OUT",
        ),
        "report.md",
        "votes.md",
        ("amend", "refused.md", "refused-amendments.txt", "-o", "o.md", "--report", "OUT"),
        option="--report",
    ),
    "amendments list -o": Command(
        ("amendments", "list", "draft.akn.xml", "amendments.md", "-o", "OUT"),
        "out.md",
        "amendments.md",
        ("amendments", "list", "draft.akn.xml", "bad-amendments.txt", "-o", "OUT"),
    ),
    "amendments export -o": Command(
        ("amendments", "export", "draft.akn.xml", "amendments.md", "-o", "OUT"),
        "out.akn.xml",
        "draft.akn.xml",
        ("amendments", "export", "draft.akn.xml", "bad-amendments.txt", "-o", "OUT"),
    ),
}


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a draft in every format, amendments, votes, and broken inputs."""
    monkeypatch.chdir(tmp_path)
    copyfile(EXAMPLES / "resolution-495.akn.xml", "draft.akn.xml")
    copyfile(EXAMPLES / "resolution-495.txt", "draft.txt")
    copyfile(EXAMPLES / "resolution-495.txt", "draft.md")
    copyfile(EXAMPLES / "resolution-495.docx", "draft.docx")
    copyfile(EXAMPLES / "amendments-495.txt", "amendments.md")
    copyfile(VOTES, "votes.md")
    copyfile(REFUSED / "draft.md", "refused.md")
    copyfile(REFUSED / "amendments.txt", "refused-amendments.txt")
    Path("bad.md").write_text("Dear colleagues,\n\nplease find the draft attached.\n")
    # A text with no words is unreadable; a letter instead of a draft imports, as text.
    Path("empty.md").write_text("\n \n\t\n")
    Path("bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    Path("bad-amendments.txt").write_text("Amendment 1\nParagraph 4\nPlease improve this.\n")
    # Loads (renumber does not validate on load) but breaks the official schema: an
    # element AKN does not have, in a clause.  (An empty clause is a house-style fault,
    # which validate reports and every other command lets through.)
    akn = Path("draft.akn.xml").read_text(encoding="utf-8")
    start = akn.index("<p>", akn.index("<mainBody"))
    Path("invalid.akn.xml").write_text(
        akn[:start] + "<p><bogus/>" + akn[start + 3 :], encoding="utf-8"
    )
    return tmp_path


def _run(cmd: Command, args: tuple[str, ...], out: str, *extra: str) -> Result:
    return CliRunner().invoke(cli, [out if a == "OUT" else a for a in args] + list(extra))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_keeps_an_existing_output_unless_forced(work: Path, name: str) -> None:
    cmd = COMMANDS[name]
    Path(cmd.output).write_text("the secretary's own file")
    refused = _run(cmd, cmd.args, cmd.output)
    assert refused.exit_code == 1, refused.output
    assert refused.stderr == (
        f"error: {cmd.output}: the output file exists already; choose another name, or add"
        " --force to replace it\n"
    )
    assert Path(cmd.output).read_text() == "the secretary's own file"
    forced = _run(cmd, cmd.args, cmd.output, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert Path(cmd.output).read_text(encoding="utf-8") != "the secretary's own file"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_never_writes_onto_its_own_input_even_with_force(work: Path, name: str) -> None:
    cmd = COMMANDS[name]
    before = _snapshot(work)
    result = _run(cmd, cmd.args, cmd.own_input, "--force")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: {cmd.own_input}: "), result.stderr
    assert cmd.own_input_error in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert _snapshot(work) == before


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_that_fails_leaves_no_output_and_no_temporary_file(work: Path, name: str) -> None:
    cmd = COMMANDS[name]
    before = _snapshot(work)
    result = _run(cmd, cmd.failing, cmd.output)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    assert _snapshot(work) == before


def test_a_failing_command_keeps_the_old_output_even_with_force(work: Path) -> None:
    Path("out.md").write_text("yesterday's amended text")
    result = CliRunner().invoke(
        cli, ["amend", "refused.md", "refused-amendments.txt", "-o", "out.md", "--force"]
    )
    assert result.exit_code == 1
    assert Path("out.md").read_text() == "yesterday's amended text"
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == []


def test_renumber_in_place_replaces_only_the_file_it_was_given(work: Path) -> None:
    before = _snapshot(work)
    result = CliRunner().invoke(cli, ["renumber", "draft.akn.xml", "--in-place"])
    assert result.exit_code == 0, result.stderr
    after = _snapshot(work)
    assert {k for k in after if after[k] != before.get(k)} <= {"draft.akn.xml"}
    assert set(after) == set(before)


def test_renumber_in_place_on_an_invalid_file_leaves_it_untouched(work: Path) -> None:
    before = _snapshot(work)
    result = CliRunner().invoke(cli, ["renumber", "invalid.akn.xml", "--in-place"])
    assert result.exit_code == 1
    assert _snapshot(work) == before


def _demo(out: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Run ``drafting demo out`` (without the slow PDF step); the names it says it wrote."""
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = CliRunner().invoke(cli, ["demo", str(out)])
    assert result.exit_code == 0, result.stderr
    return {Path(x[6:]).name for x in result.stdout.splitlines() if x.startswith("wrote ")}


def test_demo_replaces_only_its_own_files_and_leaves_others_in_the_folder(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = work / "demo"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    written = _demo(out, monkeypatch)
    assert written
    assert (out / "notes.md").read_text() == "mine"
    # Besides its outputs, the demo keeps a note of what it wrote (.drafting-demo).
    assert {p.name for p in out.iterdir()} == written | {"notes.md", ".drafting-demo"}


def test_demo_into_a_path_that_is_a_file_fails_in_one_line_and_keeps_the_file(work: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "draft.md"])
    assert result.exit_code in (1, 2)
    assert Path("draft.md").read_bytes() == (EXAMPLES / "resolution-495.txt").read_bytes()
    assert "Traceback" not in result.output and "internal error" not in result.stderr


def test_demo_does_not_replace_a_file_it_did_not_write_without_force(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _demo(work / "first", monkeypatch)
    out = work / "demo"
    out.mkdir()
    for name in names:
        (out / name).write_text("my own edited copy")
    result = CliRunner().invoke(cli, ["demo", str(out)])
    assert result.exit_code == 1 and "did not write" in result.stderr
    assert all((out / name).read_text() == "my own edited copy" for name in names)
    assert CliRunner().invoke(cli, ["demo", str(out), "--force"]).exit_code == 0
    assert all((out / name).read_bytes() != b"my own edited copy" for name in names)
    # Now the demo wrote them: a second run replaces them without asking.
    assert CliRunner().invoke(cli, ["demo", str(out)]).exit_code == 0
