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
words may use "...", “...”, „...“, «...», '...' or ‘...’ (an apostrophe inside, as
in ‘the Alliance’s’, does not close them) and may run over a line break;
``the second "AI"`` picks one of several.  The variations secretariats produce are
read to the same amendment: headings ``AMENDMENT No. 4``, ``Am. 4``, ``Amendment 4
(rev.)``; ``Submitted by``, ``Author``, tablers over several lines; ``Reason`` or
``Explanatory statement``; places ``Para. 13(b)``, ``sub-paragraph 13.b``, ``OP5``,
``PP3``; ``Replace the words ... by ...``, ``Add at the end:`` with the words on the
next line, ``Amend to read as follows:``; two operations joined by ``and``; CRLF,
tabs, a byte order mark.  Every line is either understood or refused with its line
number and what to write instead: an amendment silently misread (``Paragraph 13
(b) (new)``: a new paragraph or a new sub-paragraph?) would amend the wrong words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from drafting.amendments.blocks import (
    INVISIBLE,
    PLACE_THEN_OP,
    RUNS_ON,
    Block,
    add_name,
    amends,
    clean_line,
    field_of,
    looks_like_name,
    numbers_in,
    split_blocks,
)
from drafting.amendments.closest import unread_hint
from drafting.amendments.ep_text import rebuild_columns
from drafting.amendments.errors import AmendmentSyntaxError, syntax_error
from drafting.amendments.model import (
    STATUSES,
    VOTE_WORDS,
    Amendment,
    DeleteProvision,
    InsertProvisions,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    ReplaceProvision,
    Status,
)
from drafting.amendments.newtext import provisions as new_provisions
from drafting.amendments.pageline import read_printed
from drafting.amendments.phrases import (
    DELETE_NAMED,
    DELETE_PROVISION,
    INS,
    INSERT_PROVISIONS,
    MOVE,
    NEW_AT_END,
    NOUN,
    OP_LABEL,
    QUOTED,
    REPLACE_PROVISION,
    Unclear,
    match_text_op,
    position,
    read_location,
    split_operations,
)
from drafting.amendments.phrases import parse_location as parse_location
from drafting.amendments.tables import column_text as column_text
from drafting.amendments.tables import parse_table
from drafting.amendments.wording import plain_wording, states_wording
from drafting.reading import read_text

MAX_BYTES = 16 * 1024 * 1024

#: EP amendments carry the language of the original: "Or. en".
_IGNORED = re.compile(
    r"^(?:or\.\s*[a-z]{2}|<!--.*|(?:[-*_=]\s*){3,}"
    r"|(?:motion\s+for\s+a\s+(?:european\s+parliament\s+)?resolution|draft\s+(?:opinion"
    r"|report|resolution))\s*:?)$",
    re.IGNORECASE,
)
#: The line that introduces the text of an EP-style new provision: "Insert:", "New text:".
_NEW_INTRO = re.compile(
    rf"^(?:{INS}|new\s+text)(?:\s+the\s+following)?(?:\s+new)?"
    rf"(?:\s+(?:{NOUN}|text|provision|wording))?\s*:?$",
    re.IGNORECASE,
)


_OP_HINT = (
    'write one operation a line, e.g. Leave out "X" and insert "Y", After "X" insert "Y",'
    ' Leave out from "X" to "Y", Delete paragraph'
)


def parse_amendments(text: str, source: str = "<text>") -> list[Amendment]:
    """Every amendment in ``text`` (``.txt`` or ``.md`` format).

    Raises:
        AmendmentSyntaxError: a line cannot be understood; the error gives its number.
    """
    amendments, problems = parse_amendments_leniently(text, source)
    if problems:
        raise problems[0]
    return amendments


def parse_amendments_leniently(
    text: str, source: str = "<text>"
) -> tuple[list[Amendment], list[AmendmentSyntaxError]]:
    """The amendments in ``text`` that can be read, and one error for each that cannot.

    A secretary checking forty amendments wants every problem at once, not the
    first; ``drafting amendments check`` reports each unreadable amendment on its
    own line and checks the others.

    Raises:
        AmendmentSyntaxError: the file as a whole cannot be read (no amendments,
            or the blocks themselves cannot be told apart).
    """
    # EP amendments taken from a PDF: their two columns rewritten as a table (ep_text).
    text, problems = rebuild_columns(INVISIBLE.sub("", text), source)
    out = []
    seen: dict[str, int] = {}
    for block in split_blocks(text, source):
        if block.number in seen:
            raise syntax_error(
                source,
                block.line,
                block.number,
                f"amendment {block.number} appears twice (lines {seen[block.number]}"
                f" and {block.line})",
                "give each amendment its own number",
            )
        seen[block.number] = block.line
        try:
            out.append(_parse_block(block, source))
        except AmendmentSyntaxError as exc:
            problems.append(exc)
    if not out and not problems:
        raise AmendmentSyntaxError(
            "no amendments found",
            hint='start each amendment with a line "Amendment 1"',
            file=source,
        )
    return out, problems


def _unbalanced(s: str) -> bool:
    """True when a double quotation (or guillemet) opened on this line is not closed."""
    doubles = s.count('"') + s.count("“") + s.count("”") + s.count("„")
    return doubles % 2 == 1 or s.count("«") != s.count("»")


def _logical_line(lines: Sequence[tuple[int, str]], i: int) -> tuple[str, int]:
    """The operation starting at line i, joined with the lines a quotation runs over."""
    text, j = lines[i][1].strip(), i + 1
    while _unbalanced(text) and j < len(lines):
        nxt = lines[j][1].strip()
        if not nxt or field_of(clean_line(nxt)):
            break
        text, j = f"{text} {nxt}", j + 1
    if _unbalanced(text):
        return lines[i][1].strip(), i + 1
    return text, j


def _parse_block(block: Block, source: str) -> Amendment:
    lines = list(block.lines)
    location: Location | None = None
    ops: list[Operation] = []
    names: list[str] = []
    add_name(names, block.tabled_by)
    justification: list[str] = []
    status: Status = "oral" if block.oral else "tabled"
    date = ""
    replaces = block.replaces
    columns: tuple[str, str] | None = None
    mode = ""  # "names" while a list of tablers runs on, "justification" to the end
    i = 0
    num = block.number
    target_text = reads = ""
    plain: set[int] = set()  # the lines already put plainly
    remarks: set[int] = set()  # lines that are remarks for the secretariat, not operations
    extra_places: dict[int, tuple[str, ...]] = {}  # the second and later of places listed

    def err(line: int, what: str, hint: str = _OP_HINT) -> AmendmentSyntaxError:
        return syntax_error(source, line, num, what, hint)

    def place(loc: Location, line: int) -> None:
        """Set the amendment's location; a second, different one is refused."""
        nonlocal location
        if location is None or loc == location:
            location = loc
            return
        if _refines(location, loc) and not ops:
            location = loc
            return
        raise err(
            line,
            f"amendment {num} already amends {location.phrase()}, and this line names"
            f" {loc.phrase()}",
            f"an amendment amends one provision: table a separate amendment for {loc.phrase()}",
        )

    while i < len(lines):
        lineno, raw = lines[i]
        stripped = raw.strip()
        cleaned = clean_line(raw)
        fm = field_of(cleaned)
        if fm:
            mode = ""
            name, value = fm
            if name == "by":
                # Names on the following lines: after a bare "Tabled by:", or while a
                # line ends in "," or "and"; anything else is not taken for a name.
                mode = "names" if not value else "more names"
                add_name(names, value)
            elif name == "justification":
                mode = "justification"
                if value:
                    justification.append(value)
            elif name == "status":
                word = value.lower().rstrip(".")
                word = VOTE_WORDS.get(word, word)
                if word not in STATUSES:
                    raise err(
                        lineno,
                        f"unknown status {value!r}",
                        "use one of " + ", ".join(STATUSES),
                    )
                status = word
            elif name == "date":
                date = value
            else:
                replaces = numbers_in(value)
            i += 1
            continue
        if mode == "justification":
            if amends(clean_line(raw)):
                # An operation after the justification: the heading of the amendment it
                # belongs to is missing or unreadable, and it would be lost in the text.
                raise err(
                    lineno,
                    f"{stripped!r} comes after the justification of amendment {num}",
                    'start the amendment it belongs to with a line "Amendment N", or put'
                    " the operation before the justification",
                )
            justification.append(stripped)
            i += 1
            continue
        if not stripped or _IGNORED.match(stripped):
            mode = "" if not stripped else mode
            i += 1
            continue
        if (
            mode == "names" or (mode == "more names" and RUNS_ON.search(names[-1]))
        ) and looks_like_name(cleaned):
            add_name(names, cleaned)
            i += 1
            continue
        mode = ""
        if stripped.startswith("|"):
            j = i
            rows: list[tuple[int, str]] = []
            while j < len(lines) and lines[j][1].strip().startswith("|"):
                rows.append(lines[j])
                j += 1
            new_ops, columns = parse_table(rows, location, source, num)
            ops.extend(new_ops)
            i = j
            continue
        if lineno not in plain:
            # Assemblies' sentence shapes put plainly first (drafting.amendments.wording).
            plain.add(lineno)
            joined, after = _logical_line(lines, i)
            wording = plain_wording(OP_LABEL.sub("", joined, count=1))
            if wording.target_text:
                if target_text and wording.target_text != target_text:
                    raise err(
                        lineno,
                        f"amendment {num} amends the {target_text} and this line the"
                        f" {wording.target_text}",
                        "table a separate amendment for each text of the report",
                    )
                target_text = wording.target_text
            if wording.remark:
                remarks.add(lineno)
            if len(wording.places) > 1:
                extra_places[lineno] = wording.places[1:]
            if wording.reads is None:
                body, after = _following(lines, after)
                reads = " ".join(b.strip() for b in body)
            elif wording.reads:
                reads = wording.reads
            if wording.line is not joined or after > i + 1:
                lines[i:after] = [(lineno, wording.line)] if wording.line else []
                continue
        unclear: Unclear | None = None
        try:
            loc = read_location(OP_LABEL.sub("", cleaned, count=1))
        except Unclear as exc:
            loc, unclear = None, exc
        if loc is None and unclear is None and _RELATIVE.fullmatch(cleaned.rstrip(":.")):
            # "Paragraph 13" then "Sub-paragraph (b)": the sub-paragraph of that paragraph.
            try:
                loc = _named_place(cleaned, location)
            except Unclear as exc:
                raise err(lineno, exc.what, exc.hint) from None
        if loc is not None:
            place(loc, lineno)
            i += 1
            nxt = i
            while nxt < len(lines) and not lines[nxt][1].strip():
                nxt += 1
            table_next = nxt < len(lines) and lines[nxt][1].strip().startswith("|")
            if loc.new is not None and not table_next:
                if nxt < len(lines) and _NEW_INTRO.match(clean_line(lines[nxt][1])):
                    i = nxt + 1
                body, i = _following(lines, i)
                if body:
                    if _is_operation(body[0]):
                        raise err(
                            lineno + 1,
                            f"{loc} is a new provision, so the lines after it are its words,"
                            f" not an operation like {body[0].strip()!r}",
                            "give the words of the new provision, or name the existing"
                            " provision to amend (e.g. Paragraph 2)",
                        )
                    anchor = replace(loc, new=None)
                    ops.append(InsertProvisions(anchor, "after", new_provisions(body)))
            continue
        line, after = _logical_line(lines, i)
        line = OP_LABEL.sub("", line, count=1)
        try:  # "Page 2, line 10, ...", "Leave out lines 28 to 31" (drafting.amendments.pageline)
            printed = read_printed(line, location)
        except Unclear as exc:
            raise err(lineno, exc.what, exc.hint) from None
        if printed is not None:
            place(printed[0], lineno)
            ops.extend(printed[2])
            lines[i:after] = [(lineno, printed[1])] if printed[1] else []
            continue
        try:
            parsed = _parse_operations(line, lines, after, location, lineno, err)
        except Unclear as exc:
            raise err(lineno, exc.what, exc.hint) from None
        except ValueError as exc:
            raise err(lineno, f"cannot use this line: {exc}") from None
        if parsed is None:
            split = PLACE_THEN_OP.match(line)
            loc = None
            if split:
                try:
                    loc = read_location(split.group("place"))
                except Unclear:
                    loc = None
            if loc is not None and loc.new is None:
                # "Paragraph 13(b): leave out ..." / "In paragraph 13(b), leave out ...".
                place(loc, lineno)
                lines[i:after] = [(lineno, split.group("rest") if split else "")]
                continue
            if unclear is not None:
                raise err(lineno, unclear.what, unclear.hint)
            if lineno in remarks:
                raise err(
                    lineno,
                    f"{stripped!r} is a remark, not an operation that can be carried out",
                    'the secretariat words it as an operation, e.g. Leave out "resolution"'
                    ' and insert "resolutions"',
                )
            raise err(lineno, f"cannot understand {stripped!r}", _hint_for(line, location, ops))
        found, i = parsed
        for op, named in found:
            if named is not None:
                try:
                    named_loc = _named_place(named, location)
                except Unclear as exc:
                    raise err(lineno, exc.what, exc.hint) from None
                if (
                    isinstance(op, DeleteProvision)
                    and location not in (None, named_loc)
                    and (ops or not _refines(location, named_loc))
                ):
                    op = DeleteProvision(named_loc)  # another provision the amendment deletes
                else:
                    place(named_loc, lineno)
            ops.append(op)
        for extra in extra_places.pop(lineno, ()):
            try:
                ops.append(DeleteProvision(_named_place(extra, location)))
            except Unclear as exc:
                raise err(lineno, exc.what, exc.hint) from None
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
        tabled_by=", ".join(names),
        justification=_paragraphs(justification),
        status=status,
        date=date,
        reads=_unquoted(reads),
        target_text=target_text,
        compromise=block.compromise,
        replaces=replaces,
        columns=columns,
        source=source,
        line=block.line,
    )


_PART_OF_TEXT = re.compile(
    r"\b(?:at\s+the\s+(?:end|beginning|start)\s+of\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:phrase|clause|indent|list|words?)|sentences?|lines?)\b",
    re.IGNORECASE,
)


def _hint_for(line: str, location: Location | None, ops: Sequence[Operation]) -> str:
    """What to write instead of a line that is no operation, for the likeliest slip."""
    if _unbalanced(line):
        return "a quotation opened on this line is not closed; close it, or " + _OP_HINT
    if re.search(r"\bfrom\b.*\bto\s+(?:the\s+)?end\b", line, re.IGNORECASE):
        return 'quote the last words too: Leave out from "X" to "last words of the text"'
    if _PART_OF_TEXT.search(line):
        return (
            "places inside the text are given by quoting the words next to them, e.g."
            ' After "X" insert "Y"'
        )
    if re.search(r"`", line):
        return 'put quoted words in quotation marks ("X", “X”, ‘X’ or «X»), not backticks'
    if location is None and not ops:
        return "start with the location (e.g. Paragraph 13(b)), then " + _OP_HINT
    return f"{unread_hint(line)}; {_OP_HINT}"


def _refines(location: Location | None, loc: Location) -> bool:
    """True when ``loc`` is inside ``location``: "Paragraph 13", then "sub-paragraph (g)";
    or "Page 2, line 28", then "leave out lines 28 to 31"."""
    if location is not None and location.lines is not None and loc.lines is not None:
        here, there = location.lines, loc.lines
        return here.last is None and (here.page, here.first) == (there.page, there.first)
    return (
        location is not None
        and loc.kind == location.kind
        and loc.new is None
        and location.new is None
        and loc.ref.startswith(location.ref + "(")
    )


def _unquoted(text: str) -> str:
    """Stated wording without the quotation marks around it."""
    text = text.strip()
    if re.fullmatch(rf"(?:{QUOTED})[.;]?", text):
        return text.rstrip(".;")[1:-1].strip()
    return text


def _paragraphs(lines: list[str]) -> str:
    """Lines wrapped in the file joined into paragraphs; a blank line starts a new one."""
    paras: list[list[str]] = [[]]
    for line in lines:
        if line:
            paras[-1].append(line)
        elif paras[-1]:
            paras.append([])
    return "\n".join(" ".join(p) for p in paras if p)


#: A sub-paragraph named by its own label only: ``sub-paragraph (c)``, ``point c``.
_RELATIVE = re.compile(
    r"(?:the\s+)?(?:sub-)?(?:sub-?paragraph|point)s?\s+\(?([0-9a-z]{1,7})\)?", re.IGNORECASE
)


def _named_place(text: str, location: Location | None) -> Location:
    """The provision an operation names: ``paragraph 3``, or ``sub-paragraph (c)`` of the
    amendment's paragraph."""
    rel = _RELATIVE.fullmatch(text.strip().rstrip(":."))
    if rel:
        if location is None or location.kind == "title" or location.depth > 0 or location.new:
            raise Unclear(
                f"{text!r} does not say which paragraph it belongs to"
                + (f" ({location.phrase()} is not a paragraph)" if location is not None else ""),
                "give the full number, e.g. sub-paragraph 13(c)",
            )
        return Location(location.kind, f"{location.ref}({rel.group(1).lower()})")
    loc = read_location(text)
    if loc is None or loc.new is not None:
        raise Unclear(f"cannot read the place {text!r}")
    return loc


def _quoted_body(body: list[str]) -> str:
    """New words given on the lines after ``Insert after "X":`` as one quotation."""
    text = " ".join(b.strip() for b in body)
    if re.fullmatch(QUOTED, text):
        return text
    return f"“{text}”" if "”" not in text else f'"{text}"'


def _parse_operations(
    line: str,
    lines: Sequence[tuple[int, str]],
    after: int,
    location: Location | None,
    lineno: int,
    err: Callable[..., AmendmentSyntaxError],
) -> tuple[list[tuple[Operation, str | None]], int] | None:
    """The operations on ``line`` (whose next line is ``after``), each with the provision
    it names, if any; None if the line is no operation."""
    one = _parse_operation(line, lines, after, location, lineno, err)
    if one is not None:
        op, named, nxt = one
        return [(op, named)], nxt
    several = split_operations(line)
    if several is not None:
        return [(op, None) for op in several], after
    if line.rstrip().endswith(":"):
        # Insert after "X":  /  Add at the end:  -- the words follow on the next lines.
        body, nxt = _following(lines, after)
        if body:
            joined = match_text_op(line.rstrip()[:-1] + " " + _quoted_body(body))
            if joined is not None:
                return [(joined, None)], nxt
    return None


def _parse_operation(
    line: str,
    lines: Sequence[tuple[int, str]],
    i: int,
    location: Location | None,
    lineno: int,
    err: Callable[..., AmendmentSyntaxError],
) -> tuple[Operation, str | None, int] | None:
    """One operation on ``line``; ``i`` is the index of the line after it."""
    op = match_text_op(line)
    if op is not None:
        return op, None, i
    if DELETE_PROVISION.match(line):
        return DeleteProvision(), None, i
    m = DELETE_NAMED.match(line)
    if m:
        return DeleteProvision(), m.group("named"), i
    for rx in REPLACE_PROVISION:
        m = rx.match(line)
        if m:
            body, j = _body(m, lines, i)
            if not body:
                raise err(lineno, "the new wording is missing", "give it on the next lines")
            provisions = new_provisions(body)
            named = m.group("named")
            place = read_location(named) if named else location
            if (
                len(provisions) > 1
                and place is not None
                and place.kind == "provision"
                and all(p.label for p in provisions)
            ):
                # "Replace Rule 9 with the following:" and its numbered paragraphs: the
                # rule's new subdivisions, its own words none.
                provisions = (NewProvision("", provisions),)
            if len(provisions) != 1:
                raise err(
                    lineno,
                    f"a provision is replaced by one provision, not {len(provisions)}",
                    "insert the others with After paragraph N insert the following new paragraphs:",
                )
            return ReplaceProvision(provisions[0]), m.group("named"), j
    if NEW_AT_END.match(line):
        raise err(
            lineno,
            "a new provision at the beginning or end of a paragraph needs the number of"
            " its neighbour",
            "write e.g. After sub-paragraph 13(j) insert the following new sub-paragraph:",
        )
    for rx in INSERT_PROVISIONS:
        m = rx.match(line)
        if m:
            anchor = _named_place(m.group("anchor"), location)
            body, j = _body(m, lines, i)
            if not body:
                raise err(lineno, "the new text is missing", "give it on the next lines")
            return InsertProvisions(anchor, position(m), new_provisions(body)), None, j
    m = MOVE.match(line)
    if m:
        target = _named_place(m.group("target"), location)
        anchor = _named_place(m.group("anchor"), location)
        return MoveProvision(target, anchor, position(m)), None, i
    return None


def _body(m: re.Match[str], lines: Sequence[tuple[int, str]], i: int) -> tuple[list[str], int]:
    """New wording given on the operation's own line, or on the lines after it; an
    operation where the wording should be is refused (the words are missing)."""
    inline = m.group("inline") or m.group("inlq")
    if inline:
        return [inline], i
    body, j = _following(lines, i)
    if body and _is_operation(body[0]):
        raise Unclear(
            f"the new wording is missing: {body[0].strip()!r} is an operation, not the words",
            "give the words of the new text on the lines after the colon",
        )
    return body, j


def _starts_operation(raw: str) -> bool:
    """True when a line is an operation or a location, never the words of a provision."""
    line = OP_LABEL.sub("", clean_line(raw), count=1)
    if _is_operation(line) or MOVE.match(line) or states_wording(line):
        return True
    if any(rx.match(line) for rx in (*INSERT_PROVISIONS, *REPLACE_PROVISION)):
        return True
    try:
        return read_location(line) is not None
    except Unclear:
        return False


def _is_operation(line: str) -> bool:
    first = OP_LABEL.sub("", line.strip(), count=1)
    return match_text_op(first) is not None or bool(DELETE_PROVISION.match(first))


def _following(lines: Sequence[tuple[int, str]], i: int) -> tuple[list[str], int]:
    """The new wording: the lines after an operation, up to a blank line, a field or
    the next operation (a tabler who leaves out the blank line still means two)."""
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    body: list[str] = []
    while i < len(lines):
        raw = lines[i][1]
        if not raw.strip() or field_of(clean_line(raw)) or (body and _starts_operation(raw)):
            break
        body.append(raw.rstrip())
        i += 1
    return body, i


# -- files -----------------------------------------------------------------------


def read_text_file(path: Path) -> str:
    """The text of an amendment or votes file (UTF-8, or Windows-1252 from old Word).

    Raises:
        InputError: missing, unreadable, too large or binary.
    """
    return read_text(path, MAX_BYTES)
