"""Amendments from an edited text: adopting them all gives the edit, exactly.

The Word fixtures (tests/fixtures/docx/from-edit/make_from_edit.py) are NATO PA drafts
edited in LibreOffice with Track Changes: two delegations' seven changes in four
paragraphs, and a paragraph moved (``w:moveFrom``/``w:moveTo``).  Generated
resolutions, edited at random (words, insertions, deletions, moves), hold the property
for any edit, in every wording.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, benchmark_generator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import io as dio
from drafting.amendments import (
    Amendment,
    Location,
    NewProvision,
    apply_amendments,
    parse_amendments,
    read_amendment_files,
    write_amendments,
)
from drafting.amendments.model import InsertProvisions, MoveProvision
from drafting.amendments.writer import WriteStyle
from drafting.cli import cli
from drafting.diff import diff_documents
from drafting.docx_import import import_docx, tracked_changes
from drafting.model import Document
from drafting.tabling import amendments_from_edit, write_style_of


def make_resolution(n: int, seed: int) -> Document:
    doc: Document = benchmark_generator().make_resolution(n, seed=seed)
    return doc


def make_edit(doc: Document, seed: int) -> Document:
    edit: Document = benchmark_generator().make_second_version(doc, seed=seed).document
    return edit


FROM_EDIT = Path(__file__).parent / "fixtures" / "docx" / "from-edit"
DELEGATIONS = FROM_EDIT / "lo-delegations.docx"
MOVED = FROM_EDIT / "lo-moved.docx"


def _adopted(amendments: list[Amendment]) -> list[Amendment]:
    return [dataclasses.replace(a, status="adopted") for a in amendments]


def _rebuilds(
    draft: Document, edit: Document, amendments: list[Amendment], style: WriteStyle | None = None
) -> None:
    """Adopting ``amendments`` (as written, then read back) turns ``draft`` into ``edit``."""
    text = write_amendments(amendments, style or write_style_of(draft))
    read = parse_amendments(text)
    assert read == amendments  # what is written reads back to the same amendments
    result = apply_amendments(draft, _adopted(read))
    assert all(o.outcome == "applied" for o in result.outcomes), result.summary()
    diff = diff_documents(edit, result.document)
    assert diff.same, [(c.label(), c.kind) for c in diff.differences]


def test_tracked_changes_give_one_amendment_per_delegation_and_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "amendments.txt"
    result = CliRunner().invoke(cli, ["amendments", "from-edit", str(DELEGATIONS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 tracked change(s) by Delegation of Norway" in result.output
    amendments = read_amendment_files([out])
    assert [(a.tabled_by, str(a.location), a.date) for a in amendments] == [
        ("Delegation of Norway", "Paragraph 3", "2024-11-20"),
        ("Delegation of Norway", "Paragraph 4", "2024-11-20"),
        ("Delegation of Canada", "Paragraph 5", "2024-11-21"),
        ("Delegation of Canada", "Paragraph 6", "2024-11-21"),
    ]
    assert {a.status for a in amendments} == {"tabled"}
    text = out.read_text()
    assert 'Leave out "welcomes" and insert "notes"' in text  # NATO PA wording
    draft = import_docx(DELEGATIONS, accept_changes=False).document
    edit = import_docx(DELEGATIONS, accept_changes=True).document
    applied = apply_amendments(draft, _adopted(amendments)).document
    assert diff_documents(edit, applied).same


def test_one_delegations_changes_alone_give_its_amendments_alone() -> None:
    draft = import_docx(DELEGATIONS, accept_changes=False).document
    canada = import_docx(
        DELEGATIONS, accept_changes=True, accept_authors={"Delegation of Canada"}
    ).document
    drafted = amendments_from_edit(draft, canada, by="Delegation of Canada")
    assert [str(a.location) for a in drafted.amendments] == ["Paragraph 5", "Paragraph 6"]
    _rebuilds(draft, canada, drafted.amendments)


def test_resolution_495_and_its_amended_final_give_the_amendments_that_rebuild_it() -> None:
    draft = dio.load(EXAMPLES / "resolution-495.akn.xml")
    final = apply_amendments(
        draft, read_amendment_files([EXAMPLES / "amendments-495.txt"])
    ).document
    drafted = amendments_from_edit(draft, final, by="Rapporteur")
    assert not drafted.skipped
    changed = [c for c in diff_documents(draft, final, ignore_numbering=True).differences]
    assert len(drafted.amendments) <= len(changed)
    _rebuilds(draft, final, drafted.amendments)


def test_new_words_that_cite_a_renumbered_paragraph_cite_it_as_tabled() -> None:
    draft = dio.load(EXAMPLES / "resolution-495.akn.xml")
    final = apply_amendments(
        draft, read_amendment_files([EXAMPLES / "amendments-495.txt"])
    ).document
    text = write_amendments(amendments_from_edit(draft, final).amendments)
    # The final cites "paragraph 9", which is paragraph 10 of the draft as tabled.
    assert "referred to in paragraph 10 to acquire" in text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    size=st.sampled_from([12, 30]),
    style=st.sampled_from([None, "nato-pa", "un-ga", "ep"]),
)
def test_adopting_the_amendments_of_any_edit_gives_the_edit(
    seed: int, size: int, style: WriteStyle | None
) -> None:
    draft = make_resolution(size, seed=seed)
    edit = make_edit(draft, seed + 1)
    drafted = amendments_from_edit(draft, edit, style=style)
    assert not drafted.skipped
    _rebuilds(draft, edit, drafted.amendments, style)


@pytest.mark.parametrize("style", ["un-ga", "ep"])
def test_every_wording_reads_back_and_rebuilds_the_edit(style: str) -> None:
    draft = make_resolution(20, seed=7)
    edit = make_edit(draft, 8)
    drafted = amendments_from_edit(draft, edit, style=style)  # type: ignore[arg-type]
    read = parse_amendments(write_amendments(drafted.amendments, style))  # type: ignore[arg-type]
    assert [a.operations for a in read] == [a.operations for a in drafted.amendments]
    applied = apply_amendments(draft, _adopted(read)).document
    assert diff_documents(edit, applied).same


def test_two_versions_on_the_command_line_give_akn_amendments(tmp_path: Path) -> None:
    draft = make_resolution(12, seed=3)
    edit = make_edit(draft, 4)
    paths = [tmp_path / "draft.akn.xml", tmp_path / "edit.akn.xml"]
    dio.save(draft, paths[0])
    dio.save(edit, paths[1])
    out = tmp_path / "amendments.akn.xml"
    args = ["amendments", "from-edit", *map(str, paths), "-o", str(out), "--by", "Italy"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    amendments = read_amendment_files([out])
    assert amendments and {a.tabled_by for a in amendments} == {"Italy"}
    again = CliRunner().invoke(cli, args)  # the output exists: refused, not replaced
    assert again.exit_code != 0 and "Traceback" not in again.output


def test_a_word_file_without_tracked_changes_is_refused_naming_the_fix(tmp_path: Path) -> None:
    out = tmp_path / "amendments.txt"
    plain = EXAMPLES / "resolution-495.docx"
    result = CliRunner().invoke(cli, ["amendments", "from-edit", str(plain), "-o", str(out)])
    assert result.exit_code != 0
    assert "no tracked changes" in result.output and "DRAFT EDITED" in result.output
    assert not out.exists()


def test_import_refusing_tracked_changes_names_from_edit(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(DELEGATIONS), "-o", str(tmp_path / "d.akn.xml")]
    )
    assert result.exit_code != 0
    assert "drafting amendments from-edit" in result.output


NEW_PARAGRAPHS = """Amendment 1
After paragraph 12 insert the following new paragraphs:
**Stressing** that human judgement must remain central;
**Noting** the work of the NATO Data and AI Review Board;
Status: adopted

Amendment 2
After sub-paragraph 13(b) insert the following new sub-paragraph:
to share test data among Allies;
Status: adopted

Amendment 3
After paragraph 13 insert the following new paragraph:
**DECIDES** to remain seized of the matter.
Status: adopted
"""


def test_ep_new_provisions_are_each_an_amendment_lettered_after_the_one_they_follow() -> None:
    draft = dio.load(EXAMPLES / "resolution-495.akn.xml")
    edit = apply_amendments(draft, parse_amendments(NEW_PARAGRAPHS)).document
    drafted = amendments_from_edit(draft, edit, style="ep")
    assert [str(a.location) for a in drafted.amendments] == [
        "Paragraph 12 a (new)",
        "Paragraph 12 b (new)",
        "Paragraph 13(b) a (new)",
        "Paragraph 13 a (new)",
    ]
    first = drafted.amendments[0]
    assert first.operations == (
        InsertProvisions(
            Location("paragraph", "12"),
            "after",
            (NewProvision("**Stressing** that human judgement must remain central;"),),
        ),
    )
    text = write_amendments(drafted.amendments, "ep")
    assert "Paragraph 12 b (new)\n**Noting** the work" in text
    _rebuilds(draft, edit, drafted.amendments, "ep")
    # The other wordings keep one amendment for the two, worded as an operation.
    nato = amendments_from_edit(draft, edit, style="nato-pa").amendments
    assert [a.where_text for a in nato] == [
        "After paragraph 12",
        "After paragraph 13(b)",
        "After paragraph 13",
    ]


def test_a_paragraph_moved_with_track_changes_is_tabled_as_a_move(tmp_path: Path) -> None:
    changes = tracked_changes(MOVED)
    assert changes.by_author == {"Delegation of Norway": 6}  # runs and marks, both ends
    kept = import_docx(MOVED, accept_changes=False).document
    moved = import_docx(MOVED, accept_changes=True).document
    lead = [p.lead_phrase for p in kept.provisions()]
    assert lead == ["Recognising", "Noting", "Urges", "Calls upon", "Encourages", "Requests"]
    lead = [p.lead_phrase for p in moved.provisions()]
    assert lead == ["Recognising", "Noting", "Calls upon", "Encourages", "Urges", "Requests"]
    out = tmp_path / "amendments.txt"
    result = CliRunner().invoke(cli, ["amendments", "from-edit", str(MOVED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    amendments = read_amendment_files([out])
    assert [a.operations for a in amendments] == [
        (MoveProvision(Location("paragraph", "3"), Location("paragraph", "5"), "after"),)
    ]
    assert "Move paragraph 3 after paragraph 5" in out.read_text()
    assert (amendments[0].tabled_by, amendments[0].date) == ("Delegation of Norway", "2024-11-20")
    _rebuilds(kept, moved, amendments)
