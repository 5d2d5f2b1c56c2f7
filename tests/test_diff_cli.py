"""``drafting diff`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from diff_cases import CASES

from drafting import io
from drafting.cli import cli

OLD = str(EXAMPLES / "ep-example.akn.xml")


@pytest.fixture
def new_file(tmp_path: Path) -> str:
    _, new = CASES["ep-edits"]()
    path = tmp_path / "final.akn.xml"
    io.save(new, path)
    return str(path)


def test_check_exits_1_when_the_versions_differ_and_prints_nothing(new_file: str) -> None:
    result = CliRunner().invoke(cli, ["diff", OLD, new_file, "--check"])
    assert (result.exit_code, result.output) == (1, "")


def test_check_exits_0_when_the_versions_are_the_same() -> None:
    result = CliRunner().invoke(cli, ["diff", OLD, OLD, "--check"])
    assert (result.exit_code, result.output) == (0, "")


def test_the_terminal_diff_ends_with_the_summary_line(new_file: str) -> None:
    result = CliRunner().invoke(cli, ["diff", OLD, new_file, "--no-color"])
    assert result.exit_code == 0
    assert "changed: paragraph 1\n  1. [-Calls on-]{+Urges+} the Commission" in result.output
    assert result.output.endswith("1 changed, 2 inserted, 1 deleted, 0 moved, 0 renumbered\n")
    assert "\x1b[" not in result.output


def test_the_output_extension_picks_the_format(new_file: str, tmp_path: Path) -> None:
    out = tmp_path / "changes.json"
    result = CliRunner().invoke(cli, ["diff", OLD, new_file, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["changed"] == 1
    first = data["changes"][0]
    assert first["kind"] == "inserted" and first["new"]["eId"].endswith("citation_4")


def test_an_existing_output_is_kept_without_force(new_file: str, tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    out.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", OLD, new_file, "-o", str(out)])
    assert result.exit_code == 1
    assert "exists already" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"


def test_an_unknown_output_extension_is_refused(new_file: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", OLD, new_file, "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
    assert "cannot write a diff as .pdf" in result.output


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_json_written_change_by_change_is_the_json_of_the_whole_result(case: str) -> None:
    # The JSON is encoded one change at a time to spare memory on long texts; it must
    # be the very text json.dumps gives for the whole record, for every kind of change.
    from drafting.diff import diff_documents
    from drafting.diffing import render_diff

    for old, new in [CASES[case](), (CASES[case]()[0],) * 2]:
        result = diff_documents(old, new)
        whole = json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
        assert render_diff(result, "json").decode() == whole
