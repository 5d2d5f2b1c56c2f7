"""Editing clause text inside mixed content keeps markup where it belongs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from drafting.akn.inline import normalize_space, replace_text, segments, text_of
from drafting.akn.parser import make
from drafting.model.markup import fill_block, render_markup


def _p(markup: str) -> etree._Element:
    p = make("p")
    fill_block(p, markup, phrase_name="preambularPhrase")
    return p


def test_text_inserted_right_after_a_lead_phrase_is_not_bold() -> None:
    p = _p("**Recognising** that AI matters;")
    replace_text(p, len("Recognising"), len("Recognising"), " fully")
    assert render_markup(p) == "**Recognising** fully that AI matters;"


def test_replacing_words_across_markup_keeps_the_surrounding_markup() -> None:
    p = _p("**Welcoming** the Strategy and **reaffirming** the Principles;")
    text = text_of(p)
    start = text.index("the Strategy")
    end = text.index("reaffirming") + len("reaffirming")
    replace_text(p, start, end, "the plan and endorsing")
    assert render_markup(p) == "**Welcoming** the plan and endorsing the Principles;"


def test_deleting_a_whole_lead_phrase_removes_its_empty_wrapper() -> None:
    p = _p("**Noting** the report;")
    replace_text(p, 0, len("Noting "), "")
    assert etree.tostring(p).count(b"<b") == 0
    assert text_of(p) == "the report;"


def test_notes_are_not_clause_text_and_survive_an_edit() -> None:
    p = _p("the Convention[^1] of 1949;")
    note = make("authorialNote", {"marker": "1"})
    note.append(make("p", text="A note."))
    p.text = "the Convention"
    p.append(note)
    note.tail = " of 1949;"
    assert text_of(p) == "the Convention of 1949;"
    replace_text(p, text_of(p).index("1949"), len(text_of(p)) - 1, "1977")
    assert text_of(p) == "the Convention of 1977;"
    assert p.find(".//{*}authorialNote") is not None


words = st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=1, max_size=12)


@given(words, st.data())
def test_replace_text_changes_exactly_the_range_and_nothing_else(
    ws: list[str], data: st.DataObject
) -> None:
    markup = "**" + ws[0] + "** " + " ".join(ws[1:]) if len(ws) > 1 else ws[0]
    p = _p(markup)
    before = text_of(p)
    start = data.draw(st.integers(0, len(before)))
    end = data.draw(st.integers(start, len(before)))
    new = data.draw(st.text(alphabet="xyz ", max_size=5))
    replace_text(p, start, end, new)
    assert text_of(p) == before[:start] + new + before[end:]


@given(st.lists(st.sampled_from(["a", "b c", "  ", "**d**", "*e*", "f  g"]), max_size=8))
def test_markup_round_trips_through_akn(parts: list[str]) -> None:
    markup = " ".join(parts)
    p = _p(markup)
    again = _p(render_markup(p))
    assert etree.tostring(again) == etree.tostring(p)


def test_normalize_space_collapses_runs_across_elements() -> None:
    p = make("p")
    p.text = "  a  "
    b = make("b", text=" b ")
    p.append(b)
    b.tail = "  c "
    normalize_space(p)
    assert text_of(p) == "a b c"


def test_normalize_space_keeps_no_break_spaces() -> None:
    p = make("p")
    p.text = "25\u00a0November  2024"
    normalize_space(p)
    assert text_of(p) == "25\u00a0November 2024"


_CHILD_TAGS = ["b", "i", "inline", "authorialNote", "num", "noteRef", "eol", "sup"]


@st.composite
def _mixed(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    el: etree._Element = make(draw(st.sampled_from(_CHILD_TAGS)) if depth else "p")
    el.text = draw(st.sampled_from([None, "", "a ", " b", "c d"]))
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["element", "comment", "pi"]))
        if kind == "element":
            child = draw(_mixed(depth + 1))
        elif kind == "comment":
            child = etree.Comment("not text")
        else:
            child = etree.ProcessingInstruction("pi", "not text")
        child.tail = draw(st.sampled_from([None, "e", " f "]))
        el.append(child)
    return el


@given(_mixed())
def test_clause_text_is_the_text_of_its_segments_whatever_the_nesting(
    block: etree._Element,
) -> None:
    # text_of takes a shortcut through libxml2 when no note or label is inside; it
    # must read exactly what the segments that edits work on read.
    assert text_of(block) == "".join(s.get() for s in segments(block))
