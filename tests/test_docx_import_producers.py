"""Word files made the ways secretariats make them import as the secretary sees them.

The fixtures in tests/fixtures/docx/other/ come from make_other_producers.py:
HTML, RTF and ODF converted by LibreOffice, and Word's template filled by
python-docx with the built-in list styles, typed numbers in every form, a framed
title, headers, images and stray paragraph breaks.  Each test states what a
secretary reading the file in Word would expect: the numbers, the words, the
lead phrases, the structure, and that nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import assert_sound
from wordml import docx_bytes, numbered, numbering, p, r

from drafting.docx_import import (
    DocxImportResult,
    EmptyDocxError,
    TrackedChangesError,
    import_docx,
)

OTHER = Path(__file__).resolve().parent / "fixtures" / "docx" / "other"
ALL = sorted(OTHER.glob("*.docx"))
WITH_CHANGES = {"pd-list-number.docx"}


def load(name: str, **kw: object) -> DocxImportResult:
    if name in WITH_CHANGES:
        kw.setdefault("accept_changes", True)
    return import_docx(OTHER / name, **kw)  # type: ignore[arg-type]


def tree(result: DocxImportResult) -> list[tuple[str, str | None, str]]:
    """(kind, reference, markup) of every provision in reading order."""
    return [(x.kind, x.ref, x.markup) for x in result.document.provisions()]


def listed(result: DocxImportResult) -> list[tuple[str, str, str, str]]:
    return [(x.kind, x.where, x.text, x.detail) for x in result.report.listed]


def test_there_is_a_fixture_for_every_producer_route() -> None:
    names = {x.name for x in ALL}
    assert {"lo-html-nato.docx", "lo-rtf-typed.docx", "lo-list-style.docx"} <= names
    assert {"lo-outline.docx", "pd-list-number.docx", "pd-ep-word.docx"} <= names
    assert len(names) == 12


@pytest.mark.parametrize("path", ALL, ids=lambda x: x.name)
def test_every_character_is_imported_or_listed_and_the_result_is_valid(path: Path) -> None:
    result = load(path.name)
    report = result.report
    assert report.total_chars > 100
    assert report.unaccounted == 0, report.summary()
    assert not any("unaccounted" in w for w in result.warnings)
    assert report.provisions >= 3
    # Valid AKN whatever the draft's faults; the house style's faults are warnings.
    assert_sound(result.document)


# -- LibreOffice: HTML ---------------------------------------------------------------------


def test_an_html_page_saved_by_libreoffice_keeps_its_lists_leads_and_starred_note() -> None:
    result = load("lo-html-nato.docx")
    doc = result.document
    assert (doc.title, doc.number, doc.formula) == (
        "STRENGTHENING COOPERATION ON CYBER RESILIENCE",
        "501",
        "The Assembly,",
    )
    assert tree(result) == [
        (
            "recital",
            "1",
            "**Recognising** that cyber attacks threaten critical infrastructure in every"
            " member state;",
        ),
        (
            "recital",
            "2",
            "**Noting with concern** the rise in ransomware against hospitals\u00a0and energy"
            " grids;",
        ),
        (
            "paragraph",
            "3",
            "**Urges** member governments and parliaments of the North Atlantic Alliance:",
        ),
        ("point", "3(a)", "to share threat intelligence in real time;"),
        ("point", "3(b)", "to invest in the resilience of:"),
        ("point", "3(b)(i)", "hospitals;"),
        ("point", "3(b)(ii)", "energy grids;"),
        ("point", "3(c)", "to report on progress by *2026*;"),
        ("paragraph", "4", "**Calls upon** the Alliance to hold an annual exercise."),
    ]
    # <sup>*</sup> comes out of LibreOffice as raised text (w:position), not vertAlign.
    assert [(n.marker, n.text) for n in doc.notes] == [
        (
            "*",
            "Presented by the Science and Technology Committee and adopted by the Plenary"
            " Assembly on 14 October 2024.",
        )
    ]
    assert doc.metadata.committee == "Science and Technology Committee"
    assert doc.metadata.date == dt.date(2024, 10, 14)
    assert result.warnings == [] and result.report.listed == []


def test_an_html_page_in_un_style_keeps_its_italic_preamble_unnumbered() -> None:
    result = load("lo-html-un.docx", date=dt.date(2024, 12, 5))
    assert result.style.name == "un-ga" and result.style_detected
    assert tree(result) == [
        ("recital", None, "*Recalling* its resolution 77/248 of 30 December 2022,"),
        ("recital", None, "*Deeply concerned* by the degradation of the marine environment,"),
        ("paragraph", "1", "*Calls upon* all States to become parties to the Convention;"),
        ("paragraph", "2", "*Requests* the Secretary-General:"),
        ("point", "2(a)", "to convene a meeting in 2025;"),
        ("point", "2(b)", "to report to the Assembly at its eightieth session;"),
        ("paragraph", "3", "*Decides* to remain seized of the matter."),
    ]
    assert result.document.formula == "The General Assembly,"
    # HTML's <ol type="a"> shows "a.", kept; the UN house style would write "(a)".
    assert [p.num for p in result.document.find("2").children] == ["a.", "b."]
    assert result.warnings == [
        "2 number(s) out of sequence for the un-ga house style (first: sub-paragraph a."
        " ((a) in the house style)); kept as the draft shows them; run 'drafting renumber'"
        " to renumber"
    ]
    assert result.report.details == [
        "numbering: sub-paragraph a. ((a) in the house style)",
        "numbering: sub-paragraph b. ((b) in the house style)",
    ]


# -- LibreOffice: RTF ----------------------------------------------------------------------


def test_an_rtf_with_typed_numbers_and_footnotes_imports_its_numbers_and_both_notes() -> None:
    result = load("lo-rtf-typed.docx")
    doc = result.document
    assert [(x.kind, x.ref, x.text, x.lead_phrase) for x in doc.provisions()] == [
        (
            "recital",
            "1",
            "Welcoming the progress made by the countries of the region;",
            "Welcoming",
        ),
        (
            "recital",
            "2",
            "Concerned by the persistent tensions in Belgrade\u2011Pristina relations;",
            "Concerned",
        ),
        ("paragraph", "3", "URGES the governments of member states:", "URGES"),
        ("point", "3(a)", "to support the dialogue facilitated by the European Union;", None),
        ("point", "3(b)", "to maintain their contributions to KFOR;", None),
        (
            "paragraph",
            "4",
            "Encourages the parliaments of the region to cooperate more closely.",
            "Encourages",
        ),
    ]
    assert [(n.marker, n.text) for n in doc.notes] == [
        (
            "*",
            "Presented by the Political Committee and adopted by the Plenary Assembly on"
            " Monday 25 November 2024.",
        ),
        ("1", "Report 045 PC 24 E."),
    ]
    assert (doc.number, doc.metadata.date) == ("502", dt.date(2024, 11, 25))
    # LibreOffice keeps the RTF's custom mark twice: as the note's mark and as typed text.
    assert result.warnings == [
        "the number line repeats the footnote mark * as typed text after the footnote"
        " itself; the repeat is dropped"
    ]


# -- LibreOffice: ODF list style and outline numbering ---------------------------------------


def test_a_named_list_style_linked_to_a_paragraph_style_numbers_three_levels() -> None:
    result = load("lo-list-style.docx", date=dt.date(2024, 12, 1))
    assert tree(result) == [
        ("recital", None, "*Reaffirming* its resolution 76/143,"),
        (
            "recital",
            None,
            "*Noting with appreciation* the work of the Office of the High Commissioner,",
        ),
        ("paragraph", "1", "*Urges* all States:"),
        ("point", "1(a)", "to respect the principle of non-refoulement;"),
        ("point", "1(b)", "to fund the Office, in particular:"),
        ("point", "1(b)(i)", "its emergency reserve;"),
        ("point", "1(b)(ii)", "its programmes for children;"),
        ("paragraph", "2", "*Requests* the High Commissioner to report;"),
        # A second list continuing the first: 3, not 1.
        ("paragraph", "3", "*Decides* to remain seized of the matter."),
    ]
    assert result.warnings == []


def test_outline_numbering_on_headings_gives_paragraphs_and_points() -> None:
    result = load("lo-outline.docx", date=dt.date(2024, 12, 1))
    doc = result.document
    assert [(x.kind, x.ref, x.text) for x in doc.provisions()] == [
        ("recital", "1", "Aware of the strategic importance of the High North;"),
        ("recital", "2", "Concerned by the militarisation of the Arctic;"),
        ("paragraph", "3", "Urges member governments:"),
        ("point", "3(a)", "to increase their presence in the region;"),
        ("point", "3(b)", "to cooperate with partners;"),
        ("paragraph", "4", "Requests the Secretary General to report in 2025."),
    ]
    # Italic preambular leads and bold operative leads are both lead phrases.
    assert [x.markup.split(" ")[0] for x in doc.top_level] == [
        "*Aware*",
        "*Concerned*",
        "**Urges**",
        "**Requests**",
    ]
    assert (doc.title, doc.number) == ("ARCTIC SECURITY", "503")


# -- Word: built-in list styles and what typists leave in ------------------------------------


def test_word_list_number_styles_nest_by_indent_and_typing_debris_is_cleaned() -> None:
    with pytest.raises(TrackedChangesError, match=r"1 tracked change .* that is neither"):
        import_docx(OTHER / "pd-list-number.docx")
    result = load("pd-list-number.docx")
    assert tree(result) == [
        ("recital", "1", "**Recalling** its Resolution 480 on the Alliance’s technological edge;"),
        (
            "recital",
            "2",
            "**Aware** that interoperability of 24/7 early\u2011warning systems must hold at"
            " \u221240°C;",
        ),
        # A manual line break inside the paragraph is a space.
        ("paragraph", "3", "**Urges** member governments and parliaments:"),
        # Word shows "1." and "2."; so they stay (the house style would write a., b.).
        ("point", "3(1)", "to fund defence innovation;"),
        ("point", "3(2)", "to open their test ranges to allies;"),
        # Split by a stray Enter; joined back.
        (
            "paragraph",
            "4",
            "**Requests** the Secretary General to present a report to the Assembly at its"
            " next session;",
        ),
        (
            "paragraph",
            "5",
            "**Encourages** the new Defence Innovation Accelerator, in particular:",
        ),
        # "List Number 2" not restarted shows 3. and 4. in Word, and so they stay.
        ("point", "5(3)", "work with start-ups;"),
        ("point", "5(4)", "publish its results."),
    ]
    assert result.warnings[0] == (
        "1 paragraph(s) continue the paragraph above in mid-sentence (a stray paragraph"
        " break?) and are joined to it"
    )
    assert result.report.details[0] == (
        "paragraph 14 continues paragraph 13 in mid-sentence; the two are joined"
    )
    assert "numbering: sub-paragraph 3. (a. in the house style)" in result.report.details
    assert listed(result) == [
        ("image", "paragraph 15", "", "Logo of the Accelerator"),
        (
            "header",
            "header (default pages)",
            "NATO Parliamentary Assembly – 70th Annual Session",
            "",
        ),
        # "Page " and a PAGE field: the field's result is the page, not the draft's words.
        ("footer", "footer (default pages)", "Page", ""),
    ]
    assert result.report.listed_chars == 0  # headers and images are not body text


def test_numbers_typed_as_roman_and_in_brackets_give_the_structure() -> None:
    result = load("pd-typed-roman.docx")
    doc = result.document
    assert [(x.kind, x.text) for x in doc.provisions()] == [
        ("recital", "Recalling its earlier recommendations;"),
        ("recital", "Considering that oversight builds trust;"),
        ("paragraph", "Recommends that national parliaments:"),
        ("point", "set up specialised committees;"),
        ("point", "give them access to classified material;"),
        ("paragraph", "Invites the Council to follow up."),
    ]
    assert doc.number == "88"
    assert doc.statement.xpath("string(//*[local-name()='docType'])") == "RECOMMENDATION"
    # The typed numbers stay; the report says where the house style numbers otherwise.
    assert [x.num for x in doc.top_level] == ["I.", "II.", "(1)", "(2)"]
    assert "numbering: preambular paragraph I. (1. in the house style)" in result.report.details
    assert "numbering: paragraph (1) (3. in the house style)" in result.report.details


def test_recitals_typed_a_bracket_and_points_typed_in_roman_read_as_the_ep_does() -> None:
    result = load("pd-typed-letters.docx")
    assert result.style.name == "ep"
    assert [(x.kind, x.ref, x.text, x.lead_phrase) for x in result.document.provisions()] == [
        ("recital", "A", "whereas droughts are becoming more frequent;", "whereas"),
        ("recital", "B", "whereas water is a shared resource;", "whereas"),
        ("paragraph", "1", "Calls on the Commission:", "Calls on"),
        ("point", "1(i)", "to propose a strategy;", None),
        ("point", "1(ii)", "to fund research;", None),
        ("paragraph", "2", "Instructs its President to forward this resolution.", "Instructs"),
    ]
    assert "numbering: sub-paragraph (i) ((a) in the house style)" in result.report.details


def test_a_title_framed_in_a_table_and_a_draft_resolution_line_are_the_heading() -> None:
    result = load("pd-title-table.docx")
    doc = result.document
    assert (doc.title, doc.number) == ("PROTECTING CIVILIANS IN ARMED CONFLICT", "505")
    assert doc.statement.xpath("string(//*[local-name()='docType'])") == "DRAFT RESOLUTION"
    assert [(x.kind, x.ref, x.lead_phrase) for x in doc.provisions()] == [
        ("recital", "1", "Appalled"),
        ("paragraph", "2", "Calls upon"),
        ("paragraph", "3", "Urges"),
    ]
    # The line between the number line and the formula stays there, in the preface.
    assert listed(result) == []
    preface = doc.statement.child("preface")
    assert preface is not None
    assert [(c.local, "".join(c.itertext())) for c in preface] == [
        ("longTitle", "PROTECTING CIVILIANS IN ARMED CONFLICT"),
        ("p", "DRAFT RESOLUTION 505"),
        ("p", "presented by the Committee on Democracy and Security"),
    ]


def test_un_style_in_word_numbers_1_a_i_from_one_list_with_a_word_footnote() -> None:
    result = load("pd-un-word.docx")
    doc = result.document
    assert result.style.name == "un-ga"
    assert [r.lead_phrase for r in doc.recitals] == [
        "Recalling",
        "Reaffirming also",
        "Deeply concerned",
    ]
    assert [x.ref for x in doc.provisions() if x.kind != "recital"] == [
        "1",
        "1(a)",
        "1(b)",
        "1(b)(i)",
        "1(b)(ii)",
        "1(c)",
        "2",
        "3",
    ]
    assert doc.find("1(b)(ii)").text == "medicines;"
    assert doc.recitals[0].text == "Recalling its resolution 74/20 of 11 December 2019,"
    assert [(n.marker, n.text) for n in doc.notes] == [("1", "Resolution 74/20, annex.")]


def test_ep_citations_with_typed_dashes_or_dash_bullets_are_citations() -> None:
    result = load("pd-ep-word.docx")
    doc = result.document
    assert result.style.name == "ep"
    assert [c.text for c in doc.citations] == [
        "having regard to Article 191 of the Treaty,",
        "having regard to Directive (EU) 2020/2184,",
        "having regard to Rule 54 of its Rules of Procedure,",
    ]
    assert [(x.num, x.text) for x in doc.recitals] == [
        ("A.", "whereas access to safe water is a human right;"),
        ("B.", "whereas microplastics are found in tap water;"),
    ]
    assert [x.ref for x in doc.paragraphs] == ["1", "2"]
    assert [x.ref for x in doc.find("1").children] == ["1(a)", "1(b)"]
    assert doc.metadata.date == dt.date(2024, 3, 14)
    assert result.warnings == []


def test_nato_leads_in_capitals_not_bold_and_italic_preambles_are_lead_phrases() -> None:
    result = load("pd-nato-caps.docx")
    doc = result.document
    assert [(x.kind, x.num, x.lead_phrase) for x in doc.top_level] == [
        ("recital", "1.", "Recognising"),
        ("recital", "2.", "Concerned"),
        ("paragraph", "3.", "URGES"),
        ("paragraph", "4.", "CALLS UPON"),
        ("paragraph", "5.", "REQUESTS"),
    ]
    assert doc.find("5").text == "REQUESTS THE Secretary General to report."
    assert [c.text for c in doc.find("3").children] == [
        "to diversify supply;",
        "to protect infrastructure;",
    ]
    assert (
        "3 lead phrase(s) were in plain type and are now set in bold, as the nato-pa house"
        " style prints them: URGES, CALLS UPON, REQUESTS" in result.warnings
    )


# -- the general rules, one behaviour each ------------------------------------------------------

HEAD = p(r("RESOLUTION 1")) + p(r("The Assembly,"))


def _import(tmp_path: Path, body: str, parts: dict[str, str] | None = None) -> DocxImportResult:
    path = tmp_path / "x.docx"
    path.write_bytes(docx_bytes(body, parts))
    return import_docx(path, date=dt.date(2025, 1, 1))


def test_a_paragraph_that_opens_with_a_lead_phrase_is_not_joined_to_a_cut_off_one(
    tmp_path: Path,
) -> None:
    body = (
        HEAD
        + p(r("1.\t") + r("Urges", "<w:b/>") + r(" member states to act"))
        + p(r("Requests the Secretary General to report."))
    )
    result = _import(tmp_path, body)
    assert result.document.find("1").text == "Urges member states to act"
    # Not joined, and not lost: unnumbered text after the paragraph, where it stands.
    assert [(x.kind, x.num, x.text) for x in result.document.top_level] == [
        ("paragraph", "1.", "Urges member states to act"),
        ("hcontainer", None, "Requests the Secretary General to report."),
    ]
    assert result.report.listed == []


def test_a_paragraph_after_a_finished_sentence_is_not_joined(tmp_path: Path) -> None:
    body = HEAD + p(r("1.\tUrges member states to act;")) + p(r("Assembly members agree."))
    result = _import(tmp_path, body)
    assert result.document.find("1").text == "Urges member states to act;"
    assert [x.text for x in result.document.top_level] == [
        "Urges member states to act;",
        "Assembly members agree.",
    ]


def test_lowered_text_is_a_subscript_and_raised_text_a_superscript(tmp_path: Path) -> None:
    body = HEAD + p(
        r("1.\t")
        + r("Urges", "<w:b/>")
        + r(" cutting CO")
        + r("2", '<w:position w:val="-4"/>')
        + r(" by the 1")
        + r("st", '<w:position w:val="6"/>')
        + r(" day.")
    )
    para = _import(tmp_path, body).document.find("1")
    assert para.markup == "**Urges** cutting CO<sub>2</sub> by the 1<sup>st</sup> day."


def test_a_table_of_several_cells_is_kept_a_table_where_it_stands(tmp_path: Path) -> None:
    row = "<w:tr><w:tc>" + p(r("A")) + "</w:tc><w:tc>" + p(r("B")) + "</w:tc></w:tr>"
    body = HEAD + p(r("1.\tUrges action.")) + f"<w:tbl>{row}</w:tbl>" + p(r("2.\tNotes it."))
    result = _import(tmp_path, body)
    assert result.report.listed == []
    assert [(x.kind, x.num, x.text) for x in result.document.top_level] == [
        ("paragraph", "1.", "Urges action."),
        ("hcontainer", None, "A\nB"),
        ("paragraph", "2.", "Notes it."),
    ]
    table = result.document.top_level[1].table
    assert table is not None
    assert [["".join(c.itertext()) for c in row] for row in table] == [["A", "B"]]


def test_a_bullet_list_of_dashes_after_a_paragraph_stays_its_points(tmp_path: Path) -> None:
    lists = numbering(
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="360"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2013"/><w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>'
        "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    )
    body = (
        HEAD
        + numbered(r("Urges", "<w:b/>") + r(" states:"), 1)
        + numbered(r("to act;"), 1, 1)
        + numbered(r("to report."), 1, 1)
    )
    result = _import(tmp_path, body, {"word/numbering.xml": lists})
    assert [(x.kind, x.text) for x in result.document.provisions()] == [
        ("paragraph", "Urges states:"),
        ("point", "to act;"),
        ("point", "to report."),
    ]
    assert result.document.citations == []


# -- drafts that are no resolution, or a faulty one: imported, and told --------------------------


def test_a_file_without_operative_paragraphs_imports_as_a_title_and_text(tmp_path: Path) -> None:
    body = p(r("Minutes of the meeting")) + p(r("The committee met at 10:00."))
    result = _import(tmp_path, body)
    doc = result.document
    assert doc.title == "Minutes of the meeting"
    assert [(x.kind, x.name, x.text) for x in doc.top_level] == [
        ("hcontainer", "unnumbered", "The committee met at 10:00.")
    ]
    assert (result.style.name, result.report.style_reason) == ("plain", "no numbered paragraphs")
    assert result.report.unaccounted == 0
    assert_sound(doc)


def test_a_resolution_laid_out_in_a_table_is_kept_and_told_to_convert_the_table(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"<w:tr><w:tc>{p(r(n))}</w:tc><w:tc>{p(r(t))}</w:tc></w:tr>"
        for n, t in (("1.", "Recalling its work;"), ("2.", "Urges action."))
    )
    result = _import(tmp_path, HEAD + f"<w:tbl>{rows}</w:tbl>")
    blocks = [b.text for p in result.document.top_level for b in p.blocks]
    assert blocks == ["1.", "Recalling its work;", "2.", "Urges action."]
    assert any(
        "convert the table to text (Word: Table Layout > Convert to Text)" in w
        for w in result.warnings
    )
    assert_sound(result.document)


def test_an_empty_document_says_there_is_no_text(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocxError, match="the Word body has no text to import"):
        _import(tmp_path, p(""))


def test_a_missing_lead_phrase_is_a_warning_that_names_the_paragraph(tmp_path: Path) -> None:
    body = (
        p(r("The General Assembly,"))
        + p(r("Recalling", "<w:i/>") + r(" its work,"))
        + p(r("1.\t") + r("the member states should act at once and together;"))
    )
    result = _import(tmp_path, body)
    para = result.document.find("1")
    assert para.text == "the member states should act at once and together;"
    assert para.lead_phrase is None
    assert (
        "1 paragraph(s) open with no lead phrase, which the un-ga house style requires:"
        " paragraph 1." in result.warnings
    )
    assert "lead phrase missing: paragraph 1." in result.report.details


# -- the conversion itself ------------------------------------------------------------------------


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_fresh_libreoffice_conversion_of_the_rtf_imports_the_same(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(OTHER.parent))
    try:
        import make_libreoffice
        import make_other_producers as make
    finally:
        sys.path.remove(str(OTHER.parent))
    src = tmp_path / "lo-rtf-typed.rtf"
    src.write_text(make.RTF, encoding="utf-8")
    fresh = import_docx(make_libreoffice.convert(src, tmp_path))
    assert tree(fresh) == tree(load("lo-rtf-typed.docx"))
    assert fresh.report.unaccounted == 0
