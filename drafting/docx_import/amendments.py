"""Word amendments as the amendment text :mod:`drafting.amendments.parser` reads.

Delegations send amendments as Word files: drafting's own amendment form
(:mod:`drafting.docx_export.amendment_form`), the European Parliament's AM form with
its two-column table, or a page a secretary typed.  The file is opened as every
Word file is (:func:`~drafting.docx_import.package.open_package`: untrusted input,
size limits, no macros) and read as the import reads a draft
(:class:`~drafting.docx_import.runs.BodyReader`: fields, links, content controls,
list numbers as displayed), then written out as the text a secretary would have
typed:

- each paragraph a line (a line break in it starts another), an empty paragraph a
  blank line; page breaks, headers, footers and notes are left out;
- a list number or bullet before its words (``12.``, ``-``), and a paragraph that
  stands in by as many spaces as its indent (how new provisions nest);
- bold and italic as ``**``/``*``, underline and raised or lowered words as
  ``<u>``, ``<sup>``, ``<sub>``, links as ``[words](address)``; a line that is all
  bold or all italic (a heading, a provision's name) is the words alone;
- each table row ``| left | right |``, a cell's paragraphs apart by ``<br>``,
  emphasis kept (``***`` marks the words an EP amendment changes) and struck words
  between ``~~``; a blank line before and after the table.

A file with tracked changes is refused: which text is the amendment depends on
accepting or rejecting them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby
from pathlib import Path

from lxml import etree

from drafting.docx_import.changes import TrackedChangesError, count_changes
from drafting.docx_import.importer import EmptyDocxError
from drafting.docx_import.numbering import Numbering
from drafting.docx_import.package import DocxError, Package, open_package, w
from drafting.docx_import.runs import BodyReader
from drafting.docx_import.styles import Styles, on
from drafting.errors import DraftingError
from drafting.layout.inline import normalise
from drafting.layout.source import Block, Format, Piece, SourceParagraph, SourceTable, Span

#: Twentieths of a point of indent that a line stands in by a space: a new provision at
#: 1 cm and its sub-paragraph at 2 cm become 3 and 6 spaces.
_TWIPS_A_SPACE = 180
_MAX_SPACES = 40
_STRUCK_MARK = "~~"
_AUTO = re.compile(r"(?:https?|ftp|mailto):[^\s<>]+$", re.IGNORECASE)
_DEST_SPECIAL = re.compile(r"([\\()])")
_STRIKE_TAGS = (w("strike"), w("dstrike"))
#: Run children that hold a field's parts: a run with one is left unmarked, for the
#: marks would land inside the field's instruction.
_FIELD_PARTS = frozenset((w("fldChar"), w("instrText")))


def amendments_text(path: str | Path) -> str:
    """The amendments in the Word file ``path`` as amendment text (``.txt`` format).

    Raises:
        InputError: the file is missing or unreadable.
        DocxError: not a .docx, damaged, encrypted, an old .doc, macro-enabled, a zip
            bomb, or with no text (``EmptyDocxError``).
        TrackedChangesError: the file holds tracked changes.
    """
    p = Path(path)
    try:
        with open_package(p) as pkg:
            blocks = _read(pkg)
    except DraftingError as exc:
        raise exc.with_file(p) from None
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, SourceTable):
            lines += ["", *_table_rows(block), ""]
        else:
            lines += _paragraph_lines(block)
    if not any(line.strip() for line in lines):
        raise EmptyDocxError(
            "the Word file has no text",
            hint="check that this is the right file, and that the amendments were saved in it",
            file=p,
        )
    return "\n".join(lines) + "\n"


def _read(pkg: Package) -> list[Block]:
    main = pkg.xml(pkg.main)
    body = main.find(w("body")) if main is not None and main.tag == w("document") else None
    if main is None or body is None:
        raise DocxError(
            f"the main part {pkg.main} is not a WordprocessingML document body",
            hint="open the file in Word or LibreOffice and save it again as .docx",
            file=pkg.path,
        )
    changes = count_changes([main])
    if changes.count:
        n = changes.count
        raise TrackedChangesError(
            f"the amendments file has {n} tracked change{'s' if n != 1 else ''}"
            f" ({changes.authors()}), so which words are the amendment is not settled",
            hint="accept or reject the changes in Word (Review > Accept or Reject) and save"
            " the file again",
            file=str(pkg.path),
        )
    parts = {k: pkg.related(pkg.main, k) for k in ("styles", "numbering")}
    styles = Styles.from_xml(pkg.xml(parts["styles"]) if parts["styles"] else None)
    numbering = Numbering(pkg.xml(parts["numbering"]) if parts["numbering"] else None, styles)
    _mark_struck(body, styles)
    return BodyReader(pkg, styles, numbering).read_body(body)


# -- struck words --------------------------------------------------------------------


def _strike(rpr: etree._Element | None) -> bool | None:
    """Whether ``rpr`` strikes through (``w:strike``, ``w:dstrike``); None: it does not say."""
    if rpr is None:
        return None
    for tag in _STRIKE_TAGS:
        value = on(rpr.find(tag))
        if value is not None:
            return value
    return None


def _struck(run: etree._Element, para_style: str | None, styles: Styles) -> bool:
    """True when ``run`` shows struck through: its own properties, then its character
    style, then its paragraph's style, then the document defaults, the nearest winning."""
    rpr = run.find(w("rPr"))
    found = _strike(rpr)
    if found is not None:
        return found
    char = rpr.find(w("rStyle")) if rpr is not None else None
    chains = [styles.chain(char.get(w("val")) if char is not None else None)]
    chains.append(styles.chain(para_style or styles.default_para))
    for chain in chains:
        for st in chain:
            found = _strike(st.rpr)
            if found is not None:
                return found
    return bool(_strike(styles.default_rpr))


def _mark_struck(body: etree._Element, styles: Styles) -> None:
    """Put ``~~`` before and after the words of every struck-through run, in place:
    the reader keeps bold and italic, not strike-through, and the amendment text says
    struck words so (the words an EP amendment column removes)."""
    for run in body.iter(w("r")):
        kids = list(run)
        if not any(c.tag == w("t") for c in kids) or any(c.tag in _FIELD_PARTS for c in kids):
            continue
        para = next(run.iterancestors(w("p")), None)
        ppr = para.find(w("pPr")) if para is not None else None
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        para_style = style_el.get(w("val")) if style_el is not None else None
        if not _struck(run, para_style, styles):
            continue
        first = 1 if kids and kids[0].tag == w("rPr") else 0
        opening = etree.Element(w("t"))
        opening.text = _STRUCK_MARK
        run.insert(first, opening)
        etree.SubElement(run, w("t")).text = _STRUCK_MARK


# -- lines ---------------------------------------------------------------------------


def _link(words: str, href: str) -> str:
    if words == href and _AUTO.match(href):
        return f"<{href}>"
    return f"[{words}](" + _DEST_SPECIAL.sub(r"\\\1", href) + ")"


def _emphasised(text: str, fmt: Format) -> str:
    if not text.strip():
        return text
    if fmt.sub and not fmt.sup:
        text = f"<sub>{text}</sub>"
    if fmt.sup:
        text = f"<sup>{text}</sup>"
    if fmt.u:
        text = f"<u>{text}</u>"
    if fmt.i:
        text = f"*{text}*"
    if fmt.b:
        text = f"**{text}**"
    return text


def _markup(spans: list[Span]) -> str:
    """Spans (normalised: spaces outside emphasis) as drafting's light markup, the
    words as they are (a quoted ``[...]`` or ``*`` is the text's, not markup)."""
    out: list[str] = []
    for link, group in groupby(spans, key=lambda s: s.fmt.link):
        inner = "".join(_emphasised(s.text, s.fmt) for s in group)
        out.append(inner if link is None else _link(inner, link))
    return "".join(out).replace(_STRUCK_MARK * 2, "")


def _lines_of(pieces: list[Piece]) -> list[list[Span]]:
    """The pieces of one paragraph as lines of spans: a line break starts a line."""
    lines: list[list[Span]] = [[]]
    for piece in pieces:
        if not isinstance(piece, Span):
            continue  # a note reference: the amendment is its words
        parts = piece.text.replace("\r", "\n").split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(Span(part, piece.fmt))
    return lines


def _plain_if_uniform(spans: list[Span]) -> list[Span]:
    """The spans without the bold or italic every word of the line has: a heading, a
    provision's name or a field set in bold is its words."""
    worded = [s for s in spans if s.text.strip()]
    if not worded:
        return spans
    bold = all(s.fmt.b for s in worded)
    italic = all(s.fmt.i for s in worded)
    if not bold and not italic:
        return spans
    return [
        Span(s.text, replace(s.fmt, b=s.fmt.b and not bold, i=s.fmt.i and not italic))
        for s in spans
    ]


def _label(p: SourceParagraph) -> str:
    label = p.label
    if label is None or not label.text:
        return ""
    return "- " if label.bullet else f"{label.text} "


def _paragraph_lines(p: SourceParagraph) -> list[str]:
    indent = " " * min(max(p.indent or 0, 0) // _TWIPS_A_SPACE, _MAX_SPACES)
    out = []
    for k, spans in enumerate(_lines_of(p.pieces)):
        text = _markup(_plain_if_uniform(_spans(spans)))
        if k == 0:
            text = _label(p) + text
        out.append(indent + text if text else "")
    return out


def _spans(spans: list[Span]) -> list[Span]:
    return [s for s in normalise(list(spans)) if isinstance(s, Span)]


def _cell_text(paragraphs: list[SourceParagraph]) -> str:
    lines = []
    for p in paragraphs:
        for k, spans in enumerate(_lines_of(p.pieces)):
            text = _markup(_spans(spans))
            if k == 0:
                text = _label(p) + text
            if text:
                lines.append(text)
    return "<br>".join(lines).replace("|", "\\|")


def _table_rows(table: SourceTable) -> list[str]:
    rows = []
    for row in table.rows:
        cells = [_cell_text(c.paragraphs) for c in row]
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows
