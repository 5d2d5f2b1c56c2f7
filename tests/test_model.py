"""Querying and editing a resolution through the model."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, assert_valid, benchmark_generator
from hypothesis import example, given, settings
from hypothesis import strategies as st

from drafting import io
from drafting.akn.elements import AknElement
from drafting.akn.parser import make
from drafting.errors import ProvisionNotFoundError
from drafting.model import Document
from drafting.model.provision import Provision, parts


@pytest.mark.parametrize("ref", ["13(b)", "13 b", "13b", "13.b", "13 (b)"])
def test_find_accepts_the_ways_a_secretary_writes_a_sub_paragraph(r495: Document, ref: str) -> None:
    assert r495.find(ref).eid == "para_13__list_1__point_b"


def test_find_says_what_exists_when_a_paragraph_does_not(r495: Document) -> None:
    with pytest.raises(ProvisionNotFoundError) as info:
        r495.find("14")
    assert str(info.value).startswith(
        "paragraph 14 does not exist; the draft has paragraphs 1 to 13"
    )


def test_find_says_what_exists_when_a_sub_paragraph_does_not(r495: Document) -> None:
    with pytest.raises(
        ProvisionNotFoundError,
        match=r"sub-paragraph 13\(k\) does not exist; "
        r"paragraph 13 has sub-paragraphs a to j",
    ):
        r495.find("13(k)")


def test_provision_text_excludes_the_number_and_includes_the_lead_phrase(r495: Document) -> None:
    p = r495.find("1")
    assert p.text.startswith("Recognising that Artificial Intelligence (AI) will transform")
    assert p.markup.startswith("**Recognising** that")
    assert r495.find("13(b)").text.startswith("to continue developing")


def test_metadata_and_title_read_from_the_xml(r495: Document) -> None:
    assert r495.title.startswith("HARNESSING OPPORTUNITIES")
    assert r495.number == "495"
    assert r495.formula == "The Assembly,"
    assert r495.house_style.name == "nato-pa"
    assert r495.metadata.body == "NATO Parliamentary Assembly"


def test_set_metadata_keeps_the_house_style_and_validates(r495: Document) -> None:
    md = r495.metadata.with_changes(rapporteur="Jane Doe")
    r495.set_metadata(md)
    assert r495.metadata.rapporteur == "Jane Doe"
    assert r495.house_style.name == "nato-pa"
    assert_valid(r495)


def test_adding_a_sub_paragraph_to_a_plain_paragraph_makes_its_words_the_intro(
    r495: Document,
) -> None:
    q = r495.add("paragraph", "**CALLS UPON** member states:")
    assert q.element.child("content") is not None
    q.add_point("to act;")
    r495.renumber()
    assert q.ref == "14" and q.children[0].ref == "14(a)"
    assert q.text == "CALLS UPON member states:"
    assert q.element.child("content") is None
    assert q.children[0].eid == "para_14__list_1__point_a"
    assert_valid(r495)


def test_two_proxies_on_one_element_are_equal(r495: Document) -> None:
    assert r495.find("13(b)") == r495.get("para_13__list_1__point_b")
    assert len({r495.find("3"), r495.find("3")}) == 1


def test_copy_is_independent(r495: Document) -> None:
    other = r495.copy()
    other.find("1").delete()
    assert len(r495.recitals) == 12 and len(other.recitals) == 11


# -- parts: every property of a provision in one look ------------------------------

words = st.sampled_from(["", " 13. ", "a.", "to act;", "x & y"])
blocks = st.lists(words.map(lambda t: ("p", t)), min_size=1, max_size=2)
# Any child, in any order, repeated or missing: the one pass must pick the same ones.
children: st.SearchStrategy[list[tuple[str, object]]] = st.deferred(
    lambda: st.lists(
        st.one_of(
            words.map(lambda t: ("num", t)),
            words.map(lambda t: ("p", t)),
            blocks.map(lambda b: ("content", b)),
            blocks.map(lambda b: ("intro", b)),
            blocks.map(lambda b: ("wrapUp", b)),
            st.lists(
                st.one_of(
                    blocks.map(lambda b: ("intro", b)),
                    blocks.map(lambda b: ("wrapUp", b)),
                    children.map(lambda c: ("point", c)),
                ),
                max_size=3,
            ).map(lambda c: ("list", c)),
            children.map(lambda c: ("point", c)),
        ),
        max_size=5,
    )
)


def build(name: str, spec: object) -> AknElement:
    el = make(name)
    if isinstance(spec, str):
        el.text = spec
        return el
    assert isinstance(spec, list)
    for child_name, child_spec in spec:
        el.append(build(child_name, child_spec))
    return el


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["citation", "recital", "paragraph", "point"]), children)
@example(  # an intro both in the list and beside it: the list's wins, as in the model
    "paragraph",
    [("intro", [("p", "beside")]), ("list", [("intro", [("p", "in")]), ("point", [])])],
)
def test_parts_read_in_one_pass_are_those_the_properties_find(
    kind: str, spec: list[tuple[str, object]]
) -> None:
    root = Provision(build(kind, spec))
    for p in root.walk():
        found = parts(p.element)
        assert found == (
            p.num,
            p.blocks,
            [c.element for c in p.children],
            p.wrap_up_blocks,
        )


def test_parts_are_the_properties_for_every_provision_of_the_examples() -> None:
    docs = [io.load(path) for path in sorted(EXAMPLES.glob("*.akn.xml"))]
    docs.append(benchmark_generator().make_resolution(40))
    for doc in docs:
        for p in doc.provisions():
            assert parts(p.element) == (
                p.num,
                p.blocks,
                [c.element for c in p.children],
                p.wrap_up_blocks,
            )
