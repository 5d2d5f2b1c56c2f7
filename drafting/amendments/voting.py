"""The voting list: in which order amendments are put to the vote, and what falls.

Parliaments vote in the order of the text (title, preamble, operative part,
paragraph by paragraph).  Where amendments to one provision exclude each other,
the one departing furthest from the draft comes first: deleting the provision,
then replacing it whole, then by the number of words changed; compromise
amendments come before all others on their provision.  If one is adopted, the
others it clashes with fall without a vote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.amendments.model import Amendment
from drafting.amendments.resolve import (
    Check,
    Target,
    candidate_pairs,
    clashes,
    require_current,
    resolve_all,
)
from drafting.amendments.words import normalize
from drafting.model.document import Document


@dataclass(frozen=True)
class VotingItem:
    """One line of the voting list."""

    position: int
    amendment: Amendment
    #: Where in the draft, as printed: ``Paragraph 13(b)``.
    where: str
    #: Amendments that fall if this one is adopted.
    falls: tuple[str, ...]
    #: Why it cannot be voted as it stands; '' when it can.
    problem: str = ""


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
    # Only later amendments on the same provision, or replaced by a compromise, can
    # fall: look at those pairs instead of every pair (quadratic for 1,000 amendments).
    later: dict[int, set[int]] = {}
    for i, j in candidate_pairs(ordered):
        later.setdefault(i, set()).add(j)
    position = {c.amendment.number: k for k, c in enumerate(ordered)}
    for i, c in enumerate(ordered):
        for number in c.amendment.replaces:
            k = position.get(number)
            if k is not None and k > i:
                later.setdefault(i, set()).add(k)
    items = []
    for i, c in enumerate(ordered):
        falls: list[str] = []
        for d in (ordered[j] for j in sorted(later.get(i, ()))):
            if d.amendment.number in c.amendment.replaces or (
                c.ok and d.ok and clashes(c.targets, d.targets) is not None
            ):
                falls.append(d.amendment.number)
        items.append(
            VotingItem(
                i + 1,
                c.amendment,
                c.amendment.where_text,
                tuple(falls),
                "; ".join(c.problems),
            )
        )
    return items


def voting_list_markdown(items: Sequence[VotingItem], title: str = "") -> str:
    """The voting list as Markdown, one numbered line per amendment."""
    out = [f"# Voting list{': ' + title if title else ''}", ""]
    for it in items:
        a = it.amendment
        who = f" ({a.tabled_by})" if a.tabled_by else ""
        line = f"{it.position}. {it.where} — {a.label}{who}"
        if it.falls:
            names = ", ".join(it.falls)
            many = len(it.falls) > 1
            line += (
                f" — if adopted, amendment{'s' if many else ''} {names} fall{'' if many else 's'}"
            )
        if it.problem:
            line += f" — cannot be voted as tabled: {it.problem}"
        out.append(line)
    return "\n".join(out) + "\n"
