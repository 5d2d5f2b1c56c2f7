"""The draft as printed with page and line numbers, laid out the same way every time.

The UK House of Commons finds the words an amendment changes by the page and line of
the printed bill: ``Page 2, line 10, leave out 'x' and insert 'y'``.  This module is
that print.  Each provision is written as the text export writes it (its number, then
its words; sub-paragraphs further in), in plain words, wrapped greedily at spaces to
at most :data:`WIDTH` characters (a word longer than a line is cut), continuation
lines hanging under the words.  A page holds :data:`LINES_PER_PAGE` numbered lines;
numbering restarts on each page.  The blank lines between paragraphs are printed
but neither numbered nor counted.

``drafting export --line-numbers`` writes this print and
:mod:`drafting.amendments.lines` finds page and line in it, so the paper a delegation
drafted its amendment on and the resolution of the amendment cannot disagree.  There
are no options: a second layout would be a second print.

Each line records whose words it prints and where they stand in them: the
provision's element (or the title's ``<docTitle>``) and the offset of the line's first
word in that element's clause text (its ``<p>`` blocks joined by a line break, as
amendments count it).  The number line, the formula, closing words, tables and notes
are printed but belong to no provision an amendment can name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.ns import XPATH_NS, local_name
from drafting.model.document import Document
from drafting.model.provision import Provision
from drafting.text.writer import number_line

#: Characters of text a line holds, indent and number of the provision included.
WIDTH = 72
#: Numbered lines a page holds.
LINES_PER_PAGE = 40
#: How far each level of sub-paragraphs stands in.
INDENT = 4
#: The least room left for words after a number and its indent.
_MIN_ROOM = WIDTH // 2
#: White space a line may break at: any but the no-break spaces.
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]")
#: Text whose only white space is plain spaces (nearly all clause text).
_PLAIN = re.compile(r"[^\t-\r\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]*")


@dataclass(frozen=True)
class PrintedLine:
    """One numbered line of the print.

    ``text`` is the line as printed, indent and number included, at most
    :data:`WIDTH` characters.  ``owner`` is the element whose clause text the line
    prints: a provision (``<paragraph>``, ``<point>``, ``<recital>`` ...) or the
    ``<docTitle>``; None for the number line, the formula, closing words, tables and
    notes.  The words, ``text[column:]``, are the owner's clause text from ``start``
    to :attr:`end` (white space shown as spaces).  ``provision`` is the provision the
    line is printed for, whether its words, its number alone, a row of its table or
    its closing words (AKN ``wrapUp``); None outside the provisions.  ``gap``: a blank
    line is printed before this one (it starts a paragraph), unless it opens a page.
    """

    page: int
    number: int
    text: str
    owner: AknElement | None = None
    start: int = 0
    column: int = 0
    provision: AknElement | None = None
    gap: bool = False

    @property
    def words(self) -> str:
        """The words of the owner this line prints (no indent, no number)."""
        return self.text[self.column :]

    @property
    def end(self) -> int:
        """Where in the owner's clause text the line's words end."""
        return self.start + len(self.text) - self.column


class _Printer:
    """Lays lines out one after another, numbering them and starting new pages."""

    def __init__(self) -> None:
        self.lines: list[PrintedLine] = []

    def line(
        self,
        text: str,
        owner: AknElement | None = None,
        start: int = 0,
        column: int = 0,
        provision: AknElement | None = None,
        gap: bool = False,
    ) -> None:
        k = len(self.lines)
        page, number = k // LINES_PER_PAGE + 1, k % LINES_PER_PAGE + 1
        self.lines.append(PrintedLine(page, number, text, owner, start, column, provision, gap))

    def wrap(
        self,
        words: str,
        first: str = "",
        rest: str = "",
        *,
        owner: AknElement | None = None,
        base: int = 0,
        provision: AknElement | None = None,
        gap: bool = False,
    ) -> None:
        """``words`` after the prefix ``first``, then ``rest``, on lines of :data:`WIDTH`.

        Greedy: each line takes every word that still fits; a word longer than a line
        is cut.  ``base`` is where ``words`` start in the owner's clause text.
        """
        limit = WIDTH - _MIN_ROOM
        if len(first) > limit:
            label = first.rstrip()
            if label.strip():
                # A number too long to leave room for words stands on its own line(s).
                for i in range(0, len(label), WIDTH):
                    self.line(label[i : i + WIDTH], provision=provision, gap=gap and not i)
                gap = False
            first = rest
        # Sub-paragraphs nested very deep stand in no further than leaves room for words.
        first, rest = first[: max(limit, len(first.rstrip()))], rest[:limit]
        # The same text with every breakable space a plain space (a no-break space stays).
        shown = _BREAKS.sub(" ", words) if not _PLAIN.fullmatch(words) else words
        n = len(shown.rstrip(" "))
        pos = len(shown) - len(shown.lstrip(" "))
        if pos >= n:
            self.line(first.rstrip(), owner, base, len(first.rstrip()), provision, gap)
            return
        prefix = first
        while pos < n:
            room = WIDTH - len(prefix)
            if n - pos <= room:
                end = after = n
            else:
                cut = shown.rfind(" ", pos, pos + room + 1)
                if cut <= pos:
                    end = after = pos + room  # a word longer than the line: cut it
                else:
                    end = len(shown[:cut].rstrip(" "))
                    after = cut
            self.line(prefix + shown[pos:end], owner, base + pos, len(prefix), provision, gap)
            gap = False
            prefix = rest
            pos = after
            while pos < n and shown[pos] == " ":
                pos += 1


def _provision(p: Provision, out: _Printer, gap: bool, level: int = 0) -> None:
    """``p``'s lines: its number and words, each further block, its sub-paragraphs, and
    its closing words; each line is printed for ``p`` (the deepest provision it is in)."""
    indent = " " * (INDENT * level)
    label = "–" if p.kind == "citation" else (p.num or "")
    first = f"{indent}{label} " if label else indent
    hang = " " * len(first)
    el = p.element
    table = p.table
    if table is not None:
        if label:
            out.line(first.rstrip(), provision=el, gap=gap)
            gap = False
        for row in _rows(table):
            out.wrap(row, hang, hang, provision=el, gap=gap)
            gap = False
        return
    offset = 0
    blocks = p.blocks
    for i, block in enumerate(blocks):
        words = text_of(block)
        lead = first if i == 0 else hang
        out.wrap(words, lead, hang, owner=el, base=offset, provision=el, gap=gap and i == 0)
        offset += len(words) + 1
    if not blocks:
        out.wrap("", first, hang, owner=el, provision=el, gap=gap)
    for child in p.children:
        _provision(child, out, False, level + 1)
    for block in p.wrap_up_blocks:
        out.wrap(text_of(block), hang, hang, provision=el)


def _rows(table: AknElement) -> Iterable[str]:
    """A table's rows, the words of each cell apart by a bar."""
    for tr in table:
        if local_name(tr.tag) != "tr":
            continue
        cells = [c for c in tr if local_name(c.tag) in ("td", "th")]
        yield " | ".join(
            " ".join(text_of(b) for b in c if local_name(b.tag) == "p").strip() for c in cells
        )


def _mark(note: etree._Element) -> str:
    marker = note.get("marker", "")
    return marker if marker and not marker[0].isalnum() else f"[{marker}]"


def _preface(doc: Document, out: _Printer) -> None:
    """The title, the number line with its note marks, and the other lines of the head."""
    preface = doc.statement.child("preface")
    line = doc.number_line
    for el in preface if preface is not None else ():
        if not isinstance(el, AknElement):
            continue
        if el.local == "longTitle":
            found = el.xpath(".//a:docTitle", namespaces=XPATH_NS)
            if isinstance(found, list) and found and isinstance(found[0], AknElement):
                title = found[0]
                out.wrap(text_of(title), owner=title, gap=True)
            else:
                for block in el.iter():
                    if isinstance(block, AknElement) and block.local == "p":
                        out.wrap(text_of(block), gap=True)
        elif el is line:
            out.wrap(number_line(line, _mark), gap=True)
        elif el.local == "p":
            out.wrap(text_of(el), gap=True)
        elif el.local == "table":
            for i, row in enumerate(_rows(el)):
                out.wrap(row, gap=not i)


def printed_lines(doc: Document) -> list[PrintedLine]:
    """Every numbered line of ``doc`` as printed, with its page and its number on the page."""
    out = _Printer()
    _preface(doc, out)
    if doc.formula:
        out.wrap(doc.formula, gap=True)
    for top in doc.top_level:
        _provision(top, out, True)
    for block in doc.conclusions:
        out.wrap(text_of(block), gap=True)
    written: set[str] = set()
    for note in doc.notes:
        mark = _mark(note.element)
        entry = f"{mark} {note.text}"
        if entry not in written:  # one note cited at two places is printed once
            out.wrap(note.text, f"{mark} ", "  ", gap=not written)
            written.add(entry)
    return out.lines


def write_printed(doc: Document) -> str:
    """``doc`` as printed with page and line numbers: ``Page 1``, then its lines, each
    after its number (``12  of AI in the military domain;``)."""
    out: list[str] = []
    page = 0
    digits = len(str(LINES_PER_PAGE))
    for ln in printed_lines(doc):
        if ln.page != page:
            out += [*([""] if page else []), f"Page {ln.page}", ""]
            page = ln.page
        elif ln.gap:
            out.append("")
        out.append(f"{ln.number:>{digits}}  {ln.text}".rstrip())
    return "\n".join(out) + "\n"
