"""Amendments by page and line of the printed draft, as the UK House of Commons tables them.

``Page 2, line 10, leave out 'x' and insert 'y'``, ``Line 6, leave out ...``,
``Page 1, line 3, at end insert 'z'``, ``Leave out lines 28 to 31``, ``Page 2, line 4,
leave out from 'a' to end of line 9 and insert 'b'``.  The page and line are those of
the print of :mod:`drafting.text.printed` (``drafting export --line-numbers``), the
only layout there is, so the paper and the resolution agree.

Reading them is :mod:`drafting.amendments.pageline` (the parser's side).

Resolving (:func:`by_provision`): the amendment is put by provision, the same
operations on the provision the line prints, with each quotation made to pick out
the words that start on that line, so that checking, the voting list and the apply
treat it as any other amendment.  On a line location ``at beginning`` and ``at end``
mean the beginning and end of the line, as the UK means them.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from dataclasses import replace

from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.amendments.clause_locate import cite
from drafting.amendments.errors import AmendmentTargetError
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Lines,
    Location,
    LocationKind,
    MoveProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Rest,
    Sentence,
)
from drafting.amendments.resolve import Host, Lookup, locate
from drafting.amendments.words import find_all, normalize
from drafting.model.document import Document
from drafting.model.provision import Provision
from drafting.text.printed import LINES_PER_PAGE, PrintedLine, printed_lines

# -- the print ---------------------------------------------------------------------


class _Sheet:
    """The print of one document, indexed for finding pages, lines and provisions."""

    def __init__(self, doc: Document) -> None:
        self.lines = printed_lines(doc)
        self.pages = self.lines[-1].page if self.lines else 0
        self._owned: dict[AknElement, list[int]] = {}
        self._extent: dict[AknElement, tuple[int, int]] = {}
        self._texts: dict[AknElement, str] = {}
        self._full: dict[AknElement, tuple[int, int] | None] = {}
        for k, ln in enumerate(self.lines):
            if ln.owner is not None:
                self._owned.setdefault(ln.owner, []).append(k)
            if ln.provision is not None:
                lo, hi = self._extent.get(ln.provision, (k, k))
                self._extent[ln.provision] = (min(lo, k), max(hi, k))

    def index(self, page: int, number: int) -> int:
        """Where line ``number`` of ``page`` stands among all the lines.

        Raises:
            AmendmentTargetError: the print has no such page or line.
        """
        if not 1 <= page <= self.pages:
            raise AmendmentTargetError(
                f"page {page} does not exist; the draft prints on {self.pages} page(s)",
                hint="count pages and lines in the print of drafting export --line-numbers",
            )
        on_page = min(LINES_PER_PAGE, len(self.lines) - (page - 1) * LINES_PER_PAGE)
        if not 1 <= number <= on_page:
            raise AmendmentTargetError(
                f"page {page} has no line {number}; it has lines 1 to {on_page}",
                hint="count pages and lines in the print of drafting export --line-numbers",
            )
        return (page - 1) * LINES_PER_PAGE + number - 1

    @staticmethod
    def at(line: PrintedLine) -> int:
        """Where ``line`` stands among all the lines."""
        return (line.page - 1) * LINES_PER_PAGE + line.number - 1

    def span(self, lines: Lines) -> range:
        """The indexes of the lines ``lines`` names."""
        first = self.index(lines.page, lines.first)
        last = self.index(lines.page, lines.last) if lines.last is not None else first
        return range(first, last + 1)

    def owners(self) -> Iterator[tuple[AknElement, list[int]]]:
        """Each element whose words the print shows, with its lines, in print order."""
        yield from self._owned.items()

    def owned(self, owner: AknElement) -> list[int]:
        """The lines that print ``owner``'s words."""
        return self._owned[owner]

    def extent(self, p: Provision) -> tuple[int, int] | None:
        """The first and last line printed for ``p`` and all it holds; None if none."""
        if p.element not in self._full:
            spans = [self._extent[p.element]] if p.element in self._extent else []
            spans += [e for e in map(self.extent, p.children) if e is not None]
            self._full[p.element] = (
                (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None
            )
        return self._full[p.element]

    def text(self, owner: AknElement) -> str:
        """The clause text of ``owner``, as amendments count it (its blocks joined)."""
        if owner not in self._texts:
            self._texts[owner] = (
                text_of(owner) if owner.local == "docTitle" else Provision(owner).text
            )
        return self._texts[owner]


#: The print of each document, kept for as long as the lookup of that document lives:
#: checking a thousand amendments lays the draft out once.
_SHEETS: weakref.WeakKeyDictionary[Lookup, _Sheet] = weakref.WeakKeyDictionary()


def _sheet(doc: Document, lookup: Lookup | None) -> _Sheet:
    if lookup is None or lookup.doc is not doc:
        return _Sheet(doc)
    sheet = _SHEETS.get(lookup)
    if sheet is None:
        sheet = _SHEETS[lookup] = _Sheet(doc)
    return sheet


def _where(lines: Sequence[PrintedLine]) -> str:
    first, last = lines[0], lines[-1]
    if first is last:
        return f"page {first.page}, line {first.number}"
    if first.page == last.page:
        return f"page {first.page}, lines {first.number} to {last.number}"
    return f"page {first.page}, line {first.number} to page {last.page}, line {last.number}"


def _reads(lines: Sequence[PrintedLine]) -> str:
    shown = " / ".join(ln.text.strip() for ln in lines)
    return f'"{shown}"'


# -- resolving -------------------------------------------------------------------


def _location_of(doc: Document, owner: AknElement, lookup: Lookup) -> Location | None:
    """The location by provision that names ``owner`` (a provision's element or the
    ``<docTitle>``); None when none does (unnumbered text)."""
    if owner.local == "docTitle":
        return Location("title")
    p = Provision(owner)
    if doc.structure.hierarchical:  # a bill: the provision's place down its hierarchy
        return cite(p, lookup.clauses)
    ref = p.ref
    found: list[Location] = []
    if ref:
        by_number = [Location("paragraph", ref), Location("operative", ref)]
        if p.kind == "recital" and not ref[0].isdigit():
            by_number.insert(0, Location("recital", ref))
        found += by_number
    counted: tuple[tuple[str, LocationKind, str], ...] = (
        ("recital", "preambular", "recitals"),
        ("citation", "citation", "citations"),
    )
    for kind, counted_kind, pool in counted:
        if p.kind == kind and p in lookup.pool(pool):
            found.append(Location(counted_kind, str(lookup.pool(pool).index(p) + 1)))
    for loc in found:
        try:
            if locate(doc, loc, lookup).element is owner:
                return loc
        except AmendmentTargetError:
            continue
    return None


def _place_of(
    doc: Document, lookup: Lookup, owner: AknElement, lines: Sequence[PrintedLine]
) -> Location:
    loc = _location_of(doc, owner, lookup)
    if loc is None:
        raise AmendmentTargetError(
            f"{_where(lines)} prints unnumbered text ({_reads(lines[:1])}), which no"
            " amendment can name",
            hint="amend a numbered provision or the title",
        )
    return loc


class _Plan:
    """The amendment being put by provision: its operations, and the provision they reach."""

    def __init__(self, doc: Document, lookup: Lookup, sheet: _Sheet) -> None:
        self.doc, self.lookup, self.sheet = doc, lookup, sheet
        self.owner: AknElement | None = None
        self.ops: list[Operation] = []
        self.origin: list[int] = []

    def place_of(self, owner: AknElement, lines: Sequence[PrintedLine]) -> Location:
        return _place_of(self.doc, self.lookup, owner, lines)

    def name(self, element: AknElement) -> str:
        """A provision (or the title) as a sentence names it."""
        loc = _location_of(self.doc, element, self.lookup)
        return loc.phrase() if loc is not None else "unnumbered text"

    def reach(self, owner: AknElement, lines: Sequence[PrintedLine]) -> None:
        """The word operations reach ``owner``; all of them must reach the same one."""
        if self.owner is None:
            self.place_of(owner, lines)
            self.owner = owner
        elif self.owner is not owner:
            one = self.place_of(self.owner, lines).phrase()
            other = self.place_of(owner, lines).phrase()
            raise AmendmentTargetError(
                f"the operations reach two provisions, {one} and {other} ({_where(lines)})",
                hint="table one amendment for each provision",
            )

    def add(self, op: Operation, index: int) -> None:
        self.ops.append(op)
        self.origin.append(index)


def by_provision(
    doc: Document, a: Amendment, lookup: Lookup | None = None
) -> tuple[Amendment, tuple[int, ...]]:
    """``a``, located by page and line, as the same amendment located by provision, and
    for each of its operations the index of the operation of ``a`` it comes from.

    Raises:
        AmendmentTargetError: the page or line does not exist, prints no provision, the
            quoted words do not start on it, or lines left out cut a provision in a way
            no operation expresses.
    """
    assert a.location is not None and a.location.lines is not None
    lookup = Lookup.of(doc, lookup)
    sheet = _sheet(doc, lookup)
    lines = [sheet.lines[k] for k in sheet.span(a.location.lines)]
    plan = _Plan(doc, lookup, sheet)
    for i, op in enumerate(a.operations):
        if isinstance(op, InsertProvisions | MoveProvision) or (
            isinstance(op, DeleteProvision) and op.target is not None
        ):
            plan.add(op, i)  # they name their own places
        elif isinstance(op, DeleteProvision) and a.location.lines.last is not None:
            _leave_out_lines(plan, lines, i)
        elif isinstance(op, DeleteProvision | ReplaceProvision):
            owner = _owner(lines[:1])
            plan.reach(owner, lines[:1])
            plan.add(op, i)
        else:
            plan.add(_on_lines(plan, lines, op), i)
    if plan.owner is None:
        owner = _owner(lines[:1])
        plan.reach(owner, lines[:1])
    assert plan.owner is not None
    location = plan.place_of(plan.owner, lines)
    return replace(a, location=location, operations=tuple(plan.ops)), tuple(plan.origin)


def printed_host(doc: Document, loc: Location, lookup: Lookup | None = None) -> Host:
    """The provision (or title) printed on the first line ``loc`` names.

    Raises:
        AmendmentTargetError: no such line, or it prints no provision an amendment names.
    """
    assert loc.lines is not None
    lookup = Lookup.of(doc, lookup)
    sheet = _sheet(doc, lookup)
    line = sheet.lines[sheet.index(loc.lines.page, loc.lines.first)]
    return locate(doc, _place_of(doc, lookup, _owner([line]), [line]), lookup)


def _owner(lines: Sequence[PrintedLine]) -> AknElement:
    line = lines[0]
    if line.owner is None:
        raise AmendmentTargetError(
            f"{_where(lines)} prints {_reads(lines)}, which is not the words of a provision",
            hint="amend the words of a provision or of the title, on a line that prints them",
        )
    return line.owner


def _quote_on(
    plan: _Plan, lines: Sequence[PrintedLine], quote: Quote
) -> tuple[AknElement, Quote, tuple[int, int]]:
    """The provision whose words ``quote`` picks out starting on ``lines``, the quotation
    that picks them out in its whole text, and where they stand in it."""
    found: list[tuple[AknElement, int, int, tuple[int, int]]] = []  # owner, k, of, span
    for ln in lines:
        if ln.owner is None:
            continue
        spans = find_all(plan.sheet.text(ln.owner), quote.text)
        for k, (s, e) in enumerate(spans):
            if ln.start <= s < ln.end:
                found.append((ln.owner, k, len(spans), (s, e)))
    shown = f'"{quote.text}"'
    where = _where(lines)
    if not found:
        elsewhere = _elsewhere(plan.sheet, quote)
        raise AmendmentTargetError(
            f"{shown} does not start on {where}, which reads {_reads(lines)}{elsewhere}",
            hint="quote words that start on the line named, as drafting export --line-numbers"
            " prints the draft",
        )
    if quote.occurrence is None and len(found) > 1:
        raise AmendmentTargetError(
            f"{shown} starts {len(found)} times on {where}; say which",
            hint=f"write e.g. the second {shown}, or quote more words",
        )
    k = 0 if quote.occurrence is None else (-1 if quote.occurrence == -1 else quote.occurrence - 1)
    if not -len(found) <= k < len(found):
        raise AmendmentTargetError(
            f"{shown} starts only {len(found)} time(s) on {where}", hint="check the ordinal"
        )
    owner, n, of, span = found[k]
    plan.reach(owner, lines)
    return owner, Quote(quote.text, n + 1 if of > 1 else None), span


def _elsewhere(sheet: _Sheet, quote: Quote) -> str:
    """Where else the print has the words: ``; they start on page 2, line 12``."""
    for owner, indexes in sheet.owners():
        for s, _ in find_all(sheet.text(owner), quote.text):
            for k in indexes:
                ln = sheet.lines[k]
                if ln.start <= s < ln.end:
                    return f"; they start on page {ln.page}, line {ln.number}"
    return ""


def _token(plan: _Plan, owner: AknElement, at: int, *, last: bool) -> Quote:
    """A quotation of the word of ``owner`` that starts (or, with ``last``, ends) at ``at``."""
    text = plan.sheet.text(owner)
    if last:
        head = text[:at]
        word = head.split()[-1] if head.split() else ""
        start = at - len(word)
    else:
        tail = text[at:]
        word = tail.split()[0] if tail.split() else ""
        start = at
    spans = find_all(text, word) if word else []
    for k, (s, _) in enumerate(spans):
        if s == start:
            return Quote(normalize(word), k + 1 if len(spans) > 1 else None)
    raise AmendmentTargetError(
        f"no whole word {'ends' if last else 'starts'} there ({word!r})",
        hint="quote the words instead",
    )


def _closing(plan: _Plan, owner: AknElement, end: int, new: str) -> int:
    """Where words taken out to the end of a provision stop: before its closing ``;``,
    ``.`` or ``:``, which stays unless the new words bring their own."""
    text = plan.sheet.text(owner)
    marks = (";", ".", ":")
    if end == len(text.rstrip()) and text.rstrip()[-1:] in marks and new[-1:] not in marks:
        before = text[: end - 1].rstrip()
        if before.split():
            return len(before)
    return end


def _on_lines(plan: _Plan, lines: Sequence[PrintedLine], op: Operation) -> Operation:
    """``op``, whose place is ``lines``, as the same operation on the provision."""
    if isinstance(op, InsertText):
        if op.anchor is not None:
            _, anchor, _ = _quote_on(plan, lines, op.anchor)
            return replace(op, anchor=anchor)
        edge = lines[0] if op.where == "beginning" else lines[-1]
        owner = _owner([edge])
        plan.reach(owner, [edge])
        owned = plan.sheet.owned(owner)
        k = plan.sheet.at(edge)
        if op.where == "beginning":
            if k == owned[0]:
                return op
            return InsertText("before", _token(plan, owner, edge.start, last=False), op.new)
        if k == owned[-1]:
            return op
        return InsertText("after", _token(plan, owner, edge.end, last=True), op.new)
    if isinstance(op, DeleteText | ReplaceText):
        new = op.new if isinstance(op, ReplaceText) else ""
        target = op.target
        if isinstance(target, Quote):
            _, quote, _ = _quote_on(plan, lines, target)
            return replace(op, target=quote)
        if isinstance(target, Rest):
            _, quote, _ = _quote_on(plan, lines, target.after)
            return replace(op, target=Rest(quote))
        if isinstance(target, Sentence):
            plan.reach(_owner(lines[:1]), lines[:1])
            return op
        owner, start, (s, _) = _quote_on(plan, lines, target.start)
        end_line = plan.sheet.lines[plan.sheet.index(target.line.page, target.line.first)]
        if end_line.owner is not owner or end_line.end <= s:
            raise AmendmentTargetError(
                f"page {target.line.page}, line {target.line.first} does not print words of the"
                f' same provision after "{target.start.text}"',
                hint="end the words left out on a later line of the same provision",
            )
        end = _token(plan, owner, _closing(plan, owner, end_line.end, new), last=True)
        return DeleteRange(start, end, new or None)
    assert isinstance(op, DeleteRange)
    _, start, _ = _quote_on(plan, lines, op.start)
    return replace(op, start=start)


def _leave_out_lines(plan: _Plan, lines: Sequence[PrintedLine], index: int) -> None:
    """``Leave out lines 28 to 31``: the whole provisions those lines print go; or, when
    they print part of one provision's words, those words."""
    sheet = plan.sheet
    first, last = sheet.at(lines[0]), sheet.at(lines[-1])
    where = _where(lines)
    wholes: list[Provision] = []
    parts: list[int] = []  # lines printed for a provision the range takes part of

    def visit(p: Provision) -> None:
        span = sheet.extent(p)
        if span is None or span[1] < first or span[0] > last:
            return
        if first <= span[0] and span[1] <= last:
            wholes.append(p)
            return
        for child in p.children:
            visit(child)
        for k in range(max(first, span[0]), min(last, span[1]) + 1):
            if sheet.lines[k].provision is p.element:
                parts.append(k)

    tops: dict[AknElement, Provision] = {}  # the top-level provisions the lines print
    for k in range(first, last + 1):
        element = sheet.lines[k].provision
        if element is not None:
            top = Provision(element)
            while (parent := top.parent) is not None:
                top = parent
            tops.setdefault(top.element, top)
    for top in tops.values():
        visit(top)
    covered = set(parts)
    for p in wholes:
        lo, hi = _inclusive(sheet.extent(p))
        covered.update(range(lo, hi))
    for k in range(first, last + 1):
        ln = sheet.lines[k]
        if k in covered:
            continue
        if ln.owner is None:
            raise AmendmentTargetError(
                f"{where} include {_where([ln])}, {_reads([ln])}, which is not the words of"
                " a provision",
                hint="leave out only lines that print provisions",
            )
        parts.append(k)  # the title's words
    parts.sort()
    kept = [sheet.lines[k] for k in parts]
    elements = {id(_part(ln)): _part(ln) for ln in kept}
    if wholes and parts:
        raise AmendmentTargetError(
            f"{where} take all of {_listed([plan.name(p.element) for p in wholes])} but"
            f" only part of {_listed([plan.name(e) for e in elements.values()])}",
            hint="leave out whole provisions in one amendment and part of a provision's"
            " words in another",
        )
    if wholes:
        for p in wholes:
            if plan.owner is None:
                plan.reach(p.element, lines)
                plan.add(DeleteProvision(), index)
            else:
                plan.add(DeleteProvision(plan.place_of(p.element, lines)), index)
        return
    if len(elements) > 1 or any(ln.owner is None for ln in kept):
        shown = _listed([plan.name(e) for e in elements.values()])
        raise AmendmentTargetError(
            f"{where} take part of {shown}"
            + (" (closing words, or a table)" if len(elements) == 1 else "")
            + "; lines left out must print whole provisions, or part of the words of one",
            hint="leave out the lines of each provision in an amendment of its own, or quote"
            " the words to leave out",
        )
    owner = kept[0].owner
    assert owner is not None
    if sheet.owned(owner) == parts:
        # All the words, but not the sub-paragraphs (a whole provision would be in wholes).
        loc = plan.place_of(owner, kept)
        if loc.kind == "title":
            raise AmendmentTargetError(
                f"{where} hold the whole title, which cannot be left out",
                hint="replace the title's words instead",
            )
        head = kept[0]
        raise AmendmentTargetError(
            f"{where} hold the words of {loc.phrase()} but not its sub-paragraphs; leaving"
            " them out would leave the sub-paragraphs with no words above them",
            hint=f"to leave out {loc.phrase()} with its sub-paragraphs, write Page {head.page},"
            f" line {head.number}, leave out the provision; to change its words, quote them",
        )
    plan.reach(owner, kept)
    start = _token(plan, owner, kept[0].start, last=False)
    end_word = _token(plan, owner, _closing(plan, owner, kept[-1].end, ""), last=True)
    plan.add(DeleteRange(start, end_word), index)


def _listed(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _part(line: PrintedLine) -> AknElement:
    """The provision a line is printed for, or the title it prints."""
    element = line.provision if line.provision is not None else line.owner
    assert element is not None
    return element


def _inclusive(span: tuple[int, int] | None) -> tuple[int, int]:
    assert span is not None
    return span[0], span[1] + 1
