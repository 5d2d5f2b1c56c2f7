"""The diff for a terminal: each changed provision with its words marked, then a summary.

Insertions are blue and underlined, deletions orange and struck through, so the
marks survive colour blindness and ``--no-color`` (then ``{+new+}`` and ``[-old-]``,
as ``git diff --word-diff`` writes them).  ANSI codes are written by hand: this
module must not depend on click.
"""

from __future__ import annotations

from drafting.diff.records import Change, DiffResult, Run, WordOp, runs_markup

BLUE_UNDERLINE = "\x1b[4;34m"
ORANGE_STRIKE = "\x1b[9;38;5;208m"
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _runs(runs: tuple[Run, ...]) -> str:
    return runs_markup(runs).replace("\n", " ¶ ")


def _op(op: WordOp, color: bool) -> str:
    text = _runs(op.runs)
    if op.kind == "equal":
        return text
    if color:
        code = BLUE_UNDERLINE if op.kind == "insert" else ORANGE_STRIKE
        return f"{code}{text}{RESET}"
    return f"{{+{text}+}}" if op.kind == "insert" else f"[-{text}-]"


def _number(change: Change, ignore_numbering: bool, color: bool) -> str:
    old = change.old.num if change.old else None
    new = change.new.num if change.new else None
    if change.new is None:
        return old or ""
    if change.old is None or ignore_numbering or old == new:
        return new or ""
    return _op(WordOp("delete", (Run(old or ""),)), color) + _op(
        WordOp("insert", (Run(new or ""),)), color
    )


def change_lines(change: Change, *, ignore_numbering: bool, color: bool) -> list[str]:
    """The heading line and the marked words of one change."""
    head = f"{change.kind}: {change.label(ignore_numbering=ignore_numbering)}"
    if change.kind == "moved" and change.old and change.new:
        head += f" (was at {change.old.ref or change.old.eid})"
    if change.amendment:
        head += f" [{change.amendment}]"
    if color:
        head = f"{BOLD}{head}{RESET}"
    side = change.new or change.old
    assert side is not None
    indent = "    " * (side.ref.count("(") if side.ref else 0)
    number = _number(change, ignore_numbering, color)
    if change.kind == "renumbered":
        return [head]
    if change.kind in ("inserted", "deleted"):
        label = (Run(f"{number} "),) if number else ()
        runs = change.ops[0].runs if change.ops else ()
        body = _op(WordOp("insert" if change.new else "delete", (*label, *runs)), color)
    else:
        body = "".join(_op(op, color) for op in change.ops)
        if number:
            body = f"{number} {body}"
    return [head, f"  {indent}{body}".rstrip()]


def render_text(result: DiffResult, *, color: bool = False) -> str:
    """Every difference, one block each, then the summary line."""
    lines: list[str] = []
    lines.append(f"--- {result.old_name}")
    lines.append(f"+++ {result.new_name}")
    for change in result.differences:
        lines.append("")
        lines.extend(change_lines(change, ignore_numbering=result.ignore_numbering, color=color))
    lines.append("")
    lines.append(result.summary_line())
    return "\n".join(lines) + "\n"
