"""Provenance survives renumbering: each change is labelled with the amendment that made it."""

from __future__ import annotations

from conftest import EXAMPLES

from drafting import io
from drafting.amendments import apply_amendments, parse_amendments
from drafting.diff import diff_documents

AMENDMENTS = """Amendment 5
Tabled by: Delegation of Germany
Paragraph 3
Delete paragraph
Status: adopted

Amendment 4
Tabled by: Delegation of the United Kingdom
Paragraph 11
Leave out from ", reflected in the fact" to "Republic of South Korea"
Status: adopted
"""


def test_each_diff_change_names_the_amendment_that_made_it_and_no_other() -> None:
    draft = io.load(EXAMPLES / "resolution-495.akn.xml")
    final = apply_amendments(draft, parse_amendments(AMENDMENTS, "a.txt")).document
    changes = diff_documents(draft, final)
    labelled = {
        (c.kind, (c.old.ref if c.old else None)): c.amendment
        for c in changes.changes
        if c.kind != "unchanged"
    }
    assert labelled[("deleted", "3")] == "Amendment 5"
    assert labelled[("changed", "11")] == "Amendment 4"
    # Paragraphs merely renumbered by the deletion carry no amendment label, even
    # though their new eIds are the old eIds of the deleted and edited paragraphs.
    assert labelled[("renumbered", "4")] is None
    assert labelled[("renumbered", "12")] is None


def test_a_deleted_provision_is_recorded_against_the_draft_as_tabled() -> None:
    draft = io.load(EXAMPLES / "resolution-495.akn.xml")
    final = apply_amendments(draft, parse_amendments(AMENDMENTS, "a.txt")).document
    hrefs = [
        d.get("href", "")
        for d in final.meta.iter("{*}destination")
        if d.getparent() is not None and d.getparent().get("type") == "repeal"  # type: ignore[union-attr]
    ]
    assert hrefs == [
        "/akn/nato/statement/deliberation/nato-pa/2024-11-25/495/eng@2024-11-25/!main"
        "#preamble__recs_1__rec_3"
    ]


def test_a_quoted_word_never_matches_inside_a_longer_word() -> None:
    draft = io.load(EXAMPLES / "resolution-495.akn.xml")
    text = draft.find("13(b)").text
    assert "operational" in text and " on " not in f" {text} "
    amendments = parse_amendments(
        'Amendment 1\nTabled by: X\nParagraph 13(b)\nLeave out "ratio"\nStatus: adopted\n', "a.txt"
    )
    from drafting.amendments import check

    report = check(draft, amendments)
    assert not report.checks[0].ok
    assert '"ratio" is not in paragraph 13(b)' in report.lines()[0]
