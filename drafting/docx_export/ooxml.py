"""The WordprocessingML python-docx has no API for: footnotes, custom properties, lists.

Each function here builds or edits one package part so that Word and LibreOffice
read the result as if Word had written it: footnotes in ``word/footnotes.xml``
with the two separator footnotes Word expects, custom marks through
``w:customMarkFollows``, the FRBR identity in ``docProps/custom.xml``, and list
definitions (``w:abstractNum``/``w:num``) in ``word/numbering.xml``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.text.run import CT_R
from lxml import etree

from drafting.akn.parser import parse_foreign
from drafting.model.styles import Level

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id Office gives every user-defined custom property.
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: Footnote types that are part of the page furniture, not notes of the text.
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


_P, _PPR, _PSTYLE = qn("w:p"), qn("w:pPr"), qn("w:pStyle")
_R, _RPR, _T, _TAB, _BR = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:br")
_VAL, _SPACE = qn("w:val"), qn("xml:space")
_BREAKS = re.compile(r"([\t\r\n])")
#: Run properties: (``qn`` tag, ``w:val`` or None), in CT_RPr's schema order.
RunProps = Sequence[tuple[str, str | None]]


def w(tag: str, attrs: Mapping[str, str] | None = None) -> etree._Element:
    """A new ``w:`` element with ``w:``-qualified attributes, e.g. ``w("tab", {"val": "num"})``."""
    return OxmlElement(f"w:{tag}", {qn(f"w:{k}"): v for k, v in (attrs or {}).items()})


def new_run() -> CT_R:
    """An empty ``<w:r>``."""
    return cast(CT_R, OxmlElement("w:r"))


# -- body content, built in place ---------------------------------------------------------------
#
# Paragraphs and runs are made with lxml's SubElement in the tree they belong to:
# python-docx's element factory, property setters and proxies (``add_paragraph``,
# ``add_run``, ``Font.bold``) cost more per paragraph than everything else in an
# export, and ``add_paragraph`` looks for ``w:sectPr`` among all the body's children.


def append_paragraph(parent: etree._Element, style_id: str | None = None) -> etree._Element:
    """A new ``<w:p>`` at the end of ``parent``, in paragraph style ``style_id`` if given."""
    p = etree.SubElement(parent, _P)
    if style_id is not None:
        etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
    return p


def append_run(parent: etree._Element, props: RunProps = ()) -> etree._Element:
    """A new ``<w:r>`` at the end of ``parent``, with a ``<w:rPr>`` only when ``props``."""
    run = etree.SubElement(parent, _R)
    if props:
        rpr = etree.SubElement(run, _RPR)
        for tag, val in props:
            prop = etree.SubElement(rpr, tag)
            if val is not None:
                prop.set(_VAL, val)
    return run


def append_text(run: etree._Element, value: str) -> None:
    """Append ``value`` to ``run`` as python-docx's ``Run.text`` writes it: ``<w:t>``
    stretches (spaces at either end preserved) between ``<w:tab/>`` and ``<w:br/>``."""
    if "\t" not in value and "\n" not in value and "\r" not in value:
        _append_t(run, value)
        return
    for piece in _BREAKS.split(value):
        if piece == "\t":
            etree.SubElement(run, _TAB)
        elif piece in ("\n", "\r"):
            etree.SubElement(run, _BR)
        elif piece:
            _append_t(run, piece)


def _append_t(run: etree._Element, value: str) -> None:
    t = etree.SubElement(run, _T)
    t.text = value
    if len(value.strip()) < len(value):
        t.set(_SPACE, "preserve")


def add(parent: etree._Element, child: etree._Element) -> None:
    """Append ``child`` to ``parent``, whatever python-docx class either has."""
    parent.append(child)


def styled_run(style_id: str) -> CT_R:
    """An empty ``<w:r>`` in character style ``style_id``."""
    run = new_run()
    run.get_or_add_rPr().style = style_id
    return run


def mark_run(style_id: str, marker: str) -> CT_R:
    """An empty run for a footnote mark: a symbol such as ``*`` already sits high, so it
    stays on the line at full size instead of shrinking into a superscript speck."""
    run = styled_run(style_id)
    if marker and not marker[0].isalnum():
        run.get_or_add_rPr().get_or_add_vertAlign().val = "baseline"
    return run


# -- the document -------------------------------------------------------------------------------


class BodyWriter:
    """A python-docx document whose body is written with lxml: the section
    properties, which must stay last, are put back by :meth:`save`."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.body = self.document.element.body
        self.section = self.body.find(qn("w:sectPr"))

    def style_id(self, name: str) -> str:
        return str(self.document.styles[name].style_id)

    def start(self) -> None:
        """Begin writing the body (python-docx needs the section to lay out tables)."""
        if self.section is not None:
            self.body.remove(self.section)

    def save(self) -> bytes:
        """The document as .docx bytes, the section properties last again."""
        if self.section is not None:
            self.body.append(self.section)
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


# -- footnotes ----------------------------------------------------------------------------------


@dataclass
class Footnotes:
    """The footnotes of a document being written, numbered as Word numbers them.

    A marker such as ``*`` becomes a custom mark; a numeric marker equal to the
    next automatic footnote number becomes an ordinary numbered footnote, so Word
    keeps numbering notes added later.
    """

    text_style: str
    ref_style: str
    notes: list[etree._Element] = field(default_factory=list)
    auto_count: int = 0

    def reference(self, marker: str) -> tuple[CT_R, etree._Element, bool]:
        """A ``<w:r>`` holding a new footnote reference, the empty ``<w:footnote>`` it
        refers to (fill it with paragraphs), and whether the mark is automatic."""
        note_id = len(self.notes) + 1
        auto = marker.isdigit() and int(marker) == self.auto_count + 1
        run = mark_run(self.ref_style, marker)
        ref = w("footnoteReference", {"id": str(note_id)})
        if not auto:
            ref.set(qn("w:customMarkFollows"), "1")
        add(run, ref)
        if auto:
            self.auto_count += 1
        else:
            add(run, _text(marker))
        note = w("footnote", {"id": str(note_id)})
        self.notes.append(note)
        return run, note, auto

    def own_mark(self, marker: str, auto: bool) -> CT_R:
        """The run that repeats a note's mark at the start of its text."""
        run = mark_run(self.ref_style, marker)
        add(run, w("footnoteRef") if auto else _text(marker))
        return run


def _text(value: str) -> etree._Element:
    t = w("t")
    t.text = value
    if value != value.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _separator_note(kind: str, note_id: int) -> etree._Element:
    note = w("footnote", {"type": kind, "id": str(note_id)})
    p = w("p")
    ppr = w("pPr")
    ppr.append(w("spacing", {"after": "0", "line": "240", "lineRule": "auto"}))
    p.append(ppr)
    r = w("r")
    r.append(w(kind))
    p.append(r)
    note.append(p)
    return note


def attach_footnotes(word: WordDocument, notes: list[etree._Element]) -> None:
    """Give ``word`` a footnotes part holding ``notes`` (replacing a template's own notes).

    A template's separator footnotes are kept, since they carry its house look;
    any other footnote it has belonged to the template's sample text, now gone.
    """
    doc_part = word.part
    root: etree._Element | None = None
    for rid, rel in list(doc_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            old = rel.target_part
            root = parse_foreign(old.blob, "word/footnotes.xml").getroot()
            for child in list(root):
                if child.get(qn("w:type")) not in _SEPARATORS:
                    root.remove(child)
            doc_part.rels.pop(rid)
    if root is None or not len(root):
        root = OxmlElement("w:footnotes")
        root.append(_separator_note("separator", -1))
        root.append(_separator_note("continuationSeparator", 0))
    for note in notes:
        root.append(note)
    part = XmlPart(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        root,  # type: ignore[arg-type]
        doc_part.package,
    )
    doc_part.relate_to(part, RT.FOOTNOTES)


# -- custom document properties ---------------------------------------------------------------


def set_custom_properties(word: WordDocument, props: Mapping[str, str], prefix: str) -> None:
    """Write ``props`` as text custom properties, replacing those whose name starts with
    ``prefix`` and keeping a template's others."""
    package = word.part.package
    assert package is not None
    kept: list[tuple[str, etree._Element]] = []
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            old = parse_foreign(rel.target_part.blob, "docProps/custom.xml").getroot()
            for prop in old:
                name = prop.get("name") or ""
                if len(prop) and not name.startswith(prefix):
                    kept.append((name, prop[0]))
            package.rels.pop(rid)
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    values: list[tuple[str, etree._Element]] = list(kept)
    for name, text in props.items():
        v = etree.Element(f"{{{VT_NS}}}lpwstr")
        v.text = text
        values.append((name, v))
    for pid, (name, value) in enumerate(values, start=2):
        prop = etree.SubElement(
            root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(pid), name=name
        )
        prop.append(value)
    part = XmlPart(
        PackURI("/docProps/custom.xml"),
        CT.OFC_CUSTOM_PROPERTIES,
        root,  # type: ignore[arg-type]
        package,
    )
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def drop_thumbnail(word: WordDocument) -> None:
    """Remove python-docx's sample thumbnail, which would show a stranger's page."""
    package = word.part.package
    assert package is not None
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


# -- numbering ------------------------------------------------------------------------------------

_WORD_FORMAT = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "upper-alpha": "upperLetter",
    # Word has no AA, AB, AC format; past Z the numbering check refuses --word-numbering.
    "upper-letters": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}
_TWIPS_PER_CM = 567


def add_list(
    word: WordDocument, levels: list[Level], *, indent_cm: float, starts: Mapping[int, int]
) -> int:
    """Define a list whose level ``i`` is labelled as ``levels[i]``; return its ``numId``.

    Level ``i`` hangs its label at ``i * indent_cm`` and its text one step further,
    as the resolution styles do, so automatic and literal numbers look the same.
    """
    numbering = word.part.numbering_part.element
    existing = [
        int(a.get(qn("w:abstractNumId")) or 0) for a in numbering.findall(qn("w:abstractNum"))
    ]
    abstract_id = max(existing, default=-1) + 1
    abstract = w("abstractNum", {"abstractNumId": str(abstract_id)})
    abstract.append(w("multiLevelType", {"val": "multilevel"}))
    for ilvl, level in enumerate(levels):
        lvl = w("lvl", {"ilvl": str(ilvl)})
        lvl.append(w("start", {"val": str(starts.get(ilvl, 1))}))
        lvl.append(w("numFmt", {"val": _WORD_FORMAT[level.fmt]}))
        lvl.append(w("lvlText", {"val": level.pattern.format(f"%{ilvl + 1}")}))
        lvl.append(w("lvlJc", {"val": "left"}))
        ppr = w("pPr")
        text_at = round((ilvl + 1) * indent_cm * _TWIPS_PER_CM)
        tabs = w("tabs")
        tabs.append(w("tab", {"val": "num", "pos": str(text_at)}))
        ppr.append(tabs)
        ppr.append(w("ind", {"left": str(text_at), "hanging": str(round(indent_cm * 567))}))
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = numbering.add_num(abstract_id)
    return int(num.numId)


def _field_runs(paragraph: etree._Element, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``) as Word writes one: begin, code, separate, result, end.

    The result text is what a reader without field updating (a preview, a converter)
    shows; Word and LibreOffice recompute it on every page.
    """
    for part, value in (("begin", ""), ("code", instruction), ("separate", ""), ("result", shown)):
        run = append_run(paragraph)
        if part == "code":
            code = etree.SubElement(run, qn("w:instrText"))
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            code.text = f" {instruction} "
        elif part == "result":
            append_text(run, value)
        else:
            etree.SubElement(run, qn("w:fldChar")).set(qn("w:fldCharType"), part)
    etree.SubElement(append_run(paragraph), qn("w:fldChar")).set(qn("w:fldCharType"), "end")


def _has_content(part_element: etree._Element) -> bool:
    texts = "".join(t.text or "" for t in part_element.iter(qn("w:t")))
    return bool(texts.strip()) or any(
        True for _ in part_element.iter(qn("w:fldSimple"), qn("w:instrText"))
    )


def add_page_numbers(word: WordDocument, reference: str = "", reference_in: str = "") -> None:
    """Page numbers, centred in the footer of every section, and the document's
    reference (``Resolution 495``) in the header or footer where the house style
    prints it.

    A template's own header or footer is the secretariat's and is left as it is; only
    an empty one gets the page number (a printed paper without page numbers cannot be
    discussed paragraph by page).
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for k, section in enumerate(word.sections):
        footer = section.footer
        if k and footer.is_linked_to_previous:
            continue  # a later section shows the first one's footer
        if not _has_content(footer._element):
            para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p = para._p
            if reference and reference_in == "footer":
                append_text(append_run(p), f"{reference} – ")
            _field_runs(p, "PAGE", "1")
        if reference and reference_in == "header":
            header = section.header
            if not _has_content(header._element):
                para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                append_text(append_run(para._p), reference)
