"""A clause-structured text in Word, as rules, bylaws and bills are printed.

A Part or Chapter, and a rule, article or section numbered by its word, is a heading
of its own: "CHAPTER I – MEMBERSHIP", "Rule 4 – Election of the President", in the
"Clause Heading" styles, whose Word outline levels put them in the Navigation pane
and tell the importer what they are.  A provision numbered by its label alone (a UK
section "1.", a rule's "2.", a sub-paragraph's "(a)") is a paragraph with its label
hanging left of its words, under its heading when it has one.  So the file reads
back to the same hierarchy (:mod:`drafting.layout.clauses`): the same numbers,
headings and words.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.docx_export import ooxml
from drafting.docx_export import styles as S
from drafting.docx_export.writer import WordBuilder, continued_indent, deep_indent, new_run
from drafting.model.document import Document
from drafting.model.provision import parts
from drafting.model.structure import CROSSHEADING, HEADED_CONTAINERS, set_as_heading

_HEADING, _HCONTAINER = q("heading"), q("hcontainer")
_MOD, _QUOTED, _INLINE = q("mod"), q("quotedStructure"), q("inline")
_W_P, _W_PPR = qn("w:p"), qn("w:pPr")
#: Between a heading's number and its words, as Resolution 495's house prints them.
DASH = " – "
_PLAIN: frozenset[str] = frozenset()
_BOLD: frozenset[str] = frozenset({"b"})


def _heading_of(el: AknElement) -> AknElement | None:
    found = el.find(_HEADING)
    return found if isinstance(found, AknElement) else None


def _headed(el: AknElement, num: str | None) -> bool:
    return set_as_heading(el.local, el.get("name"), num)


def needed_styles(doc: Document) -> set[str]:
    """The paragraph styles the clause text ``doc`` is written in: its headings and
    levels all (a quoted structure may reach any depth), and the styles of the
    unnumbered words, tables and cross-headings it has."""
    used = {*S.CLAUSE_HEADINGS, S.CLAUSE_TEXT, *S.CLAUSE_LEVELS, S.CONTINUED}
    body = doc.clauses
    if body is None:
        return used
    for el in body.iter(_HCONTAINER):
        name = el.get("name")
        if name == CROSSHEADING:
            used.add(S.CROSSHEADING)
        elif name == "table":
            used.add(S.TABLE_TEXT)
        elif name not in HEADED_CONTAINERS:
            used.add(S.UNNUMBERED)
    return used


def write_clauses(b: WordBuilder, doc: Document) -> None:
    """Write the provisions of the clause text ``doc`` through the builder ``b``."""

    def heading_line(
        heads: int, num: str | None, heading: AknElement | None, style: str = ""
    ) -> None:
        p = b.paragraph(style or S.CLAUSE_HEADINGS[min(heads, 2)])
        if num:
            run = new_run(p, _BOLD if heading is not None and _all_bold(heading) else _PLAIN)
            ooxml.append_text(run, num + (DASH if heading is not None else ""))
        if heading is not None:
            b.runs(heading, p)

    def words(block: etree._Element, into: etree._Element, heads: int, depth: int) -> None:
        """A block's words into the paragraph ``into``; provisions it quotes (a bill's
        "insert—" and the subsection it inserts) follow as paragraphs of their own,
        inside their quotation marks, as the bill prints them."""
        mods = [m for m in block.iter(_MOD) if m.find(_QUOTED) is not None]
        if not mods:
            b.runs(block, into)
            return
        bare = copy.deepcopy(block)
        for m in list(bare.iter(_MOD)):
            parent = m.getparent()
            if m.find(_QUOTED) is not None and parent is not None:
                parent.remove(m)  # with its tail: the tail follows the closing mark
        b.runs(bare, into)
        last = into
        for m in mods:
            for quoted in m.iterchildren(_QUOTED):
                start = len(b.body)
                for inner in quoted:
                    if isinstance(inner, AknElement):
                        write(inner, heads, depth + 1)
                made = [el for el in b.body[start:] if el.tag == _W_P]
                if made:
                    # The words right after the closing mark ("”." or "”;") are the
                    # mod's appendText.
                    after = "".join(
                        "".join(i.itertext())
                        for i in m.iterchildren(_INLINE)
                        if i.get("name") == "appendText"
                    )
                    _open_quote(made[0], quoted.get("startQuote", "“"))
                    ooxml.append_text(_new_run(made[-1]), quoted.get("endQuote", "”") + after)
                    last = made[-1]
            tail = (m.tail or "").strip()
            if tail:
                ooxml.append_text(_new_run(last), tail)

    def write(el: AknElement, heads: int, depth: int, lead: str = "", at: int = -1) -> None:
        """Write ``el`` at ``depth``; with ``lead``, its first line is its parent's
        ("1.—" before the "(1)" of a UK section), set at the parent's depth ``at``."""
        num, blocks, points, wrap = parts(el)
        heading = _heading_of(el)
        if heading is not None and blocks and blocks[0] is heading:
            blocks = blocks[1:]
        children = [c for c in points if isinstance(c, AknElement)]
        name = el.get("name") if el.tag == _HCONTAINER else None
        if name == CROSSHEADING:
            heading_line(heads, None, heading, S.CROSSHEADING)
            return
        if name == "table":
            table = el.find(f"{q('content')}/{q('table')}")
            if table is not None:
                b.table(table)
            return
        if el.tag == _HCONTAINER and name not in HEADED_CONTAINERS:
            for block in blocks:
                b.runs(block, b.paragraph(S.UNNUMBERED))
            return
        if _headed(el, num):
            if heading is None and blocks:
                # "Section 4. The Court shall decide:": no heading, its words on its line.
                first = b.paragraph(S.CLAUSE_TEXT)
                ooxml.append_text(_new_run(first), f"{num} ")
                words(blocks[0], first, heads, 0)
                blocks = blocks[1:]
            else:
                heading_line(heads, num, heading)
            for block in blocks:
                words(block, b.paragraph(S.CLAUSE_TEXT), heads, 0)
            for child in children:
                write(child, heads + 1, 0)
            for block in wrap:
                b.runs(block, b.paragraph(S.CLAUSE_TEXT))
            return
        if heading is not None:  # a UK section's heading stands above it
            heading_line(heads, None, heading)
        if _opens_with_first_subdivision(num, blocks, children):
            # The UK's "1.—(1) The Authority must ...": a section whose words begin
            # with its first subsection prints both labels on one line, the rest of
            # the subsection (its paragraphs, its closing words) as the subsection's.
            write(children[0], heads, depth + 1, lead=f"{num}—", at=depth)
            for child in children[1:]:
                write(child, heads, depth + 1)
            left = continued_indent(depth)
            for block in wrap:
                b.runs(block, b.paragraph(S.CONTINUED, first_line="0", left=left))
            return
        line = depth if at < 0 else at
        first = b.paragraph(S.CLAUSE_LEVELS[min(line, 2)], left=deep_indent(line))
        if num:
            ooxml.append_text(_new_run(first), f"{lead}{num} " if lead else f"{num}\t")
        if blocks:
            words(blocks[0], first, heads, depth)
        blocks = blocks[1:]
        left = continued_indent(depth)
        for block in blocks:
            words(block, b.paragraph(S.CONTINUED, first_line="0", left=left), heads, depth)
        for child in children:
            write(child, heads, depth + 1)
        for block in wrap:
            b.runs(block, b.paragraph(S.CONTINUED, first_line="0", left=left))

    for top in doc.top_level:
        write(top.element, 0, 0)


def _all_bold(heading: AknElement) -> bool:
    """True when the whole heading is bold: its number is then printed bold too."""
    kids = list(heading)
    return (
        not (heading.text or "").strip()
        and len(kids) == 1
        and kids[0].tag == q("b")
        and not (kids[0].tail or "").strip()
    )


def _open_quote(p: etree._Element, mark: str) -> None:
    """Put the opening quotation mark first in paragraph ``p``, before its label."""
    run = _new_run(p)
    ooxml.append_text(run, mark)
    p.remove(run)
    ppr = p.find(_W_PPR)
    if ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)


def _opens_with_first_subdivision(
    num: str | None, blocks: list[etree._Element], children: list[AknElement]
) -> bool:
    """True for a UK section ("1.") with no words of its own whose first subsection
    is bracketed ("(1)"): printed as "1.—(1)"."""
    if not num or blocks or not children or not num.endswith("."):
        return False
    return (parts(children[0]).num or "").startswith("(")


def _new_run(p: etree._Element) -> etree._Element:
    return new_run(p, _PLAIN)
