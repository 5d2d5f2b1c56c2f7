"""The records of unwrapping: a line as a PDF or a paste gives it, and what came out.

They live apart from :mod:`drafting.text.unwrap` so that the helpers unwrapping
uses (page bands, vocabulary, run-on splitting) and the PDF reader can share them
without importing the whole of unwrapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of a draft as laid out on a page; geometry is None when unknown (a paste).

    ``text`` is in drafting's light markup: ``**bold**``, ``*italic*``, a literal star
    escaped as ``\\*``.  Positions are in PDF points from the page's top-left corner.
    """

    text: str
    page: int = 0
    x0: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    page_height: float | None = None
    #: The spaces before the words of a pasted line (how a typist nests sub-paragraphs).
    indent: int = 0

    @property
    def has_geometry(self) -> bool:
        """True when the line's position on its page is known (it came from a PDF)."""
        return self.x0 is not None and self.top is not None and self.bottom is not None


@dataclass(frozen=True)
class Removed:
    """A line unwrapping took out, so the import report can list it: nothing vanishes unseen.

    ``kind`` is ``"running header"``, ``"running footer"`` or ``"page number"``.
    """

    kind: str
    page: int
    text: str


@dataclass(frozen=True)
class Unwrapped:
    """The paragraphs of a draft, and what unwrapping did to get them.

    ``paragraphs`` holds one single-spaced string a paragraph, markup kept;
    ``notes`` one line for each kind of repair made, for the import's warnings;
    ``starts`` where each paragraph starts, for what its first line says (its indent).
    """

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The index, in the lines given, of the line each paragraph starts on.
    starts: list[int] = field(default_factory=list)
    #: The paragraphs that are footnotes, by index ("1 See the report ...").
    note_at: frozenset[int] = frozenset()
