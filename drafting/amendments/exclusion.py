"""Which amendments exclude each other, and what falls when one is adopted.

Two amendments *clash* when carrying out one changes what the other needs: both
change the same words, or one deletes or replaces a provision the other changes.
In the chamber the later one then falls.  This module is the one place that
decides it: the check report's overlaps, the voting list's "if adopted, ...
fall" and the apply's "fell" all come from here, so they cannot disagree.

Clashes are found by kind, never pair by pair.  A committee can table hundreds
of amendments to one paragraph, as identical or competing texts; comparing every
pair made 4,000 of them cost a minute and 2.4 GB.  Here word changes on one
provision are swept in the order of their spans, a deletion or replacement meets
what lies inside its provision once per provision, and the amendments applied so
far are held in an index that answers "does this one clash?" by looking up, not
by scanning.  Overlaps are reported as *groups* (the connected sets of clashing
amendments); a group whose members all clash with each other is *exclusive*:
once one is adopted the rest fall, which the voting list says once for the
group instead of once per pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from drafting.akn.elements import AknElement
from drafting.amendments.model import Amendment
from drafting.amendments.resolve import WHOLE, Check, Target, clash, line_of, reaches
from drafting.amendments.words import normalize

#: Groups up to this size are compared member by member to know whether they are
#: exclusive, and their falls are listed by number; larger ones are judged by their
#: shape (one provision, one shared span) and named as a group.
LISTED = 24


def first_clash(first: Sequence[Target], second: Sequence[Target]) -> Target | None:
    """The first target of ``first`` that ``second`` clashes with; None if independent."""
    for t in first:
        for u in second:
            if clash(t, u):
                return t
    return None


def _same(a: Amendment, b: Amendment) -> bool:
    """True when ``a`` and ``b`` are duplicates: the same operations at the same place."""
    return a.where == b.where and a.operations == b.operations


def excludes(c: Check, d: Check) -> bool:
    """True when adopting either of ``c`` and ``d`` makes the other fall."""
    if _same(c.amendment, d.amendment):
        return True
    return c.ok and d.ok and first_clash(c.targets, d.targets) is not None


def _key(a: Amendment) -> object:
    """What duplicates share; operations that cannot be hashed make no duplicates."""
    try:
        hash(a.operations)
    except TypeError:
        return ("unique", id(a))
    return (a.where, a.operations)


def _places(t: Target) -> Iterator[AknElement]:
    """Where ``t`` acts and every provision above, for its host and its anchor, each
    once: what a deletion or replacement of one of them reaches."""
    seen: set[AknElement] = set()
    for host in (t.host, t.anchor):
        for node in line_of(host.element) if host is not None else ():
            if node not in seen:
                seen.add(node)
                yield node


# -- groups ------------------------------------------------------------------------


class _Sets:
    """Union-find over check indexes: which checks are connected by clashes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


@dataclass
class _Placed:
    """The targets of the checks, by the element they act on and by what lies below."""

    texts: dict[AknElement, list[tuple[int, int, int]]] = field(default_factory=dict)
    wholes: dict[AknElement, list[tuple[int, Target]]] = field(default_factory=dict)
    moves: dict[AknElement, list[int]] = field(default_factory=dict)
    #: Every target at or below an element: (check index, target).
    below: dict[AknElement, list[tuple[int, Target]]] = field(default_factory=dict)


def _place(checks: Sequence[Check]) -> _Placed:
    placed = _Placed()
    for i, c in enumerate(checks):
        if not c.ok:
            continue
        for t in c.targets:
            el = t.host.element
            if t.kind == "text":
                assert t.footprint is not None
                placed.texts.setdefault(el, []).append((*t.footprint, i))
            elif t.kind in WHOLE:
                placed.wholes.setdefault(el, []).append((i, t))
            elif t.kind == "move":
                placed.moves.setdefault(el, []).append(i)
            for node in _places(t):
                placed.below.setdefault(node, []).append((i, t))
    return placed


def _sweep(spans: list[tuple[int, int, int]], sets: _Sets) -> None:
    """Connect the word changes of one provision whose spans meet, in one pass.

    In span order, a span that meets any earlier one meets the earlier one reaching
    furthest, and every earlier span it meets contains its start, as that one does:
    so joining it to that one alone connects it to all of them.  An insertion point
    meets the others at the same point, and the spans around it.
    """
    furthest, reach = -1, -1
    at_point: dict[int, int] = {}
    for s, e, i in sorted(spans, key=lambda x: (x[0], x[0] != x[1], x[1])):
        if reach > s:
            sets.union(i, furthest)
        if s == e:
            sets.union(i, at_point.setdefault(s, i))
        elif e > reach:
            furthest, reach = i, e


def _connect(checks: Sequence[Check], sets: _Sets) -> None:
    first: dict[object, int] = {}
    for i, c in enumerate(checks):
        sets.union(i, first.setdefault(_key(c.amendment), i))
    placed = _place(checks)
    for spans in placed.texts.values():
        _sweep(spans, sets)
    for members in placed.moves.values():
        for i in members[1:]:
            sets.union(i, members[0])
    for el, wholes in placed.wholes.items():
        rep = wholes[0][0]
        for i, _ in wholes[1:]:
            sets.union(i, rep)
        for node in list(line_of(el))[1:]:
            if node in placed.wholes:
                sets.union(rep, placed.wholes[node][0][0])
                break
        delete = next((w for _, w in wholes if w.kind == "delete"), None)
        for i, t in placed.below.get(el, ()):
            # Every word change below meets the deletion or replacement; a new or moved
            # provision only a deletion of what holds it.
            inside = t.kind in ("insert", "move") and delete is not None and reaches(delete, t)
            if t.kind == "text" or inside:
                sets.union(i, rep)


@dataclass(frozen=True)
class OverlapGroup:
    """Amendments connected by clashes: adopting one makes those it clashes with fall.

    ``exclusive`` when every member clashes with every other (competing texts for
    the same words, or the same provision replaced several ways): once one is
    adopted, all the others fall.
    """

    #: The amendments' numbers, in the order they were given.
    members: tuple[str, ...]
    #: Where they meet, as printed: ``paragraph 13(b)``.
    where: str
    #: What they share: ``both change "misaligned data"``.
    what: str
    exclusive: bool
    #: True when every member is the same operation at the same place.
    duplicates: bool = False
    #: For a group that is not exclusive and small enough to list: which pairs clash.
    pairs: tuple[tuple[str, str], ...] = ()

    def line(self) -> str:
        """The group as ``drafting amendments check`` prints it: one line however many."""
        names = amendment_numbers(self.members)
        if self.duplicates:
            return f"amendments {names} are duplicates ({self.where})"
        if self.exclusive:
            rest = "the other falls" if len(self.members) == 2 else "the others fall"
            return (
                f"amendments {names} overlap in {self.where}: {self.what};"
                f" if one is adopted, {rest}"
            )
        clashes = ", ".join(f"{a} with {b}" for a, b in self.pairs)
        which = f" ({clashes})" if clashes else ""
        return (
            f"amendments {names} overlap in {self.where}: {self.what}; if one is adopted,"
            f" those it overlaps fall{which}"
        )


def amendment_numbers(numbers: Sequence[str]) -> str:
    """``1 and 2``, ``1, 4 and 7``, ``1 to 4000``: runs of four or more consecutive
    numbers are written as a range, so that a group of thousands stays one short line."""
    parts: list[str] = []
    k = 0
    while k < len(numbers):
        j = k
        while j + 1 < len(numbers) and _next(numbers[j], numbers[j + 1]):
            j += 1
        if j - k >= 3:
            parts.append(f"{numbers[k]} to {numbers[j]}")
            k = j + 1
        else:
            parts.append(numbers[k])
            k += 1
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _next(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and int(b) == int(a) + 1


def overlap_groups(checks: Sequence[Check]) -> list[OverlapGroup]:
    """The groups of amendments that clash, in the order of their first member."""
    return [g for g, _ in _groups(checks)]


def _groups(checks: Sequence[Check]) -> list[tuple[OverlapGroup, list[int]]]:
    sets = _Sets(len(checks))
    _connect(checks, sets)
    members: dict[int, list[int]] = {}
    for i in range(len(checks)):
        members.setdefault(sets.find(i), []).append(i)
    out = []
    for group in members.values():
        if len(group) > 1:
            out.append((_describe([checks[i] for i in group]), group))
    return out


def _describe(group: Sequence[Check]) -> OverlapGroup:
    numbers = tuple(c.amendment.number for c in group)
    first = group[0].amendment
    if all(_same(first, c.amendment) for c in group[1:]):
        return OverlapGroup(numbers, first.where_text, "identical", True, duplicates=True)
    exclusive = _exclusive(group)
    pairs: tuple[tuple[str, str], ...] = ()
    if not exclusive and len(group) <= LISTED:
        pairs = tuple(
            (c.amendment.number, d.amendment.number)
            for k, c in enumerate(group)
            for d in group[k + 1 :]
            if excludes(c, d)
        )
    where, what = _meeting(group, exclusive)
    return OverlapGroup(numbers, where, what, exclusive, pairs=pairs)


def _exclusive(group: Sequence[Check]) -> bool:
    """True when every member clashes with every other."""
    if len(group) <= LISTED:
        return all(excludes(c, d) for k, c in enumerate(group) for d in group[k + 1 :])
    # Larger groups by their shape: word changes of one provision sharing one span
    # (in one dimension, spans that pairwise meet share a point), and deletions or
    # replacements of that provision or of one above it.
    if not all(c.ok for c in group):
        return False
    targets = [t for c in group for t in c.targets]
    texts = [t for t in targets if t.kind == "text"]
    wholes = [t for t in targets if t.kind in WHOLE]
    if len(texts) + len(wholes) != len(targets):
        return False
    if texts:
        host = texts[0].host
        if any(t.host.element is not host.element for t in texts):
            return False
        if not all(w.host.covers(host) for w in wholes):
            return False
        return _share_a_point([t.footprint for t in texts if t.footprint is not None])
    lowest = max(wholes, key=lambda w: len(list(line_of(w.host.element)))).host
    return all(w.host.covers(lowest) for w in wholes)


def _share_a_point(spans: Sequence[tuple[int, int]]) -> bool:
    points = {s for s, e in spans if s == e}
    ranges = [(s, e) for s, e in spans if s != e]
    if len(points) > 1:
        return False
    if not ranges:
        return True
    start, end = max(s for s, _ in ranges), min(e for _, e in ranges)
    if points:
        (p,) = points
        return start < p < end
    return start < end


def _meeting(group: Sequence[Check], exclusive: bool) -> tuple[str, str]:
    """Where the members meet, and what they share, in words."""
    targets = [t for c in group for t in c.targets]
    if not targets:
        return group[0].amendment.where_text, "they change the same place"
    wholes = [t for t in targets if t.kind in WHOLE]
    all_of = "both" if len(group) == 2 else "all"
    if wholes:
        top = min(wholes, key=lambda w: len(list(line_of(w.host.element))))
        verb = "delete" if top.kind == "delete" else "replace"
        if len(wholes) == len(targets):
            return top.host.label, f"{all_of} {verb} it"
        one = "one deletes" if top.kind == "delete" else "one replaces"
        others = "the other changes" if len(group) == 2 else "others change"
        return top.host.label, f"{one} a provision {others}"
    texts = [t for t in targets if t.footprint is not None]
    host = texts[0].host if texts else targets[0].host
    if exclusive and texts and all(t.host.element is host.element for t in texts):
        spans = [t.footprint for t in texts if t.footprint is not None]
        start, end = max(s for s, _ in spans), min(e for _, e in spans)
        words = normalize(host.text[start:end]) if start < end else ""
        if words:
            return host.label, f'{all_of} change "{words}"'
    return (
        host.label,
        f"{all_of} change the same place" if exclusive else "some change the same words",
    )


# -- what falls --------------------------------------------------------------------


@dataclass(frozen=True)
class Falls:
    """What falls if one amendment is adopted, as the voting list says it."""

    #: The later amendments that fall, by number: those it clashes with in a group
    #: small enough to list, and those its compromise replaces.
    numbers: tuple[str, ...] = ()
    #: The group it belongs to when too large to list: if it is adopted, the later
    #: members fall (all of them when the group is exclusive, else those it clashes with).
    group: OverlapGroup | None = None


def falls_in_order(ordered: Sequence[Check]) -> list[Falls]:
    """For each of ``ordered`` (in voting order), what falls if it is adopted."""
    listed: list[list[int]] = [[] for _ in ordered]
    large: dict[int, OverlapGroup] = {}
    for group, members in _groups(ordered):
        if len(members) > LISTED:
            large.update((i, group) for i in members)
            continue
        for k, i in enumerate(members):
            listed[i].extend(j for j in members[k + 1 :] if excludes(ordered[i], ordered[j]))
    position = {c.amendment.number: k for k, c in enumerate(ordered)}
    out = []
    for i, c in enumerate(ordered):
        for number in c.amendment.replaces:
            at = position.get(number)
            if at is not None and at > i and at not in listed[i]:
                listed[i].append(at)
        numbers = tuple(ordered[j].amendment.number for j in sorted(listed[i]))
        out.append(Falls(numbers, large.get(i)))
    return out


class Adopted:
    """The amendments applied so far, indexed by where they act.

    They never clash with each other, so on one provision their spans are apart and
    sorted, and whether a new amendment clashes with one of them is a lookup.
    """

    def __init__(self) -> None:
        self._spans: dict[AknElement, list[tuple[int, int, str]]] = {}
        #: Insertion points, sorted: (offset, amendment).
        self._points: dict[AknElement, list[tuple[int, str]]] = {}
        self._wholes: dict[AknElement, list[tuple[str, Target]]] = {}
        self._below: dict[AknElement, list[tuple[str, Target]]] = {}
        self._moves: dict[AknElement, list[str]] = {}
        self._replaced: dict[str, list[str]] = {}
        self._same: dict[object, str] = {}
        self._order: dict[str, int] = {}

    def add(self, c: Check) -> None:
        """Record ``c`` as applied."""
        a = c.amendment
        self._order.setdefault(a.number, len(self._order))
        self._same.setdefault(_key(a), a.number)
        for number in a.replaces:
            self._replaced.setdefault(number, []).append(a.number)
        for t in c.targets:
            el = t.host.element
            if t.kind == "text":
                assert t.footprint is not None
                s, e = t.footprint
                if s == e:
                    bisect.insort(self._points.setdefault(el, []), (s, a.number))
                else:
                    bisect.insort(self._spans.setdefault(el, []), (s, e, a.number))
            elif t.kind in WHOLE:
                self._wholes.setdefault(el, []).append((a.number, t))
            elif t.kind == "move":
                self._moves.setdefault(el, []).append(a.number)
            for node in _places(t):
                self._below.setdefault(node, []).append((a.number, t))

    def clashing(self, c: Check) -> tuple[str, ...]:
        """The applied amendments that make ``c`` fall: they clash with it, replace it
        (a compromise), or are the same amendment; () when it can be applied."""
        a = c.amendment
        found = list(self._replaced.get(a.number, ()))
        same = self._same.get(_key(a))
        if same is not None:
            found.append(same)
        for t in c.targets:
            found.extend(self._clashing(t))
        return tuple(sorted(dict.fromkeys(found), key=self._order.__getitem__))

    def _clashing(self, t: Target) -> Iterator[str]:
        el = t.host.element
        # A deletion or replacement above (or at) this target's place.
        for node in line_of(el):
            for number, w in self._wholes.get(node, ()):
                if clash(w, t):
                    yield number
        if t.anchor is not None and t.kind == "move":
            for node in line_of(t.anchor.element):
                for number, w in self._wholes.get(node, ()):
                    if clash(w, t):
                        yield number
        if t.kind == "text":
            assert t.footprint is not None
            yield from self._words(el, t.footprint)
        elif t.kind in WHOLE:
            for number, u in self._below.get(el, ()):
                # Those at this place itself were found above, with the wholes over it.
                below = u.kind in WHOLE and u.host.element is not el
                if below or (u.kind not in WHOLE and clash(t, u)):
                    yield number
        elif t.kind == "move":
            yield from self._moves.get(el, ())

    def _words(self, el: AknElement, span: tuple[int, int]) -> Iterator[str]:
        s, e = span
        spans = self._spans.get(el, [])
        points = self._points.get(el, [])
        if s == e:
            # At most one applied insertion at a point, and one span around it.
            k = bisect.bisect_left(points, (s,))
            if k < len(points) and points[k][0] == s:
                yield points[k][1]
            k = bisect.bisect_left(spans, (s,)) - 1
            if k >= 0 and spans[k][0] < s < spans[k][1]:
                yield spans[k][2]
            return
        k = bisect.bisect_left(spans, (e,))
        while k > 0 and spans[k - 1][1] > s:
            k -= 1
            yield spans[k][2]
        for k in range(
            bisect.bisect_right(points, (s, "\uffff")), bisect.bisect_left(points, (e,))
        ):
            yield points[k][1]
