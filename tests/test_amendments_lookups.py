"""The shortcuts the amendments stage takes through a draft find what a walk would.

Checking, listing and applying a thousand amendments reads the draft through lxml
rather than the provision proxies; each test compares a shortcut with the plain
walk it replaces, on drafts shaped to catch it out.
"""

from __future__ import annotations

import gc

import pytest
from conftest import EXAMPLES, XREF_DRAFT, assert_valid

from drafting import io
from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.parser import make, sub
from drafting.amendments import apply_amendments, parse_amendments, voting_list
from drafting.amendments.apply import _naming_blocks
from drafting.amendments.exclusion import overlap_groups
from drafting.amendments.phrases import read_location
from drafting.amendments.resolve import check_amendments
from drafting.amendments.voting import provision_order
from drafting.model.document import Document
from drafting.text import read_text


def _walked(doc: Document) -> list[tuple[object, AknElement]]:
    """What ``_follow_references`` looked at before: every block of every provision."""
    return [
        (p.element, b)
        for p in doc.provisions()
        for b in p.blocks + p.wrap_up_blocks
        if "paragraph" in text_of(b) or "recital" in text_of(b)
    ]


def _with_wrap_up(doc: Document) -> Document:
    """Paragraph 3 with words after its sub-paragraphs that name paragraph 1."""
    lst = doc.find("3").element.child("list")
    assert lst is not None
    wrap = sub(lst, "wrapUp")
    sub(wrap, "p", text="as recalled in paragraph 1.")
    return doc


@pytest.mark.parametrize("name", ["resolution-495", "un-ga-example", "ep-example"])
def test_the_reading_order_of_provisions_is_the_walks_for_every_example(name: str) -> None:
    doc = io.load(EXAMPLES / f"{name}.akn.xml")
    walked = [p.element for p in doc.provisions()]
    assert list(provision_order(doc)) == walked
    assert list(provision_order(doc).values()) == list(range(len(walked)))


def test_a_point_the_walk_does_not_reach_leaves_the_reading_order_to_the_walk() -> None:
    doc = read_text(XREF_DRAFT).document
    # A point directly in a paragraph that has a list: the model ignores it, and so
    # must the order (else every rank after it shifts by one).
    stray = make("point", {"eId": "stray"})
    doc.find("3").element.append(stray)
    walked = [p.element for p in doc.provisions()]
    assert stray not in walked
    assert list(provision_order(doc)) == walked


def test_blocks_naming_a_provision_are_found_in_the_order_the_walk_gives() -> None:
    doc = _with_wrap_up(read_text(XREF_DRAFT).document)
    found = [(p.element, b) for p, b in _naming_blocks(doc)]
    assert found == _walked(doc)
    # The wrap-up of paragraph 3 comes after its own words and before 3(a).
    texts = [text_of(b) for _, b in found]
    assert texts.index("as recalled in paragraph 1.") < texts.index(
        "to act as in paragraph 3(c), and again;"
    )


def test_a_word_split_by_a_note_reference_is_still_found() -> None:
    doc = read_text(XREF_DRAFT).document
    block = doc.find("2").blocks[0]
    # "para<noteRef/>graph 1": the clause text reads "paragraph 1", the XML does not.
    for child in list(block):
        block.remove(child)
    block.text = "**Noting** para"
    ref = sub(block, "noteRef", {"href": "#n1", "marker": "1"})
    ref.tail = "graph 1 of the report;"
    assert "paragraph 1" in text_of(block)
    assert [(p.element, b) for p, b in _naming_blocks(doc)] == _walked(doc)
    assert any(b is block for _, b in _naming_blocks(doc))


def test_references_in_words_after_sub_paragraphs_follow_the_renumbering() -> None:
    doc = _with_wrap_up(read_text(XREF_DRAFT).document)
    amended = apply_amendments(
        doc,
        parse_amendments(
            "Amendment 1\nTabled by: X\nParagraph 2\nDelete paragraph\nStatus: adopted\n", "a.txt"
        ),
    )
    out = amended.document
    assert_valid(out)
    lst = out.find("2").element.child("list")
    assert lst is not None
    wrap = lst.child("wrapUp")
    assert wrap is not None
    assert text_of(wrap.children_named("p")[0]) == "as recalled in paragraph 1."
    assert out.find("2(a)").text == "to act;"
    assert out.find("2(b)").text == "to act as in paragraph 2(c), and again;"
    assert [(x.old, x.new) for x in amended.cross_references] == [
        ("3(c)", "2(c)"),
        ("3(b)", "2(b)"),
        ("3(c)", "2(c)"),
    ]


def test_a_deleted_paragraph_meets_its_sub_paragraphs_when_nobody_holds_the_paragraph() -> None:
    doc = read_text(XREF_DRAFT).document
    checks = check_amendments(
        doc,
        parse_amendments(
            'Amendment 1\nParagraph 3(a)\nLeave out "to act"\n\n'
            'Amendment 2\nParagraph 3(c)\nLeave out "to report"\n\n'
            "Amendment 3\nParagraph 3\nDelete paragraph\n",
            "a.txt",
        ),
    )
    # lxml makes a fresh proxy for an element nobody holds; keys that were ids could
    # then differ for the same paragraph (or match another one).
    churn = [p.element for p in doc.provisions()]
    del churn
    gc.collect()
    (group,) = overlap_groups(checks)
    assert group.members == ("1", "2", "3")
    assert not group.exclusive
    assert group.pairs == (("1", "3"), ("2", "3"))
    assert group.where == "paragraph 3"


def test_a_deleted_sub_paragraph_makes_an_amendment_to_its_own_point_fall() -> None:
    doc = _deep_draft()
    amendments = parse_amendments(
        "Amendment 1\nParagraph 1(a)\nDelete sub-paragraph\nStatus: adopted\n\n"
        'Amendment 2\nParagraph 1(a)(i)\nLeave out "first"\nStatus: adopted\n',
        "a.txt",
    )
    listed = {i.amendment.number: i.falls for i in voting_list(doc, amendments)}
    assert listed["1"] == ("2",)
    amended = apply_amendments(doc, amendments)
    assert {o.number: o.outcome for o in amended.outcomes} == {"1": "applied", "2": "fell"}


def _deep_draft() -> Document:
    doc = read_text(
        "T\n\nRESOLUTION 1\n\nThe Assembly,\n\n"
        "1. **URGES** governments:\n - a. to act:\n - b. to report.\n"
        "2. **DECIDES** to remain seized.\n"
    ).document
    a = doc.find("1(a)")
    a.add_point("in the first place;")
    a.add_point("in the second place;")
    doc.renumber()
    assert doc.find("1(a)(i)").text == "in the first place;"
    return doc


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("In the title", "title"),
        ("in paragraph 3", "3"),
        ("OP5", "5"),
        ("pp 3", "3"),
        ("Sub-subparagraph (ii) of paragraph 13(b)", "13(b)(ii)"),
        ("Point b of paragraph 2", "2(b)"),
        ("Paragraph 13.b", "13(b)"),
        ("Paragraph 1 – point b", "1(b)"),
        ("Paragraph 2 a (new)", "2"),
    ],
)
def test_places_are_read_whatever_they_start_with(line: str, ref: str) -> None:
    loc = read_location(line)
    assert loc is not None
    assert (loc.ref or loc.kind) == ref
