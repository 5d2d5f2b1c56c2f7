"""Writing amendments in a house style, and drafting them from an edited provision.

A rapporteur edits a provision; :func:`draft_amendment` finds the shortest set of
word-level operations from the tabled text to the edited one, and
:func:`write_amendment` words them the way the assembly does: NATO PA ``Leave
out ... and insert ...``, UN ``Replace ... with ...``, EP a two-column table
``Draft text | Amendment``.  What is written here reads back through
:mod:`drafting.amendments.parser` to the same amendment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal, assert_never

from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Lines,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Rest,
    Sentence,
    Status,
    TextTarget,
    ToLineEnd,
)
from drafting.amendments.words import derive_operations, normalize, ordinal
from drafting.model.structure import noun

#: The houses whose wording is written: NATO PA ``Leave out ... and insert ...``; UN
#: ``Replace ... with ...``; the EP's table; PACE ``In the draft resolution, paragraph
#: 3, replace the words ... with the following words: ...``; the UK ``Paragraph 3,
#: leave out ‘...’ and insert ‘...’``.
WriteStyle = Literal["nato-pa", "un-ga", "ep", "pace", "uk"]
WRITE_STYLES: tuple[WriteStyle, ...] = ("nato-pa", "un-ga", "ep", "pace", "uk")
_PAIRS = (('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"))


def quoted(text: str) -> str:
    """``text`` in quotation marks it does not itself contain.

    Raises:
        ValueError: the text holds every kind of quotation mark.
    """
    for left, right in _PAIRS:
        if left not in text and right not in text:
            return f"{left}{text}{right}"
    raise ValueError(f"cannot quote {text!r}: it contains every kind of quotation mark")


def _q(quote: Quote) -> str:
    head = f"{ordinal(quote.occurrence)} " if quote.occurrence is not None else ""
    return head + quoted(quote.text)


def _target(target: TextTarget, loc: Location | None = None) -> str:
    match target:
        case Quote():
            return _q(target)
        case Sentence(n=n):
            return f"the {'last' if n == -1 else ordinal(n)[4:]} sentence"
        case Rest(after=after):
            return f"all words after {_q(after)}"
        case ToLineEnd(start=start, line=line):
            # The page is the amendment's own unless it says another.
            same = loc is not None and loc.lines is not None and loc.lines.page == line.page
            page = "" if same else f" on page {line.page}"
            return f"from {_q(start)} to end of line {line.first}{page}"
        case _:
            assert_never(target)


def _lines_left_out(loc: Location | None) -> Lines | None:
    """The lines a deletion by page and line leaves out (``Leave out lines 28 to 31``);
    None when ``op`` deletes a provision named otherwise."""
    if loc is None or loc.lines is None or loc.lines.last is None:
        return None
    return loc.lines


def _noun(loc: Location | None) -> str:
    if loc is None:
        return "paragraph"
    if loc.kind == "title":
        return "title"
    if loc.kind in ("recital", "citation"):
        return loc.kind
    if loc.kind == "line":  # whichever provision the line prints
        return "provision"
    if loc.path:  # a clause text: what its last level is called ("rule", "section")
        level = loc.path[-1][0]
        return noun(level) if level else "provision"
    return "sub-paragraph" if loc.depth >= 1 else "paragraph"


def _place(loc: Location) -> str:
    if loc.kind == "paragraph":
        return f"{_noun(loc)} {loc.ref}"
    return loc.phrase()


def provision_line(markup: str, depth: int) -> str:
    """How the text form writes a new provision's words: ``markup`` for a provision,
    `` - markup`` for its sub-paragraph, ``   - markup`` a level further in.  The Word
    form finds these lines again to lay them out as indented paragraphs."""
    return ("  " * (depth - 1) + " - " if depth else "") + markup


def _provision_lines(
    provisions: Sequence[NewProvision], depth: int = 0, labelled: bool | None = None
) -> list[str]:
    """The lines of new provisions.  A resolution's are written without labels (its
    renumbering numbers them); a clause text's new rule is written as it will be
    numbered, "Rule 13A – Immunity" and its "1.", "2.", when one of them has a
    numbering word or a heading."""
    if labelled is None:
        labelled = any(_named(p) for p in provisions)
    out = []
    for p in provisions:
        if labelled and (p.label or p.heading):
            head = " – ".join(x for x in (p.label, p.heading) if x)
            if p.heading:
                out.append(provision_line(head, depth))
                if p.markup:
                    out.append(provision_line(p.markup, depth))
            else:
                out.append(provision_line(f"{head} {p.markup}".rstrip(), depth))
        else:
            out.append(provision_line(p.markup, depth))
        out.extend(_provision_lines(p.points, depth + 1, labelled))
    return out


def _named(p: NewProvision) -> bool:
    """A new provision with a heading or a numbering word ("Rule 13A"), or one below it."""
    return bool(p.heading) or p.label[:1].isalpha() or any(_named(c) for c in p.points)


def is_new_provision_form(a: Amendment) -> bool:
    """True when ``a`` is written as its location and then the words alone, as the EP
    tables a new provision (``Paragraph 12 a (new)``): one insertion right after the
    provision its location names."""
    loc, ops = a.location, a.operations
    if loc is None or loc.new is None or len(ops) != 1:
        return False
    op = ops[0]
    return (
        isinstance(op, InsertProvisions)
        and op.anchor == replace(loc, new=None)
        and op.position == "after"
    )


def operation_lines(op: Operation, style: WriteStyle, loc: Location | None) -> list[str]:
    """The wording of one operation (several lines when it brings new text)."""
    if style == "pace":
        return _pace_lines(op, loc)
    if style == "uk":
        return _uk_lines(op, loc)
    un = style != "nato-pa"
    noun = _noun(loc)
    if isinstance(op, InsertText):
        if op.where == "beginning":
            return [f"At the beginning insert {quoted(op.new)}"]
        if op.where == "end":
            return [f"At the end insert {quoted(op.new)}"]
        assert op.anchor is not None
        return [f"{op.where.capitalize()} {_q(op.anchor)} insert {quoted(op.new)}"]
    if isinstance(op, DeleteText):
        return [f"{'Delete' if un else 'Leave out'} {_target(op.target, loc)}"]
    if isinstance(op, ReplaceText):
        if un:
            return [f"Replace {_target(op.target, loc)} with {quoted(op.new)}"]
        return [f"Leave out {_target(op.target, loc)} and insert {quoted(op.new)}"]
    if isinstance(op, DeleteRange):
        verb = "Delete" if un else "Leave out"
        line = f"{verb} from {_q(op.start)} to {_q(op.end)}"
        return [line + (f" and insert {quoted(op.new)}" if op.new is not None else "")]
    if isinstance(op, DeleteProvision):
        if op.target is not None:
            return [f"{'Delete' if un else 'Leave out'} {_place(op.target)}"]
        gone = _lines_left_out(loc)
        if gone is not None:
            return [f"{'Delete' if un else 'Leave out'} {gone.named}"]
        return [f"Delete the {noun}" if un else f"Leave out the {noun}"]
    if isinstance(op, ReplaceProvision):
        head = (
            f"Replace the {noun} with the following:"
            if un
            else f"Leave out the {noun} and insert the following new {noun}:"
        )
        return [head, *_provision_lines([op.new])]
    if isinstance(op, InsertProvisions):
        kind = _noun(op.anchor)
        plural = "s" if len(op.provisions) > 1 else ""
        where = f"{op.position.capitalize()} {_place(op.anchor)}"
        head = f"{where} insert the following new {kind}{plural}:"
        return [head, *_provision_lines(op.provisions)]
    assert isinstance(op, MoveProvision)
    return [f"Move {_place(op.target)} {op.position} {_place(op.anchor)}"]


def _pace_target(target: TextTarget, loc: Location | None) -> str:
    if isinstance(target, Quote) and target.occurrence is None:
        return f"the words {_q(target)}"
    return _target(target, loc)


def _pace_lines(op: Operation, loc: Location | None) -> list[str]:
    """PACE: the place inside the sentence (the text it amends opens the amendment)."""
    place = f"{_place(loc)}, " if loc is not None and loc.kind != "title" else ""
    if loc is not None and loc.kind == "title":
        place = "the title, "
    noun = _noun(loc)
    printed = loc is not None and loc.lines is not None  # by page and line: the place first
    if isinstance(op, InsertText):
        if op.where in ("beginning", "end") and printed:
            return [
                f"{place.capitalize()}at the {op.where}, insert the following words:"
                f" {quoted(op.new)}"
            ]
        if op.where in ("beginning", "end"):
            of = "the title" if loc is None or loc.kind == "title" else _place(loc)
            where = f"at the {op.where} of {of}"
            return [f"{where.capitalize()}, insert the following words: {quoted(op.new)}"]
        assert op.anchor is not None
        return [
            f"{place.capitalize()}{op.where} the words {_q(op.anchor)}, insert the following"
            f" words: {quoted(op.new)}"
        ]
    if isinstance(op, DeleteText):
        return [f"{place.capitalize()}delete {_pace_target(op.target, loc)}"]
    if isinstance(op, ReplaceText):
        return [
            f"{place.capitalize()}replace {_pace_target(op.target, loc)} with the following"
            f" words: {quoted(op.new)}"
        ]
    if isinstance(op, DeleteRange):
        line = f"{place.capitalize()}delete from {_q(op.start)} to {_q(op.end)}"
        return [line + (f" and insert {quoted(op.new)}" if op.new is not None else "")]
    lines = _lines_left_out(loc)
    if isinstance(op, DeleteProvision) and op.target is None and lines is not None:
        return [f"Page {lines.page}, delete {lines.named}."]
    if isinstance(op, DeleteProvision) and op.target is None and printed:
        return [f"{place.capitalize()}delete the {noun}."]
    if isinstance(op, DeleteProvision):
        gone = op.target or loc
        return [f"Delete {_place(gone) if gone is not None else 'the ' + noun}."]
    if isinstance(op, ReplaceProvision) and printed:
        return [
            f"{place.capitalize()}replace the {noun} with the following {noun}:",
            *_provision_lines([op.new]),
        ]
    if isinstance(op, ReplaceProvision):
        where = _place(loc) if loc is not None else f"the {noun}"
        return [f"Replace {where} with the following {noun}:", *_provision_lines([op.new])]
    if isinstance(op, InsertProvisions):
        kind = _noun(op.anchor)
        plural = "s" if len(op.provisions) > 1 else ""
        return [
            f"{op.position.capitalize()} {_place(op.anchor)}, insert the following {kind}{plural}:",
            *_provision_lines(op.provisions),
        ]
    assert isinstance(op, MoveProvision)
    return [f"Move {_place(op.target)} {op.position} {_place(op.anchor)}."]


def _uk_lines(op: Operation, loc: Location | None) -> list[str]:
    """The UK's wording: the place, a comma and the instruction, on one line."""
    place = f"{loc!s}, " if loc is not None else ""
    if isinstance(op, InsertText):
        if op.where in ("beginning", "end"):
            return [f"{place}at {op.where} insert {quoted(op.new)}"]
        assert op.anchor is not None
        return [f"{place}{op.where} {_q(op.anchor)} insert {quoted(op.new)}"]
    if isinstance(op, DeleteText):
        return [f"{place}leave out {_target(op.target, loc)}"]
    if isinstance(op, ReplaceText):
        return [f"{place}leave out {_target(op.target, loc)} and insert {quoted(op.new)}"]
    if isinstance(op, DeleteRange):
        line = f"{place}leave out from {_q(op.start)} to {_q(op.end)}"
        return [line + (f" and insert {quoted(op.new)}" if op.new is not None else "")]
    lines_out = _lines_left_out(loc)
    if isinstance(op, DeleteProvision) and op.target is None and lines_out is not None:
        return [f"Page {lines_out.page}, leave out {lines_out.named}"]
    if isinstance(op, DeleteProvision) and op.target is None and loc is not None and loc.lines:
        return [f"{place}leave out the provision"]
    if isinstance(op, DeleteProvision):
        gone = op.target or loc
        return [f"Leave out {_place(gone) if gone is not None else 'the paragraph'}"]
    lines = operation_lines(op, "nato-pa", loc)
    if isinstance(op, ReplaceProvision) and place:
        lines[0] = f"{place}{lines[0][:1].lower()}{lines[0][1:]}"
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_amendment(amendment: Amendment, style: WriteStyle = "nato-pa") -> str:
    """The amendment as a text block in ``style``; EP style gives a two-column table
    when the amendment carries its columns.

    Raises:
        ValueError: quoted words contain every kind of quotation mark.
    """
    a = amendment
    head = f"{a.label}"
    out = [head]
    if a.tabled_by:
        out.append(f"Tabled by: {a.tabled_by}")
    if a.date:
        out.append(f"Date: {a.date}")
    if a.replaces:
        out.append(f"Replaces: {', '.join(a.replaces)}")
    loc = a.location
    new_form = is_new_provision_form(a)
    inline_place = style in ("pace", "uk")
    if a.target_text and style != "pace":
        out.append(f"In the {a.target_text}:")
    if loc is not None and (new_form or not inline_place):
        out.append(str(loc))
    if style == "ep" and a.columns is not None:
        out += ["", "| Draft text | Amendment |", "|---|---|"]
        out.append(f"| {_cell(a.columns[0])} | {_cell(a.columns[1])} |")
        out.append("")
    elif new_form:
        op = a.operations[0]
        assert isinstance(op, InsertProvisions)
        out += _provision_lines(op.provisions)
        out.append("")
    else:
        for op in a.operations:
            lines = operation_lines(op, style, loc)
            if style == "pace":
                text = a.target_text or "draft resolution"
                lines[0] = f"In the {text}, {lines[0][:1].lower()}{lines[0][1:]}"
            out += lines
            if len(lines) > 1:
                out.append("")
    if a.reads:
        out.append(f"So that the {_noun(loc)} reads: {quoted(a.reads)}")
    if a.justification:
        # One paragraph a line in the model; paragraphs apart by a blank line in the file.
        out.append(f"Justification: {a.justification.replace(chr(10), chr(10) * 2)}")
    out.append(f"Status: {a.status}")
    return "\n".join(out).rstrip() + "\n"


def write_amendments(amendments: Sequence[Amendment], style: WriteStyle = "nato-pa") -> str:
    """Several amendments, a blank line between them."""
    return "\n".join(write_amendment(a, style) for a in amendments)


def draft_amendment(
    number: str,
    location: Location,
    original: str,
    edited: str | None,
    *,
    style: WriteStyle = "nato-pa",
    tabled_by: str = "",
    justification: str = "",
    status: Status = "tabled",
) -> Amendment:
    """The shortest amendment turning ``original`` into ``edited`` (None: delete the provision).

    Raises:
        ValueError: the two texts are the same.
    """
    if edited is None:
        ops: tuple[Operation, ...] = (DeleteProvision(),)
        columns = (original, "deleted")
    else:
        ops = derive_operations(original, edited)
        if not ops:
            raise ValueError("the edited text is the same as the original")
        columns = (normalize(original), normalize(edited))
    return Amendment(
        number=number,
        location=location,
        operations=ops,
        tabled_by=tabled_by,
        justification=justification,
        status=status,
        columns=columns if style == "ep" else None,
    )
