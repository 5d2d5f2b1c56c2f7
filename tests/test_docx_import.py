"""Word files from real producers import to the resolution they show, and nothing is lost."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, assert_valid
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wordml import docx_bytes, p, r

from drafting import io
from drafting.cli import cli
from drafting.docx_import import DocxImportResult, TrackedChangesError, import_docx
from drafting.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docx"
ALL = sorted(FIXTURES.glob("*.docx"))
TRACKED = {"lo-tracked.docx", "pd-tracked.docx"}


def fixture(name: str, **kw: object) -> DocxImportResult:
    return import_docx(FIXTURES / name, **kw)  # type: ignore[arg-type]


def shape(doc: Document) -> list[tuple[str, str | None, str, list[str]]]:
    return [(p.kind, p.num, p.text, p.lead_phrases) for p in doc.provisions()]


# -- the acceptance case --------------------------------------------------------------


@pytest.mark.parametrize("name", ["lo-resolution-495.docx", "lo-split-leads.docx"])
def test_resolution_495_made_by_libreoffice_imports_to_exactly_the_example(name: str) -> None:
    result = fixture(name)
    expected = io.load(EXAMPLES / "resolution-495.akn.xml")
    doc = result.document
    assert shape(doc) == shape(expected)
    assert [(n.marker, n.text) for n in doc.notes] == [(n.marker, n.text) for n in expected.notes]
    assert (doc.title, doc.number, doc.formula) == (expected.title, "495", "The Assembly,")
    assert doc.metadata == expected.metadata
    assert io.dumps(doc) == (EXAMPLES / "resolution-495.akn.xml").read_bytes()
    assert result.warnings == []
    assert result.report.unaccounted == 0 and result.report.listed == []


def test_the_demo_draft_in_examples_is_the_libreoffice_resolution_495() -> None:
    doc = import_docx(EXAMPLES / "resolution-495.docx").document
    assert io.dumps(doc) == (EXAMPLES / "resolution-495.akn.xml").read_bytes()


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_fresh_libreoffice_conversion_still_imports_to_the_example(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(FIXTURES))
    try:
        import make_libreoffice
    finally:
        sys.path.remove(str(FIXTURES))
    src = tmp_path / "fresh.fodt"
    src.write_text(
        make_libreoffice.resolution_fodt(io.load(EXAMPLES / "resolution-495.akn.xml")),
        encoding="utf-8",
    )
    out = make_libreoffice.convert(src, tmp_path)
    assert io.dumps(import_docx(out).document) == (EXAMPLES / "resolution-495.akn.xml").read_bytes()


# -- every fixture ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_character_of_the_body_is_imported_or_listed(path: Path) -> None:
    for accept in [True, False] if path.name in TRACKED else [None]:
        result = import_docx(path, accept_changes=accept)
        report = result.report
        assert report.total_chars > 0
        assert report.unaccounted == 0, report.summary()
        assert_valid(result.document)


@pytest.mark.parametrize("name", ["resolution-495", "un-ga-example", "ep-example"])
@pytest.mark.parametrize("word_numbering", [False, True])
def test_a_docx_exported_by_drafting_imports_back_to_the_same_document(
    tmp_path: Path, name: str, word_numbering: bool
) -> None:
    from drafting.docx_export import write_docx

    original = io.load(EXAMPLES / f"{name}.akn.xml")
    path = tmp_path / "x.docx"
    path.write_bytes(write_docx(original, word_numbering=word_numbering))
    result = import_docx(path)
    assert io.dumps(result.document) == io.dumps(original)
    assert result.report.style_how == "document property"


# -- LibreOffice habits -----------------------------------------------------------------


def test_libreoffice_fields_show_their_result_comments_are_listed_and_tables_kept() -> None:
    result = fixture("lo-features.docx")
    doc = result.document
    assert doc.find("2").text == "Noting the report of Sam dated 5/12/25;"
    assert doc.find("1").lead_phrase == "Recognising"
    assert [c.text for c in doc.find("3").children] == ["to act now;", "to act together."]
    assert [(n.marker, n.text) for n in doc.notes] == [
        ("*", "Presented by the Economics and Security Committee on 12 May 2025")
    ]
    assert doc.metadata.committee == "Economics and Security Committee"
    listed = [(x.kind, x.where, x.text, x.detail) for x in result.report.listed]
    assert listed == [("comment", "paragraph 4", "Check this wording", "by Ana Reviewer")]
    # The table after the last paragraph stays there, a table.
    last = doc.top_level[-1]
    assert (last.kind, last.name, last.num) == ("hcontainer", "table", None)
    assert last.table is not None
    assert [[cell.local for cell in row] for row in last.table] == [["td", "td"]]
    assert [b.text for b in last.blocks] == ["Country", "Votes"]


def test_numbers_typed_by_hand_give_levels_and_ii_is_a_numeral_after_i() -> None:
    doc = fixture("lo-typed.docx").document
    assert [(p.ref, p.text) for p in doc.provisions()] == [
        ("1", "Recalling its earlier work;"),
        ("2", "Calls upon the governments:"),
        ("2(a)", "to do this;"),
        ("2(b)", "to do that, in particular:"),
        ("2(b)(i)", "the first thing;"),
        ("2(b)(ii)", "the second thing;"),
        ("2(c)", "and to report."),
    ]
    assert [p.kind for p in doc.top_level] == ["recital", "paragraph"]


def test_libreoffice_tracked_changes_are_refused_accepted_or_rejected() -> None:
    with pytest.raises(TrackedChangesError, match=r"2 tracked changes \(1 by .*, 1 by .*\)"):
        fixture("lo-tracked.docx")
    assert fixture("lo-tracked.docx", accept_changes=True).document.find("1").text == (
        "Noting the agreed new plan;"
    )
    assert fixture("lo-tracked.docx", accept_changes=False).document.find("1").text == (
        "Noting the strongly agreed plan;"
    )


# -- Word habits (python-docx on Word's own template) -----------------------------------


@pytest.mark.parametrize("name", ["pd-word-habits.docx", "pd-office365.docx"])
def test_word_clutter_between_runs_does_not_change_the_words(name: str) -> None:
    result = fixture(name)
    doc = result.document
    first = doc.find("1")
    assert first.lead_phrase == "Recognising"
    assert first.text == (
        "Recognising the “smart quotes”, a no-break\u00a0space, a softhyphen and a tab;"
    )
    second = doc.find("2")
    assert second.text == "Noting report 123 STC 24 E of 4 May 2025 (see nato-pa.int);"
    assert second.lead_phrase == "Noting"
    assert [(n.marker, n.text) for n in doc.notes] == [
        (
            "*",
            "Presented by the Defence and Security Committee and adopted by the Plenary"
            " Assembly on 26 May 2025",
        ),
        ("1", "Document 123 STC 24 E."),
    ]
    assert doc.find("3").markup == (
        "**URGES** member states to cut CO<sub>2</sub> by the 1<sup>st</sup> date <u>agreed</u>:"
    )
    assert [p.ref for p in doc.find("3").walk()] == [
        "3",
        "3(a)",
        "3(b)",
        "3(b)(i)",
        "3(b)(ii)",
        "3(c)",
    ]
    assert doc.find("3(b)(ii)").text == "with partners;"
    assert doc.metadata.date == dt.date(2025, 5, 26)
    kinds = [(x.kind, x.text) for x in result.report.listed]
    assert kinds == [
        ("comment", "Is this the right lead?"),
        ("hidden text", " (hidden drafting note)"),
    ]
    # The text box follows the paragraph that anchors it; the table stands where it is.
    tail = [(p.kind, p.name, p.text) for p in doc.top_level[-2:]]
    assert tail == [
        ("hcontainer", "unnumbered", "Text in a box"),
        ("hcontainer", "table", "Member\nVote"),
    ]


def test_word_tracked_changes_of_every_kind_resolve_as_word_resolves_them() -> None:
    with pytest.raises(TrackedChangesError, match="7 tracked changes"):
        fixture("pd-tracked.docx")
    accepted = fixture("pd-tracked.docx", accept_changes=True).document
    assert [p.text for p in accepted.top_level] == [
        "Recalling the new plan;",
        "Welcoming the report",
        "Urges action on every front;",
        "Requests a report by May soon.",
    ]
    rejected = fixture("pd-tracked.docx", accept_changes=False)
    assert [p.text for p in rejected.document.top_level] == [
        "Recalling the old plan;",
        "Welcoming the report",
        "Urges action on every front;",
        "Requests a report soon by May.",
    ]
    # Rejecting the deleted paragraph mark keeps the break, in mid-sentence: the rest of
    # the sentence runs on into paragraph 3, with a warning, instead of being left out.
    assert rejected.report.listed == []
    assert "continue the paragraph above in mid-sentence" in rejected.warnings[0]
    assert rejected.report.details == [
        "paragraph 7 continues paragraph 6 in mid-sentence; the two are joined"
    ]
    assert rejected.report.changes == "7 rejected (4 by Bob Smith, 3 by Alice Martin)"


def test_un_style_typed_by_hand_is_detected_and_i_after_h_is_a_letter() -> None:
    result = fixture("pd-typed-un.docx")
    doc = result.document
    assert result.style.name == "un-ga" and result.style_detected
    assert [r.lead_phrase for r in doc.recitals] == ["Recalling", "Deeply concerned"]
    para = doc.find("1")
    assert [c.num for c in para.children] == [f"({x})" for x in "abcdefghij"]
    assert doc.find("1(i)").text == "to take measure 9;"
    assert [c.text for c in doc.find("1(b)").children] == ["to do part i;", "to do part ii;"]


def test_ep_lists_give_citations_recitals_and_points_that_restart() -> None:
    result = fixture("pd-ep-numbered.docx")
    doc = result.document
    assert result.style.name == "ep"
    assert [c.text for c in doc.citations] == [
        "having regard to Rule 54 of its Rules of Procedure,",
        "having regard to the report of the committee,",
    ]
    assert [r.num for r in doc.recitals] == ["A.", "B."]
    assert [p.ref for p in doc.provisions() if p.kind == "point"] == [
        "1(a)",
        "1(b)",
        "2(a)",
        "2(b)",
    ]


def test_drafting_styles_and_document_properties_decide_structure_and_metadata() -> None:
    result = fixture("pd-house-convention.docx")
    doc = result.document
    assert result.report.style_how == "document property" and not result.warnings
    assert (doc.number, doc.metadata.date, doc.metadata.body) == (
        "77",
        dt.date(2025, 3, 1),
        "United Nations General Assembly",
    )
    assert [(p.kind, p.ref, p.text) for p in doc.provisions()] == [
        ("recital", None, "Noting the styles,"),
        ("paragraph", "1", "Decides to use them:"),
        ("point", "1(a)", "for import;"),
        ("point", "1(b)", "for export."),
    ]


def test_given_values_override_what_the_document_says() -> None:
    doc = fixture(
        "pd-house-convention.docx", number="78", body="Test Assembly", date=dt.date(2026, 1, 2)
    ).document
    assert (doc.number, doc.metadata.body, doc.metadata.date) == (
        "78",
        "Test Assembly",
        dt.date(2026, 1, 2),
    )


# -- report and CLI ---------------------------------------------------------------------


def test_the_cli_writes_akn_and_a_json_report_and_prints_one_line_count(tmp_path: Path) -> None:
    out = tmp_path / "r.akn.xml"
    rep = tmp_path / "r.json"
    src = FIXTURES / "pd-word-habits.docx"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out), "--report", str(rep)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "pd-word-habits.docx: 449 characters in the Word body: 429 imported, 20 listed in"
        " the report (1 comment, 1 hidden text)"
    )
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["characters"] == {"total": 449, "imported": 429, "listed": 20, "unaccounted": 0}
    assert data["house_style"] == {
        "name": "nato-pa",
        "how": "detected",
        "why": "one sequence of numbers across preambular and operative paragraphs",
    }
    assert {
        "kind": "hidden text",
        "where": "paragraph 10",
        "text": " (hidden drafting note)",
        "detail": "",
    } in data["listed"]
    assert io.load(out).find("3(b)(ii)").text == "with partners;"


def test_the_markdown_report_lists_what_was_left_out_with_where_it_was(tmp_path: Path) -> None:
    out = tmp_path / "r.akn.xml"
    rep = tmp_path / "r.md"
    src = FIXTURES / "lo-features.docx"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out), "--report", str(rep)])
    assert result.exit_code == 0, result.stderr
    text = rep.read_text(encoding="utf-8")
    assert "| comment (by Ana Reviewer) | paragraph 4 | Check this wording |" in text
    assert "- 1 table(s) kept as tables" in text


def test_a_report_with_an_unknown_extension_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.akn.xml"
    result = CliRunner().invoke(
        cli,
        [
            "import",
            str(FIXTURES / "lo-typed.docx"),
            "-o",
            str(out),
            "--report",
            str(tmp_path / "r.txt"),
        ],
    )
    assert result.exit_code == 1
    assert "name it REPORT.md or REPORT.json" in result.stderr
    assert not out.exists()


def test_accepting_changes_from_the_cli_imports_the_accepted_text(tmp_path: Path) -> None:
    out = tmp_path / "t.akn.xml"
    result = CliRunner().invoke(
        cli, ["import", str(FIXTURES / "pd-tracked.docx"), "-o", str(out), "--accept-changes"]
    )
    assert result.exit_code == 0, result.stderr
    assert io.load(out).find("3").text == "Urges action on every front;"


# -- properties -------------------------------------------------------------------------

CLAUSE = "Recognising that the “Alliance” must act, now and together;"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=1, max_value=len(CLAUSE) - 1), max_size=8, unique=True))
def test_runs_split_at_any_points_give_the_same_clause(cuts: list[int]) -> None:
    lead = len("Recognising")
    bounds = [0, *sorted(cuts), len(CLAUSE)]
    runs = "".join(
        r(CLAUSE[a:b], "<w:b/>" if b <= lead else "")
        if b <= lead or a >= lead
        else r(CLAUSE[a:lead], "<w:b/>") + r(CLAUSE[lead:b])
        for a, b in itertools.pairwise(bounds)
    )
    body = (
        p(r("RESOLUTION 1"))
        + p(r("The Assembly,"))
        + p(r("1.\t") + runs)
        + p(r("2.\t") + r("Urges", "<w:b/>") + r(" action."))
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "split.docx"
        path.write_bytes(docx_bytes(body))
        doc = import_docx(path, date=dt.date(2025, 1, 1)).document
    first = doc.find("1")
    assert first.text == CLAUSE
    assert first.lead_phrase == "Recognising"
    assert first.markup == "**Recognising** that the “Alliance” must act, now and together;"


def test_content_controls_caps_symbols_and_endnotes_read_as_word_shows_them(
    tmp_path: Path,
) -> None:
    endnotes = (
        '<?xml version="1.0" encoding="UTF-8"?><w:endnotes xmlns:w="http://schemas.openxmlformats'
        '.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>'
        '<w:r><w:t xml:space="preserve"> See annex.</w:t></w:r></w:p></w:endnote></w:endnotes>'
    )
    body = (
        p(r("RESOLUTION 4"))
        + p(r("The Assembly,"))
        + "<w:sdt><w:sdtContent>"
        + p(
            r("1.\t")
            + r("urges", "<w:b/><w:caps/>")
            + r(" co")
            + "<w:r><w:noBreakHyphen/></w:r>"
            + r("operation")
            + '<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>'
            + '<w:r><w:br/><w:t>now</w:t><w:endnoteReference w:id="1"/></w:r>'
        )
        + "</w:sdtContent></w:sdt>"
    )
    path = tmp_path / "x.docx"
    path.write_bytes(docx_bytes(body, {"word/endnotes.xml": endnotes}))
    result = import_docx(path, date=dt.date(2025, 1, 1))
    para = result.document.find("1")
    assert para.text == "URGES co\u2011operation\u00b1 now"
    assert para.lead_phrase == "URGES"
    assert [(n.marker, n.text) for n in result.document.notes] == [("i", "See annex.")]
    assert result.report.unaccounted == 0
