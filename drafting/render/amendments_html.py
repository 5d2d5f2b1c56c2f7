"""Amendments as parliaments print them, as standalone HTML pages.

The compilation gives each amendment its number, who tabled it and where, then
two columns "Draft text | Amendment": removed words struck through on the left,
new words bold italic on the right, "deleted" for a provision that goes; then
the justification.  The voting list is the chair's paper: a table, one row per vote
in voting order, what falls in the Remarks, result columns left empty to fill in by
hand (or filled from a votes file), and the vote on the text as a whole last.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from drafting.amendments.report import CompilationEntry, CompilationRow
from drafting.amendments.voting import (
    COLUMNS,
    NUMERIC,
    RESULT_FROM,
    VotingItem,
    VotingPaper,
    as_paper,
)

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto;
       line-height: 1.45; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
table.am { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.am th, table.am td { border: 1px solid #999; padding: .4em .6em; vertical-align: top; }
table.am th { background: #eee; text-align: left; }
del { text-decoration: line-through; color: #8a1c1c; }
ins { text-decoration: none; font-weight: bold; font-style: italic; }
p.meta { margin: .2em 0; } p.problem { color: #8a1c1c; }
p.justification { margin-top: .6em; }
table.voting { border-collapse: collapse; width: 100%; font-size: .92em; }
table.voting th, table.voting td { border: 1px solid #555; padding: .35em .5em;
       vertical-align: top; text-align: left; }
table.voting thead th { background: #eee; }
table.voting td.num, table.voting th.num { text-align: right; }
table.voting td.result { min-width: 4em; height: 1.8em; }
table.voting tr.whole td { font-weight: bold; border-top: 2px solid #111; }
@media print {
  table.voting { font-size: 9pt; }
  table.voting thead { display: table-header-group; }
  table.voting tr { break-inside: avoid; page-break-inside: avoid; }
  table.voting thead th { background: none; }
}
"""


def _page(title: str, body: list[str]) -> str:
    t = html.escape(title)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{t}</title>",
            f"<style>{CSS}</style>",
            "</head><body>",
            f"<h1>{t}</h1>",
            *body,
            "</body></html>",
            "",
        ]
    )


def _side(row: CompilationRow, side: str) -> str:
    if side == "new" and row.deleted:
        return "<em>deleted</em>"
    parts = []
    for p in row.pieces:
        text = html.escape(p.text)
        if p.kind == "same":
            parts.append(text)
        elif p.kind == "delete" and side == "old":
            parts.append(f"<del>{text}</del>")
        elif p.kind == "insert" and side == "new":
            parts.append(f"<ins>{text}</ins>")
    return " ".join(parts)


def compilation_html(entries: Sequence[CompilationEntry], title: str = "") -> str:
    """The compilation of amendments as one HTML page."""
    body: list[str] = []
    for e in entries:
        a = e.amendment
        body.append(f'<section class="amendment" id="amendment-{html.escape(a.number)}">')
        body.append(f"<h2>{html.escape(a.label)}</h2>")
        if a.tabled_by:
            body.append(f'<p class="meta">Tabled by: {html.escape(a.tabled_by)}</p>')
        body.append(f'<p class="meta"><strong>{html.escape(a.where_text)}</strong></p>')
        if e.problem:
            body.append(
                f'<p class="problem">Cannot be applied as tabled: {html.escape(e.problem)}</p>'
            )
        if e.rows:
            body.append('<table class="am"><thead><tr><th>Draft text</th><th>Amendment</th>')
            body.append("</tr></thead><tbody>")
            for r in e.rows:
                body.append(f"<tr><td>{_side(r, 'old')}</td><td>{_side(r, 'new')}</td></tr>")
            body.append("</tbody></table>")
        if a.justification:
            just = html.escape(a.justification).replace("\n", "<br>")
            body.append(f'<p class="justification"><em>Justification:</em> {just}</p>')
        body.append("</section>")
    return _page(f"Compilation of amendments{': ' + title if title else ''}", body)


def voting_list_html(listing: VotingPaper | Sequence[VotingItem], title: str = "") -> str:
    """The voting paper as one HTML page: a ``<table>`` with a ``<thead>`` of the
    columns, a row per vote in voting order and the vote on the text as a whole last."""
    paper = as_paper(listing)
    head = "".join(f'<th scope="col"{_num(c)}>{html.escape(c)}</th>' for c in COLUMNS)
    body = ['<table class="voting">', f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for row in paper.rows:
        cells = row.cells
        if row.item is None:
            # The last vote is on the text, not an amendment: its name spans the columns
            # that describe an amendment.
            described = (
                f"<td{_num(COLUMNS[0])}>{html.escape(cells[0])}</td>"
                f'<td colspan="{RESULT_FROM - 1}">{html.escape(cells[1])}</td>'
            )
            tr = '<tr class="whole">'
        else:
            described = "".join(
                f"<td{_num(c)}>{html.escape(text)}</td>"
                for c, text in zip(COLUMNS[:RESULT_FROM], cells[:RESULT_FROM], strict=True)
            )
            tr = "<tr>"
        results = "".join(
            f'<td class="result{" num" if c in NUMERIC else ""}">{html.escape(text)}</td>'
            for c, text in zip(COLUMNS[RESULT_FROM:], cells[RESULT_FROM:], strict=True)
        )
        body.append(f"{tr}{described}{results}</tr>")
    body += ["</tbody>", "</table>"]
    return _page(f"Voting list{': ' + title if title else ''}", body)


def _num(column: str) -> str:
    return ' class="num"' if column in NUMERIC else ""
