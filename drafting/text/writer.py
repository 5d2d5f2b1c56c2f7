"""Write a resolution as plain text / Markdown in the seed's format.

Footnotes are written once, at the end, after their marks: a footnote belongs
to its mark, not to wherever a page break happened to put it in the source.
"""

from __future__ import annotations

from lxml import etree

from drafting.akn.ns import local_name
from drafting.model.document import Document
from drafting.model.markup import render_markup
from drafting.model.provision import Provision


def _note_mark(note: etree._Element) -> str:
    marker = note.get("marker", "")
    return marker if marker and not marker[0].isalnum() else f"[^{marker}]"


def _line(p: Provision, emphasis_ok: bool) -> str:
    text = " ".join(render_markup(b, _note_mark) for b in p.blocks)
    if p.kind == "citation":
        return f"– {text}"
    if p.level == 0:
        return f"{p.num} {text}" if p.num else text
    indent = " " + "  " * (p.level - 1)
    return f"{indent}- {p.num} {text}"


def _write_provision(p: Provision, out: list[str]) -> None:
    """``p``, its sub-paragraphs, then its closing words (AKN wrapUp), in reading order."""
    out.append(_line(p, True))
    for child in p.children:
        _write_provision(child, out)
    out.extend(" " * (p.level + 1) + render_markup(b, _note_mark) for b in p.wrap_up_blocks)


def write_text(doc: Document) -> str:
    """The document in the seed's text format (also valid Markdown)."""
    out: list[str] = []
    if doc.title:
        out += [doc.title, ""]
    line = doc.number_line
    if line is not None:
        parts = []
        for child in line.iter():
            name = local_name(child.tag)
            if name == "docType":
                parts.append((child.text or "").strip())
            elif name == "docNumber":
                parts.append(" " + (child.text or "").strip())
            elif name == "authorialNote":
                parts.append(_note_mark(child))
        out += ["".join(parts).strip(), ""]
    if doc.formula:
        out += [doc.formula, ""]
    previous_unnumbered = False
    for top in doc.top_level:
        unnumbered = top.num is None
        if unnumbered and previous_unnumbered:
            out.append("")  # unnumbered paragraphs are told apart by the blank line
        previous_unnumbered = unnumbered
        _write_provision(top, out)
    for block in doc.conclusions:
        out += ["", render_markup(block, _note_mark)]
    notes = doc.notes
    if notes:
        out.append("")
        written: set[str] = set()
        for note in notes:
            mark = _note_mark(note.element)
            sep = ": " if mark.startswith("[^") else " "
            entry = f"{mark}{sep}{note.markup}"
            if entry not in written:  # one note cited at two places is printed once
                written.add(entry)
                out.append(entry)
    return "\n".join(out) + "\n"
