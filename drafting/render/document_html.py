"""A resolution as one standalone, accessible HTML page.

The page needs nothing else (styles inline, no scripts), reads well on screen and
prints like the Word text: a ``<h1>`` title, the number line, the formula, then
the provisions as ordered lists whose items show the document's own labels
(``13.``, ``a.``, ``(ii)``) rather than numbers the browser computes, so a text
that keeps a gap keeps it here too.  Footnotes link both ways.  Every piece of
text goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from lxml import etree

from drafting.akn.ns import local_name
from drafting.model.document import Document
from drafting.model.provision import Provision


def _text(value: str | None) -> str:
    """Text content escaped for HTML (quotes stay readable: they are not in an attribute)."""
    return escape(value or "", quote=False)


_TAGS = {"b": "strong", "i": "em", "u": "u", "sup": "sup", "sub": "sub"}
_PHRASE_TAGS = {"b": "b", "i": "i"}

CSS = """\
:root { color-scheme: light; }
body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.4; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.1em; font-weight: bold; text-transform: uppercase; text-align: center;
  margin: 1.5em 0 1.2em; }
.number-line { font-weight: bold; text-transform: uppercase; text-align: center;
  margin: 0 0 1.5em; }
.formula { margin: 0 0 1em; }
ol.provisions { list-style: none; margin: 0; padding: 0; }
ol.provisions li { margin: 0 0 0.5em; }
.provision { display: grid; grid-template-columns: 2.5em 1fr; text-align: justify; }
.provision > .num { grid-column: 1; }
.provision > .text { grid-column: 2; }
.provision.unnumbered { display: block; text-indent: 2.5em; }
.provision.citation > .num { text-align: left; }
ol.provisions ol.provisions { margin: 0.5em 0 0 2.5em; }
.continued { margin: 0.5em 0 0 2.5em; }
a.note-ref { text-decoration: none; }
section.footnotes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }
section.footnotes ol { list-style: none; padding: 0; }
section.footnotes li { display: grid; grid-template-columns: 1.5em 1fr; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { size: A4; margin: 2.5cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  a.back { display: none; }
  h1, .number-line, .formula { break-after: avoid; }
  li { break-inside: avoid; }
}
"""


class _Notes:
    """Footnotes met in reading order, numbered for their anchors."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, etree._Element]] = []

    def ref(self, note: etree._Element) -> str:
        n = len(self.items) + 1
        marker = note.get("marker", "") or str(n)
        self.items.append((n, marker, note))
        return (
            f'<sup><a class="note-ref" id="note-ref-{n}" href="#note-{n}"'
            f' role="doc-noteref" aria-describedby="footnotes-label">{_text(marker)}</a></sup>'
        )


def _inline(block: etree._Element, notes: _Notes) -> str:
    """The HTML of AKN mixed content ``block``: emphasis kept, notes linked."""
    out: list[str] = [_text(block.text)]
    for child in block:
        name = local_name(child.tag)
        if name == "authorialNote":
            out.append(notes.ref(child))
        elif name in ("num", "noteRef") or not name:
            pass
        elif name in ("eol", "br"):
            out.append("<br>")
        elif name in _TAGS:
            tag = _TAGS[name]
            inner = _inline(child, notes)
            if len(child) == 1 and local_name(child[0].tag) == "inline" and not child.text:
                tag = _PHRASE_TAGS.get(name, tag)  # a lead phrase: emphasis, not importance
                out.append(f'<{tag} class="lead-phrase">{inner}</{tag}>')
            else:
                out.append(f"<{tag}>{inner}</{tag}>")
        else:
            out.append(_inline(child, notes))
        out.append(_text(child.tail))
    return "".join(out)


def _provision(p: Provision, notes: _Notes, indent: str) -> list[str]:
    blocks = p.blocks
    text = _inline(blocks[0], notes) if blocks else ""
    classes = ["provision", p.kind]
    ident = f' id="{escape(p.eid)}"' if p.eid else ""
    if p.kind == "citation":
        label = '<span class="num" aria-hidden="true">–</span>'
    elif p.num:
        label = f'<span class="num">{_text(p.num)}</span>'
    else:
        label = ""
        classes.append("unnumbered")
    body = f'<span class="text">{text}</span>' if label else text
    lines = [f'{indent}<li{ident}><div class="{" ".join(classes)}">{label}{body}</div>']
    lines += [f'{indent}  <p class="continued">{_inline(b, notes)}</p>' for b in blocks[1:]]
    if p.children:
        lines.append(f'{indent}  <ol class="provisions">')
        for child in p.children:
            lines += _provision(child, notes, indent + "    ")
        lines.append(f"{indent}  </ol>")
    # Words after the sub-paragraphs (AKN wrapUp) come after them on the page too.
    lines += [f'{indent}  <p class="continued">{_inline(b, notes)}</p>' for b in p.wrap_up_blocks]
    if len(lines) == 1:
        lines[0] += "</li>"
    else:
        lines.append(f"{indent}</li>")
    return lines


def _section(label: str, css: str, provisions: list[Provision], notes: _Notes) -> list[str]:
    if not provisions:
        return []
    lines = [f'<section class="{css}" aria-label="{escape(label)}">', '  <ol class="provisions">']
    for p in provisions:
        lines += _provision(p, notes, "    ")
    lines += ["  </ol>", "</section>"]
    return lines


def render_document_html(doc: Document) -> str:
    """The whole page for ``doc``: ``<!DOCTYPE html>`` to ``</html>``, UTF-8, one file."""
    notes = _Notes()
    md = doc.metadata
    title = doc.title
    head_title = " – ".join(
        x for x in (f"Resolution {doc.number}" if doc.number else "", title) if x
    )
    body: list[str] = ["<header>"]
    preface = doc.statement.child("preface")
    long_title = preface.child("longTitle") if preface is not None else None
    if long_title is not None and title:
        inner = " ".join(_inline(p, notes) for p in long_title.children_named("p"))
        body.append(f"  <h1>{inner}</h1>")
    line = doc.number_line
    if line is not None:
        body.append(f'  <p class="number-line">{_inline(line, notes)}</p>')
    body.append("</header>")
    body.append("<main>")
    preamble = doc.statement.child("preamble")
    formula = preamble.child("formula") if preamble is not None else None
    if formula is not None and doc.formula:
        for p in formula.children_named("p"):
            body.append(f'<p class="formula">{_inline(p, notes)}</p>')
    body += _section("Citations", "citations", doc.citations, notes)
    body += _section("Preamble", "preamble", doc.recitals, notes)
    body += _section("Operative part", "operative", doc.paragraphs, notes)
    body.append("</main>")
    if notes.items:
        body += [
            '<section class="footnotes" role="doc-endnotes">',
            '  <h2 id="footnotes-label" class="visually-hidden">Notes</h2>',
            "  <ol>",
        ]
        i = 0
        while i < len(notes.items):  # a note may itself hold a note
            n, marker, note = notes.items[i]
            paras = [c for c in note if local_name(c.tag) == "p"] or [note]
            text = " ".join(_inline(p, notes) for p in paras)
            body.append(
                f'    <li id="note-{n}"><span class="mark">{_text(marker)}</span>'
                f"<span>{text} "
                f'<a class="back" href="#note-ref-{n}" role="doc-backlink"'
                f' aria-label="Back to the text">↩</a></span></li>'
            )
            i += 1
        body += ["  </ol>", "</section>"]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(md.language_tag)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(head_title or 'Resolution')}</title>",
        f'<meta name="dcterms.identifier" content="{escape(md.expression_uri)}">',
        f'<meta name="dcterms.date" content="{md.date.isoformat()}">',
        f'<meta name="dcterms.creator" content="{escape(md.body)}">',
        "<style>",
        CSS.rstrip(),
        "</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
