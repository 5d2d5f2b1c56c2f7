"""European Parliament amendments as published: the AM form's two columns, out of a PDF.

The EP publishes its amendments as PDF, one AM form each::

    Amendment 12
    Jane Doe
    on behalf of the Renew Group
    Motion for a resolution
    Paragraph 26

    Motion for a resolution                      Amendment
    26. Calls for the Commission to present      26. Calls for the Commission to present
    a proposal by the end of 2025;               a proposal without delay;
                                                 Or. en

Text taken out of the PDF (``pdftotext``, or copied and pasted) runs the two columns
together.  :func:`rebuild_columns` finds such forms and writes each one's columns as
the table the amendment reader already reads (``| Motion for a resolution |
Amendment |``), so that locating, the word diff and application are the same as for
a table typed by hand.  The columns are recovered, most reliable first, from

* ``pdftotext -layout`` text: each line split at the gutter, the column of three or
  more spaces found at the same place in most of the form's lines;
* text in reading order (``pdftotext``, ``-raw``): the draft column's lines, then the
  amendment's.  Both columns open with the provision's number (``26.``) and mostly
  its first words, so the amendment column starts at the line that opens like the
  first; of several such lines, the one whose two parts are most alike (an
  amendment changes a few words) wins;
* text pasted row by row: the two columns' lines in turn.

A right column ``deleted`` deletes the provision; a new provision (``Paragraph 26 a
(new)``) has an empty left column.  Page furniture (``PE123.456v01-00``,
``AM\\1234567EN.docx``, ``2/15``, ``EN United in diversity EN``) is dropped; ``Or.
en`` and the justification are left to the reader (the justification becomes the
amendment's).  A form whose columns none of these gives apart, each starting as a
column must (with the number, empty for a new provision, or ``deleted``), is refused:
a wrong split would amend the wrong words.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.phrases import Unclear, read_location

#: How the columns were told apart (``deleted`` and ``new``: one column says it all).
Strategy = Literal["layout", "headings", "sequence", "interleaved", "deleted", "new"]


@dataclass(frozen=True)
class Columns:
    """The two columns of an AM form: the draft's words and the amendment's.

    Each is its paragraphs, one a line (wrapped lines joined); ``left`` is ``""`` for
    a new provision, ``right`` is ``"deleted"`` for a deletion.
    """

    left: str
    right: str
    strategy: Strategy


# -- the lines of an AM form ----------------------------------------------------------

_LEFT_HEAD = (
    r"(?:motion\s+for\s+a\s+(?:european\s+parliament\s+)?resolution"
    r"|draft\s+(?:opinion|report|resolution|recommendation|text)"
    r"|text\s+proposed\s+by\s+the\s+commission|present\s+text)"
)
#: The heading of the draft column (or the line above the place: "Motion for a resolution").
_LEFT_LINE = re.compile(rf"^\s*{_LEFT_HEAD}\s*$", re.IGNORECASE)
#: The heading of the amendment column, alone on its line (pdftotext's reading order).
_RIGHT_LINE = re.compile(r"^\s*amendment\s*$", re.IGNORECASE)
#: Both headings on one line: ``-layout`` (spaces between) or ``-raw`` (one space).
_BOTH_LINE = re.compile(rf"^\s*(?P<left>{_LEFT_HEAD})\s+amendment\s*$", re.IGNORECASE)
_AMENDMENT = re.compile(
    r"^\s*(?:(?:compromise|oral)\s+)?amendment\s+(?:no\.?\s*)?"
    r"(?P<num>[0-9][\w./-]*|[A-Za-z]{1,3}[0-9][\w./-]*)\s*$",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(r"^\s*or\.\s*[a-z]{2}\s*$", re.IGNORECASE)
_JUSTIFICATION = re.compile(r"^\s*justification\s*(?::.*)?$", re.IGNORECASE)
#: Only text with a column heading ending a line can hold an AM form.
_MAYBE = re.compile(r"amendment[ \t]*$", re.IGNORECASE | re.MULTILINE)

_FURNITURE_TOKEN = re.compile(
    r"PE[0-9]{3}\.[0-9]{3}(?:v[0-9]{2}-[0-9]{2})?"  # PE764.123v01-00
    r"|(?:AM|RR|PA|AD|PR|DT|CM)\\[0-9]{4,8}[A-Z]{2}\.(?:docx?|odt|rtf)"  # AM\1300123EN.docx
    r"|[0-9]{1,3}/[0-9]{1,3}"  # the page: 2/15
    r"|[AB][0-9]{1,2}-[0-9]{4}/[0-9]{1,4}"  # the plenary number: A10-0042/12
    r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}"  # its date: 5.12.2024
)
#: The motto between the language codes: "EN United in diversity EN", "FR Unie dans la
#: diversité FR" (the EU's 24 languages).
_MOTTO = re.compile(
    r"^(?P<lang>BG|ES|CS|DA|DE|ET|EL|EN|FR|GA|HR|IT|LV|LT|HU|MT|NL|PL|PT|RO|SK|SL|FI|SV)"
    r"\s+(?:\S+\s+){1,4}(?P=lang)$"
)


def _is_furniture(line: str) -> bool:
    """True for a page's header or footer: the PE number, the file name, the page."""
    s = line.replace("\f", "").strip()
    if not s:
        return False
    return bool(_MOTTO.match(s)) or all(_FURNITURE_TOKEN.fullmatch(t) for t in s.split())


#: A provision's number or the dash of a citation: ``26.``, ``1a.``, ``(b)``, ``B.``, ``–``.
_NUMBER = re.compile(
    r"^(?:[–—-]|\(?[0-9]{1,3}[a-z]{0,2}[.)]|\(?[A-Za-z]{1,5}[.)]|\([A-Za-z]{1,5}\))$"
)


def _opening(text: str) -> tuple[str, ...]:
    """What both columns start with: the number, or the first two words without one."""
    words = text.split()
    if words and _NUMBER.match(words[0]):
        return (words[0],)
    return tuple(w.lower() for w in words[:2])


def _is_deleted(text: str) -> bool:
    return text.strip().rstrip(".").lower() == "deleted"


def _plausible(left: str, right: str, new: bool) -> bool:
    """True when two texts can be the columns of one amendment."""
    if not right.strip():
        return False
    if not left.strip():
        return new
    if new:
        return False  # a new provision has nothing in the draft column
    return _is_deleted(right) or _opening(left) == _opening(right)


def _likeness(left: str, right: str) -> tuple[int, float]:
    """How alike two columns are: first, how many end as a provision does (``;``, ``.``,
    ``,``, ``:``), then word by word (an amendment changes a few words)."""
    ends = sum(1 for text in (left, right) if re.search(r"[.;,:][\"”’)]?$", text))
    return ends, difflib.SequenceMatcher(None, left.split(), right.split(), autojunk=False).ratio()


# -- a column's lines to its paragraphs ---------------------------------------------------

_LABEL_START = re.compile(
    r"^(?:\(?[0-9]{1,3}[a-z]{0,2}[.)]|\(?[a-z]{1,5}[.)]|\([a-z]{1,5}\)|[–—-])\s"
)


def _paragraphs(lines: Sequence[str]) -> str:
    """Wrapped lines joined; a blank line, or a number after ``:`` or ``;``, starts a
    paragraph.  A line ending in a hyphen joins the next without a space
    (``life-`` ``saving``: the hyphen is the word's, as the PDF keeps no soft ones)."""
    paras: list[str] = []
    current = ""
    for raw in lines:
        line = " ".join(raw.split())  # -layout spaces out justified lines
        if not line:
            if current:
                paras.append(current)
            current = ""
        elif current and current.endswith((":", ";")) and _LABEL_START.match(line):
            paras.append(current)
            current = line
        elif current and re.search(r"[^\W\d_]-$", current):
            current += line
        else:
            current = f"{current} {line}" if current else line
    if current:
        paras.append(current)
    return "\n".join(paras)


# -- strategy (a): the gutter of -layout text --------------------------------------------

_GAP = re.compile(r" {3,}(?=\S)")
_SPLIT_GAP = re.compile(r" {2,}(?=\S)")
_TOLERANCE = 3  # pdftotext places a column's lines to within a character or two


def _gutters(rows: Sequence[str]) -> list[int]:
    """Candidate columns of the gutter, the best supported first: where text starts
    after three or more spaces, counted over the lines (within the tolerance)."""
    starts: Counter[int] = Counter()
    for row in rows:
        for m in _GAP.finditer(row):
            starts[m.end()] += 1
    support = {p: sum(starts[q] for q in range(p - _TOLERANCE + 1, p + _TOLERANCE)) for p in starts}
    ranked = sorted(support, key=lambda p: (-support[p], -starts[p], p))
    return [p for p in ranked if p >= 8][:3]


def _split_row(row: str, gutter: int) -> tuple[str, str] | None:
    """A line's two parts at the gutter; None when its text runs across it."""
    if not row.strip():
        return "", ""
    near = [m.end() for m in _SPLIT_GAP.finditer(row) if abs(m.end() - gutter) <= _TOLERANCE]
    if near:
        at = min(near, key=lambda j: abs(j - gutter))
        return row[:at].strip(), row[at:].strip()
    if len(row.rstrip()) <= gutter:
        return row.strip(), ""
    return None


def _by_gutter(rows: Sequence[str], new: bool) -> Columns | None:
    for gutter in _gutters(rows):
        split = [_split_row(row, gutter) for row in rows]
        parts = [p for p in split if p is not None]
        if len(parts) != len(split):
            continue  # a line's words run across this gutter
        lefts: list[str] = []
        rights: list[str] = []
        for part in parts:
            if not part[0] and not part[1]:
                lefts.append("")  # a blank line across both columns: a paragraph ends
                rights.append("")
            lefts.extend(part[:1] if part[0] else ())
            rights.extend(part[1:] if part[1] else ())
        left, right = _paragraphs(lefts), _paragraphs(rights)
        if _plausible(left, right, new):
            return Columns(left, right, "layout")
    return None


# -- strategies (b) and (c): text in reading order, or row by row -----------------------


def _candidates(content: Sequence[str]) -> Iterator[tuple[list[str], list[str], Strategy]]:
    """Every split of the lines into a draft column and an amendment column that starts
    as the draft column does: the first column then the second, or the two in turn."""
    lines = [c for c in content if c.strip()]
    first = _opening(lines[0]) if lines else ()
    for k in range(1, len(lines)):
        if _opening(lines[k]) == first:
            at = _index(content, k)
            yield list(content[:at]), list(content[at:]), "sequence"
    for m in range(1, len(lines) // 2 + 1):
        left, right, tail = lines[0 : 2 * m : 2], lines[1 : 2 * m : 2], lines[2 * m :]
        yield left + tail, right, "interleaved"
        if tail:
            yield left, right + tail, "interleaved"


def _index(content: Sequence[str], k: int) -> int:
    """The position in ``content`` of its k-th non-blank line."""
    seen = -1
    for i, c in enumerate(content):
        if c.strip():
            seen += 1
            if seen == k:
                return i
    return len(content)


#: More lines than any AM form's columns hold: not one form (and every split would be tried).
_MAX_LINES = 400


def split_columns(lines: Sequence[str], *, new: bool = False) -> Columns | None:
    """The two columns of an AM form from the lines under its column headings, or None
    when they cannot be told apart for sure.

    ``lines`` run from the line after the headings to the line before ``Or. en``;
    page furniture and headings repeated on a new page may be among them.  ``new``
    says the form is for a new provision (its draft column is empty).
    """
    rows: list[str] = []
    split_at: int | None = None  # where the "Amendment" heading stands among the text
    for raw in lines:
        line = raw.replace("\f", "").rstrip()
        if _is_furniture(line) or _BOTH_LINE.match(line) or _LEFT_LINE.match(line):
            continue
        if _RIGHT_LINE.match(line):
            if any(r.strip() for r in rows) and split_at is None:
                split_at = len(rows)
            continue
        rows.append(line)
    if not any(r.strip() for r in rows) or len(rows) > _MAX_LINES:
        return None
    side_by_side = any(_GAP.search(r) for r in rows)
    if side_by_side:
        found = _by_gutter(rows, new)
        if found is not None:
            return found
    content = [r.strip() for r in rows]
    if split_at is not None:
        left, right = _paragraphs(content[:split_at]), _paragraphs(content[split_at:])
        if _plausible(left, right, new):
            return Columns(left, right, "headings")
    if new:
        # One column only, unless a gutter shows words on its left.
        return None if side_by_side else Columns("", _paragraphs(content), "new")
    deleted = [i for i, c in enumerate(content) if _is_deleted(c)]
    if len(deleted) == 1:
        i = deleted[0]
        left = _paragraphs(content[:i] + content[i + 1 :])
        if left and not _is_deleted(left):
            return Columns(left, "deleted", "deleted")
    best: tuple[tuple[int, float], Columns] | None = None
    for left_lines, right_lines, strategy in _candidates(content):
        left, right = _paragraphs(left_lines), _paragraphs(right_lines)
        if not _plausible(left, right, new):
            continue
        score = _likeness(left, right)
        if best is None or score > best[0]:
            best = (score, Columns(left, right, strategy))
    return best[1] if best is not None else None


# -- the pre-pass over an amendment file ----------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _looks_like_names(line: str) -> bool:
    """A line of the members who table the amendment: no number, field, quotation or place."""
    s = line.strip()
    if not s or re.search(r"[0-9:\"“”„«»|]", s) or len(s.split()) > 12:
        return False
    try:
        return read_location(s) is None
    except Unclear:
        return False


def _form(lines: list[str], first: int, end: int) -> tuple[int, int, str] | None:
    """Where the columns of the AM form in ``lines[first:end]`` are: the index of the
    column headings, of the line after the columns, and the draft column's heading;
    None when the block is not an AM form as PDF text."""
    head = None
    left_head = "Motion for a resolution"
    for i in range(first, end):
        m = _BOTH_LINE.match(lines[i])
        if m:
            head, left_head = i, " ".join(m.group("left").split())
            break
        if _RIGHT_LINE.match(lines[i]):
            before = [j for j in range(first, i) if _LEFT_LINE.match(lines[j])]
            if before:
                head, left_head = before[-1], " ".join(lines[before[-1]].split())
            break
    if head is None:
        return None
    stop = head + 1
    while stop < end and not (_LANGUAGE.match(lines[stop]) or _JUSTIFICATION.match(lines[stop])):
        stop += 1
    return head, stop, left_head


def _rewrite(lines: list[str], start: int, end: int, source: str) -> AmendmentSyntaxError | None:
    """Rewrite the amendment in ``lines[start:end]`` in place, if it is an AM form as
    PDF text; the error when its columns cannot be told apart (the block is blanked)."""
    number = _AMENDMENT.match(lines[start])
    form = _form(lines, start + 1, end)
    if number is None or form is None:
        return None
    head, stop, left_head = form
    # The members who table it stand above "Motion for a resolution" and the place.
    above = head
    new = False
    for j in range(start + 1, head):
        try:
            loc = read_location(lines[j].strip())
        except Unclear:
            loc = None
        if loc is not None or _LEFT_LINE.match(lines[j]):
            above = min(above, j)
        new = new or (loc is not None and loc.new is not None)
    columns = split_columns(lines[head + 1 : stop], new=new)
    if columns is None or stop - head < 2:
        lines[start:end] = [""] * (end - start)
        return AmendmentSyntaxError(
            f"cannot tell the two columns of amendment {number.group('num')} apart in this"
            " text taken from a PDF",
            hint=f'give the two columns as a table: a line "| {left_head} | Amendment |",'
            ' then "| the draft text | the amended text |"',
            file=source,
            line=head + 1,
            amendment=number.group("num"),
        )
    named = [j for j in range(start + 1, above) if lines[j].strip()]
    if named and all(_looks_like_names(lines[j]) for j in named):
        lines[named[0]] = "Tabled by: " + " ".join(lines[j].strip() for j in named)
        for j in named[1:]:
            lines[j] = ""
    rows = [f"| {left_head} | Amendment |", f"| {_cell(columns.left)} | {_cell(columns.right)} |"]
    lines[head:stop] = rows + [""] * (stop - head - len(rows))
    for j in range(start + 1, end):
        if _is_furniture(lines[j]):
            lines[j] = ""
    return None


def rebuild_columns(text: str, source: str = "<text>") -> tuple[str, list[AmendmentSyntaxError]]:
    """``text`` with each EP AM form taken from a PDF written as a two-column table,
    and one error for each form whose columns cannot be told apart (its lines are
    left out, so that the other amendments are still read).

    Every line keeps its number: the reader's messages point into the file as given.
    Text with no AM form in it is returned as it is.
    """
    if not _MAYBE.search(text):
        return text, []
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if _AMENDMENT.match(line)]
    if not heads:
        return text, []
    before = list(lines)
    problems: list[AmendmentSyntaxError] = []
    for start, end in zip(heads, [*heads[1:], len(lines)], strict=True):
        problem = _rewrite(lines, start, end, source)
        if problem is not None:
            problems.append(problem)
    # splitlines() also breaks at the form feed pdftotext puts between pages, as the
    # reader does: joined with "\n", the lines keep their numbers.
    return ("\n".join(lines) + "\n" if lines != before else text), problems
