"""Amendments as secretariats really type them: every wording either read right or refused.

Real files come from many hands: Word's smart quotes and French guillemets, CRLF line
endings and a byte order mark, "Amendment No. 4" or "Am. 4", "Submitted by" or
"Author", "OP5" or "Operative paragraph 5 (c) (ii)", "Replace the words ... by ...",
two-column tables with struck and bold-italic words.  Each variant below is either
accepted with the meaning a secretary would give it, or refused with a message that
says what to write instead: a silently misread amendment would change the wrong words
of a resolution.  A whole messy file, applied, is the golden case
``tests/golden/amendments/wording``.
"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, assert_valid
from hypothesis import given, settings
from hypothesis import strategies as st
from test_amendments_properties import located, new_form, placed, titled

from drafting import io
from drafting.amendments import apply_amendments, check, parse_amendments, write_amendment
from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
)
from drafting.model import Document

P13B = Location("paragraph", "13(b)")
MISALIGNED = DeleteText(Quote("misaligned data"))


def am(location: Location | None, *ops: Operation, **fields: object) -> Amendment:
    """The amendment a variant must read as (number 1, tabled, unless said otherwise)."""
    return Amendment(
        number=str(fields.pop("number", "1")),
        location=location,
        operations=ops,
        **fields,  # type: ignore[arg-type]
    )


def read(text: str) -> Amendment:
    found = parse_amendments(text, "am.txt")
    assert len(found) == 1, found
    return found[0]


BODY = 'Paragraph 13(b)\nLeave out "misaligned data"\n'

# -- headers ---------------------------------------------------------------------------

HEADERS = [
    ("Amendment 4", am(P13B, MISALIGNED, number="4")),
    ("AMENDMENT 4", am(P13B, MISALIGNED, number="4")),
    ("Amendment No. 4", am(P13B, MISALIGNED, number="4")),
    ("Amendment no 4:", am(P13B, MISALIGNED, number="4")),
    ("Amendment n° 4", am(P13B, MISALIGNED, number="4")),
    ("Amendment #4", am(P13B, MISALIGNED, number="4")),
    ("Am. 4", am(P13B, MISALIGNED, number="4")),
    ("Amdt. 4", am(P13B, MISALIGNED, number="4")),
    ("**Amendment 4**", am(P13B, MISALIGNED, number="4")),
    ("## Amendment 4", am(P13B, MISALIGNED, number="4")),
    ("1. Amendment 4", am(P13B, MISALIGNED, number="4")),
    ("Amendment 4 (rev.)", am(P13B, MISALIGNED, number="4/Rev")),
    ("Amendment 4 rev. 2", am(P13B, MISALIGNED, number="4/Rev.2")),
    ("Amendment 4/Rev.1", am(P13B, MISALIGNED, number="4/Rev.1")),
    ("Compromise amendment C1", am(P13B, MISALIGNED, number="C1", compromise=True)),
    (
        "Compromise amendment C1 (replacing amendments 2, 3 and 5)",
        am(P13B, MISALIGNED, number="C1", compromise=True, replaces=("2", "3", "5")),
    ),
    ("Oral amendment 3", am(P13B, MISALIGNED, number="3", status="oral")),
    (
        "Amendment 4 – Delegation of Norway",
        am(P13B, MISALIGNED, number="4", tabled_by="Delegation of Norway"),
    ),
    ("Amendment 4 by Norway", am(P13B, MISALIGNED, number="4", tabled_by="Norway")),
    ("Amendment 4 to paragraph 13(b)", am(P13B, MISALIGNED, number="4")),
    (
        "Amendment 4 concerning paragraph 13(b) – Norway",
        am(P13B, MISALIGNED, number="4", tabled_by="Norway"),
    ),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS, ids=[h for h, _ in HEADERS])
def test_every_usual_amendment_heading_gives_the_amendment_its_number(
    header: str, expected: Amendment
) -> None:
    assert read(f"{header}\n{BODY}") == expected


def test_a_location_after_the_dash_of_a_heading_is_the_location_not_the_tabler() -> None:
    assert read('Amendment 4 – Paragraph 13(b)\nLeave out "misaligned data"\n') == am(
        P13B, MISALIGNED, number="4"
    )


# -- layout ----------------------------------------------------------------------------

LAYOUTS = {
    "windows line endings": ("Amendment 1\r\n" + BODY + "Status: adopted\r\n").replace(
        "\n", "\r\n"
    ),
    "a byte order mark": "\ufeffAmendment 1\n" + BODY,
    "zero-width spaces from Word": "Amendment\u200b 1\nParagraph 13(b)\u200b\n"
    'Leave out "misaligned data"\n',
    "tabs and trailing spaces": 'Amendment 1   \n\tParagraph 13(b)\t\n\tLeave out\t"misaligned'
    ' data"  \n',
    "no-break spaces": "Amendment\u00a01\nParagraph\u00a013(b)\nLeave out «\u202fmisaligned"
    " data\u202f»\n",
    "a horizontal rule and a language line": "Amendment 1\nOr. en\n" + BODY + "---\n",
    "EP boilerplate": "Amendment 1\nMotion for a resolution\n" + BODY,
    "the paragraph, then its sub-paragraph": "Amendment 1\nParagraph 13\nSub-paragraph (b)\n"
    'Leave out "misaligned data"\n',
}


@pytest.mark.parametrize("text", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layout_noise_does_not_change_the_amendment(text: str) -> None:
    assert read(text).operations == (MISALIGNED,)
    assert read(text).location == P13B


def test_amendments_need_no_blank_line_between_them() -> None:
    text = (
        "Amendment 1\n" + BODY + "Status: adopted\n"
        "Amendment 2\nParagraph 13(c)\nDelete\n"
        "Amendment 3\nAfter paragraph 12 insert the following new paragraph:\n"
        "**Noting** x;\n"
        "Amendment 4\nParagraph 1\nDelete\n"
    )
    found = parse_amendments(text)
    assert [a.number for a in found] == ["1", "2", "3", "4"]
    assert found[2].operations == (
        InsertProvisions(Location("paragraph", "12"), "after", (NewProvision("**Noting** x;"),)),
    )


# -- quotation marks ---------------------------------------------------------------------

QUOTES = ['"X"', "“X”", "„X“", "”X”", "«X»", "« X »", "»X«", "‹X›", "‘X’", "'X'", "‚X‘", '"X”']


@pytest.mark.parametrize("quoted", QUOTES)
def test_every_kind_of_quotation_mark_quotes_the_words(quoted: str) -> None:
    line = f"Leave out {quoted.replace('X', 'misaligned data')}"
    assert read(f"Amendment 1\nParagraph 13(b)\n{line}\n").operations == (MISALIGNED,)


@pytest.mark.parametrize(
    ("line", "op"),
    [
        ("Leave out ‘the Alliance’s revised’", DeleteText(Quote("the Alliance's revised"))),
        ("Leave out 'the Alliance's revised'", DeleteText(Quote("the Alliance's revised"))),
        ("Leave out “the Alliance’s revised”", DeleteText(Quote("the Alliance's revised"))),
        ("Leave out 'the Allies' forces'", DeleteText(Quote("the Allies' forces"))),
        (
            "Replace 'the Allies' forces' with 'NATO's forces'",
            ReplaceText(Quote("the Allies' forces"), "NATO's forces"),
        ),
    ],
)
def test_an_apostrophe_inside_quoted_words_does_not_end_the_quotation(
    line: str, op: Operation
) -> None:
    assert read(f"Amendment 1\nParagraph 6\n{line}\n").operations == (op,)


def test_single_quotes_around_two_operations_are_not_read_as_one_quotation() -> None:
    a = read("Amendment 1\nParagraph 13(b)\nLeave out 'A' and after 'B' insert 'C'\n")
    assert a.operations == (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C"))


def test_quoted_words_may_run_over_several_lines() -> None:
    a = read(
        'Amendment 1\nParagraph 13(b)\nLeave out "to continue\ndeveloping and\nenforcing" and'
        ' insert "to build"\nStatus: adopted\n'
    )
    assert a.operations == (ReplaceText(Quote("to continue developing and enforcing"), "to build"),)
    assert a.status == "adopted"


@pytest.mark.parametrize(
    "line",
    [
        'Leave out "**Recognising** that" and insert "**Noting** that"',
        'Leave out "Recognising that" and insert "Noting that"',
        'Leave out "*Recognising* that" and insert "<u>Noting</u> that"',
    ],
)
def test_emphasis_in_quoted_words_is_not_part_of_the_words(line: str, r495: Document) -> None:
    a = read(f"Amendment 1\nParagraph 1\n{line}\nStatus: adopted\n")
    assert a.operations == (ReplaceText(Quote("Recognising that"), "Noting that"),)
    amended = apply_amendments(r495, [a]).document
    # The new words take the lead phrase's bold; no asterisk reaches the resolution.
    assert amended.find("1").markup.startswith("**Noting** that Artificial Intelligence")
    assert_valid(amended)


# -- tablers and justifications --------------------------------------------------------------

TABLERS = {
    "Tabled by: Norway": "Norway",
    "Submitted by: Norway": "Norway",
    "Proposed by: Norway": "Norway",
    "Presented by: Norway": "Norway",
    "Moved by: Norway": "Norway",
    "Author: Norway": "Norway",
    "Authors: Norway, Iceland": "Norway, Iceland",
    "Sponsors: Norway, Iceland": "Norway, Iceland",
    "Tabled by Norway": "Norway",
    "**Tabled by:** Norway": "Norway",
    "Tabled by:\nDelegation of Norway\nDelegation of Iceland": (
        "Delegation of Norway, Delegation of Iceland"
    ),
    "Tabled by: Delegation of Norway,\nDelegation of Iceland": (
        "Delegation of Norway, Delegation of Iceland"
    ),
    "Tabled by: Norway and\nIceland": "Norway and Iceland",
    "Tabled by:\nAnna Example (Renew)\nBernd Beispiel (EPP)": (
        "Anna Example (Renew), Bernd Beispiel (EPP)"
    ),
}


@pytest.mark.parametrize(("lines", "who"), TABLERS.items(), ids=list(TABLERS))
def test_every_way_of_naming_the_tablers_is_read(lines: str, who: str) -> None:
    assert read(f"Amendment 1\n{lines}\n{BODY}").tabled_by == who


JUSTIFICATIONS = [
    "Justification: It is unclear.",
    "Reason: It is unclear.",
    "Reasons: It is unclear.",
    "Explanatory statement: It is unclear.",
    "Justification\nIt is unclear.",
    "Justification:\nIt is unclear.\n\n",
    "*Justification*\nIt is\nunclear.",
]


@pytest.mark.parametrize("lines", JUSTIFICATIONS)
def test_every_label_of_the_justification_is_read(lines: str) -> None:
    a = read(f"Amendment 1\n{BODY}{lines}\nStatus: adopted\n")
    assert (a.justification, a.status) == ("It is unclear.", "adopted")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Adopted.", "adopted"),
        ("carried", "adopted"),
        ("lost", "rejected"),
        ("WITHDRAWN", "withdrawn"),
    ],
)
def test_the_status_may_be_written_as_the_chair_announces_it(word: str, status: str) -> None:
    assert read(f"Amendment 1\n{BODY}Status: {word}\n").status == status


def test_a_sentence_after_the_tablers_is_not_taken_for_one_of_them() -> None:
    with pytest.raises(AmendmentSyntaxError, match="cannot understand 'The list is long"):
        read("Amendment 1\nTabled by: Norway\nThe list is long enough.\n" + BODY)


# -- locations -------------------------------------------------------------------------

LOCATIONS = [
    ("Paragraph 13 (b)", P13B),
    ("paragraph 13, subparagraph b", P13B),
    ("Paragraph 13, sub-paragraph (b)", P13B),
    ("sub-paragraph 13.b", P13B),
    ("Paragraph 13.b", P13B),
    ("Para. 13(b)", P13B),
    ("Para 13 b", P13B),
    ("Subparagraph 13(b)", P13B),
    ("Sub-paragraph (b) of paragraph 13", P13B),
    ("Paragraph 13 – point (b)", P13B),
    ("In paragraph 13(b):", P13B),
    ("1. Paragraph 13(b)", P13B),
    ("Operative paragraph 5 (c) (ii)", Location("operative", "5(c)(ii)")),
    ("OP5", Location("operative", "5")),
    ("OP 5(c)", Location("operative", "5(c)")),
    ("PP3", Location("preambular", "3")),
    ("Preambular paragraph 3", Location("preambular", "3")),
    ("Recital B", Location("recital", "B")),
    ("Recital 3", Location("recital", "3")),
    ("Citation 2", Location("citation", "2")),
    ("Title", Location("title")),
    ("the title", Location("title")),
    ("Title of the draft resolution", Location("title")),
]


@pytest.mark.parametrize(("line", "loc"), LOCATIONS, ids=[t for t, _ in LOCATIONS])
def test_every_way_of_naming_a_provision_reads_to_one_location(line: str, loc: Location) -> None:
    got = read(f"Amendment 1\n{line}\nDelete\n")
    assert (got.location, got.operations) == (loc, (DeleteProvision(),))


NEW_PLACES = [
    ("Recital B a (new)", Location("recital", "B", "a")),
    ("Recital Ba (new)", Location("recital", "B", "a")),
    ("Paragraph 2a (new)", Location("paragraph", "2", "a")),
    ("Paragraph 13 bis (new)", Location("paragraph", "13", "bis")),
    ("Preambular paragraph 3 a (new)", Location("preambular", "3", "a")),
]


@pytest.mark.parametrize(("line", "loc"), NEW_PLACES, ids=[t for t, _ in NEW_PLACES])
def test_an_ep_style_new_provision_goes_after_the_one_it_is_numbered_from(
    line: str, loc: Location
) -> None:
    a = read(f"Amendment 1\n{line}\nInsert:\n2a. **Calls for** a review;\n")
    anchor = Location(loc.kind, loc.ref)
    assert a == am(
        loc, InsertProvisions(anchor, "after", (NewProvision("**Calls for** a review;"),))
    )


PLACE_AND_OPERATION = [
    'In paragraph 13(b), leave out "misaligned data"',
    'Paragraph 13(b): Leave out "misaligned data"',
    'Paragraph 13 (b) – leave out "misaligned data"',
    'Paragraph 13, sub-paragraph (b), leave out "misaligned data"',
    'Amendment 1 – Paragraph 13(b)\nLeave out "misaligned data"',
]


@pytest.mark.parametrize("line", PLACE_AND_OPERATION)
def test_the_place_and_the_operation_may_share_a_line(line: str) -> None:
    text = line if line.startswith("Amendment") else f"Amendment 1\n{line}"
    assert read(text + "\n") == am(P13B, MISALIGNED)


# -- operations ------------------------------------------------------------------------

OPERATIONS = [
    ("Delete", DeleteProvision()),
    ("Delete.", DeleteProvision()),
    ("Deleted", DeleteProvision()),
    ("Delete the paragraph", DeleteProvision()),
    ("Delete the entire sub-paragraph", DeleteProvision()),
    ("Leave out", DeleteProvision()),
    ("Leave out the sub-paragraph", DeleteProvision()),
    ('Leave out the words "X"', DeleteText(Quote("X"))),
    ('Delete the words "X"', DeleteText(Quote("X"))),
    ('Strike out "X"', DeleteText(Quote("X"))),
    ('Omit "X"', DeleteText(Quote("X"))),
    ('Leave out "X", insert "Y"', ReplaceText(Quote("X"), "Y")),
    ('Leave out "X"; insert "Y"', ReplaceText(Quote("X"), "Y")),
    ('Leave out "X" and substitute "Y"', ReplaceText(Quote("X"), "Y")),
    ('Delete "X" and replace by "Y"', ReplaceText(Quote("X"), "Y")),
    ('Strike out "X" and insert "Y"', ReplaceText(Quote("X"), "Y")),
    ('Replace "X" by "Y"', ReplaceText(Quote("X"), "Y")),
    ('Replace the words "X" by the words "Y"', ReplaceText(Quote("X"), "Y")),
    (
        'Replace the second occurrence of "AI" by "artificial intelligence"',
        ReplaceText(Quote("AI", 2), "artificial intelligence"),
    ),
    ('Insert at the end ", Y"', InsertText("end", None, ", Y")),
    ('Add at the end ", Y"', InsertText("end", None, ", Y")),
    ('At the end, add ", Y"', InsertText("end", None, ", Y")),
    ('At the end of the sub-paragraph, add ", Y"', InsertText("end", None, ", Y")),
    ('Add the following words at the end: ", Y"', InsertText("end", None, ", Y")),
    ('Add ", Y" at the end', InsertText("end", None, ", Y")),
    ('Insert at the beginning "Y"', InsertText("beginning", None, "Y")),
    ('After the words "X", insert the words "Y"', InsertText("after", Quote("X"), "Y")),
    ('Insert "Y" after "X"', InsertText("after", Quote("X"), "Y")),
    ('Insert after "X" the words "Y"', InsertText("after", Quote("X"), "Y")),
    ('Add "Y" before "X"', InsertText("before", Quote("X"), "Y")),
    ('Delete from "A" up to and including "B"', DeleteRange(Quote("A"), Quote("B"))),
    ('Leave out from "A" to "B", and insert "C"', DeleteRange(Quote("A"), Quote("B"), "C")),
]


@pytest.mark.parametrize(("line", "op"), OPERATIONS, ids=[t for t, _ in OPERATIONS])
def test_every_usual_wording_of_an_operation_reads_to_its_operation(
    line: str, op: Operation
) -> None:
    assert read(f"Amendment 1\nParagraph 13(b)\n{line}\n").operations == (op,)


WORDS_ON_THE_NEXT_LINE = [
    ('Insert after "X":\n"Y"', InsertText("after", Quote("X"), "Y")),
    ("Add at the end:\n“, Y”", InsertText("end", None, ", Y")),
    ("Add the following words at the end:\n, Y", InsertText("end", None, ", Y")),
    ('Leave out the following words:\n"X"', DeleteText(Quote("X"))),
    ('Replace "X" with:\n"Y"', ReplaceText(Quote("X"), "Y")),
]


@pytest.mark.parametrize(
    ("lines", "op"), WORDS_ON_THE_NEXT_LINE, ids=[t for t, _ in WORDS_ON_THE_NEXT_LINE]
)
def test_the_words_may_follow_the_operation_on_the_next_line(lines: str, op: Operation) -> None:
    assert read(f"Amendment 1\nParagraph 13(b)\n{lines}\nStatus: adopted\n").operations == (op,)


NEW_WORDING = [
    "Amend to read as follows:\nto act now;",
    'Amend to read:\n"to act now;"',
    "Substitute the following:\nto act now;",
    "Replace by:\nto act now;",
    "Replace with the following:\nb. to act now;",
    "Replace the sub-paragraph by the following:\n(b) to act now;",
    "Delete the sub-paragraph and replace with:\n- b. to act now;",
    "Amend to read: “to act now;”",
    "The sub-paragraph shall read as follows:\nto act now;",
]


@pytest.mark.parametrize("lines", NEW_WORDING)
def test_whole_new_wording_replaces_the_provision_without_the_typed_label(lines: str) -> None:
    a = read(f"Amendment 1\nParagraph 13(b)\n{lines}\n")
    assert a.operations == (ReplaceProvision(NewProvision("to act now;")),)


NAMED = [
    (
        "Paragraph 13\nDelete sub-paragraph (c)",
        am(Location("paragraph", "13(c)"), DeleteProvision()),
    ),
    ("Delete sub-paragraph 13(c)", am(Location("paragraph", "13(c)"), DeleteProvision())),
    ("Leave out paragraph 3", am(Location("paragraph", "3"), DeleteProvision())),
    ("Delete OP2", am(Location("operative", "2"), DeleteProvision())),
    (
        "Amend paragraph 3 to read as follows:\n**Calls for** x;",
        am(Location("paragraph", "3"), ReplaceProvision(NewProvision("**Calls for** x;"))),
    ),
    (
        "Replace operative paragraph 3 with the following:\n*Encourages* x;",
        am(Location("operative", "3"), ReplaceProvision(NewProvision("*Encourages* x;"))),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), NAMED, ids=[t for t, _ in NAMED])
def test_an_operation_that_names_its_provision_needs_no_location_line(
    lines: str, expected: Amendment
) -> None:
    assert read(f"Amendment 1\n{lines}\n") == expected


F = Location("paragraph", "13(f)")
NEW_G = (NewProvision("to test AI-enabled systems;"),)
INSERTIONS = [
    "After sub-paragraph 13(f), insert the following new sub-paragraph:",
    "After sub-paragraph 13 (f) add the following new sub-paragraph",
    "After sub-paragraph 13(f) insert:",
    "After sub-paragraph 13(f), insert a new sub-paragraph (g):",
    "After paragraph 13(f) insert a new sub-paragraph:",
    "Insert the following new sub-paragraph after sub-paragraph 13(f):",
    "Insert after sub-paragraph 13(f) the following new sub-paragraph:",
    "New sub-paragraph after sub-paragraph 13(f)",
]
TYPED_LABELS = ["g. ", "(g) ", "g) ", "- g. ", " - (g) ", ""]


@pytest.mark.parametrize("label", TYPED_LABELS)
@pytest.mark.parametrize("head", INSERTIONS)
def test_a_new_sub_paragraph_drops_the_label_the_tabler_typed(head: str, label: str) -> None:
    a = read(f"Amendment 1\n{head}\n{label}to test AI-enabled systems;\nStatus: adopted\n")
    assert a.operations == (InsertProvisions(F, "after", NEW_G),)


def test_a_new_paragraph_may_follow_its_heading_on_the_same_line() -> None:
    new = (NewProvision("**Noting** x;"),)
    twelve = Location("paragraph", "12")
    for line in [
        'After paragraph 12 insert "**Noting** x;"',
        "After paragraph 12, insert the following new paragraph: **Noting** x;",
    ]:
        assert read(f"Amendment 1\n{line}\n").operations == (
            InsertProvisions(twelve, "after", new),
        )


def test_a_new_paragraph_keeps_its_sub_paragraphs_whatever_their_labels() -> None:
    a = read(
        "Amendment 1\nNew paragraph after paragraph 7\n"
        "8. **Calls upon** member states:\n(a) to act;\n(b) to report;\n"
    )
    assert a.operations == (
        InsertProvisions(
            Location("paragraph", "7"),
            "after",
            (
                NewProvision(
                    "**Calls upon** member states:",
                    (NewProvision("to act;"), NewProvision("to report;")),
                ),
            ),
        ),
    )


SEVERAL = [
    (
        'Leave out "A" and after "B" insert "C"',
        (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C")),
    ),
    (
        'Leave out "A", and after "B" insert "C"',
        (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C")),
    ),
    (
        'Leave out "A" and insert "B" and leave out "C"',
        (ReplaceText(Quote("A"), "B"), DeleteText(Quote("C"))),
    ),
    (
        '1. Leave out "A"\n2. After "B" insert "C"',
        (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C")),
    ),
    (
        '(a) Leave out "A"\n(b) After "B" insert "C"',
        (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C")),
    ),
    (
        '1. In paragraph 13(b), leave out "A"\n2. In paragraph 13(b), after "B" insert "C"',
        (DeleteText(Quote("A")), InsertText("after", Quote("B"), "C")),
    ),
]


@pytest.mark.parametrize(("lines", "ops"), SEVERAL, ids=[t for t, _ in SEVERAL])
def test_an_amendment_with_several_operations_keeps_each_of_them(
    lines: str, ops: tuple[Operation, ...]
) -> None:
    assert read(f"Amendment 1\nParagraph 13(b)\n{lines}\n").operations == ops


def test_an_operation_after_new_wording_is_not_part_of_the_wording() -> None:
    a = read(
        "Amendment 1\nAfter paragraph 3 insert the following new paragraph:\n**Noting** x;\n"
        "Move paragraph 7 so as to come before paragraph 9\n"
    )
    assert a.operations == (
        InsertProvisions(Location("paragraph", "3"), "after", (NewProvision("**Noting** x;"),)),
        MoveProvision(Location("paragraph", "7"), Location("paragraph", "9"), "before"),
    )


# -- two-column tables -------------------------------------------------------------------

TABLES = [
    (
        "| b. to continue developing ~~joint~~ standards; | b. to continue ***jointly***"
        " developing standards; |",
        (InsertText("after", Quote("continue"), "jointly"), DeleteText(Quote("joint"))),
    ),
    (
        "| to continue developing joint standards; | to continue developing ~~joint~~"
        " ***common*** standards; |",
        (ReplaceText(Quote("joint"), "common"),),
    ),
    (
        "| to continue developing joint standards; | to continue developing <del>joint</del>"
        " <ins>**_common_**</ins> standards; |",
        (ReplaceText(Quote("joint"), "common"),),
    ),
    ("| to continue developing joint standards; | *Deleted.* |", (DeleteProvision(),)),
]


@pytest.mark.parametrize(("row", "ops"), TABLES, ids=["strike", "both", "html", "deleted"])
def test_struck_words_in_the_amendment_column_are_removed_not_kept(
    row: str, ops: tuple[Operation, ...]
) -> None:
    for header in [
        "| Draft text | Amendment |\n|:---|:---|\n",
        "| Text proposed | Amendment |\n",
        "",
    ]:
        a = read(f"Amendment 1\nParagraph 13(b)\n\n{header}{row}\n")
        assert a.operations == ops, header


# -- refused, with what to write instead ---------------------------------------------------

REFUSED = [
    ("Oral amendment\n" + BODY, "cannot read the amendment heading", 'numbered: "Amendment 4"'),
    (
        "Amendment 1\n" + BODY + "Justification: x\nAmendment 2 (Norway)\nParagraph 1\nDelete\n",
        "cannot read the amendment heading 'Amendment 2 (Norway)'",
        '"Tabled by: ..." on the next line',
    ),
    (
        "Paragraph 13(b)\nDelete\nAmendment 1\nParagraph 1\nDelete\n",
        "'Paragraph 13(b)' comes before the first amendment heading",
        'start each amendment with a line "Amendment 1"',
    ),
    (
        "Amendment 1\nPreambular paragraph 3 (new)\n**Noting** x;\n",
        "does not say after which provision the new one goes",
        '"Preambular paragraph 2 a (new)"',
    ),
    (
        "Amendment 1\nParagraph 13 (b) (new)\nto act;\n",
        "could be a new sub-paragraph or a new paragraph",
        '"Paragraph 13(b) a (new)" for a new sub-paragraph after 13(b)',
    ),
    (
        "Amendment 1\nParagraph 13, new sub-paragraph (k)\nto act;\n",
        "cannot read 'new' in the place",
        '"Paragraph 13 bis (new)"',
    ),
    (
        "Amendment 1\nParagraph 13 bis\nDelete\n",
        "cannot read 'bis' in the place",
        '"Paragraph 13 bis (new)"',
    ),
    (
        "Amendment 1\nParagraph 13(b), first line\nDelete\n",
        "cannot read 'first' in the place",
        "write e.g. Paragraph 13(b)",
    ),
    (
        "Amendment 1\nParagraph 2 a (new)\nDelete\n",
        "is a new provision, so the lines after it are its words",
        "give the words of the new provision",
    ),
    (
        "Amendment 1\nNew paragraph after paragraph 7\nDelete\n",
        "the new wording is missing",
        "give the words of the new text",
    ),
    (
        "Amendment 1\nParagraph 13(b)\nDelete sub-paragraph (c)\n",
        "does not say which paragraph it belongs to",
        "give the full number, e.g. sub-paragraph 13(c)",
    ),
    (
        "Amendment 1\n" + BODY + 'Paragraph 13(c)\nLeave out "x"\n',
        "already amends paragraph 13(b), and this line names paragraph 13(c)",
        "table a separate amendment for paragraph 13(c)",
    ),
    (
        'Amendment 1\nParagraph 13(b)\nAt the end of the sentence, add "x"\n',
        "cannot understand",
        'quoting the words next to them, e.g. After "X" insert "Y"',
    ),
    (
        "Amendment 1\nAt the end of paragraph 13, add the following new sub-paragraph:\nto x;\n",
        "needs the number of its neighbour",
        "After sub-paragraph 13(j) insert the following new sub-paragraph:",
    ),
    (
        'Amendment 1\nParagraph 13(b)\nLeave out "to continue\n\nStatus: adopted\n',
        "cannot understand 'Leave out \"to continue'",
        "a quotation opened on this line is not closed",
    ),
    (
        "Amendment 1\nParagraph 13(b)\nLeave out `misaligned data`\n",
        "cannot understand",
        "not backticks",
    ),
    (
        "Amendment 1\nParagraph 13(b)\nLeave out the words\n",
        "cannot understand 'Leave out the words'",
        'Leave out "X" and insert "Y"',
    ),
    (
        'Amendment 1\nParagraph 13(b)\nReplace "X" with "Y" and "Z" with "W"\n',
        "cannot understand",
        "write one operation a line",
    ),
    (
        "Amendment 3\nParagraph 1\nDelete\nJustification: x\nAmendmnet 4\n" + BODY,
        "'Paragraph 13(b)' comes after the justification of amendment 3",
        'start the amendment it belongs to with a line "Amendment N"',
    ),
    (
        "Amendment 1\nParagraph 13(b)\nDelete the last line\n",
        "cannot understand 'Delete the last line'",
        "places inside the text are given by quoting the words next to them",
    ),
    (
        'Amendment 1\nParagraph 13(b)\nLeave out "misaligned data"\nStatus: perhaps\n',
        "unknown status 'perhaps'",
        "use one of tabled, adopted, rejected, withdrawn, oral",
    ),
    (
        'Amendment 1\nParagraph 11\nLeave out from ", reflected" to the end\n',
        "cannot understand",
        'quote the last words too: Leave out from "X" to "last words of the text"',
    ),
    (
        "Amendment 1\nClause 3 of the Treaty\nDelete\n",
        "cannot understand 'Clause 3 of the Treaty'",
        "start with the location (e.g. Paragraph 13(b))",
    ),
]


@pytest.mark.parametrize(("text", "what", "instead"), REFUSED, ids=[w for _, w, _ in REFUSED])
def test_a_wording_that_could_be_misread_is_refused_saying_what_to_write(
    text: str, what: str, instead: str
) -> None:
    with pytest.raises(AmendmentSyntaxError) as err:
        parse_amendments(text, "am.txt")
    message = str(err.value)
    assert message.startswith("am.txt:")
    assert what in message
    assert instead in message


# -- checked against the draft ---------------------------------------------------------------


def test_recitals_without_numbers_are_counted_and_lettered_ones_refused_clearly() -> None:
    un = io.load(EXAMPLES / "un-ga-example.akn.xml")
    third = parse_amendments('Amendment 1\nRecital 3\nLeave out "early warning saves lives and"\n')
    assert check(un, third).lines() == ["Amendment 1 (Recital 3): ok"]
    lettered = parse_amendments("Amendment 1\nRecital B\nDelete\n")
    assert check(un, lettered).lines() == [
        "Amendment 1 (Recital B): recital B does not exist; the draft's 4 recitals are not"
        " numbered; count them: Preambular paragraph 1, 2, 3 ..."
    ]
    none = parse_amendments("Amendment 1\nCitation 1\nDelete\n")
    assert check(un, none).lines() == [
        "Amendment 1 (Citation 1): citation 1 does not exist; the draft has none; count them in"
        " the draft as tabled, from 1"
    ]


def test_a_sub_paragraph_named_in_the_operation_is_the_one_deleted(r495: Document) -> None:
    a = parse_amendments("Amendment 1\nParagraph 13\nDelete sub-paragraph (c)\nStatus: adopted\n")
    amended = apply_amendments(r495, a).document
    assert amended.find("13(c)").text.startswith("to actively raise public awareness")
    assert_valid(amended)


# -- layout noise never changes what an amendment says --------------------------------------

_HEADINGS = ["AMENDMENT No. {n}", "Amendment No. {n}", "Am. {n}", "**Amendment {n}**"]
_QUOTE_PAIRS = [("“", "”"), ("«", "»"), ("„", "“"), ("« ", " »")]


@st.composite
def noisy(draw: st.DrawFn, text: str) -> str:
    """``text`` as another secretariat would have typed the same amendment."""
    lines = text.split("\n")
    if draw(st.booleans()):
        # No blank lines between operations (a justification keeps its paragraphs).
        end = next((i for i, x in enumerate(lines) if x.startswith("Justification:")), len(lines))
        lines = [x for x in lines[:end] if x.strip()] + lines[end:]
    head = lines[0]
    if head.startswith("Amendment "):
        lines[0] = draw(st.sampled_from(_HEADINGS)).format(n=head.split(" ", 1)[1])
    labels = {
        "Tabled by:": ["Submitted by:", "Proposed by:", "Author:", "**Tabled by:**"],
        "Justification:": ["Reason:", "Explanatory statement:"],
    }
    for old, new in labels.items():
        choice = draw(st.sampled_from([old, *new]))
        lines = [choice + x[len(old) :] if x.startswith(old) else x for x in lines]
    left, right = draw(st.sampled_from([('"', '"'), *_QUOTE_PAIRS]))
    lines = [
        x if x.startswith("|") else re.sub(r'"([^"\n]*)"', lambda m: left + m[1] + right, x)
        for x in lines
    ]
    pad = draw(st.sampled_from(["", " ", "\t", "  \t"]))
    out = "\n".join(x + pad if x.strip() else x for x in lines)
    if draw(st.booleans()):
        out = out.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.booleans()) else "") + out


@settings(max_examples=200, deadline=None)
@given(
    st.data(),
    st.one_of(located, titled, placed, new_form),
    st.sampled_from(["nato-pa", "un-ga", "ep"]),
)
def test_another_secretariats_layout_of_a_written_amendment_reads_the_same(
    data: st.DataObject, a: Amendment, style: str
) -> None:
    text = data.draw(noisy(write_amendment(a, style)))  # type: ignore[arg-type]
    assert parse_amendments(text) == [a], text
