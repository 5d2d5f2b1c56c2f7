"""Invariants of the diff on generated resolutions (hypothesis)."""

from __future__ import annotations

import datetime as dt

from conftest import assert_valid
from diff_cases import provision_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.diff import apply_diff, diff_documents
from drafting.model import NATO_PA, Document, Metadata, Provision
from drafting.model.provision import new_provision_element

MD = Metadata(number="7", body="Assembly", date=dt.date(2024, 1, 1), country="xx", actor="pa")
WORDS = st.sampled_from(
    [
        "the",
        "Assembly",
        "member",
        "states",
        "urge",
        "to",
        "ensure",
        "support",
        "cyber",
        "energy",
        "security",
        "oversight",
        "climate",
        "defence,",
        "AI;",
        "report",
        "and",
        "of",
        "on",
    ]
)
CLAUSE = st.lists(WORDS, min_size=2, max_size=12).map(lambda ws: " ".join(ws) + ";")
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def documents(draw: st.DrawFn) -> Document:
    doc = Document.new(MD, NATO_PA, "A resolution")
    # At least one recital: the profile expects 'NaN.' for NATO paragraphs without any.
    for _ in range(draw(st.integers(1, 4))):
        doc.add("recital", f"**Recalling** {draw(CLAUSE)}")
    for _ in range(draw(st.integers(1, 5))):
        para = doc.add("paragraph", f"**Urges** {draw(CLAUSE)}")
        for _ in range(draw(st.integers(0, 3))):
            point = para.add_point(draw(CLAUSE))
            if draw(st.booleans()) and draw(st.booleans()):
                point.add_point(draw(CLAUSE))
    doc.renumber()
    return doc


LEAD = {"recital": "**Recalling** ", "paragraph": "**Urges** ", "point": ""}


def _edit(draw: st.DrawFn, doc: Document) -> None:
    provs = list(doc.provisions())
    op = draw(st.sampled_from(["insert", "delete", "edit", "move", "point"]))
    if op == "insert":
        target = draw(st.sampled_from(provs))
        new = new_provision_element(target.kind, LEAD[target.kind] + draw(CLAUSE))
        target.insert_sibling(Provision(new), after=draw(st.booleans()))
    elif op == "delete" and len(doc.paragraphs) > 1:
        # The last recital is kept: the model leaves an empty <recitals> behind.
        target = draw(st.sampled_from(provs))
        if not (target.kind == "recital" and len(doc.recitals) == 1):
            target.delete()
    elif op == "edit":
        target = draw(st.sampled_from(provs))
        target.set_text(LEAD[target.kind] + draw(CLAUSE))
    elif op == "move" and len(doc.paragraphs) > 1:
        paras = doc.paragraphs
        a, b = draw(st.sampled_from(paras)), draw(st.sampled_from(paras))
        if a != b:
            el = a.element
            parent = el.getparent()
            assert parent is not None
            parent.remove(el)
            b.element.addnext(el)
    elif op == "point":
        target = draw(st.sampled_from(doc.paragraphs))
        target.add_point(draw(CLAUSE), index=draw(st.integers(0, 3)))


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Document, Document]:
    old = draw(documents())
    new = old.copy()
    for _ in range(draw(st.integers(0, 4))):
        _edit(draw, new)
    new.renumber()
    assert_valid(new)
    return old, new


def _identity(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.num, p.eid, p.wid) for p in doc.provisions()]


@SETTINGS
@given(pairs())
def test_applying_the_diff_of_a_and_b_to_a_gives_b(pair: tuple[Document, Document]) -> None:
    old, new = pair
    rebuilt = apply_diff(old, diff_documents(old, new))
    assert provision_lines(rebuilt) == provision_lines(new)
    assert _identity(rebuilt) == _identity(new)
    assert [p.markup for p in rebuilt.provisions()] == [p.markup for p in new.provisions()]
    assert_valid(rebuilt)


@SETTINGS
@given(pairs())
def test_applying_the_diff_of_b_and_a_to_b_gives_a(
    pair: tuple[Document, Document],
) -> None:
    old, new = pair
    rebuilt = apply_diff(new, diff_documents(new, old))
    assert provision_lines(rebuilt) == provision_lines(old)


@SETTINGS
@given(documents())
def test_a_document_compared_with_itself_has_no_differences(doc: Document) -> None:
    result = diff_documents(doc, doc.copy())
    assert result.same
    assert result.differences == ()
    assert result.summary_line() == "no differences"


@SETTINGS
@given(documents(), CLAUSE, st.integers(0, 1))
def test_one_paragraph_inserted_near_the_top_is_one_insertion_plus_renumberings(
    doc: Document, words: str, at: int
) -> None:
    new = doc.copy()
    tops = new.top_level
    anchor = tops[min(at, len(tops) - 1)]
    anchor.insert_sibling(
        Provision(new_provision_element(anchor.kind, f"**Notes** {words} unique-marker")),
        after=False,
    )
    new.renumber()
    result = diff_documents(doc, new)
    kinds = [c.kind for c in result.differences]
    assert kinds.count("inserted") == 1
    assert set(kinds) <= {"inserted", "renumbered"}
    later = [c for c in result.changes if c.kind != "inserted" and c.subject != "title"]
    assert all(not c.text_changed for c in later)
