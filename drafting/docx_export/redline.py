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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from drafting.diff.records import Change, DiffResult, OpKind, Run, Slot, WordOp

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
}
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
    return change.subject


def _run(r: Run, deleted: bool) -> etree._Element:
    el = OxmlElement("w:r")
    marks = set(r.marks)
    if marks & _MARK_PROPS.keys() or r.is_note:
        rpr = OxmlElement("w:rPr")
        for m in ("b", "i", "u"):
            if m in marks:
                prop = OxmlElement(_MARK_PROPS[m])
                if m == "u":
                    prop.set(qn("w:val"), "single")
                rpr.append(prop)
        if "sup" in marks or "sub" in marks or r.is_note:
            va = OxmlElement("w:vertAlign")
            va.set(qn("w:val"), "subscript" if "sub" in marks else "superscript")
            rpr.append(va)
        el.append(rpr)
    if r.is_break:
        el.append(OxmlElement("w:br"))
        return el
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = r.text
    el.append(t)
    return el


class _Writer:
    def __init__(self, body: etree._Element, author: str, date: str, styles: dict[str, str]):
        self.body = body
        self.author = author
        self.date = date
        self.ids = _Ids()
        self.styles = styles
        self.move = 0

    def _mark(self, tag: str, **extra: str) -> etree._Element:
        el = OxmlElement(f"w:{tag}")
        el.set(qn("w:id"), self.ids.next())
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        for k, v in extra.items():
            el.set(qn(f"w:{k}"), v)
        return el

    def _append(self, el: etree._Element) -> None:
        sect = self.body.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(el)
        else:
            self.body.append(el)

    def paragraph(
        self,
        style_key: str,
        pieces: Iterable[tuple[Revision, tuple[Run, ...]]],
        mark: Revision = "",
    ) -> None:
        """One Word paragraph: runs grouped in revisions, the paragraph mark revised too."""
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), self.styles[style_key])
        ppr.append(style)
        if mark:
            rpr = OxmlElement("w:rPr")
            rpr.append(self._mark(mark))
            ppr.append(rpr)
        p.append(ppr)
        for rev, runs in pieces:
            if not runs:
                continue
            deleted = rev in ("del", "moveFrom")
            host = self._mark(rev) if rev else p
            for r in runs:
                host.append(_run(r, deleted))
            if rev:
                p.append(host)
        self._append(p)

    def move_range(self, kind: str, start: bool, name: str, rid: str) -> None:
        tag = f"{kind}RangeStart" if start else f"{kind}RangeEnd"
        el = OxmlElement(f"w:{tag}")
        el.set(qn("w:id"), rid)
        if start:
            el.set(qn("w:name"), name)
            el.set(qn("w:author"), self.author)
            el.set(qn("w:date"), self.date)
        self._append(el)


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
    names = {s.name for s in word.styles}
    for key, name in STYLE_NAMES.items():
        if name not in names:
            style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = word.styles["Normal"]
            fmt = style.paragraph_format
            if key == "title":
                style.font.bold = True
                style.font.size = Pt(13)
            depth = {"point": 1, "point2": 2}.get(key, 0)
            fmt.left_indent = Cm(1.0 * (depth + 1)) if key not in ("title", "formula") else None
            fmt.first_line_indent = Cm(-1.0) if key not in ("title", "formula") else None
            fmt.space_after = Pt(6)
        ids[key] = word.styles[name].style_id
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
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
