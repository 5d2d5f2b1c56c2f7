"""What the words of one line say about where paragraphs begin and end.

A draft that lost its layout (pasted from a PDF, or read from one line by line)
still carries the drafter's signals in its text: a number or letter that opens a
provision, a dash, a lead phrase from the lexicon, the punctuation a paragraph
ends with, a footnote mark, a page number.  Each cue is one small function here so
that unwrapping, page-band detection and run-on splitting read them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.labels import GROUP_WORDS, SCHEDULE_WORDS, UNIT_WORDS, word_forms
from drafting.model.phrases import leading_phrase

#: Leading emphasis markup (unescaped stars), which hides the words behind it.
_OPEN_MARKUP = re.compile(r"^(?:\*{1,3}(?=\S))")
_NUMBER = re.compile(r"^(?:\((\d{1,3})\)|(\d{1,3})[.)])(?=\s|\*|$)")
#: A decimal sub-paragraph label, as PACE numbers them: ``15.1``, ``15.1.``, ``2.3.1``.
_DOTTED = re.compile(r"^((?:\d{1,3}\.)+\d{1,3})\.?(?=\s|\*|$)")
_LETTER = re.compile(
    r"^(?:\(([a-z]{1,2}|[ivxlc]{1,6}|[A-Z])\)|([a-z]{1,2}|[ivxlc]{1,6})[.)]|([A-Z]{1,2})\.)(?=\s|$)"
)
_DASH = re.compile(r"^[–—•▪-]\s+\S")
#: A footnote typed as text: a star or dagger mark, the star escaped as markup wants it
#: or, in a paste, bare and followed by a space.
_NOTE_SYMBOL = re.compile(r"^((?:\\\*){1,3}|\*{1,3}(?=\s)|†{1,3}|‡)\s*(?=\S)")
#: A Markdown footnote, defined on a line of its own: ``[^1]: Resolution 74/20.``
_MD_NOTE = re.compile(r"^\[\^[^\]\s]+\]:")
#: A bare star glued to the note's first word, in a paste (``*Presented by``).
_GLUED_STAR = re.compile(r"^(\*{1,3})(?=[A-Z])[^*]*$")
#: A numeric footnote mark: digits glued to the note's first word or spaced from it.
_NOTE_DIGITS = re.compile(r"^(\d{1,3})(?=\s*[A-Z“\"(‘'])")
#: Punctuation a line ends with, past closing quotes, brackets, markup and note marks.
_END = re.compile(r"([.;:,!?])(?:[\"'”’)\]]|\*{1,3}|\\\*|†|‡|\d{1,3}(?=$))*\s*$")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
#: Words after which a number continues the sentence ("paragraph 12 of ...").
REFERRERS = frozenset(
    [
        "paragraph",
        "paragraphs",
        "para",
        "article",
        "articles",
        "section",
        "sections",
        "resolution",
        "resolutions",
        "rule",
        "rules",
        "annex",
        "chapter",
        "chapters",
        "point",
        "points",
        "subparagraph",
        "subparagraphs",
        "item",
        "items",
        "no",
        "nos",
        "number",
        "numbers",
        "and",
        "or",
        "to",
        "of",
        "in",
        "see",
        "page",
        "pages",
        "decision",
        "decisions",
    ]
)

_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,4}"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|\d{1,4}\s+of\s+\d{1,4}"
    r"|(?:page|p\.|pg\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r")$",
    re.IGNORECASE,
)
#: A document symbol with a page number beside it: ``A/RES/76/123 3``, ``3 A/80/L.7``.
_SYMBOL_AND_NUMBER = re.compile(
    r"^(?:[A-Z][\w.]*(?:/[\w.()-]+)+\s+\d{1,4}|\d{1,4}\s+[A-Z][\w.]*(?:/[\w.()-]+)+)$"
)


#: The opening formula on a line of its own: ``The General Assembly,``.
_FORMULA = re.compile(
    r"^\**The\s+(?:[A-Z][\w-]*\s+){0,4}(?:Assembly|Parliament|Council|Conference|Committee)"
    r"\**\s*,\**$"
)
#: The number line of a resolution: ``RESOLUTION 490*``.
_NUMBER_LINE = re.compile(
    r"^\**(?:RESOLUTION|DRAFT RESOLUTION|RECOMMENDATION|DECLARATION|DECISION)\**\s+[\w./()-]+"
    r"\**(?:\\?\*|†|‡)*$"
)


@dataclass(frozen=True)
class Label:
    """A provision's number or letter as typed at the start of a line."""

    kind: str  # "number" | "letter" | "dotted"
    value: str  # "12", "b", "iv", "B", "15.1"
    end: int  # index in the line just past the label


def strip_markup(text: str) -> str:
    """``text`` without its emphasis stars; escaped stars stay as one ``*``."""
    return re.sub(r"(?<!\\)\*+", "", text).replace("\\*", "*")


def label_at(text: str) -> Label | None:
    """The number or letter that opens ``text`` ("12.", "(b)", "a)", "iv.", "15.1."),
    or None."""
    body, offset = _skip_markup(text)
    m = _NUMBER.match(body)
    if m:
        return Label("number", m.group(1) or m.group(2), offset + m.end())
    m = _DOTTED.match(body)
    if m:
        return Label("dotted", m.group(1), offset + m.end())
    m = _LETTER.match(body)
    if m:
        return Label("letter", m.group(1) or m.group(2) or m.group(3), offset + m.end())
    return None


def opens_with_dash(text: str) -> bool:
    """True for a line typed as a dashed item: ``– having regard to ...``."""
    return bool(_DASH.match(_skip_markup(text)[0]))


def lead_at(text: str) -> str | None:
    """The lexicon lead phrase that opens ``text`` past any label and markup, or None.

    The phrase must start with a capital, as a provision does: "aware of" inside a
    sentence is not a lead.  An adverb before it counts ("Also requests").
    """
    label = label_at(text)
    rest = text[label.end :] if label else text
    body = strip_markup(rest).lstrip()
    if not body[:1].isupper():
        return None
    return leading_phrase(body)  # an adverb before the phrase included


def opens_with_emphasis(text: str) -> bool:
    """True when ``text`` (past any label) starts with bold or italic: a styled lead."""
    label = label_at(text)
    rest = text[label.end :].lstrip() if label else text
    return bool(_OPEN_MARKUP.match(rest))


def note_mark(text: str) -> str | None:
    """The footnote mark a line opens with (``\\*``, ``†``, ``12``) as typed, or None.

    Digits count only when a capital, quote or bracket follows (``1See``, ``2 The``):
    ``12. Urges`` is a paragraph number, ``3 November`` is ambiguous and decided by
    the caller.
    """
    symbol = symbol_note_mark(text)
    if symbol:
        return symbol
    m = _NOTE_DIGITS.match(text)
    return m.group(1) if m else None


def symbol_note_mark(text: str) -> str | None:
    """The star or dagger footnote mark a line opens with, or None (no digits).

    A bare star glued to a capital counts only when no other star follows on the line,
    which would make it italic (``*Recalling* that``).
    """
    m = _NOTE_SYMBOL.match(text) or _GLUED_STAR.match(text)
    return m.group(1) if m else None


def end_punctuation(text: str) -> str | None:
    """The punctuation mark ``text`` ends with, looking past ``”``, ``)``, markup and a
    footnote mark (``hazards,1`` ends with a comma); None when it ends mid-sentence."""
    m = _END.search(text)
    return m.group(1) if m else None


def ends_with_referrer(text: str) -> bool:
    """True when ``text`` ends with a word a number continues ("paragraph", "and")."""
    plain = strip_markup(text)
    m = _LAST_WORD.search(plain)
    if not m or m.group(1).lower() not in REFERRERS:
        return False
    # "calls on member States to:" ends a sentence; "paragraphs 3 to" does not.
    tail = plain[m.end(1) :].strip()
    return len(tail) <= 2 and not any(mark in tail for mark in ":;.")


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number: ``3``, ``- 3 -``, ``Page 3 of 9``, ``2/5``."""
    return bool(_PAGE_NUMBER.match(strip_markup(text).strip()))


def is_symbol_with_number(text: str) -> bool:
    """True for a document symbol beside a page number: ``A/RES/76/123 3``."""
    return bool(_SYMBOL_AND_NUMBER.match(strip_markup(text).strip()))


#: A clause-structured text's numbering word and number ("Article II", "Section 1.",
#: "CHAPTER 3", "Rule 12"): a line opening with one opens a provision or a group.
_CLAUSE_WORD = re.compile(
    rf"^(?:{word_forms([*UNIT_WORDS, *GROUP_WORDS, *SCHEDULE_WORDS])})\s*"
    r"(?:[0-9]+(?:\.[0-9]+)*[A-Z]?|[IVXLC]+)(?![A-Za-z])"
)


def stands_alone(text: str) -> bool:
    """True for a line that is a paragraph by itself: the opening formula
    (``The General Assembly,``), the number line (``RESOLUTION 490*``), or a clause
    label on a line of its own (``Article II``, ``CHAPTER 3``)."""
    if _FORMULA.match(text) or _NUMBER_LINE.match(text):
        return True
    m = _CLAUSE_WORD.match(text.strip())
    return m is not None and not text.strip()[m.end() :].strip(" .:—–-")


def opens_provision(text: str, previous: str) -> bool:
    """True when ``text`` reads as the start of a provision after the line ``previous``.

    A number, a dash, a lead phrase or a styled first word, each only after a line
    that could end a paragraph; a star footnote at any time.  The number's place in
    the sequence is the caller's business.
    """
    if symbol_note_mark(text) or _MD_NOTE.match(text):
        return True
    if _CLAUSE_WORD.match(text) and not ends_with_referrer(previous):
        return True
    end = end_punctuation(previous)
    label = label_at(text)
    if label is not None:
        before = label_at(previous)
        if (
            before is not None
            and label.kind == before.kind == "number"
            and before.value.isdigit()
            and label.value == str(int(before.value) + 1)
            and previous.rstrip().endswith((" and", " or"))
        ):
            # "2. junior members ...; and" then "3. honorary members": the next item of
            # a list whose items stand a line each, not "paragraphs 2 and 3".
            return True
        if ends_with_referrer(previous):
            return False
        if label.kind == "letter":
            return end is not None or previous.rstrip().endswith((" and", " or"))
        return end is not None
    if end is None:
        return False
    return opens_with_dash(text) or lead_at(text) is not None or opens_with_emphasis(text)


def _skip_markup(text: str) -> tuple[str, int]:
    m = _OPEN_MARKUP.match(text)
    return (text[m.end() :], m.end()) if m else (text, 0)
