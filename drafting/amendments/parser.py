"""Amendments as secretaries receive them: plain text or Markdown, in parliamentary wording.

One block per amendment::

    Amendment 4
    Tabled by: Delegation of Norway
    Paragraph 11
    Leave out from ", reflected in the fact" to "Republic of South Korea"
    Justification: ... (may run over several lines)
    Status: adopted

The wording follows the houses' own: NATO PA ``Leave out ... and insert ...``, UN
``Replace ... with ...``, EP two-column tables ``Draft text | Amendment``.  Quoted
words may use "...", “...”, '...' or ‘...’; ``the second "AI"`` picks one of
several.  Every line is either understood or reported with its line number:
an amendment silently half-read would be worse than one refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from drafting.amendments.errors import AmendmentSyntaxError, VotesFileError
from drafting.amendments.model import (
    STATUSES,
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    LocationKind,
    MoveProvision,
    NewProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Status,
)
from drafting.amendments.words import ORDINALS, derive_operations, normalize
from drafting.errors import InputError

MAX_BYTES = 16 * 1024 * 1024

# -- quotations ------------------------------------------------------------------

_ORD = "|".join((*ORDINALS, "last"))


def _q(name: str) -> str:
    """A quotation slot, optionally preceded by an ordinal (``the second "AI"``)."""
    return (
        rf"(?:the\s+(?P<{name}_ord>{_ORD})\s+)?"
        rf"(?P<{name}>\"[^\"]*\"|“[^”]*”|‘.*?’|'.*?')"
    )


def _unquote(s: str) -> str:
    return normalize(s[1:-1])


def _quote(m: re.Match[str], name: str) -> Quote:
    text = _unquote(m.group(name))
    if not text:
        raise ValueError("empty quotation")
    word = m.group(f"{name}_ord")
    occurrence = None
    if word:
        word = word.lower()
        occurrence = -1 if word == "last" else ORDINALS.index(word) + 1
    return Quote(text, occurrence)


def _new(m: re.Match[str], name: str = "n") -> str:
    return _unquote(m.group(name))


# -- locations -------------------------------------------------------------------

_NOUN = (
    r"(?:operative\s+paragraph|preambular\s+paragraph|sub-sub-paragraph|sub-?paragraph"
    r"|paragraph|para\.?|point|recital|citation)s?"
)
_REF = (
    r"[0-9A-Za-z]+(?:\s*\(\s*[0-9A-Za-z]+\s*\))*"
    r"(?:(?:\s*,\s*|\s+)(?:(?:sub-)?(?:sub-?paragraph|point)\s*)?\(?[0-9a-z]{1,6}\)?)*"
)
_LOCATION = re.compile(rf"^(?P<noun>{_NOUN})\s+(?P<ref>{_REF})\s*[.:]?$", re.IGNORECASE)
_TOKENS = re.compile(r"[0-9]+|[A-Za-z]+")
_SUBWORDS = re.compile(r"(?:sub-)?(?:sub-?paragraph|point)", re.IGNORECASE)


def parse_location(text: str) -> Location | None:
    """The location ``text`` names (``Paragraph 13, sub-paragraph (b)``); None if it names none."""
    text = text.strip()
    if re.fullmatch(r"(?:the\s+)?title[.:]?", text, re.IGNORECASE):
        return Location("title")
    is_new = re.search(r"\s*\(new\)\s*[.:]?$", text, re.IGNORECASE)
    if is_new:
        text = text[: is_new.start()]
    m = _LOCATION.match(text)
    if m is None:
        return None
    noun = re.sub(r"\s+", " ", m.group("noun").lower()).rstrip("s")
    tokens = _TOKENS.findall(_SUBWORDS.sub(" ", m.group("ref")))
    if not tokens:
        return None
    new = None
    if is_new:
        if len(tokens) < 2:
            return None
        new = tokens.pop().lower()
    kind: LocationKind
    if noun.startswith("operative"):
        kind = "operative"
    elif noun.startswith("preambular"):
        kind = "preambular"
    elif noun == "recital":
        kind = "recital"
    elif noun == "citation":
        kind = "citation"
    else:
        kind = "paragraph"
    head = tokens[0].upper() if kind == "recital" else tokens[0]
    if kind in ("preambular", "citation") and (len(tokens) > 1 or not head.isdigit()):
        return None
    if kind in ("paragraph", "operative") and not head.isdigit():
        return None
    if kind == "recital" and not head.isalpha():
        return None
    if any(len(t) > 6 for t in tokens[1:]):
        return None
    ref = head + "".join(f"({t.lower()})" for t in tokens[1:])
    return Location(kind, ref, new)


# -- operations ------------------------------------------------------------------

_END = r"\s*[.;]?"
_INS = r"(?:insert|add)"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"^" + pattern + _END + r"$", re.IGNORECASE | re.DOTALL)


Builder = Callable[[re.Match[str]], Operation]

_TEXT_OPS: list[tuple[re.Pattern[str], Builder]] = [
    (
        _rx(rf"after\s+{_q('a')},?\s+{_INS}\s+{_q('n')}"),
        lambda m: InsertText("after", _quote(m, "a"), _new(m)),
    ),
    (
        _rx(rf"before\s+{_q('a')},?\s+{_INS}\s+{_q('n')}"),
        lambda m: InsertText("before", _quote(m, "a"), _new(m)),
    ),
    (
        _rx(rf"at\s+the\s+beginning(?:\s+of\s+the\s+[\w-]+)?,?\s+{_INS}\s+{_q('n')}"),
        lambda m: InsertText("beginning", None, _new(m)),
    ),
    (
        _rx(rf"at\s+the\s+end(?:\s+of\s+the\s+[\w-]+)?,?\s+{_INS}\s+{_q('n')}"),
        lambda m: InsertText("end", None, _new(m)),
    ),
    (
        _rx(
            rf"(?:leave\s+out|delete)\s+from\s+{_q('a')}\s+(?:up\s+)?to(?:\s+and\s+including)?"
            rf"\s+{_q('b')}(?:,?\s+and\s+insert\s+{_q('n')})?"
        ),
        lambda m: DeleteRange(
            _quote(m, "a"), _quote(m, "b"), _new(m) if m.group("n") is not None else None
        ),
    ),
    (
        _rx(rf"(?:leave\s+out|delete)\s+{_q('a')},?\s+and\s+insert\s+{_q('n')}"),
        lambda m: ReplaceText(_quote(m, "a"), _new(m)),
    ),
    (
        _rx(rf"replace\s+{_q('a')}\s+(?:with|by)\s+{_q('n')}"),
        lambda m: ReplaceText(_quote(m, "a"), _new(m)),
    ),
    (
        _rx(rf"for\s+{_q('a')},?\s+substitute\s+{_q('n')}"),
        lambda m: ReplaceText(_quote(m, "a"), _new(m)),
    ),
    (
        _rx(rf"substitute\s+{_q('n')}\s+for\s+{_q('a')}"),
        lambda m: ReplaceText(_quote(m, "a"), _new(m)),
    ),
    (_rx(rf"(?:leave\s+out|delete)\s+{_q('a')}"), lambda m: DeleteText(_quote(m, "a"))),
]

_DELETE_PROVISION = _rx(
    rf"(?:(?:delete|leave\s+out)(?:\s+the)?(?:\s+whole)?\s+(?:{_NOUN}|title)|deleted?)"
)
_REPLACE_PROVISION = _rx(
    rf"(?:replace\s+the\s+(?:{_NOUN}|title)\s+(?:with|by)\s+the\s+following(?:\s+text)?"
    rf"|leave\s+out\s+the\s+(?:{_NOUN}|title)\s+and\s+insert\s+the\s+following"
    rf"(?:\s+new\s+(?:{_NOUN}|title))?"
    rf"|amend\s+the\s+(?:{_NOUN}|title)\s+to\s+read(?:\s+as\s+follows)?)\s*:?"
)
_INSERT_PROVISIONS = _rx(
    rf"(?P<pos>after|before)\s+(?P<anchor>{_NOUN}\s+{_REF}),?\s+{_INS}\s+the\s+following"
    rf"(?:\s+new)?\s+{_NOUN}\s*:?"
)
_MOVE = _rx(
    rf"move\s+(?P<target>{_NOUN}\s+{_REF})\s+(?P<pos>after|before)\s+(?P<anchor>{_NOUN}\s+{_REF})"
)

# -- fields ----------------------------------------------------------------------

_HEADER = re.compile(
    r"^(?P<kind>compromise\s+amendment|oral\s+amendment|amendment)\s+(?P<num>[0-9A-Za-z][\w./-]*)"
    r"(?:\s*\((?:replacing|replaces)\s+amendments?\s+(?P<rep>[^)]*)\))?\s*[.:]?$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^(?P<name>tabled\s+by|submitted\s+by|justification|status|replaces)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[A-Za-z]{0,2}[.)]|\(?[A-Za-z]{1,5}[.)]|\([A-Za-z]{1,5}\))\s+"
)


def _clean(line: str) -> str:
    """A header, field or location line without its Markdown dressing."""
    s = line.strip().lstrip("#").strip()
    s = re.sub(r"^\*\*(.+?)\*\*(.*)$", r"\1\2", s)
    s = re.sub(r"^\*(.+?)\*(.*)$", r"\1\2", s) if not s.startswith("**") else s
    return s.strip()


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[,\s]+|\band\b", text) if t)


@dataclass
class _Block:
    number: str
    line: int
    compromise: bool = False
    oral: bool = False
    lines: list[tuple[int, str]] = field(default_factory=list)
    replaces: tuple[str, ...] = ()


def _split(text: str, source: str) -> list[_Block]:
    blocks: list[_Block] = []
    for i, raw in enumerate(text.splitlines(), 1):
        m = _HEADER.match(_clean(raw))
        if m:
            kind = m.group("kind").lower()
            blocks.append(
                _Block(
                    m.group("num"),
                    i,
                    compromise=kind.startswith("compromise"),
                    oral=kind.startswith("oral"),
                    replaces=_numbers(m.group("rep") or ""),
                )
            )
        elif blocks:
            blocks[-1].lines.append((i, raw))
        elif raw.strip() and not raw.lstrip().startswith("#"):
            # Text before the first amendment is a heading ("Amendments to ..."): skipped.
            continue
    return blocks


def _syntax(source: str, line: int, number: str, what: str, hint: str) -> AmendmentSyntaxError:
    return AmendmentSyntaxError(what, hint=hint, file=source, line=line, amendment=number)


_OP_HINT = (
    'write one operation a line, e.g. Leave out "X" and insert "Y", After "X" insert "Y",'
    ' Leave out from "X" to "Y", Delete paragraph'
)


def parse_amendments(text: str, source: str = "<text>") -> list[Amendment]:
    """Every amendment in ``text`` (``.txt`` or ``.md`` format).

    Raises:
        AmendmentSyntaxError: a line cannot be understood; the error gives its number.
    """
    out = []
    seen: dict[str, int] = {}
    for block in _split(text, source):
        if block.number in seen:
            raise _syntax(
                source,
                block.line,
                block.number,
                f"amendment {block.number} appears twice (lines {seen[block.number]}"
                f" and {block.line})",
                "give each amendment its own number",
            )
        seen[block.number] = block.line
        out.append(_parse_block(block, source))
    if not out:
        raise AmendmentSyntaxError(
            "no amendments found",
            hint='start each amendment with a line "Amendment 1"',
            file=source,
        )
    return out


def _parse_block(block: _Block, source: str) -> Amendment:
    lines = block.lines
    location: Location | None = None
    ops: list[Operation] = []
    tabled_by = ""
    justification: list[str] = []
    status: Status = "oral" if block.oral else "tabled"
    replaces = block.replaces
    columns: tuple[str, str] | None = None
    in_justification = False
    i = 0
    num = block.number

    def err(line: int, what: str, hint: str = _OP_HINT) -> AmendmentSyntaxError:
        return _syntax(source, line, num, what, hint)

    while i < len(lines):
        lineno, raw = lines[i]
        stripped = raw.strip()
        cleaned = _clean(raw)
        fm = _FIELD.match(cleaned)
        if fm:
            in_justification = False
            name, value = fm.group("name").lower(), fm.group("value").strip()
            if name in ("tabled by", "submitted by"):
                tabled_by = value
            elif name == "justification":
                in_justification = True
                if value:
                    justification.append(value)
            elif name == "status":
                word = value.lower().rstrip(".")
                if word not in STATUSES:
                    raise err(
                        lineno,
                        f"unknown status {value!r}",
                        "use one of " + ", ".join(STATUSES),
                    )
                status = cast(Status, word)
            else:
                replaces = _numbers(value)
            i += 1
            continue
        if in_justification:
            justification.append(stripped)
            i += 1
            continue
        if not stripped or stripped.startswith("<!--"):
            i += 1
            continue
        if stripped.startswith("|"):
            j = i
            rows: list[tuple[int, str]] = []
            while j < len(lines) and lines[j][1].strip().startswith("|"):
                rows.append(lines[j])
                j += 1
            new_ops, columns = _parse_table(rows, location, source, num)
            ops.extend(new_ops)
            i = j
            continue
        loc = parse_location(cleaned) if not ops and location is None else None
        if loc is not None:
            location = loc
            i += 1
            nxt = i
            while nxt < len(lines) and not lines[nxt][1].strip():
                nxt += 1
            table_next = nxt < len(lines) and lines[nxt][1].strip().startswith("|")
            if loc.new is not None and not table_next:
                body, i = _following(lines, i)
                if body:
                    anchor = Location(loc.kind, loc.ref)
                    ops.append(InsertProvisions(anchor, "after", _provisions(body)))
            continue
        try:
            op, consumed = _parse_operation(stripped, lines, i, err)
        except ValueError as exc:
            raise err(lineno, f"cannot use this line: {exc}") from None
        if op is None:
            hint = _OP_HINT
            if location is None and not ops:
                hint = "start with the location (e.g. Paragraph 13(b)), then " + _OP_HINT
            raise err(lineno, f"cannot understand {stripped!r}", hint)
        ops.append(op)
        i = consumed
    if not ops:
        raise err(block.line, f"amendment {num} has no operation")
    needs_location = any(not isinstance(op, InsertProvisions | MoveProvision) for op in ops)
    if needs_location and location is None:
        raise err(
            block.line,
            f"amendment {num} does not say which provision it amends",
            "add a location line such as Paragraph 13(b) before the operation",
        )
    return Amendment(
        number=num,
        location=location,
        operations=tuple(ops),
        tabled_by=tabled_by,
        justification=_paragraphs(justification),
        status=status,
        compromise=block.compromise,
        replaces=replaces,
        columns=columns,
        source=source,
        line=block.line,
    )


def _paragraphs(lines: list[str]) -> str:
    """Lines wrapped in the file joined into paragraphs; a blank line starts a new one."""
    paras: list[list[str]] = [[]]
    for line in lines:
        if line:
            paras[-1].append(line)
        elif paras[-1]:
            paras.append([])
    return "\n".join(" ".join(p) for p in paras if p)


def _parse_operation(
    line: str,
    lines: Sequence[tuple[int, str]],
    i: int,
    err: Callable[..., AmendmentSyntaxError],
) -> tuple[Operation | None, int]:
    for rx, build in _TEXT_OPS:
        m = rx.match(line)
        if m:
            return build(m), i + 1
    if _DELETE_PROVISION.match(line):
        return DeleteProvision(), i + 1
    lineno = lines[i][0]
    if _REPLACE_PROVISION.match(line):
        body, j = _following(lines, i + 1)
        if not body:
            raise err(lineno, "the new wording is missing", "give it on the next lines")
        provisions = _provisions(body)
        if len(provisions) != 1:
            raise err(
                lineno,
                f"a provision is replaced by one provision, not {len(provisions)}",
                "insert the others with After paragraph N insert the following new paragraphs:",
            )
        return ReplaceProvision(provisions[0]), j
    m = _INSERT_PROVISIONS.match(line)
    if m:
        anchor = parse_location(m.group("anchor"))
        if anchor is None or anchor.new is not None:
            raise err(lineno, f"cannot read the place {m.group('anchor')!r}")
        body, j = _following(lines, i + 1)
        if not body:
            raise err(lineno, "the new text is missing", "give it on the next lines")
        return InsertProvisions(anchor, _pos(m), _provisions(body)), j
    m = _MOVE.match(line)
    if m:
        target, anchor = parse_location(m.group("target")), parse_location(m.group("anchor"))
        if target is None or anchor is None:
            raise err(lineno, "cannot read the places in this move")
        return MoveProvision(target, anchor, _pos(m)), i + 1
    return None, i


def _pos(m: re.Match[str]) -> Literal["after", "before"]:
    return "after" if m.group("pos").lower() == "after" else "before"


def _following(lines: Sequence[tuple[int, str]], i: int) -> tuple[list[str], int]:
    """The new wording: the lines after an operation, up to a blank line or a field."""
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    body: list[str] = []
    while i < len(lines):
        raw = lines[i][1]
        if not raw.strip() or _FIELD.match(_clean(raw)):
            break
        body.append(raw.rstrip())
        i += 1
    return body, i


def _strip_quotes(lines: list[str]) -> list[str]:
    """Lines of new wording without the quotation marks around the whole block."""
    if not lines:
        return lines
    first, last = lines[0].lstrip(), lines[-1].rstrip()
    pairs = {'"': '"', "“": "”", "‘": "’", "'": "'"}
    if first[:1] in pairs:
        close = pairs[first[0]]
        tail = last.rstrip(".;")
        if tail.endswith(close) and (len(lines) > 1 or len(first) > 1):
            indent = lines[0][: len(lines[0]) - len(first)]
            out = list(lines)
            out[0] = indent + first[1:]
            end = out[-1].rstrip()
            cut = end.rfind(close)
            out[-1] = end[:cut] + end[cut + 1 :]
            return out
    return lines


def _provisions(body: list[str]) -> tuple[NewProvision, ...]:
    """New provisions from lines; indentation, ``-`` and label kinds give the nesting."""
    items: list[tuple[int, str, str]] = []  # (indent, label class, markup)
    for raw in _strip_quotes(body):
        content = raw.lstrip()
        indent = len(raw) - len(content)
        if content[:2] in ("- ", "* ", "– "):
            content = content[2:].lstrip()
            indent += 1
        cls = ""
        m = _LABEL.match(content)
        if m:
            label = m.group(0).strip()
            cls = "num" if label.strip("().")[:1].isdigit() else "alpha"
            if "(" in label:
                cls += "()"
            content = content[m.end() :]
        items.append((indent, cls, content.strip()))
    if len({ind for ind, _, _ in items}) > 1:
        levels = sorted({ind for ind, _, _ in items})
        depths = [levels.index(ind) for ind, _, _ in items]
    else:
        order: list[str] = []
        for _, cls, _ in items:
            if cls not in order:
                order.append(cls)
        depths = [order.index(cls) for _, cls, _ in items]
    return _nest([(d, text) for d, (_, _, text) in zip(depths, items, strict=True)])


def _nest(items: list[tuple[int, str]]) -> tuple[NewProvision, ...]:
    out: list[NewProvision] = []
    i = 0
    while i < len(items):
        depth, text = items[i]
        j = i + 1
        while j < len(items) and items[j][0] > depth:
            j += 1
        out.append(NewProvision(text, _nest(items[i + 1 : j])))
        i = j
    return tuple(out)


# -- tables ----------------------------------------------------------------------

_CELL_MARKS = re.compile(r"\*\*\*|~~")


def _cells(row: str) -> list[str]:
    s = row.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", s)]


def column_text(cell: str) -> str:
    """The words of a table cell without change marks or a leading label."""
    return _strip_label(_plain_cell(cell))


def _plain_cell(text: str) -> str:
    return normalize(re.sub(r"\*+|~~|</?u>", "", text))


def _strip_label(text: str) -> str:
    """Text without its leading label (``b.``, ``(ii)``, ``2a.``) or citation dash."""
    text = re.sub(r"^[–—-]\s+", "", text)
    m = _LABEL.match(text)
    return text[m.end() :] if m else text


def _parse_table(
    rows: list[tuple[int, str]], location: Location | None, source: str, number: str
) -> tuple[list[Operation], tuple[str, str]]:
    first = rows[0][0]
    body = [r for r in rows[1:] if not re.fullmatch(r"[\s|:-]+", r[1])]
    pairs = []
    for lineno, row in body:
        cells = _cells(row)
        if len(cells) != 2:
            raise _syntax(
                source,
                lineno,
                number,
                f"a two-column row has {len(cells)} cells",
                "give two cells: | Draft text | Amendment |",
            )
        pairs.append((cells[0], cells[1]))
    if not pairs:
        raise _syntax(source, first, number, "the table has no rows", "add | draft | amended |")
    draft = "\n".join(a for a, _ in pairs if a.strip())
    amended = "\n".join(b for _, b in pairs if b.strip())
    columns = (draft, amended)
    if location is None:
        raise _syntax(
            source, first, number, "the table has no location", "put e.g. Paragraph 13(b) above it"
        )
    if _plain_cell(amended).lower() in ("deleted", "delete"):
        return [DeleteProvision()], columns
    if not _plain_cell(draft):
        if location.new is None:
            raise _syntax(
                source,
                first,
                number,
                "the draft column is empty but the location is not a new provision",
                "write the location as e.g. Paragraph 2 a (new)",
            )
        lines = [_CELL_MARKS.sub("", b) for _, b in pairs if b.strip()]
        anchor = Location(location.kind, location.ref)
        return [InsertProvisions(anchor, "after", _provisions(lines))], columns
    old = _strip_label(_plain_cell(draft))
    new = _strip_label(_plain_cell(amended))
    ops = derive_operations(old, new)
    if not ops:
        raise _syntax(
            source,
            first,
            number,
            "the two columns are the same",
            "mark the change in the Amendment column",
        )
    return list(ops), columns


# -- files -----------------------------------------------------------------------


def read_text_file(path: Path) -> str:
    """The text of an amendment or votes file (UTF-8, or Windows-1252 from old Word).

    Raises:
        InputError: missing, unreadable, too large or binary.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError("the file is over 16 MB", hint="check the file", file=path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", hint="check the name and folder", file=path) from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", file=path) from None
    except PermissionError:
        raise InputError("permission denied", file=path) from None
    if b"\x00" in data[:4096]:
        raise InputError(
            "this is not a text file", hint="give a .txt or .md file saved as UTF-8", file=path
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_VOTE = re.compile(
    r"^(?:amendment\s+)?(?P<num>[0-9A-Za-z][\w./-]*)\s*[:=]\s*(?P<word>\w+)\s*$", re.I
)
VOTE_WORDS: dict[str, Status] = {
    "adopted": "adopted",
    "carried": "adopted",
    "rejected": "rejected",
    "lost": "rejected",
    "withdrawn": "withdrawn",
}


def parse_votes(text: str, source: str = "<votes>") -> dict[str, Status]:
    """Votes from lines ``4: adopted``, ``7: rejected``, ``9: withdrawn`` (``#`` comments).

    Raises:
        VotesFileError: a line is not of that form, or a number is given twice.
    """
    votes: dict[str, Status] = {}
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _VOTE.match(line)
        word = m.group("word").lower() if m else ""
        if m is None or word not in VOTE_WORDS:
            raise VotesFileError(
                f"cannot read the vote {raw.strip()!r}",
                hint="write one vote a line: 4: adopted (or rejected, withdrawn)",
                file=source,
                line=i,
            )
        if m.group("num") in votes:
            raise VotesFileError(f"amendment {m.group('num')} is voted twice", file=source, line=i)
        votes[m.group("num")] = VOTE_WORDS[word]
    return votes
