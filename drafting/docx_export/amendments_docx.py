"""Amendments as Word documents: the compilation and the voting list.

The compilation is printed as parliaments print it: per amendment its number,
who tabled it and the location, then a two-column table "Draft text |
Amendment" with removed words struck through and new words in bold italic
("deleted" for a provision that goes), then the justification.

python-docx opens the document and lays out one table (widths from the page, the
grid, the heading row); paragraphs, runs and every further table are lxml
elements appended to the body.  Its ``add_paragraph`` looks for the section
properties among all the body's children, and each ``add_heading`` or table style
scans every style by name, which made a thousand amendments take seconds.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafting.amendments.report import CompilationEntry, CompilationRow
from drafting.amendments.voting import VotingItem
from drafting.docx_export import ooxml

_BOLD = ((qn("w:b"), None),)
_ITALIC = ((qn("w:i"), None),)
_BOLD_ITALIC = ((qn("w:b"), None), (qn("w:i"), None))
_STRIKE = ((qn("w:strike"), None),)


def _run(para: etree._Element, text: str, props: ooxml.RunProps = ()) -> None:
    """A run of ``text`` (none for ''), as python-docx's ``Paragraph.add_run`` writes it."""
    run = ooxml.append_run(para, props)
    if text:
        ooxml.append_text(run, text)


def _paragraph(body: etree._Element, text: str = "", style_id: str | None = None) -> etree._Element:
    """A paragraph holding ``text`` in one run, as python-docx's ``add_paragraph``."""
    para = ooxml.append_paragraph(body, style_id)
    if text:
        _run(para, text)
    return para


def _fill(tc: etree._Element, row: CompilationRow, side: str) -> None:
    para = tc.find(qn("w:p"))
    assert para is not None
    if side == "new" and row.deleted:
        _run(para, "deleted", _ITALIC)
        return
    first = True
    for piece in row.pieces:
        if (piece.kind == "insert" and side == "old") or (piece.kind == "delete" and side == "new"):
            continue
        props = {"insert": _BOLD_ITALIC, "delete": _STRIKE}.get(piece.kind, ())
        _run(para, ("" if first else " ") + piece.text, props)
        first = False


class _Word:
    """A python-docx document whose body is written with lxml: the section
    properties, which must stay last, are put back by :meth:`save`."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.body = self.document.element.body
        self.section = self.body.find(qn("w:sectPr"))

    def style_id(self, name: str) -> str:
        return str(self.document.styles[name].style_id)

    def start(self) -> None:
        """Begin writing the body (python-docx needs the section to lay out tables)."""
        if self.section is not None:
            self.body.remove(self.section)

    def save(self) -> bytes:
        if self.section is not None:
            self.body.append(self.section)
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def _table_parts(word: _Word) -> tuple[etree._Element, etree._Element]:
    """A "Draft text | Amendment" table holding only its heading row, and an empty row
    for it, laid out once by python-docx."""
    table = word.document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].paragraphs[0].add_run("Draft text").bold = True
    table.rows[0].cells[1].paragraphs[0].add_run("Amendment").bold = True
    row = table.add_row()._tr
    tbl = table._tbl
    tbl.remove(row)
    word.body.remove(tbl)
    return tbl, row


def compilation_docx(entries: Sequence[CompilationEntry], title: str = "") -> bytes:
    """The compilation of amendments as ``.docx`` bytes."""
    word = _Word()
    parts = _table_parts(word) if any(e.rows for e in entries) else None
    h1, h2 = word.style_id("Heading 1"), word.style_id("Heading 2")
    word.start()
    body = word.body
    _paragraph(body, f"Compilation of amendments{': ' + title if title else ''}", h1)
    tc = qn("w:tc")
    for e in entries:
        a = e.amendment
        _paragraph(body, a.label, h2)
        if a.tabled_by:
            _paragraph(body, f"Tabled by: {a.tabled_by}")
        _run(_paragraph(body), a.where_text, _BOLD)
        if e.problem:
            _paragraph(body, f"Cannot be applied as tabled: {e.problem}")
        if e.rows and parts is not None:
            tbl = copy.deepcopy(parts[0])
            body.append(tbl)
            for r in e.rows:
                tr = copy.deepcopy(parts[1])
                tbl.append(tr)
                old, new = tr.iterchildren(tc)
                _fill(old, r, "old")
                _fill(new, r, "new")
        if a.justification:
            p = _paragraph(body)
            _run(p, "Justification: ", _ITALIC)
            _run(p, a.justification.replace("\n", " "))
    return word.save()


def voting_list_docx(items: Sequence[VotingItem], title: str = "") -> bytes:
    """The voting list as ``.docx`` bytes: a numbered line per amendment."""
    word = _Word()
    h1 = word.style_id("Heading 1")
    word.start()
    body = word.body
    _paragraph(body, f"Voting list{': ' + title if title else ''}", h1)
    for it in items:
        a = it.amendment
        who = f" ({a.tabled_by})" if a.tabled_by else ""
        p = _paragraph(body, f"{it.position}. ")
        _run(p, it.where, _BOLD)
        _run(p, f" — {a.label}{who}")
        if it.falls:
            many = len(it.falls) > 1
            names = ", ".join(it.falls)
            verb = "fall" if many else "falls"
            _run(p, f" — if adopted, amendment{'s' if many else ''} {names} {verb}")
        if it.problem:
            _run(p, f" — cannot be voted as tabled: {it.problem}")
    return word.save()
