"""The Word body written element by element is the body python-docx's own API would write.

The exporters build paragraphs and runs with lxml, in the document's tree, instead of
python-docx's ``add_paragraph``/``add_run``/``Font`` setters (which cost seconds on a
long resolution).  These tests hold the two to the same XML: property order as the
schema wants it, ``xml:space`` where Word needs it, tabs and breaks as elements.

Regenerate the amendment golden files on purpose only:
``DRAFTING_UPDATE_GOLDEN=1 pytest tests/test_export_body.py``.
"""

from __future__ import annotations

import itertools
import os

import docx
import pytest
from conftest import EXAMPLES, GOLDEN
from docx.text.paragraph import Paragraph
from docx_dump import NS, W, dump, part, word_text
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from drafting.amendments import compile_amendments, read_amendment_files
from drafting.amendments.voting import voting_list
from drafting.docx_export import ooxml, write_docx
from drafting.docx_export.amendments_docx import compilation_docx, voting_list_docx
from drafting.model import Document

UPDATE = os.environ.get("DRAFTING_UPDATE_GOLDEN") == "1"

_TEXT = st.text(alphabet=" \t\n\rab é–&<", min_size=1, max_size=12)
_FONT = {"b": "bold", "i": "italic", "u": "underline", "sup": "superscript", "sub": "subscript"}
_PROPS = {
    "b": (f"{{{W}}}b", None),
    "i": (f"{{{W}}}i", None),
    "u": (f"{{{W}}}u", "single"),
    "sup": (f"{{{W}}}vertAlign", "superscript"),
    "sub": (f"{{{W}}}vertAlign", "subscript"),
}


#: A scratch document: python-docx's paragraphs need one to live in.
_SCRATCH = docx.Document()


def _pair() -> tuple[Paragraph, etree._Element]:
    """A paragraph added by python-docx and one added in place, empty, side by side."""
    body = _SCRATCH.element.body
    for p in body.findall("w:p", NS):
        body.remove(p)
    return _SCRATCH.add_paragraph(), ooxml.append_paragraph(body)


@given(_TEXT, st.lists(st.sampled_from(["b", "i", "u", "sup", "sub"]), unique=True, max_size=3))
def test_a_run_built_in_place_is_the_run_python_docx_add_run_writes(
    text: str, marks: list[str]
) -> None:
    if "sup" in marks and "sub" in marks:
        marks.remove("sub")  # one vertical alignment per run
    expected, got = _pair()
    run = expected.add_run(text)
    for mark in marks:
        setattr(run.font, _FONT[mark], True)
    # In schema order, as the writers list them.
    order = [m for m in ("b", "i", "u", "sup", "sub") if m in marks]
    ooxml.append_text(ooxml.append_run(got, [_PROPS[m] for m in order]), text)
    assert etree.tostring(got) == etree.tostring(expected._p)


def test_a_paragraph_built_in_place_is_the_paragraph_python_docx_add_paragraph_writes() -> None:
    expected = _SCRATCH.add_paragraph(" Heading\ttext ", style="Heading 2")
    got = ooxml.append_paragraph(_SCRATCH.element.body, "Heading2")
    ooxml.append_text(ooxml.append_run(got), " Heading\ttext ")
    assert etree.tostring(got) == etree.tostring(expected._p)


def _deep(r495: Document) -> Document:
    """Resolution 495 with paragraph 13(b) nested three levels deeper than the styles go,
    and words after its sub-paragraphs (AKN wrapUp)."""
    doc = r495.copy()
    b = doc.find("13(b)")
    deepest = b.add_point("first level below").add_point("second level below")
    deepest.add_point("third level below")
    doc.renumber()
    return doc


@pytest.mark.parametrize("numbering", [False, True], ids=["typed", "word-numbering"])
def test_a_provision_deeper_than_the_styles_is_indented_a_step_per_level_in_schema_order(
    r495: Document, numbering: bool
) -> None:
    data = write_docx(_deep(r495), word_numbering=numbering)
    body = part(data, "word/document.xml")
    assert body is not None
    rows = []
    for p in body.iterfind(".//w:body/w:p", NS):
        ppr = p.find("w:pPr", NS)
        assert ppr is not None
        tags = [etree.QName(c).localname for c in ppr]
        ind = ppr.find("w:ind", NS)
        ilvl = ppr.find("w:numPr/w:ilvl", NS)
        text = word_text(p).split("\t")[-1]
        if "level below" in text:
            rows.append(
                (
                    text,
                    tags,
                    ind.get(f"{{{W}}}left") if ind is not None else None,
                    ilvl.get(f"{{{W}}}val") if ilvl is not None else None,
                )
            )
    num = ["numPr"] if numbering else []
    assert rows == [
        ("first level below", ["pStyle", *num], None, "2" if numbering else None),
        ("second level below", ["pStyle", *num, "ind"], "2268", "3" if numbering else None),
        ("third level below", ["pStyle", *num, "ind"], "2835", "4" if numbering else None),
    ]


def _run_props(run: etree._Element) -> bytes:
    rpr = run.find("w:rPr", NS)
    return etree.tostring(rpr) if rpr is not None else b""


def test_words_of_one_formatting_stay_in_one_run_after_the_typed_number(r495: Document) -> None:
    body = part(write_docx(r495), "word/document.xml")
    assert body is not None
    checked = 0
    for p in body.iterfind(".//w:body/w:p", NS):
        runs = p.findall("w:r", NS)
        if runs and word_text(runs[0]).endswith("\t"):
            runs = runs[1:]  # the typed number is a run of its own
        for before, after in itertools.pairwise(runs):
            if after.find("w:footnoteReference", NS) is None:
                assert _run_props(before) != _run_props(after), etree.tostring(p)
                checked += 1
    assert checked > 10


_AMENDMENT_FORMATS = {
    "compilation.docx.txt": lambda doc, ams: compilation_docx(
        compile_amendments(doc, ams), "Resolution 495"
    ),
    "voting-list.docx.txt": lambda doc, ams: voting_list_docx(
        voting_list(doc, ams), "Resolution 495"
    ),
}


@pytest.mark.parametrize("fmt", sorted(_AMENDMENT_FORMATS))
def test_the_word_compilation_and_voting_list_match_their_golden_files(
    r495: Document, fmt: str
) -> None:
    ams = read_amendment_files([EXAMPLES / "amendments-495.txt"])
    got = dump(_AMENDMENT_FORMATS[fmt](r495, ams))
    expected = GOLDEN / "amendments-docx" / "resolution-495" / fmt
    if UPDATE:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(got, encoding="utf-8")
    assert expected.exists(), f"no golden file {expected}; run with DRAFTING_UPDATE_GOLDEN=1"
    assert got == expected.read_text(encoding="utf-8")
