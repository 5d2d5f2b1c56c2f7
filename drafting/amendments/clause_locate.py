"""Finding the provision a clause-text location names: ``Article 35, paragraph 1``.

A tabler names as many levels as make the place certain, from any level down:
"Section 5.01" alone when sections are numbered through the articles, "Article II,
Section 1" when every article restarts at 1, "paragraph 1 of Article 35".  So each
named step is looked for among everything inside the step before it (a section is
found through its Part and Chapter), a bracketed step among the children of the one
before ("(2)" of section 15), and a step that matches more than one provision is
refused with the places it could mean: a wrong guess would amend the wrong rule.

Provisions inside a quoted structure (the words a bill inserts into another Act)
are not the draft's own and are never found by number.  Numbers match as printed
("II", "5.01", "13A"), case aside; a Roman number also matches its Arabic value, as
"Article 2" names the article printed "ARTICLE II".
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.amendments.errors import AmendmentTargetError
from drafting.amendments.model import Location, Step, provision_location
from drafting.labels import from_roman
from drafting.model.clause_style import numbered_provisions
from drafting.model.document import Document
from drafting.model.provision import Provision
from drafting.model.structure import HIERARCHY, LEVELS, SCHEDULE, noun
from drafting.model.styles import label_value

_HCONTAINER = q("hcontainer")
_TAGS = frozenset(q(name) for name in HIERARCHY)
#: What a tabler may call a level the text names otherwise.
_SAME = {"clause": "section"}


def _level_of(el: AknElement) -> str | None:
    if el.tag in _TAGS:
        return el.local
    if el.tag == _HCONTAINER and el.get("name") == SCHEDULE:
        return SCHEDULE
    return None


def _keys(label: str) -> tuple[str, ...]:
    """The forms a label is found by: as printed, and as a number when it is one."""
    low = label.strip("(). ").lower()
    if low.isdigit():
        return (low, f"#{int(low)}")
    # A single letter is a Roman number only as i, v or x: "(c)" is a letter.
    roman = from_roman(low.upper()) if low.isalpha() and (len(low) > 1 or low in "ivx") else None
    return (low, f"#{roman}") if roman is not None else (low,)


class ClauseIndex:
    """Every numbered provision of a clause text by (level, label), built once."""

    def __init__(self, doc: Document) -> None:
        self.by_key: dict[tuple[str, str], list[Provision]] = {}
        #: Provisions inside a schedule: "section 2" of a bill is the body's, and a
        #: schedule's paragraphs are cited through it ("Schedule 1, paragraph 3").
        self.scheduled: set[AknElement] = set()
        body = doc.clauses
        if body is None:
            return
        for el, scheduled in numbered_provisions(body):
            level = _level_of(el)
            prov = Provision(el)
            num = prov.num
            if level is None or not num:
                continue
            if scheduled:
                self.scheduled.add(el)
            for key in _keys(label_value(num)):
                self.by_key.setdefault((level, key), []).append(prov)

    def find(self, level: str, label: str) -> list[Provision]:
        """The provisions of ``level`` labelled ``label``: as printed, else by value."""
        keys = _keys(label)
        found = self.by_key.get((level, keys[0]), [])
        if not found and len(keys) > 1:
            found = self.by_key.get((level, keys[1]), [])
        if not found and level in _SAME:
            # A bill's clauses become an Act's sections: "Clause 3" of a bill whose
            # provisions the text (as the National Archives' parser) calls sections.
            return self.find(_SAME[level], label)
        return found


def _inside(p: Provision, scope: Provision) -> bool:
    node = p.element.getparent()
    while node is not None:
        if node is scope.element:
            return True
        node = node.getparent()
    return False


def paragraph_path(loc: Location) -> tuple[Step, ...]:
    """A resolution-style place (``paragraph 13(b)``) as a path in a clause text."""
    parts = loc.parts
    return (("paragraph", parts[0]), *(("", part) for part in parts[1:]))


def _found(current: Provision | None, step: Step, index: ClauseIndex) -> list[Provision]:
    """What one step names below ``current`` (the whole text when None)."""
    level, label = step
    keys = _keys(label)
    if level:
        found = [p for p in index.find(level, label) if current is None or _inside(p, current)]
        if current is None and len(found) > 1:
            # Named from the top: the body's own, unless only schedules have one.
            own = [p for p in found if p.element not in index.scheduled]
            found = own or found
        if found or current is None:
            return found
        # The tabler's noun for a subdivision the text calls otherwise ("paragraph 2"
        # of an article whose subdivisions are points): its children by label.
    options = current.children if current is not None else []
    found = [c for c in options if c.number and _keys(c.number)[0] in keys]
    if not found and label.isdigit():
        # "Article III, Section 7" of sections printed "3.07": by its own last part.
        found = [
            c for c in options if c.number and "." in c.number and _last(c.number) == int(label)
        ]
    return found


def _last(number: str) -> int | None:
    tail = number.rpartition(".")[2]
    return int(tail) if tail.isdigit() else None


def _dotted(path: Sequence[Step]) -> tuple[Step, ...] | None:
    """ "Rule 5.2" read as Rule 5, paragraph 2, when no rule is numbered 5.2."""
    level, label = path[0]
    head, dot, tail = label.rpartition(".")
    if not dot or not head or not tail.isdigit():
        return None
    return ((level, head), ("", tail), *path[1:])


def locate_clause(path: Sequence[Step], index: ClauseIndex) -> Provision:
    """The provision ``path`` names in the clause text ``index`` was made of.

    Raises:
        AmendmentTargetError: nothing, or more than one provision, has that place; the
            message says what the draft has there.
    """
    current: Provision | None = None
    if path and not _found(None, path[0], index):
        split = _dotted(path)
        if split is not None and _found(None, split[0], index):
            path = split
    for depth, step in enumerate(path):
        found = _found(current, step, index)
        shown = provision_location(tuple(path[: depth + 1]))
        if not found:
            raise AmendmentTargetError(
                f"{shown.phrase()} does not exist; {_have(current, step[0], index)}",
                hint="check the number against the draft as tabled",
            )
        if len(found) > 1:
            cited = [_short(p, index) for p in found[:4]]
            places = "; ".join(cited) + ("; ..." if len(found) > 4 else "")
            raise AmendmentTargetError(
                f"{shown.phrase()} could be any of {len(found)} provisions ({places})",
                hint=f"name the level above it too, e.g. {cited[0]}",
            )
        current = found[0]
    assert current is not None
    return current


def cite(p: Provision, index: ClauseIndex) -> Location | None:
    """The shortest place that names ``p`` for certain, as a tabler would write it:
    "Rule 5, paragraph 1"; "Section 5.01" where sections are numbered through the
    articles, "Article II, Section 1" where they restart; "Section 15(2)(a)" where the
    text prints its subdivisions in brackets.  None when ``p`` or a provision above it
    has no number."""
    steps = _steps(p)
    if steps is None or not steps or not steps[0][0]:
        return None
    for start in range(len(steps) - 1, -1, -1):
        if not steps[start][0]:
            continue  # "(2)" alone names nothing: it follows the step it belongs to
        path = tuple(steps[start:])
        current: Provision | None = None
        for step in path:
            found = _found(current, step, index)
            current = found[0] if len(found) == 1 else None
            if current is None:
                break
        if current == p:
            return provision_location(path)
    return provision_location(tuple(steps))


def _steps(p: Provision) -> list[Step] | None:
    """Every numbered level from the top down to ``p``, a label printed in brackets as
    a bracketed step; None when one of them has no number."""
    steps: list[Step] = []
    node: Provision | None = p
    while node is not None:
        level = _level_of(node.element)
        if level is not None:
            number = node.number
            if number is None:
                return None
            bracketed = (node.num or "").startswith("(") and node.parent is not None
            steps.append(("" if bracketed else level, number))
        node = node.parent
    steps.reverse()
    return steps


def _short(p: Provision, index: ClauseIndex) -> str:
    """``p`` as a tabler would name it for certain: "Rule 1, paragraph 1"."""
    cited = cite(p, index)
    return str(cited) if cited is not None else _cited(p)


def _cited(p: Provision) -> str:
    """How a drafter cites ``p`` in full: its levels from the outermost."""
    steps = _steps(p)
    return provision_location(tuple(steps)).ref if steps and steps[0][0] else "it"


def _have(current: Provision | None, level: str, index: ClauseIndex) -> str:
    """What the draft has where the tabler looked: the labels of that level."""
    if current is not None:
        labels = [c.number for c in current.children if c.number]
        where = _short(current, index)
        if not labels:
            return f"{where} has no numbered subdivisions"
        return f"{where} has {_nouns(current.children[0])} {_span(labels)}"
    everywhere = sorted(
        {p.number or "" for (lv, _), ps in index.by_key.items() if lv == level for p in ps},
        key=_order,
    )
    name = LEVELS[level].noun if level in LEVELS else level
    if not everywhere:
        return f"the draft has no {name}s"
    return f"the draft has {name}s {_span(everywhere)}"


def _nouns(p: Provision) -> str:
    return noun(p.element.local, p.name) + "s"


def _span(labels: Sequence[str]) -> str:
    return f"{labels[0]} to {labels[-1]}" if len(labels) > 1 else labels[0]


def _order(label: str) -> tuple[int, str]:
    head = "".join(ch for ch in label if ch.isdigit())
    return (int(head) if head else 0, label)
