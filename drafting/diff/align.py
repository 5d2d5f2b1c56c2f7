"""Pair the provisions of two versions, then classify each pair.

Identity first, similarity after, as xmldiff matches nodes: identical words pair
first (a same wId or eId breaking ties); then a shared ``wId`` decides a pair
outright when both versions descend from one text (the same FRBR work); then word
similarity, with a same eId or wId as a tie-breaker and never as a veto.  Pairing
runs over all provisions of a kind at once, so a sub-paragraph moved to another
paragraph is still found.

A paired provision "moved" when its parent changed or when it falls outside the
longest run of siblings that kept their relative order (an LCS, computed as a
longest increasing subsequence).  An inserted paragraph therefore leaves every
later paragraph in order: they are at most renumbered.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from sys import intern

from lxml import etree

from drafting.akn.ns import XPATH_NS, q
from drafting.diff.lcs import LcsIndex
from drafting.diff.records import Change, ChangeKind, Run, Side, Slot, SlotRole, Subject, WordOp
from drafting.diff.words import Codes, RunCache, block_runs, blocks_runs, diff_runs, words
from drafting.model.document import Document
from drafting.model.provision import parts
from drafting.model.structure import HIERARCHY, LEVELS, noun
from drafting.model.styles import label_value

#: Word similarity from which two provisions are the same provision, edited.
SIMILAR = 0.5
#: A lower bar when the eId, wId or place agrees as well.
SIMILAR_SAME_PLACE = 0.3
#: Above this many candidate pairs, compare each provision with its neighbours only.
_FULL_MATRIX = 40_000
_WINDOW = 60
_HCONTAINER = q("hcontainer")
#: The subject of a subdivision by its element: a resolution's sub-paragraphs are
#: points; a clause-structured text's are its hierarchy's elements.
_KINDS = {q(name): name for name in ("hcontainer", "point", *HIERARCHY)}
_GROUPS = frozenset(name for name, lv in LEVELS.items() if lv.group)


@dataclass(eq=False, slots=True)
class Node:
    """One provision (or the title, or the formula) of one version, during alignment."""

    subject: Subject
    eid: str | None
    wid: str | None
    num: str | None
    ref: str | None
    runs: tuple[Run, ...]
    parent: Node | None = None
    index: int = 0
    children: list[Node] = field(default_factory=list)
    partner: Node | None = None
    moved: bool = False
    _words: list[str] | None = None
    name: str | None = None  # an hcontainer's kind: heading, table, unnumbered

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = words(self.runs)
        return self._words

    def side(self) -> Side:
        parent = self.parent.eid if self.parent else None
        return Side(self.eid, self.wid, self.num, self.ref, parent, self.index, self.name)

    def walk(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.walk()

    def ancestors(self) -> Iterator[Node]:
        p = self.parent
        while p is not None:
            yield p
            p = p.parent


def _first(doc: Document, path: str) -> list[Run] | None:
    found = doc.statement.xpath(path, namespaces=XPATH_NS)
    if isinstance(found, list) and found:
        el = found[0]
        if not isinstance(el, str | bytes | tuple) and hasattr(el, "tag"):
            return block_runs(el)
    return None


def build_tree(doc: Document, cache: RunCache | None = None) -> list[Node]:
    """The top-level nodes of ``doc``: title, formula, then provisions with their children.

    ``cache`` is shared by the two versions of one diff (see :func:`blocks_runs`).
    """
    if cache is None:
        cache = {}
    top: list[Node] = []
    title = _first(doc, "a:preface/a:longTitle//a:docTitle")
    if title is not None:
        top.append(Node("title", "preface__longTitle", None, None, None, tuple(title)))
    formula = _first(doc, "a:preamble/a:formula/a:p")
    if formula is not None:
        top.append(Node("formula", "preamble__formula_1", None, None, None, tuple(formula)))

    values: dict[str, str] = {}  # label -> number: labels repeat from provision to provision
    counters: dict[str, int] = defaultdict(int)
    for p in doc.top_level:
        kind = p.kind
        # Unnumbered blocks count among their own kind: "table 2" is the second table.
        key = kind if kind != "hcontainer" else f"{kind}:{p.name}"
        top.append(_node(p.element, kind, None, counters[key], cache, values))
        counters[key] += 1
    return top


def _node(
    el: etree._Element,
    kind: Subject,
    parent: Node | None,
    index: int,
    cache: RunCache,
    values: dict[str, str],
) -> Node:
    """The node of provision ``el`` and its sub-paragraphs'.

    A module function, not a closure in :func:`build_tree`: a recursive closure is a
    reference cycle, and this one would hold the run cache of both versions until
    the cycle collector's oldest generation came round.
    """
    num, blocks, children, _ = parts(el)
    if num:
        num = intern(num)
        number = values.get(num)
        if number is None:
            number = values[num] = label_value(num)
    else:
        number = None
    base = parent.ref if parent is not None and parent.subject not in _GROUPS else None
    ref: str | None
    if num and num[:1].isalpha() and " " in num:
        # "Article III", "Section 3.07": a clause-structured text's units name
        # themselves, and what they hold is cited through them.
        word = num.rstrip(".:")
        ref = f"{base}, {word}" if base else word
    elif parent is None or number is None:
        ref = number
    elif parent.subject in _GROUPS:
        ref = number  # sections are numbered through Parts and Chapters
    elif parent.ref is not None and parent.ref[:1].isalpha() and not (num or "").startswith("("):
        # "Rule 5, paragraph 1": a rule's numbered paragraph, cited as amendments cite it.
        ref = f"{parent.ref}, {noun(etree.QName(el).localname)} {number}"
    else:
        ref = f"{parent.ref}({number})" if parent.ref is not None else None
    # Interned: the versions share most identifiers, and a wId is mostly its eId.
    eid, wid = el.get("eId"), el.get("wId")
    if eid is not None:
        eid = intern(eid)
    if wid is not None:
        wid = eid if wid == eid else intern(wid)
    n = Node(kind, eid, wid, num, ref, blocks_runs(blocks, cache), parent, index)
    if kind == "hcontainer":
        n.name = el.get("name")
    if children:  # sub-paragraphs are <point>s, and unnumbered blocks among them
        n.children = [
            _node(c, _KINDS.get(str(c.tag), "point"), n, i, cache, values)
            for i, c in enumerate(children)
        ]
    return n


def release(nodes: list[Node]) -> None:
    """Unlink ``nodes`` (parents, children, partners) once the records are made.

    The links make each version's tree a web of reference cycles, which only the
    cycle collector would free, after surviving into its oldest generation (10,000
    nodes, with their lists, at 2,600 provisions a version).
    """
    for n in nodes:
        n.parent = n.partner = None
        n.children = []


def walk_all(top: list[Node]) -> list[Node]:
    """Every node under ``top``, in reading order (what :meth:`Node.walk` gives,
    without a generator per level)."""
    out: list[Node] = []
    stack = top[::-1]
    while stack:
        n = stack.pop()
        out.append(n)
        if n.children:
            stack.extend(reversed(n.children))
    return out


def _link(o: Node, n: Node) -> None:
    o.partner = n
    n.partner = o


def pair(old_nodes: list[Node], new_nodes: list[Node], *, lineage: bool) -> None:
    """Set ``partner`` on every node that has a counterpart in the other version."""
    by_subject_old: dict[str, list[Node]] = defaultdict(list)
    for o in old_nodes:
        by_subject_old[o.subject].append(o)
    by_subject_new: dict[str, list[Node]] = defaultdict(list)
    for n in new_nodes:
        by_subject_new[n.subject].append(n)
    for subject, olds in by_subject_old.items():
        news = by_subject_new.get(subject, [])
        if subject in ("title", "formula"):
            if news:
                _link(olds[0], news[0])
            continue
        # Identical words first: a re-imported version may have wIds re-issued from
        # its new numbering, and identical text is the stronger evidence.
        _pair_exact(olds, news)
        if lineage:
            by_wid = {o.wid: o for o in olds if o.wid and o.partner is None}
            for n in news:
                match = by_wid.get(n.wid) if n.wid and n.partner is None else None
                if match is not None and match.partner is None:
                    _link(match, n)
        _pair_similar(olds, news)


def _pair_exact(olds: list[Node], news: list[Node]) -> None:
    """Pair identical words, preferring the same eId, then reading order."""
    pool: dict[tuple[Run, ...], list[Node]] = defaultdict(list)
    for o in olds:
        if o.partner is None:
            pool[o.runs].append(o)
    for n in news:
        if n.partner is not None:
            continue
        cands = [o for o in pool.get(n.runs, []) if o.partner is None]
        if not cands:
            continue
        best = next(
            (o for o in cands if o.wid and o.wid == n.wid),
            next((o for o in cands if o.eid == n.eid), cands[0]),
        )
        _link(best, n)


def _same_place(o: Node, n: Node) -> bool:
    if o.eid and o.eid == n.eid:
        return True
    if o.wid and o.wid == n.wid:
        return True
    if o.parent is None and n.parent is None:
        return o.index == n.index
    return bool(o.parent is not None and o.parent.partner is n.parent and o.index == n.index)


def _pair_similar(olds: list[Node], news: list[Node]) -> None:
    """Pair the leftovers by word similarity, best pairs first.

    The similarity is :class:`SequenceMatcher`'s ratio over words; a pair whose
    common subsequence is too short for the ratio to reach the bar is rejected
    first, which spares the ratio for nearly every unrelated pair.
    """
    left_old = [o for o in olds if o.partner is None]
    left_new = [n for n in news if n.partner is None]
    if not left_old or not left_new:
        return
    full = len(left_old) * len(left_new) <= _FULL_MATRIX
    index = LcsIndex([o.words for o in left_old])
    scored: list[tuple[float, int, int]] = []
    sm = SequenceMatcher(None, autojunk=False)
    for j, n in enumerate(left_new):
        if full:
            lo, hi = 0, len(left_old)
        else:
            centre = j * len(left_old) // len(left_new)
            lo, hi = max(0, centre - _WINDOW), min(len(left_old), centre + _WINDOW)
        seq2 = False
        n_words = n.words
        for i, common in enumerate(index.common(n_words, lo, hi), start=lo):
            o = left_old[i]
            total = len(o.words) + len(n_words)
            bound = 2.0 * common / total if total else 1.0
            if bound < SIMILAR_SAME_PLACE:
                continue
            place = _same_place(o, n)
            if bound < SIMILAR and not place:
                continue
            if not seq2:
                sm.set_seq2(n_words)
                seq2 = True
            sm.set_seq1(o.words)
            ratio = sm.ratio()
            if ratio >= SIMILAR or (place and ratio >= SIMILAR_SAME_PLACE):
                scored.append((ratio + (0.1 if place else 0.0), i, j))
    for _score, i, j in sorted(scored, key=lambda t: (-t[0], t[2], t[1])):
        o, n = left_old[i], left_new[j]
        if o.partner is None and n.partner is None:
            _link(o, n)


def _lis(seq: list[int]) -> set[int]:
    """Positions in ``seq`` of one longest strictly increasing subsequence."""
    tails: list[int] = []
    tails_at: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_at.append(i)
        else:
            tails[k] = v
            tails_at[k] = i
        prev[i] = tails_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tails_at[-1] if tails_at else -1
    while i != -1:
        keep.add(i)
        i = prev[i]
    return keep


def mark_moves(new_top: list[Node]) -> None:
    """Set ``moved`` on paired nodes that changed parent or left their siblings' order."""

    def group(siblings: list[Node], parent: Node | None) -> None:
        stays: list[Node] = []
        for n in siblings:
            o = n.partner
            if o is None or n.subject in ("title", "formula"):
                continue
            same_parent = (
                o.parent is None
                if parent is None
                else o.parent is not None and parent.partner is o.parent
            )
            if same_parent:
                stays.append(n)
            else:
                n.moved = True
        keep = _lis([n.partner.index for n in stays if n.partner is not None])
        for k, n in enumerate(stays):
            if k not in keep:
                n.moved = True

    # Top-level indices count within a kind (and an unnumbered block's name): see
    # build_tree.
    by_subject: dict[tuple[str, str | None], list[Node]] = defaultdict(list)
    for t in new_top:
        by_subject[t.subject, t.name].append(t)
    for siblings in by_subject.values():
        group(siblings, None)
    for n in walk_all(new_top):
        if n.children:
            group(n.children, n)


def classify(
    o: Node | None, n: Node | None, *, ignore_numbering: bool, codes: Codes | None = None
) -> Change:
    """The change record for one pair (or one lone provision); ``codes`` as for
    :func:`diff_runs`."""
    if o is None:
        assert n is not None
        ops: tuple[WordOp, ...] = (WordOp("insert", n.runs),) if n.runs else ()
        return Change("inserted", n.subject, None, n.side(), ops)
    if n is None:
        ops = (WordOp("delete", o.runs),) if o.runs else ()
        return Change("deleted", o.subject, o.side(), None, ops)
    ops = diff_runs(o.runs, n.runs, codes)
    kind: ChangeKind
    if n.moved:
        kind = "moved"
    # Equal words come back as one "equal" step (or none): no generator per pair.
    elif len(ops) > 1 or (ops and ops[0].kind != "equal"):
        kind = "changed"
    elif o.num != n.num and not ignore_numbering:
        kind = "renumbered"
    else:
        kind = "unchanged"
    return Change(kind, n.subject, o.side(), n.side(), ops)


# -- order ---------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class Entry:
    """A place in the output: one node of NEW, or one node of OLD shown at its old place."""

    old: Node | None
    new: Node | None
    role: SlotRole


def _in_subtree(entry: Entry, anchor_old: Node) -> bool:
    """True when ``entry`` shows a descendant of ``anchor_old`` (or of its partner)."""
    partner = anchor_old.partner
    if (
        entry.new is not None
        and entry.role != "from"
        and partner is not None
        and any(a is partner for a in entry.new.ancestors())
    ):
        return True
    node = entry.old
    if node is not None:
        for a in node.ancestors():
            if a is anchor_old:
                return True
    return False


class _Sequence:
    """A list of entries that grows by insertions, where finding an entry is cheap.

    An entry only ever moves right, as others are inserted before it, so the
    place it had when added starts the search: ``list.index`` from the start
    made placing each deletion cost the length of the document.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.items = entries
        self.lower = {id(e): i for i, e in enumerate(entries)}

    def index(self, entry: Entry) -> int:
        i = self.items.index(entry, self.lower[id(entry)])
        self.lower[id(entry)] = i
        return i

    def insert(self, pos: int, items: list[Entry]) -> None:
        self.items[pos:pos] = items
        for k, item in enumerate(items):
            self.lower[id(item)] = pos + k


def _place(
    entries: _Sequence,
    items: list[Entry],
    node: Node,
    siblings: list[Node],
    k: int,
    is_anchor: Callable[[Node], bool],
    old_slot: Callable[[Node], Entry | None],
) -> None:
    """Insert ``items`` where ``node`` (``siblings[k]``) stood in OLD: after its last
    staying elder sibling."""
    prev = next((siblings[i] for i in range(k - 1, -1, -1) if is_anchor(siblings[i])), None)
    seq = entries.items
    if prev is not None:
        slot = old_slot(prev)
        assert slot is not None
        pos = entries.index(slot)
        while pos + 1 < len(seq) and _in_subtree(seq[pos + 1], prev):
            pos += 1
    elif node.parent is not None:
        slot = old_slot(node.parent)
        pos = entries.index(slot) if slot is not None else -1
    else:
        pos = -1
    entries.insert(pos + 1, items)


def _siblings(node: Node, top: list[Node]) -> list[Node]:
    return node.parent.children if node.parent is not None else top


def _in_move(o: Node) -> bool:
    """True when OLD node ``o`` is shown at its old place as part of a move."""
    for a in (o, *o.ancestors()):
        if a.partner is not None and a.partner.moved:
            return True
        if a.partner is not None:
            return False
    return False


def order(old_top: list[Node], new_top: list[Node]) -> tuple[list[Entry], list[Entry]]:
    """The reading list (each provision once) and the redline layout (moves twice)."""
    old_all = walk_all(old_top)
    # Each OLD node's position among its siblings.
    where = {id(t): i for i, t in enumerate(old_top)}
    for o in old_all:
        where.update((id(c), i) for i, c in enumerate(o.children))

    def stays(o: Node) -> bool:
        return o.partner is None or not o.partner.moved

    # The reading list: NEW in order; each deletion after its last staying elder sibling.
    reading = _Sequence([Entry(n.partner, n, "here") for n in walk_all(new_top)])
    by_new = {id(e.new): e for e in reading.items}
    by_old: dict[int, Entry] = {}

    def slot_for(o: Node) -> Entry | None:
        if o.partner is not None:
            return by_new.get(id(o.partner))
        return by_old.get(id(o))

    for o in old_all:
        if o.partner is None:
            entry = Entry(o, None, "here")
            by_old[id(o)] = entry
            _place(reading, [entry], o, _siblings(o, old_top), where[id(o)], stays, slot_for)

    # The layout: a move appears as "from" at the old place and "to" at the new one.
    layout: list[Entry] = []
    from_slot: dict[int, Entry] = {}
    # NEW nodes that moved or stand under one that did (parents come first).
    under_move: set[int] = set()
    for n in walk_all(new_top):
        if n.moved or (n.parent is not None and id(n.parent) in under_move):
            under_move.add(id(n))
    for e in reading.items:
        if e.new is not None:
            moving = e.old is not None and id(e.new) in under_move
            layout.append(Entry(e.old, e.new, "to" if moving else "here"))
        elif e.old is not None and not _in_move(e.old):
            layout.append(e)
    placed = _Sequence(layout)
    lay_new = {id(e.new): e for e in layout if e.new is not None}
    lay_old = {id(e.old): e for e in layout if e.new is None and e.old is not None}

    def old_place(o: Node) -> Entry | None:
        if id(o) in from_slot:
            return from_slot[id(o)]
        if o.partner is not None:
            return lay_new.get(id(o.partner))
        return lay_old.get(id(o))

    for o in old_all:
        if o.partner is None or not o.partner.moved:
            continue
        group: list[Entry] = []
        stack = [o]
        while stack:  # the moved provision with what moves along with it, in order
            x = stack.pop()
            entry = Entry(x, x.partner, "from")
            from_slot[id(x)] = entry
            group.append(entry)
            stack.extend(
                c for c in reversed(x.children) if c.partner is None or not c.partner.moved
            )
        _place(placed, group, o, _siblings(o, old_top), where[id(o)], stays, old_place)
    return reading.items, layout


def build_result(
    old_top: list[Node], new_top: list[Node], *, ignore_numbering: bool
) -> tuple[tuple[Change, ...], tuple[Slot, ...]]:
    """The changes in reading order, and the redline layout as slots into them."""
    reading, layout = order(old_top, new_top)
    codes = Codes()
    changes = tuple(
        classify(e.old, e.new, ignore_numbering=ignore_numbering, codes=codes) for e in reading
    )
    index_new = {id(e.new): i for i, e in enumerate(reading) if e.new is not None}
    index_old = {id(e.old): i for i, e in enumerate(reading) if e.new is None}
    slots = []
    for e in layout:
        i = index_new[id(e.new)] if e.new is not None else index_old[id(e.old)]
        slots.append(Slot(i, e.role))
    return changes, tuple(slots)
