"""Words in clause text: matching quoted words, splicing, and a word-level diff.

Quoted words match the draft "exactly after normalising white space and quote
characters": a delegation typing ``NATO’s`` for ``NATO's`` or breaking a line
inside a quotation still hits its target.  Matching runs on a normalised copy of
the text that remembers, for every character, where it came from, so the edit
lands on the original characters and nothing else changes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from drafting.akn.inline import single_spaced
from drafting.amendments.model import DeleteText, InsertText, Quote, ReplaceText, TextOperation

_QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
#: Characters that attach to the word before them: no space is put in front.
_CLOSING = ",.;:!?)]"
ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def normalize(text: str) -> str:
    """Quote characters made plain, white space collapsed and trimmed."""
    text = _plain_quotes(text)
    if _already_normal(text):
        return text
    return _SPACE.sub(" ", text).strip()


def _plain_quotes(text: str) -> str:
    # Every quote character mapped is outside ASCII; translate() costs ~5 us a clause
    # even when it changes nothing, isascii() nothing.
    return text if text.isascii() else text.translate(_QUOTE_MAP)


#: White space other than single spaces between words (the ends are checked apart:
#: an anchored ``\s$`` alternative makes the search try every position).
_IRREGULAR_SPACE = re.compile(r"[^\S ]|  ")


def _already_normal(text: str) -> bool:
    """True when ``text`` has white space only as single spaces between words.

    :func:`single_spaced` is a C-speed pass, where the search takes ~15 us a
    provision: only when it fails is the search needed.
    """
    regular = single_spaced(text) or not _IRREGULAR_SPACE.search(text)
    return regular and not (text[:1].isspace() or text[-1:].isspace())


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, for each of its characters, the index in the original
    (None when every character stands where it stood)."""

    text: str
    index: tuple[int, ...] | None

    @classmethod
    def of(cls, original: str) -> Normalized:
        chars: list[str] = []
        index: list[int] = []
        plain = _plain_quotes(original)
        if _already_normal(plain):
            # The usual case for clause text: every character maps to itself, and the
            # character loop below would cost ~0.5 ms a provision.
            return cls(plain, None)
        for i, ch in enumerate(plain):
            if ch.isspace():
                if not chars or chars[-1] == " ":
                    continue
                chars.append(" ")
            else:
                chars.append(ch)
            index.append(i)
        if chars and chars[-1] == " ":
            chars.pop()
            index.pop()
        return cls("".join(chars), tuple(index))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised characters [start, end)."""
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``needle`` in ``haystack``,
    as whole words.

    A quotation names words: "Leave out "on"" must not reach into "cooperation",
    so a match that begins or ends with a letter or digit must not continue a word
    of the text.
    """
    out: list[int] = []
    if not needle:
        return out
    head_word, tail_word = needle[0].isalnum(), needle[-1].isalnum()
    i = haystack.find(needle)
    while i >= 0:
        end = i + len(needle)
        if (head_word and i > 0 and haystack[i - 1].isalnum()) or (
            tail_word and end < len(haystack) and haystack[end].isalnum()
        ):
            i = haystack.find(needle, i + 1)
            continue
        out.append(i)
        i = haystack.find(needle, end)
    return out


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Original spans of every occurrence of ``needle`` in ``text``, both normalised."""
    norm = Normalized.of(text)
    want = normalize(needle)
    return [norm.span(s, s + len(want)) for s in occurrences(norm.text, want)]


def closest(text: str, needle: str) -> str | None:
    """The words of ``text`` most like ``needle`` (for "did you mean"); None if nothing is close."""
    words = normalize(text).split(" ")
    want = normalize(needle)
    n = len(want.split(" "))
    best, best_ratio = None, 0.5
    sizes = {n} | ({n + 1} if n > 1 else set()) | ({n - 1} if n > 2 else set())
    for size in sorted(sizes):
        for i in range(0, max(len(words) - size + 1, 1)):
            cand = " ".join(words[i : i + size]).strip(",;:.()")
            ratio = difflib.SequenceMatcher(None, want, cand, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = cand, ratio
    return best


def ordinal(n: int) -> str:
    """``the second`` for 2, ``the last`` for -1."""
    if n == -1:
        return "the last"
    if 1 <= n <= len(ORDINALS):
        return f"the {ORDINALS[n - 1]}"
    return f"occurrence {n} of"


# -- splicing ------------------------------------------------------------------


@dataclass(frozen=True)
class Splice:
    """Replace original characters [start, end) with ``new``: one edit to clause text."""

    start: int
    end: int
    new: str


def tidy(text: str, start: int, end: int, new: str) -> Splice:
    """Widen an edit that removes words so those around it keep one space between them.

    Deleting ``"b"`` from ``"a b c"`` removes one of the two spaces too; deleting
    ``"b"`` from ``"a b, c"`` removes the space before the comma.
    """
    if new:
        return _changed_words(text, start, end, new)
    left, right = text[:start], text[end:]
    if left.endswith(" ") and (right == "" or right.startswith(" ") or right[:1] in _CLOSING):
        start -= 1
    elif left == "" and right.startswith(" "):
        end += 1
    return Splice(start, end, "")


def _changed_words(text: str, start: int, end: int, new: str) -> Splice:
    """Replace only the words that differ: ``"Recognising that"`` by ``"Noting that"``
    touches ``Recognising`` alone, so the new word takes the lead phrase's bold and
    ``that`` keeps its own markup (one splice across both would make both bold)."""
    old = [(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])]
    now = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(new)]
    head = 0
    while head < min(len(old), len(now)) - 1 and old[head][2] == now[head][2]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(now)) - head - 1
        and old[len(old) - 1 - tail][2] == now[len(now) - 1 - tail][2]
    ):
        tail += 1
    if not (head or tail):
        return Splice(start, end, new)
    return Splice(
        old[head][0], old[len(old) - 1 - tail][1], new[now[head][0] : now[len(now) - 1 - tail][1]]
    )


def insertion(text: str, at: int, new: str, side: Literal["after", "before"]) -> Splice:
    """Put ``new`` at ``at`` as words of their own, spaced from the anchor's side.

    After an anchor the new words are preceded by a space (none before a comma or
    other closing mark); before an anchor they are followed by one.
    """
    if side == "after":
        glue = "" if new[:1] in _CLOSING or at == 0 else " "
        return Splice(at, at, glue + new)
    glue = "" if new.endswith("(") or at >= len(text) else " "
    return Splice(at, at, new + glue)


def end_position(text: str) -> int:
    """Where ``At the end insert`` puts words: before the clause's closing ``;``, ``.`` or ``:``."""
    stripped = text.rstrip()
    if stripped and stripped[-1] in ";.:":
        return len(stripped) - 1
    return len(stripped)


#: Where a sentence ends: ``.``, ``!`` or ``?`` (after any closing quote or bracket)
#: before a space and a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
#: Words whose full stop ends no sentence: ``e.g.``, ``No. 5``, ``Art. 3``, ``Mr. Smith``.
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|cf|viz|vs|No|Nos|Art|Arts|para|paras|Vol|p|pp|Mr|Mrs|Ms|Dr|Prof"
    r"|St|Rev|Corr|Add|Rule|Sect|Ch|Doc|Res|Rec)|\b[A-Z]|\.[A-Za-z])$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text``, each with its closing mark.

    A clause of a resolution is usually one sentence ending in ``;``; a sentence
    ends only at ``.``, ``!`` or ``?`` followed by a capital, never after a common
    abbreviation or an initial, so ``the second sentence`` counts as a reader would.
    """
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _ABBREVIATION.search(text[start : m.start()]):
            continue
        spans.append((start, m.end()))
        start = m.end() + (len(text[m.end() :]) - len(text[m.end() :].lstrip()))
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def apply_splices(text: str, splices: Sequence[Splice]) -> str:
    """The text after non-overlapping splices, all positions referring to ``text``."""
    out = text
    for s in sorted(splices, key=lambda s: (s.start, s.end), reverse=True):
        out = out[: s.start] + s.new + out[s.end :]
    return out


# -- word diff -----------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A run of a word diff: kept, inserted or removed text."""

    kind: Literal["same", "insert", "delete"]
    text: str


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _opcodes(
    old: str, new: str
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[str, int, int, int, int]]]:
    ow, nw = _words(old), _words(new)
    a = [old[s:e] for s, e in ow]
    b = [new[s:e] for s, e in nw]
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return ow, nw, [(str(t), i1, i2, j1, j2) for t, i1, i2, j1, j2 in ops]


def word_diff(old: str, new: str) -> list[Piece]:
    """A word-level diff of ``old`` against ``new``, as presentation-ready pieces."""
    old, new = normalize(old), normalize(new)
    ow, nw, ops = _opcodes(old, new)
    out: list[Piece] = []

    def join(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
        return text[spans[i][0] : spans[j - 1][1]] if j > i else ""

    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            out.append(Piece("same", join(old, ow, i1, i2)))
            continue
        if i2 > i1:
            out.append(Piece("delete", join(old, ow, i1, i2)))
        if j2 > j1:
            out.append(Piece("insert", join(new, nw, j1, j2)))
    return out


def quote_for(text: str, start: int, end: int) -> Quote:
    """A quotation of text[start:end] that picks out that very place (an ordinal when
    the words occur more than once)."""
    want = normalize(text[start:end])
    norm = Normalized.of(text)
    starts = occurrences(norm.text, want)
    origin = [norm.span(s, s + 1)[0] for s in starts]
    if start in origin:
        k = origin.index(start)
        if len(origin) == 1:
            return Quote(want)
        return Quote(want, -1 if k == len(origin) - 1 and len(origin) > 2 else k + 1)
    raise ValueError("the words cannot be quoted unambiguously")


def derive_operations(original: str, edited: str) -> tuple[TextOperation, ...]:
    """The word-level operations that turn ``original`` into ``edited`` (both normalised).

    Each changed run becomes one ``Leave out``, ``Leave out ... and insert`` or
    ``After ... insert``; quotations take an ordinal when the words recur.
    """
    original, edited = normalize(original), normalize(edited)
    ow, nw, ops = _opcodes(original, edited)
    out: list[TextOperation] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        new = edited[nw[j1][0] : nw[j2 - 1][1]] if j2 > j1 else ""
        if i2 > i1:
            quote = _safe_quote(original, ow, i1, i2)
            out.append(ReplaceText(quote, new) if new else DeleteText(quote))
        elif i1 > 0:
            out.append(InsertText("after", _safe_quote(original, ow, i1 - 1, i1), new))
        elif ow:
            out.append(InsertText("before", _safe_quote(original, ow, 0, 1), new))
        else:
            out.append(InsertText("beginning", None, new))
    return tuple(out)


def _safe_quote(text: str, spans: list[tuple[int, int]], i: int, j: int) -> Quote:
    """Quote words i..j; widen leftwards when an overlapping repeat hides the place."""
    while True:
        try:
            return quote_for(text, spans[i][0], spans[j - 1][1])
        except ValueError:
            if i == 0:
                raise
            i -= 1
