"""The diff as a Word document with real tracked changes.

Every difference is a Word revision with author and date, so a secretary can walk
through it with Word's Review pane: words as ``w:ins``/``w:del``, a whole inserted
or deleted provision with its paragraph mark marked too (``w:pPr/w:rPr/w:ins``),
a moved provision as ``w:moveFrom`` at its old place and ``w:moveTo`` at its new
one, each inside its move range.  "Accept all" gives NEW and "Reject all" gives
OLD.  A moved provision's edits are split across the two places so that both
hold: words it lost are ``w:del`` at the old place, words it gained ``w:ins`` at
the new one.  Numbers are written as text so that a renumbering is a revision too.

Given the new version itself (``new=``), the redline *is* that document: the frame of
its Word export (template, styles, page setup, title, number line and its footnote,
formula, page numbers) with the provisions written as tracked changes, each set as
the export sets it, and each change's author the amendment that made it where the
text records that.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from lxml import etree

from drafting.akn.ns import q
from drafting.diff.records import Change, DiffResult, OpKind, Run, Slot, WordOp
from drafting.docx_export import ooxml
from drafting.docx_export import styles as S
from drafting.docx_export.writer import Frame, build_frame, continued_indent, deep_indent
from drafting.model.document import Document
from drafting.model.structure import LEVELS, set_as_heading

AUTHOR = "drafting"

#: The paragraph style for each subject and depth; names shared with Word export/import.
STYLE_NAMES: dict[str, str] = {
    "title": "Resolution Title",
    "formula": "Opening Formula",
    "citation": "Citation",
    "recital": "Preambular Paragraph",
    "paragraph": "Operative Paragraph",
    "point": "Sub-paragraph",
    "point2": "Sub-sub-paragraph",
    "heading": S.HEADING,
    "unnumbered": S.UNNUMBERED,
    "table": S.TABLE_TEXT,
}
#: Styles of the blocks that are not numbered provisions: set flush, no hanging label.
_FLUSH = frozenset({"title", "formula", "heading", "unnumbered", "table"})
_MARK_PROPS = {"b": "w:b", "i": "w:i", "u": "w:u", "sup": "w:vertAlign", "sub": "w:vertAlign"}
Revision = str  # "ins" | "del" | "moveFrom" | "moveTo" | ""


class _Ids:
    """Revision ids: unique across the document, as Word requires."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def _clause_depth(change: Change) -> int | None:
    """A clause text's provision as a resolution's level in the redline: None for a
    heading (a Part, a Chapter, "Rule 5"), else how deep it stands below its heading
    (0 for a rule's "1.", 1 for its "(a)")."""
    side = change.new or change.old
    assert side is not None
    if set_as_heading(change.subject, None, side.num):
        return None
    return (side.ref or "").rpartition(", ")[2].count("(")


def _clause(change: Change) -> bool:
    """A change to a clause text's provision: a level a resolution does not have, or a
    rule's paragraph ("Rule 5, paragraph 1")."""
    side = change.new or change.old
    assert side is not None
    if change.subject in STYLE_NAMES:
        return change.subject == "paragraph" and (side.ref or "")[:1].isalpha()
    return change.subject in LEVELS


def _style_key(change: Change) -> str:
    side = change.new or change.old
    assert side is not None
    if _clause(change):
        depth = _clause_depth(change)
        return "heading" if depth is None else ("paragraph", "point", "point2")[min(depth, 2)]
    if change.subject == "point":
        depth = side.ref.count("(") if side.ref else 1
        return "point2" if depth >= 2 else "point"
    if change.subject == "hcontainer":
        # A table's rows come out as paragraphs of table text: its words are what changed.
        return side.name if side.name in ("heading", "table") else "unnumbered"
    return change.subject


_W = {
    name: qn(f"w:{name}")
    for name in (
        "p",
        "pPr",
        "pStyle",
        "ind",
        "r",
        "rPr",
        "t",
        "delText",
        "br",
        "tab",
        "b",
        "i",
        "u",
        "vertAlign",
    )
}
_VAL = qn("w:val")
_ID, _AUTHOR, _DATE = qn("w:id"), qn("w:author"), qn("w:date")
_REVISIONS = {tag: qn(f"w:{tag}") for tag in ("ins", "del", "moveFrom", "moveTo")}
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _run(host: etree._Element, r: Run, deleted: bool) -> None:
    """Append to ``host`` the ``<w:r>`` of ``r`` (its text as ``w:delText`` if ``deleted``).

    Elements are made in place with ``SubElement``, in the document being written:
    python-docx's ``OxmlElement`` builds a namespace map for every element, which
    was most of the time of a thousand-paragraph redline.
    """
    el = etree.SubElement(host, _W["r"])
    marks = r.marks
    if r.is_note or (marks and not _MARK_PROPS.keys().isdisjoint(marks)):
        rpr = etree.SubElement(el, _W["rPr"])
        for m in ("b", "i", "u"):
            if m in marks:
                prop = etree.SubElement(rpr, _W[m])
                if m == "u":
                    prop.set(_VAL, "single")
        if "sup" in marks or "sub" in marks or r.is_note:
            va = etree.SubElement(rpr, _W["vertAlign"])
            va.set(_VAL, "subscript" if "sub" in marks else "superscript")
    if r.is_break:
        etree.SubElement(el, _W["br"])
        return
    if r.text == "\t":  # the tab between a number and the words
        etree.SubElement(el, _W["tab"])
        return
    t = etree.SubElement(el, _W["delText"] if deleted else _W["t"])
    t.set(_SPACE, "preserve")
    t.text = r.text


class _Writer:
    def __init__(
        self,
        body: etree._Element,
        author: str,
        date: str,
        styles: dict[str, str],
        frame: Frame | None = None,
    ):
        self.body = body
        self.author = author
        #: Who made the change being written: its amendment, where the text says.
        self.by = author
        self.date = date
        self.ids = _Ids()
        self.styles = styles
        self.move = 0
        self.frame = frame

    def _mark(self, parent: etree._Element, tag: str) -> etree._Element:
        """A new revision element ``w:{tag}`` at the end of ``parent``."""
        return etree.SubElement(
            parent,
            _REVISIONS.get(tag) or qn(f"w:{tag}"),
            {_ID: self.ids.next(), _AUTHOR: self.by, _DATE: self.date},
        )

    def _new_p(
        self, style_id: str, *, left: str | None = None, first_line: str | None = None
    ) -> etree._Element:
        p = etree.SubElement(self.body, _W["p"])
        ppr = etree.SubElement(p, _W["pPr"])
        etree.SubElement(ppr, _W["pStyle"]).set(_VAL, style_id)
        if left is not None or first_line is not None:
            ind = etree.SubElement(ppr, _W["ind"])
            if first_line is not None:
                ind.set(qn("w:firstLine"), first_line)
            if left is not None:
                ind.set(qn("w:left"), left)
        return p

    def _close(self, p: etree._Element, mark: Revision) -> None:
        """Revise the paragraph mark of ``p`` (``w:rPr`` comes last in ``w:pPr``)."""
        if mark:
            ppr = p.find(_W["pPr"])
            assert ppr is not None
            self._mark(etree.SubElement(ppr, _W["rPr"]), mark)

    def fill(self, p: etree._Element, pieces: Iterable[tuple[Revision, tuple[Run, ...]]]) -> None:
        """Append ``pieces`` to ``p``, each group of runs inside its revision."""
        for rev, runs in pieces:
            if not runs:
                continue
            deleted = rev in ("del", "moveFrom")
            host = self._mark(p, rev) if rev else p
            for r in runs:
                _run(host, r, deleted)

    def paragraph(
        self,
        style_key: str,
        pieces: Iterable[tuple[Revision, tuple[Run, ...]]],
        mark: Revision = "",
        level: int = 0,
    ) -> None:
        """One provision: runs grouped in revisions, the paragraph mark revised too.

        Beside a document, each block of the provision is a paragraph of its own, as
        the export writes it (a block break inserted is an inserted paragraph mark).
        """
        if self.frame is None:
            p = self._new_p(self.styles[style_key])
            self._close(p, mark)
            self.fill(p, pieces)
            return
        left = deep_indent(level) if style_key in ("point", "point2") else None
        p = self._new_p(self.styles[style_key], left=left)
        table = style_key == "table"
        for rev, runs in pieces:
            group: list[Run] = []
            for r in runs:
                if not r.is_break:
                    group.append(r)
                    continue
                self.fill(p, [(rev, tuple(group))])
                group = []
                # Word keeps a paragraph mark's revision on the paragraph it ends.
                self._close(p, rev)
                if table:
                    p = self._new_p(self.styles["table"])
                else:
                    p = self._new_p(
                        self.styles["continued"], first_line="0", left=continued_indent(level)
                    )
            self.fill(p, [(rev, tuple(group))])
        self._close(p, mark)

    def move_range(self, kind: str, start: bool, name: str, rid: str) -> None:
        tag = f"{kind}RangeStart" if start else f"{kind}RangeEnd"
        el = etree.SubElement(self.body, qn(f"w:{tag}"))
        el.set(qn("w:id"), rid)
        if start:
            el.set(qn("w:name"), name)
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)


def _ops(
    ops: Iterable[WordOp], equal: Revision, keep: tuple[OpKind, ...]
) -> list[tuple[Revision, tuple[Run, ...]]]:
    revs: dict[OpKind, Revision] = {"equal": equal, "insert": "ins", "delete": "del"}
    return [(revs[op.kind], op.runs) for op in ops if op.kind in keep]


def _label(
    num: str | None, rev: Revision, doc_mode: bool, sep: str = "\t"
) -> list[tuple[Revision, tuple[Run, ...]]]:
    """The label and what parts it from the words: a tab, or " – " between a rule's
    number and its heading."""
    if not num:
        return []
    if not doc_mode:
        return [(rev, (Run(f"{num}{sep}"),))]
    return [(rev, (Run(num),)), (rev, (Run(sep),))]


def _number_pieces(
    change: Change, ignore_numbering: bool, doc_mode: bool, sep: str = "\t"
) -> list[tuple[Revision, tuple[Run, ...]]]:
    old = change.old.num if change.old else None
    new = change.new.num if change.new else None
    if old == new or ignore_numbering:
        return _label(new, "", doc_mode, sep)
    if not doc_mode:
        return [*_label(old, "del", False, sep), *_label(new, "ins", False, sep)]
    # The number alone is revised; the tab after it stays, unless a number is gained
    # or lost along with it.
    pieces: list[tuple[Revision, tuple[Run, ...]]] = []
    if old:
        pieces.append(("del", (Run(old),)))
    if new:
        pieces.append(("ins", (Run(new),)))
    tab: Revision = "" if old and new else "ins" if new else "del"
    return [*pieces, (tab, (Run(sep),))]


def _level(change: Change) -> int:
    side = change.new or change.old
    assert side is not None
    if _clause(change):
        return {"point": 1, "point2": 2}.get(_style_key(change), 0)
    if change.subject != "point":
        return 0
    return max(side.ref.count("(") if side.ref else 1, 1)


def _emit(w: _Writer, change: Change, role: str, ignore_numbering: bool) -> None:
    key = _style_key(change)
    doc_mode = w.frame is not None
    sep = " – " if key == "heading" and _clause(change) else "\t"
    level = _level(change)
    old_num = change.old.num if change.old else None
    new_num = change.new.num if change.new else None
    if doc_mode and change.subject == "citation":
        old_num = new_num = "–"  # the export's dash before a citation
    if role == "from":
        if change.new is None:  # deleted inside a moved provision: plainly deleted
            pieces = [*_label(old_num, "del", doc_mode, sep), *_ops(change.ops, "del", ("delete",))]
            w.paragraph(key, pieces, "del", level)
            return
        pieces = [
            *_label(old_num, "moveFrom", doc_mode, sep),
            *_ops(change.ops, "moveFrom", ("equal", "delete")),
        ]
        w.paragraph(key, pieces, "moveFrom", level)
        return
    if role == "to":
        pieces = [
            *_label(new_num, "moveTo", doc_mode, sep),
            *_ops(change.ops, "moveTo", ("equal", "insert")),
        ]
        w.paragraph(key, pieces, "moveTo", level)
        return
    if change.kind == "inserted":
        pieces = [*_label(new_num, "ins", doc_mode, sep), *_ops(change.ops, "ins", ("insert",))]
        w.paragraph(key, pieces, "ins", level)
    elif change.kind == "deleted":
        pieces = [*_label(old_num, "del", doc_mode, sep), *_ops(change.ops, "del", ("delete",))]
        w.paragraph(key, pieces, "del", level)
    else:
        if doc_mode and change.subject == "citation":
            label = _label("–", "", True)
        else:
            label = _number_pieces(change, ignore_numbering, doc_mode, sep)
        pieces = [*label, *_ops(change.ops, "", ("equal", "insert", "delete"))]
        w.paragraph(key, pieces, "", level)


def _move_resumes(result: DiffResult, slots: tuple[Slot, ...], k: int, kind: str) -> bool:
    """True when the move slots around slot ``k`` continue one moved block after it."""
    for s in slots[k:]:
        if s.role == "here" and result.changes[s.index].kind == "inserted":
            continue
        return {"from": "moveFrom", "to": "moveTo"}.get(s.role) == kind and (
            result.changes[s.index].kind != "moved"
        )
    return False


def _ensure_styles(word: docx.document.Document) -> dict[str, str]:
    ids: dict[str, str] = {}
    found = S.find_styles(word, STYLE_NAMES.values())
    for key, name in STYLE_NAMES.items():
        style = found.get(name.lower())
        if style is None:
            style = S.add_style(word, name, WD_STYLE_TYPE.PARAGRAPH)
            assert isinstance(style, ParagraphStyle)
            style.base_style = word.styles["Normal"]
            fmt = style.paragraph_format
            if key in ("title", "heading"):
                style.font.bold = True
                style.font.size = Pt(13) if key == "title" else None
            depth = {"point": 1, "point2": 2}.get(key, 0)
            fmt.left_indent = Cm(1.0 * (depth + 1)) if key not in _FLUSH else None
            fmt.first_line_indent = Cm(-1.0) if key not in _FLUSH else None
            fmt.space_after = Pt(6)
        ids[key] = str(style.style_id)
    return ids


def _frame_styles(frame: Frame) -> dict[str, str]:
    ids = {key: frame.style_id(name) for key, name in STYLE_NAMES.items() if _known(frame, name)}
    if _known(frame, S.CONTINUED):
        ids["continued"] = frame.style_id(S.CONTINUED)
    return ids


def _known(frame: Frame, name: str) -> bool:
    return name in frame.builder.names


def _needed_styles(result: DiffResult) -> list[str]:
    """The styles the changes are set in (the frame has the new version's own)."""
    names = set()
    for c in result.changes:
        if c.subject in ("title", "formula"):
            continue
        names.add(STYLE_NAMES[_style_key(c)])
        if any(r.is_break for op in c.ops for r in op.runs):
            names.add(S.CONTINUED)
    return sorted(names)


def _paragraph_style(p: etree._Element) -> str | None:
    style = p.find(f"{_W['pPr']}/{_W['pStyle']}")
    return style.get(_VAL) if style is not None else None


def _revise_head(w: _Writer, frame: Frame, result: DiffResult) -> None:
    """The title and the formula the frame wrote, as tracked changes where they changed."""
    for change in result.changes:
        if change.subject not in ("title", "formula") or change.kind == "unchanged":
            continue
        name = S.TITLE if change.subject == "title" else S.FORMULA
        if not _known(frame, name):
            continue
        style_id = frame.style_id(name)
        found = [p for p in frame.body.iterchildren(_W["p"]) if _paragraph_style(p) == style_id]
        if not found:
            continue
        first = found[0]
        for extra in found[1:]:
            frame.body.remove(extra)
        for child in list(first):
            if child.tag != _W["pPr"]:
                first.remove(child)
        w.by = change.amendment or w.author
        w.fill(first, _ops(change.ops, "", ("equal", "insert", "delete")))


def _tables(doc: Document) -> dict[str, etree._Element]:
    """The tables of ``doc`` by their block's eId, to write an unchanged one as a table."""
    out: dict[str, etree._Element] = {}
    for el in doc.statement.iter(q("hcontainer")):
        eid = el.get("eId")
        if eid and el.get("name") == "table":
            table = next(el.iter(q("table")), None)
            if table is not None:
                out[eid] = table
    return out


def redline_docx(
    result: DiffResult,
    *,
    author: str = AUTHOR,
    date: dt.datetime | None = None,
    new: Document | None = None,
    template: str | Path | None = None,
) -> bytes:
    """The .docx bytes of the diff as tracked changes by ``author`` at ``date`` (now if None).

    ``new``, the new version the diff was made to, makes the redline that document as
    ``drafting export`` writes it (with ``template``), its changes tracked; a change an
    amendment made is authored by the amendment.  Without it the redline is a plain
    document of the provisions.

    Raises:
        TemplateError, TemplateStyleError: the template cannot be used (see write_docx).
    """
    if date is None and new is not None and new.metadata.expression_date is not None:
        date = dt.datetime.combine(new.metadata.expression_date, dt.time(0, 0), tzinfo=dt.UTC)
    when = (date or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    frame: Frame | None = None
    if new is not None:
        frame = build_frame(new, template=template, extra_styles=_needed_styles(result))
        word = frame.word
        styles = _frame_styles(frame)
        body = frame.body
        section = None  # the frame puts it back
    else:
        word = docx.Document()
        word.core_properties.author = author
        word.core_properties.title = f"Changes from {result.old_name} to {result.new_name}"
        styles = _ensure_styles(word)
        body = word.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        # Paragraphs are appended at the end of the body; the section properties,
        # which must stay last, are put back after them.
        section = body.find(qn("w:sectPr"))
        if section is not None:
            body.remove(section)
    w = _Writer(body, author, stamp, styles, frame)
    tables = _tables(new) if new is not None else {}
    if frame is not None:
        _revise_head(w, frame, result)
    slots = result.layout or tuple(Slot(i, "here") for i in range(len(result.changes)))
    open_range: tuple[str, str] | None = None
    for k, slot in enumerate(slots):
        change = result.changes[slot.index]
        if frame is not None and change.subject in ("title", "formula"):
            continue  # the frame wrote them, revised above
        kind = {"from": "moveFrom", "to": "moveTo"}.get(slot.role)
        starts = kind is not None and change.kind == "moved"
        if open_range is not None and (starts or kind != open_range[0]):
            if kind is None and _move_resumes(result, slots, k, open_range[0]):
                pass  # a provision inserted into a moved one stays inside its range
            else:
                w.move_range(open_range[0], False, "", open_range[1])
                open_range = None
        if starts and kind is not None:
            rid = w.ids.next()
            w.move_range(kind, True, f"move{slot.index}", rid)
            open_range = (kind, rid)
        w.by = change.amendment or author
        table = tables.get(change.new.eid or "") if change.new is not None else None
        if frame is not None and change.kind == "unchanged" and table is not None:
            frame.table(table)  # as the final text sets it
        else:
            _emit(w, change, slot.role, result.ignore_numbering)
    if open_range is not None:
        w.move_range(open_range[0], False, "", open_range[1])
    if frame is not None:
        frame.finish()
    else:
        if section is not None:
            body.append(section)
        ooxml.add_page_numbers(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
