"""Amendments from an edited text: what a delegation changed, worded as the house tables it.

Delegations edit the draft and send it back; a secretary used to retype every change
as "Leave out ... and insert ...".  Here the two versions are diffed provision by
provision (:mod:`drafting.diff`), and each difference becomes the shortest amendment
that makes it, located by the numbers of the draft as tabled:

- words changed in a provision: word-level operations, quoting just enough words
  (or the whole provision replaced, when most of a provision without sub-paragraphs
  changed);
- provisions inserted: "After paragraph 12 insert the following new paragraph(s):",
  consecutive ones in one amendment, with their sub-paragraphs; in the European
  Parliament's wording each is an amendment of its own, named after the provision
  it follows: "Paragraph 12 a (new)", "Paragraph 12 b (new)";
- provisions deleted: "Delete paragraph 3";
- provisions moved: "Move paragraph 7 after paragraph 9".

Renumbering is left out: it follows from the others.  Adopting every amendment
written rebuilds the edited text.  What has no amendment form (a heading, a table,
the opening formula) is reported, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast, get_args

from drafting.amendments.apply import rewrite_references
from drafting.amendments.clause_locate import ClauseIndex, cite
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    InsertProvisions,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    ReplaceProvision,
)
from drafting.amendments.words import derive_operations, normalize
from drafting.amendments.writer import WriteStyle
from drafting.diff import Change, diff_documents
from drafting.labels import to_alpha
from drafting.model.document import Document
from drafting.model.provision import Provision

#: Above this share of a provision's words changed, the provision is replaced whole.
_REPLACE_SHARE = 0.6
#: ... or above this many separate operations.
_REPLACE_OPERATIONS = 3


@dataclass
class Drafted:
    """The amendments an edit gives, and what in it has no amendment form."""

    amendments: list[Amendment] = field(default_factory=list)
    #: One line per change that could not be worded, saying where and why.
    skipped: list[str] = field(default_factory=list)


def write_style_of(doc: Document) -> WriteStyle:
    """The amendment wording of ``doc``'s house style: NATO PA's "Leave out ... and
    insert", the European Parliament's, PACE's, or the UN's "Replace ... with" for the
    others."""
    name = doc.house_style.name
    if name in ("nato-pa", "ep", "pace"):
        return cast(WriteStyle, name)
    return "un-ga"


class _Places:
    """Where each provision of the draft as tabled is, as an amendment names it."""

    def __init__(self, draft: Document, provisions: Sequence[Provision]) -> None:
        self.shared = draft.house_style.shared_sequence
        #: A clause text's provisions by level and label: "Rule 5, paragraph 1".
        self.clauses = ClauseIndex(draft) if draft.structure.hierarchical else None
        self.position: dict[str, int] = {}
        counts = {"citation": 0, "recital": 0}
        for p in provisions:
            if p.kind in counts and p.eid:
                counts[p.kind] += 1
                self.position[p.eid] = counts[p.kind]

    def of(self, p: Provision) -> Location | None:
        if self.clauses is not None:
            return cite(p, self.clauses)
        if p.kind == "citation" and p.eid in self.position:
            return Location("citation", str(self.position[p.eid]))
        if p.kind == "recital":
            if p.ref:
                return Location("paragraph" if self.shared else "recital", p.ref)
            if p.eid in self.position:
                return Location("preambular", str(self.position[p.eid]))
            return None
        if p.kind in ("paragraph", "point") and p.ref:
            return Location("paragraph", p.ref)
        return None


def _what(change: Change) -> str:
    return change.label(ignore_numbering=True)


class _Drafter:
    def __init__(
        self, draft: Document, edited: Document, by: str, start: int, style: WriteStyle
    ) -> None:
        self.draft, self.edited = draft, edited
        self.by = by
        self.next = start
        self.style = style
        tabled = list(draft.provisions())
        self.places = _Places(draft, tabled)
        self.out = Drafted()
        # Each version's provisions by eId, read once (Document.get walks the tree).
        self.in_draft = {p.eid: p for p in tabled if p.eid}
        self.in_edit = {p.eid: p for p in edited.provisions() if p.eid}
        self.edit_top = edited.top_level
        self.top_index = {p.eid: i for i, p in enumerate(self.edit_top) if p.eid}
        #: The edit's numbers of provisions the draft had, to the draft's: new words
        #: that cite "paragraph 9" of the edit cite the draft's paragraph 10.
        self.refs: dict[str, str] = {}
        #: How many EP new provisions follow each provision of the draft (12 a, 12 b).
        self.news_after: dict[Location, int] = {}

    def cited(self, text: str) -> str:
        return rewrite_references(text, self.refs) if self.refs else text

    def new_provision(self, p: Provision) -> NewProvision:
        if self.places.clauses is not None:
            # A clause text's new rule keeps its label and heading, and its subdivisions.
            return NewProvision(
                self.cited(p.markup),
                tuple(self.new_provision(c) for c in p.children if c.kind != "hcontainer"),
                label=p.num or "",
                heading=p.heading or "",
            )
        return NewProvision(self.cited(p.markup), tuple(self.new_provision(c) for c in p.points))

    def subdivided(self, p: Provision) -> bool:
        """True when ``p`` has sub-paragraphs (a clause text: subdivisions of any level)."""
        return bool(p.children if self.places.clauses is not None else p.points)

    def add(
        self,
        location: Location | None,
        ops: Sequence[Operation],
        columns: tuple[str, str] | None = None,
    ) -> None:
        self.out.amendments.append(
            Amendment(
                number=str(self.next),
                location=location,
                operations=tuple(ops),
                tabled_by=self.by,
                columns=columns if self.style == "ep" else None,
            )
        )
        self.next += 1

    def old(self, change: Change) -> Provision | None:
        return self.in_draft.get(change.old.eid or "") if change.old else None

    def new(self, change: Change) -> Provision | None:
        return self.in_edit.get(change.new.eid or "") if change.new else None

    def words(self, change: Change) -> None:
        """The words of one provision (or the title) changed."""
        if change.subject == "title":
            location: Location | None = Location("title")
            before, after = self.draft.title, self.edited.title
            leaf = False
        else:
            old, new = self.old(change), self.new(change)
            location = self.places.of(old) if old is not None else None
            if old is None or new is None or location is None:
                self.out.skipped.append(f"{_what(change)}: it has no number to table against")
                return
            before, after = old.text, self.cited(new.text)
            leaf = not self.subdivided(old) and not self.subdivided(new)
            if (old.heading or "") != (new.heading or ""):
                self.out.skipped.append(
                    f"{_what(change)}: its heading changed from “{old.heading or ''}” to"
                    f" “{new.heading or ''}”; amendments to headings are not written yet,"
                    " table that one by hand"
                )
            if normalize(before) == normalize(after) and old.markup != new.markup:
                # Only the emphasis changed (a lead phrase set bold): the words say it.
                self.add(location, [ReplaceProvision(NewProvision(self.cited(new.markup)))])
                return
        if normalize(before) == normalize(after):
            return
        ops = derive_operations(before, after)
        changed = sum(len(op.text.split()) for op in change.ops if op.kind != "equal")
        total = max(sum(len(op.text.split()) for op in change.ops if op.kind != "insert"), 1)
        if (
            change.subject != "title"
            and leaf
            and (len(ops) > _REPLACE_OPERATIONS or changed / total > _REPLACE_SHARE)
        ):
            new_p = self.new(change)
            assert new_p is not None
            markup = self.cited(new_p.markup)
            self.add(location, [ReplaceProvision(NewProvision(markup))], (before, after))
            return
        self.add(location, ops, (normalize(before), normalize(after)))


def amendments_from_edit(
    draft: Document,
    edited: Document,
    *,
    by: str = "",
    start: int = 1,
    style: WriteStyle | None = None,
) -> Drafted:
    """The amendments that turn ``draft`` into ``edited``, tabled ``by``, numbered from
    ``start``, in the order of the draft's provisions.

    ``style`` picks the wording the amendments will be written in (for the European
    Parliament's, each keeps its two columns); by default the draft's house style.
    """
    d = _Drafter(draft, edited, by, start, style or write_style_of(draft))
    result = diff_documents(draft, edited, ignore_numbering=True)
    changes = result.changes
    # What each provision of the edit was in the draft (None: it is new).
    was: dict[str, str | None] = {}
    for c in changes:
        if c.new is not None and c.new.eid:
            was[c.new.eid] = c.old.eid if c.old is not None else None
    for c in changes:
        old_ref = c.old.ref if c.old is not None else None
        new_ref = c.new.ref if c.new is not None else None
        if old_ref and new_ref and old_ref != new_ref:
            d.refs[new_ref] = old_ref
    deleted = {c.old.eid for c in changes if c.kind == "deleted" and c.old is not None}
    inserted = {c.new.eid for c in changes if c.kind == "inserted" and c.new is not None}
    pending: list[Provision] = []  # new provisions waiting for their anchor
    anchor: tuple[Location, str] | None = None

    def flush() -> None:
        nonlocal pending
        if pending and anchor is not None:
            news = tuple(d.new_provision(p) for p in pending)
            place, side = anchor
            if d.style == "ep" and side == "after" and place.kind != "title":
                _insert_each(d, place, news)
            else:
                d.add(None, [InsertProvisions(place, side, news)])  # type: ignore[arg-type]
        elif pending:
            for p in pending:
                d.out.skipped.append(
                    f"new {p.kind} “{' '.join(p.text.split()[:6])} …”: no provision of the"
                    " draft stands beside it to insert it after"
                )
        pending = []

    for c in changes:
        if c.kind != "inserted":
            flush()
            anchor = None
        if c.subject in ("formula", "hcontainer") and c.kind != "unchanged":
            d.out.skipped.append(
                f"{_what(c)}: changed, but it has no amendment form; change it in the draft"
            )
            continue
        if c.kind == "inserted":
            p = d.new(c)
            if p is None:
                continue
            parent = p.parent
            if parent is not None and parent.eid in inserted:
                continue  # brought in with its parent
            if not pending:
                anchor = _anchor(d, p, was, before=False)
                if anchor is None:
                    anchor = _anchor(d, p, was, before=True)
            pending.append(p)
            continue
        if c.kind == "deleted":
            old = d.old(c)
            if old is None:
                continue
            if old.parent is not None and old.parent.eid in deleted:
                continue  # goes with its parent
            location = d.places.of(old)
            if location is None:
                d.out.skipped.append(f"{_what(c)}: deleted, but it has no number to table against")
                continue
            d.add(location, [DeleteProvision()], (old.text, "deleted"))
            continue
        if c.kind == "moved":
            d.words(c)
            _move(d, c, was)
            continue
        if c.kind == "changed":
            d.words(c)
    flush()
    return d.out


def _insert_each(d: _Drafter, place: Location, news: Sequence[NewProvision]) -> None:
    """The European Parliament's new provisions: one amendment each, located by the
    provision of the draft they follow and a letter, ``Paragraph 12 a (new)``, the
    letters going on where an earlier amendment after the same provision stopped."""
    for new in news:
        n = d.news_after.get(place, 0) + 1
        d.news_after[place] = n
        d.add(
            Location(place.kind, place.ref, to_alpha(n)),
            [InsertProvisions(place, "after", (new,))],
        )


def _anchor(
    d: _Drafter, p: Provision, was: dict[str, str | None], *, before: bool
) -> tuple[Location, str] | None:
    """The provision of the draft a new provision ``p`` goes after (or ``before``):
    its nearest sibling in the edit that the draft had."""
    if p.parent is None:
        siblings, k = d.edit_top, d.top_index[p.eid or ""]
    else:
        siblings = p.parent.children
        k = next(i for i, s in enumerate(siblings) if s.eid == p.eid)
    around = siblings[k + 1 :] if before else reversed(siblings[:k])
    for s in around:
        if s.kind != p.kind and not (p.kind in ("recital", "paragraph") and d.places.shared):
            continue
        old_eid = was.get(s.eid or "")
        if old_eid is None:
            continue
        was_there = d.in_draft.get(old_eid)
        location = d.places.of(was_there) if was_there is not None else None
        if location is not None:
            return location, "before" if before else "after"
    return None


def _move(d: _Drafter, c: Change, was: dict[str, str | None]) -> None:
    old, new = d.old(c), d.new(c)
    target = d.places.of(old) if old is not None else None
    if old is None or new is None or target is None:
        d.out.skipped.append(f"{_what(c)}: moved, but it has no number to table against")
        return
    place = _anchor(d, new, was, before=False) or _anchor(d, new, was, before=True)
    if place is None:
        d.out.skipped.append(f"{_what(c)}: moved where no provision of the draft stands")
        return
    d.add(None, [MoveProvision(target, place[0], place[1])])  # type: ignore[arg-type]


# -- files ---------------------------------------------------------------------------------


@dataclass
class TabledEdit:
    """What ``drafting amendments from-edit`` made: the amendments, their text as
    written, and what could not be worded."""

    amendments: list[Amendment]
    data: bytes
    skipped: list[str]
    #: The authors of the tracked changes, with how many each made (Word only).
    authors: list[tuple[str, int]] = field(default_factory=list)


def _day(stamp: str) -> str:
    return stamp[:10] if len(stamp) >= 10 else stamp


def from_edit_files(
    draft: str | Path,
    edited: str | Path | None,
    output: str | Path,
    *,
    by: str = "",
    style: str | None = None,
    force: bool = False,
) -> TabledEdit:
    """Write to ``output`` (.txt, .md, .akn.xml, or .docx: the house's amendment form,
    :mod:`drafting.docx_export.amendment_form`) the amendments that turn ``draft``
    into ``edited``; with no ``edited``, ``draft`` is a Word file whose tracked changes
    are the edit: the draft is its text with every change rejected, and each author's
    changes give that author's amendments, dated by their first change.

    Raises:
        InputError: an input cannot be read, the output is of an unknown kind, or a
            Word draft has no tracked changes and no edited version is given.
        OutputError: the output is an input, or exists without ``force``.
    """
    from drafting import io
    from drafting.amendments.akn import amendment_list_to_akn
    from drafting.amendments.writer import write_amendments
    from drafting.errors import InputError
    from drafting.formats import TEXT_SUFFIXES, load_document, suffix_of

    wanted = _write_style(style)
    out = Path(output)
    suffix = ".akn.xml" if out.name.lower().endswith((".akn.xml", ".xml")) else suffix_of(out)
    if suffix not in (*TEXT_SUFFIXES, ".akn.xml", ".docx"):
        raise InputError(
            f"drafting cannot write amendments as {suffix or 'a file without an extension'}",
            file=str(out),
            hint="name the output .txt, .md, .akn.xml or .docx",
        )
    inputs = [draft, *([edited] if edited is not None else [])]
    target = io.check_output(out, inputs=inputs, force=force)
    authors: list[tuple[str, int]] = []
    if edited is not None:
        base = load_document(draft)
        drafted = amendments_from_edit(base, load_document(edited), by=by, style=wanted)
        amendments, skipped = drafted.amendments, drafted.skipped
    else:
        base, amendments, skipped, authors = _from_tracked_changes(Path(draft), wanted)
    wording = wanted or write_style_of(base)
    if suffix == ".akn.xml":
        data = amendment_list_to_akn(base, amendments)
    elif suffix == ".docx":
        from drafting.docx_export.amendment_form import amendments_docx

        data = amendments_docx(amendments, wording)
    else:
        data = write_amendments(amendments, wording).encode("utf-8")
    io.write_atomic(target, data)
    return TabledEdit(amendments, data, skipped, authors)


def _write_style(name: str | None) -> WriteStyle | None:
    from drafting.errors import InputError

    for known in get_args(WriteStyle):
        if name == known:
            return cast(WriteStyle, known)
    if name is None:
        return None
    raise InputError(
        f"no amendment wording {name!r}", hint=f"use one of {', '.join(get_args(WriteStyle))}"
    )


def _from_tracked_changes(
    path: Path, style: WriteStyle | None
) -> tuple[Document, list[Amendment], list[str], list[tuple[str, int]]]:
    from dataclasses import replace

    from drafting.docx_import import import_docx, tracked_changes
    from drafting.errors import InputError

    if path.suffix.lower() != ".docx":
        raise InputError(
            "only a Word file carries tracked changes",
            file=str(path),
            hint="give the edited version too: drafting amendments from-edit DRAFT EDITED",
        )
    summary = tracked_changes(path)
    if not summary.count:
        raise InputError(
            "the Word file has no tracked changes to table",
            file=str(path),
            hint="give the edited version too: drafting amendments from-edit DRAFT EDITED",
        )
    base = import_docx(path, accept_changes=False).document
    # Each delegation's changes on their own, in the order they were made.
    order = sorted(summary.by_author, key=lambda a: (summary.first_date.get(a, "~"), a))
    amendments: list[Amendment] = []
    skipped: list[str] = []
    for author in order:
        edit = import_docx(path, accept_changes=True, accept_authors={author}).document
        drafted = amendments_from_edit(
            base, edit, by=author, start=len(amendments) + 1, style=style
        )
        when = _day(summary.first_date.get(author, ""))
        amendments += [replace(a, date=when) for a in drafted.amendments]
        skipped += [f"{line} (changes by {author})" for line in drafted.skipped]
    return base, amendments, skipped, [(a, summary.by_author[a]) for a in order]
