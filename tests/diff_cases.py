"""Edited versions of the bundled examples, built with the model API, for diff tests."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from io import BytesIO

from conftest import EXAMPLES
from lxml import etree

from drafting import io
from drafting.akn.parser import parse_foreign
from drafting.diff.words import blocks_runs
from drafting.model import Document, Provision
from drafting.model.provision import new_provision_element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _move_after(doc_el: Provision, anchor: Provision) -> None:
    el = doc_el.element
    parent = el.getparent()
    assert parent is not None
    parent.remove(el)
    anchor.element.addnext(el)


def r495() -> tuple[Document, Document]:
    """Delete a paragraph, insert one near the top, edit words, move one, add a sub-paragraph."""
    old = io.load(EXAMPLES / "resolution-495.akn.xml")
    new = old.copy()
    new.recitals[1].insert_sibling(
        Provision(new_provision_element("recital", "**Noting** the work of the Alliance's DIANA;")),
        after=False,
    )
    new.find("13(c)").set_text(
        "to invest heavily in fostering an innovative AI ecosystem that enables NATO to"
        " leverage commercial advancements for Allied forces;"
    )
    new.recitals[5].delete()
    _move_after(new.recitals[8], new.recitals[-1])
    new.find("13").add_point("to report on progress at the next Annual Session;", index=2)
    new.renumber()
    return old, new


def ep() -> tuple[Document, Document]:
    """Edit a lead phrase and words, add a citation, delete a sub-paragraph, add another."""
    old = io.load(EXAMPLES / "ep-example.akn.xml")
    new = old.copy()
    p1 = new.paragraphs[0]
    p1.set_text(p1.markup.replace("Calls on", "Urges").replace("common", "binding common"))
    new.add("citation", "having regard to Rule 227(2) of its Rules of Procedure,")
    new.find("2(b)").delete()
    new.find("2").add_point("regular inspections of passenger vessels;")
    new.renumber()
    return old, new


def un_ga() -> tuple[Document, Document]:
    """Move an operative paragraph to the front, edit a sub-sub-paragraph, delete a recital."""
    old = io.load(EXAMPLES / "un-ga-example.akn.xml")
    new = old.copy()
    third = new.paragraphs[2]
    el = third.element
    parent = el.getparent()
    assert parent is not None
    parent.remove(el)
    new.paragraphs[0].element.addprevious(el)
    point = new.find("2(a)(ii)")
    point.set_text(point.markup.replace("sharing", "open sharing"))
    new.recitals[1].delete()
    new.renumber()
    return old, new


CASES: dict[str, Callable[[], tuple[Document, Document]]] = {
    "r495-edits": r495,
    "ep-edits": ep,
    "un-ga-move": un_ga,
}


def provision_lines(doc: Document) -> list[str]:
    """Each provision as ``num<TAB>words`` (words with note markers), title and formula first."""
    lines = [doc.title] if doc.title else []
    if doc.formula:
        lines.append(doc.formula)
    for p in doc.provisions():
        words = "".join(r.text for r in blocks_runs(p.blocks))
        lines.append(f"{p.num}\t{words}" if p.num else words)
    return lines


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return parse_foreign(z.read("word/document.xml")).getroot()


def tracked_text(data: bytes, *, accept: bool) -> list[str]:
    """The paragraphs of a redline after "Accept all" (``accept``) or "Reject all"."""
    gone = ("del", "moveFrom") if accept else ("ins", "moveTo")
    lines: list[str] = []
    for p in document_xml(data).iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        mark_gone = mark is not None and any(mark.find(f"{W}{g}") is not None for g in gone)
        text = []
        for node in p.iter(f"{W}t", f"{W}delText"):
            anc = node.getparent()
            dropped = False
            while anc is not None and anc is not p:
                if etree.QName(anc).localname in gone:
                    dropped = True
                anc = anc.getparent()
            if not dropped:
                text.append(node.text or "")
        line = "".join(text)
        if mark_gone:
            assert not line, f"a removed paragraph mark keeps text {line!r}"
            continue
        lines.append(line)
    return lines
