"""The house style of a clause-structured text, read off the text itself, as data.

Rules of procedure print "Rule 5" and "1.", bylaws "ARTICLE I" and "Section 1.01",
a UK bill "1." and "(1)", "(a)", "(i)".  Nothing here imposes a style: it is the form
each level's labels take in the draft (``Rule {}`` in decimal, ``({})`` in lower-case
letters), which the import reports and which ``drafting validate`` holds each label
to, with the sequence of the labels of a level (1., 2., 3.; the drafters' inserted
13A between 13 and 14).  A statute's numbers are cited from outside, so a fault is
reported for the secretary to look at, never corrected.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.labels import from_alpha, from_letters, from_roman
from drafting.model.structure import GROUP_OF_PARTS, LEVELS, SCHEDULE, noun

_HCONTAINER, _QUOTED, _NUM = q("hcontainer"), q("quotedStructure"), q("num")
_TAGS = tuple(q(name) for name in LEVELS)
_TAG_SET = frozenset(_TAGS)
_GROUPS = frozenset(q(name) for name, lv in LEVELS.items() if lv.group)
#: A label: what stands before its value, the value, what follows ("Rule 13A",
#: "(ba)", "1.01.", "1.—").
_LABEL = re.compile(
    r"^(?P<head>.*?)(?P<value>(?:[A-Z]{1,3})?[0-9]+(?:\.[0-9]+)*[A-Z]{0,4}|[A-Za-z]+)(?P<tail>\W*)$"
)


@dataclass(frozen=True)
class LevelStyle:
    """How one level's labels are printed: ``Rule {}``, ``({})``, ``{}.``."""

    element: str
    #: The label with ``{}`` where the value stands.
    form: str
    #: The level as a schedule prints it: a bill's schedule numbers its paragraphs
    #: "1." and their sub-paragraphs "(1)", where its body has "(a)" and "(i)".
    in_schedule: bool = False
    #: ``decimal``, ``lower-alpha``, ``upper-alpha``, ``lower-roman``, ``upper-roman``.
    numbering: str = "decimal"
    #: How many provisions of the level the text has.
    count: int = 0

    def example(self) -> str:
        """The form with a first value: ``Rule 1``, ``(a)``, ``ARTICLE I``."""
        first = {"lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I"}
        return self.form.format(first.get(self.numbering, "1"))


@dataclass(frozen=True)
class ClauseStyle:
    """The levels of a clause text, outermost first, each with its label form."""

    levels: tuple[LevelStyle, ...]

    def describe(self) -> str:
        """``chapter "CHAPTER I" (4), rule "Rule 1" (11), paragraph "1." (18)``."""
        return ", ".join(
            f'{"schedule " if lv.in_schedule else ""}{noun(lv.element)} "{lv.example()}"'
            f" ({lv.count})"
            for lv in self.levels
        )

    def of(self, element: str, in_schedule: bool = False) -> LevelStyle | None:
        """The style of ``element`` (in a schedule when ``in_schedule``)."""
        for lv in self.levels:
            if lv.element == element and lv.in_schedule == in_schedule:
                return lv
        return None


@functools.lru_cache(maxsize=4096)
def _split(label: str) -> tuple[str, str, str] | None:
    """(what precedes the value, the value, what follows); None for a label that is a
    word without a number ("SCHEDULE").  Cached: a text repeats "(a)" and "1." by the
    hundred."""
    m = _LABEL.match(label.strip())
    if m is None:
        return None
    value = m.group("value")
    if value.isalpha() and len(value) > 2 and numbering_of(value).endswith("alpha"):
        return None
    return (m.group("head"), value, m.group("tail"))


@functools.lru_cache(maxsize=4096)
def numbering_of(value: str) -> str:
    """The numbering a label's value is written in; a lone i, v or x is roman."""
    if any(ch.isdigit() for ch in value):
        return "decimal"  # "13A", and the UK's inserted "AZ1"
    case = "lower" if value.islower() else "upper"
    if from_roman(value.upper()) is not None and (len(value) > 1 or value.lower() in "ivx"):
        return f"{case}-roman"
    return f"{case}-alpha"


def numbered_provisions(body: AknElement) -> Iterator[tuple[AknElement, bool]]:
    """The numbered provisions of ``body`` outside quoted structures (the words a
    bill inserts into another Act are not the text's own), each with whether it
    stands in a schedule; in document order, walked down from the body once."""

    def walk(node: AknElement, scheduled: bool) -> Iterator[tuple[AknElement, bool]]:
        for child, schedule in _subdivisions(node):
            if child.find(_NUM) is not None:
                yield child, scheduled
            yield from walk(child, scheduled or schedule)

    return walk(body, False)


def _subdivisions(node: AknElement) -> Iterator[tuple[AknElement, bool]]:
    """The hierarchy elements and schedules directly in ``node`` (a quoted structure
    stands in words, so it is not among them), each with whether it is a schedule.
    A group of Parts is seen through: its Parts are numbered on through the groups."""
    for child in node:  # one look at each child: iterchildren(*tags) costs more
        tag = child.tag
        if tag in _TAG_SET:
            yield child, False
        elif tag == _HCONTAINER:
            name = child.get("name")
            if name == SCHEDULE:
                yield child, True
            elif name == GROUP_OF_PARTS:
                yield from _subdivisions(child)


def detect(body: AknElement | None) -> ClauseStyle:
    """The label form of each level of the clause text whose hierarchy ``body`` holds:
    the commonest form among the level's labels (a schedule's levels apart)."""
    if body is None:
        return ClauseStyle(())
    forms: dict[tuple[str, bool], Counter[tuple[str, str]]] = {}
    for el, scheduled in numbered_provisions(body):
        element = SCHEDULE if el.tag == _HCONTAINER else el.local
        parts = _split(el.findtext(_NUM) or "")
        if parts is None:
            continue
        head, value, tail = parts
        forms.setdefault((element, scheduled), Counter())[
            (f"{head}{{}}{tail}", numbering_of(value))
        ] += 1
    rank = {name: i for i, name in enumerate([SCHEDULE, *LEVELS])}
    levels = []
    for element, scheduled in sorted(forms, key=lambda k: (k[1], rank.get(k[0], 99))):
        counts = forms[(element, scheduled)]
        (form, numbering), _ = counts.most_common(1)[0]
        levels.append(LevelStyle(element, form, scheduled, numbering, sum(counts.values())))
    return ClauseStyle(tuple(levels))


def _value(value: str, numbering: str) -> tuple[int, str] | None:
    """A value as (number, inserted suffix): "13A" -> (13, "A"), "iv" -> (4, ""), "ba"
    (the UK's b inserted after b) -> (2, "a"), "1.01" -> (1, "") by its last part."""
    value = value.rpartition(".")[2]
    if numbering == "decimal":
        m = re.match(r"^([0-9]+)([A-Z]*)$", value)
        if m is None:
            return None
        # The UK inserts before a letter with Z: 2ZZA, 2ZA, 2A, 2B run in that order.
        suffix = re.sub(r"Z(?=[A-Z])", "0", m.group(2))
        return (int(m.group(1)), suffix)
    if numbering.endswith("roman"):
        n = from_roman(value.upper())
        return (n, "") if n is not None else None
    n = from_alpha(value[:1].lower())
    if n is None:
        return None
    if len(value) == 1:
        return (n, "")
    whole = from_letters(value.upper()) if value.isupper() else None
    return (whole, "") if whole is not None and value[0] == value[1] else (n, value[1:])


def sequence_faults(
    body: AknElement | None, style: ClauseStyle | None = None
) -> list[tuple[AknElement, str]]:
    """Each label that breaks its level's form or sequence, with what is wrong:
    ``rule "Rule 7" follows "Rule 5": a number is missing``, ``paragraph "2)" is not
    printed as its level is ("1.")``.  Sections run on through Parts and Chapters;
    a Chapter's number, and a schedule's paragraphs, start again in each."""
    style = style if style is not None else detect(body)
    out: list[tuple[AknElement, str]] = []
    if body is None:
        return out

    def check(
        el: AknElement, sequence: dict[str, tuple[tuple[int, str], str]], scheduled: bool
    ) -> None:
        shown = (el.findtext(_NUM) or "").strip()
        parts = _split(shown)
        element = SCHEDULE if el.tag == _HCONTAINER else el.local
        level = style.of(element, scheduled)
        if parts is None or level is None:
            return
        head, value, tail = parts
        name = noun(element)
        numbering = numbering_of(value)
        if level.numbering == "lower-alpha" and numbering == "lower-roman":
            numbering = "lower-alpha"  # "(i)" among letters is the letter i
        if f"{head}{{}}{tail}" != level.form or numbering != level.numbering:
            out.append(
                (el, f'{name} "{shown}" is not printed as its level is: "{level.example()}"')
            )
            return
        here = _value(value, numbering)
        if here is None:
            return
        before = sequence.get(element)
        sequence[element] = (here, shown)
        if before is None:
            return
        (n, suffix), prev = before
        if here == (n + 1, "") or (here[0] == n and here[1] > suffix):
            return
        if here == (n, suffix):
            out.append((el, f'{name} "{shown}" is numbered as the one before it'))
        elif here < (n, suffix):
            out.append((el, f'{name} "{shown}" comes after "{prev}"'))
        else:
            out.append((el, f'{name} "{shown}" follows "{prev}": a number is missing'))

    def walk(
        node: AknElement, through: dict[str, tuple[tuple[int, str], str]], scheduled: bool
    ) -> None:
        groups: dict[str, tuple[tuple[int, str], str]] = {}
        for child, schedule in _subdivisions(node):
            numbered = child.find(_NUM) is not None
            if child.tag in _GROUPS:
                if numbered:
                    check(child, groups, scheduled)
                walk(child, through, scheduled)  # what it holds is numbered on through it
            else:
                if numbered:
                    check(child, through, scheduled)
                walk(child, {}, scheduled or schedule)

    walk(body, {}, False)
    return out
