"""What a page adds to a draft's text: running headers, footers, page numbers, footnotes.

A PDF repeats the document symbol at the top of every page and the page number at
the bottom, and prints footnotes where the page ends; a paste keeps all of it in the
middle of the paragraphs.  This module finds those lines so that unwrapping can take
the running lines out (and list them: nothing vanishes unseen) and move the
footnotes out of the body text.  With geometry the position on the page decides;
without, the form feeds ``pdftotext`` writes between pages; without those, only
repetition and the shape of a page number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from drafting.text.cues import (
    end_punctuation,
    is_page_number,
    is_symbol_with_number,
    label_at,
    lead_at,
    note_mark,
    opens_with_dash,
    strip_markup,
)
from drafting.text.lines import Line

#: Share of the page height, from the top or the bottom, where running lines sit.
BAND = 0.1
#: Lines from the page's top or bottom edge that may be running lines.
EDGE_LINES = 2
#: Times an identical short line must recur in a paste without pages to be running.
REPEATS = 3
#: Longest line taken for a running one in a paste without pages.
SHORT = 80
#: Longest line taken for a running one at a page edge: a symbol and a title.
SHORT_ON_PAGE = 120
#: Lines above the page end that may belong to footnotes, in a paste.
NOTE_WINDOW = 12


@dataclass(frozen=True)
class Page:
    """The non-blank lines of one page, as indices into the lines unwrapped."""

    number: int
    lines: list[int]


def running_lines(
    pages: Sequence[Page], lines: Sequence[Line], texts: Sequence[str], paged: bool
) -> dict[int, str]:
    """The running headers, footers and page numbers: line index to the kind of removal."""
    if paged:
        return _running_on_pages(pages, lines, texts)
    return _running_by_repetition(pages, texts)


def _page_key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", strip_markup(text).lower()).split())


def _edges(page: Page, lines: Sequence[Line], top: bool) -> list[int]:
    """The lines at the top (or bottom) edge of ``page``, nearest the edge first."""
    # Each edge takes at most half the page, so no line is both header and footer.
    reach = min(EDGE_LINES, max(1, len(page.lines) // 2))
    order = page.lines[:reach] if top else page.lines[::-1][:reach]
    if not top and len(page.lines) < 2:
        order = []
    out = []
    for i in order:
        line = lines[i]
        if line.has_geometry and line.page_height:
            assert line.top is not None and line.bottom is not None
            inside = (
                line.top < BAND * line.page_height
                if top
                else line.bottom > (1 - BAND) * line.page_height
            )
            if not inside:
                break
        out.append(i)
    return out


def _running_on_pages(
    pages: Sequence[Page], lines: Sequence[Line], texts: Sequence[str]
) -> dict[int, str]:
    tops = [_edges(p, lines, True) for p in pages]
    bottoms = [_edges(p, lines, False) for p in pages]
    seen: Counter[tuple[bool, str]] = Counter()
    for top, edge in [(True, e) for e in tops] + [(False, e) for e in bottoms]:
        for key in {_page_key(texts[i]) for i in edge}:
            seen[(top, key)] += 1
    threshold = max(2, math.ceil(len(pages) / 3))
    found: dict[int, str] = {}
    for top, edges in ((True, tops), (False, bottoms)):
        kind = "running header" if top else "running footer"
        for edge in edges:
            for i in edge:  # nearest the edge first; stop at the first body line
                text = texts[i]
                if is_page_number(text):
                    found[i] = "page number"
                elif len(text) > SHORT_ON_PAGE or _reads_as_provision(text):
                    break
                elif seen[(top, _page_key(text))] >= threshold or is_symbol_with_number(text):
                    found[i] = kind
                else:
                    break
    return found


def _edge_number_key(text: str) -> str:
    plain = " ".join(strip_markup(text).split())
    return re.sub(r"^\d{1,4}\s+|\s+\d{1,4}$", "", plain)


def _reads_as_provision(text: str) -> bool:
    return bool(
        label_at(text)
        or lead_at(text)
        or opens_with_dash(text)
        or note_mark(text)
        or end_punctuation(text) in {",", ";", ":"}
    )


def _running_by_repetition(pages: Sequence[Page], texts: Sequence[str]) -> dict[int, str]:
    candidates = [
        i
        for page in pages
        for i in page.lines
        if len(texts[i]) <= SHORT and not _reads_as_provision(texts[i])
    ]
    seen = Counter(_edge_number_key(texts[i]) for i in candidates)
    found: dict[int, str] = {}
    for i in candidates:
        if is_page_number(texts[i]):
            found[i] = "page number"
        elif seen[_edge_number_key(texts[i])] >= REPEATS:
            found[i] = "running header"
    return found


def body_size(lines: Sequence[Line], texts: Sequence[str]) -> float | None:
    """The font size most of the draft's characters are set in; None without sizes."""
    sizes: Counter[float] = Counter()
    for line, text in zip(lines, texts, strict=True):
        if line.size is not None:
            sizes[round(line.size, 1)] += len(text)
    return sizes.most_common(1)[0][0] if sizes else None


def footnotes(
    page: Page, lines: Sequence[Line], texts: Sequence[str], size: float | None
) -> list[list[int]]:
    """The footnotes printed at the bottom of ``page`` (its lines without running ones).

    Each footnote is the list of its lines, the first opening with the mark.  With
    sizes, a footnote is a run of lines at the page end set smaller than the body;
    otherwise, lines at the page end whose mark the page's text carries (``word1``,
    ``490*``).
    """
    idx = page.lines
    if not idx:
        return []
    start = None
    if size is not None and all(lines[i].size is not None for i in idx):
        start = _small_tail(idx, lines, size)
    if start is None:  # a paste, or notes set in the body's size: go by their marks
        start = _marked_tail(idx, texts)
    if start is None or start == 0:
        return []
    notes: list[list[int]] = []
    for i in idx[start:]:
        if note_mark(texts[i]) or not notes:
            notes.append([i])
        else:
            notes[-1].append(i)
    return notes


def _small_tail(idx: list[int], lines: Sequence[Line], size: float) -> int | None:
    k = len(idx)
    while k > 0 and (lines[idx[k - 1]].size or size) < size - 0.5:
        k -= 1
    for j in range(k, len(idx)):
        if note_mark_loose(lines[idx[j]].text):
            return j
    return None


def note_mark_loose(text: str) -> str | None:
    """The mark of a line known to be a footnote: as :func:`note_mark`, or any leading
    digits (``3 November`` cannot be told from a mark by its words, but smaller type at
    the page's foot is a footnote)."""
    return note_mark(text) or (m.group(0) if (m := re.match(r"\d{1,3}(?!\d|[.)])", text)) else None)


def _marked_tail(idx: list[int], texts: Sequence[str]) -> int | None:
    lo = max(0, len(idx) - NOTE_WINDOW)
    best: int | None = None
    for j in range(len(idx) - 1, lo - 1, -1):
        text = texts[idx[j]]
        mark = note_mark(text)
        if mark and _referenced(mark, [texts[i] for i in idx[:j]]):
            best = j
            continue
        if label_at(text) or lead_at(text) or opens_with_dash(text):
            break
    return best


def _referenced(mark: str, body: list[str]) -> bool:
    """True when the page's body carries ``mark`` as a reference glued to a word."""
    if not mark[:1].isdigit():
        plain = mark.replace("\\", "")
        pattern = re.compile(r"[\w.,;:)”’*]\\?" + re.escape(plain) + r"(?![\w*])")
    else:
        pattern = re.compile(r"[^\W\d_][.,;:)”’*]?" + re.escape(mark) + r"(?!\d)")
    return any(pattern.search(text) for text in body)
