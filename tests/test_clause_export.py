"""Clause texts exported to Word read back as the same AKN, and print as drafters set them.

Every fixture of tests/fixtures/clauses (LibreOffice, python-docx and pandoc files,
and text as pasted or extracted from PDF) is imported, written to Word and imported
again: the body and preface must come back element for element, numbers, headings,
words, marks and quoted insertions included.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from drafting.docx_export.writer import write_docx
from drafting.formats import import_file
from drafting.model import Document

CLAUSES = Path(__file__).parent / "fixtures" / "clauses"
FIXTURES = sorted(json.loads((CLAUSES / "clauses.json").read_text(encoding="utf-8")))


@cache
def _imported(name: str) -> Document:
    return import_file(CLAUSES / name).document


def _again(doc: Document, tmp_path: Path) -> Document:
    path = tmp_path / "again.docx"
    path.write_bytes(write_docx(doc))
    return import_file(path).document


def _xml(el: etree._Element | None) -> str:
    return etree.tostring(el, encoding="unicode") if el is not None else ""


@pytest.mark.parametrize("name", FIXTURES)
def test_a_clause_text_goes_to_word_and_back_unchanged(name: str, tmp_path: Path) -> None:
    doc = _imported(name)
    again = _again(doc, tmp_path)
    assert again.structure == doc.structure
    assert _xml(again.clauses) == _xml(doc.clauses)
    assert _xml(again.statement.child("preface")) == _xml(doc.statement.child("preface"))


def _paragraphs(doc: Document) -> list[tuple[str, str]]:
    word = docx.Document(io.BytesIO(write_docx(doc)))
    return [(p.style.name if p.style is not None else "", p.text) for p in word.paragraphs]


def test_rules_print_their_chapters_and_rules_as_headings_with_outline_levels() -> None:
    doc = _imported("rules-lo-typed.docx")
    paragraphs = _paragraphs(doc)
    assert ("Clause Heading 1", "CHAPTER I – MEMBERSHIP") in paragraphs
    assert ("Clause Heading 2", "Rule 4 – Election of the President") in paragraphs
    assert any(
        style == "Clause Level 1" and text.startswith("1.\tThe Assembly shall elect")
        for style, text in paragraphs
    )
    word = docx.Document(io.BytesIO(write_docx(doc)))
    levels = {}
    for name in ("Clause Heading 1", "Clause Heading 2"):
        ppr = word.styles[name].element.pPr
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        levels[name] = outline.get(qn("w:val")) if outline is not None else None
    assert levels == {"Clause Heading 1": "0", "Clause Heading 2": "1"}


def test_a_bill_prints_the_section_with_its_first_subsection_and_its_insertions_quoted() -> None:
    paragraphs = _paragraphs(_imported("uk-bill-styled.docx"))
    texts = [text for _, text in paragraphs]
    assert any(t.startswith("1.—(1) The Westmarch Energy Authority") for t in texts)
    assert ("Crossheading", "Grants and loans") in paragraphs
    quoted = [t for t in texts if t.startswith("“(3A)")]
    assert quoted and quoted[0].endswith("scheme.”")


def test_the_contents_go_to_word_as_contents_not_as_provisions() -> None:
    doc = _imported("rules-lo-typed.docx")
    paragraphs = _paragraphs(doc)
    contents = [text for style, text in paragraphs if style == "Contents Entry"]
    toc = doc.statement.child("preface")
    assert toc is not None
    assert len(contents) == len(toc.findall(".//{*}tocItem")) > 0


def test_the_html_page_sets_chapters_and_rules_as_headings() -> None:
    from drafting.render.document_html import render_document_html

    page = render_document_html(_imported("rules-lo-typed.docx"))
    assert '<h2><span class="num">CHAPTER I</span> – <strong>MEMBERSHIP</strong></h2>' in page
    assert '<h3><span class="num">Rule 5</span> – <strong>Quorum</strong></h3>' in page
    assert 'id="chp_II__rule_5__para_2"' in page
    # Every provision's words are on the page once.
    for p in _imported("rules-lo-typed.docx").provisions():
        if p.text:
            assert page.count(p.text.split(".")[0]) >= 1, p.ref


def test_the_word_redline_of_amended_rules_tracks_each_change() -> None:
    from drafting.amendments.apply import apply_amendments
    from drafting.amendments.parser import parse_amendments
    from drafting.diff import diff_documents
    from drafting.docx_export.redline import redline_docx

    draft = _imported("rules-lo-typed.docx")
    amendments = parse_amendments(
        "Amendment 1\nAfter Rule 3 insert the following new Rule:\nRule 3A – Observers\n"
        "1. The Bureau may invite observers.\n\n"
        'Amendment 2\nRule 9\nLeave out "two thirds" and insert "three fifths"\n'
    )
    amended = apply_amendments(draft, amendments, votes={"1": "adopted", "2": "adopted"}).document
    data = redline_docx(diff_documents(draft, amended), new=amended)
    word = docx.Document(io.BytesIO(data))
    xml = etree.tostring(word.element, encoding="unicode")
    inserted = "".join(
        t.text or ""
        for t in word.element.iter(qn("w:t"))
        if t.getparent().getparent().tag == qn("w:ins")
    )
    assert "Rule 3A – Observers" in inserted and "three fifths" in inserted
    assert "<w:del " in xml and "two thirds" in "".join(
        t.text or "" for t in word.element.iter(qn("w:delText"))
    )
    texts = [p.text for p in word.paragraphs]
    assert "Rule 4 – Election of the President" in texts  # an unchanged rule, as exported


def test_a_uk_section_s_first_subsection_keeps_its_closing_words_in_word(tmp_path: Path) -> None:
    """ "2.—(1) A scheme is eligible if— (a) ..., (b) ..., but not otherwise.": the
    closing words of the subsection printed on the section's line go to Word too."""
    from drafting.akn.parser import make

    doc = _imported("uk-bill-styled.docx").copy()
    first = next(p for p in doc.provisions() if p.ref == "2(1)")
    assert first.children
    wrap = make("wrapUp")
    p = make("p")
    p.text = "but not in any other case."
    wrap.append(p)
    first.element.append(wrap)
    texts = [t for _, t in _paragraphs(doc)]
    assert any(t.startswith("2.—(1) A scheme is eligible") for t in texts)
    assert "but not in any other case." in texts
    # Read back, the words close a list of section 2(1) again: which one (the
    # subsection's or its paragraph (b)'s, which has a list of its own) the import
    # cannot tell without the indents, which it does not read.
    again = _again(doc, tmp_path)
    back = next(p for p in again.provisions() if p.ref == "2(1)")
    assert "but not in any other case." in back.full_text
