"""The diff as a Word document with real tracked changes.

Every difference is a Word revision with author and date, so a secretary can walk
through it with Word's Review pane: words as ``w:ins``/``w:del``, a whole inserted
or deleted provision with its paragraph mark marked too (``w:pPr/w:rPr/w:ins``),
a moved provision as ``w:moveFrom`` at its old place and ``w:moveTo`` at its new
one, each inside its move range.  "Accept all" gives NEW and "Reject all" gives
OLD.  A moved provision's edits are split across the two places so that both
hold: words it lost are ``w:del`` at the old place, words it gained ``w:ins`` at
the new one.  Numbers are written as text so that a renumbering is a revision too.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from lxml import etree

from drafting.diff.records import Change, DiffResult, OpKind, Run, Slot, WordOp
from drafting.docx_export import ooxml
from drafting.docx_export import styles as S

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


def _style_key(change: Change) -> str:
    side = change.new or change.old
    assert side is not None
    if change.subject == "point":
        depth = side.ref.count("(") if side.ref else 1
        return "point2" if depth >= 2 else "point"
    if change.subject == "hcontainer":
        # A table's rows come out as paragraphs of table text: its words are what changed.
        return side.name if side.name in ("heading", "table") else "unnumbered"
    return change.subject


_W = {
    name: qn(f"w:{name}")
    for name in ("p", "pPr", "pStyle", "r", "rPr", "t", "delText", "br", "b", "i", "u", "vertAlign")
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
    t = etree.SubElement(el, _W["delText"] if deleted else _W["t"])
    t.set(_SPACE, "preserve")
    t.text = r.text


class _Writer:
    def __init__(self, body: etree._Element, author: str, date: str, styles: dict[str, str]):
        self.body = body
        self.author = author
        self.date = date
        self.ids = _Ids()
        self.styles = styles
        self.move = 0

    def _mark(self, parent: etree._Element, tag: str) -> etree._Element:
        """A new revision element ``w:{tag}`` at the end of ``parent``."""
        return etree.SubElement(
            parent,
            _REVISIONS.get(tag) or qn(f"w:{tag}"),
            {_ID: self.ids.next(), _AUTHOR: self.author, _DATE: self.date},
        )

    def paragraph(
        self,
        style_key: str,
        pieces: Iterable[tuple[Revision, tuple[Run, ...]]],
        mark: Revision = "",
    ) -> None:
        """One Word paragraph: runs grouped in revisions, the paragraph mark revised too."""
        p = etree.SubElement(self.body, _W["p"])
        ppr = etree.SubElement(p, _W["pPr"])
        etree.SubElement(ppr, _W["pStyle"]).set(_VAL, self.styles[style_key])
        if mark:
            self._mark(etree.SubElement(ppr, _W["rPr"]), mark)
        for rev, runs in pieces:
            if not runs:
                continue
            deleted = rev in ("del", "moveFrom")
            host = self._mark(p, rev) if rev else p
            for r in runs:
                _run(host, r, deleted)

    def move_range(self, kind: str, start: bool, name: str, rid: str) -> None:
        tag = f"{kind}RangeStart" if start else f"{kind}RangeEnd"
        el = etree.SubElement(self.body, qn(f"w:{tag}"))
        el.set(qn("w:id"), rid)
        if start:
            el.set(qn("w:name"), name)
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)


def _label(num: str | None) -> tuple[Run, ...]:
    return (Run(f"{num}\t"),) if num else ()


def _number_pieces(
    change: Change, ignore_numbering: bool
) -> list[tuple[Revision, tuple[Run, ...]]]:
    old = change.old.num if change.old else None
    new = change.new.num if change.new else None
    if old == new or ignore_numbering:
        return [("", _label(new))]
    return [("del", _label(old)), ("ins", _label(new))]


def _ops(
    ops: Iterable[WordOp], equal: Revision, keep: tuple[OpKind, ...]
) -> list[tuple[Revision, tuple[Run, ...]]]:
    revs: dict[OpKind, Revision] = {"equal": equal, "insert": "ins", "delete": "del"}
    return [(revs[op.kind], op.runs) for op in ops if op.kind in keep]


def _emit(w: _Writer, change: Change, role: str, ignore_numbering: bool) -> None:
    key = _style_key(change)
    if role == "from":
        num = change.old.num if change.old else None
        if change.new is None:  # deleted inside a moved provision: plainly deleted
            w.paragraph(key, [("del", _label(num)), *_ops(change.ops, "del", ("delete",))], "del")
            return
        pieces = [("moveFrom", _label(num)), *_ops(change.ops, "moveFrom", ("equal", "delete"))]
        w.paragraph(key, pieces, "moveFrom")
        return
    if role == "to":
        num = change.new.num if change.new else None
        pieces = [("moveTo", _label(num)), *_ops(change.ops, "moveTo", ("equal", "insert"))]
        w.paragraph(key, pieces, "moveTo")
        return
    if change.kind == "inserted":
        pieces = [("ins", _label(change.new.num if change.new else None))]
        w.paragraph(key, [*pieces, *_ops(change.ops, "ins", ("insert",))], "ins")
    elif change.kind == "deleted":
        pieces = [("del", _label(change.old.num if change.old else None))]
        w.paragraph(key, [*pieces, *_ops(change.ops, "del", ("delete",))], "del")
    else:
        pieces = _number_pieces(change, ignore_numbering)
        w.paragraph(key, [*pieces, *_ops(change.ops, "", ("equal", "insert", "delete"))])


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


def redline_docx(
    result: DiffResult, *, author: str = AUTHOR, date: dt.datetime | None = None
) -> bytes:
    """The .docx bytes of the diff as tracked changes by ``author`` at ``date`` (now if None)."""
    when = (date or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
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
    w = _Writer(body, author, stamp, styles)
    slots = result.layout or tuple(Slot(i, "here") for i in range(len(result.changes)))
    open_range: tuple[str, str] | None = None
    for k, slot in enumerate(slots):
        change = result.changes[slot.index]
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
        _emit(w, change, slot.role, result.ignore_numbering)
    if open_range is not None:
        w.move_range(open_range[0], False, "", open_range[1])
    if section is not None:
        body.append(section)
    ooxml.add_page_numbers(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
