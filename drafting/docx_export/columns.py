"""The comparative table of amendment sheets as a Word document.

A two-column table, "Draft text | Amended text", with one row per provision whose
words changed, was inserted, deleted or moved.  The left column strikes through
what goes, the right underlines what comes, both in colour-blind-safe colours, as
formatting (not revisions): the table is for reading and printing side by side.

python-docx lays out the table (widths from the page, the grid, a merged label
row) once; every further row is a copy of those, filled with runs built as lxml
elements.  Its ``add_row`` and cell access walk the whole grid on each call,
which made a thousand-row table take seconds.
"""

from __future__ import annotations

import copy
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from drafting.diff.records import Change, DiffResult, Run
from drafting.docx_export import ooxml

OLD_HEADING = "Draft text"
NEW_HEADING = "Amended text"
ROW_KINDS = ("changed", "inserted", "deleted", "moved")
INSERT_COLOUR = RGBColor(0x00, 0x57, 0xA3)
DELETE_COLOUR = RGBColor(0xB3, 0x47, 0x00)
#: Label rows: bold, 9 pt (``w:sz`` counts half-points).
_LABEL_SIZE = str(int(Pt(9).pt * 2))


_W = {name: qn(f"w:{name}") for name in ("r", "rPr", "t", "p", "b", "i", "strike", "color", "u")}
_W.update({name: qn(f"w:{name}") for name in ("vertAlign", "sz", "tc", "tcPr")})
_VAL = qn("w:val")


def _run(para: etree._Element, text: str, props: list[tuple[str, str | None]] | None) -> None:
    """Append to ``para`` a ``<w:r>``: ``props`` (tag, ``w:val``) in schema order, or no
    ``w:rPr`` at all when None, then ``text``.

    Elements are made in the paragraph's own document (``SubElement``), which is a
    third of the cost of python-docx's ``OxmlElement`` and serialises the same.
    """
    r = etree.SubElement(para, _W["r"])
    if props is not None:
        rpr = etree.SubElement(r, _W["rPr"])
        for tag, val in props:
            prop = etree.SubElement(rpr, _W[tag])
            if val is not None:
                prop.set(_VAL, val)
    ooxml.append_text(r, text)


_INSERT = str(INSERT_COLOUR)
_DELETE = str(DELETE_COLOUR)


def _props(r: Run, how: str) -> list[tuple[str, str | None]]:
    """The run properties of ``r`` shown as ``how`` (``insert``, ``delete`` or ``equal``)."""
    marks = r.marks
    props: list[tuple[str, str | None]] = []
    if "b" in marks:
        props.append(("b", None))
    if "i" in marks:
        props.append(("i", None))
    if how == "delete":
        props.append(("strike", None))
        props.append(("color", _DELETE))
    elif how == "insert":
        props.append(("color", _INSERT))
    if "u" in marks or how == "insert":
        props.append(("u", "single"))
    if "sub" in marks:
        props.append(("vertAlign", "subscript"))
    elif "sup" in marks or r.is_note:
        props.append(("vertAlign", "superscript"))
    return props


def _fill(tc: etree._Element, change: Change, side: str) -> None:
    """Write one side of ``change`` into the table cell ``tc`` (which holds one ``w:p``)."""
    part = change.old if side == "old" else change.new
    if part is None:
        return
    para = tc[-1]
    if part.num:
        _run(para, f"{part.num} ", None)
    skip = "insert" if side == "old" else "delete"
    for op in change.ops:
        if op.kind == skip:
            continue
        for r in op.runs:
            if r.is_break:
                para = etree.SubElement(tc, _W["p"])
            else:
                _run(para, r.text, _props(r, op.kind))


def _emptied(tr: etree._Element) -> etree._Element:
    """A copy of table row ``tr`` whose cells each hold one empty paragraph."""
    row = copy.deepcopy(tr)
    for tc in row.iterchildren(_W["tc"]):
        for child in list(tc):
            if child.tag != _W["tcPr"]:
                tc.remove(child)
        etree.SubElement(tc, _W["p"])
    return row


def columns_docx(result: DiffResult, *, title: str = "") -> bytes:
    """The .docx bytes of the comparative table."""
    word = docx.Document()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(2))
    heading = title or f"Comparative table: {result.old_name} and {result.new_name}"
    word.core_properties.title = heading
    word.add_paragraph(heading, style="Title")
    rows = [c for c in result.changes if c.kind in ROW_KINDS]
    if not rows:
        word.add_paragraph("No differences.")
    table = word.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    head = table.rows[0].cells
    for cell, text in zip(head, (OLD_HEADING, NEW_HEADING), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    # The two kinds of row, as python-docx lays them out; then taken out again.
    sample = table.add_row().cells
    sample[0].merge(sample[1])
    tbl = table._tbl
    trs = tbl.tr_lst
    label_row, text_row = _emptied(trs[-1]), _emptied(trs[0])
    tbl.remove(trs[-1])
    for change in rows:
        label = change.label(ignore_numbering=result.ignore_numbering).capitalize()
        note = f" — {change.amendment}" if change.amendment else ""
        tr = copy.deepcopy(label_row)
        tc = tr.find(qn("w:tc"))
        assert tc is not None
        _run(tc[-1], f"{label} ({change.kind}){note}", [("b", None), ("sz", _LABEL_SIZE)])
        tbl.append(tr)
        tr = copy.deepcopy(text_row)
        old_tc, new_tc = tr.findall(qn("w:tc"))
        _fill(old_tc, change, "old")
        _fill(new_tc, change, "new")
        tbl.append(tr)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
