"""Split a run-on draft ("1. Emphasizing ...; 2. Acknowledging ...; 3. Calls upon ...").

Some pastes lose every line break, so a whole resolution arrives as one line.  The
numbers are still there; what tells a paragraph number from "paragraph 2. of the
resolution" is that it continues the sequence and follows a boundary (``;``, ``:``,
``.`` or a closing bracket).  Sub-paragraphs "(a) ...; (b) ..." are split the same
way.  The sequence is carried across paragraphs, so an excerpt that starts at 54
splits at 55, 56, ... and never waits for a 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.text.cues import label_at

_NUMBER = re.compile(
    r"(?P<punct>[;:.)\]]|,)(?:[\"'”’]|\*{1,3})?(?P<space>\s+)\*{0,3}(?P<n>\d{1,3})\.\*{0,3}(?=\s+\S)"
)
_LETTER = re.compile(
    r"(?P<punct>[;:,.])(?:\s+(?:and|or))?(?P<space>\s+)"
    r"(?:\((?P<p>[a-z]{1,2}|[ivx]{1,5})\)|(?P<b>[a-z])\))(?=\s+\S)"
)
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"]
_LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]


@dataclass
class Sequence:
    """Where the numbering stands: the last paragraph number, letter and Roman numeral."""

    number: int | None = None
    letter: int | None = None  # index into a..z
    roman: int | None = None  # index into i..xiii

    def see_label(self, text: str) -> None:
        """Move on past the label that opens ``text``, when it has one."""
        label = label_at(text)
        if label is None:
            return
        if label.kind == "number":
            self.number, self.letter, self.roman = int(label.value), None, None
        elif label.kind == "letter":
            self._see_letter(label.value.lower(), chained=True)

    def _see_letter(self, value: str, *, chained: bool) -> bool:
        expected_letter = 0 if self.letter is None else self.letter + 1
        if expected_letter < len(_LETTERS) and value == _LETTERS[expected_letter]:
            self.letter, self.roman = expected_letter, None
            return True
        expected_roman = 0 if self.roman is None else self.roman + 1
        in_series = expected_roman < len(_ROMAN) and value == _ROMAN[expected_roman]
        if in_series and (self.roman is not None or chained):
            self.roman = expected_roman
            return True
        return False


def split_runons(
    paragraphs: list[str], skip: set[int]
) -> tuple[list[str], set[int], int, list[int]]:
    """``paragraphs`` with run-on numbered and lettered provisions cut apart.

    Paragraphs whose index is in ``skip`` (footnotes) pass unchanged.  Returns the
    paragraphs, the new indices of the skipped ones, how many cuts were made, and for
    each paragraph returned the index of the one it was cut from.
    """
    seq = Sequence()
    out: list[str] = []
    origin: list[int] = []
    kept: set[int] = set()
    cuts = 0
    for n, text in enumerate(paragraphs):
        if n in skip:
            kept.add(len(out))
            out.append(text)
            origin.append(n)
            continue
        pieces = _split(text, seq)
        cuts += len(pieces) - 1
        out.extend(pieces)
        origin.extend([n] * len(pieces))
    return out, kept, cuts, origin


def _candidates(text: str) -> list[tuple[int, int, str, str]]:
    """(position of the space, kind, value, punctuation) for each possible cut, in order."""
    found = [(m.start("space"), 0, m.group("n"), m.group("punct")) for m in _NUMBER.finditer(text)]
    found += [
        (m.start("space"), 1, m.group("p") or m.group("b"), m.group("punct"))
        for m in _LETTER.finditer(text)
    ]
    found.sort()
    return [(pos, kind, value, punct) for pos, kind, value, punct in found]


def _split(text: str, seq: Sequence) -> list[str]:
    seq.see_label(text)
    found = _candidates(text)
    if not found:
        return [text]
    cuts: list[int] = []
    following: list[str | None] = [None] * len(found)  # next value of the same kind
    nxt: dict[int, str] = {}
    for k in range(len(found) - 1, -1, -1):
        following[k] = nxt.get(found[k][1])
        nxt[found[k][1]] = found[k][2]
    for k, (pos, kind, value, punct) in enumerate(found):
        later = following[k]
        if kind == 0:
            n = int(value)
            if seq.number is not None:
                ok = n == seq.number + 1 and punct != ","
            else:
                chain = later is not None and int(later) == n + 1
                ok = chain and (punct != "," or n == 1)
            if ok:
                cuts.append(pos)
                seq.number, seq.letter, seq.roman = n, None, None
        else:
            chained = punct == ":" or (later is not None and _follows(value, later))
            if seq.letter is None and seq.roman is None and not chained:
                continue
            if seq._see_letter(value, chained=chained):
                cuts.append(pos)
    if not cuts:
        return [text]
    pieces, start = [], 0
    for pos in cuts:
        pieces.append(text[start:pos].strip())
        start = pos
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _follows(value: str, nxt: str) -> bool:
    for series in (_LETTERS, _ROMAN):
        if value in series and nxt in series and series.index(nxt) == series.index(value) + 1:
            return True
    return False
