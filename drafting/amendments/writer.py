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
from typing import Literal

from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Status,
)
from drafting.amendments.words import derive_operations, normalize, ordinal

WriteStyle = Literal["nato-pa", "un-ga", "ep"]
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


def _noun(loc: Location | None) -> str:
    if loc is None:
        return "paragraph"
    if loc.kind == "title":
        return "title"
    if loc.kind in ("recital", "citation"):
        return loc.kind
    return "sub-paragraph" if loc.depth >= 1 else "paragraph"


def _place(loc: Location) -> str:
    if loc.kind == "paragraph":
        return f"{_noun(loc)} {loc.ref}"
    return loc.phrase()


def _provision_lines(provisions: Sequence[NewProvision], depth: int = 0) -> list[str]:
    out = []
    for p in provisions:
        out.append(("  " * (depth - 1) + " - " if depth else "") + p.markup)
        out.extend(_provision_lines(p.points, depth + 1))
    return out


def operation_lines(op: Operation, style: WriteStyle, loc: Location | None) -> list[str]:
    """The wording of one operation (several lines when it brings new text)."""
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
        return [f"{'Delete' if un else 'Leave out'} {_q(op.target)}"]
    if isinstance(op, ReplaceText):
        if un:
            return [f"Replace {_q(op.target)} with {quoted(op.new)}"]
        return [f"Leave out {_q(op.target)} and insert {quoted(op.new)}"]
    if isinstance(op, DeleteRange):
        verb = "Delete" if un else "Leave out"
        line = f"{verb} from {_q(op.start)} to {_q(op.end)}"
        return [line + (f" and insert {quoted(op.new)}" if op.new is not None else "")]
    if isinstance(op, DeleteProvision):
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
    new_form = (
        loc is not None
        and loc.new is not None
        and len(a.operations) == 1
        and isinstance(a.operations[0], InsertProvisions)
        and a.operations[0].anchor == Location(loc.kind, loc.ref)
        and a.operations[0].position == "after"
    )
    if loc is not None:
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
            out += lines
            if len(lines) > 1:
                out.append("")
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
