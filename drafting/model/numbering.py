"""Numbering: labels recomputed from the house style, and eIds that follow the labels.

Two operations share one walk over the provisions:

- :func:`renumber` gives every *numbered* provision the label its house style
  calls for, then the eIds that follow.  Amendments and ``drafting renumber`` use
  it.  A provision without a ``<num>`` (an unnumbered preambular paragraph,
  unnumbered content in an ``hcontainer``) stays unnumbered and is not counted;
  an empty ``<num/>`` (a provision just added) is numbered.
- :func:`assign_ids` keeps every label exactly as it stands, even out of sequence
  or repeated, and only gives the eIds and wIds.  Import uses it: a draft keeps the
  numbers its source shows, because amendments are tabled against those numbers.

eIds follow the OASIS AKN Naming Convention (``preamble__recs_1__rec_3``,
``para_13__list_1__point_b``); unnumbered content is counted (``hcontainer_2``).  A
label repeated among siblings gives ``para_10`` and then ``para_10-2``, so that eIds
stay unique.  Because eIds follow the numbering they change when a paragraph is
inserted or deleted; the ``wId`` is the provision's lasting identity, given once (the
eId it was first given) and never changed afterwards.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING

from drafting.akn.elements import AknElement
from drafting.akn.ns import local_name, q
from drafting.labels import from_alpha, from_letters, from_roman, label_form
from drafting.model.metadata import retired_wids
from drafting.model.styles import HouseStyle, Level, label_value

if TYPE_CHECKING:
    from drafting.model.document import Document


_NUM, _LIST, _INTRO, _WRAP_UP, _POINT = q("num"), q("list"), q("intro"), q("wrapUp"), q("point")
_PARAGRAPH, _HCONTAINER = q("paragraph"), q("hcontainer")
#: Characters a label loses in its eId (the profile's ``$strip``).
_STRIP = str.maketrans("", "", ".()[] ")


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


def _shown(num: AknElement | None) -> str | None:
    """The label ``num`` shows; None for no ``<num>``, '' for an empty one."""
    if num is None:
        return None
    return (num.text or "").strip()


def _value(shown: str | None) -> str | None:
    return label_value(shown) if shown else None


def _eid_number(label: str | None) -> str | None:
    """The part of an eId a label gives (``13.`` -> ``13``); None for a label without a
    letter or digit (a bullet), whose provision is then counted instead."""
    if not label:
        return None
    found = _EID_NUMBERS.get(label, _UNSEEN)
    if found is _UNSEEN:
        bare = label.translate(_STRIP)
        found = bare if any(ch.isalnum() for ch in bare) else None
        if len(_EID_NUMBERS) < _CACHE_MAX:  # labels repeat: a., b., c. under every paragraph
            _EID_NUMBERS[label] = found
    return found  # type: ignore[return-value]


_UNSEEN = object()
_EID_NUMBERS: dict[str, str | None] = {}
_SEQUENCE_LABELS: dict[str, bool] = {}
_CACHE_MAX = 65536  # a crafted file cannot grow the caches without bound


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


def _sequence_label(shown: str | None) -> bool:
    """True when a label is one a sequence counts (``a.``, ``(iv)``, ``12``), not a bullet."""
    if not shown:
        return False
    found = _SEQUENCE_LABELS.get(shown)
    if found is None:
        found = any(ch.isalnum() for ch in shown)
        if len(_SEQUENCE_LABELS) < _CACHE_MAX:
            _SEQUENCE_LABELS[shown] = found
    return found


class _Ids:
    """eIds handed out among one set of siblings, so that none is given twice."""

    __slots__ = ("suffix", "taken")

    def __init__(self) -> None:
        self.taken: set[str] = set()
        #: The next suffix to try for each eId given more than once: a report whose
        #: every section restarts its list at 1 asks for para_1 hundreds of times, and
        #: counting up from -2 each time made the walk quadratic.
        self.suffix: dict[str, int] = {}

    def unique(self, eid: str) -> str:
        if eid not in self.taken:
            self.taken.add(eid)
            return eid
        k = self.suffix.get(eid, 2)
        while f"{eid}-{k}" in self.taken:
            k += 1
        self.suffix[eid] = k + 1
        out = f"{eid}-{k}"
        self.taken.add(out)
        return out


class _Pass:
    """One walk over the provisions: labels (when relabelling) and eIds, old and new
    references side by side, and the reading order for wIds.

    Reading each provision once keeps renumbering linear and cheap; it used to walk
    the whole document three times (references before, labels, references after).
    """

    def __init__(
        self,
        style: HouseStyle,
        *,
        relabel: bool,
        check: bool = False,
        seen: Mapping[int, Level] | None = None,
    ) -> None:
        self.style = style
        self.relabel = relabel
        #: Work out the labels as relabelling would, but only note where they differ.
        self.check = check
        self.faults: list[str] = []
        #: The forms a document shows at each depth, for a style that numbers as the
        #: document does (plain).
        self.seen: Mapping[int, Level] = seen or {}
        self.changed: dict[str, str] = {}
        self.order: list[AknElement] = []
        self.labels: dict[tuple[int, int, str | None], tuple[str, str]] = {}

    def level(self, depth: int) -> Level:
        """How sub-paragraphs at ``depth`` are labelled: the style's, or as the document
        shows them when its style says so."""
        return self.seen.get(depth) or self.style.point_level(depth)

    def fault(self, what: str, shown: str, want: str | None) -> None:
        """Note that a provision shows ``shown`` where the house style gives ``want``."""
        if shown != want and _sequence_label(shown):  # most labels are as the style's
            if want and shown.rstrip(".") == want.rstrip("."):
                return  # "3.1." where the style prints "3.1": the same number, in sequence
            self.faults.append(f"{what} {shown} ({want or 'unnumbered'} in the house style)")

    def visit(self, el: AknElement, old: str | None, new: str | None) -> None:
        self.order.append(el)
        if old is not None and new is not None and new != old:
            self.changed[old] = new

    def label(self, level: Level, depth: int, i: int, parent: str | None) -> tuple[str, str]:
        """The ``i``-th label at sub-paragraph ``depth`` and its bare number, worked out
        once: every paragraph's sub-paragraphs run a., b., c. again."""
        key = (depth, i, parent if level.uses_parent else None)
        found = self.labels.get(key)
        if found is None:
            label = level.label(i, parent=parent)
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
        number: bool,
        value: str | None = None,
    ) -> None:
        """The sub-paragraphs of ``el`` (``lst`` is its ``<list>``): given eIds, and
        labels when relabelling, when they stand in a ``<list>`` under a provision with
        an eId of its own; otherwise only walked for their references.  ``old`` and
        ``new`` are the references of ``el`` before and after, ``value`` its own number
        now (PACE's 15.1 shows it)."""
        if not number or lst is None:
            host = lst if lst is not None else el
            for child in host.iterchildren(_POINT, _HCONTAINER):
                num, sub = _num_and_list(child)
                was = _value(_shown(num))
                old_ref, new_ref = _ref(old, was), _ref(new, was)
                self.visit(child, old_ref, new_ref)
                self.points(child, sub, "", depth + 1, old_ref, new_ref, number=False)
            return
        list_eid = f"{eid}__list_1"
        _set_eid(lst, list_eid)
        # One look at the list's children: intro, the points and unnumbered content, wrapUp.
        intro = wrap = None
        items = []
        for c in lst:
            tag = c.tag
            if tag in (_POINT, _HCONTAINER):
                items.append(c)
            elif tag == _INTRO:
                intro = intro if intro is not None else c
            elif tag == _WRAP_UP:
                wrap = wrap if wrap is not None else c
        if intro is not None:
            _set_eid(intro, f"{list_eid}__intro")
        if wrap is not None:
            _set_eid(wrap, f"{list_eid}__wrapUp")
        ids = _Ids()
        counted = blocks = unnumbered = 0
        level = self.level(depth) if self.relabel or self.check else None
        for child in items:
            if child.tag == _HCONTAINER:
                blocks += 1
                _set_eid(child, ids.unique(f"{list_eid}__hcontainer_{blocks}"))
                self.visit(child, None, None)
                continue
            num, sub = _num_and_list(child)
            shown = _shown(num)
            was = _value(shown)
            now: str | None
            expected = value
            if level is not None and shown is not None and (shown == "" or _sequence_label(shown)):
                counted += 1
                label, number_ = self.label(level, depth, counted, value)
                if self.check:
                    if shown != label:
                        self.fault("sub-paragraph", shown, label)
                    now, expected = was, number_
                else:
                    _set_num(child, label, num)
                    shown, now, expected = label, number_, number_
            else:
                now = was
            part = _eid_number(shown)
            if part is None:
                unnumbered += 1
                part = f"nn_{unnumbered}"
            child_eid = ids.unique(f"{list_eid}__point_{part}")
            _set_eid(child, child_eid)
            old_ref, new_ref = _ref(old, was), _ref(new, now)
            self.visit(child, old_ref, new_ref)
            self.points(
                child, sub, child_eid, depth + 1, old_ref, new_ref, number=True, value=expected
            )


def renumber(doc: Document, *, starts: Mapping[str, int] | None = None) -> dict[str, str]:
    """Renumber ``doc`` in place; see :meth:`Document.renumber`."""
    style = doc.house_style
    seen = observed_levels(doc) if style.numbered_as_shown else None
    return _run(doc, _Pass(style, relabel=True, seen=seen), starts=starts or {})


def assign_ids(doc: Document) -> list[str]:
    """Give eIds and wIds to ``doc`` as numbered; see :meth:`Document.assign_ids`.

    Returns, in the same walk, what :func:`sequence_faults` returns.
    """
    walk = _Pass(doc.house_style, relabel=False, check=True)
    _run(doc, walk, starts=first_numbers(doc))
    return walk.faults


def _run(doc: Document, walk: _Pass, *, starts: Mapping[str, int]) -> dict[str, str]:
    style, relabel, check = walk.style, walk.relabel, walk.check
    paragraph_level = walk.seen.get(0) or style.paragraph_level
    counts = relabel or check  # labels are worked out

    preamble = doc.statement.child("preamble")
    if preamble is not None:
        for i, box in enumerate(preamble.children_named("formula"), 1):
            _set_eid(box, f"preamble__formula_{i}")
    cit_box = preamble.child("citations") if preamble is not None else None
    if cit_box is not None:
        _set_eid(cit_box, "preamble__citations_1")
        for i, c in enumerate(cit_box.children_named("citation"), 1):
            num, lst = _num_and_list(c)
            was = _value(_shown(num))
            if relabel:
                _set_num(c, None, num)
            _set_eid(c, f"preamble__citations_1__citation_{i}")
            walk.visit(c, was, None if relabel else was)
            walk.points(c, lst, "", 1, was, None, number=False)
    rec_box = preamble.child("recitals") if preamble is not None else None
    recitals = rec_box.children_named("recital") if rec_box is not None else []
    numbered_recitals = 0
    first_recital = starts.get("recital", 1)
    if rec_box is not None:
        _set_eid(rec_box, "preamble__recs_1")
        ids = _Ids()
        for i, r in enumerate(recitals, 1):
            num, lst = _num_and_list(r)
            shown = _shown(num)
            was = _value(shown)
            if counts and style.recital_level is None:
                if check:
                    walk.fault("preambular paragraph", shown or "", None)
                else:
                    _set_num(r, None, num)
                    shown = None
            elif counts and shown is not None and (shown == "" or _sequence_label(shown)):
                label = style.recital_level.label(first_recital + numbered_recitals)  # type: ignore[union-attr]
                numbered_recitals += 1
                if check:
                    walk.fault("preambular paragraph", shown, label)
                else:
                    _set_num(r, label, num)
                    shown = label
            elif shown:
                numbered_recitals += 1
            number = _value(shown)
            _set_eid(r, ids.unique(f"preamble__recs_1__rec_{_eid_number(shown) or i}"))
            walk.visit(r, was, number)
            walk.points(r, lst, "", 1, was, number, number=False)

    start = starts.get("paragraph", 1)
    if style.shared_sequence and style.recital_level is not None and numbered_recitals:
        start = first_recital + numbered_recitals
    body = doc.statement.child("mainBody")
    ids = _Ids()
    counted = blocks = unnumbered = 0
    for el in body.iterchildren(_PARAGRAPH, _HCONTAINER) if body is not None else ():
        if el.tag == _HCONTAINER:
            blocks += 1
            _set_eid(el, ids.unique(f"hcontainer_{blocks}"))
            walk.visit(el, None, None)
            continue
        num, lst = _num_and_list(el)
        shown = _shown(num)
        was = _value(shown)
        expected = was
        if counts and shown is not None and (shown == "" or _sequence_label(shown)):
            label = paragraph_level.label(start + counted)
            counted += 1
            expected = label_value(label)
            if check:
                walk.fault("paragraph", shown, label)
            else:
                _set_num(el, label, num)
                shown = label
        part = _eid_number(shown)
        if part is None:
            unnumbered += 1
            part = f"nn_{unnumbered}"
        number = _value(shown)
        eid = ids.unique(f"para_{part}")
        _set_eid(el, eid)
        walk.visit(el, was, number)
        walk.points(el, lst, eid, 1, was, number, number=True, value=expected)

    number_notes(doc, relabel=relabel)
    number_preface(doc)
    assign_wids(doc, walk.order)
    return walk.changed


def observed_levels(doc: Document) -> dict[int, Level]:
    """The label form most used at each depth (0: operative paragraphs), where the
    document shows one: how a document in no house style numbers itself."""
    tally: dict[int, dict[Level, int]] = {}

    def count(depth: int, label: str | None) -> None:
        form = label_form(label) if label else None
        if form is not None:
            level = Level(*form)  # type: ignore[arg-type]
            forms = tally.setdefault(depth, {})
            forms[level] = forms.get(level, 0) + 1

    for para in doc.paragraphs:
        count(0, para.num)
        stack = [(child, 1) for child in para.points]
        while stack:
            point, depth = stack.pop()
            count(depth, point.num)
            stack.extend((child, depth + 1) for child in point.points)
    return {depth: max(forms, key=forms.__getitem__) for depth, forms in tally.items()}


def sequence_faults(doc: Document) -> list[str]:
    """Each numbered provision whose label is not the one its house style would give it,
    in reading order: ``'paragraph 127. (paragraph 134. in sequence)'``.

    Renumbering a copy says exactly what renumbering would change; the labels that
    differ are the faults.  Unnumbered provisions and bullets are no fault.
    """
    from drafting.model.document import Document

    before = [(el, _shown(el.child("num"))) for el in _counted(doc)]
    twin = Document(copy.deepcopy(doc.tree))
    renumber(twin, starts=first_numbers(doc))
    after = [_shown(el.child("num")) for el in _counted(twin)]
    out = []
    for (el, was), now in zip(before, after, strict=True):
        if not was or was == now or not _sequence_label(was):
            continue
        what = {"recital": "preambular paragraph", "point": "sub-paragraph"}.get(el.local, el.local)
        out.append(f"{what} {was} ({now or 'unnumbered'} in the house style)")
    return out


def _counted(doc: Document) -> list[AknElement]:
    """The provisions a sequence may count, in reading order."""
    return [
        el
        for el in doc.statement.iter(q("recital"), q("paragraph"), q("point"))
        if isinstance(el, AknElement)
    ]


def first_numbers(doc: Document) -> dict[str, int]:
    """The first number of the preambular and operative sequences, where it is not 1.

    An excerpt ("paragraphs 54 to 60") keeps counting from where it starts when it is
    renumbered after amendments; read this off the draft as tabled, before any
    amendment deletes its first paragraph.
    """
    out: dict[str, int] = {}
    for kind, provisions in (("recital", doc.recitals), ("paragraph", doc.paragraphs)):
        first = next((p.number for p in provisions if p.number), None)
        value = _label_number(first) if first else None
        # A draft numbered from 0 (a Word list started at 0) counts from 1: no house
        # style has a letter or numeral for nought.
        if value is not None and value > 1:
            out[kind] = value
    return out


def _label_number(value: str) -> int | None:
    """The count a bare label stands for: ``54`` -> 54, ``C`` -> 3, ``iv`` -> 4, ``II`` -> 2."""
    form = label_form(value)
    if form is None:
        return None
    fmt = form[0]
    if fmt == "decimal":
        return int(value.rsplit(".", 1)[-1]) if value.replace(".", "").isdigit() else None
    if fmt.endswith("roman"):
        return from_roman(value)
    if fmt == "upper-letters":
        return from_letters(value)
    return from_alpha(value)


def number_notes(doc: Document, *, relabel: bool) -> None:
    """Give each footnote its eId and, when relabelling, numbered footnotes their numbers
    in reading order.

    Word numbers footnotes 1, 2, 3 as they stand; after a paragraph with note 2 is
    deleted, note 3 becomes 2.  Marks such as ``*`` are the drafter's and stay.
    """
    counters: dict[str, int] = {}
    numbered = 0
    for note in doc.statement.iter(q("authorialNote")):
        if relabel and note.get("marker", "").isdigit():
            numbered += 1
            note.set("marker", str(numbered))
        owner = note.getparent()
        while owner is not None and not owner.get("eId"):
            owner = owner.getparent()
        prefix = owner.get("eId") if owner is not None else "note"
        assert prefix is not None
        counters[prefix] = counters.get(prefix, 0) + 1
        _set_eid(note, f"{prefix}__authorialNote_{counters[prefix]}")


def number_preface(doc: Document) -> None:
    preface = doc.statement.child("preface")
    if preface is None:
        return
    for i, p in enumerate(preface.children_named("p"), 1):
        _set_eid(p, f"preface__p_{i}")
    lt = preface.child("longTitle")
    if lt is not None:
        _set_eid(lt, "preface__longTitle")


def assign_wids(doc: Document, provisions: list[AknElement]) -> None:
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
