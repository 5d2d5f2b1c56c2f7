"""Read a draft typed as text or Markdown, pasted from a PDF, or read from one.

The text is what a secretary types or copies: the title, the number line
(``RESOLUTION 495*``), the opening formula (``The Assembly,``), one paragraph a
line or wrapped over several (``1. **Recognising** that ...``), sub-paragraphs
indented with a dash (`` - a. to advance ...``), headings (``## Annex``), tables
(``| a | b |``) and footnotes as lines that start with their marker
(``* Presented by ...``, ``[^1]: ...``) wherever a page break left them.  Lines
come back to paragraphs through :mod:`drafting.text.unwrap`, and the paragraphs
find their parts through :mod:`drafting.layout`, as a Word draft's do: so the same
draft typed, pasted or saved in Word imports the same, faults and all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from drafting.errors import TextFormatError
from drafting.layout.build import Built, Options
from drafting.layout.compose import compose
from drafting.layout.source import (
    PLAIN,
    Block,
    Cell,
    Format,
    NoteRef,
    Piece,
    SourceParagraph,
    SourceTable,
    Span,
)
from drafting.layout.structure import Item, Layout
from drafting.model.document import Document
from drafting.model.inference import NOTE_DEF
from drafting.model.markup import runs_of
from drafting.model.styles import HouseStyle, get_style
from drafting.text.lines import Line, Removed
from drafting.text.unwrap import lines_of_text, unwrap

#: A Markdown footnote: ``[^1]: Resolution 74/20, annex.``
_MD_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
#: A footnote at a page's foot, as a PDF gives it: ``1 See the report ...``.
_NUMBERED_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
#: A note mark glued after a word or its punctuation: ``hazards,1`` (not ``CO2``, ``21``).
_GLUED_DIGITS = re.compile(r"(?<=[a-z.,;:)\]”’\"'])(\d{1,3})(?=[\s.,;:)]|$)")
#: A Markdown heading: ``## Annex``.
_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")
#: The dash drafting's text format sets before a sub-paragraph: `` - a. to ...``.
_SUB_DASH = re.compile(
    r"^[-–•]\s+(?=\(?[0-9]{1,4}[.)]|\(?[a-zA-Z]{1,6}[.)]|\([0-9a-zA-Z]+\)|[0-9]{1,4}(?:\.[0-9]+)+)"
)
#: A bullet typed as a Markdown list item with no number: ``- item``.
_MD_BULLET = re.compile(r"^[-*+]\s+(?=\S)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
#: Characters XML cannot hold (a form feed stays: it separates pages).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
#: The width of a typed space, in twips, for the indentation layout reads.
_SPACE_TWIPS = 120


@dataclass
class ImportResult:
    """What an import produced, and what the secretary should know about it."""

    document: Document
    style: HouseStyle
    style_detected: bool
    warnings: list[str] = field(default_factory=list)
    #: Why the house style was chosen ("unnumbered preambular paragraphs ..."), when
    #: it was detected.
    style_reason: str = ""
    #: The particulars behind the warnings, one line each.
    details: list[str] = field(default_factory=list)


def read_text(
    text: str,
    *,
    source: str = "<text>",
    style: str | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    as_: str | None = None,
) -> ImportResult:
    """Build a :class:`Document` from a draft typed, pasted or extracted as text.

    Raises:
        TextFormatError: the text is empty.
        UnknownStyleError: ``style`` names no house style.
    """
    if style is not None:
        get_style(style)
    clean, dropped = _CONTROL.subn("", text)
    warnings = [f"{dropped} control character(s) dropped"] if dropped else []
    return read_lines(
        lines_of_text(clean),
        source=source,
        style=style,
        number=number,
        body=body,
        date=date,
        warnings=warnings,
        as_=as_,
    )


def read_lines(
    lines: Sequence[Line],
    *,
    source: str = "<text>",
    style: str | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    warnings: Sequence[str] = (),
    as_: str | None = None,
) -> ImportResult:
    """Build a :class:`Document` from the lines of a paste or a PDF (see :func:`read_text`).

    Raises:
        TextFormatError: the lines hold no text.
    """
    blocks, notes, repairs = _blocks(lines)
    if not any(b.text.strip() for b in blocks) and not notes:
        raise TextFormatError(
            "the text is empty", file=source, hint="check that this is the right file"
        )

    def footnotes(layout: Layout) -> None:
        for mark, para in notes.items():  # Markdown footnotes, defined apart from the text
            layout.typed_notes.setdefault(
                mark, Item(para, list(para.pieces), kind="note", typed_mark=mark)
            )

    options = Options(style=style, number=number, body=body, date=date)
    built = compose(blocks, options, _no_notes, as_, prepare=footnotes)
    return _result(built, [*warnings, *repairs])


def _result(built: Built, repairs: list[str]) -> ImportResult:
    return ImportResult(
        built.document,
        built.style,
        built.how != "given",
        [*repairs, *built.warnings],
        built.reason,
        built.details,
    )


def _no_notes(ref: NoteRef) -> tuple[list[Piece], str]:
    """Text has no notes but the typed ones, which the layout holds."""
    return [], ""


def _blocks(lines: Sequence[Line]) -> tuple[list[Block], dict[str, SourceParagraph], list[str]]:
    """The paragraphs and tables of ``lines``, the Markdown footnotes, and the repairs.

    Tables (lines of ``|``) are cut out before unwrapping, which would run their rows
    together; the rest is unwrapped in the stretches between them.
    """
    stretches: list[list[Line] | SourceTable] = []
    for line in lines:
        if line.text.lstrip().startswith("|") and line.text.rstrip().endswith("|"):
            last = stretches[-1] if stretches else None
            if not isinstance(last, SourceTable):
                last = SourceTable(len(stretches))
                stretches.append(last)
            if not _TABLE_RULE.match(line.text.strip()):
                last.rows.append(_row(line.text, header=not last.rows))
            continue
        if not stretches or isinstance(stretches[-1], SourceTable):
            stretches.append([])
        stretch = stretches[-1]
        assert isinstance(stretch, list)
        stretch.append(line)
    texts: list[tuple[str, int | None]] = []
    repairs: list[str] = []
    removed: list[Removed] = []
    footnotes: dict[int, tuple[str, str]] = {}  # paragraph -> (mark, words)
    order: list[tuple[str, int | None] | SourceTable] = []
    for stretch in stretches:
        if isinstance(stretch, SourceTable):
            order.append(stretch)
            continue
        done = unwrap(stretch)
        repairs.extend(done.notes)
        removed.extend(done.removed)
        for k, (text, start) in enumerate(zip(done.paragraphs, done.starts, strict=True)):
            entry = (text, _indent_of(stretch[start]))
            numbered_note = _NUMBERED_NOTE.match(text) if k in done.note_at else None
            if numbered_note:  # a footnote at a page's foot: "1 See the report ..."
                footnotes[len(order)] = (numbered_note.group(1), numbered_note.group(2))
            texts.append(entry)
            order.append(entry)
    kinds: dict[str, list[Removed]] = {}
    for r in removed:
        kinds.setdefault(r.kind, []).append(r)
    for kind, found in kinds.items():
        shown = sorted({r.text for r in found})[:2]
        repairs.append(
            f"{len(found)} {kind}(s) taken out of the text ("
            + ", ".join(repr(t) for t in shown)
            + (" ..." if len({r.text for r in found}) > 2 else "")
            + ")"
        )
    marks = _note_marks(t for t, _ in texts)
    numbered = {mark for mark, _ in footnotes.values()}
    notes: dict[str, SourceParagraph] = {}
    blocks: list[Block] = []
    for n, item in enumerate(order):
        if isinstance(item, SourceTable):
            blocks.append(item)
            continue
        text, indent = item
        md = _MD_NOTE_DEF.match(text)
        if md or n in footnotes:
            mark, words = (md.group(1), md.group(2)) if md else footnotes[n]
            notes[mark] = SourceParagraph(n, _pieces(words, marks), None, "", None, 0)
            continue
        if numbered:
            text = _numbered_refs(text, numbered)
        blocks.append(_paragraph(n, text, indent, marks | numbered))
    return blocks, notes, repairs


def _indent_of(line: Line) -> int | None:
    """The indent of a line in twips: its position on a PDF page, or its typed spaces."""
    if line.x0 is not None:
        return round(line.x0 * 20)
    return line.indent * _SPACE_TWIPS if line.indent else None


def _paragraph(index: int, text: str, indent: int | None, marks: set[str]) -> SourceParagraph:
    """One paragraph of text as the layout reads a paragraph of a Word body."""
    outline = None
    heading = _HEADING.match(text)
    if heading:
        outline, text = len(heading.group(1)) - 1, heading.group(2)
    elif _SUB_DASH.match(text):
        # drafting's text format: the dash says "sub-paragraph"; the label follows it.
        text = _SUB_DASH.sub("", text, count=1)
        indent = max(indent or 0, _SPACE_TWIPS * 2)
    elif _MD_BULLET.match(text) and not NOTE_DEF.match(text):
        text = _MD_BULLET.sub("• ", text, count=1)
    return SourceParagraph(index, _pieces(text, marks), None, "", None, indent, outline=outline)


def _note_marks(texts: Iterable[str]) -> set[str]:
    """The footnote marks the text defines: ``*`` for ``* Presented by ...``, ``1`` for
    ``[^1]: ...``."""
    found: set[str] = set()
    for text in texts:
        m = NOTE_DEF.match(text) or _MD_NOTE_DEF.match(text)
        if m:
            found.add(m.group(1))
    return found


def _pieces(markup: str, marks: set[str]) -> list[Piece]:
    """Spans and note references of a paragraph of drafting's light markup.

    A defined footnote mark after a word (``495*``, ``works*,``) is a reference to the
    note; stars that open and close emphasis (``*Recalling*``) are emphasis.
    """
    out: list[Piece] = []
    for run in runs_of(_note_refs(markup, marks)):
        if run.note is not None:
            if run.note in marks:
                out.append(NoteRef("typed", run.note, run.note, True))
            else:
                out.append(Span(f"[^{run.note}]", PLAIN))
            continue
        key = (run.marks, run.href)
        fmt = _FORMATS.get(key)
        if fmt is None:
            fmt = Format(
                b="b" in run.marks,
                i="i" in run.marks,
                u="u" in run.marks,
                sup="sup" in run.marks,
                sub="sub" in run.marks,
                link=run.href,
            )
            if len(_FORMATS) < 4096:  # bounded: every link address is a key
                _FORMATS[key] = fmt
        out.append(Span(run.text, fmt))
    return out


_FORMATS: dict[tuple[frozenset[str], str | None], Format] = {(frozenset(), None): PLAIN}
_EMPHASIS = re.compile(r"\*\*(?=\S).+?(?<=\S)\*\*|(?<![\w*])\*(?=[^\s*]).*?(?<=[^\s*])\*(?![\w*])")


def _note_refs(text: str, marks: set[str]) -> str:
    """``word*`` as ``word[^*]`` where ``*`` is a defined footnote mark (a star that
    opens or closes emphasis is left alone)."""
    symbols = sorted((k for k in marks if not k[0].isalnum()), key=len, reverse=True)
    if not symbols or NOTE_DEF.match(text):
        return text
    alternatives = "|".join(re.escape(m) for m in symbols)
    pattern = re.compile(r"(?<=[\w.,;:)\]’'\"])(" + alternatives + r")(?=[\s.,;:]|$)")
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        out.append(pattern.sub(lambda g: f"[^{g.group(1)}]", text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(pattern.sub(lambda g: f"[^{g.group(1)}]", text[pos:]))
    return "".join(out)


def _numbered_refs(text: str, marks: set[str]) -> str:
    """``hazards,1`` as ``hazards,[^1]`` where 1 is a footnote found at a page's foot:
    the superscript a PDF reader glues to the word before it."""

    def ref(m: re.Match[str]) -> str:
        return f"[^{m.group(1)}]" if m.group(1) in marks else m.group(0)

    return _GLUED_DIGITS.sub(ref, text)


def _row(line: str, *, header: bool) -> list[Cell]:
    """A Markdown table row as cells of one paragraph each."""
    inner = line.strip()[1:-1]
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", inner)]
    return [
        Cell([SourceParagraph(0, _pieces(c, set()), None, "", None, None)], header=header)
        for c in cells
    ]
