"""Checking amendments against the draft as tabled: does every place and every word exist?

Each operation is *resolved* to what it touches in the draft: a provision element
and, for word changes, a character span of its clause text.  Everything later
(overlaps, voting order, application) works on these resolved targets, computed
once against the draft as tabled, so an amendment to paragraph 13(b) lands on the
same words whatever else is adopted before it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, assert_never

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.ns import XPATH_NS
from drafting.amendments.clause_locate import ClauseIndex, locate_clause, paragraph_path
from drafting.amendments.errors import AmendmentTargetError
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    MoveProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Rest,
    Sentence,
    TextTarget,
    ToLineEnd,
)
from drafting.amendments.words import (
    Splice,
    apply_splices,
    closest,
    end_position,
    find_all,
    insertion,
    normalize,
    ordinal,
    sentences,
    tidy,
)
from drafting.errors import DraftingError
from drafting.model.document import Document
from drafting.model.provision import Provision
from drafting.model.styles import label_value

TargetKind = Literal["text", "delete", "replace", "insert", "move"]


@dataclass(frozen=True)
class Host:
    """Something with clause text an amendment can reach: a provision, or the title."""

    element: AknElement
    provision: Provision | None
    label: str

    @property
    def blocks(self) -> list[AknElement]:
        """The elements holding the words (``<p>`` blocks, or ``<docTitle>``)."""
        if self.provision is not None:
            return self.provision.blocks
        return [self.element]

    @property
    def text(self) -> str:
        return "\n".join(text_of(b) for b in self.blocks)

    def covers(self, other: Host) -> bool:
        """True when ``other`` is this host or lies inside it (a sub-paragraph of it)."""
        return any(node is self.element for node in line_of(other.element))


def line_of(element: AknElement) -> Iterator[AknElement]:
    """``element`` and the provisions (or title) above it, nearest first."""
    node: AknElement | None = element
    while node is not None:
        yield node
        parent = node.getparent()
        node = parent if isinstance(parent, AknElement) else None


@dataclass(frozen=True)
class Target:
    """One operation of an amendment, resolved against the draft as tabled.

    ``footprint`` is the span of clause text the operation needs unchanged (the
    quoted words, or the anchor of an insertion); None when it needs the whole
    provision (deleting or replacing it) or no words at all (a new provision).
    """

    amendment: str
    index: int
    kind: TargetKind
    host: Host
    operation: Operation
    splice: Splice | None = None
    footprint: tuple[int, int] | None = None
    anchor: Host | None = None
    #: The clause text the splice takes out, as tabled ('' for an insertion).
    replaced: str = ""


@dataclass(frozen=True)
class Check:
    """The outcome of checking one amendment: its targets, or what is wrong."""

    amendment: Amendment
    targets: tuple[Target, ...]
    problems: tuple[str, ...]
    #: :func:`draft_fingerprint` of the draft it was checked on ('' when not kept): the
    #: voting list and the apply take checks only for the draft as it still stands.
    draft: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


# -- locations -------------------------------------------------------------------


class Lookup:
    """Numbers, sub-paragraphs and pools of one document, computed once.

    Checking a thousand amendments against a thousand paragraphs looked every
    number up afresh for each amendment (25 s); a lookup built once per check or
    vote makes it linear.  It is valid only while the document does not change.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._pools: dict[str, list[Provision]] = {}
        self._tables: dict[object, tuple[list[Provision], dict[str, list[Provision]]]] = {}
        self._numbers: dict[AknElement, str | None] = {}
        self._clauses: ClauseIndex | None = None

    @property
    def clauses(self) -> ClauseIndex:
        """A clause text's provisions by level and label, indexed once."""
        if self._clauses is None:
            self._clauses = ClauseIndex(self.doc)
        return self._clauses

    @classmethod
    def of(cls, doc: Document, lookup: Lookup | None) -> Lookup:
        """``lookup`` when it was made for ``doc``, else a new one."""
        return lookup if lookup is not None and lookup.doc is doc else cls(doc)

    def number(self, p: Provision) -> str | None:
        """``p.number``, read once (the model reads the ``<num>`` afresh each time)."""
        el = p.element
        if el not in self._numbers:
            num = p.num
            self._numbers[el] = label_value(num) if num else None
        return self._numbers[el]

    def children(self, p: Provision) -> tuple[list[Provision], dict[str, list[Provision]]]:
        """The sub-paragraphs of ``p`` and their index (see :meth:`table`)."""
        return self.table(p.element, lambda: p.children)

    def pool(self, name: str) -> list[Provision]:
        """``numbered`` (top level), ``paragraphs``, ``recitals`` or ``citations``."""
        if name not in self._pools:
            doc = self.doc
            self._pools[name] = {
                "numbered": lambda: [p for p in doc.top_level if self.number(p)],
                "paragraphs": lambda: doc.paragraphs,
                "recitals": lambda: doc.recitals,
                "citations": lambda: doc.citations,
            }[name]()
        return self._pools[name]

    def table(
        self, key: object, options: Sequence[Provision] | Callable[[], Sequence[Provision]]
    ) -> tuple[list[Provision], dict[str, list[Provision]]]:
        """``options`` (or what the callable gives) and their index by lower-case number,
        built once per ``key``: the options are only computed the first time."""
        if key not in self._tables:
            listed = list(options() if callable(options) else options)
            index: dict[str, list[Provision]] = {}
            for p in listed:
                number = (self.number(p) or "").lower()
                index.setdefault(number, []).append(p)
                # A decimal sub-paragraph (PACE's 15.3) is also found by its own part,
                # as "paragraph 15.3" reads: paragraph 15, sub-paragraph 3.
                head, dot, own = number.rpartition(".")
                if dot and head.replace(".", "").isdigit() and own.isdigit():
                    index.setdefault(own, []).append(p)
            self._tables[key] = (listed, index)
        return self._tables[key]


def _walk(lookup: Lookup, pool: str, parts: Sequence[str], what: str) -> Provision:
    current: Provision | None = None
    for depth, part in enumerate(parts):
        if current is None:
            options, index = lookup.table(pool, lambda: lookup.pool(pool))
        else:
            options, index = lookup.children(current)
        match = index.get(part.lower(), [])
        if len(match) != 1:
            labels = [n for n in map(lookup.number, options) if n]
            shown = parts[0] + "".join(f"({x})" for x in parts[1 : depth + 1])
            have = (
                f"{labels[0]} to {labels[-1]}" if len(labels) > 1 else (labels[0] if labels else "")
            )
            if current is None:
                tail = f"the draft has {what}s {have}" if labels else f"the draft has no {what}s"
                problem = f"{what} {shown} does not exist; {tail}"
            else:
                tail = (
                    f"paragraph {current.ref} has sub-paragraphs {have}"
                    if labels
                    else f"paragraph {current.ref} has no sub-paragraphs"
                )
                problem = f"sub-paragraph {shown} does not exist; {tail}"
            raise AmendmentTargetError(problem, hint="check the number against the draft as tabled")
        current = match[0]
    assert current is not None
    return current


def locate(doc: Document, loc: Location, lookup: Lookup | None = None) -> Host:
    """The provision (or title) ``loc`` names in ``doc``.

    Raises:
        AmendmentTargetError: nothing has that number; the message says what exists.
    """
    if loc.lines is not None:  # a page and line: the provision printed there
        from drafting.amendments.lines import printed_host  # it builds on this module

        return printed_host(doc, loc, lookup)
    if loc.kind == "title":
        found = doc.statement.xpath("a:preface/a:longTitle//a:docTitle", namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], AknElement):
            return Host(found[0], None, "the title")
        raise AmendmentTargetError("the draft has no title", hint="check the location")
    lookup = Lookup.of(doc, lookup)
    if loc.path and not doc.structure.hierarchical:
        raise AmendmentTargetError(
            f"the draft is a resolution, and has no {loc.phrase()}",
            hint="a resolution is amended by its paragraphs: write e.g. Paragraph 3 or Recital B",
        )
    if loc.path or doc.structure.hierarchical:
        # Rules, bylaws, bills: "Article 35, paragraph 1", and "paragraph 13(b)" as a path.
        path = loc.path or paragraph_path(loc)
        found = locate_clause(path, lookup.clauses)
        return Host(found.element, found, loc.phrase())
    parts = loc.parts
    recitals = lookup.pool("recitals")
    try:
        if loc.kind == "paragraph":
            prov = _walk(lookup, "numbered", parts, "paragraph")
        elif loc.kind == "operative":
            prov = _walk(lookup, "paragraphs", parts, "operative paragraph")
        elif loc.kind == "recital" and parts[0].isdigit() and not _numbered(recitals):
            # "Recital 3" of a draft whose recitals carry no numbers: the third one.
            prov = _nth(recitals, int(parts[0]), "recital")
        elif loc.kind == "recital":
            if recitals and not _numbered(recitals):
                raise AmendmentTargetError(
                    f"recital {loc.ref} does not exist; the draft's {len(recitals)} recitals"
                    " are not numbered",
                    hint="count them: Preambular paragraph 1, 2, 3 ...",
                )
            prov = _walk(lookup, "recitals", parts, "recital")
        elif loc.kind == "preambular":
            prov = _nth(recitals, int(parts[0]), "preambular paragraph")
        else:
            prov = _nth(lookup.pool("citations"), int(parts[0]), "citation")
    except DraftingError as exc:
        raise AmendmentTargetError(exc.message, hint=exc.hint) from None
    return Host(prov.element, prov, loc.phrase())


def _numbered(provisions: Sequence[Provision]) -> bool:
    return any(p.number for p in provisions)


def _nth(provisions: Sequence[Provision], n: int, what: str) -> Provision:
    """The n-th of ``provisions`` (1-based), counted in the order of the draft."""
    if not 1 <= n <= len(provisions):
        have = f"has {len(provisions)}" if provisions else "has none"
        raise AmendmentTargetError(
            f"{what} {n} does not exist; the draft {have}",
            hint="count them in the draft as tabled, from 1",
        )
    return provisions[n - 1]


# -- words -----------------------------------------------------------------------


def _find(host: Host, text: str, quote: Quote, after: int = 0) -> tuple[int, int]:
    spans = [s for s in find_all(text, quote.text) if s[0] >= after]
    shown = f'"{quote.text}"'
    if not spans:
        near = closest(text[after:], quote.text)
        extra = f'; closest: "{near}"' if near else ""
        where = host.label if after == 0 else f"{host.label} after the start of the range"
        raise AmendmentTargetError(
            f"{shown} is not in {where}{extra}",
            hint="quote the words exactly as they stand in the draft as tabled",
        )
    if quote.occurrence is None:
        if len(spans) > 1:
            raise AmendmentTargetError(
                f"{shown} occurs {len(spans)} times in {host.label}; say which",
                hint=f"write e.g. {ordinal(2)} {shown}, or quote more words",
            )
        return spans[0]
    k = len(spans) - 1 if quote.occurrence == -1 else quote.occurrence - 1
    if not 0 <= k < len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        raise AmendmentTargetError(
            f"there is no {ordinal(quote.occurrence)[4:]} {shown} in {host.label};"
            f" it occurs {times}",
            hint="check the ordinal",
        )
    return spans[k]


def _is_sentence(words: str) -> bool:
    """True when new words are a sentence of their own: a capital, and a closing stop."""
    words = words.strip()
    return words[:1].isupper() and words[-1:] in (".", "!", "?")


def _target_span(
    host: Host, text: str, target: TextTarget, new: str
) -> tuple[int, int, tuple[int, int]]:
    """The characters a deletion or replacement takes out, and the span it needs unchanged."""
    match target:
        case Quote():
            s, e = _find(host, text, target)
            return s, e, (s, e)
        case Sentence(n=n):
            spans = sentences(text)
            k = len(spans) - 1 if n == -1 else n - 1
            if not 0 <= k < len(spans):
                count = "one sentence" if len(spans) == 1 else f"{len(spans)} sentences"
                raise AmendmentTargetError(
                    f"{host.label} has no {ordinal(n)[4:]} sentence; it has {count}",
                    hint="count the sentences in the draft as tabled, or quote the words",
                )
            s, e = spans[k]
            return s, e, (s, e)
        case Rest(after=anchor):
            a, s = _find(host, text, anchor)
            s += len(text[s:]) - len(text[s:].lstrip(" "))
            e = end_position(text)
            if e < len(text.rstrip()) and new.rstrip()[-1:] in (".", ";", ":"):
                e = len(text.rstrip())  # the new words bring their own closing mark
            if s >= e:
                raise AmendmentTargetError(
                    f'no words follow "{anchor.text}" in {host.label}',
                    hint="quote words that have words after them",
                )
            return s, e, (a, e)
        case ToLineEnd():
            raise AmendmentTargetError(
                f"{host.label} is not located by page and line, so no line ends the words",
                hint="give the amendment a page and line (Page 2, line 4, leave out from ...),"
                ' or quote the last words: Leave out from "X" to "Y"',
            )
        case _:
            assert_never(target)


def _text_target(number: str, index: int, host: Host, op: Operation) -> Target:
    text = host.text
    if isinstance(op, InsertText):
        if op.where in ("after", "before"):
            assert op.anchor is not None
            s, e = _find(host, text, op.anchor)
            at = e if op.where == "after" else s
            splice = insertion(text, at, op.new, op.where)
            foot = (s, e)
        elif op.where == "beginning":
            splice, foot = insertion(text, 0, op.new, "before"), (0, 0)
        else:
            at, new = end_position(text), op.new
            if _is_sentence(new):
                # A new sentence ends the provision, which keeps its own closing mark:
                # "... plans;" + "They report." reads "... plans. They report;".
                closing = text.rstrip()[-1:]
                if closing in (".", "!", "?"):
                    at = len(text.rstrip())
                else:
                    new = ". " + new.rstrip()[:-1] if closing in (";", ",", ":") else ". " + new
            splice, foot = insertion(text, at, new, "after"), (at, at)
    elif isinstance(op, DeleteText | ReplaceText):
        new = op.new if isinstance(op, ReplaceText) else ""
        s, e, foot = _target_span(host, text, op.target, new)
        splice = tidy(text, s, e, new)
    else:
        assert isinstance(op, DeleteRange)
        s, _ = _find(host, text, op.start)
        if op.end.occurrence is None:
            _, e = _find(host, text, Quote(op.end.text, 1), after=s)
        else:
            es, e = _find(host, text, op.end)
            if es < s:
                raise AmendmentTargetError(
                    f'"{op.end.text}" comes before "{op.start.text}" in {host.label}',
                    hint="give the range in reading order",
                )
        splice, foot = tidy(text, s, e, op.new or ""), (s, e)
    if "\n" in text[splice.start : splice.end]:
        raise AmendmentTargetError(
            f"the words reach across two paragraphs of text in {host.label}",
            hint="split the amendment into one operation per block of text",
        )
    replaced = text[splice.start : splice.end]
    return Target(number, index, "text", host, op, splice, foot, replaced=replaced)


def resolve(
    doc: Document, amendment: Amendment, lookup: Lookup | None = None
) -> tuple[Target, ...]:
    """Every operation of ``amendment`` resolved against ``doc`` (the draft as tabled).

    Raises:
        AmendmentTargetError: a place or quoted words are missing or ambiguous; the
            error carries the amendment number.
    """
    try:
        return _resolve(doc, amendment, lookup)
    except AmendmentTargetError as exc:
        raise AmendmentTargetError(
            exc.message,
            hint=exc.hint,
            amendment=amendment.number,
            file=amendment.source,
            line=amendment.line,
        ) from None


def _resolve(doc: Document, a: Amendment, lookup: Lookup | None) -> tuple[Target, ...]:
    if a.location is not None and a.location.lines is not None:
        # By page and line: the same operations on the provision printed there.
        from drafting.amendments.lines import by_provision  # it builds on this module

        plain, origin = by_provision(doc, a, lookup)
        return tuple(
            replace(t, index=origin[t.index], operation=a.operations[origin[t.index]])
            for t in _resolve(doc, plain, lookup)
        )
    out: list[Target] = []
    if a.target_text:
        _check_text(doc, a)
    host = (
        locate(doc, a.location, lookup)
        if a.location is not None and a.location.new is None
        else None
    )
    if a.columns is not None and host is not None and a.columns[0].strip():
        from drafting.amendments.parser import column_text

        if normalize(column_text(a.columns[0])) != normalize(host.text):
            raise AmendmentTargetError(
                f"the Draft text column does not match {host.label} as tabled",
                hint="copy the provision's text from the draft into the first column",
            )
    for i, op in enumerate(a.operations):
        if isinstance(op, InsertProvisions):
            anchor = locate(doc, op.anchor, lookup)
            if anchor.provision is None:
                raise AmendmentTargetError("new provisions cannot go next to the title")
            out.append(Target(a.number, i, "insert", anchor, op))
            continue
        if isinstance(op, MoveProvision):
            target, anchor = locate(doc, op.target, lookup), locate(doc, op.anchor, lookup)
            if target.provision is None or anchor.provision is None:
                raise AmendmentTargetError("the title cannot be moved")
            if target.covers(anchor):
                raise AmendmentTargetError(
                    f"{target.label} cannot move next to itself or its own sub-paragraphs"
                )
            kinds = {"recital": "preambular", "citation": "citation", "paragraph": "operative"}
            if (
                target.provision.kind != anchor.provision.kind
                and target.provision.level == 0
                and target.provision.kind in kinds
            ):
                raise AmendmentTargetError(
                    f"{target.label} is a {kinds[target.provision.kind]} paragraph and"
                    f" {anchor.label} an {kinds.get(anchor.provision.kind, 'other')} one;"
                    " a paragraph moves only among paragraphs of its own part",
                    hint="delete it and insert a new paragraph of the other part instead",
                )
            if target.provision.level != anchor.provision.level:
                raise AmendmentTargetError(
                    f"{target.label} and {anchor.label} are not at the same level",
                    hint="move a paragraph next to a paragraph, a sub-paragraph next to a"
                    " sub-paragraph",
                )
            out.append(Target(a.number, i, "move", target, op, anchor=anchor))
            continue
        if host is None:
            raise AmendmentTargetError(
                "the amendment does not say which provision it amends",
                hint="add a location line such as Paragraph 13(b)",
            )
        if isinstance(op, DeleteProvision):
            gone = host if op.target is None else locate(doc, op.target, lookup)
            if gone.provision is None:
                raise AmendmentTargetError("the title cannot be deleted", hint="replace it instead")
            out.append(Target(a.number, i, "delete", gone, op))
        elif isinstance(op, ReplaceProvision):
            if host.provision is None and op.new.points:
                raise AmendmentTargetError("the title has no sub-paragraphs")
            out.append(Target(a.number, i, "replace", host, op))
        else:
            out.append(_text_target(a.number, i, host, op))
    _own_overlaps(a, out)
    if a.reads and host is not None:
        _check_reads(a, host, out)
    return tuple(out)


#: The kinds of text a report carries, as amendments name them.
_TEXT_KINDS = re.compile(
    r"\b(resolution|recommendation|decision|opinion|declaration|convention)\b", re.I
)


def _check_text(doc: Document, a: Amendment) -> None:
    """Refuse an amendment to another text of the report (``In the draft recommendation``
    on a draft resolution): its numbers are that text's, not this one's."""
    named = _TEXT_KINDS.search(a.target_text)
    line = doc.number_line
    shown = text_of(line) if line is not None else ""
    have = _TEXT_KINDS.search(shown) or _TEXT_KINDS.search(doc.title)
    if named is None or have is None or named.group(1).lower() == have.group(1).lower():
        return
    raise AmendmentTargetError(
        f"the amendment is to the {a.target_text}, and this draft is a"
        f" {have.group(1).lower()} ({(shown or doc.title).strip()})",
        hint=f"check it against the {a.target_text}",
    )


#: A label the stated wording may open with: ``5.``, ``2(c)``, ``(c)``, ``A.``.
_LEADING_LABEL = re.compile(r"^\s*(?:[0-9]+(?:[.(][0-9a-z]+\)?)*[.)]?|\(?[a-z]{1,4}\)|[A-Z]\.)\s+")


def _check_reads(a: Amendment, host: Host, targets: Sequence[Target]) -> None:
    """Compare the provision after the amendment's word changes with the wording the
    amendment says it will have; a difference means the operation or the stated text
    is wrong, and either would be adopted in error."""
    splices = [t.splice for t in targets if t.splice is not None]
    if len(splices) != len(targets):
        return  # the provision is replaced or deleted whole: the new text is the wording
    result = apply_splices(host.text, splices)
    stated = _LEADING_LABEL.sub("", a.reads.replace("*", ""), count=1)
    if normalize(result) != normalize(stated):
        raise AmendmentTargetError(
            f'{host.label} would read "{normalize(result)}", not as the amendment states'
            f' ("{normalize(stated)}")',
            hint="correct the operation, or the wording it says the provision will read",
        )


def _own_overlaps(a: Amendment, targets: list[Target]) -> None:
    for i, t in enumerate(targets):
        for u in targets[i + 1 :]:
            if clash(t, u):
                raise AmendmentTargetError(
                    f"operations {t.index + 1} and {u.index + 1} reach the same words",
                    hint="combine them into one operation",
                )


# -- clashes --------------------------------------------------------------------

#: The operations that take a whole provision: they clash with all that lies inside.
WHOLE = ("delete", "replace")


def spans_meet(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans of one provision's text share words (or one insertion point)."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def clash(t: Target, u: Target) -> bool:
    """True when carrying out ``t`` changes what ``u`` needs (or the reverse)."""
    if t.kind in WHOLE and u.kind in WHOLE:
        return t.host.covers(u.host) or u.host.covers(t.host)
    if t.kind in WHOLE:
        return reaches(t, u)
    if u.kind in WHOLE:
        return reaches(u, t)
    if t.kind == "text" and u.kind == "text":
        if t.host.element is not u.host.element:
            return False
        assert t.footprint is not None and u.footprint is not None
        return spans_meet(t.footprint, u.footprint)
    if t.kind == "move" and u.kind == "move":
        return t.host.element is u.host.element
    return False


def reaches(whole: Target, other: Target) -> bool:
    """True when deleting or replacing ``whole`` takes away what ``other`` needs."""
    if other.kind == "insert":
        # New provisions next to a deleted one still have their place; next to a
        # replaced one too.  Inside a deleted one (sub-paragraph of it) they do not.
        anchor = other.host
        return whole.kind == "delete" and whole.host.covers(anchor) and anchor != whole.host
    if other.kind == "move":
        return whole.kind == "delete" and (
            whole.host.covers(other.host)
            or (
                other.anchor is not None
                and whole.host.covers(other.anchor)
                and other.anchor != whole.host
            )
        )
    return whole.host.covers(other.host)


# -- checks ----------------------------------------------------------------------


def check_amendments(doc: Document, amendments: Sequence[Amendment]) -> list[Check]:
    """Resolve every amendment against ``doc``; a failure is its report, not an error.

    Each check records the draft it was made on, so that the voting list and the
    apply can take these checks instead of resolving every amendment again.
    """
    return resolve_all(doc, amendments, draft_fingerprint(doc))


def resolve_all(doc: Document, amendments: Sequence[Amendment], draft: str = "") -> list[Check]:
    """:func:`check_amendments` for a caller that will not hand the checks on: without
    ``draft`` they record none, and the voting list and the apply refuse them."""
    out = []
    lookup = Lookup(doc)
    for a in amendments:
        try:
            out.append(Check(a, resolve(doc, a, lookup), (), draft))
        except AmendmentTargetError as exc:
            text = exc.message + (f"; {exc.hint}" if exc.hint else "")
            out.append(Check(a, (), (text,), draft))
    return out


def draft_fingerprint(doc: Document) -> str:
    """A digest of ``doc`` as it stands (~10 ms at 1,000 paragraphs)."""
    return hashlib.blake2b(etree.tostring(doc.tree), digest_size=16).hexdigest()


def attached(node: etree._Element, root: etree._Element) -> bool:
    """True when ``node`` is still in the document under ``root``.

    ``getroottree()`` will not do: lxml keeps a removed element in its original
    document, so a deleted provision's root tree is still the resolution's.
    """
    top = node
    while (parent := top.getparent()) is not None:
        top = parent
    return top is root


def require_current(doc: Document, checks: Sequence[Check]) -> None:
    """Refuse checks that were not made on ``doc`` as it stands now.

    A check holds the elements and character offsets it found: on a draft changed
    since (a word added before the quoted ones, a paragraph deleted), or on another
    copy of it, they would change the wrong words.

    Raises:
        ValueError: a check was made on another document or before ``doc`` changed.
    """
    if not checks:
        return
    now = draft_fingerprint(doc)
    root = doc.tree.getroot()
    for c in checks:
        if not c.draft:
            raise ValueError(
                f"the check of amendment {c.amendment.number} records no draft: make the"
                " checks to hand on with check_amendments"
            )
        stale = c.draft != now
        for t in c.targets if not stale else ():
            for host in (t.host, t.anchor):
                el = host.element if host is not None else None
                if el is not None and not attached(el, root):
                    stale = True
        if stale:
            raise ValueError(
                f"the check of amendment {c.amendment.number} was made on another document,"
                " or on this one before it changed: check the amendments again"
            )
