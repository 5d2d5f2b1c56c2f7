"""An amendment file cut into its amendments, and the fields each carries.

Every amendment opens with a heading ("Amendment 4", "AMENDMENT No. 4", "Am. 4",
"Compromise amendment C1 (replacing amendments 3 and 7)", "Amendment 4 (rev.)");
the lines up to the next heading are its block.  Fields ("Tabled by:",
"Justification", "Status: adopted", "Date:") are read here; the wording of the
operations is the parser's.  A line that looks meant as a heading but cannot be
read as one is refused, or it would be swallowed by the amendment before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.amendments.errors import syntax_error
from drafting.amendments.phrases import (
    DELETE_PROVISION,
    NOUN,
    VERB,
    Unclear,
    match_text_op,
    read_location,
)
from drafting.amendments.places import CLAUSE_NOUN

_HEADER = re.compile(
    r"^(?:(?:[0-9]{1,3}[.)]|[-*•])\s+)?"  # a numbered or bulleted list of amendments
    r"(?P<kind>compromise\s+amendment|oral\s+amendment|amendment|amdt\.?|am\.)"
    r"\s*(?:(?:no|nr|n°|n\.°)\.?\s*|#\s*)?(?P<num>[0-9A-Za-z][\w./-]*)"
    r"(?:\s*\(\s*rev(?:\.|ised)?\s*(?P<rev>[0-9]{0,2})\s*\)"
    r"|\s+rev(?:\.|ised)?\s*(?P<rev2>[0-9]{0,2}))?"
    r"(?:\s*\((?:replacing|replaces)\s+amendments?\s+(?P<rep>[^)]*)\))?"
    # "Amendment 4 to paragraph 13(b)": the place, read as the block's first line
    rf"(?:\s+(?:to|on|concerning|regarding)\s+(?P<at>(?:the\s+)?(?:title|(?:OP|PP)\s*[0-9]"
    rf"|(?:{NOUN}|{CLAUSE_NOUN})\s)[^–—]*?))?"
    r"(?:\s+[–—-]\s+(?:tabled\s+by\s+)?(?P<by>\S.*?)|\s+(?:tabled\s+|submitted\s+)?by\s+(?P<by2>\S.*?))?"
    r"\s*[.:]?$",
    re.IGNORECASE,
)
#: Something meant as an amendment heading that cannot be read as one: refused, or it
#: would be swallowed by the amendment before it.
_HEADERISH = re.compile(
    r"^(?:(?:[0-9]{1,3}[.)]|[-*•])\s+)?(?:(?:compromise|oral)\s+amendment\b"
    r"|(?:amendment|amdt\.?|am\.)\s*(?:(?:no|nr|n°)\.?\s*|#\s*)?(?:[.:]?$|[0-9][\w./-]*\s*(?:[(\[:–—]|-\s)))",
    re.IGNORECASE,
)
_BY = r"(?:tabled|submitted|proposed|presented|moved|sponsored|put\s+forward)\s+by|on\s+behalf\s+of"
_WHY = r"justification|reasons?|explanatory\s+statement|explanation|rationale"
_FIELD = re.compile(
    rf"^(?P<name>{_BY}|co-?sponsors?|authors?|sponsors?|tablers?|{_WHY}|status|replaces|replacing"
    r"|date|tabled\s+on|submitted\s+on)"
    r"\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_WHY_NAME = re.compile(_WHY, re.IGNORECASE)
_BARE_FIELD = re.compile(rf"^(?P<name>{_BY})\s+(?P<value>\S.*)$|^(?P<why>{_WHY})\s*$", re.I)


def field_of(cleaned: str) -> tuple[str, str] | None:
    """A field line as (``by``, ``justification``, ``status``, ``replaces`` or ``date``;
    its value)."""
    m = _FIELD.match(cleaned)
    if m:
        name, value = m.group("name").lower(), m.group("value").strip()
    else:
        m = _BARE_FIELD.match(cleaned)
        if m is None:
            return None
        name = (m.group("name") or m.group("why")).lower()
        value = (m.group("value") or "").strip()
    if name == "date" or name.endswith(" on"):
        return "date", value
    if name == "status" or name.startswith("replac"):
        return ("status" if name == "status" else "replaces"), value
    if _WHY_NAME.fullmatch(name):
        return "justification", value
    return "by", value


_NOT_NAME = re.compile(r"[0-9\"“”„«»|:]")
_VERB = re.compile(VERB, re.IGNORECASE)
#: A name list that runs on to the next line: it ends in "," ";" "&" or "and".
RUNS_ON = re.compile(r"(?:[,;&]|\band)$")
_ENDS_IN_AND = re.compile(r"(?:\band|&)$")


def looks_like_name(cleaned: str) -> bool:
    """A further line of a ``Tabled by:`` list: no quotation, number, operation or
    sentence (a justification that lost its label is not taken for a name)."""
    if _NOT_NAME.search(cleaned) or _VERB.match(cleaned):
        return False
    if len(cleaned.split()) > 10 or cleaned.endswith((".", "!", "?")):
        return False
    try:
        return read_location(cleaned) is None
    except Unclear:
        return False


def add_name(names: list[str], name: str) -> None:
    """Add a tabler to ``names``; a list that ended in "and" runs on into this one."""
    name = name.strip()
    if not name:
        return
    if names and _ENDS_IN_AND.search(names[-1]):
        names[-1] = f"{names[-1]} {name}"
    elif names:
        names[-1] = names[-1].rstrip(",;")
        names.append(name)
    else:
        names.append(name)


_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_ITALIC_LEAD = re.compile(r"^\*(.+?)\*(.*)$")


def clean_line(line: str) -> str:
    """A header, field or location line without its Markdown dressing."""
    s = line.strip().lstrip("#").strip()
    if not s.startswith("*"):
        return s  # nothing to undress (every line of a file passes here)
    s = _BOLD_LEAD.sub(r"\1\2", s)
    s = _ITALIC_LEAD.sub(r"\1\2", s) if not s.startswith("**") else s
    return s.strip()


def numbers_in(text: str) -> tuple[str, ...]:
    """The amendment numbers of "3, 7 and 12" (what a compromise replaces)."""
    return tuple(t for t in _NUMBER_SEP.split(text) if t) if text else ()


_NUMBER_SEP = re.compile(r"[,\s]+|\band\b")


@dataclass
class Block:
    """One amendment's lines as the file has them, with what its heading said."""

    number: str
    line: int
    compromise: bool = False
    oral: bool = False
    lines: list[tuple[int, str]] = field(default_factory=list)
    replaces: tuple[str, ...] = ()
    tabled_by: str = ""


def _header_number(m: re.Match[str]) -> str:
    """``4``; a revision as ``4/Rev`` or ``4/Rev.1`` (however it was written)."""
    num = m.group("num")
    rev = m.group("rev") if m.group("rev") is not None else m.group("rev2")
    if rev is None:
        return num
    return f"{num}/Rev.{rev}" if rev else f"{num}/Rev"


#: White space Word leaves that is not visible: a byte order mark, zero-width spaces.
INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u200e\u200f]")


def split_blocks(text: str, source: str) -> list[Block]:
    """The amendments of ``text``, one block each; text before the first is a heading.

    Raises:
        AmendmentSyntaxError: a heading cannot be read, or operations come first.
    """
    blocks: list[Block] = []
    for i, raw in enumerate(text.splitlines(), 1):
        cleaned = clean_line(raw)
        # Every heading has "am" in it (amendment, amdt., am.): other lines skip both patterns.
        maybe = "am" in cleaned.lower()
        m = _HEADER.match(cleaned) if maybe else None
        if m:
            kind = m.group("kind").lower()
            by = (m.group("by") or m.group("by2") or "").strip()
            block = Block(
                _header_number(m),
                i,
                compromise=kind.startswith("compromise"),
                oral=kind.startswith("oral"),
                replaces=numbers_in(m.group("rep") or ""),
            )
            if m.group("at"):
                block.lines.append((i, m.group("at")))
            if by and m.group("by") and amends(by, split=True):
                # "Amendment 4 – Paragraph 13(b)": the place, not who tabled it.
                block.lines.append((i, by))
            else:
                block.tabled_by = by
            blocks.append(block)
        elif maybe and _HEADERISH.match(cleaned):
            number = blocks[-1].number if blocks else ""
            raise syntax_error(
                source,
                i,
                number,
                f"cannot read the amendment heading {cleaned!r}",
                'put the heading alone on its line, numbered: "Amendment 4", "Compromise'
                ' amendment C1", "Oral amendment 2", "Amendment 4 (rev.)"; then "Tabled by: ..."'
                " on the next line",
            )
        elif blocks:
            blocks[-1].lines.append((i, raw))
        elif cleaned and amends(cleaned):
            raise syntax_error(
                source,
                i,
                "",
                f"{cleaned!r} comes before the first amendment heading",
                'start each amendment with a line "Amendment 1"',
            )
        # Other text before the first amendment is a heading ("Amendments to ..."): skipped.
    return blocks


def amends(cleaned: str, split: bool = False) -> bool:
    """True when a line names a provision or an operation (so it is not a heading);
    with ``split``, also when it starts with a provision (``Paragraph 13(b), leave out``)."""
    try:
        if read_location(cleaned) is not None:
            return True
        m = PLACE_THEN_OP.match(cleaned) if split else None
        if m and read_location(m.group("place")) is not None:
            return True
    except Unclear:
        return split
    return match_text_op(cleaned) is not None or bool(DELETE_PROVISION.match(cleaned))


PLACE_THEN_OP = re.compile(
    rf"^(?P<place>.+?)(?:\s*[,:]\s*|\s+[–—-]\s+|\s+)(?P<rest>{VERB}.*)$", re.IGNORECASE
)
