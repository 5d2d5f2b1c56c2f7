"""eIds and wIds for a clause-structured text, by the OASIS naming convention.

A section's eId is the path of its numbered ancestors, each as the convention's
prefix and the label's value: ``part_1__chp_2__sec_15__subsec_2__para_a``.  Unnumbered
content is counted among its siblings (``hcontainer_3``).  As in a resolution the
labels are kept exactly as the draft shows them, out of sequence or repeated (a
repeated label's eId gets ``-2``), and the wId is given once, from the first eId, and
kept through every later renumbering.

Provisions quoted inside another (a bill's "insert—" followed by the words inserted,
an AKN ``quotedStructure``) are the words of their host, not provisions of this text:
they get eIds under the host's so that every eId stays unique, and no wId.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.model.numbering import assign_wids, number_notes, number_preface
from drafting.model.structure import LEVELS
from drafting.model.styles import from_alpha, from_roman, label_value, to_alpha, to_roman

if TYPE_CHECKING:
    from drafting.model.document import Document

_HCONTAINER, _QUOTED = q("hcontainer"), q("quotedStructure")
_PREFIX = {q(name): lv.prefix for name, lv in LEVELS.items()}
_LEVEL_TAGS = tuple(q(name) for name in LEVELS)
_CONTAINERS = frozenset({q("intro"), q("wrapUp"), q("content"), q("p"), q("mod")})


def assign_clause_ids(doc: Document) -> list[str]:
    """Give every provision of ``doc`` its eId, and a wId where it has none.

    Returns the house-style faults of the numbering; a clause-structured text has no
    house-style sequence yet, so none.
    """
    body = doc.clauses
    if body is None:
        return []
    provisions: list[AknElement] = []
    _walk(body, "", provisions, {}, quoted=False)
    number_preface(doc)
    assign_wids(doc, provisions)
    number_notes(doc, relabel=False)
    return []


def renumber_clauses(doc: Document) -> dict[str, str]:
    """Renumber a clause-structured text: a provision added without a label (an empty
    ``<num/>``) takes the one after its previous sibling's ("5" after "4", "(c)" after
    "(b)", "5A" when a "5" follows it, as drafters insert); every other label stays as
    the text shows it, because a statute's numbers are cited from outside it.

    Returns the references that changed, old to new: none, since none is relabelled.
    """
    body = doc.clauses
    if body is not None:
        for num in list(body.iter(q("num"))):
            if not (num.text or "").strip() and isinstance(num, AknElement):
                num.text = _next_label(num)
    assign_clause_ids(doc)
    return {}


def subdivision_level(doc: Document, element: str) -> str:
    """The element a new subdivision of an ``element`` provision is: the one the text's
    other ``element`` provisions are divided into (a rule's paragraphs), else the
    level's usual one (:attr:`drafting.model.structure.Level.below`)."""
    body = doc.clauses
    counts: dict[str, int] = {}
    if body is not None:
        for el in body.iter(q(element)):
            for child in el.iterchildren(*_LEVEL_TAGS):
                name = str(child.tag).rpartition("}")[2]
                counts[name] = counts.get(name, 0) + 1
    if counts:
        return max(counts, key=lambda name: counts[name])
    level = LEVELS.get(element)
    return level.below if level is not None and level.below else "paragraph"


def _first_label(num: AknElement) -> str:
    """The first label of a list, in the form the text gives provisions of the same
    element elsewhere ("(a)" for sub-paragraphs printed "(c)"); "1." when it has none."""
    el = num.getparent()
    root = el.getroottree().getroot() if el is not None else None
    if el is None or root is None:
        return "1."
    for other in root.iter(str(el.tag)):
        shown = (other.findtext(q("num")) or "").strip()
        m = re.match(r"^(.*?)([0-9]+|[A-Za-z]+)([^0-9A-Za-z]*)$", shown)
        if other is el or m is None:
            continue
        head, value, tail = m.groups()
        if value.isdigit():
            first = "1"
        elif from_roman(value) is not None and (len(value) > 1 or value.lower() in "ivx"):
            first = "I" if value.isupper() else "i"
        else:
            first = "A" if value.isupper() else "a"
        return f"{head}{first}{tail}"
    return "1."


def _next_label(num: AknElement) -> str:
    """The label an unlabelled provision takes from its neighbours."""
    el = num.getparent()
    before = el.getprevious() if el is not None else None
    while before is not None and (before.tag != el.tag if el is not None else True):
        before = before.getprevious()
    prev = before.find(q("num")) if before is not None else None
    shown = (prev.text or "").strip() if prev is not None else ""
    if not shown:
        return _first_label(num)
    after = el.getnext() if el is not None else None
    nxt = after.find(q("num")) if after is not None and after.tag == el.tag else None  # type: ignore[union-attr]
    following = (nxt.text or "").strip() if nxt is not None else ""
    return successor(shown, inserted=bool(following))


def successor(shown: str, *, inserted: bool = False) -> str:
    """The label after ``shown`` in its own form: ``4.`` -> ``5.``, ``(b)`` -> ``(c)``,
    ``Article 4`` -> ``Article 5``, ``(ii)`` -> ``(iii)``; ``inserted`` (another label
    follows, so the next value is taken) gives the drafters' inserted form: ``4A.``,
    ``(ba)``."""
    m = re.match(r"^(.*?)([0-9]+|[A-Za-z]+)([^0-9A-Za-z]*)$", shown)
    if m is None:
        return shown
    head, value, tail = m.groups()
    if inserted:
        return f"{head}{value}{'A' if value.isdigit() else 'a'}{tail}"
    if value.isdigit():
        return f"{head}{int(value) + 1}{tail}"
    roman = from_roman(value)
    if roman is not None and (len(value) > 1 or value.lower() == "i"):
        nxt = to_roman(roman + 1)
        return f"{head}{nxt.upper() if value.isupper() else nxt}{tail}"
    n = from_alpha(value.lower())
    if n is None:
        return shown
    nxt = to_alpha(n + 1)
    return f"{head}{nxt.upper() if value.isupper() else nxt}{tail}"


_Seen = dict[str, tuple[dict[str, int], dict[str, int]]]


def _walk(host: AknElement, base: str, out: list[AknElement], seen: _Seen, *, quoted: bool) -> None:
    """eIds for the provisions directly in ``host`` (and their subdivisions), under
    ``base``; quoted structures in their words get eIds under their host's.  ``seen``
    holds, for each base, the eIds given and the unnumbered counted under it: several
    quotations in one provision's words share its base."""
    taken, counts = seen.setdefault(base, ({}, {}))
    for el in host.iterchildren():
        if not isinstance(el, AknElement):
            continue
        tag = str(el.tag)
        prefix = _PREFIX.get(tag)
        if prefix is None and tag != _HCONTAINER:
            if tag in _CONTAINERS or tag == _QUOTED:
                _walk(el, base, out, seen, quoted=quoted or tag == _QUOTED)
            continue
        num = el.child("num")
        value = _value(num.text if num is not None else None)
        if prefix is None:  # unnumbered content, a schedule, a cross-heading
            name = el.get("name") or "hcontainer"
            counts[name] = counts.get(name, 0) + 1
            prefix, value = ("hcontainer", None) if name == "hcontainer" else (name, value)
            if value is None:
                value = str(counts[name])
        elif value is None:
            counts[prefix] = counts.get(prefix, 0) + 1
            value = f"u{counts[prefix]}"
        own = f"{prefix}_{value}"
        times = taken.get(own, 0)
        taken[own] = times + 1
        if times:
            own = f"{own}-{times + 1}"
        eid = f"{base}__{own}" if base else own
        if el.get("eId") != eid:
            el.set("eId", eid)
        if quoted:
            el.attrib.pop("wId", None)
        else:
            out.append(el)
        _walk(el, eid, out, seen, quoted=quoted)


def _value(label: str | None) -> str | None:
    """The part of an eId a label gives: ``Article 35`` -> ``35``, ``(6AA)`` -> ``6AA``,
    ``Section 1.01`` -> ``1-01``; None for no label or one without a letter or digit."""
    if not label or not label.strip():
        return None
    bare = "".join(ch if ch.isalnum() else "-" for ch in label_value(label.strip()))
    bare = "-".join(x for x in bare.split("-") if x)
    return bare or None
