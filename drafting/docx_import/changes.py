"""Tracked changes in the Word file: never silently included, never silently lost.

A draft often arrives with revisions still tracked: inserted and deleted runs
(``w:ins``, ``w:del``), moved text (``w:moveFrom``, ``w:moveTo``), inserted or
deleted paragraph marks (``w:pPr/w:rPr/w:ins|w:del``, which join two paragraphs
when resolved), table rows, and formatting changes (``w:rPrChange``,
``w:pPrChange`` ...).  Which text is "the draft" depends on a decision only the
secretary can take, so by default the import refuses and says how many changes
there are and by whom; accepting or rejecting resolves them the way Word's
"Accept All" / "Reject All" does, on the parsed parts, before anything is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from lxml import etree

from drafting.docx_import.package import w
from drafting.errors import DraftingError

_RUN_CONTAINERS = ("ins", "del", "moveFrom", "moveTo")
_PROPERTY_CHANGES = (
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "tblPrExChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "numberingChange",
)
_MARKERS = (
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "customXmlInsRangeStart",
    "customXmlInsRangeEnd",
    "customXmlDelRangeStart",
    "customXmlDelRangeEnd",
)


#: Who made a change that names no author.
UNKNOWN_AUTHOR = "an unknown author"


class TrackedChangesError(DraftingError):
    """The Word file holds tracked changes and the caller did not say what to do with them."""


@dataclass
class ChangeSummary:
    """How many tracked changes a file holds, and by whom."""

    count: int = 0
    by_author: Counter[str] = field(default_factory=Counter)
    resolution: str | None = None  # "accepted" | "rejected"
    #: Each author's earliest change (``w:date``, ISO 8601), where the file dates them.
    first_date: dict[str, str] = field(default_factory=dict)

    def authors(self) -> str:
        """``"4 by Alice Martin, 3 by Bob"``."""
        return ", ".join(f"{n} by {a}" for a, n in self.by_author.most_common())


def _kind(el: etree._Element) -> str:
    """``run``, ``mark`` (paragraph mark), ``row``, ``cell`` or ``property``."""
    tag = etree.QName(el).localname
    parent = el.getparent()
    ptag = etree.QName(parent).localname if parent is not None else ""
    if tag in _PROPERTY_CHANGES:
        return "property"
    if tag in ("cellIns", "cellDel", "cellMerge"):
        return "cell"
    if ptag == "rPr":
        return "mark"
    if ptag == "trPr":
        return "row"
    return "run"


_CHANGE_TAGS = tuple(w(t) for t in (*_RUN_CONTAINERS, *_PROPERTY_CHANGES, "cellIns", "cellDel"))


def _changes(root: etree._Element) -> list[etree._Element]:
    # libxml2 filters the tags: a Python test of every element of the body made a
    # proxy for each (15 ms for a document of 1,000 paragraphs that has no change).
    return list(root.iter(*_CHANGE_TAGS))


def count_changes(roots: list[etree._Element]) -> ChangeSummary:
    """The tracked changes in the given parts (document, footnotes, endnotes)."""
    summary = ChangeSummary()
    for root in roots:
        for el in _changes(root):
            summary.count += 1
            author = el.get(w("author")) or UNKNOWN_AUTHOR
            summary.by_author[author] += 1
            when = el.get(w("date"))
            if when and (author not in summary.first_date or when < summary.first_date[author]):
                summary.first_date[author] = when
    return summary


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _ancestor(el: etree._Element, local: str) -> etree._Element | None:
    node = el.getparent()
    while node is not None and node.tag != w(local):
        node = node.getparent()
    return node


def _join_with_next(p: etree._Element) -> None:
    """Join the next paragraph onto paragraph ``p``, as when the mark between them goes.

    The joined paragraph keeps ``p``'s properties (style, numbering), as Word 2013
    and later and LibreOffice do: a continuation joined to paragraph 13 stays in
    paragraph 13.
    """
    nxt = p.getnext()
    while nxt is not None and nxt.tag != w("p"):
        nxt = nxt.getnext()
    if nxt is None:
        return
    for c in list(nxt):
        if c.tag != w("pPr"):
            p.append(c)
    _remove(nxt)


def _restore_properties(change: etree._Element) -> None:
    """Reject a formatting change: the properties go back to those recorded in it."""
    holder = change.getparent()
    old = change[0] if len(change) else None
    if holder is None:
        return
    keep = {w("rPr"), w("sectPr"), change.tag} if change.tag == w("pPrChange") else {change.tag}
    for c in list(holder):
        if c.tag not in keep:
            holder.remove(c)
    if old is not None:
        for i, c in enumerate(list(old)):
            holder.insert(i, c)
    holder.remove(change)


def resolve(
    roots: list[etree._Element], *, accept: bool, authors: Collection[str] | None = None
) -> None:
    """Accept (or reject) every tracked change in the parts, in place; with ``authors``,
    accept theirs and reject the others' (one delegation's edit of a shared draft)."""
    every = accept
    for root in roots:
        joins: list[etree._Element] = []
        for el in _changes(root):
            if el.getparent() is None or _detached(el, root):
                continue
            if authors is not None:
                accept = (el.get(w("author")) or UNKNOWN_AUTHOR) in authors
            else:
                accept = every
            tag = etree.QName(el).localname
            kind = _kind(el)
            if kind == "property":
                if accept:
                    _remove(el)
                else:
                    _restore_properties(el)
            elif kind == "cell":
                if tag == "cellDel" and accept:
                    tc = _ancestor(el, "tc")
                    if tc is not None:
                        _remove(tc)
                else:
                    _remove(el)
            elif kind == "row":
                row = _ancestor(el, "tr")
                goes = (tag in ("del", "moveFrom")) == accept
                if goes and row is not None:
                    _remove(row)
                else:
                    _remove(el)
            elif kind == "mark":
                goes = (tag in ("del", "moveFrom")) == accept
                p = _ancestor(el, "p")
                _remove(el)
                if goes and p is not None:
                    joins.append(p)
            else:
                goes = (tag in ("del", "moveFrom")) == accept
                if goes:
                    _remove(el)
                else:
                    for t in el.iter(w("delText")):
                        t.tag = w("t")
                    for t in el.iter(w("delInstrText")):
                        t.tag = w("instrText")
                    _unwrap(el)
        for marker in [el for el in root.iter() if el.tag in {w(m) for m in _MARKERS}]:
            _remove(marker)
        for p in reversed(joins):
            if not _detached(p, root):
                _join_with_next(p)


def _detached(el: etree._Element, root: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None and node is not root:
        node = node.getparent()
    return node is None


def handle_changes(
    roots: list[etree._Element],
    accept: bool | None,
    *,
    source: str,
    authors: Collection[str] | None = None,
) -> ChangeSummary:
    """Refuse, accept or reject the tracked changes of the parts; with ``authors``,
    accept only theirs.

    Raises:
        TrackedChangesError: there are changes and ``accept`` is None; the message
            says how many and by whom.
    """
    summary = count_changes(roots)
    if not summary.count:
        return summary
    if accept is None:
        n = summary.count
        raise TrackedChangesError(
            f"the document has {n} tracked change{'s' if n != 1 else ''}"
            f" ({summary.authors()}) that {'are' if n != 1 else 'is'} neither accepted nor"
            " rejected",
            hint=f"accept or reject {'them' if n != 1 else 'it'} in Word, or import with"
            " --accept-changes or --reject-changes; to table them as amendments, run"
            " drafting amendments from-edit on the file",
            file=source,
        )
    resolve(roots, accept=accept, authors=authors)
    if authors is not None:
        summary.resolution = f"accepted for {', '.join(sorted(authors))}, rejected for the others"
    else:
        summary.resolution = "accepted" if accept else "rejected"
    return summary
