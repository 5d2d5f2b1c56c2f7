"""Diff two versions of a resolution; apply a diff to get the second back.

:func:`diff_documents` returns data (:class:`DiffResult`); the terminal, HTML, Word
and JSON views read it.  :func:`apply_diff` is its inverse on the text: applying the
change list of ``diff(A, B)`` to ``A`` gives ``B``'s words and numbering, which the
property tests check for generated documents.
"""

from __future__ import annotations

from collections import defaultdict, deque

from lxml import etree

from drafting.akn.ns import XPATH_NS, q
from drafting.akn.parser import make
from drafting.diff.align import build_result, build_tree, mark_moves, pair, release, walk_all
from drafting.diff.records import Change, DiffResult, Run, runs_markup
from drafting.diff.words import RunCache
from drafting.model.document import Document, make_note
from drafting.model.markup import fill_block
from drafting.model.provision import Provision


def _work_uri(doc: Document) -> str | None:
    found = doc.meta.xpath("a:identification/a:FRBRWork/a:FRBRuri/@value", namespaces=XPATH_NS)
    return str(found[0]) if isinstance(found, list) and found else None


def same_lineage(old: Document, new: Document) -> bool:
    """True when both versions are expressions of one work, so equal wIds mean one provision."""
    uri = _work_uri(old)
    return uri is not None and uri == _work_uri(new)


def diff_documents(
    old: Document,
    new: Document,
    *,
    ignore_numbering: bool = False,
    old_name: str = "OLD",
    new_name: str = "NEW",
) -> DiffResult:
    """Pair the provisions of ``old`` and ``new`` and diff each pair word by word.

    ``ignore_numbering`` reports a provision whose only difference is its number as
    unchanged.  Changes are labelled with the amendment that made them when ``new``
    records one (``analysis/passiveModifications/textualMod``).  Raises nothing for
    valid documents.
    """
    cache: RunCache = {}
    old_top, new_top = build_tree(old, cache), build_tree(new, cache)
    del cache
    old_nodes, new_nodes = walk_all(old_top), walk_all(new_top)
    try:
        pair(old_nodes, new_nodes, lineage=same_lineage(old, new))
        mark_moves(new_top)
        changes, layout = build_result(old_top, new_top, ignore_numbering=ignore_numbering)
    finally:
        release(old_nodes)
        release(new_nodes)
    labels = amendment_labels(new)
    if labels:
        changes = tuple(_label(c, labels) for c in changes)
    return DiffResult(changes, layout, ignore_numbering, old_name, new_name)


# -- provenance ----------------------------------------------------------------


def _fragment(href: str) -> str:
    return href.rsplit("#", 1)[-1].strip()


#: Prefix of a label key naming a provision of the draft as tabled, not of NEW.
OLD_SIDE = "old:"


def amendment_labels(doc: Document) -> dict[str, str]:
    """eId (or wId) → the amendment that modified it, from ``passiveModifications``.

    The label is the ``showAs`` of the element the ``<source>`` points to when the
    document has one, else the reference itself (``am_3``).  Several amendments on
    one provision are joined with ", ".
    """
    mods = doc.meta.xpath("a:analysis/a:passiveModifications/a:textualMod", namespaces=XPATH_NS)
    if not isinstance(mods, list) or not mods:
        return {}
    named: dict[str, str] = {}
    # XPath finds the few elements with a showAs in C, with no proxy for the others
    # (through the attribute: libxml2 takes twice as long over "//*[@showAs]").
    found_named = doc.tree.xpath("//@showAs/..")
    for el in found_named if isinstance(found_named, list) else ():
        if isinstance(el, etree._Element):
            eid, show = el.get("eId"), el.get("showAs")
            if eid and show:
                named[eid] = show
    found: dict[str, list[str]] = defaultdict(list)
    for mod in mods:
        if not isinstance(mod, etree._Element):
            continue
        sources = [_fragment(s.get("href", "")) for s in mod.iter(q("source"))]
        label = next((named.get(s, s) for s in sources if s), mod.get("eId") or "")
        if not label:
            continue
        for dest in mod.iter(q("destination")):
            href = dest.get("href", "")
            target = _fragment(href)
            # "#eid" names a provision of this (amended) document; a full URI names
            # one of the draft as tabled (a deleted provision lives only there).
            key = target if href.startswith("#") else f"{OLD_SIDE}{target}"
            if target and label not in found[key]:
                found[key].append(label)
    return {k: ", ".join(v) for k, v in found.items()}


def _label(change: Change, labels: dict[str, str]) -> Change:
    """Attach the amendment that made ``change``, by eId on the side the record names.

    Records name provisions by eId: of NEW for provisions that exist there, of the
    draft as tabled for deleted ones.  wIds are not looked up: a wId equals some
    *other* provision's eId after renumbering, which would mislabel the change.
    """
    if change.kind == "unchanged":
        return change
    keys = []
    if change.new is not None and change.new.eid:
        keys.append(change.new.eid)
    if change.old is not None and change.old.eid:
        keys.append(f"{OLD_SIDE}{change.old.eid}")
    for key in keys:
        if key in labels:
            return Change(
                change.kind, change.subject, change.old, change.new, change.ops, labels[key]
            )
    return change


# -- apply ---------------------------------------------------------------------


def _split_blocks(runs: tuple[Run, ...]) -> list[list[Run]]:
    blocks: list[list[Run]] = [[]]
    for r in runs:
        if r.is_break:
            blocks.append([])
        else:
            blocks[-1].append(r)
    return blocks


def _fill(block: etree._Element, runs: list[Run], phrase_name: str | None) -> None:
    for child in list(block):
        block.remove(child)
    block.text = None
    notes: dict[str, deque[str]] = defaultdict(deque)
    for r in runs:
        if r.is_note:
            notes[r.text].append(r.note or "")

    def note(marker: str) -> etree._Element:
        queue = notes.get(marker)
        return make_note(marker, queue.popleft() if queue else "")

    fill_block(block, runs_markup(runs), phrase_name=phrase_name, notes=note)


def _set_blocks(p: Provision, runs: tuple[Run, ...]) -> None:
    blocks = _split_blocks(runs)
    first = p.blocks[0]
    _fill(first, blocks[0], p.phrase_name)
    prev = first
    for extra in blocks[1:]:
        block = make("p")
        prev.addnext(block)
        _fill(block, extra, p.phrase_name)
        prev = block
    owner = p.eid or "note"
    for k, el in enumerate(n for b in p.blocks for n in b.iter(q("authorialNote"))):
        el.set("eId", f"{owner}__authorialNote_{k + 1}")


def _identify(p: Provision, change: Change) -> None:
    side = change.new
    assert side is not None
    el = p.element
    num = el.child("num")
    if side.num is not None:
        if num is None:
            num = make("num")
            el.insert(0, num)
        num.text = side.num
    elif num is not None:
        el.remove(num)
    for attr, value in (("eId", side.eid), ("wId", side.wid)):
        if value is not None:
            el.set(attr, value)
        elif attr in el.attrib:
            del el.attrib[attr]


def apply_diff(old: Document, result: DiffResult) -> Document:
    """A copy of ``old`` whose title, formula and provisions are rebuilt from ``result``.

    Only what the diff covers is rebuilt (words, marks, footnotes, numbers, eIds and
    wIds); ``old``'s metadata stays.  Raises ``ValueError`` when ``result`` names a
    parent that it does not create first (a change list from elsewhere).
    """
    doc = old.copy()
    for top in doc.top_level:
        parent = top.element.getparent()
        assert parent is not None
        parent.remove(top.element)
    made: dict[str | None, Provision] = {}
    for change in result.changes:
        side = change.new
        if side is None:
            continue
        runs = change.new_runs
        if change.subject == "title":
            _set_path(doc, "a:preface/a:longTitle//a:docTitle", runs)
        elif change.subject == "formula":
            _set_path(doc, "a:preamble/a:formula/a:p", runs)
        else:
            if side.parent is None:
                prov = doc.add(change.subject, "")  # type: ignore[arg-type]
            else:
                owner = made.get(side.parent)
                if owner is None:
                    raise ValueError(f"the diff names parent {side.parent!r} before creating it")
                prov = owner.add_point("")
            _identify(prov, change)
            _set_blocks(prov, runs)
            made[side.eid] = prov
    _drop_empty_boxes(doc)
    _name_lists(doc)
    return doc


def _name_lists(doc: Document) -> None:
    """Give the ``list``, ``intro`` and ``wrapUp`` wrappers eIds derived from their owner."""
    for p in doc.provisions():
        lst = p.element.child("list")
        if lst is None or p.eid is None:
            continue
        lst.set("eId", f"{p.eid}__list_1")
        for part, suffix in (("intro", "intro"), ("wrapUp", "wrapUp")):
            el = lst.child(part)
            if el is not None:
                el.set("eId", f"{p.eid}__list_1__{suffix}")


def _set_path(doc: Document, path: str, runs: tuple[Run, ...]) -> None:
    found = doc.statement.xpath(path, namespaces=XPATH_NS)
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        block = found[0]
        for child in list(block):
            block.remove(child)
        block.text = None
        if block.tag == q("p"):
            fill_block(block, runs_markup(runs))
        else:
            block.text = "".join(r.text for r in runs) or None


def _drop_empty_boxes(doc: Document) -> None:
    preamble = doc.statement.child("preamble")
    if preamble is None:
        return
    for box in preamble.children_named("citations", "recitals"):
        if not box.children_named("citation", "recital"):
            preamble.remove(box)
