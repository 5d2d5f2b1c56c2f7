"""Reading a place by page and line: ``Page 2, line 10, leave out 'x'``.

The place is a :class:`~drafting.amendments.model.Location` of kind ``line``; a page
left out is the last page the amendment named, else page 1.  What follows the place
is an ordinary operation, read by the parser as any other, except the two forms that
name lines themselves: ``leave out lines 28 to 31`` and ``from 'a' to end of line 9``.
Resolving them against the print of the draft is :mod:`drafting.amendments.lines`.
"""

from __future__ import annotations

import re

from drafting.amendments.model import (
    DeleteProvision,
    DeleteText,
    Lines,
    Location,
    Operation,
    Quote,
    ReplaceText,
    ToLineEnd,
)
from drafting.amendments.phrases import ORDINAL_WORDS, QUOTED, Unclear, plain
from drafting.amendments.words import ORDINALS, normalize

_N = r"[0-9]{1,4}"
#: What a line about pages and lines opens with (the other lines are left alone fast).
_LEAD = re.compile(
    r"(?:page|lines?|leave\s+out|delete|omit|remove|strike\s+out|replace)\s", re.IGNORECASE
)
_PLACE = re.compile(
    rf"(?:page\s+(?P<page>{_N})(?=[\s,:.]|$)\s*,?\s*)?"
    rf"(?:(?P<word>lines?)\s+(?P<first>{_N})(?:\s+to\s+(?P<last>{_N}))?(?=[\s,:.]|$))?"
    r"\s*[,:.]?\s*",
    re.IGNORECASE,
)
#: The UK Public Bill Office's amendments name the clause (or schedule) before the
#: page and line, "Clause 2, page 1, line 20, leave out ...": the page and line place
#: the words, so the clause is read past.
_CLAUSE_FIRST = re.compile(
    rf"^(?:clause|schedule)\s+{_N}[A-Z]{{0,3}}\s*,\s*(?=page\s)", re.IGNORECASE
)
_DEL = r"(?:leave\s+out|delete|omit|remove|strike\s+out)"
_ON_PAGE = rf"(?:\s+(?:on|of)\s+page\s+(?P<page>{_N}))?"
_LINES_OP = re.compile(
    rf"{_DEL}\s+(?:the\s+)?(?P<word>lines?)\s+(?P<first>{_N})(?:\s+to\s+(?P<last>{_N}))?"
    rf"{_ON_PAGE}\s*[.;]?",
    re.IGNORECASE,
)
_TO_LINE_END = re.compile(
    rf"(?:{_DEL}|replace)\s+from\s+(?:the\s+(?P<ord>{ORDINAL_WORDS}|last)\s+)?(?P<a>{QUOTED})"
    rf"\s+to\s+(?:the\s+)?end\s+of\s+line\s+(?P<line>{_N}){_ON_PAGE}"
    rf"(?:(?:\s*[,;]\s*|\s+)(?:and\s+)?(?:insert|substitute|add|replace\s+(?:it\s+)?(?:with|by))"
    rf"\s*:?\s*(?P<n>{QUOTED})"
    rf"|\s+(?:with|by)(?:\s+the\s+following(?:\s+words)?)?\s*:?\s*(?P<m>{QUOTED}))?\s*[.;]?",
    re.IGNORECASE | re.DOTALL,
)
_HINT = (
    "write e.g. Page 2, line 10, leave out 'x' and insert 'y', or Page 2, leave out lines 28 to 31"
)


def _words(quoted: str) -> str:
    text = normalize(plain(quoted[1:-1]))
    if not text:
        raise Unclear("a quotation is empty", "quote the words of the draft")
    return text


def _number(text: str, what: str) -> int:
    n = int(text)
    if n < 1:
        raise Unclear(f"there is no {what} {text}: pages and lines count from 1", _HINT)
    return n


def _lines(page: int, first: str, last: str | None, word: str) -> Lines:
    a = _number(first, "line")
    if last is None:
        return Lines(page, a, a if word.lower() == "lines" else None)
    b = _number(last, "line")
    if b < a:
        raise Unclear(f"lines {a} to {b} run backwards", "give the first line first")
    return Lines(page, a, b)


def read_printed(
    text: str, location: Location | None
) -> tuple[Location, str, tuple[Operation, ...]] | None:
    """A line that places an amendment by page and line: its location, what follows the
    place (for the parser to read as an operation; '' when nothing does), and the
    operations read here, those that name lines themselves.  None when the line names
    no page or line.

    ``location`` is the amendment's location so far: a page the line leaves out is
    its page, else page 1.

    Raises:
        Unclear: the line names pages or lines in a way that cannot be read for sure.
    """
    if text[:1] in "CcSs":
        text = _CLAUSE_FIRST.sub("", text, count=1)
    if not _LEAD.match(text):
        return None
    place = _PLACE.match(text)
    assert place is not None  # every part of it is optional
    named_page = place.group("page")
    placed = named_page is not None or place.group("first") is not None
    rest = text[place.end() :] if placed else text
    if named_page is not None:
        page = _number(named_page, "page")
    elif location is not None and location.lines is not None:
        page = location.lines.page
    else:
        page = 1
    here = (
        _lines(page, place.group("first"), place.group("last"), place.group("word"))
        if place.group("first") is not None
        else None
    )
    ops: tuple[Operation, ...] = ()
    gone = _LINES_OP.fullmatch(rest)
    ending = _TO_LINE_END.fullmatch(rest) if "end" in rest.lower() else None
    if gone is not None:
        on = _number(gone.group("page"), "page") if gone.group("page") else page
        lines = _lines(on, gone.group("first"), gone.group("last"), "lines")
        if here is not None and (here.page, here.first) != (lines.page, lines.first):
            raise Unclear(
                f"{text!r} names {str(here).lower()}, then leaves out {lines.named}",
                "start from the first line left out: Page 2, leave out lines 28 to 31",
            )
        here, ops, rest = lines, (DeleteProvision(),), ""
    elif ending is not None:
        start = Quote(_words(ending.group("a")), _ordinal(ending.group("ord")))
        on = _number(ending.group("page"), "page") if ending.group("page") else page
        end = Lines(on, _number(ending.group("line"), "line"))
        new = ending.group("n") or ending.group("m")
        target = ToLineEnd(start, end)
        ops = (ReplaceText(target, _words(new)) if new else DeleteText(target),)
        rest = ""
        if here is None:
            if location is None or location.lines is None:
                raise Unclear(
                    f"{text!r} does not say on which page and line the words start",
                    "write e.g. Page 2, line 4, leave out from 'a' to end of line 9",
                )
            here = location.lines
    if here is None:
        if named_page is not None:
            raise Unclear(f"{text!r} names page {page} but no line on it", _HINT)
        return None
    return Location("line", lines=here), rest.strip(), ops


def _ordinal(word: str | None) -> int | None:
    if word is None:
        return None
    return -1 if word.lower() == "last" else ORDINALS.index(word.lower()) + 1
