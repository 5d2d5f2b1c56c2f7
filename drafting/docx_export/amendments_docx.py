"""Amendments as Word documents: the compilation and the voting list.

The compilation is printed as parliaments print it: per amendment its number,
who tabled it and the location, then a two-column table "Draft text |
Amendment" with removed words struck through and new words in bold italic
("deleted" for a provision that goes), then the justification.  The voting list is
the chair's paper: one table, a row per vote in voting order and the vote on the
text as a whole last, its heading row repeated on every page, rows tall enough to
write the figures in by hand.

python-docx opens the document and lays out one table (widths from the page, the
grid, the heading row); paragraphs, runs and every further table are lxml
elements appended to the body.  Its ``add_paragraph`` looks for the section
properties among all the body's children, and each ``add_heading`` or table style
scans every style by name, which made a thousand amendments take seconds.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.oxml.ns import qn
from docx.shared import Twips
from lxml import etree

from drafting.amendments.report import CompilationEntry, CompilationRow
from drafting.amendments.voting import (
    COLUMNS,
    NUMERIC,
    RESULT_FROM,
    VotingItem,
    VotingPaper,
    VotingRow,
    as_paper,
)
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


def _table_parts(word: ooxml.BodyWriter) -> tuple[etree._Element, etree._Element]:
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
    word = ooxml.BodyWriter()
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


#: The voting paper's column widths in twentieths of a point, :data:`COLUMNS` order:
#: they fill a portrait Letter page between margins of 0.6 in (10,512), and leave
#: "Paragraph 13(b)", "Delegation of" and "Abstentions" whole in a wide serif
#: (LibreOffice sets Cambria in DejaVu Serif).
_VOTING_WIDTHS = (450, 1500, 1300, 1600, 1912, 700, 850, 1200, 1000)
_VOTING_MARGIN = "864"
#: Cell margins left and right (0.1 cm): Word's 0.19 cm cost nine columns a word each.
_CELL_MARGIN = "57"
#: Nine points: the paper is a table of nine columns on a portrait page.
_SMALL = ((qn("w:sz"), "18"),)
_SMALL_BOLD = ((qn("w:b"), None), (qn("w:sz"), "18"))
_HEADING = ((qn("w:b"), None), (qn("w:sz"), "16"))
#: Room to write the figures in by hand: rows at least 0.8 cm tall.
_ROW_HEIGHT = "454"


def _tr_props(tr: etree._Element, *, header: bool) -> None:
    """Give ``tr`` its ``w:trPr``: never split across pages; the heading row repeats on
    every page (``w:tblHeader``), the others are tall enough to write in."""
    trpr = etree.Element(qn("w:trPr"))
    etree.SubElement(trpr, qn("w:cantSplit"))
    if header:
        etree.SubElement(trpr, qn("w:tblHeader"))
    else:
        height = etree.SubElement(trpr, qn("w:trHeight"))
        height.set(qn("w:val"), _ROW_HEIGHT)
        height.set(qn("w:hRule"), "atLeast")
    tr.insert(0, trpr)


def _align_numbers(tr: etree._Element) -> None:
    """Set the numeric columns of ``tr`` flush right."""
    for column, tc in zip(COLUMNS, tr.iterchildren(qn("w:tc")), strict=True):
        if column in NUMERIC:
            para = tc.find(qn("w:p"))
            assert para is not None
            ppr = etree.Element(qn("w:pPr"))
            etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "right")
            para.insert(0, ppr)


def _voting_table(word: ooxml.BodyWriter) -> tuple[etree._Element, etree._Element]:
    """The voting paper's table holding only its heading row, and an empty row for it,
    laid out once by python-docx."""
    table = word.document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    # CT_TblPr order: tblCellMar stands after tblLayout, before tblLook.
    margins = etree.Element(qn("w:tblCellMar"))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)
    for side in ("left", "right"):
        margin = etree.SubElement(margins, qn(f"w:{side}"))
        margin.set(qn("w:w"), _CELL_MARGIN)
        margin.set(qn("w:type"), "dxa")
    for column, width in zip(table.columns, _VOTING_WIDTHS, strict=True):
        column.width = Twips(width)
        for cell in column.cells:
            cell.width = Twips(width)
    tbl = table._tbl
    head, row = tbl.findall(qn("w:tr"))
    for tc, name in zip(head.iterchildren(qn("w:tc")), COLUMNS, strict=True):
        para = tc.find(qn("w:p"))
        assert para is not None
        _run(para, name, _HEADING)
        tcpr = tc.find(qn("w:tcPr"))
        assert tcpr is not None
        shade = etree.SubElement(tcpr, qn("w:shd"))
        for k, v in (("val", "clear"), ("color", "auto"), ("fill", "E7E6E6")):
            shade.set(qn(f"w:{k}"), v)
    for tr in (head, row):
        _align_numbers(tr)
    _tr_props(head, header=True)
    _tr_props(row, header=False)
    tbl.remove(row)
    word.body.remove(tbl)
    return tbl, row


def _fill_row(tr: etree._Element, row: VotingRow) -> None:
    """Write ``row``'s cells into the empty row ``tr``; the vote on the whole text, in
    bold, spans the columns that describe an amendment."""
    tcs = list(tr.iterchildren(qn("w:tc")))
    cells = list(row.cells)
    props: ooxml.RunProps = _SMALL
    if row.item is None:
        props = _SMALL_BOLD
        first = tcs[1]
        for tc in tcs[2:RESULT_FROM]:
            tr.remove(tc)
        del tcs[2:RESULT_FROM], cells[2:RESULT_FROM]
        tcpr = first.find(qn("w:tcPr"))
        assert tcpr is not None
        width = tcpr.find(qn("w:tcW"))
        if width is not None:
            width.set(qn("w:w"), str(sum(_VOTING_WIDTHS[1:RESULT_FROM])))
        span = etree.Element(qn("w:gridSpan"))
        span.set(qn("w:val"), str(RESULT_FROM - 1))
        tcpr.insert(1 if width is not None else 0, span)
    for tc, text in zip(tcs, cells, strict=True):
        if text:
            para = tc.find(qn("w:p"))
            assert para is not None
            _run(para, text, props)


def voting_list_docx(listing: VotingPaper | Sequence[VotingItem], title: str = "") -> bytes:
    """The voting paper as ``.docx`` bytes: a ``w:tbl`` with a heading row repeated on
    each page (``w:tblHeader``), a ``w:tr`` per vote in voting order, the vote on the
    text as a whole last; result cells empty until the vote."""
    paper = as_paper(listing)
    word = ooxml.BodyWriter()
    h1 = word.style_id("Heading 1")
    if word.section is not None:
        margins = word.section.find(qn("w:pgMar"))
        if margins is not None:
            margins.set(qn("w:left"), _VOTING_MARGIN)
            margins.set(qn("w:right"), _VOTING_MARGIN)
    # A chair on page 3 of the list says so: the paper is numbered like every other.
    ooxml.add_page_numbers(word.document)
    tbl, empty = _voting_table(word)
    word.start()
    body = word.body
    _paragraph(body, f"Voting list{': ' + title if title else ''}", h1)
    body.append(tbl)
    for row in paper.rows:
        tr = copy.deepcopy(empty)
        tbl.append(tr)
        _fill_row(tr, row)
    # Word wants a paragraph between a table and the end of the document.
    _paragraph(body)
    return word.save()
