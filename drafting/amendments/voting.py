"""The voting list: in which order amendments are put to the vote, and what falls.

Parliaments vote in the order of the text (title, preamble, operative part,
paragraph by paragraph).  Where amendments to one provision exclude each other,
the one departing furthest from the draft comes first: deleting the provision,
then replacing it whole, then by the number of words changed; compromise
amendments come before all others on their provision.  If one is adopted, the
others it clashes with fall without a vote.

The chair votes from a paper: one row per vote in that order (provision, amendment,
who tabled it, what falls), then the vote on the text as a whole, with empty
result columns to fill in by hand.  :class:`VotingPaper` holds every cell of it, so
that Markdown, HTML and Word only lay the same rows out; :mod:`votes` fills the
result columns from a votes file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.amendments.exclusion import OverlapGroup, falls_in_order
from drafting.amendments.model import Amendment
from drafting.amendments.resolve import Check, Target, require_current, resolve_all
from drafting.amendments.words import normalize
from drafting.model.document import Document
from drafting.model.provision import PROVISION_TAGS


@dataclass(frozen=True)
class VotingItem:
    """One line of the voting list."""

    position: int
    amendment: Amendment
    #: Where in the draft, as printed: ``Paragraph 13(b)``.
    where: str
    #: Amendments that fall if this one is adopted (those of its group, when few).
    falls: tuple[str, ...]
    #: Why it cannot be voted as it stands; '' when it can.
    problem: str = ""
    #: The group of overlapping amendments it belongs to, when too large to list them
    #: one by one: if it is adopted, the later members it overlaps fall (all of them,
    #: when the group is exclusive).
    group: OverlapGroup | None = None
    #: The check it was listed from: recording the votes asks it what falls.
    check: Check | None = field(default=None, compare=False, repr=False)


def _remarks(item: VotingItem, excluded_by: Sequence[str]) -> str:
    """What the chair must know before putting ``item`` to the vote, as printed in the
    Remarks column: what it replaces, what falls if it is adopted, which earlier
    amendments make it fall, why it cannot be voted as tabled; '' when nothing."""
    a = item.amendment
    out: list[str] = []
    if a.replaces:
        what = "compromise amendment replacing" if a.compromise else "replaces"
        out.append(f"{what} {_amendments(a.replaces)}")
    elif a.compromise:
        out.append("compromise amendment")
    if item.group is not None:
        g = item.group
        kind = "competing" if g.exclusive else "overlapping"
        who = "the others" if g.exclusive else "those that overlap it"
        out.append(
            f"one of {len(g.members)} {kind} amendments in {g.where} ({g.what}):"
            f" if adopted, {who} not yet voted fall"
        )
    if item.falls:
        out.append(f"if adopted, {_amendments(item.falls)} {_fall(item.falls)}")
    if excluded_by:
        out.append(f"falls if {_amendments(excluded_by, 'or')} is adopted")
    if item.problem:
        out.append(f"cannot be voted as tabled: {item.problem}")
    return "; ".join(out)


def _amendments(numbers: Sequence[str], conjunction: str = "and") -> str:
    """``amendment 2``, ``amendments 2 and 5``, ``amendments 2, 5 and 7``; with ``or``
    the noun stays singular: ``amendment 1 or 4``."""
    names = list(numbers)
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
    plural = len(names) > 1 and conjunction == "and"
    return f"amendment{'s' if plural else ''} {joined}"


def _fall(numbers: Sequence[str]) -> str:
    return "fall" if len(numbers) > 1 else "falls"


#: How a vote went: ``fell`` without a vote, because an adopted amendment excluded it.
Decision = Literal["adopted", "rejected", "fell", "withdrawn"]


@dataclass(frozen=True)
class VoteResult:
    """The result columns of one row; all None until the vote is taken (the chair
    writes them on the printed paper, or :mod:`votes` reads them from a file)."""

    in_favour: int | None = None
    against: int | None = None
    abstentions: int | None = None
    outcome: Decision | None = None


#: The columns of the voting paper, in order; :attr:`VotingRow.cells` follows them.
COLUMNS = (
    "No.",
    "Provision",
    "Amendment",
    "Tabled by",
    "Remarks",
    "For",
    "Against",
    "Abstentions",
    "Outcome",
)
#: The columns holding numbers, set flush right.
NUMERIC = frozenset({"No.", "For", "Against", "Abstentions"})
#: How many of :data:`COLUMNS` describe the vote; the rest are its result.
RESULT_FROM = 5


@dataclass(frozen=True)
class VotingRow:
    """One row of the voting paper: the text of every cell, and the result."""

    position: int
    provision: str
    #: The amendment's number (a compromise says so in the remarks); '' for the whole text.
    amendment: str
    tabled_by: str
    remarks: str
    result: VoteResult = VoteResult()
    #: The amendment put to the vote; None for the vote on the text as a whole.
    item: VotingItem | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        """The row's cells in :data:`COLUMNS` order, '' for a result not yet known."""
        r = self.result
        return (
            str(self.position),
            self.provision,
            self.amendment,
            self.tabled_by,
            self.remarks,
            *("" if n is None else str(n) for n in (r.in_favour, r.against, r.abstentions)),
            r.outcome or "",
        )


@dataclass(frozen=True)
class VotingPaper:
    """The voting list as a chair votes from it: one row per amendment in voting
    order, then the vote on the text as a whole (always the last row)."""

    rows: tuple[VotingRow, ...]

    @property
    def whole(self) -> VotingRow:
        """The last row: the vote on the text as a whole."""
        return self.rows[-1]


def text_kind(doc: Document) -> str:
    """What the final vote is on, from the number line's ``<docType>``: ``draft
    resolution`` for ``RESOLUTION`` (or ``DRAFT RESOLUTION``); from the statement's
    ``name`` when the draft has no number line."""
    line = doc.number_line
    found = line.child("docType") if line is not None else None
    kind = " ".join("".join(found.itertext()).split()).lower() if found is not None else ""
    kind = kind or str(doc.statement.get("name") or "text")
    return kind if kind.startswith("draft") else f"draft {kind}"


def voting_paper(
    items: Sequence[VotingItem],
    *,
    text: str = "draft resolution",
    results: Sequence[VoteResult] | None = None,
    whole: VoteResult | None = None,
) -> VotingPaper:
    """The paper for the voting list ``items`` and the final vote on the ``text``
    (:func:`text_kind`), with the ``results`` of each item (in order) and of the
    whole text when known.

    The last row says "as amended" unless every amendment has an outcome and none
    was adopted: then the text is voted as tabled.

    Raises:
        ValueError: ``results`` are not one per item.
    """
    if results is not None and len(results) != len(items):
        raise ValueError(f"{len(results)} results for {len(items)} voting-list items")
    got = list(results) if results is not None else [VoteResult() for _ in items]
    excluded_by: dict[str, list[str]] = {}
    for it in items:
        for number in it.falls:
            excluded_by.setdefault(number, []).append(it.amendment.number)
    rows = [
        VotingRow(
            it.position,
            it.where,
            it.amendment.number,
            it.amendment.tabled_by,
            _remarks(it, excluded_by.get(it.amendment.number, ())),
            r,
            it,
        )
        for it, r in zip(items, got, strict=True)
    ]
    untouched = bool(got) and all(r.outcome not in (None, "adopted") for r in got)
    label = f"{text[:1].upper()}{text[1:]} as a whole{'' if untouched else ', as amended'}"
    rows.append(VotingRow(len(rows) + 1, label, "", "", "", whole or VoteResult()))
    return VotingPaper(tuple(rows))


def as_paper(listing: VotingPaper | Sequence[VotingItem]) -> VotingPaper:
    """``listing`` as a paper: a bare voting list gets empty result columns."""
    return listing if isinstance(listing, VotingPaper) else voting_paper(listing)


def natural_key(number: str) -> tuple[tuple[int, str], ...]:
    """Sort key putting amendment 2 before amendment 10."""
    return tuple(
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        (int(t), "") if t.isdecimal() else (1 << 30, t.lower())
        for t in _RUNS.findall(number)
    )


_RUNS = re.compile(r"\d+|\D+")


def _words_changed(a: Amendment, targets: Sequence[Target]) -> int:
    total = 0
    for t in targets:
        if t.splice is not None:
            total += len(normalize(t.replaced).split()) + len(normalize(t.splice.new).split())
    return total


def _severity(a: Amendment, targets: Sequence[Target]) -> tuple[int, int]:
    kinds = {t.kind for t in targets}
    if "delete" in kinds:
        return (0, 0)
    if "replace" in kinds:
        return (1, 0)
    return (2, -_words_changed(a, targets))


def _place(doc: Document, check: Check, order: dict[object, int]) -> tuple[float, int]:
    """The position of an amendment in the text: (rank of its provision, sub-order)."""
    if not check.targets:
        return (float("inf"), 0)
    t = check.targets[0]
    if t.host.provision is None:
        return (-1.0, 0)
    rank = float(order.get(t.host.element, 0))
    if t.kind == "insert":
        last = list(t.host.provision.walk())[-1]
        base = float(order.get(last.element, rank))
        op = t.operation
        before = getattr(op, "position", "after") == "before"
        return ((rank - 0.5) if before else (base + 0.5), 0)
    return (rank, 0)


def provision_order(doc: Document) -> dict[object, int]:
    """The rank of every provision element in reading order (``doc.provisions()``).

    lxml finds the sub-paragraphs of a paragraph in document order, in C, 30 times
    faster than walking the proxies; where a ``<point>`` stands anywhere the walk
    would not reach it (not directly in a provision or in its first ``<list>``),
    the walk decides.
    """
    body = doc.clauses
    if body is not None:  # a clause text: every provision element, in document order
        return {el: i for i, el in enumerate(body.iter(*_CLAUSE_TAGS))}
    order: dict[object, int] = {}
    hosts: dict[object, object] = {}  # provision -> where its sub-paragraphs stand
    for top in doc.top_level:
        el = top.element
        order[el] = len(order)
        for point in el.iter(_POINT):
            parent = point.getparent()
            if parent is None:
                break
            owner = parent.getparent() if parent.tag == _LIST else parent
            if owner is None or owner not in order:
                break
            host = hosts.get(owner)
            if host is None:
                found = owner.child("list") if isinstance(owner, AknElement) else None
                host = hosts[owner] = found if found is not None else owner
            if host is not parent:
                break
            order[point] = len(order)
        else:
            continue
        return {p.element: i for i, p in enumerate(doc.provisions())}
    return order


_POINT, _LIST = q("point"), q("list")
_CLAUSE_TAGS = tuple(q(name) for name in PROVISION_TAGS)


def voting_order(doc: Document, checks: Sequence[Check]) -> list[Check]:
    """``checks`` in the order their amendments are put to the vote."""
    order = provision_order(doc)

    def key(c: Check) -> tuple[object, ...]:
        place = _place(doc, c, order)
        return (
            place,
            0 if c.amendment.compromise else 1,
            _severity(c.amendment, c.targets),
            natural_key(c.amendment.number),
        )

    return sorted(checks, key=key)


def voting_list(
    doc: Document,
    amendments: Sequence[Amendment],
    *,
    checks: Sequence[Check] | None = None,
) -> list[VotingItem]:
    """The voting list for ``amendments`` on the draft ``doc``.

    Withdrawn amendments are left out; amendments that cannot be resolved are
    listed last with their problem.  ``checks``, what :func:`check_amendments` gave
    for these amendments on ``doc`` as it still stands, spares resolving every
    amendment again: a secretariat checks the amendments, then lists them, and
    resolving 1,000 of them is most of the cost of either.

    Raises:
        ValueError: ``checks`` were made for other amendments, on another document,
            or before ``doc`` changed.
    """
    voted = [a for a in amendments if a.status != "withdrawn"]
    if checks is None:
        checks = resolve_all(doc, voted)
    else:
        require_current(doc, checks)
        checks = [c for c in checks if c.amendment.status != "withdrawn"]
        if len(checks) != len(voted) or any(
            c.amendment is not a for c, a in zip(checks, voted, strict=True)
        ):
            raise ValueError("the checks given were made for other amendments")
    ordered = voting_order(doc, checks)
    return [
        VotingItem(
            i + 1,
            c.amendment,
            c.amendment.where_text,
            f.numbers,
            "; ".join(c.problems),
            f.group,
            c,
        )
        for i, (c, f) in enumerate(zip(ordered, falls_in_order(ordered), strict=True))
    ]


def voting_list_markdown(listing: VotingPaper | Sequence[VotingItem], title: str = "") -> str:
    """The voting paper as Markdown: a pipe table, one row per vote, the vote on the
    text as a whole last (in bold); result cells stay empty until the vote."""
    paper = as_paper(listing)
    out = [f"# Voting list{': ' + title if title else ''}", ""]
    out.append("| " + " | ".join(COLUMNS) + " |")
    out.append("|" + "|".join("---:" if c in NUMERIC else "---" for c in COLUMNS) + "|")
    for row in paper.rows:
        cells = [_md_cell(c) for c in row.cells]
        if row.item is None:
            cells[1] = f"**{cells[1]}**"
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    """A table cell's text: a pipe would end the cell and a newline the row."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")
