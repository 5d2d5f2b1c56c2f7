"""Amendments as data: where they apply and what they do, as frozen records.

An amendment is what a delegation tables: a number, who tabled it, a location in
the draft *as tabled* and one or more operations ("Leave out ... and insert ...").
Nothing here knows a document: :mod:`resolve` checks these records against a
draft, :mod:`apply` carries them out, :mod:`writer` and :mod:`parser` turn them
into words and back.  Source positions (file, line) do not take part in
equality, so an amendment read back from what :mod:`writer` wrote compares equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: How the draft is addressed: NATO PA ``Paragraph 13(b)``; UN ``Operative
#: paragraph 5(c)``, ``Preambular paragraph 3``; EP ``Citation 2``, ``Recital B``; the UK
#: by the page and line of the printed draft, ``Page 2, line 10`` (kind ``line``);
#: rules, bylaws, statutes and bills by their hierarchy, ``Article 35, paragraph 1``,
#: ``section 15(2)(a)`` (kind ``provision``).
LocationKind = Literal[
    "title", "paragraph", "operative", "preambular", "citation", "recital", "line", "provision"
]
#: One step of a clause text's location: the level a drafter names (an element of
#: :data:`drafting.model.structure.LEVELS`: ``article``, ``paragraph``; ``schedule``)
#: and the label, as the amendment prints it (``35``, ``II``, ``5.01``).  The level is
#: ``""`` for a label in brackets after another ("(2)" of ``section 15(2)``): the
#: subdivision of whatever kind the text has there.
Step = tuple[str, str]
Status = Literal["tabled", "adopted", "rejected", "withdrawn", "oral"]
STATUSES: tuple[Status, ...] = ("tabled", "adopted", "rejected", "withdrawn", "oral")
#: The words a votes file or a Status field may use for an outcome.
VOTE_WORDS: dict[str, Status] = {
    "adopted": "adopted",
    "carried": "adopted",
    "rejected": "rejected",
    "lost": "rejected",
    "withdrawn": "withdrawn",
}
Outcome = Literal["applied", "rejected", "withdrawn", "fell", "not voted"]

_KIND_WORDS: dict[LocationKind, str] = {
    "title": "Title",
    "paragraph": "Paragraph",
    "operative": "Operative paragraph",
    "preambular": "Preambular paragraph",
    "citation": "Citation",
    "recital": "Recital",
}


@dataclass(frozen=True)
class Lines:
    """Lines of the draft as ``drafting export --line-numbers`` prints it
    (:mod:`drafting.text.printed`): ``Page 2, line 10``; with ``last``, the lines
    ``first`` to ``last`` of that page, as ``Leave out lines 28 to 31`` names them
    (``last`` equal to ``first`` for ``Leave out line 28``)."""

    page: int
    first: int
    last: int | None = None

    def __str__(self) -> str:
        if self.last is None or self.last == self.first:
            return f"Page {self.page}, line {self.first}"
        return f"Page {self.page}, lines {self.first} to {self.last}"

    @property
    def named(self) -> str:
        """The lines as ``Leave out ...`` names them: ``line 28``, ``lines 28 to 31``."""
        if self.last is None or self.last == self.first:
            return f"line {self.first}"
        return f"lines {self.first} to {self.last}"


@dataclass(frozen=True)
class Location:
    """A provision of the draft as tabled, e.g. paragraph ``13(b)(ii)`` or recital ``B``.

    ``ref`` is the reference in the canonical form ``13(b)(ii)``; for ``preambular``
    and ``citation`` it is the 1-based position; ``""`` for the title.  ``new`` is
    the label of an EP-style new provision (``Paragraph 2 a (new)`` has ref ``2``,
    new ``a``); None otherwise.  ``lines``, for kind ``line`` only: the printed lines
    (``Page 2, line 10``) whose provision is meant (:mod:`drafting.amendments.lines`).
    ``path``, for kind ``provision`` only: the steps from the outermost level named
    (``(("article", "35"), ("paragraph", "1"))``); ``ref`` then is the place as printed
    (:func:`provision_location` makes both).
    """

    kind: LocationKind
    ref: str = ""
    new: str | None = None
    lines: Lines | None = None
    path: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        if (self.kind == "line") != (self.lines is not None):
            raise ValueError("a location of kind 'line' and only it gives its lines")
        if (self.kind == "provision") != bool(self.path):
            raise ValueError("a location of kind 'provision' and only it gives its path")

    def __str__(self) -> str:
        if self.lines is not None:
            return str(self.lines)
        if self.path:
            return self.ref
        word = _KIND_WORDS[self.kind]
        if self.kind == "title":
            return word
        text = f"{word} {self.ref}"
        return f"{text} {self.new} (new)" if self.new is not None else text

    def phrase(self) -> str:
        """The location inside a sentence: ``paragraph 13(b)``, ``recital B``; a clause
        text's as cited, ``Rule 5, paragraph 1``, its numbering word a name."""
        s = str(self)
        if self.path:
            return s
        return s[0].lower() + s[1:]

    @property
    def parts(self) -> tuple[str, ...]:
        """The reference split into levels: ``13(b)(ii)`` -> ``("13", "b", "ii")``; a
        clause text's labels from the outermost named (``Article 35, paragraph 1`` ->
        ``("35", "1")``)."""
        if self.path:
            return tuple(label for _, label in self.path)
        head, _, rest = self.ref.partition("(")
        if not rest:
            return (head,) if head else ()
        return (head, *rest.rstrip(")").split(")("))

    @property
    def depth(self) -> int:
        """0 for a top-level provision, 1 for a sub-paragraph, and so on."""
        return max(len(self.parts) - 1, 0)


#: How a location prints each level's name (the rest print the level's own name).
_LEVEL_WORDS = {"subparagraph": "sub-paragraph", "subchapter": "sub-chapter"}
#: Levels cited with a capital wherever they stand ("Article II, Section 15"), as
#: their number is printed with its word; the rest in lower case ("Rule 5, paragraph 8").
_CAPITALISED = frozenset(
    {"book", "part", "title", "chapter", "division", "article", "rule", "regulation"}
    | {"section", "schedule"}
)


def provision_location(path: tuple[Step, ...]) -> Location:
    """The location of a clause text's provision by its steps, printed as drafters
    cite it: ``Article 35, paragraph 1``, ``Article II, Section 15``, ``Section
    15(2)(a)``, ``Rule 5, paragraph 2, sub-paragraph (a)``."""
    out = ""
    for i, (level, label) in enumerate(path):
        if not level:
            out += f"({label})"
            continue
        word = _LEVEL_WORDS.get(level, level)
        if i == 0 or level in _CAPITALISED:
            word = word.capitalize()
        shown = f"({label})" if label.isalpha() and label.islower() else label
        out += f"{', ' if i else ''}{word} {shown}"
    return Location("provision", out, path=path)


@dataclass(frozen=True)
class Quote:
    """Words quoted from the draft; ``occurrence`` (1-based, -1 = last) picks one of several."""

    text: str
    occurrence: int | None = None


@dataclass(frozen=True)
class Sentence:
    """The n-th sentence of a provision's words (1-based, -1 = the last): ``replace the
    second sentence with ...``.  Counted in the draft as tabled, like a quotation."""

    n: int


@dataclass(frozen=True)
class Rest:
    """Every word after ``after`` to the end of the provision: ``delete all words after
    "X"``, ``after "X" replace the existing text by ...``.  The provision's closing
    ``;`` or ``.`` stays unless the new words bring their own."""

    after: Quote


@dataclass(frozen=True)
class ToLineEnd:
    """From the words ``start`` to the end of a printed line: the UK's ``leave out from
    "X" to end of line 9``.  Only an amendment located by page and line has it; ``line``
    names one line (its ``last`` is None)."""

    start: Quote
    line: Lines


#: What a word-level deletion or replacement takes out of the provision.
TextTarget = Quote | Sentence | Rest | ToLineEnd


@dataclass(frozen=True)
class NewProvision:
    """The words of a provision an amendment brings in, with its own sub-paragraphs."""

    markup: str
    points: tuple[NewProvision, ...] = ()
    #: The label a clause text's new provision is given ("Rule 13A", "(3)"), kept as
    #: the amendment prints it; '' to take the next label.  A resolution's new
    #: paragraphs are numbered by renumbering, so it does not take part in equality.
    label: str = field(default="", compare=False)
    #: Its heading ("Rule 13A – Immunity"); '' for none.
    heading: str = ""


@dataclass(frozen=True)
class InsertText:
    """``After "X" insert "Y"``, ``Before ...``, ``At the beginning/end insert "Y"``."""

    where: Literal["after", "before", "beginning", "end"]
    anchor: Quote | None
    new: str


@dataclass(frozen=True)
class DeleteText:
    """``Leave out "X"`` / ``Delete "X"`` / ``Delete the second sentence``."""

    target: TextTarget


@dataclass(frozen=True)
class ReplaceText:
    """``Leave out "X" and insert "Y"`` / ``Replace "X" with "Y"`` / ``For "X" substitute "Y"``."""

    target: TextTarget
    new: str


@dataclass(frozen=True)
class DeleteRange:
    """``Leave out from "X" to "Y"`` (both ends included), optionally ``and insert "Z"``."""

    start: Quote
    end: Quote
    new: str | None = None


@dataclass(frozen=True)
class DeleteProvision:
    """``Delete paragraph``: the located provision goes, with its sub-paragraphs.

    ``target`` names another provision the same amendment deletes (``Delete the first
    and second preambular paragraphs``); None for the amendment's own location.
    """

    target: Location | None = None


@dataclass(frozen=True)
class ReplaceProvision:
    """``Replace the paragraph with the following:`` and the new wording."""

    new: NewProvision


@dataclass(frozen=True)
class InsertProvisions:
    """``After paragraph 11 insert the following new paragraph(s):``."""

    anchor: Location
    position: Literal["after", "before"]
    provisions: tuple[NewProvision, ...]


@dataclass(frozen=True)
class MoveProvision:
    """``Move paragraph 7 after paragraph 9``."""

    target: Location
    anchor: Location
    position: Literal["after", "before"]


TextOperation = InsertText | DeleteText | ReplaceText | DeleteRange
Operation = TextOperation | DeleteProvision | ReplaceProvision | InsertProvisions | MoveProvision


@dataclass(frozen=True)
class Amendment:
    """One tabled amendment; ``location`` is None only when every operation names its place."""

    number: str
    location: Location | None
    operations: tuple[Operation, ...]
    tabled_by: str = ""
    justification: str = ""
    status: Status = "tabled"
    #: A compromise amendment replaces the amendments it lists; they fall if it is adopted.
    compromise: bool = False
    replaces: tuple[str, ...] = ()
    #: When it was tabled, as the file gives it (``2024-11-20``); '' when it does not.
    date: str = ""
    #: The provision as the amendment says it will read (``... so that the paragraph
    #: will read: "..."``); checked against the result of its operations. '' if none.
    reads: str = ""
    #: The text of a report the amendment names (``In the draft recommendation, ...``),
    #: in lower case; '' when it names none.  A report may carry several texts.
    target_text: str = ""
    #: The two columns of a table-form amendment (draft text, amended text), when given so.
    columns: tuple[str, str] | None = field(default=None, compare=False)
    source: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    @property
    def where(self) -> Location | None:
        """The provision the amendment is about: its location, or the first place an
        operation names."""
        if self.location is not None:
            return self.location
        for op in self.operations:
            if isinstance(op, InsertProvisions):
                return op.anchor
            if isinstance(op, MoveProvision):
                return op.target
        return None

    @property
    def where_text(self) -> str:
        """The location as printed in lists and reports."""
        if self.location is None and self.operations:
            op = self.operations[0]
            if isinstance(op, InsertProvisions):
                return f"{op.position.capitalize()} {op.anchor.phrase()}"
        loc = self.where
        return str(loc) if loc is not None else ""

    @property
    def label(self) -> str:
        """``Amendment 4`` or ``Compromise amendment 1``."""
        return f"{'Compromise amendment' if self.compromise else 'Amendment'} {self.number}"
