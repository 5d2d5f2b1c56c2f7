"""Renumbering: labels and eIds recomputed from the house style, wIds untouched.

eIds follow the OASIS AKN Naming Convention (``preamble__recs_1__rec_3``,
``para_13__list_1__point_b``).  Because they follow the numbering they change when
a paragraph is inserted or deleted; the ``wId`` is the provision's lasting identity,
given once (the eId it was first given) and never changed afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from drafting.akn.ns import local_name, q
from drafting.akn.parser import make
from drafting.model.metadata import retired_wids
from drafting.model.provision import Provision
from drafting.model.styles import HouseStyle, Level, label_value

if TYPE_CHECKING:
    from drafting.model.document import Document


def _set_num(p: Provision, label: str | None) -> None:
    el = p.element
    num = el.child("num")
    if label is None:
        if num is not None:
            el.remove(num)
        return
    if num is None:
        num = make("num")
        el.insert(0, num)
    num.text = label


def _eid_part(label: str | None, position: int) -> str:
    return label_value(label) if label else str(position)


def renumber(doc: Document) -> dict[str, str]:
    """Renumber ``doc`` in place; see :meth:`Document.renumber`."""
    style = doc.house_style
    before = _refs(doc)

    preamble = doc.statement.child("preamble")
    if preamble is not None:
        for i, box in enumerate(preamble.children_named("formula"), 1):
            box.set("eId", f"preamble__formula_{i}")
    cit_box = preamble.child("citations") if preamble is not None else None
    if cit_box is not None:
        cit_box.set("eId", "preamble__citations_1")
        for i, c in enumerate(doc.citations, 1):
            _set_num(c, None)
            c.element.set("eId", f"preamble__citations_1__citation_{i}")
    rec_box = preamble.child("recitals") if preamble is not None else None
    if rec_box is not None:
        rec_box.set("eId", "preamble__recs_1")
        for i, r in enumerate(doc.recitals, 1):
            label = style.recital_level.label(i) if style.recital_level else None
            _set_num(r, label)
            r.element.set("eId", f"preamble__recs_1__rec_{_eid_part(label, i)}")

    start = 1
    if style.shared_sequence and style.recital_level is not None:
        start = len(doc.recitals) + 1
    for i, para in enumerate(doc.paragraphs):
        label = style.paragraph_level.label(start + i)
        _set_num(para, label)
        eid = f"para_{label_value(label)}"
        para.element.set("eId", eid)
        _renumber_points(para, eid, style, 1)

    _number_notes(doc)
    _number_preface(doc)
    _assign_wids(doc)
    after = _refs(doc)
    changed: dict[str, str] = {}
    for el, old in before.items():
        new = after.get(el)
        if old is not None and new is not None and new != old:
            changed[old] = new
    return changed


def _refs(doc: Document) -> dict[etree._Element, str | None]:
    """Every provision's reference (``13(b)``), computed top-down in one pass.

    ``Provision.ref`` walks up to the root for each provision; renumbering needs all
    of them twice, so a single walk keeps it linear.
    """
    out: dict[etree._Element, str | None] = {}

    def walk(p: Provision, ref: str | None) -> None:
        out[p.element] = ref
        for c in p.children:
            number = c.number
            walk(c, f"{ref}({number})" if ref is not None and number is not None else None)

    for top in doc.top_level:
        walk(top, top.number)
    return out


def _renumber_points(p: Provision, eid: str, style: HouseStyle, depth: int) -> None:
    lst = p.element.child("list")
    if lst is None:
        return
    list_eid = f"{eid}__list_1"
    lst.set("eId", list_eid)
    intro = lst.child("intro")
    if intro is not None:
        intro.set("eId", f"{list_eid}__intro")
    wrap = lst.child("wrapUp")
    if wrap is not None:
        wrap.set("eId", f"{list_eid}__wrapUp")
    level: Level = style.point_level(depth)
    for i, child in enumerate(p.children, 1):
        label = level.label(i)
        _set_num(child, label)
        child_eid = f"{list_eid}__point_{label_value(label)}"
        child.element.set("eId", child_eid)
        _renumber_points(child, child_eid, style, depth + 1)


def _number_notes(doc: Document) -> None:
    """Give each footnote its eId, and numbered footnotes their numbers in reading order.

    Word numbers footnotes 1, 2, 3 as they stand; after a paragraph with note 2 is
    deleted, note 3 becomes 2.  Marks such as ``*`` are the drafter's and stay.
    """
    counters: dict[str, int] = {}
    numbered = 0
    for note in doc.statement.iter(q("authorialNote")):
        if note.get("marker", "").isdigit():
            numbered += 1
            note.set("marker", str(numbered))
        owner = note.getparent()
        while owner is not None and not owner.get("eId"):
            owner = owner.getparent()
        prefix = owner.get("eId") if owner is not None else "note"
        assert prefix is not None
        counters[prefix] = counters.get(prefix, 0) + 1
        note.set("eId", f"{prefix}__authorialNote_{counters[prefix]}")


def _number_preface(doc: Document) -> None:
    preface = doc.statement.child("preface")
    if preface is None:
        return
    for i, p in enumerate(preface.children_named("p"), 1):
        p.set("eId", f"preface__p_{i}")
    lt = preface.child("longTitle")
    if lt is not None:
        lt.set("eId", "preface__longTitle")


def _assign_wids(doc: Document) -> None:
    """Give each provision without a wId its current eId (or a fresh variant of it)."""
    provisions = list(doc.provisions())
    taken = {p.wid for p in provisions if p.wid} | retired_wids(doc.meta)
    for p in provisions:
        if p.wid:
            continue
        base = p.eid or local_name(p.element.tag)
        wid, k = base, 1
        while wid in taken:
            k += 1
            wid = f"{base}-{k}"
        taken.add(wid)
        p.element.set("wId", wid)
