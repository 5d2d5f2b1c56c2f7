"""The words of a Word body as the reader sees them, with the formatting drafting keeps.

Word splits text into runs anywhere (a spell-check pass, an edit in the middle
of a word), wraps runs in hyperlinks, smart tags, content controls (``w:sdt``)
and custom XML, interleaves bookmarks and proofing marks, and shows a field's
*result* while storing its instruction beside it.  This module walks all of
that and yields, per paragraph, spans of text with their effective formatting
(run, character style, paragraph style, document defaults), note references
with their marks (``w:customMarkFollows`` marks such as ``*``, else Word's
automatic numbers), and the list number Word displays.  A link (``w:hyperlink``,
or a ``HYPERLINK`` field, simple or complex) gives its words the address, checked
as any address from an untrusted file is (:func:`drafting.akn.inline.safe_href`);
an address refused keeps its words and is listed in :attr:`BodyReader.dropped_links`.
What is not running text of the body (tables, text boxes, images, equations,
comments, hidden text) is collected as :class:`Aside` entries for the import report.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from drafting.akn.inline import safe_href
from drafting.docx_import.glyphs import PRIVATE_GLYPHS as _PRIVATE_GLYPHS
from drafting.docx_import.glyphs import SYMBOL_GLYPHS as _SYMBOL_GLYPHS
from drafting.docx_import.numbering import Numbering, NumLabel, render_value
from drafting.docx_import.package import Package, w
from drafting.docx_import.styles import Styles, apply_rpr
from drafting.layout.source import (
    Block,
    Cell,
    Format,
    NoteRef,
    Piece,
    SourceParagraph,
    SourceTable,
    Span,
)

#: A paragraph of the Word body as displayed.
WordParagraph = SourceParagraph

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

_TRANSPARENT = frozenset(w(t) for t in ("smartTag", "customXml", "dir", "bdo", "ins", "moveTo"))
_HYPERLINK, _FLD_SIMPLE, _INSTR = w("hyperlink"), w("fldSimple"), w("instr")
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_R_ID, _ANCHOR = f"{{{R_NS}}}id", w("anchor")
#: A field instruction's words: a quoted string (``\\`` and ``\"`` escaped) or a word.
_FIELD_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
_FIELD_ESCAPE = re.compile(r"\\(.)")
#: Switches of the HYPERLINK field that take an argument (``\l`` the bookmark).
_ARG_SWITCHES = frozenset({"\\l", "\\o", "\\t"})
_W = w("")
_SKIPPED_INLINE = frozenset(w(t) for t in ("del", "moveFrom", "pPr"))
# Tags compared for every paragraph, run and run child: built once, not per comparison.
_PPR, _PSTYLE, _IND, _NUMPR = w("pPr"), w("pStyle"), w("ind"), w("numPr")
_NUMID, _ILVL, _VAL = w("numId"), w("ilvl"), w("val")
_R, _RPR, _RSTYLE, _SDT, _SDTCONTENT = w("r"), w("rPr"), w("rStyle"), w("sdt"), w("sdtContent")
_T = w("t")
_P, _TBL, _CUSTOM_XML = w("p"), w("tbl"), w("customXml")
_OUTLINE = w("outlineLvl")
_CAPITALS_STYLES = frozenset({"Resolution Title", "Resolution Number"})
_HEADING_NAME = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
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


@dataclass(frozen=True)
class Aside:
    """Something in the body that is not imported as clause text, and where it was."""

    kind: str  # table | text box | image | drawing | equation | comment | hidden text | ...
    where: str
    text: str
    detail: str = ""


@dataclass
class Field:
    """One open complex field (``w:fldChar`` begin ... end), as a reader walks it."""

    phase: str = "instr"  # "instr" until w:fldChar separate, then "result"
    #: The instruction's text (``w:instrText``), gathered until the separator.
    instr: list[str] = field(default_factory=list)
    #: The address of a HYPERLINK field, for its result's words; None for other fields.
    link: str | None = None


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
    _fields: list[Field] = field(default_factory=list)
    _note_count: dict[str, int] = field(default_factory=dict)
    _pending_mark: NoteRef | None = None
    _count: int = 0
    _where: str = "body"
    _comments_seen: set[str] = field(default_factory=set)
    _tables: int = 0
    #: Paragraphs of text boxes met in the paragraph being read, to follow it.
    _floating: list[Block] = field(default_factory=list)
    #: ... and those of text boxes before any of its text, to precede it.
    _leading: list[Block] = field(default_factory=list)
    _style_indents: dict[str | None, int | None] = field(default_factory=dict)
    _style_outlines: dict[str | None, int | None] = field(default_factory=dict)
    #: Capitals set by formatting are shown as capitals (False in drafting's own
    #: capitalised styles, whose capitals are presentation).
    _cased: bool = True
    #: One line per link whose address was refused (its words were kept), for the
    #: import report's details.
    dropped_links: list[str] = field(default_factory=list)
    #: The link around the runs being read (a ``w:hyperlink``, a simple field); ""
    #: in a link whose address was refused (its words are still a link's words).
    _link: str | None = None
    #: External relationship targets by id, of the part being read (the main part,
    #: or the notes part while a note is read): hyperlinks name theirs by ``r:id``.
    _targets: dict[str, str] = field(default_factory=dict)
    _note_targets: dict[str, dict[str, str]] = field(default_factory=dict)
    _linked: dict[tuple[Format, str], Format] = field(default_factory=dict)

    # -- block level ----------------------------------------------------------
    def read_body(self, body: etree._Element) -> list[Block]:
        """The paragraphs and tables of the body in reading order.

        A text box's paragraphs follow the paragraph that anchors it; a content
        control's stand where the control does.
        """
        # Read while the package is open: notes are read later, once it is closed.
        self._targets = self._external_targets(self.pkg.main)
        for kind in ("footnotes", "endnotes"):
            part = self.pkg.related(self.pkg.main, kind)
            self._note_targets[kind[:-1]] = self._external_targets(part) if part else {}
        out: list[Block] = []
        self._blocks(body, out, "body")
        return out

    def _external_targets(self, part: str) -> dict[str, str]:
        """The external targets (hyperlink addresses) of ``part``'s relationships, by id."""
        return {rid: r.target for rid, r in self.pkg.rels(part).items() if r.external}

    def _blocks(self, parent: etree._Element, out: list[Block], where: str) -> None:
        for el in parent:
            tag = el.tag
            if tag == _P:
                para = self._paragraph(el, where, count_numbers=True)
                if where == "body":
                    leading, floating = self._leading, self._floating
                    self._leading, self._floating = [], []
                    out.extend(leading)
                    out.append(para)
                    out.extend(floating)
                elif para.text.strip():
                    self.asides.append(Aside(_kind_of(where), where, para.text))
                self._note_asides(para, where)
            elif tag == _TBL and _frame(el):
                # A one-cell table is a frame drawn round running text (a boxed title).
                cell = next(el.iter(w("tc")))
                self._blocks(cell, out, where)
            elif tag == _TBL:
                if where == "body":
                    out.append(self._table(el))
                else:
                    label = f"{where}, table"
                    for r, row in enumerate(_rows(el), 1):
                        for c, tc in enumerate(_cells(row), 1):
                            self._blocks(tc, out, f"{label}, row {r}, cell {c}")
            elif tag in (_SDT, _CUSTOM_XML):
                content = el.find(w("sdtContent")) if tag == _SDT else el
                if content is not None:
                    self._blocks(content, out, where)
            elif tag == w("altChunk"):
                self.asides.append(
                    Aside("embedded document", where, "", "an altChunk part, not imported")
                )

    def _table(self, tbl: etree._Element) -> SourceTable:
        """A body table: its rows and cells, merges read, nested tables flattened."""
        self._tables += 1
        table = SourceTable(self._tables)
        spans: dict[int, Cell] = {}  # grid column -> the cell a vertical merge continues
        for row in _rows(tbl):
            trpr = _first(row, w("trPr"))
            header = trpr is not None and _first(trpr, w("tblHeader")) is not None
            cells: list[Cell] = []
            column = 0
            for tc in _cells(row):
                tcpr = _first(tc, w("tcPr"))
                span = _int_val(_first(tcpr, w("gridSpan")) if tcpr is not None else None, 1)
                merge = _first(tcpr, w("vMerge")) if tcpr is not None else None
                paragraphs: list[Block] = []
                self._blocks(tc, paragraphs, "body")
                flat = [p for b in paragraphs for p in _paragraphs_of(b)]
                if merge is not None and merge.get(w("val")) in (None, "continue"):
                    above = spans.get(column)
                    if above is not None:
                        above.rowspan += 1
                        above.paragraphs.extend(flat)  # a continued cell's words go on
                        column += span
                        continue
                cell = Cell(flat, colspan=span, header=header)
                if merge is not None:
                    spans[column] = cell
                else:
                    spans.pop(column, None)
                cells.append(cell)
                column += span
            table.rows.append(cells)
        return table

    def _note_asides(self, para: WordParagraph, where: str) -> None:
        if where == "body":
            return
        for p in para.pieces:
            if isinstance(p, NoteRef):
                pieces, dropped = self.note_pieces(p.kind, p.id, p.mark if p.custom else "")
                mark = p.mark if p.custom else ""
                text = mark + dropped + "".join(x.text for x in pieces if isinstance(x, Span))
                self.asides.append(Aside(p.kind, where, text, f"note {p.mark}"))

    # -- paragraph ------------------------------------------------------------
    def _paragraph(self, p: etree._Element, where: str, *, count_numbers: bool) -> WordParagraph:
        ppr = _first(p, _PPR)
        style_el = num_pr = ind = outline_el = None
        if ppr is not None:
            # One pass for the properties read (the first of each counts).
            for c in ppr:
                tag = c.tag
                if tag == _PSTYLE:
                    style_el = style_el if style_el is not None else c
                elif tag == _NUMPR:
                    num_pr = num_pr if num_pr is not None else c
                elif tag == _IND:
                    ind = ind if ind is not None else c
                elif tag == _OUTLINE and outline_el is None:
                    outline_el = c
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
        name = self.styles.name(style_id)
        # drafting's own title and number-line styles print the words in capitals; the
        # words are as typed (so that a text exported and imported again is the same).
        self._cased = name not in _CAPITALS_STYLES
        self._inline(p, pieces, style_id)
        self._cased = True
        self._where = saved
        outline = _outline(outline_el) if outline_el is not None else self._style_outline(style_id)
        return WordParagraph(index, pieces, style_id, name, label, indent, where, outline)

    def _style_outline(self, style_id: str | None) -> int | None:
        """The heading level a paragraph style gives: its outline level, or its name
        ("Heading 2"); None for body text."""
        if style_id in self._style_outlines:
            return self._style_outlines[style_id]
        found = self.styles.ppr_value(style_id, _OUTLINE)
        level = _outline(found) if found is not None else None
        if level is None:
            m = _HEADING_NAME.match(self.styles.name(style_id))
            level = int(m.group(1)) - 1 if m else None
        self._style_outlines[style_id] = level
        return level

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
            elif tag == _HYPERLINK:
                self._linked_inline(el, self._hyperlink_target(el), out, style_id)
            elif tag == _FLD_SIMPLE:
                self._linked_inline(el, _field_target(el.get(_INSTR) or ""), out, style_id)
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

    def _linked_inline(
        self, el: etree._Element, target: str | None, out: list[Piece], style_id: str | None
    ) -> None:
        """The content of a hyperlink or simple field, its words linked to ``target`` (as
        the file gives it; None: not a link, the words are read as they are)."""
        if target is None:
            self._inline(el, out, style_id)
            return
        saved, self._link = self._link, self._checked(target) or ""
        self._inline(el, out, style_id)
        self._link = saved

    def _hyperlink_target(self, el: etree._Element) -> str | None:
        """A ``w:hyperlink``'s address: its relationship's target, then ``#`` and its
        ``w:anchor`` (a bookmark); None when it names neither (or a missing target)."""
        rid, anchor = el.get(_R_ID), el.get(_ANCHOR)
        target = self._targets.get(rid) if rid else None
        if target is None and rid and not anchor:
            return None
        return (target or "") + (f"#{anchor}" if anchor else "")

    def _checked(self, target: str) -> str | None:
        """``target`` as a link may keep it; None, said in :attr:`dropped_links`, when
        it is refused."""
        href = safe_href(target)
        if href is None and target.strip():
            shown = target if len(target) <= 60 else target[:57] + "..."
            self.dropped_links.append(
                f"{self._where}: the link address {shown!r} was dropped (only http, https,"
                " mailto and ftp addresses, #bookmarks and relative paths are kept);"
                " its words are kept"
            )
        return href

    def _field_link(self) -> str | None:
        """The address of the innermost HYPERLINK field whose result is being read ("":
        refused); None outside any."""
        for f in reversed(self._fields):
            if f.phase == "result" and f.link is not None:
                return f.link
        return None

    def _with_link(self, fmt: Format, link: str) -> Format:
        """``fmt`` linked to ``link`` ("": to nothing, the address refused), without
        underline: Word underlines every link (the Hyperlink style), and that line says
        "link", not emphasis."""
        found = self._linked.get((fmt, link))
        if found is None:
            found = self._linked[fmt, link] = replace(fmt, link=link or None, u=False)
        return found

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
        if self._link is not None:
            fmt = self._with_link(fmt, self._link)
        for c in kids:
            tag = c.tag
            if tag == _T and not self._fields and self._pending_mark is None:
                # The common case, first: plain text outside any field.
                shown = (c.text or "").replace("\u00ad", "")
                if not shown.isascii():
                    shown = shown.translate(_PRIVATE_GLYPHS)
                if fmt.hidden:
                    if shown.strip():
                        self.asides.append(Aside("hidden text", self._where, shown))
                    continue
                out.append(Span(_upper(shown) if fmt.caps and self._cased else shown, fmt))
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
                    self._fields.append(Field())
                elif kind == "separate" and self._fields:
                    top = self._fields[-1]
                    if top.phase == "instr":
                        target = _field_target("".join(top.instr))
                        top.link = None if target is None else self._checked(target) or ""
                    top.phase = "result"
                elif kind == "end" and self._fields:
                    self._fields.pop()
                continue
            if local in ("drawing", "pict", "object"):
                self._graphic(c, lead=not any(p.text.strip() for p in out if isinstance(p, Span)))
                continue
            if local == "ruby":
                self._ruby(c, out, style_id)
                continue
            if local in ("footnoteReference", "endnoteReference"):
                self._note_ref(c, local[: -len("Reference")], out)
                continue
            if local == "commentReference":
                self._comment(c.get(w("id")) or "")
                continue
            if local == "instrText" and self._fields:
                top = self._fields[-1]
                if top.phase == "instr":
                    top.instr.append(c.text or "")
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
            if fmt.caps and self._cased:
                text = _upper(text)
            link = self._field_link() if self._fields else None
            out.append(Span(text, fmt if link is None else self._with_link(fmt, link)))

    def _ruby(self, ruby: etree._Element, out: list[Piece], style_id: str | None) -> None:
        """Ruby text: the base, then its reading (``w:rt``) raised after it, so that both
        are kept and the base reads first."""
        base = _first(ruby, w("rubyBase"))
        if base is not None:
            self._inline(base, out, style_id)
        reading = _first(ruby, w("rt"))
        if reading is not None:
            above: list[Piece] = []
            self._inline(reading, above, style_id)
            for piece in above:
                if isinstance(piece, Span):
                    piece = Span(piece.text, _raised(piece.fmt))
                out.append(piece)

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

    def _graphic(self, el: etree._Element, *, lead: bool = False) -> None:
        """A drawing: its text boxes read into the flow, else listed as an image.

        ``lead``: the drawing stands before any text of its paragraph, so its text boxes
        are read before the paragraph, as the file holds them; otherwise after it.
        """
        # The first text box content of each shape: mc:Fallback repeats it (as VML), and a
        # box nested in a box is read with its outer box.
        boxes = [
            b
            for b in el.iter(w("txbxContent"))
            if not _inside(b, (f"{{{MC}}}Fallback", w("txbxContent")), el)
        ]
        for box in boxes:
            if self._where.startswith("paragraph "):
                # In the body: the box's paragraphs stand next to the paragraph anchoring it.
                saved, saved_lead = self._floating, self._leading
                self._floating, self._leading = [], []
                flow: list[Block] = []
                self._blocks(box, flow, "body")
                if lead:
                    self._leading = [*saved_lead, *flow, *self._leading, *self._floating]
                    self._floating = saved
                else:
                    self._floating = [*saved, *flow, *self._leading, *self._floating]
                    self._leading = saved_lead
            else:
                scratch: list[Block] = []
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
        saved_targets, self._targets = self._targets, self._note_targets.get(kind, {})
        saved_link, self._link = self._link, None
        out: list[Piece] = []
        for i, p in enumerate(holder.iter(w("p"))):
            ppr = p.find(w("pPr"))
            style_el = ppr.find(w("pStyle")) if ppr is not None else None
            style_id = style_el.get(w("val")) if style_el is not None else None
            if i:
                out.append(Span(" ", Format()))
            self._inline(p, out, style_id)
        self._fields, self._where = saved_fields, saved_where
        self._targets, self._link = saved_targets, saved_link
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


def _field_target(instr: str) -> str | None:
    """The address a ``HYPERLINK "url" \\l "bookmark"`` field instruction links to
    (``url#bookmark``, or ``#bookmark``); None for any other field, or none named.

    Word doubles a backslash inside a quoted argument (``"C:\\\\notes.docx"``).
    """
    tokens: list[tuple[str, bool]] = []  # (word, quoted)
    for m in _FIELD_TOKEN.finditer(instr):
        quoted = m.group(1)
        if quoted is None:
            tokens.append((m.group(2), False))
        else:
            tokens.append((_FIELD_ESCAPE.sub(r"\1", quoted), True))
    if not tokens or tokens[0][0].upper() != "HYPERLINK" or tokens[0][1]:
        return None
    url = anchor = None
    k = 1
    while k < len(tokens):
        word, quoted = tokens[k]
        switch = word.lower() if not quoted and word.startswith("\\") else None
        if switch in _ARG_SWITCHES:
            if switch == "\\l" and k + 1 < len(tokens):
                anchor = tokens[k + 1][0]
            k += 2
            continue
        if switch is None and url is None:
            url = word
        k += 1
    if url is None and anchor is None:
        return None
    return (url or "") + (f"#{anchor}" if anchor else "")


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


_RAISED: dict[Format, Format] = {}


def _raised(fmt: Format) -> Format:
    out = _RAISED.get(fmt)
    if out is None:
        out = _RAISED[fmt] = replace(fmt, sup=True, sub=False)
    return out


def _outline(el: etree._Element) -> int | None:
    """``w:outlineLvl``: 0 to 8 for a heading level; 9 (body text) and junk are None."""
    try:
        level = int(el.get(_VAL) or "9")
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None


def _rows(tbl: etree._Element) -> list[etree._Element]:
    """The rows of a table, those wrapped in content controls or custom XML too."""
    return _unwrapped(tbl, w("tr"))


def _cells(row: etree._Element) -> list[etree._Element]:
    """The cells of a row, those wrapped in content controls or custom XML too."""
    return _unwrapped(row, w("tc"))


def _unwrapped(parent: etree._Element, tag: str) -> list[etree._Element]:
    out: list[etree._Element] = []
    for el in parent:
        if el.tag == tag:
            out.append(el)
        elif el.tag == _SDT:
            content = _first(el, _SDTCONTENT)
            if content is not None:
                out.extend(_unwrapped(content, tag))
        elif el.tag == _CUSTOM_XML:
            out.extend(_unwrapped(el, tag))
    return out


def _paragraphs_of(block: Block) -> list[SourceParagraph]:
    return block.paragraphs if isinstance(block, SourceTable) else [block]


def _int_val(el: etree._Element | None, default: int) -> int:
    try:
        value = int(el.get(w("val")) or default) if el is not None else default
    except ValueError:
        return default
    return max(1, min(value, 64))


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
        text = (c.text or "").replace("\u00ad", "")
        return text if text.isascii() else text.translate(_PRIVATE_GLYPHS)
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
        glyph = _SYMBOL_GLYPHS.get(((c.get(w("font")) or "").lower(), n))
        if glyph is not None:
            return glyph
        # A damaged or crafted code may name no character XML can hold (a surrogate, past
        # U+10FFFF): shown as nothing, like a control character.
        xml_char = 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF
        return chr(n) if xml_char else None
    return None
