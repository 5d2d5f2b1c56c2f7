"""The CLI speaks the secretary's words: one line per problem, the right exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SEED

from drafting.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_then_export_writes_both_files(tmp_path: Path) -> None:
    akn = tmp_path / "r.akn.xml"
    md = tmp_path / "r.md"
    code, _, err = run("import", str(SEED), "-o", str(akn))
    assert code == 0, err
    assert (
        "12 preambular and 1 operative paragraphs; house style nato-pa (detected: one"
        " sequence of numbers across preambular and operative paragraphs)" in err
    )
    code, _, err = run("export", str(akn), "-o", str(md))
    assert code == 0, err
    assert md.read_text(encoding="utf-8").startswith("HARNESSING OPPORTUNITIES")


def test_an_existing_output_is_kept_unless_force(tmp_path: Path) -> None:
    out = tmp_path / "r.akn.xml"
    out.write_text("precious")
    code, _, err = run("import", str(SEED), "-o", str(out))
    assert code == 1
    assert err.strip() == (
        f"error: {out}: the output file exists already; choose another name,"
        " or add --force to replace it"
    )
    assert out.read_text() == "precious"
    assert run("import", str(SEED), "-o", str(out), "--force")[0] == 0
    assert out.read_text().startswith("<?xml")


def test_an_input_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    src = tmp_path / "r.md"
    src.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("export", str(src), "-o", str(src), "--force")
    assert code == 1 and "same file as an input" in err
    assert src.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_validate_prints_file_line_eid_message_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.akn.xml"
    text = (EXAMPLES / "resolution-495.akn.xml").read_text(encoding="utf-8")
    bad.write_text(text.replace("<num>5.</num>", "<num>6.</num>"), encoding="utf-8")
    code, out, _ = run("validate", str(bad), str(EXAMPLES / "un-ga-example.akn.xml"))
    assert code == 1
    lines = out.splitlines()
    assert any(
        line.startswith(f"{bad}:")
        and ": preamble__recs_1__rec_5: " in line
        and "expected '5.'" in line
        for line in lines
    ), out
    assert f"{EXAMPLES / 'un-ga-example.akn.xml'}: valid" in lines


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<akomaNtoso><unclosed></akomaNtoso>", "not well-formed XML"),
        (b"<html/>", "not an Akoma Ntoso"),
        (
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;">]><a>&b;</a>',
            "DOCTYPE",
        ),
    ],
    ids=["malformed", "not-akn", "entity-bomb"],
)
def test_bad_xml_gives_one_line_and_exit_1(tmp_path: Path, content: bytes, expected: str) -> None:
    f = tmp_path / "in.akn.xml"
    f.write_bytes(content)
    out = tmp_path / "out.md"
    code, _, err = run("export", str(f), "-o", str(out))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"error: {f}")
    assert expected in err and "Traceback" not in err
    assert not out.exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    f = tmp_path / "in.akn.xml"
    f.write_bytes(b"<html/>")
    result = CliRunner().invoke(cli, ["--debug", "export", str(f), "-o", str(tmp_path / "o.md")])
    assert result.exit_code == 1 and "Traceback" in result.stderr


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    code, _, err = run("show", str(tmp_path / "nope.akn.xml"))
    assert code == 1 and "no such file" in err


def test_usage_errors_exit_2() -> None:
    assert run("export")[0] == 2


def test_show_prints_the_numbered_text_and_the_outline() -> None:
    code, out, _ = run("show", str(EXAMPLES / "resolution-495.akn.xml"), "--no-color")
    assert code == 0
    assert "13. URGES member governments" in out and "    b. to continue developing" in out
    code, out, _ = run("show", str(EXAMPLES / "resolution-495.akn.xml"), "--outline")
    assert "[para_13__list_1__point_b]" in out


def test_renumber_refuses_both_or_neither_output_forms(tmp_path: Path) -> None:
    assert run("renumber", str(EXAMPLES / "resolution-495.akn.xml"))[0] == 2


def test_demo_runs_the_committee_cycle_from_the_word_draft(tmp_path: Path) -> None:
    code, out, err = run("demo", str(tmp_path / "demo"))
    assert code == 0, err
    written = {p.name for p in (tmp_path / "demo").iterdir()}
    assert {
        "resolution-495-draft.akn.xml",
        "voting-list.md",
        "resolution-495-final.akn.xml",
        "redline.html",
        "redline-tracked-changes.docx",
        "comparative-table.html",
        "resolution-495-final.docx",
        "resolution-495-final.html",
    } <= written
    assert "imported the Word draft resolution-495.docx" in out
    assert "applied the adopted amendments: 10 applied, 2 fell" in out
    from drafting import io

    final = io.load(tmp_path / "demo" / "resolution-495-final.akn.xml")
    # Paragraph 3 deleted, a new paragraph after 12: URGES stays 13, with the new wording.
    assert final.find("13").lead_phrase == "URGES"
    assert "incompatible data formats" in final.find("13(b)").text


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help and "Example" in command.help, name


def test_help_starts_without_loading_lxml() -> None:
    code = "import sys; from drafting.cli import cli; print('lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_cli_offers_exactly_the_house_styles_and_diff_formats_the_library_has() -> None:
    from drafting.amendments.writer import WRITE_STYLES
    from drafting.cli import DIFF_FORMAT_CHOICE, STYLE_CHOICE, WORDING_CHOICE
    from drafting.diffing import DIFF_FORMATS
    from drafting.model.styles import STYLES

    assert list(STYLE_CHOICE.choices) == list(STYLES)
    assert list(DIFF_FORMAT_CHOICE.choices) == list(DIFF_FORMATS)
    assert list(WORDING_CHOICE.choices) == list(WRITE_STYLES)
