"""The supported wording nearest to a line the reader could not understand.

A secretary who typed "Strike out "X" and put "Y"" should be told which words
were not understood and what to write instead, in a form the reader takes, not a
list of every form.  The line's quotations are set aside (they are the
amendment's own words, never the problem), and its wording is compared word by
word with a catalogue of the forms each assembly uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from drafting.amendments.phrases import QUOTED

#: One form of each kind the reader takes, as a secretary would write it; "X", "Y"
#: stand for quoted words.  The ones an assembly uses most come first.
FORMS = (
    'Leave out "X" and insert "Y"',
    'Leave out "X"',
    'After "X" insert "Y"',
    'Before "X" insert "Y"',
    'Leave out from "X" to "Y"',
    'Replace "X" with "Y"',
    'Delete the words "X"',
    'Replace the words "X" with the following words: "Y"',
    'After the word "X" insert the word "Y"',
    'Before the word "X" delete the word "Y"',
    'Delete all words after "X" and replace with the following words: "Y"',
    'After "X" replace the existing text by the following: "Y"',
    'At the end insert "Y"',
    'At the beginning insert "Y"',
    'At the end insert the following sentence: "Y"',
    'Replace the second sentence with the following sentence: "Y"',
    "Delete the paragraph",
    'Replace the paragraph with the following: "Y"',
    'After paragraph 12 insert the following new paragraph: "Y"',
    "Move paragraph 7 after paragraph 9",
    'Substitute "Y" for "X"',
    'For "X" substitute "Y"',
)

_QUOTE = re.compile(QUOTED)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\"X\"")


@dataclass(frozen=True)
class Nearest:
    """The closest supported form, and the words of the line it does not have."""

    form: str
    unread: tuple[str, ...]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def nearest_form(line: str) -> Nearest:
    """The supported form nearest to ``line``, its quotations set aside."""
    masked = _QUOTE.sub(' "X" ', line)
    words = _words(masked)
    best, score = FORMS[0], -1.0
    for form in FORMS:
        ratio = SequenceMatcher(None, words, _words(form.replace('"Y"', '"X"'))).ratio()
        if ratio > score:
            best, score = form, ratio
    target = _words(best.replace('"Y"', '"X"'))
    unread: list[str] = []
    matcher = SequenceMatcher(None, words, target)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            unread.extend(w for w in words[i1:i2] if w != '"x"')
    return Nearest(best, tuple(dict.fromkeys(unread)))


def unread_hint(line: str) -> str:
    """``the words "strike", "put" are not read here; the nearest form that is: ...``."""
    near = nearest_form(line)
    if not near.unread:
        return f"the nearest form it reads: {near.form}"
    words = ", ".join(f'"{w}"' for w in near.unread[:6])
    return f"not read: {words}; the nearest form it reads: {near.form}"
