"""Amendments: reading every wording, writing it back, applying it, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, assert_valid
from lxml import etree

from drafting.akn import schema
from drafting.akn.ns import XPATH_NS
from drafting.amendments import (
    apply_amendments,
    check,
    compile_amendments,
    draft_amendment,
    parse_amendments,
    parse_votes,
    read_amendment_files,
    write_amendment,
)
from drafting.amendments.akn import amendment_list_tree, amendment_tree, read_amendments_xml
from drafting.amendments.errors import (
    AmendmentApplicationError,
    AmendmentSyntaxError,
    VotesFileError,
)
from drafting.amendments.model import (
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    MoveProvision,
    NewProvision,
    Quote,
    ReplaceProvision,
    ReplaceText,
)
from drafting.amendments.parser import parse_location
from drafting.amendments.words import derive_operations
from drafting.cli import cli
from drafting.model import Document
from drafting.render.amendments_html import compilation_html

AMENDMENTS_495 = EXAMPLES / "amendments-495.txt"
DRAFT_495 = EXAMPLES / "resolution-495.akn.xml"


def one(text: str) -> object:
    return parse_amendments("Amendment 1\n" + text)[0]


# -- locations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paragraph 13", Location("paragraph", "13")),
        ("Paragraph 13(b)", Location("paragraph", "13(b)")),
        ("Paragraph 13, sub-paragraph (b)", Location("paragraph", "13(b)")),
        ("Sub-paragraph 13 b", Location("paragraph", "13(b)")),
        ("Paragraph 13(b)(ii)", Location("paragraph", "13(b)(ii)")),
        ("Preambular paragraph 3", Location("preambular", "3")),
        ("Operative paragraph 5(c)", Location("operative", "5(c)")),
        ("Recital B", Location("recital", "B")),
        ("Citation 2", Location("citation", "2")),
        ("Paragraph 2 a (new)", Location("paragraph", "2", "a")),
        ("Recital B a (new)", Location("recital", "B", "a")),
        ("Title", Location("title")),
        ("**Paragraph 13(b)**", None),
        ("Leave out paragraph 3", None),
    ],
)
def test_every_location_form_reads_to_one_canonical_location(
    text: str, expected: Location | None
) -> None:
    assert parse_location(text) == expected


def test_a_location_prints_as_the_draft_numbers_it() -> None:
    assert str(Location("paragraph", "13(b)")) == "Paragraph 13(b)"
    assert str(Location("paragraph", "2", "a")) == "Paragraph 2 a (new)"
    assert Location("operative", "5(c)").phrase() == "operative paragraph 5(c)"


# -- operations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "op"),
    [
        ('After "X y" insert "Z"', InsertText("after", Quote("X y"), "Z")),
        ("Before ‘X’ insert ‘Z’", InsertText("before", Quote("X"), "Z")),
        ('At the beginning insert "Z"', InsertText("beginning", None, "Z")),
        ('At the end insert ", Z"', InsertText("end", None, ", Z")),
        ('Leave out "X"', DeleteText(Quote("X"))),
        ("Delete “X”", DeleteText(Quote("X"))),
        ('Leave out "X" and insert "Y"', ReplaceText(Quote("X"), "Y")),
        ('Replace "X" with "Y"', ReplaceText(Quote("X"), "Y")),
        ('For "X" substitute "Y"', ReplaceText(Quote("X"), "Y")),
        ('Substitute "Y" for "X"', ReplaceText(Quote("X"), "Y")),
        ('Leave out from "A" to "B"', DeleteRange(Quote("A"), Quote("B"))),
        ('Leave out from "A" to "B" and insert "C"', DeleteRange(Quote("A"), Quote("B"), "C")),
        (
            'Replace the second "AI" with "artificial intelligence"',
            ReplaceText(Quote("AI", 2), "artificial intelligence"),
        ),
        (
            "Leave out 'NATO's edge' and insert 'the edge'",
            ReplaceText(Quote("NATO's edge"), "the edge"),
        ),
        ('Leave out the last "AI"', DeleteText(Quote("AI", -1))),
        ("Delete paragraph", DeleteProvision()),
        ("Leave out the sub-paragraph", DeleteProvision()),
    ],
)
def test_every_operation_wording_reads_to_its_operation(line: str, op: object) -> None:
    a = one(f"Paragraph 13(b)\n{line}\n")
    assert a.operations == (op,)  # type: ignore[attr-defined]


def test_quoted_words_are_normalised_in_white_space_and_quote_marks() -> None:
    a = one('Paragraph 1\nLeave out "NATO’s   technological\tedge"\n')
    assert a.operations == (DeleteText(Quote("NATO's technological edge")),)  # type: ignore[attr-defined]


def test_new_provisions_nest_by_indentation_and_keep_bold_lead_phrases() -> None:
    a = one(
        "After paragraph 11 insert the following new paragraph:\n"
        "12. **Calls upon** member states:\n"
        " - a. to act;\n"
        "   - i. now;\n"
        " - b. to report;\n"
    )
    op = a.operations[0]  # type: ignore[attr-defined]
    assert op == InsertProvisions(
        Location("paragraph", "11"),
        "after",
        (
            NewProvision(
                "**Calls upon** member states:",
                (NewProvision("to act;", (NewProvision("now;"),)), NewProvision("to report;")),
            ),
        ),
    )


def test_replacing_and_moving_provisions_read_as_such() -> None:
    a = one("Paragraph 12\nReplace the paragraph with the following:\n“**Affirming** X;”\n")
    assert a.operations == (ReplaceProvision(NewProvision("**Affirming** X;")),)  # type: ignore[attr-defined]
    b = one("Move paragraph 7 after paragraph 9\n")
    assert b.operations == (  # type: ignore[attr-defined]
        MoveProvision(Location("paragraph", "7"), Location("paragraph", "9"), "after"),
    )


def test_a_two_column_table_gives_operations_by_word_diff() -> None:
    a = one(
        "Paragraph 13(b)\n| Draft text | Amendment |\n|---|---|\n"
        "| b. to continue developing joint standards; | b. to continue ***jointly*** developing"
        " standards; |\n"
    )
    assert a.operations == (  # type: ignore[attr-defined]
        InsertText("after", Quote("continue"), "jointly"),
        DeleteText(Quote("joint")),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Amendment 1\nParagraph 3\nStrike it all\n", ":3: amendment 1: cannot understand"),
        (
            "Amendment 1\nParagraph 3\nDelete paragraph\nStatus: maybe\n",
            ":4: amendment 1: unknown status",
        ),
        (
            'Amendment 1\nLeave out "x"\n',
            ":1: amendment 1: amendment 1 does not say which provision",
        ),
        ("Amendment 1\nParagraph 3\n", "amendment 1 has no operation"),
        (
            "Amendment 1\nParagraph 3\nDelete paragraph\n"
            "Amendment 1\nParagraph 4\nDelete paragraph\n",
            "appears twice",
        ),
        ("just a title\n", "no amendments found"),
    ],
)
def test_a_line_that_cannot_be_understood_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(AmendmentSyntaxError) as err:
        parse_amendments(text, "am.txt")
    assert message in str(err.value)


def test_votes_read_and_refuse_anything_else() -> None:
    assert parse_votes("# committee\n4: adopted\n7: rejected\nAmendment 9: withdrawn\n") == {
        "4": "adopted",
        "7": "rejected",
        "9": "withdrawn",
    }
    with pytest.raises(VotesFileError, match=":2: cannot read the vote"):
        parse_votes("4: adopted\n5 perhaps\n", "votes.txt")


# -- writing ---------------------------------------------------------------------------


def test_draft_amendment_finds_the_shortest_instruction_in_each_house_style() -> None:
    original = "to continue developing joint standards, including misaligned data, and gaps;"
    edited = (
        "to continue developing joint standards, including incompatible data formats, and gaps;"
    )
    a = draft_amendment("1", Location("paragraph", "13(b)"), original, edited, tabled_by="Norway")
    assert a.operations == (ReplaceText(Quote("misaligned data,"), "incompatible data formats,"),)
    assert (
        'Leave out "misaligned data," and insert "incompatible data formats,"' in write_amendment(a)
    )
    assert 'Replace "misaligned data," with "incompatible data formats,"' in write_amendment(
        a, "un-ga"
    )
    ep = draft_amendment("1", Location("paragraph", "13(b)"), original, edited, style="ep")
    text = write_amendment(ep, "ep")
    assert "| Draft text | Amendment |" in text
    assert parse_amendments(text) == [ep]


def test_a_repeated_word_is_quoted_with_an_ordinal() -> None:
    ops = derive_operations("the AI and the AI and AI", "the AI and the ML and AI")
    assert ops == (ReplaceText(Quote("AI", 2), "ML"),)


# -- checking and applying ------------------------------------------------------------------


def test_the_example_set_checks_clean_and_reports_its_overlaps(r495: Document) -> None:
    report = check(r495, read_amendment_files([AMENDMENTS_495]))
    assert report.ok
    assert any("amendments 1 and 2 overlap" in line for line in report.lines())


def test_applying_records_provenance_for_every_applied_amendment(r495: Document) -> None:
    ams = read_amendment_files([AMENDMENTS_495])
    amended = apply_amendments(r495, ams, date=dt.date(2024, 11, 25))
    assert_valid(amended.document)
    applied = [o for o in amended.outcomes if o.outcome == "applied"]
    meta = amended.document.meta
    events = meta.xpath("a:lifecycle/a:eventRef[@type='amendment']", namespaces=XPATH_NS)
    assert isinstance(events, list) and len(events) == len(applied)
    mods = meta.xpath("a:analysis/a:passiveModifications/a:textualMod", namespaces=XPATH_NS)
    assert isinstance(mods, list)
    sources = {m.findtext(".//{*}source") or m.find("{*}source").get("href") for m in mods}
    assert {f"#amendment_{o.number}" for o in applied} == sources


def test_an_amendment_that_cannot_be_applied_changes_nothing(r495: Document) -> None:
    before = r495.to_bytes()
    ams = parse_amendments(
        'Amendment 1\nParagraph 13(b)\nLeave out "misaligned data"\nStatus: adopted\n'
        "Amendment 2\nParagraph 14\nDelete paragraph\nStatus: adopted\n"
    )
    with pytest.raises(AmendmentApplicationError, match="paragraph 14 does not exist"):
        apply_amendments(r495, ams)
    assert r495.to_bytes() == before


def test_votes_naming_an_unknown_amendment_are_refused(r495: Document) -> None:
    ams = parse_amendments('Amendment 1\nParagraph 1\nLeave out "AI" \n')
    with pytest.raises(AmendmentApplicationError, match="amendment 9"):
        apply_amendments(r495, ams, votes={"9": "adopted"})


def test_positions_refer_to_the_draft_as_tabled(r495: Document) -> None:
    ams = parse_amendments(
        "Amendment 1\nAfter paragraph 12 insert the following new paragraph:\n"
        "**Noting** the REAIM Summit;\nStatus: adopted\n"
        'Amendment 2\nParagraph 13(b)\nLeave out "misaligned data" and insert "data"\n'
        "Status: adopted\n"
    )
    doc = apply_amendments(r495, ams).document
    assert "including data, data sovereignty" in doc.find("14(b)").text
    assert doc.find("13").text == "Noting the REAIM Summit;"


# -- AKN --------------------------------------------------------------------------------


def test_amendments_export_to_valid_akn_and_read_back_the_same(r495: Document) -> None:
    ams = read_amendment_files([AMENDMENTS_495])
    tree = amendment_list_tree(r495, ams)
    assert schema.schema_problems(tree) == []
    assert schema.schema_problems(amendment_tree(r495, ams[2])) == []
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    assert read_amendments_xml(data) == ams


# -- compilation -------------------------------------------------------------------------


def test_the_compilation_marks_new_words_removed_words_and_deleted_provisions(
    r495: Document,
) -> None:
    page = compilation_html(compile_amendments(r495, read_amendment_files([AMENDMENTS_495])))
    assert "<del>misaligned data,</del>" in page
    assert "<ins>incompatible data formats,</ins>" in page
    assert "<em>deleted</em>" in page
    assert "Tabled by: Delegation of Norway" in page


# -- CLI ---------------------------------------------------------------------------------


def test_check_prints_each_amendment_and_exits_1_when_one_is_invalid(tmp_path: Path) -> None:
    am = tmp_path / "am.txt"
    am.write_text(
        'Amendment 1\nParagraph 13(b)\nLeave out "misaligned datas"\n'
        'Amendment 2\nParagraph 1\nLeave out "AI"\n'
        "Amendment 3\nParagraph 14\nDelete paragraph\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["amendments", "check", str(DRAFT_495), str(am)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'Amendment 1 (Paragraph 13(b)): "misaligned datas" is not in paragraph 13(b); closest:'
        ' "misaligned data"; quote the words exactly as they stand in the draft as tabled',
        'Amendment 2 (Paragraph 1): "AI" occurs 3 times in paragraph 1; say which; write e.g.'
        ' the second "AI", or quote more words',
        "Amendment 3 (Paragraph 14): paragraph 14 does not exist; the draft has paragraphs 1 to 13;"
        " check the number against the draft as tabled",
    ]


def test_amend_writes_the_text_and_the_report_and_nothing_on_failure(tmp_path: Path) -> None:
    out, report = tmp_path / "out.akn.xml", tmp_path / "report.json"
    args = ["amend", str(DRAFT_495), str(AMENDMENTS_495), "-o", str(out), "--report", str(report)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(report.read_text(encoding="utf-8"))
    assert {r["number"]: r["outcome"] for r in rows}["2"] == "fell"
    assert next(r for r in rows if r["number"] == "2")["fell_because_of"] == ["1"]
    bad = tmp_path / "bad.txt"
    bad.write_text("Amendment 1\nParagraph 14\nDelete paragraph\nStatus: adopted\n", "utf-8")
    out2 = tmp_path / "out2.akn.xml"
    result = CliRunner().invoke(cli, ["amend", str(DRAFT_495), str(bad), "-o", str(out2)])
    assert result.exit_code == 1
    assert "paragraph 14 does not exist" in result.stderr
    assert not out2.exists()


def test_list_writes_the_voting_list_as_html_and_export_writes_akn(tmp_path: Path) -> None:
    html = tmp_path / "votes.html"
    r = CliRunner().invoke(
        cli,
        [
            "amendments",
            "list",
            str(DRAFT_495),
            str(AMENDMENTS_495),
            "--voting-list",
            "-o",
            str(html),
        ],
    )
    assert r.exit_code == 0, r.output
    assert "if adopted, amendment 2 falls" in html.read_text(encoding="utf-8")
    xml = tmp_path / "list.akn.xml"
    r = CliRunner().invoke(
        cli, ["amendments", "export", str(DRAFT_495), str(AMENDMENTS_495), "-o", str(xml)]
    )
    assert r.exit_code == 0, r.output
    assert read_amendment_files([xml]) == read_amendment_files([AMENDMENTS_495])


def test_the_word_compilation_strikes_removed_words_and_sets_new_ones_bold_italic(
    r495: Document,
) -> None:
    import io as bytes_io

    import docx

    from drafting.docx_export.amendments_docx import compilation_docx

    data = compilation_docx(compile_amendments(r495, read_amendment_files([AMENDMENTS_495])))
    runs = [
        r
        for t in docx.Document(bytes_io.BytesIO(data)).tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    assert any(r.font.strike and r.text.strip() == "misaligned data," for r in runs)
    assert any(r.bold and r.italic and r.text.strip() == "incompatible data formats," for r in runs)
    assert any(r.italic and r.text == "deleted" for r in runs)


def test_the_markdown_report_says_why_an_amendment_fell(r495: Document) -> None:
    from drafting.amendments import report_markdown

    text = report_markdown(apply_amendments(r495, read_amendment_files([AMENDMENTS_495])))
    assert (
        "| 2 | Delegation of Canada | Paragraph 13(b) | adopted | fell (amendment 1 adopted) |"
        in text
    )
    assert "- 10 → 9" in text


def test_list_prints_the_voting_list_to_the_terminal(tmp_path: Path) -> None:
    am = tmp_path / "am.txt"
    am.write_text(
        'Amendment 2\nTabled by: Canada\nParagraph 13(b)\nLeave out "misaligned data,"\n'
        'Amendment 1\nTabled by: Norway\nParagraph 13(b)\nLeave out "misaligned data" and insert'
        ' "incompatible data formats"\n'
        "Amendment 3\nParagraph 3\nDelete paragraph\nStatus: withdrawn\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(cli, ["amendments", "list", str(DRAFT_495), str(am), "--voting-list"])
    assert r.exit_code == 0, r.output
    # A table the chair votes from: a row per vote in voting order, the withdrawn
    # amendment left out, the text as a whole last.
    assert r.stdout.splitlines()[4:] == [
        "| 1 | Paragraph 13(b) | 1 | Norway | if adopted, amendment 2 falls |  |  |  |  |",
        "| 2 | Paragraph 13(b) | 2 | Canada | falls if amendment 1 is adopted |  |  |  |  |",
        "| 3 | **Draft resolution as a whole, as amended** |  |  |  |  |  |  |  |",
    ]
