"""EP amendments as published: the AM form's two columns read back out of PDF text.

The fixtures (``tests/fixtures/ep-pdf/``) are six AM forms LibreOffice turned into a
PDF and poppler and pdfplumber turned into text; ``ep-amendments.md`` holds the same
amendments with their columns as Markdown tables, the form read before.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, assert_valid
from hypothesis import given
from hypothesis import strategies as st

from drafting import io
from drafting.amendments import apply_amendments, parse_amendments
from drafting.amendments.ep_text import Columns, rebuild_columns, split_columns
from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.model import Amendment
from drafting.amendments.parser import parse_amendments_leniently
from drafting.cli import cli
from drafting.text import write_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ep-pdf"
DRAFT = EXAMPLES / "ep-example.akn.xml"
TABLES = FIXTURES / "ep-amendments.md"
#: What each way of taking text out of the PDF is called, and its fixture.
PASTES = {
    "pdftotext -layout": FIXTURES / "ep-amendments.layout.txt",
    "pdftotext": FIXTURES / "ep-amendments.txt",
    "pdftotext -raw": FIXTURES / "ep-amendments.raw.txt",
}
REFUSAL = (
    "cannot tell the two columns of amendment {n} apart in this text taken from a PDF;"
    ' give the two columns as a table: a line "| Motion for a resolution | Amendment |",'
    ' then "| the draft text | the amended text |"'
)


def read(path: Path) -> list[Amendment]:
    return parse_amendments(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("paste", PASTES.values(), ids=PASTES.keys())
def test_each_pdf_text_reads_to_the_amendments_of_the_markdown_tables(paste: Path) -> None:
    from_pdf, from_tables = read(paste), read(TABLES)
    assert [a.number for a in from_pdf] == ["1", "2", "3", "4", "5", "6"]
    assert from_pdf == from_tables
    assert [a.justification for a in from_pdf] == [a.justification for a in from_tables]


@pytest.mark.parametrize("paste", PASTES.values(), ids=PASTES.keys())
def test_each_pdf_text_gives_back_the_columns_word_for_word(paste: Path) -> None:
    def unmarked(columns: tuple[str, str] | None) -> tuple[str, str] | None:
        return (
            None
            if columns is None
            else (columns[0].replace("***", ""), columns[1].replace("***", ""))
        )

    assert [a.columns for a in read(paste)] == [unmarked(a.columns) for a in read(TABLES)]


@pytest.mark.parametrize("paste", PASTES.values(), ids=PASTES.keys())
def test_applying_the_amendments_read_from_pdf_text_gives_the_expected_final_text(
    paste: Path,
) -> None:
    adopted = [replace(a, status="adopted") for a in read(paste)]
    final = apply_amendments(io.load(DRAFT), adopted).document
    assert_valid(final)
    expected = (FIXTURES / "ep-example-amended.txt").read_text(encoding="utf-8")
    assert write_text(final, links="plain") == expected


def test_the_tablers_page_furniture_and_justification_are_read_as_the_form_means_them() -> None:
    first, second, *_, sixth = read(PASTES["pdftotext -layout"])
    assert first.tabled_by == "Jane Doe on behalf of the Renew Group"
    assert sixth.tabled_by == "Ana García on behalf of the S&D Group"
    # "AM\1300123EN.docx  1/6  PE764.123v01-00" and the motto follow the justification.
    assert second.justification == "Training matters as much as equipment."


@pytest.mark.parametrize("paste", PASTES.values(), ids=PASTES.keys())
def test_drafting_amendments_check_accepts_each_pdf_text(paste: Path) -> None:
    result = CliRunner().invoke(cli, ["amendments", "check", str(DRAFT), str(paste)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:6] == [
        "Amendment 1 (Citation 2): ok",
        "Amendment 2 (Recital B): ok",
        "Amendment 3 (Recital C): ok",
        "Amendment 4 (Paragraph 1): ok",
        "Amendment 5 (Paragraph 1 a (new)): ok",
        "Amendment 6 (Paragraph 2(b)): ok",
    ]


# -- refused ---------------------------------------------------------------------------


def test_columns_run_together_on_each_line_are_refused_amendment_by_amendment() -> None:
    # pdfplumber, as many viewers copy a page: "B. whereas ... and B. whereas ... and".
    path = FIXTURES / "ep-amendments.merged.txt"
    found, problems = parse_amendments_leniently(path.read_text(encoding="utf-8"), str(path))
    assert [a.number for a in found] == ["5"]  # the new paragraph has one column only
    assert [p.message + "; " + str(p.hint) for p in problems] == [
        REFUSAL.format(n=n) for n in ("1", "2", "3", "4", "6")
    ]
    result = CliRunner().invoke(cli, ["amendments", "check", str(DRAFT), str(path)])
    assert result.exit_code == 1
    assert f"{path}:7: amendment 1: " + REFUSAL.format(n="1") in result.output


GARBLED = """\
Amendment 7
Motion for a resolution
Paragraph 3
Motion for a resolution    Amendment
3. Instructs its President to forward 3. Instructs its President to
this resolution to the Council and forward this resolution to the
the Commission. Council, the Commission and the parliaments of the Member States.
Or. en
"""


def test_a_garbled_form_is_refused_with_its_number_and_the_table_to_write_instead() -> None:
    with pytest.raises(AmendmentSyntaxError) as err:
        parse_amendments(GARBLED, "am.txt")
    assert str(err.value) == "am.txt:4: amendment 7: " + REFUSAL.format(n="7")


def test_a_refused_form_leaves_the_others_read_and_their_lines_numbered_as_given() -> None:
    layout = PASTES["pdftotext -layout"].read_text(encoding="utf-8")
    text = GARBLED + layout + 'Amendment 8\nParagraph 3\nLeave out "Instructs"\nStatus: maybe\n'
    found, problems = parse_amendments_leniently(text, "am.txt")
    assert [a.number for a in found] == ["1", "2", "3", "4", "5", "6"]
    status_line = len(text.splitlines())
    assert [str(p.location) for p in problems] == [
        "am.txt:4: amendment 7",
        f"am.txt:{status_line}: amendment 8",
    ]


def test_a_new_provision_with_words_in_the_draft_column_is_refused() -> None:
    text = (
        "Amendment 9\nMotion for a resolution\nParagraph 1 a (new)\n"
        "Motion for a resolution          Amendment\n"
        "1. Calls on the Commission        1a. Calls on the Member States;\n"
    )
    with pytest.raises(AmendmentSyntaxError, match="amendment 9: cannot tell the two columns"):
        parse_amendments(text)


# -- other shapes --------------------------------------------------------------------

TABLE_4 = parse_amendments(TABLES.read_text(encoding="utf-8"))[3]

ROW_BY_ROW = """\
Amendment 4
Jane Doe
Motion for a resolution
Paragraph 1
Motion for a resolution
Amendment
1. Calls on the Commission to propose
1. Calls on the Commission to
common minimum safety standards
propose, by the end of 2025,
for inland vessels;
binding common minimum safety
standards for inland vessels and for
the training of their crews;
Or. en
Justification
A date gives the Commission a task it can be held to.
Standards that are not binding have not improved safety in the past.
"""

ACROSS_A_PAGE = """\
Amendment 4
Jane Doe
                           Motion for a resolution
                                Paragraph 1

       Motion for a resolution                            Amendment
1. Calls on the Commission to propose      1. Calls on the Commission to
common minimum safety standards            propose, by the end of 2025,

AM\\1300123EN.docx                    4/6                              PE764.123v01-00
                              EN United in diversity EN
\f                                                                     PE764.123v01-00

       Motion for a resolution                            Amendment
for inland vessels;                         binding common minimum safety
                                            standards for inland vessels and for
                                            the training of their crews;

                                                                              Or. en
                                 Justification
A date gives the Commission a task it can be held to.
Standards that are not binding have not improved safety in the past.
"""


def test_the_tablers_stand_above_the_place_when_no_motion_line_does() -> None:
    text = ACROSS_A_PAGE.replace("Motion for a resolution\n", "", 1)
    assert parse_amendments(text)[0].tabled_by == "Jane Doe"


@pytest.mark.parametrize(
    "text", [ROW_BY_ROW, ACROSS_A_PAGE], ids=["pasted row by row", "a table across a page"]
)
def test_other_shapes_of_pdf_text_read_to_the_same_amendment(text: str) -> None:
    assert parse_amendments(text) == [TABLE_4]


def test_a_new_provision_with_points_keeps_them_as_points() -> None:
    text = (
        "Amendment 10\nMotion for a resolution\nParagraph 2 a (new)\n"
        "Motion for a resolution                 Amendment\n"
        "                                        2a. Calls on the Member States:\n"
        "                                        (a) to train crews;\n"
        "                                        (b) to inspect vessels;\n"
        "                                                        Or. en\n"
    )
    (am,) = parse_amendments(text)
    (new,) = am.operations[0].provisions  # type: ignore[union-attr]
    assert (new.markup, [p.markup for p in new.points]) == (
        "Calls on the Member States:",
        ["to train crews;", "to inspect vessels;"],
    )


@pytest.mark.parametrize(
    "path",
    [EXAMPLES / "amendments-495.txt", TABLES],
    ids=["parliamentary wording", "Markdown tables"],
)
def test_text_without_an_am_form_from_a_pdf_is_left_as_it_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert rebuild_columns(text) == (text if text.endswith("\n") else text + "\n", [])


# -- properties ----------------------------------------------------------------------

_WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)


@st.composite
def amended_paragraph(draw: st.DrawFn) -> tuple[str, str]:
    """A numbered paragraph and the same paragraph with a few words changed (or none:
    the reader refuses that, not the columns)."""
    label = draw(st.sampled_from(["1.", "26.", "3a.", "(b)", "B.", "–"]))
    old = draw(st.lists(_WORD, min_size=2, max_size=40))
    i = draw(st.integers(0, len(old)))
    j = draw(st.integers(i, min(len(old), i + 4)))
    new = old[:i] + draw(st.lists(_WORD, max_size=4)) + old[j:] or ["anew"]
    end = draw(st.sampled_from([";", ".", ","]))
    return " ".join([label, *old]) + end, " ".join([label, *new]) + end


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False)


@given(amended_paragraph(), st.integers(20, 45), st.integers(3, 12), st.integers(0, 2))
def test_columns_side_by_side_are_split_at_their_gutter(
    pair: tuple[str, str], width: int, gap: int, jitter: int
) -> None:
    old, new = pair
    left, right = _wrap(old, width), _wrap(new, width)
    rows = []
    for i in range(max(len(left), len(right))):
        at = width + gap + (jitter if i % 3 == 2 else 0)  # pdftotext misplaces a line a little
        row = (left[i] if i < len(left) else "").ljust(at) + (right[i] if i < len(right) else "")
        rows.append(row.rstrip())
    assert split_columns(rows) == Columns(old, new, "layout")


@given(amended_paragraph(), st.integers(20, 45), st.booleans())
def test_columns_one_after_the_other_are_split_where_the_second_opens_like_the_first(
    pair: tuple[str, str], width: int, blank: bool
) -> None:
    old, new = pair
    lines = [*_wrap(old, width), *([""] if blank else []), *_wrap(new, width)]
    assert split_columns(lines) == Columns(old, new, "sequence")


@given(amended_paragraph(), st.integers(20, 45))
def test_columns_pasted_row_by_row_are_taken_in_turn(pair: tuple[str, str], width: int) -> None:
    old, new = pair
    left, right = _wrap(old, width), _wrap(new, width)
    lines = [
        row[i] for i in range(max(len(left), len(right))) for row in (left, right) if i < len(row)
    ]
    found = split_columns(lines)
    assert found is not None and (found.left, found.right) == (old, new)


def test_the_gutter_is_where_most_lines_have_it_not_where_one_line_has_wide_spaces() -> None:
    rows = [
        "1. Calls on    the Commission         1. Calls on the Commission",
        "to propose common standards           to propose binding common",
        "for inland vessels;                   standards for inland vessels;",
    ]
    assert split_columns(rows) == Columns(
        "1. Calls on the Commission to propose common standards for inland vessels;",
        "1. Calls on the Commission to propose binding common standards for inland vessels;",
        "layout",
    )


def test_a_form_whose_lines_hold_no_text_gives_no_columns() -> None:
    assert split_columns(["", "PE764.123v01-00", "EN United in diversity EN"]) is None
