"""A resolution as the Word file a plenary service would have typed, NATO PA style.

The title in bold capitals, centred; ``RESOLUTION 495*`` with a real footnote
carrying the ``*``; the opening formula; then every paragraph in its named style,
its number typed out (a final text must not renumber itself when someone edits
it) or, for drafts, in Word's automatic numbering.  The FRBR identity travels in
custom document properties so that importing the file again gives the same
document back.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Cm
from docx.text.font import Font
from docx.text.paragraph import Paragraph
from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import local_name
from drafting.docx_export import ooxml
from drafting.docx_export import styles as S
from drafting.errors import DraftingError, InputError
from drafting.model.document import Document
from drafting.model.provision import Provision
from drafting.model.styles import (
    HouseStyle,
    Level,
    from_alpha,
    from_letters,
    from_roman,
    label_value,
)

#: Custom document property names (docProps/custom.xml), shared with the Word importer.
PROPERTY_PREFIX = "AKN."

_EMPHASIS = {"b": "bold", "i": "italic", "u": "underline", "sup": "superscript", "sub": "subscript"}
_MAX_TEMPLATE_BYTES = 64 * 1024 * 1024


class WordNumberingError(DraftingError):
    """Numbers that Word's automatic numbering cannot show as they stand."""


class TemplateError(InputError):
    """A Word template that cannot be opened."""


# -- the template -----------------------------------------------------------------------------


def _as_document(data: bytes) -> bytes:
    """The bytes of a .dotx template re-labelled as a .docx, which python-docx opens.

    Only the main part's content type differs between the two; nothing else changes.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            types = src.read("[Content_Types].xml")
            if b"wordprocessingml.template.main+xml" not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    body = src.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = body.replace(
                            b"wordprocessingml.template.main+xml",
                            b"wordprocessingml.document.main+xml",
                        )
                    dst.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data


def open_template(path: str | Path) -> WordDocument:
    """A secretariat's .docx or .dotx with its body emptied, keeping styles, headers,
    footers and page setup.

    Raises:
        TemplateError: the file is missing, too large, or not a Word document.
    """
    p = Path(path)
    try:
        if p.stat().st_size > _MAX_TEMPLATE_BYTES:
            raise TemplateError("the template is over 64 MB", file=p, hint="check the file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise TemplateError("no such template", file=p, hint="check the name and folder") from None
    except IsADirectoryError:
        raise TemplateError("this is a folder, not a template", file=p) from None
    except PermissionError:
        raise TemplateError("permission denied", file=p) from None
    try:
        word = docx.Document(io.BytesIO(_as_document(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise TemplateError(
            "this is not a Word document or template",
            file=p,
            hint="give a .docx or .dotx file saved by Word or LibreOffice",
        ) from None
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _new_word(style: HouseStyle) -> WordDocument:
    """python-docx's blank document, set up as an A4 resolution in drafting's styles."""
    word = docx.Document()
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    S.define_styles(word, style)
    section = word.sections[-1]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    ooxml.drop_thumbnail(word)
    return word


# -- numbering -------------------------------------------------------------------------------


def _value(label: str, level: Level) -> int | None:
    """The counter value behind ``label`` in ``level``'s format; None when it has none."""
    bare = label_value(label)
    if level.fmt == "decimal":
        return int(bare) if bare.isdigit() else None
    if level.fmt in ("lower-alpha", "upper-alpha"):
        return from_alpha(bare)
    if level.fmt == "upper-letters":
        return from_letters(bare)
    return from_roman(bare)


class _Lists:
    """Word lists standing for the house style's numbering, checked against the text."""

    def __init__(self, word: WordDocument, doc: Document) -> None:
        style = doc.house_style
        self.style = style
        deep = [style.paragraph_level, *style.point_levels]
        recital = style.recital_level
        first_rec = next((p for p in doc.recitals if p.num), None)
        first_par = next((p for p in doc.paragraphs if p.num), None)
        self.shared = style.shared_sequence and recital is not None
        para_start = first_par if not self.shared else (first_rec or first_par)
        start = self._start(para_start, style.paragraph_level)
        self.paragraphs = ooxml.add_list(word, deep, indent_cm=S.STEP_CM, starts={0: start})
        self.recitals = self.paragraphs
        if recital is not None and not self.shared:
            start = self._start(first_rec, recital)
            self.recitals = ooxml.add_list(word, [recital], indent_cm=S.STEP_CM, starts={0: start})
        self._check(doc)

    @staticmethod
    def _start(first: Provision | None, level: Level) -> int:
        if first is None or first.num is None:
            return 1
        return _value(first.num, level) or 1

    def _place(self, p: Provision) -> tuple[int, Level] | None:
        """The list and level numbering ``p``; None when its number stays typed out."""
        style = self.style
        if p.kind == "citation" or p.num is None:
            return None
        if p.kind == "recital":
            if style.recital_level is None:
                return None  # the house style does not number these: keep what is there
            level = style.paragraph_level if self.shared else style.recital_level
            return self.recitals, level
        if p.level == 0:
            return self.paragraphs, style.paragraph_level
        return self.paragraphs, style.point_level(p.level)

    def _check(self, doc: Document) -> None:
        """Refuse numbers Word would display differently: a final text must not change."""
        counters: dict[int, list[int]] = {}
        for p in doc.provisions():
            place = self._place(p)
            if place is None or p.num is None:
                continue
            list_id, level = place
            counts = counters.setdefault(list_id, [])
            while len(counts) <= p.level:
                counts.append(0)
            if counts[p.level] == 0 and p.level == 0:
                counts[0] = (_value(p.num, level) or 1) - 1
            counts[p.level] += 1
            del counts[p.level + 1 :]
            expected = level.label(counts[p.level])
            if p.num != expected:
                raise WordNumberingError(
                    f"{_what(p)} is numbered {p.num!r}, but Word's automatic numbering would"
                    f" show {expected!r}",
                    eid=p.eid,
                    hint="renumber the document first (drafting renumber), or export with"
                    " the numbers typed out (without --word-numbering)",
                )

    def attach(self, paragraph: Paragraph, p: Provision) -> bool:
        """Number ``paragraph`` automatically as ``p``; False when ``p`` keeps a typed number."""
        place = self._place(p)
        if place is None:
            return False
        ooxml.number_paragraph(paragraph._p, place[0], p.level)
        return True


def _what(p: Provision) -> str:
    names = {"recital": "preambular paragraph", "paragraph": "paragraph"}
    return f"{names.get(p.kind, 'sub-paragraph')} {p.ref or p.num}"


# -- text -----------------------------------------------------------------------------------------


def _add_text(run: CT_R, value: str) -> None:
    """Append ``value`` to ``run``: a plain ``<w:t>`` unless it holds tabs or breaks.

    python-docx's ``run.text`` rebuilds the run character by character (a third of
    the export time); only tabs and line breaks need its care.
    """
    if "\t" in value or "\n" in value or "\r" in value:
        run.text = (run.text or "") + value
        return
    last = run[-1] if len(run) else None
    if last is not None and last.tag == qn("w:t"):
        # Continue the run's text in its one <w:t>, as Word writes it.
        last.text = (last.text or "") + value
        if last.text != last.text.strip():
            last.set(qn("xml:space"), "preserve")
        elif qn("xml:space") in last.attrib:
            del last.attrib[qn("xml:space")]
        return
    run.add_t(value)


class _Builder:
    """Writes the paragraphs of one resolution into one Word document."""

    def __init__(
        self, word: WordDocument, names: Mapping[str, str], footnotes: ooxml.Footnotes
    ) -> None:
        self.word = word
        self.names = names
        self.footnotes = footnotes
        self.style_ids: dict[str, str] = {}
        self.section: etree._Element | None = None

    def runs(self, block: etree._Element, into: etree._Element) -> None:
        """Append to ``into`` the runs setting AKN mixed content ``block``."""

        last: list[tuple[CT_R, frozenset[str]]] = []

        def text(value: str | None, marks: frozenset[str]) -> None:
            if not value:
                return
            if last and last[-1][1] == marks and len(into) and into[-1] is last[-1][0]:
                # One run per stretch of equal formatting, as Word would save it.
                _add_text(last[-1][0], value)
                return
            run = ooxml.new_run()
            _add_text(run, value)
            font = Font(run)
            for mark in sorted(marks):
                setattr(font, _EMPHASIS[mark], True)
            into.append(run)
            last.append((run, marks))

        def walk(el: etree._Element, marks: frozenset[str]) -> None:
            text(el.text, marks)
            for child in el:
                name = local_name(child.tag)
                if name == "authorialNote":
                    self.note(child, into)
                elif name in ("num", "noteRef") or not name:
                    pass
                elif name in ("eol", "br"):
                    text("\n", marks)
                else:
                    walk(child, marks | {name} if name in _EMPHASIS else marks)
                text(child.tail, marks)

        walk(block, frozenset())

    def note(self, note: etree._Element, into: etree._Element) -> None:
        """A footnote reference in ``into`` and the footnote it refers to."""
        marker = note.get("marker", "") or str(self.footnotes.auto_count + 1)
        run, holder, auto = self.footnotes.reference(marker)
        into.append(run)
        blocks = [c for c in note if local_name(c.tag) == "p"] or [note]
        for i, block in enumerate(blocks):
            p = ooxml.w("p")
            p.get_or_add_pPr().style = self.footnotes.text_style  # type: ignore[attr-defined]
            if i == 0:
                p.append(self.footnotes.own_mark(marker, auto))
                tab = ooxml.new_run()
                tab.text = "\t"
                p.append(tab)
            self.runs(block, p)
            holder.append(p)

    def paragraph(self, style: str) -> Paragraph:
        # python-docx finds a style by name by scanning every style with enum
        # conversions (2.5 ms a paragraph); look each name's id up once.
        style_id = self.style_ids.get(style)
        if style_id is None:
            style_id = self.word.styles[self.names[style]].style_id
            self.style_ids[style] = style_id
        # Document.add_paragraph looks for <w:sectPr> among all the body's children
        # before each insertion, which is quadratic in the length of the resolution.
        body = self.word.element.body
        if self.section is None:
            self.section = body.find(qn("w:sectPr"))
        p = cast(CT_P, OxmlElement("w:p"))
        if self.section is not None:
            self.section.addprevious(p)
        else:
            body.append(p)
        p.style = style_id
        return Paragraph(p, self.word._body)

    def blocks(self, style: str, blocks: list[AknElement]) -> None:
        for block in blocks:
            self.runs(block, self.paragraph(style)._p)


def _style_of(p: Provision) -> str:
    if p.kind == "citation":
        return S.CITATION
    if p.kind == "recital":
        return S.PREAMBULAR
    if p.kind == "paragraph":
        return S.OPERATIVE
    return S.SUB if p.level == 1 else S.SUB_SUB


def _needed(doc: Document) -> list[str]:
    used = {_style_of(p) for p in doc.provisions()}
    if doc.title:
        used.add(S.TITLE)
    if doc.number_line is not None:
        used.add(S.NUMBER)
    if doc.formula:
        used.add(S.FORMULA)
    return [name for name in S.RESOLUTION_STYLES if name in used]


def _provision(b: _Builder, p: Provision, lists: _Lists | None) -> None:
    style = _style_of(p)
    blocks = p.blocks
    first = b.paragraph(style)
    if p.level > 2:
        first.paragraph_format.left_indent = Cm(S.STEP_CM * (p.level + 1))
    if p.kind == "citation":
        first.add_run("–\t")
    elif p.num and (lists is None or not lists.attach(first, p)):
        first.add_run(f"{p.num}\t")
    if blocks:
        b.runs(blocks[0], first._p)
    _continue(b, p, style, blocks[1:])
    for child in p.children:
        _provision(b, child, lists)
    # The words after the sub-paragraphs (AKN wrapUp) come after them, as in the text.
    _continue(b, p, style, p.wrap_up_blocks)


def _continue(b: _Builder, p: Provision, style: str, blocks: list[AknElement]) -> None:
    """Words that continue the provision, aligned with its text, not its number."""
    for block in blocks:
        more = b.paragraph(style)
        more.paragraph_format.first_line_indent = Cm(0)
        if p.level > 2:
            more.paragraph_format.left_indent = Cm(S.STEP_CM * (p.level + 1))
        b.runs(block, more._p)


def _properties(word: WordDocument, doc: Document) -> None:
    md = doc.metadata
    when = dt.datetime.combine(md.date, dt.time(0, 0), tzinfo=dt.UTC)
    core = word.core_properties
    core.title = doc.title
    core.author = md.body
    core.last_modified_by = md.body
    core.identifier = md.expression_uri
    core.language = md.language_tag
    core.comments = ""
    core.created = core.modified = when
    core.revision = 1
    props = {
        "AKN.work": md.work_uri,
        "AKN.expression": md.expression_uri,
        "AKN.houseStyle": doc.house_style.name,
        "AKN.number": md.number,
        "AKN.body": md.body,
        "AKN.date": md.date.isoformat(),
        "AKN.dateName": md.date_name,
    }
    if md.committee:
        props["AKN.committee"] = md.committee
    if md.rapporteur:
        props["AKN.rapporteur"] = md.rapporteur
    ooxml.set_custom_properties(word, props, PROPERTY_PREFIX)


def build_word(
    doc: Document,
    *,
    template: str | Path | None = None,
    word_numbering: bool = False,
    style_map: Mapping[str, str] | None = None,
) -> WordDocument:
    """The python-docx document for ``doc`` (see :func:`write_docx`)."""
    word = open_template(template) if template is not None else _new_word(doc.house_style)
    text_style, ref_style = S.ensure_footnote_styles(word)
    names = S.resolve_styles(word, _needed(doc), style_map=style_map, template=template)
    b = _Builder(word, names, ooxml.Footnotes(text_style, ref_style))
    lists = _Lists(word, doc) if word_numbering else None

    preface = doc.statement.child("preface")
    long_title = preface.child("longTitle") if preface is not None else None
    if long_title is not None and doc.title:
        b.blocks(S.TITLE, long_title.children_named("p"))
    line = doc.number_line
    if line is not None:
        b.blocks(S.NUMBER, [line])
    preamble = doc.statement.child("preamble")
    formula = preamble.child("formula") if preamble is not None else None
    if formula is not None and doc.formula:
        b.blocks(S.FORMULA, formula.children_named("p"))
    for top in doc.top_level:
        _provision(b, top, lists)
    ooxml.attach_footnotes(word, b.footnotes.notes)
    _properties(word, doc)
    return word


def write_docx(
    doc: Document,
    *,
    template: str | Path | None = None,
    word_numbering: bool = False,
    style_map: Mapping[str, str] | None = None,
) -> bytes:
    """The .docx bytes of ``doc``, laid out as the NATO PA publishes a resolution.

    ``template`` is a secretariat's .docx/.dotx whose styles, headers, footers and
    page setup are used; ``style_map`` maps drafting's style names ("Operative
    Paragraph") onto the template's own.  ``word_numbering`` numbers paragraphs
    with Word's automatic numbering, for drafts still being edited.

    Raises:
        TemplateError: the template cannot be opened.
        TemplateStyleError: the template lacks a paragraph style the resolution needs.
        WordNumberingError: ``word_numbering`` and a number Word would display otherwise.
    """
    word = build_word(doc, template=template, word_numbering=word_numbering, style_map=style_map)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
