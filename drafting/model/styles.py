"""House styles: how each assembly numbers and words its resolutions.

A house style decides the labels ("13.", "a.", "(iv)", "B."), whether preambular
paragraphs are numbered, whether the operative numbering continues the preambular
sequence, and how lead phrases are set.  Renumbering and the profile schema both
read these rules, so a document is always numbered the way its assembly prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from drafting.errors import DraftingError

# The label functions live at the bottom of the package, where the profile check in
# drafting.akn can use them too; re-exported here for the model and its callers.
from drafting.labels import GROUP_WORDS, SCHEDULE_WORDS, UNIT_WORDS, word_forms
from drafting.labels import from_alpha as from_alpha
from drafting.labels import from_letters as from_letters
from drafting.labels import from_roman as from_roman
from drafting.labels import to_alpha as to_alpha
from drafting.labels import to_letters as to_letters
from drafting.labels import to_roman as to_roman

#: ``lower-alpha``/``upper-alpha`` follow Word (… z, aa, bb, cc); ``upper-letters``
#: follows the European Parliament's recitals and spreadsheet columns (… Z, AA, AB, AC).
Format = Literal[
    "decimal", "lower-alpha", "upper-alpha", "upper-letters", "lower-roman", "upper-roman"
]


def format_number(n: int, fmt: Format) -> str:
    """Render ``n`` in a numbering format."""
    if fmt == "decimal":
        return str(n)
    if fmt == "lower-alpha":
        return to_alpha(n)
    if fmt == "upper-alpha":
        return to_alpha(n).upper()
    if fmt == "upper-letters":
        return to_letters(n)
    if fmt == "lower-roman":
        return to_roman(n)
    return to_roman(n).upper()


@dataclass(frozen=True)
class Level:
    """How one level of provisions is labelled: format and punctuation, e.g. ``({})``.

    A pattern may name the number of the provision above (``{parent}.{}``: PACE's
    sub-paragraph 15.1 of paragraph 15).
    """

    fmt: Format
    pattern: str  # "{}." or "({})" or "{parent}.{}"

    @property
    def uses_parent(self) -> bool:
        """True when a label depends on the number of the provision above."""
        return "{parent}" in self.pattern

    def label(self, n: int, *, parent: str | None = None) -> str:
        """The displayed number of the ``n``-th provision at this level (``parent``: the
        bare number of the provision above, for patterns that show it)."""
        value = format_number(n, self.fmt)
        if self.uses_parent:
            return self.pattern.replace("{parent}", parent or "").replace("{}", value)
        return self.pattern.format(value)


@dataclass(frozen=True)
class HouseStyle:
    """The numbering and wording rules of one assembly."""

    name: str
    description: str
    formula: str
    #: Label of preambular paragraphs (recitals); None: they are unnumbered.
    recital_level: Level | None
    #: Operative numbering continues after the last numbered recital (NATO PA).
    shared_sequence: bool
    paragraph_level: Level
    #: Sub-paragraphs, sub-sub-paragraphs, and deeper.
    point_levels: tuple[Level, ...]
    #: Each preambular and operative paragraph must open with a lead phrase.
    lead_phrase_required: bool
    #: Inline element setting lead phrases: ``b`` (bold) or ``i`` (italic).
    phrase_emphasis: Literal["b", "i"]
    #: Preamble has unnumbered citations ("having regard to ...").
    has_citations: bool
    country: str
    actor: str
    body: str
    #: Renumbering keeps the label forms the document shows (a document in no house
    #: style), rather than the style's own.
    numbered_as_shown: bool = False
    #: Where the Word export prints the document's reference beside the page numbers
    #: (``header``, ``footer``, or nowhere), and its form: ``{number}`` stands for the
    #: resolution's number (``A/RES/{number}`` gives the UN symbol ``A/RES/78/1``).
    reference_in: Literal["", "header", "footer"] = ""
    reference: str = "Resolution {number}"

    def running_reference(self, number: str) -> str:
        """The reference the header or footer shows; '' where the style shows none."""
        if not self.reference_in or not number:
            return ""
        return self.reference.format(number=number)

    def point_level(self, depth: int) -> Level:
        """The labelling of sub-paragraphs at ``depth`` (1 = sub-paragraph)."""
        return self.point_levels[min(depth, len(self.point_levels)) - 1]


NATO_PA = HouseStyle(
    name="nato-pa",
    description="NATO Parliamentary Assembly: one sequence 1., 2., ... across preambular and"
    " operative paragraphs; sub-paragraphs a., b.; bold lead phrases",
    formula="The Assembly,",
    recital_level=Level("decimal", "{}."),
    shared_sequence=True,
    paragraph_level=Level("decimal", "{}."),
    point_levels=(
        Level("lower-alpha", "{}."),
        Level("lower-roman", "{}."),
        Level("decimal", "({})"),
    ),
    lead_phrase_required=True,
    phrase_emphasis="b",
    has_citations=False,
    country="nato",
    actor="nato-pa",
    body="NATO Parliamentary Assembly",
)

UN_GA = HouseStyle(
    name="un-ga",
    description="UN General Assembly: preambular paragraphs unnumbered; operative 1., 2.;"
    " sub-paragraphs (a), then (i); italic lead phrases",
    formula="The General Assembly,",
    recital_level=None,
    shared_sequence=False,
    paragraph_level=Level("decimal", "{}."),
    point_levels=(
        Level("lower-alpha", "({})"),
        Level("lower-roman", "({})"),
        Level("lower-alpha", "{}."),
    ),
    lead_phrase_required=True,
    phrase_emphasis="i",
    has_citations=False,
    country="un",
    actor="ga",
    body="United Nations General Assembly",
    # The document symbol heads every page of a UN resolution.
    reference_in="header",
    reference="A/RES/{number}",
)

EP = HouseStyle(
    name="ep",
    description="European Parliament: unnumbered citations, recitals A., B., ... Z., AA., AB.;"
    " numbered"
    " paragraphs 1., 2.; points (a), then (i)",
    formula="The European Parliament,",
    recital_level=Level("upper-letters", "{}."),
    shared_sequence=False,
    paragraph_level=Level("decimal", "{}."),
    point_levels=(
        Level("lower-alpha", "({})"),
        Level("lower-roman", "({})"),
        Level("decimal", "{}."),
    ),
    lead_phrase_required=False,
    phrase_emphasis="b",
    has_citations=True,
    country="eu",
    actor="ep",
    body="European Parliament",
)

PACE = HouseStyle(
    name="pace",
    description="Parliamentary Assembly of the Council of Europe: paragraphs 1., 2., ...;"
    " sub-paragraphs 15.1, 15.2 under paragraph 15; no lead phrases; a report carries a"
    " draft resolution and a draft recommendation, each its own text",
    formula="",
    recital_level=None,
    shared_sequence=False,
    paragraph_level=Level("decimal", "{}."),
    point_levels=(
        Level("decimal", "{parent}.{}"),
        Level("decimal", "{parent}.{}"),
    ),
    lead_phrase_required=False,
    phrase_emphasis="b",
    has_citations=False,
    country="coe",
    actor="pace",
    body="Parliamentary Assembly of the Council of Europe",
)

PLAIN = HouseStyle(
    name="plain",
    description="No assembly's style: numbers, lead phrases and structure as the document"
    " shows them; renumbering keeps the document's own label forms",
    formula="",
    recital_level=Level("decimal", "{}."),
    shared_sequence=False,
    paragraph_level=Level("decimal", "{}."),
    point_levels=(
        Level("lower-alpha", "({})"),
        Level("lower-roman", "({})"),
        Level("decimal", "{}."),
    ),
    lead_phrase_required=False,
    phrase_emphasis="b",
    has_citations=False,
    country="int",
    actor="assembly",
    body="Assembly",
    numbered_as_shown=True,
)

STYLES: dict[str, HouseStyle] = {s.name: s for s in (NATO_PA, UN_GA, EP, PACE, PLAIN)}


class UnknownStyleError(DraftingError):
    """A house style name that drafting does not know."""


def get_style(name: str) -> HouseStyle:
    """The house style called ``name`` (``nato-pa``, ``un-ga``, ``ep``, ``pace``, ``plain``).

    Raises:
        UnknownStyleError: no such style.
    """
    try:
        return STYLES[name]
    except KeyError:
        raise UnknownStyleError(
            f"unknown house style {name!r}",
            hint="use one of " + ", ".join(sorted(STYLES)),
        ) from None


_LABEL = re.compile(r"^\(?([0-9]+|[A-Za-z]+)[.)]?$")


#: The word a clause-structured text prints before a number ("Article 35", "RULE 5").
_LEVEL_WORD = re.compile(
    rf"^(?:{word_forms([*UNIT_WORDS, *GROUP_WORDS, *SCHEDULE_WORDS, 'paragraph'], lower=True)}"
    r"|para\.)\s*",
    re.IGNORECASE,
)


def label_value(label: str) -> str:
    """The bare number of a displayed label: ``"13."`` -> ``"13"``, ``"(iv)"`` -> ``"iv"``,
    ``"Article 35"`` -> ``"35"``, ``"1.—"`` -> ``"1"``."""
    label = label.strip()
    m = _LABEL.match(label)
    if m:
        return m.group(1)
    bare = _LEVEL_WORD.sub("", label).strip(" ().:—–-\u2060")
    return bare or label.strip("().")
