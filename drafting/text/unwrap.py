"""Lines as a PDF or a paste gives them, back to the paragraphs the drafter typed.

A resolution copied out of a PDF arrives broken at every line end of the printed
column, with the page's running header, page number and footnotes in the middle of
its sentences, words hyphenated at line ends and, from some producers, lead words
glued to the next word or the whole draft on one line.  :func:`unwrap` undoes that
with every cue the input has: blank lines and page breaks, positions and font
sizes when the lines come from :mod:`drafting.pdf_import`, and always the words
themselves (numbers, lead phrases, the punctuation a paragraph ends with).  It is
pure text in, text out, and linear in the size of the input.

Nothing is dropped silently: running lines come back in :attr:`Unwrapped.removed`
and each kind of repair in :attr:`Unwrapped.notes`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from drafting.text.cues import (
    end_punctuation,
    ends_with_referrer,
    label_at,
    lead_at,
    opens_provision,
    stands_alone,
    strip_markup,
)
from drafting.text.lines import Line, Removed, Unwrapped
from drafting.text.pagebands import Page, body_size, footnotes, note_mark_loose, running_lines
from drafting.text.runon import split_runons
from drafting.text.vocabulary import SOFT_HYPHEN, Repairs, Vocabulary, normalise, unglue

__all__ = ["Line", "Removed", "Unwrapped", "lines_of_text", "unwrap"]

_WORD_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")
_FIRST_WORD = re.compile(r"(\*{0,3})([^\W\d_]+)")
#: A line shorter than this share of a full line, ending a sentence, ends its paragraph.
SHORT_LINE = 0.7


def lines_of_text(text: str) -> list[Line]:
    """The lines of pasted text, numbered by page when form feeds (``\\f``) separate pages.

    ``pdftotext`` writes a form feed after each page; without any, every line has
    page 0 (unknown).  Blank lines are kept as lines with empty text: they are cues.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\f")
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()
    paged = len(chunks) > 1
    return [
        Line(raw.strip(" \t\n\v"), page=n if paged else 0, indent=_indent(raw))
        for n, chunk in enumerate(chunks, 1)
        for raw in chunk.split("\n")
    ]


def _indent(raw: str) -> int:
    """The spaces before a line's words, a tab counting four."""
    lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
    return lead.count(" ") + 4 * lead.count("\t")


@dataclass(frozen=True)
class _Row:
    """A body line with what came before it: a blank line, a page break or a cut."""

    index: int
    page: int  # position of its page in the page list
    blank_before: bool
    boundary: bool
    text: str
    last: int  # index of the row's last line: a label joined to its text spans two


@dataclass(frozen=True)
class _Layout:
    """What the whole draft says about its lines: body size, line pitch, full length."""

    size: float | None
    pitch: float | None
    full: float


def unwrap(lines: Sequence[Line]) -> Unwrapped:
    """The paragraphs of ``lines``, one string each, with what was removed and repaired.

    Paragraph breaks come from blank lines, vertical gaps wider than the line pitch,
    a first-line indent, a short line that ends a sentence, and the words: a number
    or letter in sequence, a dash, a lead phrase after a line that could end a
    paragraph.  A line ending mid-sentence joins the next.  Footnotes come out as
    paragraphs of their own after the paragraph open when their page ended.
    """
    repairs = Repairs()
    texts = [normalise(line.text, repairs) for line in lines]
    paged = any(line.page for line in lines)
    pages = _pages(lines, texts, paged)
    running = running_lines(pages, lines, texts, paged)
    removed = [Removed(running[i], lines[i].page, texts[i]) for i in sorted(running)]
    size = body_size(lines, texts)
    body_pages = [Page(p.number, [i for i in p.lines if i not in running]) for p in pages]
    notes_by_page = [footnotes(p, lines, texts, size) if paged else [] for p in body_pages]
    in_notes = {i for notes in notes_by_page for note in notes for i in note}
    vocab = Vocabulary.of(texts[i] for p in body_pages for i in p.lines)
    rows = _rows(texts, pages, running, in_notes)
    layout = _layout(lines, rows, size)

    paragraphs, is_note, starts = _segment(
        rows, lines, texts, notes_by_page, layout, vocab, repairs
    )
    paragraphs = [_tidy(p, repairs) for p in paragraphs]
    notes_at = {n for n, flag in enumerate(is_note) if flag}
    paragraphs, notes_at, cuts, origin = split_runons(paragraphs, notes_at)
    starts = [starts[k] for k in origin]
    repairs.add("paragraphs cut apart from run-on text", cuts)
    paragraphs = _unglue_all(paragraphs, notes_at, vocab, repairs)

    notes = repairs.notes()
    if paragraphs and notes_at != set(range(len(paragraphs))):
        first = next(p for n, p in enumerate(paragraphs) if n not in notes_at)
        plain = strip_markup(first).lstrip()
        if plain[:1].islower() and label_at(first) is None:
            notes.append("the text starts in the middle of a paragraph; kept as its own paragraph")
    return Unwrapped(paragraphs, removed, notes, starts, frozenset(notes_at))


def _pages(lines: Sequence[Line], texts: Sequence[str], paged: bool) -> list[Page]:
    if not paged:
        return [Page(0, [i for i, t in enumerate(texts) if t])]
    pages: list[Page] = []
    last: int | None = None
    for i, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if line.page != last or not pages:
            pages.append(Page(line.page, []))
            last = line.page
        if text:
            pages[-1].lines.append(i)
    return pages


def _rows(
    texts: Sequence[str],
    pages: Sequence[Page],
    running: dict[int, str],
    in_notes: set[int],
) -> list[_Row]:
    page_of = {i: n for n, page in enumerate(pages) for i in page.lines}
    rows: list[_Row] = []
    blank = boundary = False
    current_page = -1
    for i, text in enumerate(texts):
        if not text:
            blank = True
            continue
        n = page_of[i]
        if n != current_page:
            boundary, blank, current_page = bool(rows), False, n
        if i in running or i in in_notes:
            boundary = True
            continue
        rows.append(_Row(i, n, blank, boundary, text, i))
        blank = boundary = False
    return _attach_labels(rows)


def _bare_label(text: str) -> bool:
    label = label_at(text)
    return label is not None and label.end >= len(text.rstrip())


def _attach_labels(rows: list[_Row]) -> list[_Row]:
    """Rows with each number typed alone on its line joined to the text it numbers.

    ``pdftotext`` reads a tabbed label column as blocks of its own, so a paste has
    "1." on one line and the paragraph after a blank line; and where sub-paragraphs
    follow, their paragraph's number comes first ("7.", "a.", "to share ...", ...,
    "Calls upon ...").  A label followed by another label is held back and given to
    the next unnumbered line that opens a provision; if none comes, it stays put.
    """
    held: list[int] = []  # rows holding a label whose text comes later
    target: dict[int, int] = {}  # row -> the held label row it takes
    for n, row in enumerate(rows):
        if _bare_label(row.text):
            if n + 1 < len(rows) and _bare_label(rows[n + 1].text):
                held.append(n)
            continue
        before = rows[n - 1].text if n else ""
        if (
            held
            and n > 0
            and not _bare_label(before)
            and end_punctuation(before) is not None
            and lead_at(row.text)
        ):
            target[n] = held.pop(0)
    skip = set(target.values())
    out: list[_Row] = []
    n = 0
    while n < len(rows):
        row = rows[n]
        if n in skip:
            n += 1
            continue
        if n in target:
            label = rows[target[n]]
            out.append(replace(row, text=f"{label.text} {row.text}"))
        elif _bare_label(row.text) and n + 1 < len(rows) and not _bare_label(rows[n + 1].text):
            nxt = rows[n + 1]
            out.append(replace(row, text=f"{row.text} {nxt.text}", last=nxt.last))
            n += 2
            continue
        else:
            out.append(row)
        n += 1
    return out


def _layout(lines: Sequence[Line], rows: Sequence[_Row], size: float | None) -> _Layout:
    lengths = sorted(len(strip_markup(r.text)) for r in rows)
    full = float(lengths[int(0.8 * (len(lengths) - 1))]) if lengths else 0.0
    gaps: list[float] = []
    for prev, cur in pairwise(rows):
        a, b = lines[prev.last], lines[cur.index]
        if prev.page != cur.page or not (a.has_geometry and b.has_geometry):
            continue
        if size is not None and (a.size is None or abs(a.size - size) > 0.3):
            continue
        if size is not None and (b.size is None or abs(b.size - size) > 0.3):
            continue
        assert a.bottom is not None and b.bottom is not None
        gap = b.bottom - a.bottom
        if gap > 0:
            gaps.append(gap)
    gaps.sort()
    pitch = gaps[(len(gaps) - 1) // 2] if gaps else None
    return _Layout(size, pitch, full)


def _segment(
    rows: Sequence[_Row],
    lines: Sequence[Line],
    texts: Sequence[str],
    notes_by_page: Sequence[list[list[int]]],
    layout: _Layout,
    vocab: Vocabulary,
    repairs: Repairs,
) -> tuple[list[str], list[bool], list[int]]:
    out: list[str] = []
    is_note: list[bool] = []
    starts: list[int] = []  # the first line of each paragraph
    pending: list[tuple[str, int]] = []
    current: _Text | None = None
    started = 0
    prev: _Row | None = None
    last_number: int | None = None
    flushed_to = 0  # pages whose footnotes are pending or out

    def flush() -> None:
        nonlocal current
        if current is not None:
            out.append(current.text())
            is_note.append(False)
            starts.append(started)
            current = None
        for note, first in pending:
            out.append(note)
            is_note.append(True)
            starts.append(first)
        pending.clear()

    def take_notes(upto: int) -> None:
        nonlocal flushed_to
        for n in range(flushed_to, upto):
            pending.extend(
                (_note_text(note, texts, vocab, repairs), note[0]) for note in notes_by_page[n]
            )
        flushed_to = max(flushed_to, upto)

    for row in rows:
        take_notes(row.page)
        if (
            current is not None
            and prev is not None
            and not _breaks(prev, row, lines, layout, last_number)
        ):
            current.add(row.text, vocab, repairs)
        else:
            flush()
            current = _Text(row.text)
            started = row.index
            label = label_at(row.text)
            if label is not None and label.kind == "number":
                last_number = int(label.value)
        prev = row
    take_notes(len(notes_by_page))
    flush()
    return out, is_note, starts


def _breaks(
    prev: _Row,
    row: _Row,
    lines: Sequence[Line],
    layout: _Layout,
    last_number: int | None,
) -> bool:
    """True when the line of ``row`` starts a new paragraph after the line of ``prev``."""
    before, text = prev.text, row.text
    end = end_punctuation(before)
    if row.blank_before and not row.boundary:
        return True
    if stands_alone(before) or stands_alone(text):
        return True
    if opens_provision(text, before):
        return True
    label = label_at(text)
    if label is not None and label.kind == "number":
        n = int(label.value)
        in_sequence = n == 1 if last_number is None else n == last_number + 1
        if in_sequence and not ends_with_referrer(before):
            return True
    starts_sentence = _starts_sentence(text)
    if row.boundary and row.blank_before and end is not None and starts_sentence:
        return True
    if (
        end in {".", ";", ":", "!", "?"}
        and starts_sentence
        and len(strip_markup(before)) < SHORT_LINE * layout.full
    ):
        return True
    a, b = lines[prev.last], lines[row.index]
    if a.has_geometry and b.has_geometry:
        assert a.x0 is not None and b.x0 is not None
        size = b.size or layout.size or 10.0
        if end is not None and b.x0 > a.x0 + max(2.0, 0.3 * size) and label_at(before) is None:
            return True
        if not row.boundary and layout.pitch is not None:
            assert a.bottom is not None and b.bottom is not None
            scale = max(a.size or size, b.size or size) / (layout.size or size)
            if b.bottom - a.bottom > layout.pitch * scale + max(1.5, 0.15 * size):
                return True
    return False


def _starts_sentence(text: str) -> bool:
    first = text.lstrip("*\"'“‘([")[:1]
    return first.isupper() or first.isdigit()


class _Text:
    """A paragraph built line by line.  Each join looks only at the last line, so
    building is linear however long the paragraph grows."""

    def __init__(self, first: str) -> None:
        self.pieces = [first]

    def add(self, line: str, vocab: Vocabulary, repairs: Repairs) -> None:
        """Join ``line`` to the paragraph, deciding a hyphen or markup at the seam."""
        a, glue, b = _join(self.pieces[-1], line, vocab, repairs)
        self.pieces[-1] = a
        self.pieces.append(glue + b)

    def text(self) -> str:
        """The paragraph as one string."""
        return "".join(self.pieces)


def _join(a: str, b: str, vocab: Vocabulary, repairs: Repairs) -> tuple[str, str, str]:
    """How line ``a`` and the next line ``b`` of one paragraph meet: ``a`` as it ends,
    what goes between, and ``b`` as it starts.  Hyphens and markup are decided here."""
    if a.endswith(SOFT_HYPHEN):
        repairs.add("line-end hyphens joined")
        return a[:-1], "", b
    m = _WORD_HYPHEN.search(a) if a.endswith("-") else None
    if m and b[:1].isalpha():
        tail = _LEADING_WORD.match(b)
        assert tail is not None
        if vocab.hyphen(m.group(1), tail.group(0)):
            repairs.add("hyphenated words kept whole across line ends")
            return a, "", b
        repairs.add("line-end hyphens joined")
        return a[:-1], "", b
    if a.endswith("-") and not a.endswith(" -") and b[:1].isalnum():
        return a, "", b  # "2020-" and "2025": a range, not a word to join
    for k in (3, 2, 1):
        marker = "*" * k
        if (
            a.endswith(marker)
            and not a.endswith("*" + marker)
            and a[-k - 1 : -k] not in ("\\", " ", "")
            and b.startswith(marker)
            and not b.startswith(marker + "*")
            and b[k : k + 1] not in (" ", "")
        ):
            return a[:-k], " ", b[k:]  # one bold run across the line end
    return a, " ", b


def _note_text(note: list[int], texts: Sequence[str], vocab: Vocabulary, repairs: Repairs) -> str:
    """A footnote's lines as one paragraph, its mark spaced from its first word."""
    built = _Text(texts[note[0]])
    for i in note[1:]:
        built.add(texts[i], vocab, repairs)
    text = built.text()
    mark = note_mark_loose(text)
    if mark and len(text) > len(mark) and not text[len(mark)].isspace():
        text = f"{mark} {text[len(mark) :]}"
    return text


def _tidy(text: str, repairs: Repairs) -> str:
    text = " ".join(text.split())
    fixed, n = _SPACED_HYPHEN.subn("-", text)
    repairs.add("spaced hyphens closed up", n)
    return fixed


def _unglue_all(
    paragraphs: list[str], notes_at: set[int], vocab: Vocabulary, repairs: Repairs
) -> list[str]:
    starts: list[tuple[int, int, int, str] | None] = []
    initial: Counter[str] = Counter()
    for n, text in enumerate(paragraphs):
        if n in notes_at:
            starts.append(None)
            continue
        label = label_at(text)
        at = label.end if label else 0
        while at < len(text) and text[at] == " ":
            at += 1
        m = _FIRST_WORD.match(text, at)
        if m is None:
            starts.append(None)
            continue
        starts.append((n, m.start(2), m.end(2), m.group(2)))
        initial[m.group(2).lower()] += 1
    out = list(paragraphs)
    for start in starts:
        if start is None:
            continue
        n, lo, hi, word = start
        split = unglue(word, vocab, initial)
        if split is not None:
            out[n] = paragraphs[n][:lo] + split + paragraphs[n][hi:]
            repairs.add("glued lead words split")
    return out
