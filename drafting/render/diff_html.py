"""The diff as one standalone HTML page: an index, an inline redline, a side-by-side view.

Insertions are underlined and blue, deletions struck through and orange (the
Okabe–Ito pair, told apart by readers with any common colour blindness, and by the
underline and strike when printed in black).  The page needs no network: styles
are inline and it prints without the index links' colours.
"""

from __future__ import annotations

import html

from drafting.diff.records import Change, DiffResult, Run, Slot, WordOp

_TAGS = {"b": "b", "i": "i", "u": "u", "sup": "sup", "sub": "sub"}

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #111; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; }
ins { color: #0057a3; text-decoration: underline; text-decoration-thickness: 2px;
      background: #e8f1fb; }
del { color: #b34700; text-decoration: line-through; text-decoration-thickness: 2px;
      background: #fdf0e6; }
.summary { font-weight: bold; }
.prov { margin: 0.4rem 0; }
.level-1 { margin-left: 2rem; } .level-2 { margin-left: 4rem; } .level-3 { margin-left: 6rem; }
.num { display: inline-block; min-width: 2.5rem; }
.tag { font: 0.75rem sans-serif; color: #444; border: 1px solid #999; border-radius: 3px;
       padding: 0 0.25rem; margin-right: 0.4rem; white-space: nowrap; }
.changed-prov { border-left: 4px solid #666; padding-left: 0.5rem; }
.moved-stub { font-style: italic; color: #444; }
.note { font-size: 0.75em; vertical-align: super; }
table.sbs { border-collapse: collapse; width: 100%; }
table.sbs th, table.sbs td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; vertical-align: top;
                            width: 50%; }
table.sbs tr.same td { color: #555; }
nav ol { columns: 2; }
@media print {
  nav, .views-note { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { page-break-before: always; }
  tr, .prov { page-break-inside: avoid; }
}
"""


def runs_html(runs: tuple[Run, ...] | list[Run]) -> str:
    """HTML for runs: emphasis as elements, footnote references as superscripts."""
    out: list[str] = []
    for r in runs:
        if r.is_break:
            out.append("<br>")
            continue
        if r.is_note:
            title = f' title="{html.escape(r.note or "", quote=True)}"' if r.note else ""
            out.append(f'<span class="note"{title}>{html.escape(r.text)}</span>')
            continue
        text = html.escape(r.text)
        for m in reversed(r.marks):
            tag = _TAGS.get(m)
            if tag:
                text = f"<{tag}>{text}</{tag}>"
        out.append(text)
    return "".join(out)


def op_html(op: WordOp) -> str:
    """One word operation: ``<ins>``, ``<del>`` or plain."""
    body = runs_html(op.runs)
    if op.kind == "insert":
        return f"<ins>{body}</ins>"
    if op.kind == "delete":
        return f"<del>{body}</del>"
    return body


def _level(change: Change) -> int:
    side = change.new or change.old
    assert side is not None
    return side.ref.count("(") if side.ref else 0


def number_html(change: Change, ignore_numbering: bool) -> str:
    """The provision's number, a renumbering shown as old struck and new underlined."""
    old = change.old.num if change.old else None
    new = change.new.num if change.new else None
    if change.new is None:
        return f"<del>{html.escape(old)}</del>" if old else ""
    if change.old is None:
        return f"<ins>{html.escape(new)}</ins>" if new else ""
    if old != new and not ignore_numbering:
        return (f"<del>{html.escape(old or '')}</del>" if old else "") + (
            f"<ins>{html.escape(new or '')}</ins>" if new else ""
        )
    return html.escape(new or "")


def body_html(change: Change, view: str = "both") -> str:
    """The words of a change: ``both`` marks every op; ``old``/``new`` show one side."""
    parts = []
    for op in change.ops:
        if view == "old" and op.kind == "insert":
            continue
        if view == "new" and op.kind == "delete":
            continue
        parts.append(op_html(op))
    return "".join(parts)


def _tag(change: Change, ignore_numbering: bool) -> str:
    if change.kind == "unchanged":
        return ""
    words: str = change.kind
    if change.kind == "changed" and change.renumbered and not ignore_numbering:
        words = "changed, renumbered"
    if change.amendment:
        words += f" · {change.amendment}"
    return f'<span class="tag">{html.escape(words)}</span>'


def _prov(change: Change, ident: str, ignore_numbering: bool) -> str:
    cls = f"prov level-{_level(change)}"
    if change.kind != "unchanged":
        cls += " changed-prov"
    num = number_html(change, ignore_numbering)
    num_html = f'<span class="num">{num}</span> ' if num else ""
    return (
        f'<p class="{cls}" id="{ident}">{_tag(change, ignore_numbering)}{num_html}'
        f"{body_html(change)}</p>"
    )


def _stub(change: Change, ignore_numbering: bool) -> str:
    old = change.old
    assert old is not None
    return (
        f'<p class="prov moved-stub level-{_level(change)}" id="from-{change.anchor}">'
        f'<span class="tag">moved away</span>{html.escape(old.num or "")} '
        f'<a href="#{change.anchor}">moved; now '
        f"{html.escape(change.label(ignore_numbering=True))}</a></p>"
    )


def _index(result: DiffResult) -> str:
    items = []
    for c in result.differences:
        label = html.escape(c.label(ignore_numbering=result.ignore_numbering))
        extra = f" — {html.escape(c.amendment)}" if c.amendment else ""
        items.append(
            f'<li><a href="#{c.anchor}">{html.escape(c.kind)}: {label}</a>'
            f' (<a href="#sbs-{c.anchor}">side by side</a>){extra}</li>'
        )
    if not items:
        return "<nav><p>No differences.</p></nav>"
    return '<nav><h2 id="index">Index of changes</h2><ol>' + "".join(items) + "</ol></nav>"


def _inline(result: DiffResult) -> str:
    slots = result.layout or tuple(Slot(i, "here") for i in range(len(result.changes)))
    out = []
    for slot in slots:
        change = result.changes[slot.index]
        if slot.role == "from":
            if change.kind == "moved":
                out.append(_stub(change, result.ignore_numbering))
            continue
        out.append(_prov(change, change.anchor, result.ignore_numbering))
    return "\n".join(out)


def _side_by_side(result: DiffResult) -> str:
    rows = ['<table class="sbs"><thead><tr>']
    rows.append(f"<th>{html.escape(result.old_name)}</th><th>{html.escape(result.new_name)}</th>")
    rows.append("</tr></thead><tbody>")
    for c in result.changes:
        same = ' class="same"' if c.kind == "unchanged" else ""
        old = f"{html.escape(c.old.num or '')} {body_html(c, 'old')}" if c.old else ""
        new = f"{html.escape(c.new.num or '')} {body_html(c, 'new')}" if c.new else ""
        tag = _tag(c, result.ignore_numbering)
        rows.append(
            f'<tr id="sbs-{c.anchor}"{same}><td>{old.strip()}</td><td>{tag}{new.strip()}</td></tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def render_diff_html(result: DiffResult, *, title: str = "") -> str:
    """One standalone HTML page: summary, index, inline redline, side-by-side table."""
    heading = title or f"Changes from {result.old_name} to {result.new_name}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{html.escape(heading)}</title>",
            f"<style>{CSS}</style></head><body>",
            f"<h1>{html.escape(heading)}</h1>",
            f'<p class="summary">{html.escape(result.summary_line())}</p>',
            '<p class="views-note">Inserted words are <ins>underlined</ins>, deleted words'
            " <del>struck through</del>.</p>",
            _index(result),
            '<h2 id="inline">Inline view</h2>',
            _inline(result),
            '<h2 id="side-by-side">Side-by-side view</h2>',
            _side_by_side(result),
            "</body></html>",
            "",
        ]
    )
