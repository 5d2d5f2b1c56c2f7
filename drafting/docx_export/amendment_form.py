"""Amendments as the house tables them on paper: the amendment form, one amendment a page.

The form is the text form (:func:`~drafting.amendments.writer.write_amendment`) set
as a page, line by line, so that it says what the text says in any wording, and
:mod:`drafting.docx_import.amendments` reads it back to the same amendments (a
paragraph is a line, an empty paragraph a blank line):

- NATO PA, the UN and the others: the heading ("Amendment 4") in bold, who tabled it
  and when, the provision in bold, then the operations worded as the text words them,
  each new provision a paragraph standing in (its sub-paragraphs further in, after a
  dash, their emphasis as Word formatting), and the justification under its heading.
- The European Parliament (``ep``): its AM form.  "Motion for a resolution" over the
  provision, then a two-column table "Motion for a resolution | Amendment" where the
  text form has its table: the draft's words on the left and the amended words on the
  right, the words that change in bold italic (on the left the ones that go, on the
  right the ones that come; "deleted" for a provision that goes); "Or. en" under it,
  then the justification.  A new provision (``Paragraph 12 a (new)``) has an empty
  left column and its words on the right: every word is new, so only the words
  without emphasis of their own are set in bold italic (a bold lead phrase stays
  bold, and reads back as the same markup).  An amendment with neither (a move, an
  operation the text words) is worded as in the other forms.

Each amendment after the first starts a page (``w:pageBreakBefore``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from lxml import etree

from drafting.amendments.model import (
    Amendment,
    InsertProvisions,
    Location,
    NewProvision,
    ReplaceProvision,
)
from drafting.amendments.parser import column_text
from drafting.amendments.words import word_diff
from drafting.amendments.writer import (
    WriteStyle,
    is_new_provision_form,
    provision_line,
    write_amendment,
)
from drafting.docx_export import ooxml
from drafting.model.markup import runs_of

#: A4, with margins of 2.5 cm: the page both houses print their amendments on.
_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = 11906, 16838, 1418
#: How far a new provision stands in, and each level of its sub-paragraphs further.
_INDENT = 567
_HEADING_STYLE = "Amendment Heading"
_BOLD = ((qn("w:b"), None),)
_ITALIC = ((qn("w:i"), None),)
_BOLD_ITALIC = ((qn("w:b"), None), (qn("w:i"), None))
_MARK_PROPS = {
    "b": (qn("w:b"), None),
    "i": (qn("w:i"), None),
    "u": (qn("w:u"), "single"),
    "sup": (qn("w:vertAlign"), "superscript"),
    "sub": (qn("w:vertAlign"), "subscript"),
}
_LINK_COLOUR = "0563C1"
_P, _PPR = qn("w:p"), qn("w:pPr")
#: The heading of the EP's left column, and the line over the provision's name.
EP_TEXT = "Motion for a resolution"
EP_AMENDMENT = "Amendment"
#: The language of the original, under every EP amendment.
EP_LANGUAGE = "Or. en"


class _Form(ooxml.BodyWriter):
    """The amendment form: A4 pages with their numbers, a heading style, and for the
    EP the two-column table laid out once."""

    def __init__(self, *, ep: bool) -> None:
        super().__init__()
        section = self.document.sections[0]
        section.page_width, section.page_height = Twips(_PAGE_WIDTH), Twips(_PAGE_HEIGHT)
        for side in ("left", "right", "top", "bottom"):
            setattr(section, f"{side}_margin", Twips(_MARGIN))
        styles = self.document.styles
        heading = styles.add_style(_HEADING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        heading.base_style = styles["Normal"]
        heading.font.bold = True
        heading.font.size = Pt(14)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_after = Pt(12)
        self.heading = str(heading.style_id)
        ooxml.add_page_numbers(self.document)
        # python-docx lays out a table from the section, so before the body is written.
        self.table = self._columns() if ep else None

    def paragraph(
        self, text: str = "", props: ooxml.RunProps = (), style_id: str | None = None
    ) -> etree._Element:
        para = ooxml.append_paragraph(self.body, style_id)
        if text:
            ooxml.append_text(ooxml.append_run(para, props), text)
        return para

    def _columns(self) -> tuple[etree._Element, etree._Element]:
        """An EP table holding its heading row, and an empty row for it, laid out once by
        python-docx (widths from the page, the grid) and copied for each amendment."""
        table = self.document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        width = Twips((_PAGE_WIDTH - 2 * _MARGIN) // 2)
        for column in table.columns:
            column.width = width
        for cell, name in zip(table.rows[0].cells, (EP_TEXT, EP_AMENDMENT), strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(name)
            run.bold = run.italic = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for cell in table.add_row().cells:
            cell.width = width
        tbl = table._tbl
        head, row = tbl.findall(qn("w:tr"))
        trpr = etree.Element(qn("w:trPr"))
        etree.SubElement(trpr, qn("w:tblHeader"))
        head.insert(0, trpr)
        tbl.remove(row)
        parent = tbl.getparent()
        assert parent is not None
        parent.remove(tbl)
        return tbl, row


def _indent(para: etree._Element, twips: int, *, right: bool = False) -> None:
    """Set ``para``'s left indent (or with ``right`` its alignment flush right)."""
    ppr = para.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        para.insert(0, ppr)
    if right:
        etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "right")
    else:
        etree.SubElement(ppr, qn("w:ind")).set(qn("w:left"), str(twips))


def _page_break_before(para: etree._Element) -> None:
    ppr = para.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        para.insert(0, ppr)
    # CT_PPr: pStyle, keepNext, keepLines, pageBreakBefore ...
    style = ppr.find(qn("w:pStyle"))
    br = etree.Element(qn("w:pageBreakBefore"))
    if style is not None:
        style.addnext(br)
    else:
        ppr.insert(0, br)


def _markup_runs(form: _Form, para: etree._Element, markup: str, *, new: bool = False) -> None:
    """The runs of ``markup`` (drafting's light markup) in ``para``: its emphasis as Word
    formatting, its links as ``w:hyperlink``; with ``new``, the words without emphasis
    of their own in bold italic (new words in an EP column)."""
    link_el: etree._Element | None = None
    link: str | None = None
    for r in runs_of(markup):
        marks = set(r.marks)
        if new and not marks & {"b", "i"}:
            marks |= {"b", "i"}
        text = r.text if r.note is None else f"[^{r.note}]"
        if r.href != link:
            link = r.href
            link_el = None
            if link is not None:
                link_el = etree.SubElement(para, qn("w:hyperlink"))
                if link.startswith("#"):
                    link_el.set(qn("w:anchor"), link[1:])
                else:
                    rid = form.document.part.relate_to(link, RT.HYPERLINK, is_external=True)
                    link_el.set(qn("r:id"), rid)
        host = link_el if link_el is not None else para
        if text:
            ooxml.append_text(ooxml.append_run(host, _run_props(marks, link_el is not None)), text)


def _run_props(marks: set[str], link: bool) -> ooxml.RunProps:
    """``w:rPr`` children for ``marks``, in CT_RPr's order; a link's words blue and
    underlined, as Word shows them."""
    props: list[tuple[str, str | None]] = [_MARK_PROPS[m] for m in ("b", "i") if m in marks]
    if link:
        props.append((qn("w:color"), _LINK_COLOUR))
    if "u" in marks or link:
        props.append(_MARK_PROPS["u"])
    if "sup" in marks or "sub" in marks:
        props.append(_MARK_PROPS["sup" if "sup" in marks else "sub"])
    return props


def _depth(provisions: Sequence[NewProvision]) -> int:
    """How many levels of sub-paragraphs the deepest of ``provisions`` has."""
    return max((1 + _depth(p.points) for p in provisions if p.points), default=0)


def _provision_lines(a: Amendment) -> dict[str, tuple[int, str]]:
    """The lines of the text form that are the words of a new provision, with the depth
    of each (0 for a provision, 1 for its sub-paragraph) and its markup: the text form
    writes them ``markup``, `` - markup``, ``   - markup``."""
    out: dict[str, tuple[int, str]] = {}

    def add(ps: Sequence[NewProvision], depth: int) -> None:
        for p in ps:
            out[provision_line(p.markup, depth)] = (depth, p.markup)
            add(p.points, depth + 1)

    for op in a.operations:
        if isinstance(op, InsertProvisions):
            add(op.provisions, 0)
        elif isinstance(op, ReplaceProvision):
            add([op.new], 0)
    return out


def _provision(form: _Form, markup: str, depth: int) -> None:
    """A new provision's words, standing in; a sub-paragraph further in, after a dash."""
    para = form.paragraph()
    _indent(para, _INDENT * (depth + 1))
    if depth:
        ooxml.append_text(ooxml.append_run(para), "– ")
    _markup_runs(form, para, markup)


def _label(loc: Location) -> str:
    """The number the EP prints before a provision in its columns: ``12.``, ``(b)``,
    ``B.``; '' for others (the title, a citation, a new provision)."""
    if loc.new is not None or not loc.ref:
        return ""
    if loc.kind in ("paragraph", "operative"):
        parts = loc.parts
        return f"{parts[0]}." if len(parts) == 1 else f"({parts[-1]})"
    if loc.kind == "recital":
        return f"{loc.ref}."
    return ""


_STRUCK = re.compile(r"~~.*?~~|<(del|s|strike)>.*?</\1>", re.IGNORECASE | re.DOTALL)


def _cell_paragraph(tc: etree._Element) -> etree._Element:
    para = tc.find(_P)
    assert para is not None  # python-docx gives every cell one paragraph
    return para


def _ep_table(form: _Form) -> tuple[etree._Element, etree._Element, etree._Element]:
    """A copy of the EP table in the body, and the two cells of its one row."""
    assert form.table is not None, "an EP form is made with its table"
    tbl, empty = form.table
    table = copy.deepcopy(tbl)
    form.body.append(table)
    row = copy.deepcopy(empty)
    table.append(row)
    left, right = row.iterchildren(qn("w:tc"))
    return table, left, right


def _ep_columns(form: _Form, a: Amendment, columns: tuple[str, str]) -> None:
    """The two columns of a table-form amendment: the words that change in bold italic."""
    _, left, right = _ep_table(form)
    old = column_text(columns[0])
    new = column_text(_STRUCK.sub(" ", columns[1]))
    label = _label(a.location) if a.location is not None else ""
    lp, rp = _cell_paragraph(left), _cell_paragraph(right)
    if new.lower().rstrip(".") in ("deleted", "delete"):
        if label:
            ooxml.append_text(ooxml.append_run(lp), f"{label} ")
        ooxml.append_text(ooxml.append_run(lp, _BOLD_ITALIC), old)
        ooxml.append_text(ooxml.append_run(rp, _BOLD_ITALIC), "deleted")
        return
    for para, skip in ((lp, "insert"), (rp, "delete")):
        if label:
            ooxml.append_text(ooxml.append_run(para), f"{label} ")
        pieces = [p for p in word_diff(old, new) if p.kind != skip and p.text]
        for k, piece in enumerate(pieces):
            if k:
                ooxml.append_text(ooxml.append_run(para), " ")
            props = () if piece.kind == "same" else _BOLD_ITALIC
            ooxml.append_text(ooxml.append_run(para, props), piece.text)


def _ep_new(form: _Form, provisions: Sequence[NewProvision]) -> None:
    """A new provision's table: the left column empty, the right its words, every word
    new (sub-paragraphs after a dash)."""
    _, _, right = _ep_table(form)
    first = True

    def write(ps: Sequence[NewProvision], depth: int) -> None:
        nonlocal first
        for p in ps:
            para = _cell_paragraph(right) if first else etree.SubElement(right, _P)
            first = False
            if depth:
                ooxml.append_text(ooxml.append_run(para), "– ")
            _markup_runs(form, para, p.markup, new=True)
            write(p.points, depth + 1)

    write(provisions, 0)


#: The fields the text form writes under the heading.
_HEAD_FIELDS = ("Tabled by: ", "Date: ", "Replaces: ")
_STATUS, _JUSTIFICATION = "Status: ", "Justification: "


def _language(form: _Form) -> None:
    """The EP's "Or. en" under the amendment, flush right."""
    _indent(form.paragraph(EP_LANGUAGE, _ITALIC), 0, right=True)


def _after_table(form: _Form, lines: Sequence[str], i: int) -> int:
    """Write "Or. en" under an EP table; the index of the line after the table's own
    blank line in the text form."""
    _language(form)
    return i + 1 if i < len(lines) and not lines[i] else i


def _field(form: _Form, line: str) -> None:
    """``Name: value``, the name in bold."""
    name, _, value = line.partition(": ")
    para = form.paragraph(f"{name}: ", _BOLD)
    ooxml.append_text(ooxml.append_run(para), value)


def _amendment(form: _Form, a: Amendment, style: WriteStyle, first: bool) -> None:
    """One amendment, line by line as :func:`write_amendment` writes it: the heading
    and fields, the place in bold, each new provision a paragraph standing in, every
    other line (an operation, "In the draft resolution:", "So that ... reads:") a
    paragraph of its words; the EP's table where the text form has its table."""
    lines = write_amendment(a, style).rstrip("\n").split("\n")
    heading = form.paragraph(lines[0], style_id=form.heading)
    if not first:
        _page_break_before(heading)
    i = 1
    while i < len(lines) and lines[i].startswith(_HEAD_FIELDS):
        _field(form, lines[i])
        i += 1
    form.paragraph()
    ep = style == "ep"
    if ep:
        form.paragraph(EP_TEXT, _BOLD)
    provisions = _provision_lines(a)
    place = str(a.location) if a.location is not None else None
    op = a.operations[0] if a.operations else None
    # A new provision in the EP's table: its own words (a column holds them in one line).
    news = (
        op.provisions
        if ep
        and is_new_provision_form(a)
        and isinstance(op, InsertProvisions)
        and _depth(op.provisions) <= 1
        else None
    )
    language = ep  # "Or. en" still to write, after the operative part

    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith((_STATUS, _JUSTIFICATION)) and language:
            _language(form)
            language = False
        if line.startswith(_STATUS):
            if line != f"{_STATUS}tabled":
                _field(form, line)
        elif line.startswith(_JUSTIFICATION):
            form.paragraph()
            form.paragraph("Justification", _BOLD)
            form.paragraph(line[len(_JUSTIFICATION) :])
            while i < len(lines) and not lines[i].startswith(_STATUS):
                form.paragraph(lines[i])
                i += 1
        elif ep and line.startswith("|") and a.columns is not None:
            while i < len(lines) and lines[i].startswith("|"):
                i += 1
            if news is not None:
                _ep_new(form, news)
            else:
                _ep_columns(form, a, a.columns)
            i, language = _after_table(form, lines, i), False
        elif line == place:
            form.paragraph(line, _BOLD)
            if news is not None and a.columns is None:
                while i < len(lines) and lines[i] in provisions:
                    i += 1
                _ep_new(form, news)
                i, language = _after_table(form, lines, i), False
        elif line in provisions:
            depth, markup = provisions[line]
            _provision(form, markup, depth)
        elif not line:
            if not (ep and i < len(lines) and lines[i].startswith("|")):
                form.paragraph()
        else:
            _markup_runs(form, form.paragraph(), line)
    if language:
        _language(form)


def amendments_docx(amendments: Sequence[Amendment], style: WriteStyle = "nato-pa") -> bytes:
    """The amendments as ``.docx`` bytes in the amendment form of ``style``: one
    amendment a page (``w:pageBreakBefore`` on each heading after the first).

    Raises:
        ValueError: quoted words contain every kind of quotation mark.
    """
    form = _Form(ep=style == "ep")
    form.start()
    for k, a in enumerate(amendments):
        _amendment(form, a, style, first=not k)
    if not amendments:
        form.paragraph()
    return form.save()
