"""Words placed on a page, to lines of text in drafting's light markup.

pdfplumber gives words with their box, font name and size, in the order of the
content stream.  A line is the words whose boxes share a baseline; its text marks
runs of bold and italic words as ``**...**`` and ``*...*`` (font names say the
style: "ABCDEF+TimesNewRomanPS-BoldMT"), escapes literal stars as ``\\*``, and
keeps a superscript footnote mark glued to the word before it, as typed.  This
module knows nothing of pdfplumber: the reader hands it plain :class:`Word` values.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafting.text.lines import Line

_BOLD = re.compile(r"bold|black|heavy|demi|semibold|extrabold|ultrabold", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|(?:[-,+]|bold)it$", re.IGNORECASE)
#: Share of the line's size below which a raised word is a superscript mark.
SUPERSCRIPT_SIZE = 0.85


@dataclass(frozen=True)
class Word:
    """One word as the PDF places it: its box in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    fontname: str = ""
    size: float = 0.0


def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) as the font's name says: ``"ABCDEF+Arial-BoldItalicMT"`` is both."""
    name = fontname.split("+", 1)[-1]
    return bool(_BOLD.search(name)), bool(_ITALIC.search(name))


def lines_of_words(words: Iterable[Word], page: int, page_height: float | None) -> list[Line]:
    """The lines of one page, top to bottom, from its words in any order."""
    groups: list[list[Word]] = []
    extent: tuple[float, float] = (0.0, 0.0)
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if not word.text:
            continue
        if groups and _same_line(word, extent):
            groups[-1].append(word)
            extent = (min(extent[0], word.top), max(extent[1], word.bottom))
        else:
            groups.append([word])
            extent = (word.top, word.bottom)
    return [_line(sorted(g, key=lambda w: w.x0), page, page_height) for g in groups]


def _same_line(word: Word, extent: tuple[float, float]) -> bool:
    """True when ``word`` overlaps the line's height by half its own or the line's height,
    so a raised footnote mark stays on its line and the next line starts a new one."""
    overlap = min(extent[1], word.bottom) - max(extent[0], word.top)
    height = min(extent[1] - extent[0], word.bottom - word.top)
    return overlap > 0 and overlap >= 0.5 * max(height, 0.1)


def _main_size(words: Sequence[Word]) -> float:
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0]


def _line(words: Sequence[Word], page: int, page_height: float | None) -> Line:
    size = _main_size(words)
    main = [w for w in words if round(w.size, 1) >= SUPERSCRIPT_SIZE * size] or list(words)
    baseline = max(w.bottom for w in main)
    raised = [w.size < SUPERSCRIPT_SIZE * size and w.bottom < baseline - 0.15 * size for w in words]
    return Line(
        text=_markup(words, raised, size),
        page=page,
        x0=min(w.x0 for w in words),
        top=min(w.top for w in main),
        bottom=baseline,
        size=size,
        page_height=page_height,
    )


def _escape(text: str) -> str:
    return text.replace("*", "\\*")


def _markup(words: Sequence[Word], raised: Sequence[bool], size: float) -> str:
    """The words of one line as text with emphasis runs marked and spaces where the
    PDF leaves a gap; a style change between two letters is a word space too."""
    out: list[str] = []
    run: list[str] = []
    run_style = (False, False)

    def close() -> None:
        if run:
            text = "".join(run)
            mark = "*" * (2 * run_style[0] + run_style[1])
            out.append(f"{mark}{text}{mark}")
            run.clear()

    prev: Word | None = None
    for word, sup in zip(words, raised, strict=True):
        text = _escape(word.text)
        style = (False, False) if sup else font_style(word.fontname)
        if not any(c.isalnum() for c in word.text) and style != run_style:
            style = (False, False)  # no "**:**": lone punctuation is left unstyled
        space = prev is not None and not sup and _spaced(prev, word, size, style, run_style)
        if style != run_style or sup:
            close()
            run_style = style
            if space:
                out.append(" ")
            if sup:
                out.append(text)
                run_style = (False, False)
            else:
                run.append(text)
        else:
            run.append((" " if space else "") + text)
        prev = word
    close()
    return "".join(out).strip()


def _spaced(
    prev: Word, word: Word, size: float, style: tuple[bool, bool], before: tuple[bool, bool]
) -> bool:
    gap = word.x0 - prev.x1
    if gap > 0.12 * size:
        return True
    return style != before and prev.text[-1:].isalpha() and word.text[:1].isalpha()
