"""List numbers come out as Word displays them, whatever route numbering.xml takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordml import lvl, numbered, numbering, p, r, styles, write_docx

from drafting.docx_import.numbering import Numbering, render_value
from drafting.docx_import.package import open_package
from drafting.docx_import.runs import BodyReader
from drafting.docx_import.styles import Styles
from drafting.layout.source import SourceParagraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

THREE_LEVELS = (
    '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "lowerLetter", "(%2)")
    + lvl(2, "lowerRoman", "%3)")
    + "</w:abstractNum>"
)


def labels(tmp_path: Path, body: str, num_xml: str, style_xml: str = "") -> list[str | None]:
    parts = {"word/numbering.xml": num_xml}
    if style_xml:
        parts["word/styles.xml"] = style_xml
    path = write_docx(tmp_path / "n.docx", body, parts)
    with open_package(path) as pkg:
        st = Styles.from_xml(pkg.xml("word/styles.xml"))
        reader = BodyReader(pkg, st, Numbering(pkg.xml("word/numbering.xml"), st))
        doc = pkg.xml(pkg.main)
        assert doc is not None
        paras = reader.read_body(doc.find(f"{{{W}}}body"))  # type: ignore[arg-type]
    return [x.label.text if x.label else None for x in paras if isinstance(x, SourceParagraph)]


def test_two_levels_count_and_the_lower_level_restarts_under_each_higher_one(
    tmp_path: Path,
) -> None:
    body = "".join(numbered(r("x"), 1, lv) for lv in (0, 1, 1, 2, 2, 1, 0, 1))
    nums = numbering(THREE_LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(tmp_path, body, nums) == ["1.", "(a)", "(b)", "i)", "ii)", "(c)", "2.", "(a)"]


def test_a_list_continues_across_unnumbered_paragraphs_and_across_num_instances(
    tmp_path: Path,
) -> None:
    body = numbered(r("a"), 1) + p(r("plain")) + numbered(r("b"), 1) + numbered(r("c"), 2)
    nums = numbering(
        THREE_LEVELS,
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    )
    assert labels(tmp_path, body, nums) == ["1.", None, "2.", "3."]


def test_a_start_override_restarts_the_list_where_its_instance_is_first_used(
    tmp_path: Path,
) -> None:
    body = numbered(r("a"), 1) + numbered(r("b"), 1) + numbered(r("c"), 2) + numbered(r("d"), 2)
    nums = numbering(
        THREE_LEVELS,
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    )
    assert labels(tmp_path, body, nums) == ["1.", "2.", "5.", "6."]


def test_a_level_override_replaces_format_and_text_for_its_instance_only(tmp_path: Path) -> None:
    body = numbered(r("a"), 2) + numbered(r("b"), 2)
    nums = numbering(
        THREE_LEVELS,
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        + lvl(0, "upperLetter", "%1.", start=3)
        + "</w:lvlOverride></w:num>",
    )
    assert labels(tmp_path, body, nums) == ["C.", "D."]


def test_numbering_attached_through_a_paragraph_style_finds_its_level_by_pstyle(
    tmp_path: Path,
) -> None:
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="Para"/>')
        + lvl(1, "lowerLetter", "%2.", extra='<w:pStyle w:val="Sub"/>')
        + "</w:abstractNum>"
    )
    style_xml = styles(
        '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Para"><w:name w:val="Para"/>'
        '<w:basedOn w:val="Base"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/>'
        '<w:basedOn w:val="Base"/></w:style>'
    )
    para = '<w:pStyle w:val="Para"/>'
    sub = '<w:pStyle w:val="Sub"/>'
    body = p(r("a"), para) + p(r("b"), sub) + p(r("c"), sub) + p(r("d"), para)
    nums = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(tmp_path, body, nums, style_xml) == ["1.", "a.", "b.", "2."]


def test_direct_numid_zero_switches_style_numbering_off(tmp_path: Path) -> None:
    style_xml = styles(
        '<w:style w:type="paragraph" w:styleId="Para"><w:name w:val="Para"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p(r("a"), '<w:pStyle w:val="Para"/>') + p(
        r("b"), '<w:pStyle w:val="Para"/><w:numPr><w:numId w:val="0"/></w:numPr>'
    )
    nums = numbering(THREE_LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(tmp_path, body, nums, style_xml) == ["1.", None]


def test_a_numbering_style_link_counts_in_the_list_that_defines_the_levels(
    tmp_path: Path,
) -> None:
    abstracts = (
        THREE_LEVELS
        + '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ResList"/></w:abstractNum>'
    )
    style_xml = styles(
        '<w:style w:type="numbering" w:styleId="ResList"><w:name w:val="ResList"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    body = numbered(r("a"), 1) + numbered(r("b"), 2) + numbered(r("c"), 2, 1)
    assert labels(tmp_path, body, numbering(abstracts, nums), style_xml) == ["1.", "2.", "(a)"]


def test_lvl_restart_zero_keeps_counting_under_new_higher_items(tmp_path: Path) -> None:
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"
    )
    body = "".join(numbered(r("x"), 1, lv) for lv in (0, 1, 0, 1))
    nums = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(tmp_path, body, nums) == ["1.", "a)", "2.", "b)"]


def test_legal_numbering_shows_higher_levels_in_decimal(tmp_path: Path) -> None:
    abstract = (
        '<w:abstractNum w:abstractNumId="1">'
        + lvl(0, "upperRoman", "%1.")
        + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
        + "</w:abstractNum>"
    )
    body = "".join(numbered(r("x"), 1, lv) for lv in (0, 0, 1))
    nums = numbering(abstract, '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert labels(tmp_path, body, nums) == ["I.", "II.", "2.1"]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (27, "lowerLetter", "aa"),
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (7, "decimalZero", "07"),
        (3, "ordinalText", "3"),
    ],
)
def test_word_number_formats_render_as_word_shows_them(n: int, fmt: str, shown: str) -> None:
    assert render_value(n, fmt) == shown
