"""Amendments given as two columns: the EP's "Draft text | Amendment" table.

The European Parliament tables an amendment as the provision as it stands and as
amended, the changes in bold italic; in text the two columns are a Markdown table
(Word's and the PDF's are rebuilt as one before they get here).  The operations
are the word difference of the two columns.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.amendments.errors import syntax_error
from drafting.amendments.model import DeleteProvision, InsertProvisions, Location, Operation
from drafting.amendments.newtext import provisions, strip_label
from drafting.amendments.phrases import plain
from drafting.amendments.words import derive_operations, normalize

_CELL_MARKS = re.compile(r"\*\*\*|~~")


def _cells(row: str) -> list[str]:
    s = row.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", s)]


def column_text(cell: str) -> str:
    """The words of a table cell without change marks or a leading label."""
    return strip_label(_plain_cell(cell))


_TAGS = re.compile(r"</?(?:u|b|i|em|strong|ins|del|s|strike)>|<br\s*/?>", re.IGNORECASE)
#: Words shown struck through in the Amendment column are the ones it removes.
_STRUCK = re.compile(r"~~.*?~~|<(del|s|strike)>.*?</\1>", re.IGNORECASE | re.DOTALL)


def _plain_cell(text: str) -> str:
    return normalize(_TAGS.sub(" ", re.sub(r"\*+|~~", "", plain(text))))


def _amended_cell(text: str) -> str:
    """The words of the Amendment column: struck words left out, change marks removed."""
    return _plain_cell(_STRUCK.sub(" ", text))


def _is_header(row: str) -> bool:
    cells = _cells(row)
    return all(len(c) <= 40 for c in cells) and any(
        re.search(r"draft|text|amendment|proposed|original|amended|motion", c, re.IGNORECASE)
        for c in cells
    )


def parse_table(
    rows: list[tuple[int, str]], location: Location | None, source: str, number: str
) -> tuple[list[Operation], tuple[str, str]]:
    first = rows[0][0]
    separator = len(rows) > 1 and re.fullmatch(r"[\s|:]*-[\s|:-]*", rows[1][1])
    # A header row ("| Draft text | Amendment |") is not text; a table without one
    # starts with its first provision.
    start = 1 if separator or _is_header(rows[0][1]) else 0
    body = [r for r in rows[start:] if not re.fullmatch(r"[\s|:]*-[\s|:-]*", r[1])]
    pairs = []
    for lineno, row in body:
        cells = _cells(row)
        if len(cells) != 2:
            raise syntax_error(
                source,
                lineno,
                number,
                f"a two-column row has {len(cells)} cells",
                "give two cells: | Draft text | Amendment |",
            )
        pairs.append((cells[0], cells[1]))
    if not pairs:
        raise syntax_error(
            source, first, number, "the table has no rows", "add | draft | amended |"
        )
    draft = "\n".join(a for a, _ in pairs if a.strip())
    amended = "\n".join(b for _, b in pairs if b.strip())
    columns = (draft, amended)
    if location is None:
        raise syntax_error(
            source, first, number, "the table has no location", "put e.g. Paragraph 13(b) above it"
        )
    if _amended_cell(amended).lower().rstrip(".") in ("deleted", "delete"):
        return [DeleteProvision()], columns
    if not _plain_cell(draft):
        if location.new is None:
            raise syntax_error(
                source,
                first,
                number,
                "the draft column is empty but the location is not a new provision",
                "write the location as e.g. Paragraph 2 a (new)",
            )
        lines = [
            line.strip()
            for _, b in pairs
            for line in re.split(r"<br\s*/?>", _CELL_MARKS.sub("", _STRUCK.sub(" ", b)), flags=re.I)
            if line.strip()
        ]
        anchor = replace(location, new=None)
        return [InsertProvisions(anchor, "after", provisions(lines))], columns
    old = strip_label(_plain_cell(draft))
    new = strip_label(_amended_cell(amended))
    ops = derive_operations(old, new)
    if not ops:
        raise syntax_error(
            source,
            first,
            number,
            "the two columns are the same",
            "mark the change in the Amendment column",
        )
    return list(ops), columns
