"""A resolution as the Word file a plenary service would have typed, NATO PA style.

The title in bold capitals, centred; ``RESOLUTION 495*`` with a real footnote
carrying the ``*``; the opening formula; then every paragraph in its named style,
its number typed out (a final text must not renumber itself when someone edits
it) or, for drafts, in Word's automatic numbering.  The FRBR identity travels in
custom document properties so that importing the file again gives the same
document back.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import safe_href
from drafting.akn.ns import local_name, q
from drafting.docx_export import ooxml
from drafting.docx_export import styles as S
from drafting.errors import DraftingError, InputError
from drafting.model.document import Document
from drafting.model.provision import Provision, parts
from drafting.model.styles import (
    HouseStyle,
    Level,
    from_alpha,
    from_letters,
    from_roman,
    label_value,
)

#: Custom document property names (docProps/custom.xml), shared with the Word importer.
PROPERTY_PREFIX = "AKN."

_EMPHASIS = {"b": "bold", "i": "italic", "u": "underline", "sup": "superscript", "sub": "subscript"}
_MAX_TEMPLATE_BYTES = 64 * 1024 * 1024


class WordNumberingError(DraftingError):
    """Numbers that Word's automatic numbering cannot show as they stand."""


class TemplateError(InputError):
    """A Word template that cannot be opened."""


# -- the template -----------------------------------------------------------------------------


def _as_document(data: bytes) -> bytes:
    """The bytes of a .dotx template re-labelled as a .docx, which python-docx opens.

    Only the main part's content type differs between the two; nothing else changes.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            types = src.read("[Content_Types].xml")
            if b"wordprocessingml.template.main+xml" not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    body = src.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = body.replace(
                            b"wordprocessingml.template.main+xml",
                            b"wordprocessingml.document.main+xml",
                        )
                    dst.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data


def open_template(path: str | Path) -> WordDocument:
    """A secretariat's .docx or .dotx with its body emptied, keeping styles, headers,
    footers and page setup.

    Raises:
        TemplateError: the file is missing, too large, or not a Word document.
    """
    p = Path(path)
    try:
        if p.stat().st_size > _MAX_TEMPLATE_BYTES:
            raise TemplateError("the template is over 64 MB", file=p, hint="check the file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise TemplateError("no such template", file=p, hint="check the name and folder") from None
    except IsADirectoryError:
        raise TemplateError("this is a folder, not a template", file=p) from None
    except PermissionError:
        raise TemplateError("permission denied", file=p) from None
    try:
        word = docx.Document(io.BytesIO(_as_document(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise TemplateError(
            "this is not a Word document or template",
            file=p,
            hint="give a .docx or .dotx file saved by Word or LibreOffice",
        ) from None
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _new_word(style: HouseStyle, *, clauses: bool = False) -> WordDocument:
    """python-docx's blank document, set up as an A4 resolution in drafting's styles
    (with ``clauses``, a clause text's styles too)."""
    word = docx.Document()
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    S.define_styles(word, style, clauses=clauses)
    section = word.sections[-1]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    ooxml.drop_thumbnail(word)
    return word


# -- numbering -------------------------------------------------------------------------------


def _value(label: str, level: Level) -> int | None:
    """The counter value behind ``label`` in ``level``'s format; None when it has none."""
    bare = label_value(label)
    if level.fmt == "decimal":
        return int(bare) if bare.isdigit() else None
    if level.fmt in ("lower-alpha", "upper-alpha"):
        return from_alpha(bare)
    if level.fmt == "upper-letters":
        return from_letters(bare)
    return from_roman(bare)


class _Lists:
    """Word lists standing for the house style's numbering, checked against the text."""

    def __init__(self, word: WordDocument, doc: Document, outline: list[_Node]) -> None:
        style = doc.house_style
        self.style = style
        deep = [style.paragraph_level, *style.point_levels]
        recital = style.recital_level
        first_rec = next((p for p in doc.recitals if p.num), None)
        first_par = next((p for p in doc.paragraphs if p.num), None)
        self.shared = style.shared_sequence and recital is not None
        para_start = first_par if not self.shared else (first_rec or first_par)
        start = self._start(para_start, style.paragraph_level)
        self.paragraphs = ooxml.add_list(word, deep, indent_cm=S.STEP_CM, starts={0: start})
        self.recitals = self.paragraphs
        if recital is not None and not self.shared:
            start = self._start(first_rec, recital)
            self.recitals = ooxml.add_list(word, [recital], indent_cm=S.STEP_CM, starts={0: start})
        self._check(outline)

    @staticmethod
    def _start(first: Provision | None, level: Level) -> int:
        if first is None or first.num is None:
            return 1
        return _value(first.num, level) or 1

    def place(self, p: Provision, level: int) -> tuple[int, Level] | None:
        """The list and level numbering ``p`` (at depth ``level``); None when its
        number stays typed out."""
        style = self.style
        if p.kind == "citation" or p.num is None:
            return None
        if p.kind == "recital":
            if style.recital_level is None:
                return None  # the house style does not number these: keep what is there
            level_style = style.paragraph_level if self.shared else style.recital_level
            return self.recitals, level_style
        if level == 0:
            return self.paragraphs, style.paragraph_level
        return self.paragraphs, style.point_level(level)

    def _check(self, outline: list[_Node]) -> None:
        """Refuse numbers Word would display differently: a final text must not change."""
        counters: dict[int, list[int]] = {}
        for node in _reading_order(outline):
            p, depth = node.provision, node.level
            place = self.place(p, depth)
            if place is None or p.num is None:
                continue
            list_id, level = place
            counts = counters.setdefault(list_id, [])
            while len(counts) <= depth:
                counts.append(0)
            if counts[depth] == 0 and depth == 0:
                counts[0] = (_value(p.num, level) or 1) - 1
            counts[depth] += 1
            del counts[depth + 1 :]
            expected = level.label(counts[depth])
            if p.num != expected:
                raise WordNumberingError(
                    f"{_what(p)} is numbered {p.num!r}, but Word's automatic numbering would"
                    f" show {expected!r}",
                    eid=p.eid,
                    hint="renumber the document first (drafting renumber), or export with"
                    " the numbers typed out (without --word-numbering)",
                )


def _cell(tr: etree._Element, span: int, merge: str | None) -> etree._Element:
    """A ``<w:tc>`` at the end of ``tr``, spanning ``span`` grid columns, opening
    (``restart``) or continuing (``continue``) a vertical merge."""
    tc = etree.SubElement(tr, _TC)
    if span > 1 or merge is not None:
        pr = etree.SubElement(tc, _TCPR)
        if span > 1:
            etree.SubElement(pr, _GRIDSPAN).set(_VAL, str(span))
        if merge is not None:
            etree.SubElement(pr, _VMERGE).set(_VAL, merge)
    return tc


def _int_attr(el: etree._Element, name: str) -> int:
    """A table cell's ``colspan`` or ``rowspan``: 1 when absent or not a number."""
    try:
        return max(1, min(int(el.get(name, "1") or 1), 64))
    except ValueError:
        return 1


def _what(p: Provision) -> str:
    names = {"recital": "preambular paragraph", "paragraph": "paragraph"}
    return f"{names.get(p.kind, 'sub-paragraph')} {p.ref or p.num}"


# -- text -----------------------------------------------------------------------------------------

# The body is built in place with lxml (see ooxml.append_run): python-docx's element
# factory, property setters and proxies (``Paragraph.add_run``, ``Font.bold``,
# ``CT_P.style``) cost more per paragraph than everything else in the export.
_P, _PPR, _PSTYLE, _NUMPR, _ILVL, _NUMID, _IND = (
    qn(f"w:{t}") for t in ("p", "pPr", "pStyle", "numPr", "ilvl", "numId", "ind")
)
_R, _TAB = qn("w:r"), qn("w:tab")
_TBL, _TBLPR, _TBLW, _TBLBORDERS, _TBLGRID, _GRIDCOL = (
    qn(f"w:{t}") for t in ("tbl", "tblPr", "tblW", "tblBorders", "tblGrid", "gridCol")
)
_TR, _TRPR, _TBLHEADER, _TC, _TCPR, _GRIDSPAN, _VMERGE = (
    qn(f"w:{t}") for t in ("tr", "trPr", "tblHeader", "tc", "tcPr", "gridSpan", "vMerge")
)
_W, _TYPE, _SZ, _SPACE, _COLOR = (qn(f"w:{t}") for t in ("w", "type", "sz", "space", "color"))
_VAL, _LEFT, _FIRST_LINE = qn("w:val"), qn("w:left"), qn("w:firstLine")
_PLAIN: frozenset[str] = frozenset()

#: Run properties for each set of emphasis marks, as python-docx's Font setters write them.
_RUN_PROPS: dict[frozenset[str], tuple[tuple[str, str | None], ...]] = {}


def _run_props(marks: frozenset[str]) -> tuple[tuple[str, str | None], ...]:
    props = _RUN_PROPS.get(marks)
    if props is None:
        found: list[tuple[str, str | None]] = []
        if "b" in marks:
            found.append((qn("w:b"), None))
        if "i" in marks:
            found.append((qn("w:i"), None))
        if "u" in marks:
            found.append((qn("w:u"), "single"))
        # Superscript wins over subscript when both are marked, as it always has.
        if "sup" in marks or "sub" in marks:
            found.append((qn("w:vertAlign"), "superscript" if "sup" in marks else "subscript"))
        props = _RUN_PROPS[marks] = tuple(found)
    return props


def new_run(
    into: etree._Element, marks: frozenset[str], style: str | None = None
) -> etree._Element:
    """A ``<w:r>`` appended to ``into``, with ``<w:rPr>`` only when ``marks`` or a
    character ``style`` (the id of the Hyperlink style, in a link) need one."""
    if style is None:
        return ooxml.append_run(into, _run_props(marks))
    # w:rStyle comes first in w:rPr.
    return ooxml.append_run(into, ((_RSTYLE, style), *_run_props(marks)))


_RSTYLE, _HYPERLINK, _ANCHOR, _HISTORY = (
    qn(f"w:{t}") for t in ("rStyle", "hyperlink", "anchor", "history")
)
_FLD_SIMPLE, _INSTR, _RID = qn("w:fldSimple"), qn("w:instr"), qn("r:id")
_HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class _Runs:
    """The runs of one stretch of mixed content, one run per stretch of equal formatting,
    as Word would save it; a run's words are written once it is complete.

    ``style``: the character style of every run (the Hyperlink style, inside a link);
    ``in_note``: the runs are a footnote's, whose part has no relationships of its own
    here, so a link there is a HYPERLINK field rather than a ``w:hyperlink``.
    """

    __slots__ = ("builder", "in_note", "into", "marks", "parts", "run", "style")

    def __init__(
        self,
        builder: WordBuilder,
        into: etree._Element,
        *,
        style: str | None = None,
        in_note: bool = False,
    ) -> None:
        self.builder = builder
        self.into = into
        self.run: etree._Element | None = None
        self.marks = _PLAIN
        self.parts: list[str] = []
        self.style = style
        self.in_note = in_note

    def text(self, value: str | None, marks: frozenset[str]) -> None:
        if not value:
            return
        if self.run is not None and marks == self.marks:
            self.parts.append(value)
            return
        self.flush()
        self.run = new_run(self.into, marks, self.style)
        self.marks = marks
        self.parts = [value]

    def flush(self) -> None:
        if self.run is not None:
            ooxml.append_text(self.run, "".join(self.parts))
            self.run = None

    def walk(self, el: etree._Element, marks: frozenset[str]) -> None:
        self.text(el.text, marks)
        for child in el:
            name = local_name(child.tag)
            if name == "authorialNote":
                self.flush()  # the reference run ends the run before it
                self.builder.note(child, self.into)
            elif name in ("num", "noteRef") or not name:
                pass
            elif name in ("eol", "br"):
                self.text("\n", marks)
            elif name == "a":
                self.link(child, marks)
            else:
                self.walk(child, marks | {name} if name in _EMPHASIS else marks)
            self.text(child.tail, marks)

    def link(self, a: etree._Element, marks: frozenset[str]) -> None:
        """The AKN ``<a href>`` as a Word link: a ``w:hyperlink`` to an external
        relationship (``w:anchor`` for a ``#bookmark``), or a HYPERLINK field in a note,
        its runs in the Hyperlink style.  An address a link may not have
        (:func:`~drafting.akn.inline.safe_href`), or a link in a link, is its words."""
        href = safe_href(a.get("href") or "")
        if href is None or self.style is not None:
            self.walk(a, marks)
            return
        self.flush()
        if self.in_note:
            host = etree.SubElement(self.into, _FLD_SIMPLE)
            target = href.replace("\\", "\\\\")
            if target.startswith("#"):
                host.set(_INSTR, f' HYPERLINK \\l "{target[1:]}" ')
            else:
                host.set(_INSTR, f' HYPERLINK "{target}" ')
        else:
            host = etree.SubElement(self.into, _HYPERLINK)
            if href.startswith("#"):
                host.set(_ANCHOR, href[1:])
            else:
                host.set(_RID, self.builder.word.part.relate_to(href, _HYPERLINK_REL, True))
            host.set(_HISTORY, "1")
        runs = _Runs(self.builder, host, style=self.builder.hyperlink_style())
        runs.walk(a, marks)
        runs.flush()


class WordBuilder:
    """Writes the paragraphs of one resolution into one Word document."""

    def __init__(
        self,
        word: WordDocument,
        body: etree._Element,
        names: Mapping[str, str],
        footnotes: ooxml.Footnotes,
    ) -> None:
        self.word = word
        self.body = body
        self.names = names
        self.footnotes = footnotes
        self.style_ids: dict[str, str] = {}
        self._hyperlink_style: str | None = None

    def runs(self, block: etree._Element, into: etree._Element, *, in_note: bool = False) -> None:
        """Append to ``into`` the runs setting AKN mixed content ``block`` (a footnote's
        when ``in_note``)."""
        runs = _Runs(self, into, in_note=in_note)
        runs.walk(block, _PLAIN)
        runs.flush()

    def hyperlink_style(self) -> str:
        """The id of the Hyperlink character style, added to the document at first use."""
        if self._hyperlink_style is None:
            self._hyperlink_style = S.ensure_hyperlink_style(self.word)
        return self._hyperlink_style

    def note(self, note: etree._Element, into: etree._Element) -> None:
        """A footnote reference in ``into`` and the footnote it refers to."""
        marker = note.get("marker", "") or str(self.footnotes.auto_count + 1)
        run, holder, auto = self.footnotes.reference(marker)
        into.append(run)
        blocks = [c for c in note if local_name(c.tag) == "p"] or [note]
        for i, block in enumerate(blocks):
            p = ooxml.append_paragraph(holder, self.footnotes.text_style)
            if i == 0:
                p.append(self.footnotes.own_mark(marker, auto))
                etree.SubElement(etree.SubElement(p, _R), _TAB)
            self.runs(block, p, in_note=True)

    def table(self, table: etree._Element) -> None:
        """A Word table for the AKN ``<table>``: a row for each ``tr``, a cell for each
        ``td``/``th`` (spans kept), its blocks as paragraphs in the table text style."""
        tbl = etree.SubElement(self.body, _TBL)
        pr = etree.SubElement(tbl, _TBLPR)
        etree.SubElement(pr, _TBLW).attrib.update({_W: "0", _TYPE: "auto"})
        borders = etree.SubElement(pr, _TBLBORDERS)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            etree.SubElement(borders, qn(f"w:{side}")).attrib.update(
                {_VAL: "single", _SZ: "4", _SPACE: "0", _COLOR: "auto"}
            )
        rows = [r for r in table if local_name(r.tag) == "tr"]
        width = max((sum(int(c.get("colspan", "1") or 1) for c in r) for r in rows), default=1)
        grid = etree.SubElement(tbl, _TBLGRID)
        for _ in range(max(width, 1)):
            etree.SubElement(grid, _GRIDCOL)
        style_id = self.style_id(S.TABLE_TEXT)
        below: dict[int, tuple[int, int]] = {}  # grid column -> (rows still merged, span)
        for row in rows:
            tr = etree.SubElement(tbl, _TR)
            cells = [c for c in row if local_name(c.tag) in ("td", "th")]
            if cells and all(local_name(c.tag) == "th" for c in cells):
                etree.SubElement(etree.SubElement(tr, _TRPR), _TBLHEADER)
            column = 0
            queue = list(cells)
            while queue or any(col >= column for col in below):
                if column in below:  # a cell merged down from above: Word's continuation
                    left, span = below.pop(column)
                    ooxml.append_paragraph(_cell(tr, span, "continue"), style_id)
                    if left > 1:
                        below[column] = (left - 1, span)
                    column += span
                    continue
                if not queue:
                    column = min(col for col in below if col >= column)
                    continue
                cell = queue.pop(0)
                span = _int_attr(cell, "colspan")
                rows_down = _int_attr(cell, "rowspan")
                tc = _cell(tr, span, "restart" if rows_down > 1 else None)
                if rows_down > 1:
                    below[column] = (rows_down - 1, span)
                blocks = [p for p in cell if local_name(p.tag) == "p"] or [cell]
                for block in blocks:
                    self.runs(block, ooxml.append_paragraph(tc, style_id))
                column += span

    def style_id(self, style: str) -> str:
        """The id of the paragraph style that sets drafting's ``style``."""
        style_id = self.style_ids.get(style)
        if style_id is None:
            style_id = self.word.styles[self.names[style]].style_id
            self.style_ids[style] = style_id
        return style_id

    def paragraph(
        self,
        style: str,
        *,
        number: tuple[int, int] | None = None,
        first_line: str | None = None,
        left: str | None = None,
    ) -> etree._Element:
        """A new ``<w:p>`` at the end of the body in ``style``: list ``number`` (numId,
        ilvl) and indents in twips, each in CT_PPr's schema order."""
        # python-docx finds a style by name by scanning every style with enum
        # conversions (2.5 ms a paragraph); look each name's id up once.
        style_id = self.style_id(style)
        p = etree.SubElement(self.body, _P)
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
        if number is not None:
            num_pr = etree.SubElement(ppr, _NUMPR)
            etree.SubElement(num_pr, _ILVL).set(_VAL, str(number[1]))
            etree.SubElement(num_pr, _NUMID).set(_VAL, str(number[0]))
        if first_line is not None or left is not None:
            ind = etree.SubElement(ppr, _IND)
            if first_line is not None:
                ind.set(_FIRST_LINE, first_line)
            if left is not None:
                ind.set(_LEFT, left)
        return p

    def blocks(self, style: str, blocks: list[AknElement]) -> None:
        for block in blocks:
            self.runs(block, self.paragraph(style))


def _style_of(kind: str, level: int) -> str:
    if kind == "citation":
        return S.CITATION
    if kind == "hcontainer":
        return S.UNNUMBERED
    if kind == "recital":
        return S.PREAMBULAR
    if kind == "paragraph":
        return S.OPERATIVE
    return S.SUB if level == 1 else S.SUB_SUB


@dataclass(frozen=True, slots=True)
class _Node:
    """A provision with its depth, parts and sub-paragraphs, read from the tree once:
    the model's ``level`` climbs to the top for each provision, its other properties
    each look their part up again, and the style check, the numbering check and the
    writing each need them."""

    provision: Provision
    level: int
    kind: str
    num: str | None
    blocks: list[etree._Element]
    wrap_up: list[etree._Element]
    children: list[_Node]
    #: ``heading`` or ``table`` for a heading or a table among the provisions, else ''.
    role: str = ""


def _outline(doc: Document) -> list[_Node]:
    """The top-level provisions of ``doc`` as nodes."""

    # Most drafts hold no table: then no provision is asked for one.
    tables = next(doc.statement.iter(q("table")), None) is not None

    def node(el: AknElement, level: int) -> _Node:
        num, blocks, points, wrap_up = parts(el)
        children = [node(c, level + 1) for c in points if isinstance(c, AknElement)]
        prov = Provision(el)
        role = ""
        local = el.local
        if local == "hcontainer" and el.get("name") == "heading":
            role = "heading"
        elif tables and prov.table is not None:
            role = "table"
        return _Node(prov, level, local, num, blocks, wrap_up, children, role)

    return [node(top.element, 0) for top in doc.top_level]


def _reading_order(nodes: list[_Node]) -> Iterator[_Node]:
    for n in nodes:
        yield n
        yield from _reading_order(n.children)


def _needed(doc: Document, outline: list[_Node]) -> list[str]:
    used = set()
    if doc.structure.hierarchical:
        from drafting.docx_export.clause_writer import needed_styles

        used |= needed_styles(doc)
        outline = []  # not a resolution's provisions
    for n in _reading_order(outline):
        used.add(
            S.HEADING
            if n.role == "heading"
            else S.TABLE_TEXT
            if n.role == "table"
            else _style_of(n.kind, n.level)
        )
        if len(n.blocks) > 1 or n.wrap_up:
            used.add(S.CONTINUED)
    preface = doc.statement.child("preface")
    for el in preface if preface is not None else ():
        if el.local == "table":
            used.add(S.TABLE_TEXT)
        elif el.local == "p" and el is not doc.number_line:
            used.add(S.HEAD)
        elif el.local == "toc":
            used.add(S.CONTENTS)
    if doc.title:
        used.add(S.CLAUSE_TITLE if doc.structure.hierarchical else S.TITLE)
    if doc.number_line is not None:
        used.add(S.NUMBER)
    if doc.formula:
        used.add(S.FORMULA)
    return [name for name in S.ALL_STYLES if name in used]


#: The left indent, in twips, of a provision nested deeper than the styles go.
_DEEP_INDENT: dict[int, str] = {}


def deep_indent(level: int) -> str | None:
    """The left indent, in twips, of a provision at ``level`` deeper than the styles go."""
    if level <= 2:
        return None
    found = _DEEP_INDENT.get(level)
    if found is None:
        found = _DEEP_INDENT[level] = str(Cm(S.STEP_CM * (level + 1)).twips)
    return found


def _provision(b: WordBuilder, node: _Node, lists: _Lists | None) -> None:
    kind, level, num = node.kind, node.level, node.num
    if node.role == "heading":
        p = b.paragraph(S.HEADING)
        if num:
            ooxml.append_text(new_run(p, _PLAIN), f"{num}\t")
        if node.blocks:
            b.runs(node.blocks[0], p)
        return
    if node.role == "table":
        table = node.provision.table
        assert table is not None
        if num:  # a numbered provision whose words are a table: its number first
            ooxml.append_text(new_run(b.paragraph(_style_of(kind, level)), _PLAIN), num)
        b.table(table)
        return
    style = _style_of(kind, level)
    left = deep_indent(level)
    place = (
        lists.place(node.provision, level)
        if lists is not None and num and kind != "citation"
        else None
    )
    first = b.paragraph(style, number=(place[0], level) if place is not None else None, left=left)
    if kind == "citation":
        ooxml.append_text(new_run(first, _PLAIN), "–\t")
    elif num and place is None:
        ooxml.append_text(new_run(first, _PLAIN), f"{num}\t")
    blocks = node.blocks
    if blocks:
        b.runs(blocks[0], first)
    _continue(b, level, blocks[1:])
    for child in node.children:
        _provision(b, child, lists)
    # The words after the sub-paragraphs (AKN wrapUp) come after them, as in the text.
    _continue(b, level, node.wrap_up)


def _continue(b: WordBuilder, level: int, blocks: list[etree._Element]) -> None:
    """Words that continue a provision at ``level``, aligned with its text, not its
    number: the indent says which provision they belong to when the file is read again."""
    if not blocks:
        return
    left = continued_indent(level)
    for block in blocks:
        b.runs(block, b.paragraph(S.CONTINUED, first_line="0", left=left))


def continued_indent(level: int) -> str:
    """The left indent, in twips, of the words continuing a provision at ``level``."""
    return str(Cm(S.STEP_CM * (level + 1)).twips)


def _properties(word: WordDocument, doc: Document) -> None:
    md = doc.metadata
    when = dt.datetime.combine(md.date, dt.time(0, 0), tzinfo=dt.UTC)
    core = word.core_properties
    core.title = doc.title
    core.author = md.body
    core.last_modified_by = md.body
    core.identifier = md.expression_uri
    core.language = md.language_tag
    core.comments = ""
    core.created = core.modified = when
    core.revision = 1
    props = {
        "AKN.work": md.work_uri,
        "AKN.expression": md.expression_uri,
        "AKN.houseStyle": doc.house_style.name,
        "AKN.number": md.number,
        "AKN.body": md.body,
        "AKN.date": md.date.isoformat(),
        "AKN.dateName": md.date_name,
    }
    if md.committee:
        props["AKN.committee"] = md.committee
    if md.rapporteur:
        props["AKN.rapporteur"] = md.rapporteur
    if doc.structure.hierarchical:  # read back as the same kind of text
        props["AKN.docType"] = doc.structure.name
    ooxml.set_custom_properties(word, props, PROPERTY_PREFIX)


@dataclass
class Frame:
    """The final text's Word document around its provisions: styles, template, page
    setup, the preface (title, number line and its footnote, head lines) and the
    formula, with the provisions left for the caller to write.

    The Word redline is this frame with the provisions written as tracked changes, so
    that it prints exactly as ``drafting export`` does.
    """

    word: WordDocument
    builder: WordBuilder
    doc: Document
    section: etree._Element | None

    @property
    def body(self) -> etree._Element:
        return self.builder.body

    def style_id(self, style: str) -> str:
        """The id of the paragraph style setting drafting's ``style`` (``S.OPERATIVE``)."""
        return self.builder.style_id(style)

    def table(self, table: etree._Element) -> None:
        """Write the AKN ``<table>`` as the final text does."""
        self.builder.table(table)

    def finish(self) -> WordDocument:
        """Close the body (section properties last), attach the footnotes, record the
        metadata and number the pages."""
        word, doc = self.word, self.doc
        if self.section is not None:
            self.body.append(self.section)
            self.section = None
        ooxml.attach_footnotes(word, self.builder.footnotes.notes)
        _properties(word, doc)
        style = doc.house_style
        ooxml.add_page_numbers(
            word, style.running_reference(doc.metadata.number), style.reference_in
        )
        return word


def build_frame(
    doc: Document,
    *,
    template: str | Path | None = None,
    style_map: Mapping[str, str] | None = None,
    extra_styles: Sequence[str] = (),
    outline: list[_Node] | None = None,
) -> Frame:
    """The :class:`Frame` of ``doc``: everything of its Word export but its provisions.

    ``extra_styles`` are drafting style names needed beyond ``doc``'s own (a redline
    shows deleted provisions too).

    Raises:
        TemplateError, TemplateStyleError: see :func:`write_docx`.
    """
    word = (
        open_template(template)
        if template is not None
        else _new_word(doc.house_style, clauses=doc.structure.hierarchical)
    )
    text_style, ref_style = S.ensure_footnote_styles(word)
    needed = set(_needed(doc, outline if outline is not None else _outline(doc)))
    needed.update(extra_styles)
    wanted = [name for name in S.ALL_STYLES if name in needed]
    names = S.resolve_styles(word, wanted, style_map=style_map, template=template)
    # Paragraphs are appended at the end of the body; the section properties,
    # which must stay last, are put back after them.
    body = word.element.body
    section = body.find(qn("w:sectPr"))
    if section is not None:
        body.remove(section)
    b = WordBuilder(word, body, names, ooxml.Footnotes(text_style, ref_style))

    preface = doc.statement.child("preface")
    line = doc.number_line
    # The preface in its own order: title, number line, and the other lines of the head.
    for el in preface if preface is not None else ():
        name = el.local
        if name == "longTitle":
            if doc.title:
                title = S.CLAUSE_TITLE if doc.structure.hierarchical else S.TITLE
                b.blocks(title, el.children_named("p"))
        elif el is line:
            b.blocks(S.NUMBER, [line])
        elif name == "p":
            b.blocks(S.HEAD, [el])
        elif name == "table":
            b.table(el)
        elif name == "toc":  # a clause text's contents, as its draft had them
            for item in el.children_named("tocItem"):
                b.runs(item, b.paragraph(S.CONTENTS))
    preamble = doc.statement.child("preamble")
    formula = preamble.child("formula") if preamble is not None else None
    if formula is not None and doc.formula:
        b.blocks(S.FORMULA, formula.children_named("p"))
    return Frame(word, b, doc, section)


def build_word(
    doc: Document,
    *,
    template: str | Path | None = None,
    word_numbering: bool = False,
    style_map: Mapping[str, str] | None = None,
) -> WordDocument:
    """The python-docx document for ``doc`` (see :func:`write_docx`)."""
    outline = _outline(doc)
    frame = build_frame(doc, template=template, style_map=style_map, outline=outline)
    if doc.structure.hierarchical:
        from drafting.docx_export.clause_writer import write_clauses

        write_clauses(frame.builder, doc)
        return frame.finish()
    lists = _Lists(frame.word, doc, outline) if word_numbering else None
    for top in outline:
        _provision(frame.builder, top, lists)
    return frame.finish()


def write_docx(
    doc: Document,
    *,
    template: str | Path | None = None,
    word_numbering: bool = False,
    style_map: Mapping[str, str] | None = None,
) -> bytes:
    """The .docx bytes of ``doc``, laid out as the NATO PA publishes a resolution.

    ``template`` is a secretariat's .docx/.dotx whose styles, headers, footers and
    page setup are used; ``style_map`` maps drafting's style names ("Operative
    Paragraph") onto the template's own.  ``word_numbering`` numbers paragraphs
    with Word's automatic numbering, for drafts still being edited.

    Raises:
        TemplateError: the template cannot be opened.
        TemplateStyleError: the template lacks a paragraph style the resolution needs.
        WordNumberingError: ``word_numbering`` and a number Word would display otherwise.
    """
    word = build_word(doc, template=template, word_numbering=word_numbering, style_map=style_map)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
