"""Renumbering: labels and eIds recomputed from the house style, wIds untouched.

eIds follow the OASIS AKN Naming Convention (``preamble__recs_1__rec_3``,
``para_13__list_1__point_b``).  Because they follow the numbering they change when
a paragraph is inserted or deleted; the ``wId`` is the provision's lasting identity,
given once (the eId it was first given) and never changed afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.akn.elements import AknElement
from drafting.akn.ns import local_name, q
from drafting.model.metadata import retired_wids
from drafting.model.styles import HouseStyle, label_value

if TYPE_CHECKING:
    from drafting.model.document import Document


_NUM, _LIST, _INTRO, _WRAP_UP, _POINT = q("num"), q("list"), q("intro"), q("wrapUp"), q("point")


def _set_num(el: AknElement, label: str | None, num: AknElement | None = None) -> None:
    """Show ``label`` on ``el``; ``num`` is its ``<num>`` when the caller has read it."""
    if num is None:
        num = el.child("num")
    if label is None:
        if num is not None:
            el.remove(num)
        return
    if num is None:
        # Made inside el's document: make() would start a new one for each label.
        num = el.makeelement(_NUM)
        el.insert(0, num)
    if num.text != label:
        num.text = label


def _set_eid(el: AknElement, eid: str) -> None:
    """Give ``el`` the eId ``eid``: most elements have it already, and lxml's set costs
    three times its get (1.2 µs against 0.4), for each of thousands of elements."""
    if el.get("eId") != eid:
        el.set("eId", eid)


def _eid_part(label: str | None, position: int) -> str:
    return label_value(label) if label else str(position)


def _value(num: AknElement | None) -> str | None:
    label = (num.text or "").strip() if num is not None else ""
    return label_value(label) if label else None


def _num_and_list(el: AknElement) -> tuple[AknElement | None, AknElement | None]:
    """The first ``<num>`` and ``<list>`` children of ``el``, found in one look.

    A provision has two or three children (num, content or list): a plain loop
    beats two ``child()`` calls and lxml's filtered iterator alike.
    """
    num = lst = None
    for c in el:
        tag = c.tag
        if tag == _NUM:
            if num is None:
                num = c
        elif tag == _LIST and lst is None:
            lst = c
    return num, lst


def _ref(base: str | None, number: str | None) -> str | None:
    return f"{base}({number})" if base is not None and number is not None else None


class _Pass:
    """One walk over the provisions: new labels and eIds, old and new references side
    by side, and the reading order for wIds.

    Reading each provision once keeps renumbering linear and cheap; it used to walk
    the whole document three times (references before, labels, references after).
    """

    def __init__(self, style: HouseStyle) -> None:
        self.style = style
        self.changed: dict[str, str] = {}
        self.order: list[AknElement] = []
        self.labels: dict[tuple[int, int], tuple[str, str]] = {}

    def visit(self, el: AknElement, old: str | None, new: str | None) -> None:
        self.order.append(el)
        if old is not None and new is not None and new != old:
            self.changed[old] = new

    def label(self, depth: int, i: int) -> tuple[str, str]:
        """The ``i``-th label at sub-paragraph ``depth`` and its bare number, worked out
        once: every paragraph's sub-paragraphs run a., b., c. again."""
        key = (depth, i)
        found = self.labels.get(key)
        if found is None:
            label = self.style.point_level(depth).label(i)
            found = self.labels[key] = (label, label_value(label))
        return found

    def points(
        self,
        el: AknElement,
        lst: AknElement | None,
        eid: str,
        depth: int,
        old: str | None,
        new: str | None,
        *,
        renumber: bool,
    ) -> None:
        """The sub-paragraphs of ``el`` (``lst`` is its ``<list>``): renumbered when they
        stand in a ``<list>`` under a renumbered provision, otherwise only walked for
        their references."""
        if not renumber or lst is None:
            host = lst if lst is not None else el
            for child in host.iterchildren(_POINT):
                num, sub = _num_and_list(child)
                was = _value(num)
                old_ref, new_ref = _ref(old, was), _ref(new, was)
                self.visit(child, old_ref, new_ref)
                self.points(child, sub, "", depth + 1, old_ref, new_ref, renumber=False)
            return
        list_eid = f"{eid}__list_1"
        _set_eid(lst, list_eid)
        # One look at the list's children: intro, the points, wrapUp.
        intro = wrap = None
        points = []
        for c in lst:
            tag = c.tag
            if tag == _POINT:
                points.append(c)
            elif tag == _INTRO:
                intro = intro if intro is not None else c
            elif tag == _WRAP_UP:
                wrap = wrap if wrap is not None else c
        if intro is not None:
            _set_eid(intro, f"{list_eid}__intro")
        if wrap is not None:
            _set_eid(wrap, f"{list_eid}__wrapUp")
        for i, child in enumerate(points, 1):
            num, sub = _num_and_list(child)
            label, number = self.label(depth, i)
            shown = (num.text or "").strip() if num is not None else ""
            # Most provisions keep their number: no need to parse the old label then.
            was = number if shown == label else (label_value(shown) if shown else None)
            _set_num(child, label, num)
            child_eid = f"{list_eid}__point_{number}"
            _set_eid(child, child_eid)
            old_ref, new_ref = _ref(old, was), _ref(new, number)
            self.visit(child, old_ref, new_ref)
            self.points(child, sub, child_eid, depth + 1, old_ref, new_ref, renumber=True)


def renumber(doc: Document) -> dict[str, str]:
    """Renumber ``doc`` in place; see :meth:`Document.renumber`."""
    style = doc.house_style
    walk = _Pass(style)

    preamble = doc.statement.child("preamble")
    if preamble is not None:
        for i, box in enumerate(preamble.children_named("formula"), 1):
            _set_eid(box, f"preamble__formula_{i}")
    cit_box = preamble.child("citations") if preamble is not None else None
    if cit_box is not None:
        _set_eid(cit_box, "preamble__citations_1")
        for i, c in enumerate(cit_box.children_named("citation"), 1):
            num, lst = _num_and_list(c)
            was = _value(num)
            _set_num(c, None, num)
            _set_eid(c, f"preamble__citations_1__citation_{i}")
            walk.visit(c, was, None)
            walk.points(c, lst, "", 1, was, None, renumber=False)
    rec_box = preamble.child("recitals") if preamble is not None else None
    recitals = rec_box.children_named("recital") if rec_box is not None else []
    if rec_box is not None:
        _set_eid(rec_box, "preamble__recs_1")
        for i, r in enumerate(recitals, 1):
            num, lst = _num_and_list(r)
            was = _value(num)
            label = style.recital_level.label(i) if style.recital_level else None
            _set_num(r, label, num)
            _set_eid(r, f"preamble__recs_1__rec_{_eid_part(label, i)}")
            number = label_value(label) if label else None
            walk.visit(r, was, number)
            walk.points(r, lst, "", 1, was, number, renumber=False)

    start = 1
    if style.shared_sequence and style.recital_level is not None:
        start = len(recitals) + 1
    body = doc.statement.child("mainBody")
    for i, para in enumerate(body.children_named("paragraph") if body is not None else []):
        num, lst = _num_and_list(para)
        label = style.paragraph_level.label(start + i)
        number = label_value(label)
        shown = (num.text or "").strip() if num is not None else ""
        was = number if shown == label else (label_value(shown) if shown else None)
        _set_num(para, label, num)
        eid = f"para_{number}"
        _set_eid(para, eid)
        walk.visit(para, was, number)
        walk.points(para, lst, eid, 1, was, number, renumber=True)

    _number_notes(doc)
    _number_preface(doc)
    _assign_wids(doc, walk.order)
    return walk.changed


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
        _set_eid(note, f"{prefix}__authorialNote_{counters[prefix]}")


def _number_preface(doc: Document) -> None:
    preface = doc.statement.child("preface")
    if preface is None:
        return
    for i, p in enumerate(preface.children_named("p"), 1):
        _set_eid(p, f"preface__p_{i}")
    lt = preface.child("longTitle")
    if lt is not None:
        _set_eid(lt, "preface__longTitle")


def _assign_wids(doc: Document, provisions: list[AknElement]) -> None:
    """Give each provision without a wId its current eId (or a fresh variant of it)."""
    taken = {w for p in provisions if (w := p.get("wId"))} | retired_wids(doc.meta)
    for p in provisions:
        if p.get("wId"):
            continue
        base = p.get("eId") or local_name(p.tag)
        wid, k = base, 1
        while wid in taken:
            k += 1
            wid = f"{base}-{k}"
        taken.add(wid)
        p.set("wId", wid)
