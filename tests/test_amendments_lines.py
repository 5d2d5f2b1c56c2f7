"""Amendments by page and line of the printed draft, and the print they count on.

The print (``drafting export --line-numbers``, :mod:`drafting.text.printed`) is a
golden file; its layout is checked as an invariant (width, lines a page, every word
printed once in order); amendments worded as the UK tables them resolve against the
same print, apply to the exact expected text, and are refused, with the page, the
line and what it says, when the words are not on the line.

Regenerate on purpose only: ``DRAFTING_UPDATE_GOLDEN=1 pytest tests/test_amendments_lines.py``.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, GOLDEN, assert_valid
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import io
from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.amendments import (
    apply_amendments,
    check,
    parse_amendments,
    voting_list,
    voting_list_markdown,
    write_amendment,
)
from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.lines import by_provision
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    Lines,
    Location,
    Quote,
    ReplaceText,
    ToLineEnd,
)
from drafting.amendments.pageline import read_printed
from drafting.amendments.resolve import resolve
from drafting.amendments.words import ORDINALS, find_all
from drafting.cli import cli
from drafting.errors import DraftingError
from drafting.formats import render
from drafting.model import Document
from drafting.text import read_text
from drafting.text.printed import LINES_PER_PAGE, WIDTH, PrintedLine, printed_lines, write_printed

CASE = GOLDEN / "lines" / "resolution-495"
DRAFT_PATH = EXAMPLES / "resolution-495.akn.xml"
DRAFT = io.load(DRAFT_PATH)
UPDATE = os.environ.get("DRAFTING_UPDATE_GOLDEN") == "1"


def _compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing; run with DRAFTING_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


def _text_of(doc: Document, amendments: str) -> str:
    amended = apply_amendments(doc, parse_amendments(amendments)).document
    assert_valid(amended)
    return render(amended, ".txt").decode("utf-8")


def _provision_text(doc: Document, ref: str) -> str:
    return doc.find(ref).text


# -- the print ---------------------------------------------------------------------


def test_the_print_of_resolution_495_matches_its_golden_file() -> None:
    _compare(CASE / "print.txt", write_printed(DRAFT))


def test_printing_twice_or_a_copy_gives_the_same_text() -> None:
    assert write_printed(DRAFT) == write_printed(DRAFT) == write_printed(DRAFT.copy())


def test_each_page_opens_with_its_header_and_numbers_its_lines_from_1() -> None:
    text = write_printed(DRAFT)
    pages = text.split("\n\nPage ")
    assert text.startswith("Page 1\n\n 1  HARNESSING OPPORTUNITIES")
    assert [p.split("\n", 1)[0] for p in pages[1:]] == ["2", "3"]
    for page in pages:
        numbers = [int(line[:2]) for line in page.splitlines()[2:] if line.strip()]
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(numbers) <= LINES_PER_PAGE


def test_a_sub_paragraph_prints_with_its_number_and_its_words_hang_under_them() -> None:
    lines = write_printed(DRAFT).splitlines()
    at = lines.index("14      a. to advance joint efforts on AI in the civilian and military")
    assert (
        lines[at + 1]
        == "15         domains to ensure that NATO maintains its technological edge and"
    )


#: Words of a draft as a typist gives them: short, long, a word longer than a line.
_WORDS = st.sampled_from(
    ["the", "Allies", "NATO's", "(AI)", "data,", "2%", "e-mail", "cooperation;", "x" * 90]
)
_CLAUSES = st.lists(_WORDS, min_size=1, max_size=40).map(" ".join)


@st.composite
def drafts(draw: st.DrawFn) -> Document:
    """A typed draft: recitals, then paragraphs with sub-paragraphs nested two deep."""
    lines = ["TITLE " + draw(_CLAUSES), "", "RESOLUTION 1", "", "The Assembly,", ""]
    n = 1
    for _ in range(draw(st.integers(1, 4))):
        lines.append(f"{n}. **Noting** {draw(_CLAUSES)};")
        n += 1
    for _ in range(draw(st.integers(1, 3))):
        lines.append(f"{n}. **URGES** {draw(_CLAUSES)}:")
        for letter in "abc"[: draw(st.integers(0, 3))]:
            lines.append(f" - {letter}. to {draw(_CLAUSES)};")
            for numeral in ("i", "ii")[: draw(st.integers(0, 2))]:
                lines.append(f"   - {numeral}. to {draw(_CLAUSES)};")
        n += 1
    return read_text("\n".join(lines) + "\n").document


def _assert_the_print_holds_every_word_once_in_order(doc: Document) -> None:
    lines = printed_lines(doc)
    by_owner: dict[AknElement, list[PrintedLine]] = {}
    for k, ln in enumerate(lines):
        assert len(ln.text) <= WIDTH, ln.text
        assert (ln.page, ln.number) == (k // LINES_PER_PAGE + 1, k % LINES_PER_PAGE + 1)
        if ln.owner is not None:
            by_owner.setdefault(ln.owner, []).append(ln)
    provisions = {p.element: p for p in doc.provisions()}
    assert set(provisions) <= set(by_owner) | {p.element for p in doc.provisions() if p.table}
    for owner, owned in by_owner.items():
        text = provisions[owner].text if owner in provisions else text_of(owner)  # or the title
        assert not text[: owned[0].start].strip()
        assert not text[owned[-1].end :].strip()
        for a, b in itertools.pairwise(owned):
            assert a.end <= b.start and not text[a.end : b.start].strip()
        for ln in owned:
            assert ln.words == re.sub(r"[^\S\u00a0\u2007\u202f]", " ", text[ln.start : ln.end])


def test_the_print_of_every_example_holds_every_word_once_in_order() -> None:
    for path in sorted(EXAMPLES.glob("*.akn.xml")):
        _assert_the_print_holds_every_word_once_in_order(io.load(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_the_layout_never_exceeds_its_width_and_prints_every_word_once(doc: Document) -> None:
    _assert_the_print_holds_every_word_once_in_order(doc)
    assert write_printed(doc) == write_printed(doc.copy())


# -- reading -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "location", "rest"),
    [
        ("Page 2, line 10, leave out ‘x’", Lines(2, 10), "leave out ‘x’"),
        ("Line 6, leave out 'x'", Lines(1, 6), "leave out 'x'"),
        ("page 3 line 4: at end insert ‘y’", Lines(3, 4), "at end insert ‘y’"),
        ("Page 2, lines 28 to 31, leave out ‘x’", Lines(2, 28, 31), "leave out ‘x’"),
        ("Page 2, line 10", Lines(2, 10), ""),
    ],
)
def test_a_page_and_line_is_read_as_the_place_before_the_operation(
    wording: str, location: Lines, rest: str
) -> None:
    assert read_printed(wording, None) == (Location("line", lines=location), rest, ())


def test_a_page_left_out_is_the_last_page_the_amendment_named() -> None:
    earlier = Location("line", lines=Lines(2, 4))
    assert read_printed("Line 6, leave out ‘x’", earlier) == (
        Location("line", lines=Lines(2, 6)),
        "leave out ‘x’",
        (),
    )
    (a,) = parse_amendments(
        "Amendment 1\nPage 2, line 4, leave out from ‘a’ to end of line 9 and insert ‘b’\n"
    )
    assert a.location == Location("line", lines=Lines(2, 4))
    assert a.operations == (ReplaceText(ToLineEnd(Quote("a"), Lines(2, 9)), "b"),)


@pytest.mark.parametrize(
    "wording",
    [
        "Leave out lines 28 to 31",
        "Page 1, leave out lines 28 to 31",
        "Page 1, line 28, leave out lines 28 to 31",
        "Page 1, line 28\nLeave out lines 28 to 31",
    ],
)
def test_leave_out_lines_reads_as_the_deletion_of_those_lines(wording: str) -> None:
    (a,) = parse_amendments(f"Amendment 1\n{wording}\n")
    assert a.location == Location("line", lines=Lines(1, 28, 31))
    assert a.operations == (DeleteProvision(),)


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        (
            "Page 2, leave out ‘x’",
            "<text>:2: amendment 1: 'Page 2, leave out ‘x’' names page 2 but no line on it;"
            " write e.g. Page 2, line 10, leave out 'x' and insert 'y', or Page 2, leave out"
            " lines 28 to 31",
        ),
        (
            "Leave out lines 31 to 28",
            "<text>:2: amendment 1: lines 31 to 28 run backwards; give the first line first",
        ),
        (
            "Page 1, line 6, leave out ‘x’\nLine 7, leave out ‘y’",
            "<text>:3: amendment 1: amendment 1 already amends page 1, line 6, and this line"
            " names page 1, line 7; an amendment amends one provision: table a separate"
            " amendment for page 1, line 7",
        ),
    ],
)
def test_a_page_or_line_that_cannot_be_read_for_sure_is_refused(wording: str, message: str) -> None:
    with pytest.raises(AmendmentSyntaxError) as err:
        parse_amendments(f"Amendment 1\n{wording}\n")
    assert str(err.value) == message


# -- resolving and applying ------------------------------------------------------------


def test_amendments_by_page_and_line_apply_to_the_expected_text() -> None:
    amendments = (CASE / "amendments.txt").read_text(encoding="utf-8")
    report = check(DRAFT, parse_amendments(amendments))
    _compare(CASE / "expected-check.txt", "\n".join(report.lines()) + "\n")
    _compare(CASE / "expected.txt", _text_of(DRAFT, amendments))


def test_words_are_found_on_their_line_even_when_they_recur_in_the_provision() -> None:
    # "AI" stands four times in paragraph 1; page 1, line 7 holds the third.
    text = _text_of(
        DRAFT, "Amendment 1\nPage 1, line 7, leave out ‘AI’ and insert ‘it’\nStatus: adopted\n"
    )
    assert "ensuring the responsible use of it in the military domain;" in text
    assert "leadership in AI is crucial" in text


def test_at_end_of_a_line_inside_a_provision_is_after_its_last_word() -> None:
    text = _text_of(DRAFT, "Amendment 1\nPage 1, line 6, at end insert ‘both’\nStatus: adopted\n")
    assert "is crucial for maintaining both NATO's technological edge" in text


def test_leaving_out_lines_of_one_provision_leaves_out_their_words() -> None:
    # Page 1, lines 31 to 32: "as the NATO Data ... Technology" / "Organization, and
    # the NATO Communications and Information Agency, in".
    doc = DRAFT.copy()
    (a,) = parse_amendments("Amendment 1\nPage 1, leave out lines 31 to 32\nStatus: adopted\n")
    plain, origin = by_provision(doc, a)
    assert plain.location == Location("paragraph", "8")
    assert plain.operations == (DeleteRange(Quote("as"), Quote("in")),)
    assert origin == (0,)
    amended = apply_amendments(doc, [a]).document
    assert _provision_text(amended, "8") == (
        "Strongly supporting the efforts and work of other NATO bodies, such ensuring that"
        " the Alliance can reap the rewards whilst avoiding the pitfalls associated with AI;"
    )


def test_lines_that_print_whole_provisions_leave_out_those_provisions() -> None:
    (a,) = parse_amendments("Amendment 1\nPage 1, leave out lines 9 to 14\n")
    plain, origin = by_provision(DRAFT, a)
    assert plain.location == Location("paragraph", "2")
    assert plain.operations == (DeleteProvision(), DeleteProvision(Location("paragraph", "3")))
    assert origin == (0, 0)
    targets = resolve(DRAFT, a)
    assert [t.kind for t in targets] == ["delete", "delete"]
    assert all(t.operation == DeleteProvision() for t in targets)


@pytest.mark.parametrize(
    ("wording", "problem"),
    [
        (
            "Page 1, line 6, leave out ‘NATO’",
            '"NATO" does not start on page 1, line 6, which reads "wars are fought and that'
            ' leadership in AI is crucial for maintaining"; they start on page 1, line 7;'
            " quote words that start on the line named, as drafting export --line-numbers"
            " prints the draft",
        ),
        (
            "Page 4, line 1, leave out ‘x’",
            "page 4 does not exist; the draft prints on 3 page(s); count pages and lines in"
            " the print of drafting export --line-numbers",
        ),
        (
            "Page 3, line 19, leave out ‘x’",
            "page 3 has no line 19; it has lines 1 to 18; count pages and lines in the print"
            " of drafting export --line-numbers",
        ),
        (
            "Page 1, line 3, at end insert ‘x’",
            'page 1, line 3 prints "RESOLUTION 495*", which is not the words of a provision;'
            " amend the words of a provision or of the title, on a line that prints them",
        ),
        (
            "Page 1, leave out lines 7 to 10",
            "page 1, lines 7 to 10 take part of paragraph 1 and paragraph 2; lines left out"
            " must print whole provisions, or part of the words of one; leave out the lines"
            " of each provision in an amendment of its own, or quote the words to leave out",
        ),
        (
            "Page 2, leave out lines 12 to 13",
            "page 2, lines 12 to 13 hold the words of paragraph 13 but not its sub-paragraphs;"
            " leaving them out would leave the sub-paragraphs with no words above them; to"
            " leave out paragraph 13 with its sub-paragraphs, write Page 2, line 12, leave out"
            " the provision; to change its words, quote them",
        ),
        (
            "Page 2, leave out lines 20 to 26",
            "page 2, lines 20 to 26 take all of paragraph 13(c) but only part of paragraph"
            " 13(b); leave out whole provisions in one amendment and part of a provision's"
            " words in another",
        ),
        (
            "Page 1, line 6, leave out from ‘wars’ to end of line 4",
            'page 1, line 4 does not print words of the same provision after "wars"; end the'
            " words left out on a later line of the same provision",
        ),
    ],
)
def test_a_place_that_does_not_hold_the_words_is_refused_with_what_it_holds(
    wording: str, problem: str
) -> None:
    (a,) = parse_amendments(f"Amendment 1\n{wording}\n")
    (c,) = check(DRAFT, [a]).checks
    assert c.problems == (problem,)


def test_an_amendment_by_lines_is_listed_and_written_by_its_page_and_lines() -> None:
    amendments = parse_amendments("Amendment 1\nPage 2, leave out lines 19 to 22\n")
    listed = voting_list_markdown(voting_list(DRAFT, amendments))
    assert "| 1 | Page 2, lines 19 to 22 | 1 |" in listed
    assert write_amendment(amendments[0], "uk") == (
        "Amendment 1\nPage 2, leave out lines 19 to 22\nStatus: tabled\n"
    )


# -- the property ------------------------------------------------------------------

EXAMPLE_DOCS = [io.load(path) for path in sorted(EXAMPLES.glob("*.akn.xml"))]


def _words_of(doc: Document, owner: AknElement | None) -> str:
    assert owner is not None
    if owner.local == "docTitle":
        return text_of(owner)
    return next(p.text for p in doc.provisions() if p.element is owner)


#: Every word every example prints, with its line and where it stands in its provision.
WORDS_PRINTED = [
    (doc, ln, ln.start + m.start(), m.group())
    for doc in EXAMPLE_DOCS
    for ln in printed_lines(doc)
    if ln.owner is not None
    for m in re.finditer(r"\S+", ln.words)
    if "‘" not in m.group() and "’" not in m.group()
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS_PRINTED), st.booleans())
def test_leaving_out_any_printed_word_by_its_page_and_line_reaches_that_word(
    word_at: tuple[Document, PrintedLine, int, str], straight: bool
) -> None:
    doc, line, at, word = word_at
    text = _words_of(doc, line.owner)
    starts = [s for s, _ in find_all(text, word) if line.start <= s < line.end]
    which = "" if len(starts) == 1 else f"the {ORDINALS[starts.index(at)]} "
    left, right = ("'", "'") if straight and "'" not in word else ("‘", "’")
    place = f"Line {line.number}" if line.page == 1 else f"Page {line.page}, line {line.number}"
    (a,) = parse_amendments(f"Amendment 1\n{place}, leave out {which}{left}{word}{right}\n")
    (target,) = resolve(doc, a)
    assert target.host.element is line.owner
    assert target.footprint is not None and target.footprint[0] == at


# -- the command line --------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_with_line_numbers_writes_the_print(tmp_path: Path) -> None:
    out = tmp_path / "draft-lines.txt"
    code, _, err = _run("export", str(DRAFT_PATH), "--line-numbers", "-o", str(out))
    assert (code, err) == (0, f"wrote {out}\n")
    assert out.read_text(encoding="utf-8") == (CASE / "print.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        (
            "draft.docx",
            [],
            "error: --line-numbers prints plain text: it applies to .txt, not .docx; export"
            " to a .txt file, e.g. -o draft-lines.txt",
        ),
        (
            "draft.txt",
            ["--word-numbering"],
            "error: --template and --word-numbering apply to .docx and .pdf, not .txt; export"
            " to .docx or .pdf, or leave these options out",
        ),
    ],
)
def test_export_with_line_numbers_refuses_other_formats_in_one_line(
    tmp_path: Path, name: str, extra: list[str], message: str
) -> None:
    out = tmp_path / name
    code, _, err = _run("export", str(DRAFT_PATH), "--line-numbers", "-o", str(out), *extra)
    assert (code, err.splitlines()) == (1, [message])
    assert not out.exists()


def test_export_with_line_numbers_keeps_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft-lines.txt"
    out.write_text("precious", encoding="utf-8")
    code, _, err = _run("export", str(DRAFT_PATH), "--line-numbers", "-o", str(out))
    assert code == 1 and err.startswith("error: ") and len(err.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "precious"
    assert _run("export", str(DRAFT_PATH), "--line-numbers", "-o", str(out), "--force")[0] == 0


@pytest.mark.parametrize(
    ("amendment", "message"),
    [
        (
            "Page 1, line 6, leave out ‘NATO’\nStatus: adopted",
            'error: adopted amendments cannot be applied: amendment 1: "NATO" does not start'
            ' on page 1, line 6, which reads "wars are fought and that leadership in AI is'
            ' crucial for maintaining"; they start on page 1, line 7; correct them (drafting'
            " amendments check shows how); nothing was written",
        ),
        (
            "Page 0, line 6, leave out ‘NATO’",
            "error: {file}:2: amendment 1: there is no page 0: pages and lines count from 1;"
            " write e.g. Page 2, line 10, leave out 'x' and insert 'y', or Page 2, leave out"
            " lines 28 to 31",
        ),
    ],
)
def test_amend_refuses_a_bad_page_or_line_in_one_line_and_writes_nothing(
    tmp_path: Path, amendment: str, message: str
) -> None:
    src = tmp_path / "amendments.txt"
    src.write_text(f"Amendment 1\n{amendment}\n", encoding="utf-8")
    out = tmp_path / "final.akn.xml"
    code, _, err = _run("amend", str(DRAFT_PATH), str(src), "-o", str(out))
    assert code == 1
    assert err.splitlines() == [message.format(file=src)]
    assert "Traceback" not in err and not out.exists()


def test_a_line_location_resolves_through_the_library_as_any_location() -> None:
    (a,) = parse_amendments("Amendment 1\nPage 2, line 19, leave out ‘joint’\n")
    with pytest.raises(DraftingError):
        resolve(DRAFT, Amendment("2", Location("line", lines=Lines(9, 1)), a.operations))
    (target,) = resolve(DRAFT, a)
    assert target.host.label == "paragraph 13(b)"
