"""Write a resolution as plain text / Markdown in the seed's format.

Footnotes are written once, at the end, after their marks: a footnote belongs
to its mark, not to wherever a page break happened to put it in the source.
What a resolution seldom holds is written as Markdown writes it, so that the text
reads back the same (:mod:`drafting.text.reader`): headings as ``## Annex``, tables
as ``| a | b |`` rows, and unnumbered text, further blocks of a provision's words
and its closing words as paragraphs of their own, set off by blank lines.  A link
is written as Markdown writes it, ``[words](href)``, or, for a reader of plain text,
as its words and then its address: ``words <href>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from lxml import etree

from drafting.akn.ns import local_name
from drafting.model.document import Document
from drafting.model.markup import render_markup
from drafting.model.provision import Provision


def _note_mark(note: etree._Element) -> str:
    marker = note.get("marker", "")
    return marker if marker and not marker[0].isalnum() else f"[^{marker}]"


Links = Literal["markdown", "plain"]


def _markup(block: etree._Element, links: Links = "markdown") -> str:
    return render_markup(block, _note_mark, links=links)


def _line(p: Provision, text: str) -> str:
    if p.kind == "citation":
        return f"– {text}"
    if p.level == 0:
        return f"{p.num} {text}" if p.num else text
    indent = " " + "  " * (p.level - 1)
    if p.kind == "hcontainer":
        return f"{indent}  {p.num} {text}" if p.num else f"{indent}  {text}"
    return f"{indent}- {p.num} {text}"


def _table(table: etree._Element, links: Links) -> list[str]:
    """A table as Markdown rows: a header row (empty when the table has none), its rule,
    then the other rows; a cell's blocks joined by spaces, its pipes escaped."""
    rows: list[tuple[bool, list[str]]] = []
    for tr in table:
        if local_name(tr.tag) != "tr":
            continue
        cells = [c for c in tr if local_name(c.tag) in ("td", "th")]
        texts = [
            " ".join(_markup(b, links) for b in c if local_name(b.tag) == "p").replace("|", "\\|")
            for c in cells
        ]
        header = bool(cells) and all(local_name(c.tag) == "th" for c in cells)
        rows.append((header, texts))
    width = max((len(t) for _, t in rows), default=1) or 1
    if not rows or not rows[0][0]:
        rows.insert(0, (True, [""] * width))
    out = []
    for n, (_, texts) in enumerate(rows):
        texts = texts + [""] * (width - len(texts))
        out.append("| " + " | ".join(texts) + " |")
        if n == 0:
            out.append("|" + "---|" * width)
    return out


def _write_provision(p: Provision, out: list[str], links: Links) -> None:
    """``p``, its sub-paragraphs, then its closing words (AKN wrapUp), in reading order."""
    if p.kind == "hcontainer" and p.name == "heading":
        heading = " ".join(_markup(b, links) for b in p.blocks)
        out += ["", f"## {p.num} {heading}" if p.num else f"## {heading}", ""]
        return
    table = p.table
    if table is not None:
        if p.num:
            out.append(p.num)
        out += ["", *_table(table, links), ""]
        return
    blocks = p.blocks
    heading_el = p.element.child("heading") if p.kind != "hcontainer" or p.num else None
    if heading_el is not None:
        # A clause-structured text's headed level: "ARTICLE I — NAME", "Rule 5 – Quorum".
        depth = "#" * min(6, p.level + 2)
        out += ["", f"{depth} {p.num + ' — ' if p.num else ''}{_markup(heading_el, links)}", ""]
        if blocks:
            out.append(_markup(blocks[0], links))  # the label stands in the heading
    else:
        if p.kind == "hcontainer":
            out.append("")
        out.append(_line(p, _markup(blocks[0], links) if blocks else ""))
    indent = " " * (p.level + 1)
    for block in blocks[1:]:  # further blocks of its words, each a paragraph of its own
        out += ["", indent + _markup(block, links), ""]
    for child in p.children:
        _write_provision(child, out, links)
    wrap_up = p.wrap_up_blocks
    for block in wrap_up:
        out += ["", indent + _markup(block, links), ""]


def number_line(line: etree._Element, mark: Callable[[etree._Element], str]) -> str:
    """The number line as printed: ``RESOLUTION 495*``, its type, its number and the
    ``mark`` of each note on it (the text export and the page-and-line print mark
    notes each in its own way)."""
    parts = []
    for child in line.iter():
        kind = local_name(child.tag)
        if kind == "docType":
            parts.append((child.text or "").strip())
        elif kind == "docNumber":
            parts.append(" " + (child.text or "").strip())
        elif kind == "authorialNote":
            parts.append(mark(child))
    return "".join(parts).strip()


def _preface(doc: Document, out: list[str], links: Links) -> None:
    """The preface in its own order: the title, the number line, the lines of the head."""
    preface = doc.statement.child("preface")
    line = doc.number_line
    for el in preface if preface is not None else ():
        name = local_name(el.tag)
        if name == "longTitle":
            if doc.title:
                longtitle = [p for p in el.iter() if local_name(p.tag) == "p"]
                out += [" ".join(_markup(p, links) for p in longtitle), ""]
        elif el is line:
            out += [number_line(line, _note_mark), ""]
        elif name == "p":
            out += [_markup(el, links), ""]
        elif name == "table":
            out += [*_table(el, links), ""]


def write_text(doc: Document, *, links: Links = "markdown") -> str:
    """The document in the seed's text format (also valid Markdown).

    ``links``: ``"markdown"`` writes ``[words](href)``, which :func:`read_text` reads
    back as the link; ``"plain"`` writes ``words <href>`` for a reader of plain text.
    """
    out: list[str] = []
    _preface(doc, out, links)
    if doc.formula:
        out += [doc.formula, ""]
    previous_unnumbered = False
    for top in doc.top_level:
        unnumbered = top.num is None and top.kind != "hcontainer"
        if unnumbered and previous_unnumbered:
            out.append("")  # unnumbered paragraphs are told apart by the blank line
        previous_unnumbered = unnumbered
        _write_provision(top, out, links)
    for block in doc.conclusions:
        out += ["", _markup(block, links)]
    notes = doc.notes
    if notes:
        out.append("")
        written: set[str] = set()
        for note in notes:
            mark = _note_mark(note.element)
            sep = ": " if mark.startswith("[^") else " "
            words = " ".join(_markup(p, links) for p in note.element.children_named("p"))
            entry = f"{mark}{sep}{words}"
            if entry not in written:  # one note cited at two places is printed once
                written.add(entry)
                out.append(entry)
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"
