"""The one XML parser refuses what could hurt and says what is wrong in one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafting import io
from drafting.akn.parser import parse_akn, serialize
from drafting.errors import NotAkomaNtosoError, SchemaError, XMLSyntaxError

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol4;</akomaNtoso>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>
"""

REMOTE_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso SYSTEM "http://example.com/akn.dtd">
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>
"""


@pytest.mark.parametrize("data", [BOMB, XXE, REMOTE_DTD], ids=["bomb", "xxe", "remote-dtd"])
def test_a_doctype_is_refused_quickly_with_a_hint(data: bytes) -> None:
    start = time.monotonic()
    with pytest.raises(XMLSyntaxError) as info:
        parse_akn(data, "evil.xml")
    assert time.monotonic() - start < 1
    assert "DOCTYPE" in str(info.value) and "evil.xml" in str(info.value)
    assert "passwd" not in str(info.value)


def test_malformed_xml_names_the_file_and_the_line() -> None:
    with pytest.raises(XMLSyntaxError) as info:
        parse_akn(b"<akomaNtoso>\n<statement>\n</akomaNtoso>", "bad.xml")
    assert info.value.location.file == "bad.xml"
    assert info.value.location.line == 3


def test_deeply_nested_elements_are_refused_not_a_crash() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(XMLSyntaxError):
        parse_akn(data, "deep.xml")


def test_xml_that_is_not_akoma_ntoso_is_named_as_such(tmp_path: Path) -> None:
    f = tmp_path / "other.xml"
    f.write_bytes(b"<html><body/></html>")
    with pytest.raises(NotAkomaNtosoError) as info:
        io.load(f)
    assert "not an Akoma Ntoso" in str(info.value) and str(f) in str(info.value)


def test_an_empty_act_is_refused_by_the_schema(tmp_path: Path) -> None:
    f = tmp_path / "act.xml"
    f.write_bytes(
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        b'<act name="act"/></akomaNtoso>'
    )
    with pytest.raises(SchemaError):
        io.load(f)


def test_a_judgment_is_not_taken_for_a_resolution(tmp_path: Path) -> None:
    f = tmp_path / "judgment.xml"
    f.write_bytes(
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        b'<judgment name="j"/></akomaNtoso>'
    )
    with pytest.raises(NotAkomaNtosoError, match="not a <statement>"):
        io.load(f)


def test_serialising_never_adds_space_inside_inline_markup() -> None:
    tree = parse_akn(
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>'
        b"<preamble><recitals><recital><p><b><inline>Noting</inline></b><i>x</i> y</p>"
        b"</recital></recitals></preamble></statement></akomaNtoso>"
    )
    out = serialize(tree)
    assert b"<p><b><inline>Noting</inline></b><i>x</i> y</p>" in out
    assert b"\n    <preamble>" in out


def test_an_element_of_another_namespace_never_passes_for_an_akn_one() -> None:
    # Every element of a parsed tree gets the AKN element class (the cheaper lookup);
    # one in another namespace must still not be taken for the AKN element it is named like.
    tree = parse_akn(
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
        b' xmlns:x="urn:other"><statement name="resolution"><mainBody>'
        b'<paragraph eId="para_1"><num>1.</num><x:p>foreign</x:p><content><p>own</p>'
        b"</content></paragraph><x:paragraph eId='para_2'/><paragraph xmlns='' eId='p3'/>"
        b"</mainBody></statement></akomaNtoso>"
    )
    from drafting.akn.elements import AknElement
    from drafting.model.provision import Provision

    para, foreign, bare = tree.getroot()[0][0]
    assert isinstance(para, AknElement)
    assert isinstance(foreign, AknElement) and isinstance(bare, AknElement)
    assert foreign.local == "{urn:other}paragraph"
    assert bare.local == "{}paragraph"  # in no namespace: not AKN's either
    assert para.local == "paragraph"
    assert [c.local for c in para.children_named("num", "p", "content")] == ["num", "content"]
    assert para.child("p") is None
    for other in (foreign, bare):
        with pytest.raises(TypeError):
            Provision(other)
    from drafting.errors import ProvisionNotFoundError
    from drafting.model import Document

    doc = Document(tree)  # a lookup by eId passes over both
    for eid in ("para_2", "p3"):
        with pytest.raises(ProvisionNotFoundError):
            doc.get(eid)
    assert doc.get("para_1").element is para
    assert Provision(para).text == "own"
