"""The shape of a document as data: which AKN elements it is built of, and what each
level is called in drafting.

A resolution is one shape (citations, recitals, paragraphs, sub-paragraphs); rules of
procedure, bylaws, statutes and bills are another, built of the AKN 3.0 hierarchy
(part, chapter, article, rule, section, subsection, paragraph ...).  Every stage that
must know a level's name, whether it carries a heading, what its eId is made of, or
whether a citation names it ("section 15(2)(a)" names no Part), asks here, so that a
new kind of document is a new table row, not a change in four layers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Level:
    """One AKN hierarchy element as drafting knows it."""

    #: The AKN element name (``section``).
    element: str
    #: What a drafter calls one of them ("section", "sub-paragraph").
    noun: str
    #: The eId prefix the OASIS naming convention gives it (``sec``).
    prefix: str
    #: A grouping level (Part, Chapter): it carries a heading and collects provisions,
    #: and a citation of what it holds leaves it out ("section 15", not "Part 2,
    #: section 15"), because the provisions are numbered through the groups.
    group: bool = False
    #: It carries a heading as a rule ("Rule 5 – Quorum", "ARTICLE I — NAME").
    heading: bool = False
    #: How the number is printed before the label's value, if by a word ("Article").
    word: str = ""
    #: The level its subdivisions usually are (a rule's paragraphs, a section's
    #: subsections), for a new one where the text has none to follow; '' for none.
    below: str = ""


def _levels(*levels: Level) -> Mapping[str, Level]:
    return MappingProxyType({lv.element: lv for lv in levels})


#: Every hierarchy element drafting reads and writes, outermost first.
LEVELS: Mapping[str, Level] = _levels(
    Level("book", "book", "book", group=True, heading=True, word="Book"),
    Level("part", "part", "part", group=True, heading=True, word="Part"),
    Level("title", "title", "title", group=True, heading=True, word="Title"),
    Level("chapter", "chapter", "chp", group=True, heading=True, word="Chapter"),
    Level("subchapter", "sub-chapter", "subchp", group=True, heading=True),
    Level("division", "division", "dvs", group=True, heading=True, word="Division"),
    Level("article", "article", "art", heading=True, word="Article", below="paragraph"),
    Level("rule", "rule", "rule", heading=True, word="Rule", below="paragraph"),
    Level("regulation", "regulation", "reg", heading=True, word="Regulation", below="paragraph"),
    Level("section", "section", "sec", heading=True, word="Section", below="subsection"),
    Level("subsection", "subsection", "subsec", below="paragraph"),
    Level("paragraph", "paragraph", "para", below="subparagraph"),
    Level("subparagraph", "sub-paragraph", "subpara", below="clause"),
    Level("clause", "clause", "cl", below="subclause"),
    Level("subclause", "sub-clause", "subcl"),
    Level("point", "point", "point"),
    Level("item", "item", "item"),
    Level("level", "level", "lvl"),
)
#: The element names of :data:`LEVELS`.
HIERARCHY: frozenset[str] = frozenset(LEVELS)
#: A schedule (annex) of a bill: an ``hcontainer`` of this name, numbered "SCHEDULE 1".
SCHEDULE = "schedule"
#: An unnumbered heading among provisions (an ``hcontainer`` of this name).
CROSSHEADING = "crossheading"
#: A Northern Ireland bill's group of Parts ("The First Group of Parts"): an
#: ``hcontainer`` of this name, its title as its number, as the National Archives'
#: parser writes it, holding Parts.
GROUP_OF_PARTS = "groupOfParts"
#: The ``hcontainer`` names that head what follows them, as a Part does.
HEADED_CONTAINERS = frozenset({SCHEDULE, GROUP_OF_PARTS})


@dataclass(frozen=True)
class Structure:
    """A kind of document: its AKN document type and where its provisions stand."""

    #: ``resolution``, ``act``, ``bill``, ``rules`` ...: what the CLI and reports say.
    name: str
    #: The AKN document element (``statement``, ``act``, ``bill``, ``doc``).
    doc_type: str
    #: The element holding the provisions (``mainBody`` or ``body``).
    body: str
    #: Its ``@name`` attribute, as AKN asks of every document type.
    doc_name: str
    #: True for the AKN hierarchy (``part``, ``section`` ...); False for the
    #: resolution's citations, recitals, paragraphs and points.
    hierarchical: bool


RESOLUTION = Structure("resolution", "statement", "mainBody", "resolution", hierarchical=False)
ACT = Structure("act", "act", "body", "act", hierarchical=True)
BILL = Structure("bill", "bill", "body", "bill", hierarchical=True)
#: Rules of procedure, bylaws, constitutions of bodies that are not legislatures: AKN
#: has no act for them, so a ``doc`` whose main body holds the hierarchy.
RULES = Structure("rules", "doc", "mainBody", "rules", hierarchical=True)

STRUCTURES: Mapping[str, Structure] = MappingProxyType(
    {s.name: s for s in (RESOLUTION, ACT, BILL, RULES)}
)
#: The document element each structure is written as, for reading a file back.
BY_DOC_TYPE: Mapping[str, Structure] = MappingProxyType(
    {s.doc_type: s for s in (RESOLUTION, ACT, BILL, RULES)}
)


def level(element: str) -> Level | None:
    """The hierarchy level written as ``element``; None for anything else."""
    return LEVELS.get(element)


def noun(element: str, name: str | None = None) -> str:
    """What a drafter calls a provision written as ``element`` (``hcontainer`` ``name``)."""
    found = LEVELS.get(element)
    if found is not None:
        return found.noun
    if element == "hcontainer":
        return {SCHEDULE: "schedule", CROSSHEADING: "cross-heading"}.get(name or "", "text")
    return {"recital": "preambular paragraph", "citation": "citation"}.get(element, element)


#: A label printed with its word ("Rule 4", "ARTICLE I", "Section 1.01", "§ 3").
_WORDED = re.compile(r"^[^\W\d_]|^§")


def set_as_heading(element: str, name: str | None, num: str | None) -> bool:
    """True for a provision printed as a heading line of its own, as every export sets
    it: a group (Part, Chapter), a schedule or a group of Parts, or a unit whose
    number is printed with its word ("Rule 4 – Election of the President"); a UK
    section "1." is a numbered paragraph under its heading instead."""
    if element == "hcontainer":
        return name in HEADED_CONTAINERS
    level = LEVELS.get(element)
    if level is None:
        return False
    return level.group or (level.heading and bool(num) and bool(_WORDED.match(num or "")))
