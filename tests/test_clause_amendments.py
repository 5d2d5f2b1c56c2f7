"""Amendments to rules, bylaws, constitutions and bills, in the wording assemblies use.

The places ("paragraph 1 of Article 35", "Rule 5, paragraph 8", "Section 5.01",
"section 15(2)(a)") are read as paths down the text's hierarchy, checked against the
draft, put to the vote in the order of the text and applied; the fixtures are the
clause texts of tests/fixtures/clauses, made by LibreOffice, python-docx and pandoc.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.akn import schema
from drafting.amendments.apply import apply_amendments
from drafting.amendments.errors import AmendmentTargetError
from drafting.amendments.model import DeleteProvision, InsertProvisions, ReplaceProvision
from drafting.amendments.parser import parse_amendments
from drafting.amendments.phrases import read_location
from drafting.amendments.resolve import check_amendments, locate
from drafting.amendments.voting import voting_list
from drafting.amendments.writer import write_amendments
from drafting.diff import diff_documents
from drafting.formats import import_file
from drafting.model import Document, Provision
from drafting.tabling import amendments_from_edit

CLAUSES = Path(__file__).parent / "fixtures" / "clauses"


@cache
def _fixture(name: str) -> Document:
    return import_file(CLAUSES / name).document


def _doc(name: str) -> Document:
    return _fixture(name).copy()


@pytest.mark.parametrize(
    ("text", "printed", "path"),
    [
        (
            "Article 35, paragraph 1",
            "Article 35, paragraph 1",
            (("article", "35"), ("paragraph", "1")),
        ),
        (
            "paragraph 1 of Article 35",
            "Article 35, paragraph 1",
            (("article", "35"), ("paragraph", "1")),
        ),
        ("In Rule 5, paragraph 8:", "Rule 5, paragraph 8", (("rule", "5"), ("paragraph", "8"))),
        ("Section 5.01", "Section 5.01", (("section", "5.01"),)),
        ("section 15(2)(a)", "Section 15(2)(a)", (("section", "15"), ("", "2"), ("", "a"))),
        (
            "Article II, Section 15",
            "Article II, Section 15",
            (("article", "II"), ("section", "15")),
        ),
        (
            "sub-paragraph (a) of paragraph 2 of Rule 5",
            "Rule 5, paragraph 2, sub-paragraph (a)",
            (("rule", "5"), ("paragraph", "2"), ("subparagraph", "a")),
        ),
        ("Art. 5", "Article 5", (("article", "5"),)),
        (
            "Schedule 1, paragraph 3",
            "Schedule 1, paragraph 3",
            (("schedule", "1"), ("paragraph", "3")),
        ),
        (
            "Chapter III, Article 12",
            "Chapter III, Article 12",
            (("chapter", "III"), ("article", "12")),
        ),
    ],
)
def test_a_clause_place_is_read_as_its_path(
    text: str, printed: str, path: tuple[tuple[str, str], ...]
) -> None:
    loc = read_location(text)
    assert loc is not None and loc.kind == "provision"
    assert loc.path == path
    assert str(loc) == printed


@pytest.mark.parametrize(
    "text", ["Paragraph 13(b)", "Rule 13A – Immunity", "Section 3 of the Act is amended", "Title"]
)
def test_what_is_no_clause_place_is_left_as_it_was(text: str) -> None:
    loc = read_location(text)
    assert loc is None or loc.kind != "provision"


AMENDMENTS = """\
Amendment 1
Tabled by: Mr Smith
Leave out paragraph 1 of Rule 5 and insert the following new paragraph:
"1. The Assembly may deliberate whatever the number of members present."

Amendment 2
Tabled by: Ms Jones
Replace paragraph 2 of Rule 8 with the following text:
"Once adopted, the order of business may be amended only by the Assembly."

Amendment 3
Rule 6, paragraph 1, sub-paragraph (b)
Leave out "four" and insert "five"

Amendment 4
In Rule 7(2)(b), leave out "not less than one quarter" and insert "one third"

Amendment 5
After Rule 3 insert the following new Rule:
Rule 3A – Observers
1. The Bureau may invite observers.
2. Observers shall not vote.

Amendment 6
Rule 9
Leave out "two thirds" and insert "three fifths"

Amendment 7
Delete paragraph 3 of Rule 5

Amendment 8
After paragraph 2 of Rule 1 insert the following new paragraph:
"3. Substitutes shall be notified in the same way."
"""


def test_rules_amendments_in_each_wording_apply_and_nothing_else_changes() -> None:
    draft = _doc("rules-lo-typed.docx")
    amendments = parse_amendments(AMENDMENTS)
    assert all(c.ok for c in check_amendments(draft, amendments)), [
        c.problems for c in check_amendments(draft, amendments) if not c.ok
    ]
    result = apply_amendments(draft, amendments, votes={a.number: "adopted" for a in amendments})
    assert [o.outcome for o in result.outcomes] == ["applied"] * 8
    amended = result.document
    assert not schema.problems(amended.tree, house_style=False)
    changed = {
        (c.kind, c.label()) for c in diff_documents(draft, amended).changes if c.kind != "unchanged"
    }
    labels = {label for _, label in changed}
    # Exactly the provisions amended, named as the amendments name them.
    assert labels == {
        "Rule 1, paragraph 3",
        "Rule 3A",
        "Rule 3A, paragraph 1",
        "Rule 3A, paragraph 2",
        "Rule 5, paragraph 1",
        "Rule 5, paragraph 3",
        "Rule 6, paragraph 1(b)",
        "Rule 7, paragraph 2(b)",
        "Rule 8, paragraph 2",
        "Rule 9",
    }, labels
    for label in labels:  # and each label reads back as the place it names
        loc = read_location(label)
        assert loc is not None and loc.kind == "provision", label
    texts = {p.ref: p.text for p in amended.provisions()}
    assert texts["5(1)"] == "The Assembly may deliberate whatever the number of members present."
    assert texts["6(1)(b)"] == "the five Vice-Presidents; and"
    assert "one third of the members" in texts["7(2)(b)"]
    assert "5(3)" not in texts
    new_rule = next(p for p in amended.provisions() if p.num == "Rule 3A")
    assert new_rule.heading == "Observers"
    assert [(c.num, c.text) for c in new_rule.children] == [
        ("1.", "The Bureau may invite observers."),
        ("2.", "Observers shall not vote."),
    ]
    # Every provision the amendments do not name keeps its words.
    before = {p.ref: p.text for p in draft.provisions() if p.ref}
    touched = {"5(1)", "5(3)", "6(1)(b)", "7(2)(b)", "8(2)", "9"}
    for ref, text in before.items():
        if ref not in touched:
            assert texts[ref] == text, ref


def test_the_voting_list_follows_the_order_of_the_rules() -> None:
    draft = _doc("rules-lo-typed.docx")
    items = voting_list(draft, parse_amendments(AMENDMENTS))
    assert [i.amendment.number for i in items] == ["8", "5", "1", "7", "3", "4", "2", "6"]
    assert items[1].where == "After Rule 3"


def test_an_amendment_to_a_deleted_rule_falls() -> None:
    draft = _doc("rules-lo-typed.docx")
    amendments = parse_amendments(
        'Amendment 1\nDelete Rule 5\n\nAmendment 2\nRule 5, paragraph 2\nLeave out "one third"'
        ' and insert "one half"\n'
    )
    result = apply_amendments(draft, amendments, votes={"1": "adopted", "2": "adopted"})
    assert [o.outcome for o in result.outcomes] == ["applied", "fell"]
    assert not any(p.num == "Rule 5" for p in result.document.provisions())


@pytest.mark.parametrize(
    ("place", "problem"),
    [
        ("Rule 50", "rule 50 does not exist; the draft has rules 1 to 11"),
        ("Rule 5, paragraph 9", "Rule 5, paragraph 9 does not exist; Rule 5 has paragraphs 1 to 3"),
        ("Paragraph 1", "could be any of 8 provisions (Rule 1, paragraph 1; Rule 2, paragraph 1;"),
    ],
)
def test_a_place_the_rules_do_not_have_is_refused_saying_what_they_have(
    place: str, problem: str
) -> None:
    loc = read_location(place)
    assert loc is not None
    with pytest.raises(AmendmentTargetError) as err:
        locate(_fixture("rules-lo-typed.docx"), loc)
    assert problem.lower() in err.value.message.lower()


def test_an_article_of_a_resolution_is_refused_as_such() -> None:
    from drafting import io
    from drafting.demo import example_path

    loc = read_location("Article 3")
    assert loc is not None
    with pytest.raises(AmendmentTargetError, match="is a resolution"):
        locate(io.load(example_path("resolution-495.akn.xml")), loc)


def test_a_roman_article_is_found_by_its_arabic_number() -> None:
    doc = _fixture("bylaws-draft.docx")
    for place in ("Article III, Section 3.07", "Article 3, Section 3.07", "Section 3.07"):
        loc = read_location(place)
        assert loc is not None
        host = locate(doc, loc)
        assert host.provision is not None
        assert (host.provision.num or "").startswith("Section 3.07")


def test_a_bill_is_amended_by_section_and_bracketed_subdivisions() -> None:
    draft = _doc("uk-bill-styled.docx")
    amendments = parse_amendments(
        "Amendment 1\nIn section 2(1)(b)(ii), leave out “premises” and insert “buildings”\n\n"
        "Amendment 2\nSection 1(3)\nLeave out the subsection\n"
    )
    result = apply_amendments(draft, amendments, votes={"1": "adopted", "2": "adopted"})
    texts = {p.ref: p.text for p in result.document.provisions() if p.ref}
    assert texts["2(1)(b)(ii)"].startswith("to buildings within the area")
    assert "1(3)" not in texts and "1(2)" in texts


@pytest.mark.parametrize(
    ("draft", "final"),
    [
        ("bylaws-draft.docx", "bylaws-final.docx"),
        ("constitution-2019.md", "constitution-2024.md"),
    ],
)
def test_amendments_written_from_an_edit_give_the_edit(draft: str, final: str) -> None:
    before, after = _doc(draft), _doc(final)
    drafted = amendments_from_edit(before, after, style="nato-pa")
    assert drafted.amendments and not drafted.skipped
    text = write_amendments(drafted.amendments, "nato-pa")
    read = parse_amendments(text)
    result = apply_amendments(before, read, votes={a.number: "adopted" for a in read})
    left = [
        c.label() for c in diff_documents(result.document, after).changes if c.kind != "unchanged"
    ]
    assert left == []


def test_a_bylaws_amendment_is_written_with_the_shortest_place_that_is_certain() -> None:
    drafted = amendments_from_edit(_doc("bylaws-draft.docx"), _doc("bylaws-final.docx"))
    assert [str(a.location) for a in drafted.amendments] == ["Section 3.07", "Section 4.03"]


def test_a_new_rule_keeps_its_label_and_heading_through_writing_and_reading() -> None:
    (a,) = parse_amendments(
        "Amendment 1\nAfter Rule 13 insert the following new Rule:\nRule 13A – Immunity\n"
        "1. Members enjoy immunity.\n2. It may be waived.\n"
    )
    (op,) = a.operations
    assert isinstance(op, InsertProvisions)
    (rule,) = op.provisions
    assert (rule.label, rule.heading, rule.markup) == ("Rule 13A", "Immunity", "")
    assert [(p.label, p.markup) for p in rule.points] == [
        ("1.", "Members enjoy immunity."),
        ("2.", "It may be waived."),
    ]
    (again,) = parse_amendments(write_amendments([a], "nato-pa"))
    assert again == a
    (back,) = again.operations
    assert isinstance(back, InsertProvisions)
    assert [p.label for p in back.provisions[0].points] == ["1.", "2."]


def _leaves(doc: Document) -> list[Provision]:
    return [p for p in doc.provisions() if p.ref and p.text.strip() and not p.children]


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_edits_to_the_rules_round_trip_through_written_amendments(data: st.DataObject) -> None:
    """Change words in some provisions, delete one: the amendments written from that
    edit, adopted, give the edit, and every other provision keeps its words."""
    draft = _doc("rules-lo-typed.docx")
    edited = draft.copy()
    leaves = _leaves(edited)
    picked = data.draw(st.sets(st.integers(0, len(leaves) - 1), min_size=1, max_size=4))
    for i in sorted(picked):
        p = leaves[i]
        words = p.text.split()
        k = data.draw(st.integers(0, len(words) - 1))
        new = data.draw(st.sampled_from(["Assembly", "Council", "promptly", "forty"]))
        words[k] = new
        p.set_text(" ".join(words))
    if data.draw(st.booleans()):
        rest = [p for j, p in enumerate(leaves) if j not in picked and p.parent is not None]
        if rest and len(rest[0].parent.children) > 1:  # type: ignore[union-attr]
            rest[0].delete()
    drafted = amendments_from_edit(draft, edited, style="nato-pa")
    want = {p.ref: p.text for p in edited.provisions() if p.ref}
    if not drafted.amendments:  # the edit put back the word that was there
        assert {p.ref: p.text for p in draft.provisions() if p.ref} == want
        return
    read = parse_amendments(write_amendments(drafted.amendments, "nato-pa"))
    result = apply_amendments(draft, read, votes={a.number: "adopted" for a in read})
    got = {p.ref: p.text for p in result.document.provisions() if p.ref}
    assert got == want


def test_replacing_a_rule_with_paragraphs_keeps_the_hierarchy_valid() -> None:
    draft = _doc("rules-lo-typed.docx")
    (a,) = parse_amendments(
        "Amendment 1\nRule 9\nReplace the rule with the following:\n"
        "1. Sittings shall be public.\n2. The Assembly may decide otherwise.\n"
    )
    assert isinstance(a.operations[0], ReplaceProvision)
    result = apply_amendments(draft, [a], votes={"1": "adopted"})
    rule = next(p for p in result.document.provisions() if p.num == "Rule 9")
    assert [c.text for c in rule.children] == [
        "Sittings shall be public.",
        "The Assembly may decide otherwise.",
    ]
    assert not schema.problems(result.document.tree, house_style=False)


def test_deleting_the_last_paragraph_leaves_the_rule_its_words() -> None:
    draft = _doc("rules-lo-typed.docx")
    amendments = parse_amendments(
        "Amendment 1\nDelete paragraph 1 of Rule 2\n\nAmendment 2\nDelete paragraph 2 of Rule 2\n"
    )
    assert all(isinstance(a.operations[0], DeleteProvision) for a in amendments)
    result = apply_amendments(draft, amendments, votes={"1": "adopted", "2": "adopted"})
    assert not schema.problems(result.document.tree, house_style=False)


@pytest.mark.parametrize(
    "wording",
    [
        "In clause 2(1)(b)(ii), leave out “premises” and insert “buildings”",
        "Clause 2, page 1, line 29, leave out “premises” and insert “buildings”",
        "Section 2 – subsection 1 – paragraph b – sub-paragraph ii\n"
        "Leave out “premises” and insert “buildings”",
    ],
)
def test_a_bill_amendment_in_each_house_wording_reaches_the_same_words(wording: str) -> None:
    """A bill's clauses are an Act's sections: the Public Bill Office's "Clause 2, page
    1, line 29", a committee's "clause 2(1)(b)(ii)" and the European Parliament's
    dashes all name sub-paragraph (ii) of section 2(1)(b)."""
    draft = _doc("uk-bill-styled.docx")
    amendments = parse_amendments(f"Amendment 1\n{wording}\n")
    (check,) = check_amendments(draft, amendments)
    assert check.ok, check.problems
    result = apply_amendments(draft, amendments, votes={"1": "adopted"})
    texts = {p.ref: p.text for p in result.document.provisions() if p.ref}
    assert texts["2(1)(b)(ii)"] == "to buildings within the area to which the scheme relates."


@pytest.mark.parametrize(
    ("name", "place", "found"),
    [
        ("rules-lo-typed.docx", "Rule 5.2", "A quorum shall exist"),  # Rule 5, paragraph 2
        ("rules-lo-typed.docx", "Rule 5(2)", "A quorum shall exist"),
        ("bylaws-draft.docx", "Article III, Section 7", "Thirty members"),  # Section 3.07
        ("bylaws-draft.docx", "Section 3.07 of Article III", "Thirty members"),
    ],
)
def test_the_short_forms_tablers_use_find_the_provision(name: str, place: str, found: str) -> None:
    loc = read_location(place)
    assert loc is not None
    host = locate(_fixture(name), loc)
    assert host.text.startswith(found)
