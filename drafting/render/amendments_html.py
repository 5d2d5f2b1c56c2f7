"""Amendments as parliaments print them, as standalone HTML pages.

The compilation gives each amendment its number, who tabled it and where, then
two columns "Draft text | Amendment": removed words struck through on the left,
new words bold italic on the right, "deleted" for a provision that goes; then
the justification.  The voting list gives the order of the vote and what falls.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from drafting.amendments.report import CompilationEntry, CompilationRow
from drafting.amendments.voting import VotingItem

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
ol.voting li { margin: .3em 0; } .falls { color: #555; }
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


def voting_list_html(items: Sequence[VotingItem], title: str = "") -> str:
    """The voting list as one HTML page: an ordered list, one amendment a line."""
    body = ['<ol class="voting">']
    for it in items:
        a = it.amendment
        who = f" ({html.escape(a.tabled_by)})" if a.tabled_by else ""
        line = f"<strong>{html.escape(it.where)}</strong> — {html.escape(a.label)}{who}"
        if it.falls:
            many = len(it.falls) > 1
            names = ", ".join(html.escape(n) for n in it.falls)
            verb = "fall" if many else "falls"
            plural = "s" if many else ""
            line += f' <span class="falls">— if adopted, amendment{plural} {names} {verb}</span>'
        if it.problem:
            problem = html.escape(it.problem)
            line += f' <span class="problem">— cannot be voted as tabled: {problem}</span>'
        body.append(f"<li>{line}</li>")
    body.append("</ol>")
    return _page(f"Voting list{': ' + title if title else ''}", body)
