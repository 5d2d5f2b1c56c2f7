"""A resolution as one standalone, accessible HTML page.

The page needs nothing else (styles inline, no scripts), reads well on screen and
prints like the Word text: a ``<h1>`` title, the number line, the formula, then
the provisions as ordered lists whose items show the document's own labels
(``13.``, ``a.``, ``(ii)``) rather than numbers the browser computes, so a text
that keeps a gap keeps it here too.  Footnotes link both ways.  Every piece of
text is escaped as :func:`html.escape` would, and a link of the text (AKN ``<a>``)
becomes one on the page only when its address is one a link may have
(:func:`drafting.akn.inline.safe_href`): the AKN may come from anyone.

The page is written in one walk over the AKN tree, each provision's parts read in
one look at its children (:func:`drafting.model.provision.parts`): at 1,000
paragraphs this walk is about as costly as lxml creating a Python object for each
element once.
"""

from __future__ import annotations

from html import escape

from lxml import etree

from drafting.akn.inline import safe_href
from drafting.akn.ns import local_name, q
from drafting.model.document import Document
from drafting.model.provision import Provision, parts
from drafting.model.structure import set_as_heading


def _text(value: str | None) -> str:
    """Text content escaped for HTML (quotes stay readable: they are not in an attribute)."""
    # html.escape(value, quote=False) for every run of text on the page: a test with ``in``
    # costs a tenth of a replace that finds nothing, and most text holds none of the three.
    if not value:
        return ""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


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


#: Styles for what a resolution seldom holds (lines of the head, headings, tables),
#: added to a page only when it holds them.
EXTRA_CSS = """\
.head { text-align: center; margin: 0 0 0.5em; }
li.heading h2 { font-size: 1em; margin: 1.2em 0 0.5em; }
li.clause > h2, li.clause > h3, li.clause > h4, li.crossheading > * { font-size: 1em;
  margin: 1.2em 0 0.5em; }
li.clause > h2 { text-transform: uppercase; }
li.crossheading > * { font-weight: normal; font-style: italic; text-align: center; }
li.clause > .words { text-align: justify; margin: 0 0 0.5em; }
li.clause > ol.provisions { margin: 0; }
li.table { margin: 0.5em 0 1em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
th p, td p { margin: 0; }
"""


class _Notes:
    """Footnotes met in reading order, numbered for their anchors."""

    def __init__(self, tables: bool = True) -> None:
        self.items: list[tuple[int, str, etree._Element]] = []
        #: Whether the document holds a table at all: looking for one in every
        #: provision was a third of the page's time for the many that have none.
        self.tables = tables
        #: Whether a heading or a table was written: the page then carries their styles.
        self.extra = False

    def ref(self, note: etree._Element) -> str:
        n = len(self.items) + 1
        marker = note.get("marker", "") or str(n)
        self.items.append((n, marker, note))
        return (
            f'<sup><a class="note-ref" id="note-ref-{n}" href="#note-{n}"'
            f' role="doc-noteref" aria-describedby="footnotes-label">{_text(marker)}</a></sup>'
        )


_LOCALS: dict[object, str] = {}


def _local(tag: object) -> str:
    """:func:`local_name`, remembered: a page meets a few dozen tags many times each."""
    name = _LOCALS.get(tag)
    if name is None:
        name = local_name(tag)
        if len(_LOCALS) < 4096:  # bounded: a long-lived process renders many documents
            _LOCALS[tag] = name
    return name


def _inline(block: etree._Element, notes: _Notes) -> str:
    """The HTML of AKN mixed content ``block``: emphasis kept, notes linked."""
    if not len(block):
        return _text(block.text)  # most blocks: words only
    out: list[str] = [_text(block.text)]
    for child in block:
        name = _local(child.tag)
        if name == "authorialNote":
            out.append(notes.ref(child))
        elif name in ("num", "noteRef") or not name:
            pass
        elif name in ("eol", "br"):
            out.append("<br>")
        elif name == "a":
            href = safe_href(child.get("href") or "")
            inner = _inline(child, notes)
            out.append(f'<a href="{escape(href)}">{inner}</a>' if href is not None else inner)
        elif name in _TAGS:
            tag = _TAGS[name]
            only = child[0] if len(child) == 1 else None
            if only is not None and not child.text and _local(only.tag) == "inline":
                tag = _PHRASE_TAGS.get(name, tag)  # a lead phrase: emphasis, not importance
                inner = _inline(only, notes) + _text(only.tail)  # _inline(child), one call less
                out.append(f'<{tag} class="lead-phrase">{inner}</{tag}>')
            else:
                out.append(f"<{tag}>{_inline(child, notes)}</{tag}>")
        else:
            out.append(_inline(child, notes))
        out.append(_text(child.tail))
    return "".join(out)


def _table(table: etree._Element, notes: _Notes, indent: str) -> str:
    """An AKN ``<table>`` as an HTML table: its cells' blocks as paragraphs, spans kept."""
    rows = []
    for tr in table:
        if _local(tr.tag) != "tr":
            continue
        cells = []
        for cell in tr:
            name = _local(cell.tag)
            if name not in ("td", "th"):
                continue
            spans = "".join(
                f' {a}="{int(cell.get(a) or 1)}"'
                for a in ("colspan", "rowspan")
                if (cell.get(a) or "1").isdigit() and int(cell.get(a) or 1) > 1
            )
            blocks = [b for b in cell if _local(b.tag) == "p"]
            inner = "".join(f"<p>{_inline(b, notes)}</p>" for b in blocks)
            cells.append(f"<{name}{spans}>{inner}</{name}>")
        rows.append(f"{indent}  <tr>{''.join(cells)}</tr>")
    return "\n".join([f"{indent}<table>", *rows, f"{indent}</table>"])


def _provision(
    el: etree._Element,
    kind: str,
    notes: _Notes,
    indent: str,
    out: list[str],
    *,
    clause_depth: int | None = None,
) -> None:
    """Append the lines of the provision ``el`` (a ``kind``) and its sub-paragraphs to
    ``out``; ``clause_depth``, in a clause text, is how many headings stand above it."""
    label, blocks, points, wrap_up = parts(el)
    if clause_depth is not None and blocks and _local(blocks[0].tag) == "heading":
        blocks = blocks[1:]  # printed above it, as its heading
    if kind == "hcontainer" and el.get("name") == "heading":
        num = f'<span class="num">{_text(label)}</span> ' if label else ""
        text = _inline(blocks[0], notes) if blocks else ""
        out.append(f'{indent}<li class="heading"><h2>{num}{text}</h2></li>')
        notes.extra = True
        return
    table = _table_of(el) if notes.tables else None
    if table is not None:
        num = f'<span class="num">{_text(label)}</span>' if label else ""
        out.append(f'{indent}<li class="{kind} table">{num}')
        out.append(_table(table, notes, indent + "  "))
        out.append(f"{indent}</li>")
        return
    text = _inline(blocks[0], notes) if blocks else ""
    classes = f"provision {kind}"
    eid = el.get("eId")
    if eid and not eid.isidentifier():  # an identifier holds none of &<>"'
        eid = escape(eid)
    ident = f' id="{eid}"' if eid else ""
    if kind == "citation":
        label = '<span class="num" aria-hidden="true">–</span>'
    elif label:
        label = f'<span class="num">{_text(label)}</span>'
    else:
        label = ""
        classes += " unnumbered"
    body = f'<span class="text">{text}</span>' if label else text
    first = f'{indent}<li{ident}><div class="{classes}">{label}{body}</div>'
    if len(blocks) < 2 and not points and not wrap_up:
        out.append(first + "</li>")
        return
    out.append(first)
    out += [f'{indent}  <p class="continued">{_inline(b, notes)}</p>' for b in blocks[1:]]
    if points:
        out.append(f'{indent}  <ol class="provisions">')
        for child in points:
            if clause_depth is not None:
                _clause(child, notes, indent + "    ", out, clause_depth)
            else:
                _provision(child, _local(child.tag), notes, indent + "    ", out)
        out.append(f"{indent}  </ol>")
    # Words after the sub-paragraphs (AKN wrapUp) come after them on the page too.
    out += [f'{indent}  <p class="continued">{_inline(b, notes)}</p>' for b in wrap_up]
    out.append(f"{indent}</li>")


def _clause(el: etree._Element, notes: _Notes, indent: str, out: list[str], depth: int) -> None:
    """Append a clause text's provision ``el``: a Part, Chapter or worded rule as a
    heading (``<h2>`` for the outermost, down to ``<h4>``) with its words and what it
    holds below; a numbered subdivision as a resolution's paragraph is set, its label
    hanging, under its heading when it has one (a UK section)."""
    label, blocks, points, wrap_up = parts(el)
    tag = _local(el.tag)
    name = el.get("name") if tag == "hcontainer" else None
    heading_el = next((c for c in el if _local(c.tag) == "heading"), None)
    if heading_el is not None and blocks and blocks[0] is heading_el:
        blocks = blocks[1:]
    h = f"h{min(depth + 2, 4)}"
    eid = el.get("eId")
    ident = f' id="{escape(eid)}"' if eid else ""
    heading = _inline(heading_el, notes) if heading_el is not None else ""
    if name == "crossheading":
        out.append(f'{indent}<li class="crossheading"><{h}>{heading}</{h}></li>')
        return
    if not set_as_heading(tag, name, label):
        if heading:
            out.append(f'{indent}<li class="crossheading"><{h}>{heading}</{h}></li>')
        _provision(el, tag, notes, indent, out, clause_depth=depth)
        return
    num = f'<span class="num">{_text(label)}</span>' if label else ""
    dash = " – " if num and heading else ""
    out.append(f'{indent}<li{ident} class="clause {tag}"><{h}>{num}{dash}{heading}</{h}>')
    out += [f'{indent}  <p class="words">{_inline(b, notes)}</p>' for b in blocks]
    if points:
        out.append(f'{indent}  <ol class="provisions">')
        for child in points:
            _clause(child, notes, indent + "    ", out, depth + 1)
        out.append(f"{indent}  </ol>")
    out += [f'{indent}  <p class="words">{_inline(b, notes)}</p>' for b in wrap_up]
    out.append(f"{indent}</li>")


def _section(label: str, css: str, provisions: list[Provision], notes: _Notes) -> list[str]:
    if not provisions:
        return []
    lines = [f'<section class="{css}" aria-label="{escape(label)}">', '  <ol class="provisions">']
    for p in provisions:
        _provision(p.element, p.kind, notes, "    ", lines)
    lines += ["  </ol>", "</section>"]
    return lines


def _table_of(el: etree._Element) -> etree._Element | None:
    """The ``<table>`` holding a provision's words; None for words in blocks."""
    host = el
    for c in el:
        if _local(c.tag) == "content":
            host = c
            break
    for c in host:
        if _local(c.tag) == "table":
            return c
    return None


def render_document_html(doc: Document) -> str:
    """The whole page for ``doc``: ``<!DOCTYPE html>`` to ``</html>``, UTF-8, one file."""
    has_tables = next(doc.statement.iter(q("table")), None) is not None
    notes = _Notes(tables=has_tables)
    md = doc.metadata
    title = doc.title
    head_title = " – ".join(
        x for x in (f"Resolution {doc.number}" if doc.number else "", title) if x
    )
    body: list[str] = ["<header>"]
    head_lines = False
    preface = doc.statement.child("preface")
    line = doc.number_line
    # The preface in its own order: title, number line, the other lines of the head.
    for el in preface if preface is not None else ():
        name = _local(el.tag)
        if name == "longTitle":
            if title:
                inner = " ".join(_inline(p, notes) for p in el.children_named("p"))
                body.append(f"  <h1>{inner}</h1>")
        elif el is line:
            body.append(f'  <p class="number-line">{_inline(line, notes)}</p>')
        elif name == "p":
            head_lines = True
            body.append(f'  <p class="head">{_inline(el, notes)}</p>')
        elif name == "table":
            body.append(_table(el, notes, "  "))
    body.append("</header>")
    body.append("<main>")
    preamble = doc.statement.child("preamble")
    formula = preamble.child("formula") if preamble is not None else None
    if formula is not None and doc.formula:
        for p in formula.children_named("p"):
            body.append(f'<p class="formula">{_inline(p, notes)}</p>')
    if doc.structure.hierarchical:
        body += [f'<section class="clauses" aria-label="{escape(doc.structure.name)}">']
        body.append('  <ol class="provisions">')
        for top in doc.top_level:
            _clause(top.element, notes, "    ", body, 0)
        body += ["  </ol>", "</section>"]
        notes.extra = True
    else:
        body += _section("Citations", "citations", doc.citations, notes)
        body += _section("Preamble", "preamble", doc.recitals, notes)
        body += _section("Operative part", "operative", doc.body, notes)
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
        # Only a page that shows a table, a heading or a head line carries their styles.
        *([EXTRA_CSS.rstrip()] if head_lines or has_tables or notes.extra else []),
        "</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
