"""The voting list as the chair's paper: a table, one row per vote, the whole text last,
and result columns filled from the votes file a secretary types."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, GOLDEN
from docx_dump import NS, part, word_text

from drafting.amending import voting_paper_for
from drafting.amendments import parse_amendments, read_amendment_files, voting_list
from drafting.amendments.errors import VotesFileError
from drafting.amendments.model import VOTE_WORDS
from drafting.amendments.votes import (
    DECISION_WORDS,
    Tally,
    parse_vote_counts,
    read_vote_counts,
    record_votes,
)
from drafting.amendments.voting import (
    COLUMNS,
    VoteResult,
    VotingPaper,
    text_kind,
    voting_list_markdown,
    voting_paper,
)
from drafting.cli import cli
from drafting.docx_export.amendments_docx import voting_list_docx
from drafting.formats import load_document
from drafting.model import Document
from drafting.render.amendments_html import voting_list_html

DRAFT = EXAMPLES / "resolution-495.akn.xml"
AMENDMENTS = EXAMPLES / "amendments-495.txt"

#: The bundled example in voting order: (No., provision, amendment, tabled by).
ORDER_495 = [
    ("1", "Title", "15", "Delegation of Belgium"),
    ("2", "Paragraph 1", "6", "Delegation of France"),
    ("3", "Paragraph 3", "5", "Delegation of Germany"),
    ("4", "Paragraph 7", "14", "Delegation of Portugal"),
    ("5", "Paragraph 9", "16", "Delegation of Greece"),
    ("6", "Paragraph 11", "4", "Delegation of the United Kingdom"),
    ("7", "After paragraph 12", "10", "Delegation of Türkiye"),
    ("8", "Paragraph 13(b)", "1", "Delegation of Norway"),
    ("9", "Paragraph 13(b)", "2", "Delegation of Canada"),
    ("10", "Paragraph 13(c)", "12", "Delegation of Lithuania"),
    ("11", "Paragraph 13(d)", "8", "Delegation of Spain"),
    ("12", "Paragraph 13(e)", "C1", "Rapporteur"),
    ("13", "Paragraph 13(e)", "13", "Delegation of Denmark"),
    ("14", "After paragraph 13(f)", "3", "Delegation of Italy"),
    ("15", "Paragraph 13(h)", "9", "Delegation of the Netherlands"),
    ("16", "Paragraph 13(j)", "11", "Delegation of Estonia"),
    ("17", "Draft resolution as a whole, as amended", "", ""),
]

VOTES_495 = """\
# Committee, 23 November 2024
Amendment 15: 40 for, 2 against, 1 abstention
Amendment 6: 10-30-2
Amendment 5: adopted
Amendment 1: 45-12-3
Compromise amendment C1: 20 for, 20 against
Amendment 13: 30-3-0
Whole text: 80 for, 5 against, 2 abstentions
"""


@pytest.fixture
def paper(r495: Document) -> VotingPaper:
    return voting_paper_for(r495, read_amendment_files([AMENDMENTS]))


def _run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


# -- the rows ---------------------------------------------------------------------------


def test_the_paper_has_a_row_per_vote_in_voting_order_then_the_whole_text(
    paper: VotingPaper,
) -> None:
    assert [row.cells[:4] for row in paper.rows] == ORDER_495
    assert paper.whole is paper.rows[-1] and paper.whole.item is None
    assert all(row.cells[5:] == ("", "", "", "") for row in paper.rows)


def test_the_remarks_say_what_falls_and_what_a_compromise_replaces(paper: VotingPaper) -> None:
    remarks = {row.amendment: row.remarks for row in paper.rows if row.remarks}
    assert remarks == {
        "1": "if adopted, amendment 2 falls",
        "2": "falls if amendment 1 is adopted",
        "C1": "compromise amendment replacing amendment 13; if adopted, amendment 13 falls",
        "13": "falls if amendment C1 is adopted",
    }


def test_the_remarks_name_every_amendment_that_falls_and_what_cannot_be_voted(
    r495: Document,
) -> None:
    amendments = parse_amendments(
        'Amendment 1\nParagraph 13(b)\nLeave out "misaligned data" and insert "incompatible"\n\n'
        'Amendment 2\nParagraph 13(b)\nLeave out "misaligned data,"\n\n'
        'Amendment 5\nParagraph 13(b)\nLeave out "misaligned"\n\n'
        "Amendment 9\nParagraph 40\nDelete paragraph\n"
    )
    rows = {row.amendment: row.remarks for row in voting_paper_for(r495, amendments).rows}
    assert rows["1"] == "if adopted, amendments 2 and 5 fall"
    assert rows["5"] == "falls if amendment 1 or 2 is adopted"
    assert rows["9"].startswith("cannot be voted as tabled: paragraph 40 does not exist")


def test_the_whole_text_is_named_after_the_document(r495: Document) -> None:
    un = load_document(EXAMPLES / "un-ga-example.akn.xml")  # <docType>DRAFT RESOLUTION
    assert (text_kind(r495), text_kind(un)) == ("draft resolution", "draft resolution")
    assert voting_paper([], text="draft decision").whole.provision == (
        "Draft decision as a whole, as amended"
    )


def test_the_whole_text_is_not_as_amended_when_every_amendment_was_rejected(
    r495: Document,
) -> None:
    items = voting_list(r495, read_amendment_files([AMENDMENTS]))
    rejected = [VoteResult(outcome="rejected") for _ in items]
    assert voting_paper(items, results=rejected).whole.provision == "Draft resolution as a whole"
    half = [VoteResult(), *rejected[1:]]  # one still to vote on
    assert voting_paper(items, results=half).whole.provision.endswith(", as amended")
    with pytest.raises(ValueError, match="1 results for 16"):
        voting_paper(items, results=rejected[:1])


# -- the votes file -------------------------------------------------------------------


def test_the_votes_fill_the_result_columns_and_decide_the_outcomes(r495: Document) -> None:
    votes = parse_vote_counts(VOTES_495, "votes.txt")
    paper = voting_paper_for(r495, read_amendment_files([AMENDMENTS]), votes)
    results = {row.amendment or "whole": row.cells[5:] for row in paper.rows}
    assert results["15"] == ("40", "2", "1", "adopted")
    assert results["6"] == ("10", "30", "2", "rejected")
    assert results["5"] == ("", "", "", "adopted")  # an outcome without figures
    assert results["1"] == ("45", "12", "3", "adopted")
    assert results["2"] == ("", "", "", "fell")  # amendment 1 was adopted: no line needed
    assert results["C1"] == ("20", "20", "", "rejected")  # a tie rejects
    assert results["13"] == ("30", "3", "0", "adopted")  # C1 fell short: 13 is voted
    assert results["whole"] == ("80", "5", "2", "adopted")
    assert results["14"] == ("", "", "", "")  # not voted yet


@pytest.mark.parametrize(
    "line",
    [
        "Amendment 3: 45 for, 12 against, 3 abstentions",
        "Amendment 3: 45-12-3",
        "Amendment 3: 45 – 12 – 3",
        "3: 45/12/3",
        "Am. 3: for: 45, against: 12, abstentions: 3",
        "AMENDMENT 3 = 12 against, 3 abstained, 45 in favour",
        "Amendment 3 45-12-3 adopted",
        "Amendment no. 3: adopted (45 votes for, 12 against and 3 abstentions)",
        "amendment 3: 45-12-3  # recounted",
        "Amendment 3: 45-12, 3 abstentions",
    ],
)
def test_a_vote_is_read_in_every_form_a_secretary_types(line: str) -> None:
    votes = parse_vote_counts(f"{line}\n", "votes.txt")
    assert list(votes.amendments) == ["3"]
    tally = votes.amendments["3"]
    assert (tally.in_favour, tally.against, tally.abstentions, tally.outcome) == (
        45,
        12,
        3,
        "adopted",
    )


def test_the_whole_text_and_outcome_words_are_read() -> None:
    votes = parse_vote_counts(
        "Text as a whole: 80-5-2\nC1: carried unanimously\n7: not adopted\n2: fell\n"
        "12: 1 for, 2 against, no abstentions\nAmendment 4:\n"
    )
    assert votes.whole == Tally(1, 80, 5, 2)
    outcomes = {n: t.outcome for n, t in votes.amendments.items()}
    assert outcomes == {"C1": "adopted", "7": "rejected", "2": "fell", "12": "rejected"}
    assert votes.amendments["12"].abstentions == 0


def test_a_csv_votes_file_is_read_by_its_header(tmp_path: Path) -> None:
    csv = tmp_path / "votes.csv"
    csv.write_text(
        "\ufeffAmendment;For;Against;Abstentions;Notes;Outcome\n"
        "1;45;12;3;recount;\n"
        "2;;;;;\n"
        "C1;;;;;rejected\n"
        "Whole text;80;5;2;;\n",
        encoding="utf-8",
    )
    votes = read_vote_counts(csv)
    assert votes.amendments == {"1": Tally(2, 45, 12, 3), "C1": Tally(4, stated="rejected")}
    assert votes.whole == Tally(5, 80, 5, 2)


def test_the_votes_file_of_amend_serves_the_paper_too(r495: Document) -> None:
    assert {w: DECISION_WORDS[w] for w in VOTE_WORDS} == VOTE_WORDS
    votes = read_vote_counts(GOLDEN / "amendments" / "nato-495-votes" / "votes.txt")
    paper = voting_paper_for(r495, read_amendment_files([AMENDMENTS]), votes)
    outcomes = {row.amendment: row.result.outcome for row in paper.rows if row.result.outcome}
    assert outcomes == {
        "5": "rejected",
        "14": "adopted",
        "16": "adopted",
        "1": "rejected",
        "2": "adopted",
        "8": "adopted",
        "C1": "rejected",
        "13": "adopted",
    }


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Amendment 3: 45 for, 12 agianst", "votes.txt:1: cannot read the vote"),
        ("Amendment 3: 45 for", "votes.txt:1: the vote gives no figure for or against"),
        (
            "\n3: 4-5 adopted",
            "votes.txt:2: 4 for and 5 against is rejected, but the line says adopted",
        ),
        ("2: 3-4 fell", "votes.txt:1: an amendment that fell was not voted on"),
        (
            "3: adopted\nAmendment 3: 1-2",
            "votes.txt:2: amendment 3 is voted twice (first on line 1)",
        ),
        ("Whole text: withdrawn", "votes.txt:1: the text as a whole cannot fall or be withdrawn"),
        ("3 45-12-3", "votes.txt:1: cannot read the vote '3 45-12-3'"),
        ("3: 45-12-3, no abstentions", "votes.txt:1: cannot read the vote"),
        ("amendment,notes\n3,x", "votes.txt:1: the CSV header names no for, against or outcome"),
        ("amendment,for,against\n3,x,4", "votes.txt:2: cannot read 'x' as a number of votes"),
    ],
)
def test_a_vote_that_cannot_be_read_is_refused_with_its_line(text: str, error: str) -> None:
    with pytest.raises(VotesFileError) as err:
        parse_vote_counts(text, "votes.txt")
    assert str(err.value).startswith(error)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("Amendment 99: 1-2", "votes.txt:2: amendment 99 is not on the voting list"),
        ("Amendment 7: 1-2", "votes.txt:2: amendment 7 was withdrawn, so it is not on the"),
        ("Amendment 2: 40-2-1", "votes.txt:2: amendment 2 fell when amendment 1 was adopted"),
    ],
)
def test_a_vote_the_list_cannot_have_is_refused_with_its_line(
    r495: Document, line: str, error: str
) -> None:
    votes = parse_vote_counts(f"Amendment 1: adopted\n{line}\n", "votes.txt")
    amendments = read_amendment_files([AMENDMENTS])
    with pytest.raises(VotesFileError) as err:
        voting_paper_for(r495, amendments, votes)
    assert str(err.value).startswith(error)
    items = voting_list(r495, amendments)
    assert record_votes(items, None).rows == voting_paper(items).rows


# -- the renderings -------------------------------------------------------------------


def test_markdown_is_a_pipe_table_with_the_whole_text_last(paper: VotingPaper) -> None:
    lines = voting_list_markdown(paper, "Resolution 495").splitlines()
    assert lines[:4] == [
        "# Voting list: Resolution 495",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---:|---|---|---|---|---:|---:|---:|---|",
    ]
    assert lines[11] == (
        "| 8 | Paragraph 13(b) | 1 | Delegation of Norway | if adopted, amendment 2 falls"
        " |  |  |  |  |"
    )
    assert lines[-1] == "| 17 | **Draft resolution as a whole, as amended** |  |  |  |  |  |  |  |"
    assert len(lines) == 4 + 17


def test_html_and_markdown_escape_what_the_amendments_say(r495: Document) -> None:
    amendments = parse_amendments(
        'Amendment 1\nTabled by: Smith | Jones <b>&</b>\nParagraph 13(b)\nLeave out "misaligned"\n'
    )
    paper = voting_paper_for(r495, amendments)
    assert "| Smith \\| Jones <b>&</b> |" in voting_list_markdown(paper)
    page = voting_list_html(paper)
    assert "<td>Smith | Jones &lt;b&gt;&amp;&lt;/b&gt;</td>" in page
    assert "<b>&</b>" not in page


def test_html_is_a_table_with_a_head_a_row_per_vote_and_the_whole_text(
    r495: Document,
) -> None:
    votes = parse_vote_counts(VOTES_495, "votes.txt")
    page = voting_list_html(voting_paper_for(r495, read_amendment_files([AMENDMENTS]), votes))
    assert page.count("<thead>") == 1 and page.count('<th scope="col"') == len(COLUMNS)
    assert page.count("<tr>") + page.count('<tr class="whole">') == 1 + 17
    assert (
        '<tr class="whole"><td class="num">17</td><td colspan="4">Draft resolution as a whole,'
        ' as amended</td><td class="result num">80</td><td class="result num">5</td>'
        '<td class="result num">2</td><td class="result">adopted</td></tr>'
    ) in page
    assert "@media print" in page and "display: table-header-group" in page


def _rows(data: bytes) -> list[list[str]]:
    body = part(data, "word/document.xml")
    assert body is not None
    tables = body.findall(".//w:tbl", NS)
    assert len(tables) == 1
    return [
        [word_text(tc) for tc in tr.findall("w:tc", NS)] for tr in tables[0].findall("w:tr", NS)
    ]


def test_word_has_one_table_a_repeated_heading_row_and_a_row_per_vote(
    paper: VotingPaper,
) -> None:
    data = voting_list_docx(paper, "Resolution 495")
    rows = _rows(data)
    assert len(rows) == 1 + 16 + 1
    assert rows[0] == list(COLUMNS)
    assert [r[:4] for r in rows[1:-1]] == [list(o) for o in ORDER_495[:-1]]
    assert rows[-1] == ["17", "Draft resolution as a whole, as amended", "", "", "", ""]
    assert all(r[5:] == ["", "", "", ""] for r in rows[1:-1])
    body = part(data, "word/document.xml")
    assert body is not None
    trs = body.findall(".//w:tbl/w:tr", NS)
    assert [tr.find("w:trPr/w:tblHeader", NS) is not None for tr in trs] == [True] + [False] * 17
    # Room to write the figures in, and the whole text across the descriptive columns.
    assert all(tr.find("w:trPr/w:trHeight", NS) is not None for tr in trs[1:])
    span = trs[-1].find("w:tc/w:tcPr/w:gridSpan", NS)
    assert span is not None and span.get(f"{{{NS['w']}}}val") == "4"
    assert body.find(".//w:tbl/w:tblPr/w:tblStyle", NS) is not None  # Table Grid: borders


def test_word_shows_the_votes_from_the_file(r495: Document) -> None:
    votes = parse_vote_counts(VOTES_495, "votes.txt")
    rows = _rows(
        voting_list_docx(voting_paper_for(r495, read_amendment_files([AMENDMENTS]), votes))
    )
    by_amendment = {r[2]: r[5:] for r in rows[1:-1]}
    assert by_amendment["1"] == ["45", "12", "3", "adopted"]
    assert by_amendment["2"] == ["", "", "", "fell"]
    assert rows[-1][2:] == ["80", "5", "2", "adopted"]


# -- the command ----------------------------------------------------------------------


def test_list_votes_fills_the_paper_and_implies_the_voting_list(tmp_path: Path) -> None:
    votes, out = tmp_path / "votes.txt", tmp_path / "votes.md"
    votes.write_text(VOTES_495, encoding="utf-8")
    code, _, err = _run(
        "amendments", "list", str(DRAFT), str(AMENDMENTS), "--votes", str(votes), "-o", str(out)
    )
    assert (code, err) == (0, f"wrote {out}\n")
    text = out.read_text(encoding="utf-8")
    assert (
        "| 9 | Paragraph 13(b) | 2 | Delegation of Canada | falls if amendment 1 is adopted"
        " |  |  |  | fell |" in text
    )
    assert text.endswith(
        "| 17 | **Draft resolution as a whole, as amended** |  |  |  | 80 | 5 | 2 | adopted |\n"
    )


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ("Amendment 99: 3-4\n", "error: {votes}:9: amendment 99 is not on the voting list;"),
        ("Amendment 2: 3-4\n", "error: {votes}:9: amendment 2 fell when amendment 1 was adopted"),
        ("Amendment 3: lots\n", "error: {votes}:9: cannot read the vote 'Amendment 3: lots';"),
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_list_refuses_a_bad_votes_file_in_one_line_and_writes_nothing(
    tmp_path: Path, extra: str, error: str, suffix: str
) -> None:
    votes, out = tmp_path / "votes.txt", tmp_path / f"votes{suffix}"
    votes.write_text(VOTES_495 + extra, encoding="utf-8")
    code, stdout, err = _run(
        "amendments", "list", str(DRAFT), str(AMENDMENTS), "--votes", str(votes), "-o", str(out)
    )
    assert code == 1
    assert err.startswith(error.format(votes=votes)) and err.count("\n") == 1, err
    assert "Traceback" not in stdout + err
    assert not out.exists()


def test_list_refuses_a_missing_votes_file(tmp_path: Path) -> None:
    code, _, err = _run(
        "amendments", "list", str(DRAFT), str(AMENDMENTS), "--votes", str(tmp_path / "no.txt")
    )
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1, err


def test_amend_reads_the_same_votes_file_with_figures(tmp_path: Path) -> None:
    # One votes file serves the voting list and the amended text: figures decide.
    am = tmp_path / "am.txt"
    am.write_text(
        'Amendment 1\nParagraph 13(b)\nLeave out "misaligned data" and insert "bad data"\n\n'
        'Amendment 6\nParagraph 13(c)\nLeave out "leverage" and insert "harness"\n',
        encoding="utf-8",
    )
    votes = tmp_path / "votes.txt"
    votes.write_text("Amendment 1: 45 for, 12 against, 3 abstentions\nAmendment 6: 10-30-2\n")
    out = tmp_path / "final.akn.xml"
    args = ["amend", str(DRAFT), str(am), "--votes", str(votes), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = load_document(out).get("para_13__list_1__point_b").text
    assert "bad data" in text
    assert "leverage" in load_document(out).get("para_13__list_1__point_c").text
