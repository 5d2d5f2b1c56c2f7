"""The words of a Word body as the reader sees them, with the formatting drafting keeps.

Word splits text into runs anywhere (a spell-check pass, an edit in the middle
of a word), wraps runs in hyperlinks, smart tags, content controls (``w:sdt``)
and custom XML, interleaves bookmarks and proofing marks, and shows a field's
*result* while storing its instruction beside it.  This module walks all of
that and yields, per paragraph, spans of text with their effective formatting
(run, character style, paragraph style, document defaults), note references
with their marks (``w:customMarkFollows`` marks such as ``*``, else Word's
automatic numbers), and the list number Word displays.  What is not running
text of the body (tables, text boxes, images, equations, comments, hidden text)
is collected as :class:`Aside` entries for the import report.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from drafting.docx_import.numbering import Numbering, NumLabel, render_value
from drafting.docx_import.package import Package, w
from drafting.docx_import.styles import Format, Styles, apply_rpr

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

_TRANSPARENT = frozenset(
    w(t) for t in ("hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple", "ins", "moveTo")
)
_W = w("")
_SKIPPED_INLINE = frozenset(w(t) for t in ("del", "moveFrom", "pPr"))
# Tags compared for every paragraph, run and run child: built once, not per comparison.
_PPR, _PSTYLE, _IND, _NUMPR = w("pPr"), w("pStyle"), w("ind"), w("numPr")
_NUMID, _ILVL, _VAL = w("numId"), w("ilvl"), w("val")
_R, _RPR, _RSTYLE, _SDT, _SDTCONTENT = w("r"), w("rPr"), w("rStyle"), w("sdt"), w("sdtContent")
_T = w("t")
_COMMENT_TAGS = frozenset((w("commentRangeStart"), w("commentReference")))
_MATH_TAGS = frozenset((f"{{{M}}}oMath", f"{{{M}}}oMathPara"))
_ALTERNATE, _CHOICE = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice"


def _first(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child of ``el`` called ``tag``: ``find(tag)`` without parsing a path.

    Properties (``w:pPr``, ``w:rPr``) come first, so the loop is short where it runs
    for every paragraph and run.
    """
    for c in el:
        if c.tag == tag:
            return c
    return None


class Span(NamedTuple):
    """Text shown with one formatting."""

    # Named tuples, not frozen dataclasses: a document makes tens of thousands of
    # pieces (read, trimmed, normalised), and a frozen dataclass is 3x slower to make.
    text: str
    fmt: Format


class NoteRef(NamedTuple):
    """A footnote or endnote reference and the mark the reader sees (``*``, ``1``)."""

    kind: str  # "footnote" | "endnote"
    id: str
    mark: str
    custom: bool


Piece = Span | NoteRef


@dataclass
class WordParagraph:
    """One ``w:p`` as displayed: its pieces, style, list number and indentation."""

    index: int
    pieces: list[Piece]
    style_id: str | None
    style_name: str
    label: NumLabel | None
    indent: int | None
    where: str = "body"

    @property
    def text(self) -> str:
        """The displayed text without the list number."""
        return "".join(p.text for p in self.pieces if isinstance(p, Span))


@dataclass(frozen=True)
class Aside:
    """Something in the body that is not imported as clause text, and where it was."""

    kind: str  # table | text box | image | drawing | equation | comment | hidden text | ...
    where: str
    text: str
    detail: str = ""


@dataclass
class _Field:
    phase: str = "instr"  # "instr" until w:fldChar separate, then "result"


@dataclass
class BodyReader:
    """Walks the main part, numbering paragraphs and collecting what is set aside."""

    pkg: Package
    styles: Styles
    numbering: Numbering
    footnotes: dict[str, etree._Element] = field(default_factory=dict)
    endnotes: dict[str, etree._Element] = field(default_factory=dict)
    note_formats: dict[str, tuple[str, int]] = field(default_factory=dict)
    comments: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (author, text)
    asides: list[Aside] = field(default_factory=list)
    _fields: list[_Field] = field(default_factory=list)
    _note_count: dict[str, int] = field(default_factory=dict)
    _pending_mark: NoteRef | None = None
    _count: int = 0
    _where: str = "body"
    _comments_seen: set[str] = field(default_factory=set)
    _tables: dict[int, int] = field(default_factory=dict)
    _style_indents: dict[str | None, int | None] = field(default_factory=dict)

    # -- block level ----------------------------------------------------------
    def read_body(self, body: etree._Element) -> list[WordParagraph]:
        """The paragraphs of the body in reading order; tables and the like go to asides."""
        out: list[WordParagraph] = []
        self._blocks(body, out, "body")
        return out

    def _blocks(self, parent: etree._Element, out: list[WordParagraph], where: str) -> None:
        tables = 0
        for el in parent:
            if el.tag == w("p"):
                para = self._paragraph(el, where, count_numbers=True)
                if where == "body":
                    out.append(para)
                elif para.text.strip():
                    self.asides.append(Aside(_kind_of(where), where, para.text))
                self._note_asides(para, where)
            elif el.tag == w("tbl") and _frame(el):
                # A one-cell table is a frame drawn round running text (a boxed title).
                cell = next(el.iter(w("tc")))
                self._blocks(cell, out, where)
            elif el.tag == w("tbl"):
                tables += 1
                label = f"table {self._table_no(el)}" if where == "body" else f"{where}, table"
                for r, tr in enumerate(el.iter(w("tr")), 1):
                    if tr.getparent() is not el:
                        continue
                    for c, tc in enumerate(tr.findall(w("tc")), 1):
                        self._blocks(tc, out, f"{label}, row {r}, cell {c}")
            elif el.tag in (w("sdt"),):
                content = el.find(w("sdtContent"))
                if content is not None:
                    self._blocks(content, out, where)
            elif el.tag == w("customXml"):
                self._blocks(el, out, where)
            elif el.tag == w("altChunk"):
                self.asides.append(
                    Aside("embedded document", where, "", "an altChunk part, not imported")
                )

    def _note_asides(self, para: WordParagraph, where: str) -> None:
        if where == "body":
            return
        for p in para.pieces:
            if isinstance(p, NoteRef):
                pieces, dropped = self.note_pieces(p.kind, p.id, p.mark if p.custom else "")
                mark = p.mark if p.custom else ""
                text = mark + dropped + "".join(x.text for x in pieces if isinstance(x, Span))
                self.asides.append(Aside(p.kind, where, text, f"note {p.mark}"))

    def _table_no(self, tbl: etree._Element) -> int:
        key = id(tbl)
        if key not in self._tables:
            self._tables[key] = len(self._tables) + 1
        return self._tables[key]

    # -- paragraph ------------------------------------------------------------
    def _paragraph(self, p: etree._Element, where: str, *, count_numbers: bool) -> WordParagraph:
        ppr = _first(p, _PPR)
        style_el = num_pr = ind = None
        if ppr is not None:
            # One pass for the three properties read (the first of each counts).
            for c in ppr:
                tag = c.tag
                if tag == _PSTYLE:
                    style_el = style_el if style_el is not None else c
                elif tag == _NUMPR:
                    num_pr = num_pr if num_pr is not None else c
                elif tag == _IND:
                    ind = ind if ind is not None else c
        style_id = style_el.get(_VAL) if style_el is not None else self.styles.default_para
        label = self._number(num_pr, style_id) if count_numbers else None
        indent = _indent(ind)
        if indent is None and label is not None:
            indent = label.indent
        if indent is None:
            indent = self._style_indent(style_id)
        if where == "body":
            self._count += 1
        index = self._count
        saved = self._where
        self._where = where if where != "body" else f"paragraph {index}"
        pieces: list[Piece] = []
        self._inline(p, pieces, style_id)
        self._where = saved
        return WordParagraph(
            index, pieces, style_id, self.styles.name(style_id), label, indent, where
        )

    def _style_indent(self, style_id: str | None) -> int | None:
        """The left indent a paragraph style gives (asked for every unindented paragraph)."""
        if style_id in self._style_indents:
            return self._style_indents[style_id]
        indent = self._style_indents[style_id] = _indent(self.styles.ppr_value(style_id, _IND))
        return indent

    def _number(self, num_pr: etree._Element | None, style_id: str | None) -> NumLabel | None:
        num_id_el = _first(num_pr, _NUMID) if num_pr is not None else None
        ilvl_el = _first(num_pr, _ILVL) if num_pr is not None else None
        style_num = self.styles.ppr_value(style_id, _NUMPR)
        if num_id_el is None and style_num is not None:
            num_id_el = _first(style_num, _NUMID)
            if ilvl_el is None:
                ilvl_el = _first(style_num, _ILVL)
        if num_id_el is None:
            return None
        num_id = num_id_el.get(_VAL) or "0"
        if ilvl_el is not None:
            try:
                ilvl = int(ilvl_el.get(_VAL) or 0)
            except ValueError:
                ilvl = 0
        else:
            ilvl = self.numbering.level_of_style(num_id, style_id)
        return self.numbering.next(num_id, ilvl)

    # -- inline ---------------------------------------------------------------
    def _inline(self, parent: etree._Element, out: list[Piece], style_id: str | None) -> None:
        for el in parent:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIPPED_INLINE:
                continue
            if tag == _R:
                self._run(el, out, style_id)
            elif tag in _TRANSPARENT:
                self._inline(el, out, style_id)
            elif tag == _SDT:
                content = _first(el, _SDTCONTENT)
                if content is not None:
                    self._inline(content, out, style_id)
            elif tag in _COMMENT_TAGS:
                self._comment(el.get(w("id")) or "")
            elif tag in _MATH_TAGS:
                text = "".join(t.text or "" for t in el.iter(f"{{{M}}}t"))
                self.asides.append(Aside("equation", self._where, text))
            elif tag == _ALTERNATE:
                choice = _first(el, _CHOICE)
                if choice is not None:
                    self._inline(choice, out, style_id)

    def _comment(self, cid: str) -> None:
        if cid in self._comments_seen:
            return
        self._comments_seen.add(cid)
        author, text = self.comments.get(cid, ("an unknown author", ""))
        self.asides.append(Aside("comment", self._where, text, f"by {author}"))

    def _suppressed(self) -> bool:
        return any(f.phase == "instr" for f in self._fields)

    def _run(self, r: etree._Element, out: list[Piece], style_id: str | None) -> None:
        # The children are listed once: looking for w:rPr, then reading them, would make
        # lxml build a proxy for each twice.
        kids = list(r)
        rpr = None
        for c in kids:
            if c.tag == _RPR:
                rpr = c
                break
        if rpr is None:
            fmt = self.styles.run_format(style_id, None)
        else:
            cstyle_el = _first(rpr, _RSTYLE)
            cstyle = cstyle_el.get(_VAL) if cstyle_el is not None else None
            fmt = apply_rpr(self.styles.run_format(style_id, cstyle), rpr)
        for c in kids:
            tag = c.tag
            if tag == _T and not self._fields and self._pending_mark is None:
                # The common case, first: plain text outside any field.
                shown = (c.text or "").replace("\u00ad", "")
                if fmt.hidden:
                    if shown.strip():
                        self.asides.append(Aside("hidden text", self._where, shown))
                    continue
                out.append(Span(_upper(shown) if fmt.caps else shown, fmt))
                continue
            if not isinstance(tag, str):
                continue
            local = tag[len(_W) :] if tag.startswith(_W) else ""
            if tag == _ALTERNATE:
                choice = _first(c, _CHOICE)
                if choice is not None:
                    fake = etree.Element(w("r"))
                    if rpr is not None:
                        fake.append(copy.deepcopy(rpr))
                    for x in choice:
                        fake.append(copy.deepcopy(x))
                    self._run(fake, out, style_id)
                continue
            if local == "fldChar":
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self._fields.append(_Field())
                elif kind == "separate" and self._fields:
                    self._fields[-1].phase = "result"
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if local in ("drawing", "pict", "object"):
                self._graphic(c)
                continue
            if local in ("footnoteReference", "endnoteReference"):
                self._note_ref(c, local[: -len("Reference")], out)
                continue
            if local == "commentReference":
                self._comment(c.get(w("id")) or "")
                continue
            if self._fields and self._suppressed():
                continue
            text = _char(c, local)
            if text is None:
                continue
            if self._pending_mark is not None and local == "t":
                ref = self._pending_mark
                self._pending_mark = None
                out.append(NoteRef(ref.kind, ref.id, text.strip() or text, True))
                continue
            if fmt.hidden:
                if text.strip():
                    self.asides.append(Aside("hidden text", self._where, text))
                continue
            if fmt.caps:
                text = _upper(text)
            out.append(Span(text, fmt))

    def _note_ref(self, c: etree._Element, kind: str, out: list[Piece]) -> None:
        nid = c.get(w("id")) or ""
        if c.get(w("customMarkFollows")) in ("1", "true", "on"):
            self._pending_mark = NoteRef(kind, nid, "", True)
            return
        n = self._note_count.get(kind, 0) + 1
        self._note_count[kind] = n
        fmt, start = self.note_formats.get(
            kind, ("decimal" if kind == "footnote" else "lowerRoman", 1)
        )
        out.append(NoteRef(kind, nid, render_value(n + start - 1, fmt), False))

    def _graphic(self, el: etree._Element) -> None:
        # The first text box content of each shape: mc:Fallback repeats it (as VML), and a
        # box nested in a box is read with its outer box.
        boxes = [
            b
            for b in el.iter(w("txbxContent"))
            if not _inside(b, (f"{{{MC}}}Fallback", w("txbxContent")), el)
        ]
        for box in boxes:
            scratch: list[WordParagraph] = []
            self._blocks(box, scratch, f"text box in {self._where}")
        if boxes:
            return
        props = next(iter(el.iter(f"{{{WP}}}docPr")), None)
        alt = ""
        if props is not None:
            alt = props.get("descr") or props.get("title") or props.get("name") or ""
        kind = "image" if any(True for _ in el.iter("{*}pic")) or el.tag == w("pict") else "drawing"
        if el.tag == w("object"):
            kind = "embedded object"
        self.asides.append(Aside(kind, self._where, "", alt))

    # -- notes ----------------------------------------------------------------
    def note_pieces(self, kind: str, nid: str, mark: str = "") -> tuple[list[Piece], str]:
        """The text of footnote or endnote ``nid``, paragraphs joined by a space.

        The note's own mark is dropped: Word's ``w:footnoteRef``, or, for a custom
        mark such as ``*``, the mark typed again as text (Word and LibreOffice both
        do this).  Returns the pieces and the mark text dropped.
        """
        holder = (self.footnotes if kind == "footnote" else self.endnotes).get(nid)
        if holder is None:
            return [], ""
        saved_fields, self._fields = self._fields, []
        saved_where, self._where = self._where, f"{kind} {nid}"
        out: list[Piece] = []
        for i, p in enumerate(holder.iter(w("p"))):
            ppr = p.find(w("pPr"))
            style_el = ppr.find(w("pStyle")) if ppr is not None else None
            style_id = style_el.get(w("val")) if style_el is not None else None
            if i:
                out.append(Span(" ", Format()))
            self._inline(p, out, style_id)
        self._fields, self._where = saved_fields, saved_where
        spans = [p for p in out if isinstance(p, Span)]
        dropped = ""
        while spans and not spans[0].text.strip():
            spans.pop(0)
        if mark and spans and spans[0].text.lstrip().startswith(mark):
            dropped = mark
            spans[0] = Span(spans[0].text.lstrip()[len(mark) :], spans[0].fmt)
        while spans and not spans[0].text.strip():
            spans.pop(0)
        if spans:
            spans[0] = Span(spans[0].text.lstrip(), spans[0].fmt)
        return list(spans), dropped


def _upper(text: str) -> str:
    """``text`` in capitals, keeping each character whose capital is longer ("ß")."""
    upper = text.upper()
    if len(upper) == len(text):
        # No character grew, so each maps one to one: the same as the loop below.
        return upper
    return "".join(ch.upper() if len(ch.upper()) == 1 else ch for ch in text)


def _frame(tbl: etree._Element) -> bool:
    """True for a table of one row and one cell, holding no other table."""
    rows = tbl.findall(w("tr"))
    cells = rows[0].findall(w("tc")) if len(rows) == 1 else []
    return len(cells) == 1 and cells[0].find(f".//{w('tbl')}") is None


def _kind_of(where: str) -> str:
    return "text box" if where.startswith("text box") else "table cell"


def _inside(el: etree._Element, tags: tuple[str, ...], stop: etree._Element) -> bool:
    """True when an ancestor of ``el`` below ``stop`` has one of ``tags``."""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _indent(ind: etree._Element | None) -> int | None:
    if ind is None:
        return None
    raw = ind.get(w("left")) or ind.get(w("start"))
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _char(c: etree._Element, local: str) -> str | None:
    """The text a run child shows; None for children that show nothing."""
    if local == "t":
        return (c.text or "").replace("\u00ad", "")
    if local in ("tab", "ptab"):
        return "\t"
    if local == "br":
        return None if c.get(w("type")) in ("page", "column") else "\n"
    if local == "cr":
        return "\n"
    if local == "noBreakHyphen":
        return "\u2011"
    if local == "sym":
        code = c.get(w("char")) or ""
        try:
            n = int(code, 16)
        except ValueError:
            return None
        if 0xF000 <= n <= 0xF0FF:  # symbol fonts map their glyphs here
            n -= 0xF000
        # A damaged or crafted code may name no character XML can hold (a surrogate, past
        # U+10FFFF): shown as nothing, like a control character.
        xml_char = 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF
        return chr(n) if xml_char else None
    return None
