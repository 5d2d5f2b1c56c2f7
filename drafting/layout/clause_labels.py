"""The label a paragraph of a clause-structured text opens with, read as data.

Rules of procedure, bylaws, constitutions and bills number their provisions in
forms a resolution never uses: a word before the number ("Article 35", "RULE 5",
"Section 1.01", "PART 2", "CHAPTER IV", "SCHEDULE 1"), the UK's section that opens
its first subsection ("1.—(1)"), and below them the bracketed and dotted forms
("(1)", "(a)", "(i)", "(A)", "1.", "1.1").  Each form gets a key; a provision's place
in the tree is decided by which keys are open above it (:mod:`drafting.layout.clauses`),
not by the form alone, so "(i)" after "(h)" stays a letter.

Nothing here renumbers: the label is kept exactly as typed (or as Word computes it),
and the words after it are the provision's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.labels import GROUP_WORDS, SCHEDULE_WORDS, UNIT_WORDS, from_roman, word_forms

_NUMBER = r"(?:[0-9]+(?:\.[0-9]+)*[A-Za-z]{0,3}|[IVXLCDM]+|[A-Z])"
_SEP = r"(?:\s*[—–:]\s*|\.\s+|\s+-\s+|\s*$|\s+)"
_GROUP = re.compile(
    rf"^({word_forms(list(GROUP_WORDS))})"
    rf"\s+({_NUMBER})\.?({_SEP})",
)
_SCHEDULE = re.compile(
    rf"^({word_forms(SCHEDULE_WORDS)})(?:\s+([0-9]+[A-Z]?|[IVXLC]+))?"
    r"\.?(\s*[—–:]\s*|\s*$)"
)
_UNIT = re.compile(
    rf"^({word_forms(list(UNIT_WORDS))})(?:\s+|(?<=[.§])\s*)({_NUMBER})(?![A-Za-z])(\.?)({_SEP})"
)
#: The UK's section opening its first subsection: "1.—(1)", "38C.—(1)", or "12.—".
_UK_SECTION = re.compile(
    r"^((?:[A-Z]{1,3})?[0-9]+[A-Z]{0,4})\.[\s\u2060]*[—–][\s\u2060]*(?:\(((?:[A-Z]{1,3})?[0-9]+[A-Z]{0,4})\)\s*)?"
)
_PAREN = re.compile(r"^\(((?:[A-Z]{1,3})?[0-9]+[A-Za-z]{0,4}|[A-Za-z]{1,6})\)(?:\s+|(?=\S))")
_DOTTED = re.compile(r"^([0-9]+(?:\.[0-9]+)+)\.?(?:\s+|$)")
#: "1.", "3A.", and the UK's inserted forms before and between: "A1.", "AZZ1.", "2ZA.".
_DECIMAL = re.compile(r"^((?:[A-Z]{1,3})?[0-9]+[A-Z]{0,4})[.)](?:\s+|$)")
_LETTER = re.compile(r"^([a-z]{1,2}|[ivxl]{1,6})[.)]\s+")
#: A UK drafting code before an inserted provision ("{nisi}", "{uksi-sch}").
_CODE = re.compile(r"^\{[a-z0-9-]+\}")


@dataclass(frozen=True)
class Label:
    """The label a paragraph opens with."""

    #: ``group``, ``schedule``, ``unit`` (a numbering word), ``uk`` ("1.—"), or ``plain``.
    family: str
    #: The AKN element a group, schedule or unit makes; '' for a plain label, whose
    #: element its place decides.
    element: str
    #: The label as shown ("Article 35", "(b)", "1.").
    shown: str
    #: The form's key: provisions of one key are siblings ("(a)", "(1)", "1.", "1.1").
    key: str
    #: Characters of the paragraph's text the label takes, separator included.
    length: int
    #: The UK's subsection label carried on a section's first line ("(1)" of "1.—(1)").
    inner: str | None = None
    #: The words after the label on the line are a heading ("Rule 5 – Quorum").
    separated: bool = False
    #: The characters of the paragraph the label takes ("Rule 5 – ", "1.—(1) "), as
    #: typed: what the import report counts as imported for it ('' for Word's own
    #: numbering, which is not in the text).
    raw: str = ""

    def taking(self, text: str, length: int) -> Label:
        """This label as it stands at the start of ``text``, taking ``length`` of its
        characters (a code or an opening mark before it included).  Made directly:
        dataclasses.replace costs ten times as much, once a paragraph."""
        return Label(
            self.family,
            self.element,
            self.shown,
            self.key,
            length,
            self.inner,
            self.separated,
            text[:length],
        )


def strip_code(text: str) -> int:
    """How many leading characters are a UK drafting code ("{nisi}"), with the space
    around it (a code may follow the tab that indents the line)."""
    lead = len(text) - len(text.lstrip(" \t"))
    m = _CODE.match(text[lead:])
    if m is None:
        return 0
    end = lead + m.end()
    rest = text[end:]
    return end + len(rest) - len(rest.lstrip())


def read_label(text: str) -> Label | None:
    """The label ``text`` opens with; None when it opens with words."""
    start = len(text) - len(text.lstrip(" \t\u00a0\u2060"))
    body = text[start:]
    if not body:
        return None
    first = body[0]
    if first.isalpha() or first == "§":
        found = _word_label(body, start)
        if found is not None or not first.isupper():
            return found
    m = _UK_SECTION.match(body)
    if m:
        inner = f"({m.group(2)})" if m.group(2) else None
        return Label("uk", "section", f"{m.group(1)}.", "uk", start + m.end(), inner)
    m = _DOTTED.match(body)
    if m:
        parts = m.group(1).count(".") + 1
        return Label("plain", "", m.group(0).strip(), f"dotted{parts}", start + m.end())
    m = _PAREN.match(body)
    if m:
        return Label("plain", "", f"({m.group(1)})", _paren_key(m.group(1)), start + m.end())
    m = _DECIMAL.match(body)
    if m:
        shown = m.group(0).strip()
        return Label("plain", "", shown, "1" + shown[-1], start + m.end())
    return None


def _word_label(body: str, start: int) -> Label | None:
    m = _GROUP.match(body)
    if m:
        word = m.group(1).lower()
        return Label(
            "group",
            GROUP_WORDS[word],
            f"{m.group(1)} {m.group(2)}",
            "group:" + GROUP_WORDS[word],
            start + m.end(),
            separated=bool(m.group(3).strip()),
        )
    m = _SCHEDULE.match(body)
    if m:
        shown = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        return Label(
            "schedule",
            "schedule",
            shown,
            "schedule",
            start + m.end(),
            separated=bool(m.group(3).strip()),
        )
    m = _UNIT.match(body)
    if m:
        word = m.group(1).rstrip(".").lower()
        element = UNIT_WORDS[word]
        return Label(
            "unit",
            element,
            f"{m.group(1)} {m.group(2)}{m.group(3)}",
            "unit:" + element,
            start + m.end(),
            separated=bool(m.group(4).strip() or m.group(3)),
        )
    m = _LETTER.match(body)
    if m:
        shown = m.group(0).strip()
        return Label("plain", "", shown, _paren_key(m.group(1)) + shown[-1], start + m.end())
    return None


def _paren_key(value: str) -> str:
    """The form of a bracketed value: ``(1)``, ``(a)``, ``(i)``, ``(A)``, ``(I)``."""
    if any(ch.isdigit() for ch in value):
        return "(1)"
    if from_roman(value) is not None and (len(value) > 1 or value in "iIvVxX"):
        return "(i)" if value.islower() else "(I)"
    return "(a)" if value.islower() else "(A)"
