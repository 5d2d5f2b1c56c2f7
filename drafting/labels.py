"""Labels of numbered provisions: letters and Roman numerals, both ways.

These are pure functions of a number or a string, with no knowledge of XML or of
documents, so every layer may use them: the model renumbers with them, the Word
import reads labels back with them, and the profile check (``drafting.akn.profile``)
and the profile schema's generator (``tools/make_profile.py``) build their label
tables from them, so the three can never disagree.
"""

from __future__ import annotations

import re

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def to_roman(n: int) -> str:
    """Lower-case Roman numeral of ``n`` (>= 1)."""
    if n < 1:
        raise ValueError(f"Roman numerals start at 1, not {n}")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int | None:
    """The value of a Roman numeral (any case); None when ``s`` is not a canonical one."""
    s = s.lower()
    if not s or not re.fullmatch(r"m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", s):
        return None
    total, i = 0, 0
    for value, letters in _ROMAN:
        while s.startswith(letters, i):
            total += value
            i += len(letters)
    return total


def to_alpha(n: int) -> str:
    """Word's lowerLetter format: a..z, then aa..zz, then aaa..."""
    if n < 1:
        raise ValueError(f"letters start at 1, not {n}")
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def from_alpha(s: str) -> int | None:
    """Inverse of :func:`to_alpha` (any case); None when ``s`` is not such a label."""
    s = s.lower()
    if not s or not s.isascii() or not s.isalpha() or len(set(s)) != 1:
        return None
    return (len(s) - 1) * 26 + ord(s[0]) - ord("a") + 1


def to_letters(n: int) -> str:
    """Letters counted like spreadsheet columns: A..Z, AA, AB, ..., AZ, BA, ..."""
    if n < 1:
        raise ValueError(f"letters start at 1, not {n}")
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def from_letters(s: str) -> int | None:
    """Inverse of :func:`to_letters` (any case); None when ``s`` is not letters."""
    if not s or not s.isascii() or not s.isalpha():
        return None
    n = 0
    for ch in s.upper():
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


_FORMS = (
    (re.compile(r"^\(([^()\s]+)\)$"), "({})"),
    (re.compile(r"^\[([^\[\]\s]+)\]$"), "[{}]"),
    (re.compile(r"^([^()\s]+)\)$"), "{})"),
    (re.compile(r"^([^.\s]+)\.$"), "{}."),
    (re.compile(r"^([0-9A-Za-z]+)$"), "{}"),
)
_DOTTED = re.compile(r"^[0-9]+(?:\.[0-9]+)+\.?$")


def label_form(label: str) -> tuple[str, str] | None:
    """The numbering format and pattern a label is written in: ``"(iv)"`` ->
    ``("lower-roman", "({})")``, ``"15.1"`` -> ``("decimal", "{parent}.{}")``; None for
    a label that is no number (a bullet, a dash).

    A lone ``i``, ``v`` or ``x`` and a run that is a Roman numeral (``ii``, ``iv``)
    read as Roman numerals; other letters as letters.
    """
    label = label.strip()
    if _DOTTED.match(label):
        return ("decimal", "{parent}.{}")
    for pattern, form in _FORMS:
        m = pattern.match(label)
        if m is None:
            continue
        value = m.group(1)
        if value.isdigit() and value.isascii():
            return ("decimal", form)
        if not value.isascii() or not value.isalpha():
            return None
        case = "lower" if value.islower() else "upper" if value.isupper() else ""
        if not case:
            return None
        roman = from_roman(value) is not None
        alpha = from_alpha(value) is not None
        if roman and (not alpha or len(value) > 1 or value.lower() in ("i", "v", "x")):
            return (f"{case}-roman", form)
        if alpha:
            return (f"{case}-alpha", form)
        if case == "upper":
            return ("upper-letters", form)
        return None
    return None


# -- numbering words -------------------------------------------------------------

#: The words a clause-structured text prints before a group's number, and the AKN
#: element each makes, outermost first ("PART 2", "Chapter IV").
GROUP_WORDS: dict[str, str] = {
    "book": "book",
    "part": "part",
    "title": "title",
    "chapter": "chapter",
    "subchapter": "subchapter",
    "division": "division",
}
#: The words that number a unit of the text ("Article 35", "RULE 5", "Sec. 3", "§ 2"),
#: abbreviations included, and the AKN element each makes.
UNIT_WORDS: dict[str, str] = {
    "article": "article",
    "art": "article",
    "rule": "rule",
    "regulation": "regulation",
    "reg": "regulation",
    "section": "section",
    "sec": "section",
    "§": "section",
    "clause": "clause",
}
#: Abbreviations among :data:`UNIT_WORDS`: printed with a full stop ("Art. 5").
ABBREVIATIONS = frozenset({"art", "reg", "sec"})
#: The words of a schedule's heading ("SCHEDULE 1", "ANNEX").
SCHEDULE_WORDS = ("schedule", "schedules", "annex", "annexes", "appendix")


def word_forms(words: tuple[str, ...] | list[str], *, lower: bool = False) -> str:
    """An alternation of ``words`` as a clause text prints them: capitalised and in
    capitals ("Article", "ARTICLE"), with the abbreviations' full stop ("Art."), and
    lower case too with ``lower`` (an amendment's "paragraph 1 of article 35").
    Longest first, so "Sec." is not read as "Sec"."""
    forms: list[str] = []
    for word in words:
        dot = r"\." if word in ABBREVIATIONS else ""
        variants = [word.capitalize(), word.upper()] + ([word] if lower else [])
        forms.extend(re.escape(v) + dot for v in dict.fromkeys(variants))
    return "|".join(sorted(dict.fromkeys(forms), key=len, reverse=True))
