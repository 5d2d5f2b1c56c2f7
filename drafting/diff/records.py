"""Change records: what differs between two versions, as immutable data.

Like xmldiff's edit actions, these records are computed once by :mod:`drafting.diff`
and only read afterwards: the terminal, HTML, Word and JSON views all consume the
same :class:`DiffResult`, so they can never disagree about what changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

OpKind = Literal["equal", "insert", "delete"]
ChangeKind = Literal["changed", "inserted", "deleted", "moved", "renumbered", "unchanged"]
#: What a change is about: a provision kind, or a part of the document around them.
#: What a change is to: ``title``, ``formula``, or a provision's kind (``citation``,
#: ``recital``, ``paragraph``, ``point``, ``hcontainer``, or in a clause-structured
#: text any hierarchy element: ``article``, ``section`` ...).
Subject = str
#: The kinds counted in the summary line, in the order it names them.
SUMMARY_KINDS: tuple[ChangeKind, ...] = ("changed", "inserted", "deleted", "moved", "renumbered")

#: Marks a run of words can carry: emphasis, lead phrase, a footnote reference.
MARK_NAMES = ("phrase", "b", "i", "u", "sup", "sub", "note")
_LIGHT = {"b": ("**", "**"), "i": ("*", "*"), "u": ("<u>", "</u>")}
_LIGHT.update({"sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")})


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of clause text with the inline marks around it.

    ``marks`` lists the enclosing inline elements outermost first (``("b", "phrase")``
    for a bold lead phrase).  A footnote reference is a run whose text is its marker
    and whose ``note`` holds the footnote's own words in light markup.  A run whose
    text is ``"\\n"`` and has no marks separates two blocks (``<p>``) of one provision.
    """

    text: str
    marks: tuple[str, ...] = ()
    note: str | None = None

    @property
    def is_note(self) -> bool:
        return self.note is not None

    @property
    def is_break(self) -> bool:
        return self.text == "\n" and not self.marks and self.note is None


def runs_markup(runs: tuple[Run, ...] | list[Run]) -> str:
    """Drafting's light markup for ``runs`` (``**Recognising** that ...``), balanced."""
    out: list[str] = []
    for r in runs:
        if r.note is not None:
            out.append(f"[^{r.text}]")
            continue
        if not r.marks:  # most runs: plain words
            out.append(r.text)
            continue
        opening = "".join(_LIGHT[m][0] for m in r.marks if m in _LIGHT)
        closing = "".join(_LIGHT[m][1] for m in reversed(r.marks) if m in _LIGHT)
        text = r.text
        if opening and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(f"{lead}{opening}{text.strip()}{closing}{trail}")
        else:
            out.append(text)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class WordOp:
    """One step of a word-level diff: words kept, inserted or deleted, marks included."""

    kind: OpKind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The plain words of the step (footnote markers included)."""
        return "".join(r.text for r in self.runs)

    @property
    def markup(self) -> str:
        """The words in light markup (``**Noting**``), each run balanced."""
        return runs_markup(self.runs)


@dataclass(frozen=True, slots=True)
class Side:
    """Where a provision stands in one version: identity, number and place in the tree.

    ``parent`` is the eId of the provision it is a sub-paragraph of (None at the top
    level); ``index`` its 0-based position among its siblings.  ``name`` is an
    unnumbered block's kind (``heading``, ``table``, ``unnumbered``), which the views
    need to show it as the draft does; None for a provision.
    """

    eid: str | None
    wid: str | None
    num: str | None
    ref: str | None
    parent: str | None
    index: int
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "eId": self.eid,
            "wId": self.wid,
            "num": self.num,
            "ref": self.ref,
            "parent": self.parent,
            "index": self.index,
        }
        if self.name is not None:
            out["name"] = self.name
        return out


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to one provision (or the title, or the formula) between versions.

    ``old`` is None for an insertion, ``new`` None for a deletion.  ``ops`` spell the
    provision's own words from OLD to NEW: the equal and deleted runs give the old
    text, the equal and inserted runs the new one.  ``amendment`` names the
    amendment that made the change when NEW records it (AKN passiveModifications).
    """

    kind: ChangeKind
    subject: Subject
    old: Side | None
    new: Side | None
    ops: tuple[WordOp, ...]
    amendment: str | None = None

    @property
    def renumbered(self) -> bool:
        """True when the provision's number differs between the versions."""
        return self.old is not None and self.new is not None and self.old.num != self.new.num

    @property
    def text_changed(self) -> bool:
        return any(op.kind != "equal" for op in self.ops)

    @property
    def old_runs(self) -> tuple[Run, ...]:
        return tuple(r for op in self.ops if op.kind != "insert" for r in op.runs)

    @property
    def new_runs(self) -> tuple[Run, ...]:
        return tuple(r for op in self.ops if op.kind != "delete" for r in op.runs)

    @property
    def old_text(self) -> str:
        return "".join(r.text for r in self.old_runs)

    @property
    def new_text(self) -> str:
        return "".join(r.text for r in self.new_runs)

    @property
    def anchor(self) -> str:
        """An HTML/Word anchor name unique within one diff."""
        side = self.new or self.old
        assert side is not None
        prefix = "old-" if self.new is None else ""
        return f"chg-{prefix}{side.eid or self.subject}"

    def label(self, *, ignore_numbering: bool = False) -> str:
        """How a secretary names the provision: ``paragraph 13(b)``, ``paragraph 12 → 13``."""
        names = {"recital": "preambular paragraph", "point": "sub-paragraph"}
        name = names.get(self.subject, self.subject)
        if self.subject in ("title", "formula"):
            return name
        if self.subject == "hcontainer":
            return self._block_label()
        old_ref = self.old.ref if self.old else None
        new_ref = self.new.ref if self.new else None
        ref = new_ref or old_ref
        if ref and ref[:1].isalpha() and " " in ref:
            name = ""  # "Article III, Section 3.07" names itself
        lead = f"{name} " if name else ""
        if old_ref and new_ref and old_ref != new_ref and not ignore_numbering:
            return f"{lead}{old_ref} → {new_ref}"
        if ref:
            return f"{lead}{ref}"
        side = self.new or self.old
        assert side is not None
        if side.parent is None:
            return (
                f"{name} {side.index + 1} (unnumbered)"
                if self.subject != "citation"
                else (f"{name} {side.index + 1}")
            )
        return f"{name} {side.eid}"

    def _block_label(self) -> str:
        """An unnumbered block named as a reader finds it: a heading by its words, a
        table or unnumbered text by its place among its kind (``table 2``)."""
        side = self.new or self.old
        assert side is not None
        if side.name == "heading":
            words = " ".join((self.old_text if self.old else self.new_text).split())
            return f"heading “{words[:57] + '…' if len(words) > 60 else words}”"
        noun = "table" if side.name == "table" else "unnumbered text"
        if side.parent is not None:
            return f"{noun} in {side.parent}"
        return f"{noun} {side.index + 1}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "subject": self.subject,
            "renumbered": self.renumbered,
            "old": self.old.to_json() if self.old else None,
            "new": self.new.to_json() if self.new else None,
            "ops": [{"op": op.kind, "text": op.text, "markup": op.markup} for op in self.ops],
        }
        if self.amendment is not None:
            data["amendment"] = self.amendment
        return data


SlotRole = Literal["here", "from", "to"]


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in a redline: change ``index`` shown ``here``, or a move's ``from``/``to``."""

    index: int
    role: SlotRole


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Every provision of both versions, paired and classified, in reading order.

    ``changes`` lists each provision once: in NEW's order, with deletions where they
    stood in OLD and moves at their new place.  ``layout`` is the order of a full
    redline, which shows a move twice (``from`` its old place, ``to`` its new one).
    """

    changes: tuple[Change, ...]
    layout: tuple[Slot, ...] = ()
    ignore_numbering: bool = False
    old_name: str = "OLD"
    new_name: str = "NEW"

    @property
    def differences(self) -> tuple[Change, ...]:
        """The changes a reader must see (everything but ``unchanged``)."""
        return tuple(c for c in self.changes if c.kind != "unchanged")

    @property
    def same(self) -> bool:
        """True when the two versions do not differ (numbering aside if ignored)."""
        return not self.differences

    @property
    def summary(self) -> dict[str, int]:
        """How many provisions are in each kind of change (``{"changed": 3, ...}``)."""
        count = Counter(c.kind for c in self.changes)
        return {k: count.get(k, 0) for k in SUMMARY_KINDS}

    def summary_line(self) -> str:
        """``3 changed, 1 inserted, 1 deleted, 1 moved, 2 renumbered``, or ``no differences``."""
        if self.same:
            return "no differences"
        s = self.summary
        kinds = [k for k in SUMMARY_KINDS if not (k == "renumbered" and self.ignore_numbering)]
        return ", ".join(f"{s[k]} {k}" for k in kinds)

    def head_json(self) -> dict[str, Any]:
        """The JSON of the result without its changes (which come last in ``to_json``)."""
        return {
            "old": self.old_name,
            "new": self.new_name,
            "same": self.same,
            "ignoreNumbering": self.ignore_numbering,
            "summary": self.summary,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.head_json(), "changes": [c.to_json() for c in self.differences]}
