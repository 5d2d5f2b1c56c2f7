"""A draft as its source shows it: paragraphs of formatted text, list numbers, tables.

Each reader (Word, text, PDF) turns its format into these records and nothing more;
deciding what the paragraphs are is :mod:`drafting.layout.structure`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from typing import NamedTuple, Protocol


@dataclass(frozen=True)
class Format:
    """The inline formatting drafting keeps: bold, italic, underline, super/subscript,
    and the address of the link the words are (an AKN ``<a href>``)."""

    b: bool = False
    i: bool = False
    u: bool = False
    sup: bool = False
    sub: bool = False
    caps: bool = False
    hidden: bool = False
    #: The link's address, already checked (:func:`drafting.akn.inline.safe_href`);
    #: None for words that link nowhere.  Carried here rather than on the span so that
    #: every step that splits, trims or merges spans keeps it with their words.
    link: str | None = None

    def tags(self) -> tuple[str, ...]:
        """AKN inline tags, outermost first."""
        return _TAGS[(self.b, self.i, self.u, self.sup, self.sub)]


PLAIN = Format()
# Asked for every span: all 32 answers, computed once.
_TAGS: dict[tuple[bool, ...], tuple[str, ...]] = {
    flags: tuple(t for t, set_ in zip(("b", "i", "u", "sup", "sub"), flags, strict=True) if set_)
    for flags in product((False, True), repeat=5)
}


class Span(NamedTuple):
    """Text shown with one formatting."""

    # Named tuples, not frozen dataclasses: a document makes tens of thousands of
    # pieces (read, trimmed, normalised), and a frozen dataclass is 3x slower to make.
    text: str
    fmt: Format


class NoteRef(NamedTuple):
    """A footnote or endnote reference and the mark the reader sees (``*``, ``1``)."""

    kind: str  # "footnote" | "endnote" | "typed"
    id: str
    mark: str
    custom: bool


Piece = Span | NoteRef


class ListLabel(Protocol):
    """The number a word processor computes for a paragraph of an automatic list."""

    @property
    def text(self) -> str:
        """As shown: ``"13."``, ``"(b)"``; '' for a level without a number; the bullet."""

    @property
    def ilvl(self) -> int:
        """The list level, 0 at the top."""

    @property
    def list_id(self) -> str:
        """The list counted (paragraphs of one list share it)."""

    @property
    def kind(self) -> str:
        """``decimal``, ``lower-alpha``, ``upper-alpha``, ``lower-roman``, ``upper-roman``,
        ``bullet``, or the processor's own name for another format."""

    @property
    def value(self) -> int:
        """The count shown (3 for "c)")."""

    @property
    def indent(self) -> int | None:
        """The level's left indent, twips; None when unknown."""

    @property
    def pattern(self) -> str:
        """The label with the number as ``{}``: ``"{}."``, ``"({})"``."""

    @property
    def bullet(self) -> bool:
        """True for a bulleted list."""


@dataclass
class SourceParagraph:
    """One paragraph as displayed: its pieces, style, list number and indentation."""

    index: int
    pieces: list[Piece]
    style_id: str | None
    style_name: str
    label: ListLabel | None
    indent: int | None
    where: str = "body"
    #: The heading level the source gives it (a heading style, an outline level); None
    #: for body text.
    outline: int | None = None

    @property
    def text(self) -> str:
        """The displayed text without the list number."""
        return "".join(p.text for p in self.pieces if isinstance(p, Span))


@dataclass
class Cell:
    """One table cell: its paragraphs, and how far it spans."""

    paragraphs: list[SourceParagraph]
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass
class SourceTable:
    """A table as its rows of cells (cells covered by a merge above are left out)."""

    index: int
    rows: list[list[Cell]] = field(default_factory=list)
    where: str = "body"

    @property
    def text(self) -> str:
        """Every cell's words, row by row, cells apart."""
        return " ".join(p.text for row in self.rows for c in row for p in c.paragraphs)

    @property
    def paragraphs(self) -> list[SourceParagraph]:
        """The paragraphs of every cell, row by row."""
        return [p for row in self.rows for c in row for p in c.paragraphs]


Block = SourceParagraph | SourceTable
