"""The profile schema catches what the AKN schema alone lets through."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable

import pytest
from conftest import EXAMPLES, ROOT
from lxml import etree

from drafting.akn import schema
from drafting.akn.ns import q
from drafting.errors import SchemaError
from drafting.model import Document


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.akn.xml")), ids=lambda p: p.name)
def test_every_example_is_valid_against_the_official_schema_and_the_profile(path) -> None:  # type: ignore[no-untyped-def]
    from drafting import io

    doc = io.load(path, validate=False)
    assert schema.problems(doc.tree) == []


def test_the_official_schema_is_cobalts_copy_of_the_oasis_release() -> None:
    import hashlib

    digest = hashlib.sha256(schema.official_xsd_path().read_bytes()).hexdigest()
    assert digest == "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd"


def test_the_committed_profile_is_what_the_generator_writes() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "make_profile.py"), "--check"])
    assert run.returncode == 0, "schemas/resolution-profile.sch is stale: run tools/make_profile.py"


def _messages(doc: Document) -> list[str]:
    return [p.message for p in schema.problems(doc.tree)]


def test_a_gap_in_the_numbering_is_reported_with_the_expected_number(r495: Document) -> None:
    r495.find("5").element.child("num").text = "6."  # type: ignore[union-attr]
    msgs = _messages(r495)
    assert any("numbered '6.', expected '5.'" in m for m in msgs)
    assert any("eId does not follow the number" in m for m in msgs)


def test_a_sub_paragraph_out_of_sequence_is_reported(r495: Document) -> None:
    r495.find("13(c)").element.child("num").text = "d."  # type: ignore[union-attr]
    assert any("expected 'c.'" in m for m in _messages(r495))


def test_an_empty_provision_is_reported(r495: Document) -> None:
    block = r495.find("3").blocks[0]
    for child in list(block):
        block.remove(child)
    block.text = " "
    msgs = _messages(r495)
    assert any("has no text" in m for m in msgs)


def test_a_missing_lead_phrase_is_reported_in_nato_style(r495: Document) -> None:
    r495.find("2").set_text("the integration of AI;")
    msgs = _messages(r495)
    assert any("does not open with a lead phrase" in m for m in msgs)


def test_problems_carry_the_line_and_the_eid(r495: Document) -> None:
    from drafting import io

    r495.find("2").set_text("the integration of AI;")
    doc = io.loads(r495.to_bytes(), validate=False)
    found = schema.problems(doc.tree)
    assert found and found[0].eid == "preamble__recs_1__rec_2" and found[0].line


def test_a_duplicate_eid_is_caught_by_the_official_schema(r495: Document) -> None:
    r495.find("2").element.set("eId", "preamble__recs_1__rec_1")
    found = schema.problems(r495.tree)
    assert any(p.source == "akn" for p in found)


def test_notes_and_preface_are_outside_the_provision_checks(r495: Document) -> None:
    assert r495.statement.find(f".//{q('authorialNote')}") is not None
    assert _messages(r495) == []


def test_a_nato_resolution_without_preamble_numbers_its_paragraphs_from_one() -> None:
    import datetime as dt

    from drafting.model import NATO_PA, Metadata

    md = Metadata("7", "NATO Parliamentary Assembly", dt.date(2024, 1, 1), "nato", "nato-pa")
    doc = Document.new(md, NATO_PA, "T")
    doc.add("paragraph", "**URGES** action;")
    doc.add("paragraph", "**CALLS UPON** members;")
    doc.renumber()
    assert [p.num for p in doc.paragraphs] == ["1.", "2."]
    assert _messages(doc) == []
    doc.paragraphs[0].element.child("num").text = "3."  # type: ignore[union-attr]
    assert any("numbered '3.', expected '1.'" in m for m in _messages(doc))


def test_the_first_operative_paragraph_must_follow_the_last_preambular_one(r495: Document) -> None:
    r495.find("13").element.child("num").text = "14."  # type: ignore[union-attr]
    assert any("numbered '14.', expected '13.'" in m for m in _messages(r495))


def test_un_style_sub_sub_paragraphs_are_checked_in_roman_numerals() -> None:
    from drafting import io

    doc = io.load(EXAMPLES / "un-ga-example.akn.xml")
    doc.find("2(a)(ii)").element.child("num").text = "(iii)"  # type: ignore[union-attr]
    assert any("expected '(ii)'" in m for m in _messages(doc))


def test_the_inline_group_is_spliced_into_all_five_content_models_that_use_it() -> None:
    from drafting.akn.parser import parse_foreign

    path = schema.official_xsd_path()
    doc = parse_foreign(path.read_bytes(), str(path))
    assert schema._splice_inline_content(doc.getroot()) == 5


def _first(root: etree._Element, name: str) -> etree._Element:
    return next(root.iter(q(name)))


def _swap_first_children(el: etree._Element) -> None:
    el.insert(0, el[1])


def _inline_in_inline(root: etree._Element) -> None:
    bold = etree.SubElement(_first(root, "p"), q("b"))
    bold.append(etree.Element(q("p")))


def _text_in_paragraph(root: etree._Element) -> None:
    _first(root, "paragraph").text = "stray"


# One change per kind of schema error, half of them inside inline content.
_BREAKAGES: list[Callable[[etree._Element], object]] = [
    lambda r: _swap_first_children(_first(r, "paragraph")),  # wrong child order
    lambda r: _first(r, "p").append(etree.Element(q("bogus"))),  # unknown element
    lambda r: _first(r, "p").append(etree.Element(q("paragraph"))),  # block inside inline
    _inline_in_inline,  # block inside an inline inside a block
    lambda r: _first(r, "num").append(etree.Element(q("intro"))),  # wrong inline child
    lambda r: _first(r, "FRBRthis").attrib.pop("value"),  # missing required attribute
    lambda r: _first(r, "FRBRdate").set("date", "not a date"),  # bad attribute value
    _text_in_paragraph,  # text where not allowed
    lambda r: _first(r, "meta").append(etree.Element(q("p"))),  # element-only content
]


def test_the_spliced_schema_judges_documents_exactly_like_the_official_xsd(r495: Document) -> None:
    from drafting.akn.parser import parse_akn, parse_foreign

    path = schema.official_xsd_path()
    verbatim = etree.XMLSchema(parse_foreign(path.read_bytes(), str(path), path.as_uri()))
    for breakage in _BREAKAGES:
        tree = parse_akn(r495.to_bytes())
        breakage(tree.getroot())
        tree = parse_akn(etree.tostring(tree))  # every element gets a line number
        assert not verbatim.validate(tree)
        assert not schema.official_schema().validate(tree)
        expected = [(e.line, e.message) for e in verbatim.error_log]
        assert [(e.line, e.message) for e in schema.official_schema().error_log] == expected


def test_official_schema_problems_come_first_though_checked_beside_the_profile(
    r495: Document,
) -> None:
    # The official schema runs in a second thread; the report keeps its order.
    r495.recitals[1].element.set("eId", r495.recitals[0].eid or "")  # duplicate: XSD
    r495.find("5").element.child("num").text = "7."  # type: ignore[union-attr]  # profile
    found = schema.problems(r495.tree)
    sources = [p.source for p in found]
    assert "akn" in sources and "profile" in sources
    assert sources == sorted(sources)  # every "akn" before every "profile"


def test_a_failure_inside_the_official_check_reaches_the_caller(
    r495: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(tree: etree._ElementTree) -> list[schema.Problem]:
        raise MemoryError("libxml2 ran out")

    monkeypatch.setattr(schema, "schema_problems", broken)
    with pytest.raises(MemoryError, match="libxml2 ran out"):
        schema.problems(r495.tree)


def test_a_warm_up_compiles_the_official_schema_once_for_every_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(schema, "_COMPILED", [])
    splice = schema._splice_inline_content
    compiles: list[int] = []

    def counted(root: etree._Element) -> int:
        compiles.append(1)
        return splice(root)

    monkeypatch.setattr(schema, "_splice_inline_content", counted)
    schema.warm_up()
    schema.warm_up()
    _join_warm_ups()
    assert compiles == [1] and schema._COMPILED  # compiled by the warm-up, once
    compiled = schema.official_schema()
    assert schema.official_schema() is compiled
    assert compiles == [1]


def test_a_warm_up_that_fails_leaves_the_error_to_the_caller(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(schema, "_COMPILED", [])

    def missing() -> None:
        raise SchemaError("the official AKN 3.0 schema is missing")

    monkeypatch.setattr(schema, "official_xsd_path", missing)
    schema.warm_up()
    _join_warm_ups()
    assert not schema._COMPILED
    assert capsys.readouterr().err == ""  # the thread printed no traceback
    with pytest.raises(SchemaError, match="is missing"):
        schema.official_schema()


def _join_warm_ups() -> None:
    for thread in threading.enumerate():
        if thread.name == schema.WARM_UP_THREAD:
            thread.join()
