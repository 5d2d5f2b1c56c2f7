"""The comparative table of amendment sheets as a Word document.

A two-column table, "Draft text | Amended text", with one row per provision whose
words changed, was inserted, deleted or moved.  The left column strikes through
what goes, the right underlines what comes, both in colour-blind-safe colours, as
formatting (not revisions): the table is for reading and printing side by side.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from drafting.diff.records import Change, DiffResult, Run

OLD_HEADING = "Draft text"
NEW_HEADING = "Amended text"
ROW_KINDS = ("changed", "inserted", "deleted", "moved")
INSERT_COLOUR = RGBColor(0x00, 0x57, 0xA3)
DELETE_COLOUR = RGBColor(0xB3, 0x47, 0x00)


def _add_runs(cell: _Cell, runs: tuple[Run, ...], how: str) -> None:
    para = cell.paragraphs[-1]
    for r in runs:
        if r.is_break:
            para = cell.add_paragraph()
            continue
        run = para.add_run(r.text)
        run.bold = "b" in r.marks or None
        run.italic = "i" in r.marks or None
        run.font.superscript = ("sup" in r.marks or r.is_note) or None
        run.font.subscript = "sub" in r.marks or None
        if "u" in r.marks:
            run.underline = True
        if how == "insert":
            run.underline = True
            run.font.color.rgb = INSERT_COLOUR
        elif how == "delete":
            run.font.strike = True
            run.font.color.rgb = DELETE_COLOUR


def _fill(cell: _Cell, change: Change, side: str) -> None:
    part = change.old if side == "old" else change.new
    if part is None:
        return
    if part.num:
        cell.paragraphs[0].add_run(f"{part.num} ")
    skip = "insert" if side == "old" else "delete"
    for op in change.ops:
        if op.kind != skip:
            _add_runs(cell, op.runs, op.kind)


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
    for change in rows:
        label_row = table.add_row().cells
        merged = label_row[0].merge(label_row[1])
        label = change.label(ignore_numbering=result.ignore_numbering).capitalize()
        note = f" — {change.amendment}" if change.amendment else ""
        run = merged.paragraphs[0].add_run(f"{label} ({change.kind}){note}")
        run.bold = True
        run.font.size = Pt(9)
        cells = table.add_row().cells
        _fill(cells[0], change, "old")
        _fill(cells[1], change, "new")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
