"""Regressions found in review: each test is one defect a secretariat would have hit."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, XREF_DRAFT

from drafting import io
from drafting.amendments import apply_amendments, parse_amendments, voting_list
from drafting.cli import cli
from drafting.text import read_text


def _amend(doc_text: str, amendments: str):  # type: ignore[no-untyped-def]
    doc = read_text(doc_text).document
    return doc, apply_amendments(doc, parse_amendments(amendments, "a.txt"))


def test_the_report_may_not_overwrite_the_amended_text(tmp_path: Path) -> None:
    out = tmp_path / "same.md"
    result = CliRunner().invoke(
        cli,
        [
            "amend",
            str(EXAMPLES / "resolution-495.akn.xml"),
            str(EXAMPLES / "amendments-495.txt"),
            "-o",
            str(out),
            "--report",
            str(out),
        ],
    )
    assert result.exit_code == 1 and "same file" in result.stderr
    assert not out.exists()


def test_references_to_sub_paragraphs_follow_even_before_punctuation() -> None:
    _, amended = _amend(
        XREF_DRAFT,
        "Amendment 1\nTabled by: X\nParagraph 3(a)\nDelete sub-paragraph\nStatus: adopted\n",
    )
    doc = amended.document
    assert doc.find("3(a)").text == "to act as in paragraph 3(b), and again;"
    assert doc.find("3(b)").text == "to report under paragraph 3(a)."
    assert doc.find("4").text.startswith("DECIDES to review paragraph 3(b);")


def test_references_to_another_documents_paragraphs_are_left_alone() -> None:
    _, amended = _amend(
        XREF_DRAFT, "Amendment 1\nTabled by: X\nParagraph 2\nDelete paragraph\nStatus: adopted\n"
    )
    doc = amended.document
    assert doc.find("1").text == "Recalling paragraphs 1 and 2 of resolution 480;"
    assert doc.find("3").text.endswith("and paragraph 2 of the Charter.")
    assert any("another document" in w for w in amended.warnings)


def test_the_voting_list_and_the_amended_text_agree_on_what_falls() -> None:
    draft = read_text(XREF_DRAFT).document
    text = (
        "Amendment 1\nTabled by: X\nParagraph 3\nDelete paragraph\nStatus: adopted\n\n"
        "Compromise amendment C1\nTabled by: Rapporteur\nParagraph 3(b)\n"
        'Leave out ", and again"\nStatus: adopted\n'
    )
    amendments = parse_amendments(text, "a.txt")
    listed = {n for i in voting_list(draft, amendments) for n in i.falls}
    amended = apply_amendments(draft, amendments)
    fell = {o.number for o in amended.outcomes if o.outcome == "fell"}
    assert fell == listed == {"C1"}
    assert [p.lead_phrase for p in amended.document.paragraphs] == ["DECIDES"]


def test_deleting_the_last_operative_paragraph_is_refused_in_plain_words() -> None:
    import pytest

    from drafting.amendments.errors import AmendmentApplicationError

    draft = io.load(EXAMPLES / "resolution-495.akn.xml")
    amendments = parse_amendments(
        "Amendment 1\nTabled by: X\nParagraph 13\nDelete paragraph\nStatus: adopted\n", "a.txt"
    )
    with pytest.raises(AmendmentApplicationError) as info:
        apply_amendments(draft, amendments)
    message = str(info.value)
    assert "would have no operative paragraph" in message
    assert "lead phrase" not in message and "mainBody" not in message


def test_a_footnote_on_words_that_are_left_out_goes_with_them_and_is_reported() -> None:
    text = (
        "T\n\nRESOLUTION 1\n\nThe Assembly,\n\n"
        "1. **Recalling** the Sendai Framework[^1] and its targets;\n"
        "2. **URGES** governments to act.\n\n[^1]: Adopted in Sendai in 2015.\n"
    )
    _, amended = _amend(
        text,
        "Amendment 1\nTabled by: X\nParagraph 1\n"
        'Leave out from "the Sendai" to "its targets" and insert "the Paris Agreement"\n'
        "Status: adopted\n",
    )
    assert amended.document.find("1").text == "Recalling the Paris Agreement;"
    assert amended.document.notes == []
    assert any("footnote 1 was dropped" in w for w in amended.warnings)
    # A note at the edge of the replaced words stays with its neighbour.
    _, kept = _amend(
        text,
        'Amendment 1\nTabled by: X\nParagraph 1\nLeave out "and its targets"\nStatus: adopted\n',
    )
    assert [n.marker for n in kept.document.notes] == ["1"]


def test_lines_wrapped_by_an_email_join_their_paragraph_in_every_part() -> None:
    ep = (
        "T\n\nRESOLUTION 1\n\nThe European Parliament,\n\n"
        "– having regard to the report of the Committee on Transport\nand Tourism,\n"
        "A. whereas inland waterways carry more than 500 million tonnes of\ngoods each year;\n"
        "B. whereas the fleet is ageing;\n"
        "1. Calls on the Commission to act;\n"
    )
    doc = read_text(ep).document
    assert [c.text for c in doc.citations] == [
        "having regard to the report of the Committee on Transport and Tourism,"
    ]
    assert [r.num for r in doc.recitals] == ["A.", "B."]
    assert doc.recitals[0].text.endswith("500 million tonnes of goods each year;")
    un = (
        "T\n\nRESOLUTION 2\n\nThe General Assembly,\n\n"
        "*Recalling* its resolution 46/182 of\n19 December 1991;\n"
        "*Welcoming* the efforts of Member States;\n\n"
        "1. *Decides* to remain seized of the matter.\n"
    )
    doc = read_text(un).document
    assert [r.text for r in doc.recitals] == [
        "Recalling its resolution 46/182 of 19 December 1991;",
        "Welcoming the efforts of Member States;",
    ]


def test_the_date_comes_from_the_number_lines_footnote_not_a_cited_report() -> None:
    text = (
        "T\n\nRESOLUTION 7*\n\nThe Assembly,\n\n"
        "1. **Noting** the report[^1];\n2. **URGES** action.\n\n"
        "[^1]: Report of 12 May 1999.\n"
        "* Adopted by the Plenary Assembly on 25 November 2024.\n"
    )
    assert read_text(text).document.metadata.date.isoformat() == "2024-11-25"


def test_numbered_footnotes_follow_the_text_after_a_deletion() -> None:
    text = (
        "T\n\nRESOLUTION 7\n\nThe Assembly,\n\n"
        "1. **Noting** the first report[^1];\n2. **Noting** the second[^2];\n"
        "3. **URGES** action[^3].\n\n"
        "[^1]: One.\n[^2]: Two.\n[^3]: Three.\n"
    )
    doc = read_text(text).document
    doc.find("2").delete()
    doc.renumber()
    assert [(n.marker, n.text) for n in doc.notes] == [("1", "One."), ("2", "Three.")]


def test_moving_a_preambular_paragraph_among_operative_ones_is_refused_at_check() -> None:
    from drafting.amendments import check

    draft = io.load(EXAMPLES / "resolution-495.akn.xml")
    report = check(
        draft,
        parse_amendments(
            "Amendment 1\nTabled by: X\nMove paragraph 7 after paragraph 13\nStatus: adopted\n",
            "a.txt",
        ),
    )
    assert not report.ok
    assert "moves only among paragraphs of its own part" in report.lines()[0]


def test_a_diff_format_that_contradicts_the_output_name_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    draft = str(EXAMPLES / "resolution-495.akn.xml")
    result = CliRunner().invoke(cli, ["diff", draft, draft, "--format", "html", "-o", str(out)])
    assert result.exit_code == 1 and "writes a .html file" in result.stderr
    assert not out.exists()
    ok = CliRunner().invoke(cli, ["diff", draft, draft, "--format", "columns-docx", "-o", str(out)])
    assert ok.exit_code == 0, ok.stderr


def test_european_parliament_recitals_after_z_are_aa_ab_ac() -> None:
    recitals = "".join(
        f"{label}. whereas point {i} holds;\n"
        for i, label in enumerate([chr(65 + k) for k in range(26)] + ["AA", "AB", "AC"], 1)
    )
    text = f"T\n\nRESOLUTION 1\n\nThe European Parliament,\n\n{recitals}1. Calls for action;\n"
    result = read_text(text)
    doc = result.document
    assert [r.num for r in doc.recitals][25:] == ["Z.", "AA.", "AB.", "AC."]
    assert not any("renumbered" in w for w in result.warnings)
    assert doc.find("AB").text == "whereas point 28 holds;"
    from conftest import assert_valid

    assert_valid(doc)


def test_check_reports_an_unreadable_amendment_and_still_checks_the_others(
    tmp_path: Path,
) -> None:
    amendments = tmp_path / "a.txt"
    amendments.write_text(
        'Amendment 1\nTabled by: X\nParagraph 1\nLeave out "Artificial"\n\n'
        "Amendment 2\nTabled by: Y\nParagraph 2\nLeave out the words\n\n"
        'Amendment 3\nTabled by: Z\nParagraph 3\nLeave out "the need"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["amendments", "check", str(EXAMPLES / "resolution-495.akn.xml"), str(amendments)]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{amendments}:") and "amendment 2" in lines[0]
    assert lines[1:] == [
        "Amendment 1 (Paragraph 1): ok",
        "Amendment 3 (Paragraph 3): ok",
    ]
