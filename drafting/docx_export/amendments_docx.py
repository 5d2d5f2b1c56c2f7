"""Amendments as Word documents: the compilation and the voting list.

The compilation is printed as parliaments print it: per amendment its number,
who tabled it and the location, then a two-column table "Draft text |
Amendment" with removed words struck through and new words in bold italic
("deleted" for a provision that goes), then the justification.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.table import _Cell

from drafting.amendments.report import CompilationEntry, CompilationRow
from drafting.amendments.voting import VotingItem


def _fill(cell: _Cell, row: CompilationRow, side: str) -> None:
    para = cell.paragraphs[0]
    if side == "new" and row.deleted:
        para.add_run("deleted").italic = True
        return
    first = True
    for piece in row.pieces:
        if (piece.kind == "insert" and side == "old") or (piece.kind == "delete" and side == "new"):
            continue
        run = para.add_run(("" if first else " ") + piece.text)
        first = False
        if piece.kind == "insert":
            run.bold = True
            run.italic = True
        elif piece.kind == "delete":
            run.font.strike = True


def _save(document: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def compilation_docx(entries: Sequence[CompilationEntry], title: str = "") -> bytes:
    """The compilation of amendments as ``.docx`` bytes."""
    d = docx.Document()
    d.add_heading(f"Compilation of amendments{': ' + title if title else ''}", level=1)
    for e in entries:
        a = e.amendment
        d.add_heading(a.label, level=2)
        if a.tabled_by:
            d.add_paragraph(f"Tabled by: {a.tabled_by}")
        d.add_paragraph().add_run(a.where_text).bold = True
        if e.problem:
            d.add_paragraph(f"Cannot be applied as tabled: {e.problem}")
        if e.rows:
            table = d.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].paragraphs[0].add_run("Draft text").bold = True
            table.rows[0].cells[1].paragraphs[0].add_run("Amendment").bold = True
            for r in e.rows:
                cells = table.add_row().cells
                _fill(cells[0], r, "old")
                _fill(cells[1], r, "new")
        if a.justification:
            p = d.add_paragraph()
            p.add_run("Justification: ").italic = True
            p.add_run(a.justification.replace("\n", " "))
    return _save(d)


def voting_list_docx(items: Sequence[VotingItem], title: str = "") -> bytes:
    """The voting list as ``.docx`` bytes: a numbered line per amendment."""
    d = docx.Document()
    d.add_heading(f"Voting list{': ' + title if title else ''}", level=1)
    for it in items:
        a = it.amendment
        who = f" ({a.tabled_by})" if a.tabled_by else ""
        p = d.add_paragraph(f"{it.position}. ")
        p.add_run(it.where).bold = True
        p.add_run(f" — {a.label}{who}")
        if it.falls:
            many = len(it.falls) > 1
            names = ", ".join(it.falls)
            verb = "fall" if many else "falls"
            p.add_run(f" — if adopted, amendment{'s' if many else ''} {names} {verb}")
        if it.problem:
            p.add_run(f" — cannot be voted as tabled: {it.problem}")
    return _save(d)
