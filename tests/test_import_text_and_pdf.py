"""Drafts from PDF, and text pasted out of one, import as the PDF shows them.

The PDFs in tests/fixtures/pdf/ were made by LibreOffice from the .fodt sources beside
them (make_pdfs.py), and the pastes from them with pdftotext; each import is held to
what a reader sees on the page: the numbers, in order, the footnotes as notes, and
no running header or page number inside the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_sound

from drafting import formats
from drafting.akn.inline import text_of
from drafting.cli import cli
from drafting.model import Document
from drafting.text import read_text, write_text

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"
PASTED = PDF / "pasted"

UN = ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."]
NATO = [f"{n}." for n in range(1, 10)]


def _shape(doc: Document) -> list[tuple[str, str | None]]:
    return [(p.kind, p.num) for p in doc.provisions()]


def _words(doc: Document) -> str:
    return " ".join(text_of(b) for p in doc.provisions() for b in p.blocks)


@pytest.mark.parametrize(
    "source",
    ["un-ga-resolution.pdf", "pasted/un-ga-resolution.txt", "pasted/un-ga-resolution.layout.txt"],
)
def test_a_un_resolution_from_pdf_or_paste_keeps_its_numbers_notes_and_parts(source: str) -> None:
    result = formats.import_file(PDF / source)
    doc = result.document
    assert result.style.name == "un-ga"
    assert (doc.number, doc.formula) == ("80/1", "The General Assembly,")
    assert [p.num for p in doc.paragraphs] == UN
    assert [p.num for p in doc.find("2").children] == ["(a)", "(b)", "(c)"]
    assert len(doc.recitals) == 6 and all(r.num is None for r in doc.recitals)
    assert [(n.marker, n.text.split()[0]) for n in doc.notes] == [("1", "See"), ("2", "Including")]
    # The running header and the page numbers are out of the text, and said to be.
    assert "A/RES/80/1" not in _words(doc)
    assert any("running header" in w for w in result.warnings)
    assert_sound(doc)


@pytest.mark.parametrize(
    "source",
    [
        "nato-pa-resolution.pdf",
        "pasted/nato-pa-resolution.txt",
        "pasted/nato-pa-resolution.layout.txt",
    ],
)
def test_a_nato_resolution_from_pdf_or_paste_keeps_its_one_sequence(source: str) -> None:
    result = formats.import_file(PDF / source)
    doc = result.document
    assert result.style.name == "nato-pa"
    assert doc.number == "490"
    assert [p.num for p in doc.top_level] == NATO
    assert [n.marker for n in doc.notes] == ["*"]
    assert doc.notes[0].text.startswith("Presented by")
    assert all(p.lead_phrase for p in doc.paragraphs)
    assert doc.paragraphs[0].markup.startswith("**")  # bold in the PDF: bold here
    assert_sound(doc)


@pytest.mark.parametrize(
    "source", ["un-excerpt-54.pdf", "pasted/un-excerpt-54.txt", "pasted/un-excerpt-54.layout.txt"]
)
def test_an_excerpt_keeps_its_first_number_and_its_opening_fragment(source: str) -> None:
    result = formats.import_file(PDF / source)
    doc = result.document
    assert [p.num for p in doc.paragraphs] == [f"{n}." for n in range(54, 62)]
    first = doc.top_level[0]
    assert first.num is None and first.text[:1].islower()
    assert any("starts in the middle of a paragraph" in w for w in result.warnings)
    # Renumbering it later keeps counting from 54, as the excerpt does.
    assert not any("out of sequence" in w for w in result.warnings)


def test_a_whole_draft_on_one_line_is_cut_into_its_paragraphs() -> None:
    doc = formats.import_file(PASTED / "one-line.txt").document
    assert [p.num for p in doc.top_level] == ["1.", "2.", "3.", "4."]
    assert [p.num for p in doc.find("3").children] == ["(a)", "(b)", "(c)"]
    # "paragraph 2. of its resolution" continues a sentence: no cut there.
    assert "paragraph 2. of its resolution 79/12" in doc.find("1").text


def test_lead_words_glued_to_the_next_word_are_split() -> None:
    doc = formats.import_file(PASTED / "glued-leads.txt").document
    texts = [p.text for p in doc.provisions()]
    assert not any(t.split()[0].lower().startswith(("recognisingthe", "urgesall")) for t in texts)
    assert all(p.lead_phrase for p in doc.paragraphs)


@pytest.mark.parametrize("name", ["protected-password.pdf", "protected-no-copy.pdf", "scan.pdf"])
def test_an_unreadable_pdf_is_refused_in_one_line_with_no_output(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.akn.xml"
    result = CliRunner().invoke(cli, ["import", str(PDF / name), "-o", str(out)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
    assert not out.exists()


def test_a_pdf_imports_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out.akn.xml"
    result = CliRunner().invoke(cli, ["import", str(PDF / "un-ga-resolution.pdf"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "house style un-ga (detected: the formula" in result.stderr
    assert out.exists()


def test_text_with_headings_tables_and_unnumbered_words_reads_back_the_same() -> None:
    text = (
        "TITLE\n\nRESOLUTION 7\n\nThe Assembly,\n\n1. **Recalling** its work;\n"
        "2. **URGES** member states:\n - a. to act;\n - b. to report;\n\n"
        "Words that carry no number.\n\n## Annex\n\n| Country | Votes |\n|---|---|\n"
        "| Norway | 3 |\n| Chile | 2 |\n"
    )
    doc = read_text(text).document
    assert [(p.kind, p.num, p.name) for p in doc.provisions()] == [
        ("recital", "1.", None),
        ("paragraph", "2.", None),
        ("point", "a.", None),
        ("point", "b.", None),
        ("hcontainer", None, "unnumbered"),
        ("hcontainer", None, "heading"),
        ("hcontainer", None, "table"),
    ]
    table = doc.top_level[-1].table
    assert table is not None
    assert [[text_of(c[0]) for c in row] for row in table] == [
        ["Country", "Votes"],
        ["Norway", "3"],
        ["Chile", "2"],
    ]
    again = read_text(write_text(doc)).document
    assert [(p.kind, p.num, p.name, p.text) for p in again.provisions()] == [
        (p.kind, p.num, p.name, p.text) for p in doc.provisions()
    ]
    assert_sound(doc)


def test_control_characters_in_a_paste_are_dropped_and_said() -> None:
    result = read_text("RESOLUTION 1\n\nThe Assembly,\n\n1. **URGES** action\x1b now.\n")
    assert result.document.find("1").text == "URGES action now."
    assert "1 control character(s) dropped" in result.warnings
