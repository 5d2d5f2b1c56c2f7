"""The comparative table of parliamentary amendment sheets, as a standalone HTML page.

Two columns, "Draft text | Amended text", one row per provision whose words
changed, was inserted, deleted or moved; a mere renumbering gets no row.  The left
column marks what goes (struck through), the right what comes (underlined).
"""

from __future__ import annotations

import html

from drafting.diff.records import Change, DiffResult
from drafting.render.diff_html import CSS, body_html

OLD_HEADING = "Draft text"
NEW_HEADING = "Amended text"
ROW_KINDS = ("changed", "inserted", "deleted", "moved")


def column_rows(result: DiffResult) -> tuple[Change, ...]:
    """The changes that get a row in a comparative table, in reading order."""
    return tuple(c for c in result.changes if c.kind in ROW_KINDS)


def _cell(change: Change, side: str) -> str:
    part = change.old if side == "old" else change.new
    if part is None:
        return ""
    num = html.escape(part.num or "")
    return f"{num} {body_html(change, side)}".strip()


def render_columns_html(result: DiffResult, *, title: str = "") -> str:
    """The comparative table as one HTML page."""
    heading = title or f"Comparative table: {result.old_name} and {result.new_name}"
    rows = []
    for c in column_rows(result):
        label = html.escape(c.label(ignore_numbering=result.ignore_numbering).capitalize())
        note = f" — {html.escape(c.amendment)}" if c.amendment else ""
        rows.append(
            f'<tr class="label"><th colspan="2">{label} ({html.escape(c.kind)}){note}</th></tr>'
            f"<tr><td>{_cell(c, 'old')}</td><td>{_cell(c, 'new')}</td></tr>"
        )
    body = "\n".join(rows) if rows else '<tr><td colspan="2">No differences.</td></tr>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{html.escape(heading)}</title>",
            f"<style>{CSS}\ntr.label th {{ text-align: left; background: #eee; }}</style>",
            "</head><body>",
            f"<h1>{html.escape(heading)}</h1>",
            '<table class="sbs"><thead><tr>',
            f"<th>{OLD_HEADING}</th><th>{NEW_HEADING}</th></tr></thead><tbody>",
            body,
            "</tbody></table>",
            "</body></html>",
            "",
        ]
    )
