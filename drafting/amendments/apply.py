"""Applying adopted amendments: clause by clause, in voting order, all or nothing.

Every adopted amendment is first resolved against the draft *as tabled*; only
then is anything changed, so a new paragraph inserted after 12 never moves the
words an amendment to 13(b) changes.  An adopted amendment whose words an
earlier adopted amendment already changed *falls* (as in the chamber: the text
it would amend no longer exists).  If any adopted amendment cannot be resolved
at all, nothing is changed and the error says which and why.  The result is
renumbered per house style, cross-references in the text follow the new
numbers, and the AKN ``<meta>`` records which amendment made each change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from lxml import etree

from drafting.akn import schema
from drafting.akn.elements import AknElement, owner_eid
from drafting.akn.inline import NOT_TEXT, replace_text, text_of
from drafting.akn.ns import XPATH_NS, q
from drafting.akn.parser import make, sub
from drafting.amendments.errors import AmendmentApplicationError, AmendmentTargetError
from drafting.amendments.exclusion import Adopted
from drafting.amendments.model import (
    Amendment,
    InsertProvisions,
    MoveProvision,
    NewProvision,
    Outcome,
    ReplaceProvision,
    Status,
)
from drafting.amendments.resolve import (
    Check,
    Host,
    Lookup,
    Target,
    attached,
    require_current,
    resolve,
)
from drafting.amendments.voting import provision_order, voting_order
from drafting.model.clause_ids import subdivision_level
from drafting.model.document import Document
from drafting.model.markup import fill_block
from drafting.model.metadata import date_expression
from drafting.model.phrases import leading_phrase
from drafting.model.provision import PROVISION_TAGS, Provision, new_provision_element
from drafting.model.structure import HIERARCHY


@dataclass(frozen=True)
class AmendmentOutcome:
    """What became of one amendment (one entry of the report)."""

    number: str
    tabled_by: str
    location: str
    status: Status
    outcome: Outcome
    fell_because_of: tuple[str, ...] = ()
    #: eIds (in the amended text) of the provisions the amendment changed.
    changed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The report entry as a JSON object."""
        out: dict[str, object] = {
            "number": self.number,
            "tabled_by": self.tabled_by,
            "location": self.location,
            "status": self.status,
            "outcome": self.outcome,
        }
        if self.outcome == "fell":
            out["fell_because_of"] = list(self.fell_because_of)
        if self.changed:
            out["changed"] = list(self.changed)
        return out


@dataclass(frozen=True)
class CrossReference:
    """A reference in the text that followed the renumbering: ``paragraph 13`` -> ``14``."""

    eid: str
    old: str
    new: str


@dataclass
class Amended:
    """The amended document and what happened to every amendment."""

    document: Document
    outcomes: list[AmendmentOutcome]
    renumbered: dict[str, str] = field(default_factory=dict)
    cross_references: list[CrossReference] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """How many amendments were applied, fell, ... e.g. ``"10 applied, 2 fell"``."""
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.outcome] = counts.get(o.outcome, 0) + 1
        return ", ".join(f"{n} {k}" for k, n in counts.items())


def effective_status(a: Amendment, votes: Mapping[str, Status]) -> Status:
    """The status after the vote: the votes file wins over the status in the amendment."""
    return votes.get(a.number, a.status)


def apply_amendments(
    doc: Document,
    amendments: Sequence[Amendment],
    *,
    votes: Mapping[str, Status] | None = None,
    date: dt.date | None = None,
    checks: Sequence[Check] | None = None,
) -> Amended:
    """A new document: ``doc`` with the adopted ``amendments`` applied; ``doc`` is untouched.

    ``checks``, what :func:`check_amendments` gave for these amendments on ``doc`` as
    it still stands, spares resolving the adopted ones again: their places are
    carried over to the copy the amendments are applied to.

    Raises:
        AmendmentApplicationError: an adopted amendment cannot be resolved against the
            draft, or a vote names an amendment that does not exist; nothing changes.
            Also when the amended text would not be valid (e.g. a new paragraph
            without the lead phrase the house style requires).
        ValueError: ``checks`` were made on another document or before ``doc`` changed.
    """
    votes = dict(votes or {})
    known = {a.number for a in amendments}
    unknown = sorted(set(votes) - known)
    if unknown:
        raise AmendmentApplicationError(
            f"the votes name amendment {', '.join(unknown)}, which is not in the amendment files",
            hint="check the numbers in the votes file",
        )
    given = _given_checks(doc, checks)
    work = doc.copy()
    status = {a.number: effective_status(a, votes) for a in amendments}
    adopted = [a for a in amendments if status[a.number] == "adopted"]
    resolved: list[Check] = []
    failures: list[str] = []
    lookup = Lookup(work)
    mirror = _Mirror(doc, work)
    for a in adopted:
        earlier = given.get(id(a))
        if earlier is not None and earlier.ok:
            resolved.append(Check(a, tuple(mirror.target(t) for t in earlier.targets), ()))
            continue
        try:
            resolved.append(Check(a, resolve(work, a, lookup), ()))
        except AmendmentTargetError as exc:
            failures.append(f"amendment {a.number}: {exc.message}")
    if failures:
        raise AmendmentApplicationError(
            "adopted amendments cannot be applied: " + " | ".join(failures),
            hint="correct them (drafting amendments check shows how); nothing was written",
        )

    fell: dict[str, tuple[str, ...]] = {}
    applied: list[Check] = []
    # Exactly the order of the voting list (compromises come first on their own
    # provision there), so what the list says falls is what falls here.
    ordered = voting_order(work, resolved)
    # One index of what was applied decides what falls, as it does for the votes.
    standing = Adopted()
    for c in ordered:
        by = standing.clashing(c)
        if by:
            fell[c.amendment.number] = by
            continue
        standing.add(c)
        applied.append(c)
    changes = _carry_out(work, applied)
    renumbered = work.renumber()
    xrefs, warnings = _follow_references(work, renumbered, changes.deleted_refs)
    warnings = changes.warnings + warnings
    changed = _record(work, applied, changes, date or dt.date.today())
    problems = schema.problems(work.tree, house_style=False)
    if problems:
        raise AmendmentApplicationError(
            "the amended text would not be valid: " + _explain(problems, changed),
            hint=_hint_for(problems),
        )
    warnings += _house_style_faults(work, changed)

    outcomes = []
    for a in amendments:
        st = status[a.number]
        outcome: Outcome
        if st == "adopted":
            outcome = "fell" if a.number in fell else "applied"
        elif st in ("rejected", "withdrawn"):
            outcome = st
        else:
            outcome = "not voted"
        outcomes.append(
            AmendmentOutcome(
                a.number,
                a.tabled_by,
                a.where_text,
                st,
                outcome,
                fell.get(a.number, ()),
                changed.get(a.number, ()),
            )
        )
    return Amended(work, outcomes, renumbered, xrefs, warnings)


def _given_checks(doc: Document, checks: Sequence[Check] | None) -> dict[int, Check]:
    """The caller's checks by amendment (identity), once known to be of ``doc`` as it is."""
    if not checks:
        return {}
    require_current(doc, checks)
    return {id(c.amendment): c for c in checks}


class _Mirror:
    """The element of the copy standing where an element of the original stands.

    ``Document.copy`` copies the whole tree, so the path of child positions from the
    root leads to the same place in both.
    """

    def __init__(self, original: Document, copy: Document) -> None:
        self.original = original.tree.getroot()
        self.copy = copy.tree.getroot()

    def element(self, el: AknElement) -> AknElement:
        path: list[int] = []
        node: etree._Element = el
        while node is not self.original:
            parent = node.getparent()
            assert parent is not None  # require_current: every target is in the original
            path.append(parent.index(node))
            node = parent
        found: etree._Element = self.copy
        for i in reversed(path):
            found = found[i]
        assert isinstance(found, AknElement)
        return found

    def host(self, host: Host) -> Host:
        el = self.element(host.element)
        return Host(el, Provision(el) if host.provision is not None else None, host.label)

    def target(self, t: Target) -> Target:
        anchor = self.host(t.anchor) if t.anchor is not None else None
        return replace(t, host=self.host(t.host), anchor=anchor)


# -- carrying out ------------------------------------------------------------------


@dataclass
class _Changes:
    """What was done to which element, for provenance: (amendment, type, element, old eId)."""

    done: list[tuple[str, str, AknElement, str]] = field(default_factory=list)
    deleted_refs: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def note(self, t: Target, kind: str) -> None:
        self.done.append((t.amendment, kind, t.host.element, owner_eid(t.host.element) or ""))


def _phrase_tag(doc: Document) -> str:
    return doc.house_style.phrase_emphasis


def _carry_out(doc: Document, applied: Sequence[Check]) -> _Changes:
    ch = _Changes()
    targets = [t for c in applied for t in c.targets]
    # 1. Word changes, per block, from the end so earlier offsets stay true.
    by_block: dict[AknElement, list[tuple[int, int, str, Target]]] = {}
    for t in targets:
        if t.kind != "text" or t.splice is None:
            continue
        offset = 0
        for block in t.host.blocks:
            length = len(text_of(block))
            if t.splice.start <= offset + length:
                s = t.splice
                by_block.setdefault(block, []).append((s.start - offset, s.end - offset, s.new, t))
                break
            offset += length + 1
    for block, edits in by_block.items():
        for start, end, new, t in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            for note in replace_text(block, start, end, new):
                marker = note.get("marker", "")
                ch.warnings.append(
                    f"amendment {t.amendment} left out the words footnote {marker} belonged"
                    f" to, so footnote {marker} was dropped from {t.host.label}; check it"
                )
    for t in targets:
        if t.kind == "text":
            ch.done.append(
                (t.amendment, "substitution", t.host.element, t.host.element.get("eId", ""))
            )
    # 2. Whole provisions replaced.
    for t in targets:
        if t.kind == "replace":
            assert isinstance(t.operation, ReplaceProvision)
            _replace(doc, t.host, t.operation.new)
            ch.done.append(
                (t.amendment, "substitution", t.host.element, t.host.element.get("eId", ""))
            )
    # 3. New provisions, in voting order; a second insertion after the same
    #    provision goes after the first one's.
    last: dict[tuple[int, str], AknElement] = {}
    for t in targets:
        if t.kind != "insert":
            continue
        op = t.operation
        assert isinstance(op, InsertProvisions) and t.host.provision is not None
        anchor = t.host.provision
        key = (id(anchor.element), op.position)
        for np in op.provisions:
            el = _build(doc, anchor.kind, np)
            if op.position == "after":
                last.get(key, anchor.element).addnext(el)
                last[key] = el
            else:
                anchor.element.addprevious(el)
            ch.done.append((t.amendment, "insertion", el, ""))
    # 4. Moves.
    for t in targets:
        if t.kind != "move":
            continue
        op = t.operation
        assert (
            isinstance(op, MoveProvision) and t.host.provision and t.anchor and t.anchor.provision
        )
        moving = t.host.provision.detach()
        key = (id(t.anchor.element), op.position)
        if op.position == "after":
            last.get(key, t.anchor.element).addnext(moving.element)
            last[key] = moving.element
        else:
            t.anchor.element.addprevious(moving.element)
        ch.done.append((t.amendment, "renumbering", moving.element, t.host.element.get("eId", "")))
    # 5. Deletions last: new provisions placed next to a deleted one keep their place.
    for t in targets:
        if t.kind != "delete" or t.host.provision is None:
            continue
        for p in t.host.provision.walk():
            if p.ref:
                ch.deleted_refs.add(p.ref)
        ch.done.append((t.amendment, "repeal", t.host.element, t.host.element.get("eId", "")))
        t.host.provision.delete()
    return ch


def _house_style_faults(doc: Document, changed: Mapping[str, Sequence[str]]) -> list[str]:
    """The house-style faults the adopted amendments bring in, as warnings.

    An adopted amendment is the assembly's decision: a new paragraph without a lead
    phrase is a fault for ``drafting validate`` to report, as in an imported draft,
    not a reason to refuse the vote's result (``amendments check`` cannot foresee it
    and would say ok while ``amend`` refused).
    """
    owners = {eid: num for num, eids in changed.items() for eid in eids}
    if not owners:
        return []
    phase = schema.house_style_of(doc.tree) or "nato-pa"
    out = []
    for pr in schema.profile_problems(doc.tree, phase):
        who = owners.get(pr.eid or "")
        if who is not None:
            out.append(f"amendment {who}: {pr.message}; drafting validate reports it")
    return out


def _with_lead(doc: Document, kind: str, markup: str) -> str:
    """A new paragraph's lead phrase in the house's emphasis when the tabler typed it
    plain (``Calls upon Member States``): the assembly reads it as a lead phrase, as
    the import does, whatever the amendment's typing."""
    text = markup.lstrip()
    style = doc.house_style
    if doc.structure.hierarchical:
        return markup  # a rule or a section has no lead phrase
    if not style.lead_phrase_required or kind not in ("paragraph", "recital"):
        return markup
    if not text[:1].isupper():
        return markup
    phrase = leading_phrase(text)
    if phrase is None or not text.startswith(phrase):
        return markup
    mark = "**" if style.phrase_emphasis == "b" else "*"
    return f"{mark}{phrase}{mark}{text[len(phrase) :]}"


def _build(doc: Document, kind: str, new: NewProvision) -> AknElement:
    if kind in ("recital", "citation") and new.points:
        raise AmendmentApplicationError(
            f"a new {kind} cannot have sub-paragraphs", hint="give it as one paragraph of text"
        )
    markup = _with_lead(doc, kind, new.markup)
    if doc.structure.hierarchical and kind in HIERARCHY:
        # A clause text's new rule or section keeps the label and heading it is given.
        el = new_provision_element(kind, markup, num=new.label or None, heading=new.heading)
    else:
        el = new_provision_element(kind, markup, phrase_tag=_phrase_tag(doc))
    _add_points(doc, Provision(el), new.points)
    return el


def _add_points(doc: Document, prov: Provision, points: Sequence[NewProvision]) -> None:
    if points and doc.structure.hierarchical and prov.kind in HIERARCHY:
        below = subdivision_level(doc, prov.kind)
        for pt in points:
            child = prov.add_subdivision(below, pt.markup, num=pt.label or None, heading=pt.heading)
            _add_points(doc, child, pt.points)
        return
    for pt in points:
        child = prov.add_point(pt.markup, phrase_tag=_phrase_tag(doc))
        _add_points(doc, child, pt.points)


def _replace(doc: Document, host: Host, new: NewProvision) -> None:
    if host.provision is None:
        title = host.element
        for node in list(title):
            title.remove(node)
        title.text = None
        fill_block(title, new.markup)
        return
    prov = host.provision
    if prov.kind in ("recital", "citation") and new.points:
        raise AmendmentApplicationError(
            f"a {prov.kind} cannot have sub-paragraphs", hint="give it as one paragraph of text"
        )
    for child in prov.children:
        child.delete()
    if new.heading:
        prov.set_heading(new.heading)
    markup = _with_lead(doc, prov.kind, new.markup) if prov.level == 0 else new.markup
    prov.set_text(markup, phrase_tag=_phrase_tag(doc))
    _add_points(doc, prov, new.points)


# -- cross-references ----------------------------------------------------------------

# A reference ends where no word character or further "(b)" follows: a plain \b fails
# after ")" and would cut "paragraph 3(b)." back to "paragraph 3".
_PARA_XREF = re.compile(
    r"\b(?P<noun>(?:sub-)?paragraphs?)\s+(?P<refs>\d+(?:\s*\([a-z0-9]+\))*"
    r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s+to\s+)\d+(?:\s*\([a-z0-9]+\))*)*)(?![\w(])"
)
#: "paragraph 2 of resolution 480", "paragraph 5 of the Charter": another document's
#: numbering, which renumbering this one must not touch.
_OTHER_DOCUMENT = re.compile(
    r"\s*,?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z0-9]|resolution|decision)"
)
_RECITAL_XREF = re.compile(
    r"\b(?P<noun>recitals?)\s+(?P<refs>[A-Z]{1,3}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+|\s+to\s+)[A-Z]{1,3})*)\b"
)
_ONE = re.compile(r"\d+(?:\s*\([a-z0-9]+\))*|\b[A-Z]{1,3}\b")


_PROVISION_QNAMES = frozenset(q(t) for t in PROVISION_TAGS)
_NAMING = ".//a:p[contains(., 'paragraph') or contains(., 'recital') or .//*[{}]]".format(
    " or ".join(f"local-name()='{name}'" for name in sorted(NOT_TEXT))
)


def _naming_blocks(doc: Document) -> list[tuple[Provision, AknElement]]:
    """The blocks of provisions whose text has ``paragraph`` or ``recital`` in it, with
    their provision, in the order of ``doc.provisions()`` (each provision's own
    blocks, then its wrap-up).

    Walking every provision for its blocks cost 0.1 s at 1,000 paragraphs, for the
    few that name another; libxml2 finds those.  Its text of a block is the clause
    text (:func:`text_of`) unless the block holds a note or a label, which may also
    hide the word around it (``para<noteRef/>graph``): such blocks are looked at too.
    """
    hits = doc.statement.xpath(_NAMING, namespaces=XPATH_NS)
    found = [b for b in hits if isinstance(b, AknElement)] if isinstance(hits, list) else []
    if not found:
        return []
    order = provision_order(doc)
    out: list[tuple[int, int, Provision, AknElement]] = []
    for block in found:
        owner = next((a for a in block.iterancestors() if a.tag in _PROVISION_QNAMES), None)
        rank = order.get(owner) if owner is not None else None
        if rank is None or not isinstance(owner, AknElement):
            continue
        prov = Provision(owner)
        k = next((i for i, b in enumerate(prov.blocks + prov.wrap_up_blocks) if b is block), None)
        if k is not None:
            out.append((rank, k, prov, block))
    out.sort(key=lambda e: (e[0], e[1]))
    return [(prov, block) for _, _, prov, block in out]


def _reference_matches(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Each "paragraph 13(b)" / "recitals A and B" in ``text``, and whether it names a
    provision of this document (not "paragraph 2 of resolution 480")."""
    for word, rx in (("paragraph", _PARA_XREF), ("recital", _RECITAL_XREF)):
        if word not in text:
            continue  # each pattern needs its word, in lower case: skip the scan
        for m in rx.finditer(text):
            yield m, not _OTHER_DOCUMENT.match(text, m.end())


def _refs_of(m: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    base = m.start("refs")
    for one in _ONE.finditer(m.group("refs")):
        yield base + one.start(), base + one.end(), re.sub(r"\s+", "", one.group(0))


def rewrite_references(text: str, mapping: Mapping[str, str]) -> str:
    """``text`` with each reference to a provision of this document renamed by
    ``mapping`` (``{"9": "10"}``): new words written against one numbering, tabled
    against another."""
    edits = [
        (start, end, mapping[ref])
        for m, own in _reference_matches(text)
        if own
        for start, end, ref in _refs_of(m)
        if ref in mapping
    ]
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _follow_references(
    doc: Document, mapping: Mapping[str, str], deleted: set[str]
) -> tuple[list[CrossReference], list[str]]:
    """Rewrite ``paragraph 13`` to ``paragraph 14`` wherever the number moved."""
    found: list[CrossReference] = []
    warnings: list[str] = []
    for prov, block in _naming_blocks(doc):
        text = text_of(block)
        edits: list[tuple[int, int, str]] = []
        for m, own in _reference_matches(text):
            if not own:
                warnings.append(
                    f"{prov.ref or prov.eid} cites {m.group(0)!r} of another document;"
                    " left as it is"
                )
                continue
            for start, end, ref in _refs_of(m):
                if ref in mapping:
                    edits.append((start, end, mapping[ref]))
                    found.append(CrossReference(prov.eid or "", ref, mapping[ref]))
                elif ref in deleted:
                    warnings.append(
                        f"{prov.ref or prov.eid} refers to {m.group('noun')} {ref},"
                        " which was deleted; check the wording"
                    )
        for start, end, new in sorted(edits, reverse=True):
            replace_text(block, start, end, new)
    return found, warnings


# -- provenance ------------------------------------------------------------------------


def _safe_id(number: str) -> str:
    return "amendment_" + _UNSAFE.sub("-", number)


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def _xpath_one(el: AknElement, path: str) -> AknElement | None:
    found = el.xpath(path, namespaces=XPATH_NS)
    if isinstance(found, list) and found and isinstance(found[0], AknElement):
        return found[0]
    return None


def _explain(problems: Sequence[schema.Problem], changed: Mapping[str, Sequence[str]]) -> str:
    """The first problems in plain words, each with the amendment that caused it."""
    owners = {eid: num for num, eids in changed.items() for eid in eids}
    said: list[str] = []
    for pr in problems:
        if "mainBody" in pr.message or "no operative paragraph" in pr.message:
            text = "the resolution would have no operative paragraph"
        elif pr.source == "akn":
            continue  # the profile says the same thing in words a secretary uses
        else:
            text = pr.message
        who = owners.get(pr.eid or "")
        entry = f"amendment {who}: {text}" if who else text
        if entry not in said:
            said.append(entry)
        if len(said) == 3:
            break
    return " | ".join(said) or problems[0].message


def _hint_for(problems: Sequence[schema.Problem]) -> str:
    if any("lead phrase" in p.message for p in problems):
        return (
            "new paragraphs need their lead phrase in bold, e.g. **Noting**; correct the"
            " amendment; nothing was written"
        )
    if any("mainBody" in p.message or "no operative" in p.message for p in problems):
        return "a resolution keeps at least one operative paragraph; nothing was written"
    return "correct the amendment (drafting amendments check shows each one); nothing was written"


def _record(
    doc: Document, applied: Sequence[Check], changes: _Changes, date: dt.date
) -> dict[str, tuple[str, ...]]:
    """Add lifecycle events, passive modifications and references to ``<meta>``."""
    meta = doc.meta
    ident = meta.child("identification")
    source = ident.get("source", "#source") if ident is not None else "#source"
    expression = _xpath_one(meta, "a:identification/a:FRBRExpression/a:FRBRuri")
    base = expression.get("value", "") if expression is not None else ""
    # Every eId in use, read by libxml2 (a Python loop over all elements took 25 ms).
    ids = doc.statement.xpath("descendant-or-self::a:*/@eId", namespaces=XPATH_NS)
    taken = {str(v) for v in ids} if isinstance(ids, list) else set()

    next_k: dict[str, int] = {}

    def fresh(stem: str) -> str:
        # Count on from the last number given for this stem: restarting at 1 made
        # recording a thousand amendments quadratic.
        k = next_k.get(stem, 1)
        while f"{stem}_{k}" in taken:
            k += 1
        next_k[stem] = k + 1
        taken.add(f"{stem}_{k}")
        return f"{stem}_{k}"

    refs = meta.child("references")
    if refs is None:
        refs = make("references", {"source": source})
        meta.insert_ordered(refs)
    lifecycle = meta.child("lifecycle")
    if lifecycle is None:
        lifecycle = make("lifecycle", {"source": source})
        meta.insert_ordered(lifecycle)
    analysis = meta.child("analysis")
    if analysis is None:
        analysis = make("analysis", {"source": source})
        meta.insert_ordered(analysis)
    passive = analysis.child("passiveModifications")
    if passive is None and applied:
        passive = make("passiveModifications")
        active = analysis.child("activeModifications")
        if active is not None:
            active.addnext(passive)
        else:
            analysis.insert(0, passive)
    changed: dict[str, list[str]] = {}
    for c in applied:
        a = c.amendment
        ref_id = _safe_id(a.number)
        if ref_id not in taken:
            taken.add(ref_id)
            sub(
                refs,
                "passiveRef",
                {"eId": ref_id, "href": f"{base}/amendment/{a.number}", "showAs": a.label},
            )
        sub(
            lifecycle,
            "eventRef",
            {
                "eId": fresh("evt"),
                "date": date.isoformat(),
                "source": f"#{ref_id}",
                "type": "amendment",
            },
        )
    assert passive is not None or not changes.done
    for number, kind, node, old in changes.done:
        alive = attached(node, doc.tree.getroot())
        eid = (owner_eid(node) or "") if alive else old
        if not eid:
            continue
        # A deleted provision exists only in the draft as tabled: point there.
        href = f"#{eid}" if alive else f"{base}/!main#{eid}"
        mod = sub(passive, "textualMod", {"type": kind, "eId": fresh("pmod")})  # type: ignore[arg-type]
        sub(mod, "source", {"href": f"#{_safe_id(number)}"})
        sub(mod, "destination", {"href": href})
        lst = changed.setdefault(number, [])
        if eid not in lst:
            lst.append(eid)
    if analysis is not None and len(analysis) == 0:
        meta.remove(analysis)
    # The text after the vote is a new version of the resolution, dated by the vote;
    # the amendments' events date it, and a vote that adopted none has its own.
    date_expression(meta, date, "amendment")
    if not applied:
        attrs = {"eId": fresh("evt"), "date": date.isoformat(), "source": "#original"}
        sub(lifecycle, "eventRef", {**attrs, "type": "amendment"})
    return {k: tuple(v) for k, v in changed.items()}
