"""The first stage of reading an amendment's wording: assemblies' phrasing, put plainly.

Assemblies say the same thing in many sentence shapes.  PACE and the UN write the
place inside the sentence (``In the draft resolution, paragraph 1, delete the
words: "..."``, ``At the end of paragraph 2, insert ...``, ``Substitute "A" for
"B" in paragraph 5``); the UN counts ``the second preambular paragraph``; PACE adds
``and renumber the subsequent paragraphs accordingly`` and ``so that the paragraph
will read: ...``.  Rather than give every operation pattern of
:mod:`drafting.amendments.phrases` each of these shapes (their product), this stage
rewrites a line into the one plain shape those patterns read, ``paragraph 1,
delete "..."``, and keeps aside what is not an operation: the text of the report it
amends and the wording it says the provision will have.

The quotations are masked first, so nothing inside quoted words is ever rewritten:
``"the second paragraph of the preamble"`` quoted from a draft stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.amendments.phrases import NOUN, ORDINAL_WORDS, PLACE, QUOTED, VERB
from drafting.amendments.words import ORDINALS

_MASK = "\ue000"
_QUOTATION = re.compile(QUOTED)
_SLOT = re.compile(_MASK + r"([0-9]+)" + _MASK)

#: The texts a report carries, as an amendment names them.
_TEXTS = (
    r"(?:preliminary\s+)?draft\s+(?:resolution|recommendation|decision|opinion|declaration"
    r"|convention|conclusions?|text)|motion\s+for\s+a\s+resolution|proposal\s+for\s+a\s+\w+"
)
_TEXT_FIRST = re.compile(
    rf"^(?:in\s+|to\s+)?(?:the\s+)?(?:text\s+of\s+the\s+)?(?P<t>{_TEXTS})\s*(?:[,:;.]\s*|[–—-]\s+|$)",
    re.IGNORECASE,
)
_TEXT_INSIDE = re.compile(rf"\s*,?\s+(?:of|in|to)\s+the\s+(?P<t>{_TEXTS})\b\s*", re.IGNORECASE)
_RENUMBER = re.compile(
    r"\s*[,;]?\s*\(?(?:and\s+)?(?:to\s+)?renumber(?:ing)?\s+(?:all\s+|the\s+)?"
    r"(?:(?:subsequent|following|remaining|other)\s+)?(?:(?:sub-)?paragraphs|provisions"
    r"|recitals|points)?\s*(?:accordingly)?\)?(?=\s*[:.;]?\s*$|\s*:)",
    re.IGNORECASE,
)
_READS = re.compile(
    rf"\s*[,;]?\s*so\s+(?:that|as)\s+(?:the\s+)?(?:{NOUN}|text|provision|title|clause|it)\s+"
    r"(?:(?:will|would|shall|should|then|now)\s+)*(?:reads?|be\s+worded)"
    r"(?:\s+as\s+follows)?\s*:?\s*(?P<r>.*)$",
    re.IGNORECASE,
)
_ORD = rf"(?:{ORDINAL_WORDS})"
_PREAMBLE = (
    r"(?:preambular\s+paragraph|paragraph\s+of\s+the\s+preamble|recital|citation"
    r"|preambular\s+(?:clause|part))"
)
_OPERATIVE = r"(?:operative\s+paragraph|paragraph\s+of\s+the\s+operative\s+part)"
_ORDINAL_PLACE = re.compile(
    rf"\bthe\s+(?P<o>{_ORD})\s+(?P<k>{_PREAMBLE}|{_OPERATIVE})(?![a-z])", re.IGNORECASE
)
_ORDINAL_PLACES = re.compile(
    rf"\bthe\s+(?P<list>{_ORD}(?:\s*,\s*{_ORD})*,?\s+(?:and|to)\s+{_ORD})\s+"
    rf"(?P<k>preambular\s+paragraphs|paragraphs\s+of\s+the\s+preamble|recitals"
    r"|operative\s+paragraphs|paragraphs\s+of\s+the\s+operative\s+part)\b",
    re.IGNORECASE,
)
_CHAPEAU = re.compile(
    r"\bthe\s+(?:introductory\s+(?:part|words|phrase|sentence|text)|chapeau|opening\s+"
    r"(?:part|words))\s+of\s+(?=(?:the\s+)?(?:operative\s+|preambular\s+)?(?:sub-)?paragraph"
    r"|(?:the\s+)?(?:OP|PP)\s*[0-9])",
    re.IGNORECASE,
)
_AT_EDGE_OF = re.compile(
    rf"^(?P<v>(?:insert|add)\s+)?(?:at|to)\s+the\s+(?P<e>end|beginning|start)\s+of\s+"
    rf"(?:the\s+)?(?P<p>{PLACE}|title)\s*[,:]?\s*",
    re.IGNORECASE,
)
#: ``Substitute "A" for "B" in paragraph 5``: a word operation naming its place last.
_PLACE_LAST = re.compile(
    rf"^(?P<op>{VERB}.*?(?:{_MASK}|\bsentence\b).*?)\s*,?\s+(?:in|of|from|to)\s+(?:the\s+)?"
    rf"(?P<p>{PLACE})\s*(?P<end>[.;]?)$",
    re.IGNORECASE,
)
_THEREFOR = re.compile(r"\s+there(?:for|fore|with|by|in)\b", re.IGNORECASE)
#: A remark for the secretariat to put into words, not an operation to carry out.
_REMARK = re.compile(
    r"\b(?:should|shall|must|to)\s+(?:be\s+(?:put\s+)?in\s+the\s+(?:singular|plural)"
    r"|be\s+(?:spelt|spelled|capitali[sz]ed|aligned|harmoni[sz]ed|corrected|made\s+consistent))"
    r"|\b(?:singular|plural)\b|\bconsequential\s+(?:changes|amendments)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Wording:
    """A line of wording, put plainly, and what it said besides its operation."""

    line: str
    #: The report's text it names (``draft recommendation``), lower case; '' if none.
    target_text: str = ""
    #: The wording the provision will have; '' when the line states none, and None
    #: when it says so (``so that the paragraph will read:``) with the words below.
    reads: str | None = ""
    #: A remark (``should be in the plural``) to be put into words by the secretariat.
    remark: bool = False
    #: Places it names as a list (``the first and second paragraphs of the preamble``).
    places: tuple[str, ...] = ()


_READS_LINE = re.compile(r"^\s*so\s+(?:that|as)\s", re.IGNORECASE)


def states_wording(line: str) -> bool:
    """True for a line giving the wording a provision will have (``So that the
    paragraph reads: ...``): it ends the new words above it, and is none of them."""
    return bool(_READS_LINE.match(line)) and _READS.match(line) is not None


def _ordinal(word: str) -> int:
    return ORDINALS.index(word.lower()) + 1


def _kind(words: str) -> str:
    w = words.lower()
    return "operative paragraph" if "operative" in w else "preambular paragraph"


#: A word one of the rewrites below needs; a line with none (most of a file: "Leave
#: out "X" and insert "Y"") is plain already, and is not run through them.
_CUES = re.compile(
    rf"draft|motion|proposal|\bso\b|renumber|there|introduct|chapeau|opening"
    rf"|\b(?:at|in|of|from|to)\b|should|shall|must|singular|plural|consequential"
    rf"|\b(?:{ORDINAL_WORDS})\b",
    re.IGNORECASE,
)


def plain_wording(line: str) -> Wording:
    """``line`` rewritten into the plain shape the operation patterns read.

    A line already plain comes back unchanged (``Wording.line is line``), so the
    reader can tell whether anything was rewritten.
    """
    quotes: list[str] = []

    def mask(m: re.Match[str]) -> str:
        quotes.append(m.group())
        return f"{_MASK}{len(quotes) - 1}{_MASK}"

    masked = _QUOTATION.sub(mask, line) if any(c in line for c in "\"“”„«»'‘’‚‹›") else line
    if not _CUES.search(masked):
        return Wording(line)
    text = masked
    target = ""
    reads: str | None = ""
    places: tuple[str, ...] = ()

    m = _TEXT_FIRST.match(text)
    if m:
        target, text = _spaced(m.group("t")), text[m.end() :]
    m = _TEXT_INSIDE.search(text)
    if m:
        target = target or _spaced(m.group("t"))
        text = text[: m.start()] + (" " if m.end() < len(text) else "") + text[m.end() :]
    m = _READS.search(text)
    if m:
        reads = m.group("r").strip() or None
        text = text[: m.start()].rstrip(" ,;")
    text = _RENUMBER.sub("", text)
    text = _THEREFOR.sub("", text)
    text = _CHAPEAU.sub("", text)
    m = _ORDINAL_PLACES.search(text)
    if m:
        kind = _kind(m.group("k"))
        words = re.split(r"\s*,\s*|\s+and\s+|\s+to\s+", m.group("list"))
        numbers = [_ordinal(w) for w in words if w]
        if re.search(r"\bto\b", m.group("list")) and len(numbers) == 2:
            numbers = list(range(numbers[0], numbers[1] + 1))
        places = tuple(f"{kind} {n}" for n in numbers)
        text = text[: m.start()] + f"{kind} {numbers[0]}" + text[m.end() :]
    text = _ORDINAL_PLACE.sub(lambda m: f"{_kind(m.group('k'))} {_ordinal(m.group('o'))}", text)
    m = _AT_EDGE_OF.match(text)
    if m:
        verb = m.group("v") or ""
        text = f"{m.group('p')}, at the {m.group('e').lower()} {verb}{text[m.end() :]}"
    m = _PLACE_LAST.match(text)
    if m:
        text = f"{m.group('p')}, {m.group('op')}{m.group('end')}"
    if text == masked and reads == "" and not target:
        return Wording(line, remark=bool(_REMARK.search(masked)))
    out = _SLOT.sub(lambda m: quotes[int(m.group(1))], text).strip()
    stated = _SLOT.sub(lambda m: quotes[int(m.group(1))], reads) if reads else reads
    return Wording(out, target, stated, bool(_REMARK.search(text)), places)


def _spaced(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower())
