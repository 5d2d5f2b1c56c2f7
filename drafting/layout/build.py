"""A :class:`~drafting.layout.structure.Layout` written as an AKN :class:`Document`.

Every paragraph of the layout lands in the document, in its order, with the number
it shows: the builder never refuses and never renumbers.  What a house style would
object to (a number out of sequence, a lead phrase missing, text that fits no
provision) is counted and said in one warning line per kind, with the details for
the report; ``drafting validate`` is where those rules bite.

The builder also counts the characters it writes, so that an importer can show
that every character of its source landed somewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.akn.parser import sub
from drafting.layout.inline import add_lexicon_phrase, count, fill, normalise, plain_text
from drafting.layout.source import NoteRef, Piece, SourceParagraph, SourceTable, Span
from drafting.layout.structure import Item, Layout
from drafting.model.document import Document, make_note
from drafting.model.inference import detect_style, infer_metadata
from drafting.model.provision import TABLE, Provision
from drafting.model.styles import STYLES, HouseStyle, get_style

#: The words of a note and the mark text dropped from them (the mark typed again).
NoteText = Callable[[NoteRef], tuple[list[Piece], str]]

_P, _NUM, _B, _I, _INLINE = q("p"), q("num"), q("b"), q("i"), q("inline")
_HCONTAINER, _CONTENT, _HEADING = q("hcontainer"), q("content"), q("heading")
_WRAP_UP = q("wrapUp")
_PHRASE_NAMES = ("preambularPhrase", "operativePhrase")
_LABEL_ONLY = re.compile(r"^\(?[0-9]{1,4}[.)]?$|^\(?[a-zA-Z]{1,3}[.)]$")


@dataclass
class Built:
    """The document built, and what the secretary should know about it."""

    document: Document
    style: HouseStyle
    #: ``given``, ``document property`` or ``detected``.
    how: str
    #: Why the house style was chosen, in words ("unnumbered preambular paragraphs ...").
    reason: str
    warnings: list[str] = field(default_factory=list)
    #: Details behind the warnings, one line each, for the import report.
    details: list[str] = field(default_factory=list)
    #: Characters of the source written into the document.
    imported: int = 0
    #: Provisions made from the source's paragraphs.
    provisions: int = 0


@dataclass
class Options:
    """What the user or the file's properties say, overriding what the words suggest."""

    style: str | None = None
    number: str | None = None
    body: str | None = None
    date: dt.date | None = None
    #: Document properties drafting's own export writes (``AKN.houseStyle`` ...).
    props: Mapping[str, str] = field(default_factory=dict)
    #: A date from outside the text (a file's creation date) and the words naming it.
    fallback_date: tuple[dt.date, str] | None = None


def build(layout: Layout, options: Options, notes: NoteText) -> Built:
    """Write ``layout`` as a document; see the module docstring."""
    return Builder(layout, options, notes).build()


class Builder:
    def __init__(self, layout: Layout, options: Options, notes: NoteText) -> None:
        self.layout = layout
        self.options = options
        self.note_text = notes
        self.warnings: list[str] = list(layout.warnings)
        self.details: list[str] = list(layout.details)
        self.imported = 0
        self.provisions = 0
        self.used_typed: set[str] = set()
        self.phrase_tag = "b"
        self.lead_phrases = True
        self.set_phrases: list[str] = []
        #: Preambular and operative paragraphs that open with no lead phrase.
        self.no_phrase: list[Provision] = []
        #: Unnumbered paragraphs of text kept in the operative part, and the tables.
        self.loose = 0
        self.tables: list[Item] = []

    # -- decisions --------------------------------------------------------------
    def _house(self) -> tuple[HouseStyle, str, str]:
        if self.options.style:
            return get_style(self.options.style), "given", "given with --style"
        prop = self.options.props.get("AKN.houseStyle")
        if prop in STYLES:
            return STYLES[prop], "document property", "the document property AKN.houseStyle"
        layout = self.layout
        top = layout.top
        leads = [it for it in top if it.kind in ("recital", "paragraph")]
        style, reason = detect_style(
            formula=" ".join(layout.formula.text.split()) if layout.formula else "",
            citations=any(it.kind == "citation" for it in top),
            lettered_recitals=any(
                it.kind == "recital" and it.sig is not None and it.sig[0] == "upper-alpha"
                for it in top
            ),
            unnumbered_recitals=any(it.kind == "recital" and it.label is None for it in top),
            numbered_recitals=any(it.kind == "recital" and it.label is not None for it in top),
            paragraphs=sum(1 for it in top if it.kind == "paragraph"),
            sub_labels=[c.label for it in top for c in _walk(it) if c.kind == "point" and c.label],
            lead_phrases=sum(1 for it in leads if _lead_phrase(it.pieces)),
            leads_of=len(leads),
            openings=[" ".join(it.text.split()[:3]) for it in top if it.kind == "paragraph"],
            italic_leads=sum(1 for it in leads if _first_format(it.pieces) == "i"),
            bold_leads=sum(1 for it in leads if _first_format(it.pieces) == "b"),
        )
        return style, "detected", reason

    # -- notes ------------------------------------------------------------------
    def _typed_refs(self, pieces: list[Piece]) -> list[Piece]:
        """Superscript marks typed by hand ("*") that a typed footnote defines."""
        notes = self.layout.typed_notes
        if not notes:
            return pieces
        out: list[Piece] = []
        for p in pieces:
            if isinstance(p, Span) and p.fmt.sup and p.text.strip() in notes:
                out.append(NoteRef("typed", p.text.strip(), p.text.strip(), True))
            else:
                out.append(p)
        return out

    def _note(self, ref: NoteRef, *, referenced: bool = True) -> AknElement:
        if ref.kind == "typed":
            item = self.layout.typed_notes[ref.id]
            pieces = item.pieces
            if referenced and ref.id not in self.used_typed:
                # The mark typed again where the note is defined ("* Presented by ...").
                self.imported += count(item.typed_mark or "")
            self.used_typed.add(ref.id)
            mark = item.typed_mark or ref.mark
        else:
            pieces, dropped = self.note_text(ref)
            self.imported += count(dropped)
            mark = ref.mark
        note = make_note(mark, "")
        pieces = normalise(pieces)
        fill(note[0], pieces, phrase_name=None, notes=None)
        # fill writes every span's text and nothing else (text_of skips notes).
        self.imported += count(plain_text(pieces)) + (count(mark) if ref.custom else 0)
        return note

    # -- building ---------------------------------------------------------------
    def build(self) -> Built:
        layout = self.layout
        house, how, reason = self._house()
        self.phrase_tag = house.phrase_emphasis
        # A style with lead phrases has them set even when typed plain; in one without
        # (the European Parliament's "whereas"), the words are only words.
        self.lead_phrases = house.lead_phrase_required
        doc = self._new(house)
        for it in layout.preamble:
            prov = doc.add(it.kind, "", num=it.label, phrase_tag=self.phrase_tag, numbered=False)  # type: ignore[arg-type]
            self._words(prov, it)
        for it in layout.body:
            self._top(doc, it)
        main = doc.statement.child("mainBody")
        if main is None or not len(main):
            self._empty_body(doc)
        self._typed_notes_left(doc)
        faults = doc.assign_ids()
        self._report_faults(doc, house, faults)
        return Built(
            doc,
            house,
            how,
            reason,
            self.warnings,
            self.details,
            self.imported,
            self.provisions,
        )

    def _new(self, house: HouseStyle) -> Document:
        """The document with its preface, in the draft's order, and its formula."""
        layout, options = self.layout, self.options
        number_line = layout.number_match
        typed_mark = number_line.group(3) if number_line else None
        note_refs = [
            r
            for it in [*layout.title, *([layout.number] if layout.number else [])]
            for r in it.pieces
            if isinstance(r, NoteRef)
        ]
        heads = [it for it in layout.head if it.kind == "head"]
        note_text = " ".join(
            plain_text(self.note_text(r)[0]) for r in note_refs if r.kind != "typed"
        ) + " ".join(plain_text(it.pieces) for it in [*layout.typed_notes.values(), *heads])
        props = options.props
        title = " ".join(" ".join(it.text.split()) for it in layout.title)
        title_number = layout.title_number
        if title_number and title.startswith(f"{title_number}. "):
            title = title[len(title_number) + 2 :]  # "80/12. Cooperation ...": its number
        meta, mw = infer_metadata(
            house,
            note_text=note_text,
            title=title,
            number=options.number
            or props.get("AKN.number")
            or ((number_line.group(2) or "") if number_line else "")
            or title_number
            or "",
            body=options.body or props.get("AKN.body"),
            date=self._date(),
            fallback_date=options.fallback_date,
        )
        if props.get("AKN.committee") and not meta.committee:
            meta = meta.with_changes(committee=props["AKN.committee"])
        # What drafting's own export recorded wins over what the words suggest.
        if props.get("AKN.dateName"):
            meta = meta.with_changes(date_name=props["AKN.dateName"])
        if props.get("AKN.rapporteur") and not meta.rapporteur:
            meta = meta.with_changes(rapporteur=props["AKN.rapporteur"])
        self.warnings.extend(mw)
        formula = " ".join(layout.formula.text.split()) if layout.formula else ""
        doc = Document.new(
            meta,
            house,
            title=title if layout.title else None,
            number_line=layout.number is not None,
            formula=formula,
        )
        if layout.formula is not None:
            self.imported += count(layout.formula.text)
        for it in layout.title:
            self.imported += count(it.text)
        if title_number and layout.title:
            _number_the_title(doc, title_number)
        line = doc.number_line
        if layout.number is not None and number_line is not None:
            self.imported += count(layout.number.text) - (count(typed_mark) if typed_mark else 0)
            kind = number_line.group(1)
            if kind != "RESOLUTION":
                found = doc.statement.xpath("//*[local-name()='docType']")
                if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                    found[0].text = kind
        for ref in note_refs:
            if line is not None:
                line.append(self._note(ref))
        if typed_mark and line is not None:
            if typed_mark in layout.typed_notes:
                line.append(self._note(NoteRef("typed", typed_mark, typed_mark, True)))
            elif any(r.custom and r.mark == typed_mark for r in note_refs):
                self.warnings.append(
                    f"the number line repeats the footnote mark {typed_mark} as typed text"
                    " after the footnote itself; the repeat is dropped"
                )
                self.imported += count(typed_mark)
            else:
                self.warnings.append(
                    f"the number line carries the mark {typed_mark} but no footnote defines it"
                )
                self.imported += count(typed_mark)
        self._preface(doc)
        return doc

    def _preface(self, doc: Document) -> None:
        """Head lines and tables of the preface, each where the draft has it."""
        layout = self.layout
        if not any(it.kind in ("head", "table") for it in layout.head):
            return
        preface = doc.statement.child("preface")
        if preface is None:
            preface = doc.statement.makeelement(q("preface"))
            assert isinstance(preface, AknElement)
            doc.statement.insert_ordered(preface)
        title_el = preface.child("longTitle")
        line_el = doc.number_line
        for el in list(preface):
            preface.remove(el)
        title_placed = False
        for it in layout.head:
            if it.kind == "title":
                if title_el is not None and not title_placed:
                    preface.append(title_el)
                    title_placed = True
            elif it.kind == "number":
                if line_el is not None:
                    preface.append(line_el)
            elif it.kind == "table":
                self._table(preface, it)
            else:
                block = sub(preface, "p")
                self._fill(block, it, phrase_name=None)

    def _date(self) -> dt.date | None:
        if self.options.date is not None:
            return self.options.date
        raw = self.options.props.get("AKN.date")
        if raw:
            try:
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                self.warnings.append(f"the document property AKN.date {raw!r} is not a date")
        return None

    def _fill(
        self, block: etree._Element, it: Item, *, phrase_name: str | None, lead: bool = False
    ) -> None:
        """Fill ``block`` with the words of ``it``; count them and its typed label.

        ``lead``: the block opens a preambular or operative paragraph of a house style
        with lead phrases, so a lexicon phrase typed in plain type ("Urges") is set in
        the style's emphasis, as the style prints it, and the secretary is told.
        """
        pieces = normalise(self._typed_refs(it.pieces))
        if lead and self.lead_phrases:
            pieces, phrase = add_lexicon_phrase(pieces, self.phrase_tag)
            if phrase:
                self.set_phrases.append(phrase)
        fill(block, pieces, phrase_name=phrase_name, notes=self._note)
        # The clause text of the block is the spans' text: fill writes each and nothing else.
        self.imported += count(plain_text(pieces)) + (count(it.typed) if it.typed else 0)

    def _words(self, prov: Provision, it: Item) -> None:
        """The words of provision ``prov`` from ``it``: its blocks, or its table."""
        self.provisions += 1
        el = prov.element
        host = el if prov.kind in ("recital", "citation") else el.child("content")
        assert host is not None
        block = next(host.iterchildren(_P))
        if it.is_table:
            host.remove(block)
            self._table(host, it)
            return
        phrase = prov.phrase_name if prov.kind in ("recital", "paragraph", "point") else None
        lead = prov.kind in ("recital", "paragraph")
        self._fill(block, it, phrase_name=phrase, lead=lead)
        if lead and not _opens_with_phrase(block):
            self.no_phrase.append(prov)
        for more in it.more:
            extra = sub(host, "p")
            if more.is_table:
                host.remove(extra)
                self._table(host, more)
            else:
                self._fill(extra, more, phrase_name=None)

    def _top(self, doc: Document, it: Item) -> None:
        if it.kind == "paragraph":
            prov = doc.add(
                "paragraph", "", num=it.label, phrase_tag=self.phrase_tag, numbered=False
            )
            self._words(prov, it)
            self._children(prov, it)
            return
        box = doc.statement.child("mainBody")
        assert box is not None
        self._block(box, it)

    def _block(self, parent: etree._Element, it: Item) -> None:
        """Unnumbered content, a heading or a table as an ``hcontainer`` in ``parent``."""
        el = parent.makeelement(_HCONTAINER)
        parent.append(el)
        self.provisions += 1
        if it.kind == "heading":
            el.set("name", "heading")
            if it.label:
                etree.SubElement(el, _NUM).text = it.label
            heading = etree.SubElement(el, _HEADING)
            self._fill(heading, it, phrase_name=None)
            for more in it.more:
                content = etree.SubElement(el, _CONTENT)
                self._fill(etree.SubElement(content, _P), more, phrase_name=None)
            return
        if it.label and not it.is_table:
            etree.SubElement(el, _NUM).text = it.label  # a bullet, as the draft shows it
        content = etree.SubElement(el, _CONTENT)
        if it.is_table:
            el.set("name", TABLE)
            self._table(content, it)
        else:
            el.set("name", "unnumbered")
            self._fill(etree.SubElement(content, _P), it, phrase_name=None)
            self.loose += 1
        for more in it.more:
            if more.is_table:
                self._table(content, more)
            else:
                self._fill(etree.SubElement(content, _P), more, phrase_name=None)

    def _children(self, prov: Provision, it: Item) -> None:
        self._child_items(prov, it)
        if it.wrap:
            lst, wrap = prov.sub_list()
            if wrap is None:
                wrap = etree.SubElement(lst, _WRAP_UP)
            for closing in it.wrap:
                self._fill(etree.SubElement(wrap, _P), closing, phrase_name=None)

    def _child_items(self, prov: Provision, it: Item) -> None:
        for child in it.children:
            if child.kind == "point":
                sub_prov = prov.add_point(
                    "", phrase_tag=self.phrase_tag, num=child.label, numbered=False
                )
                self._words(sub_prov, child)
                self._children(sub_prov, child)
            else:
                lst, wrap = prov.sub_list()
                self._block(lst, child)
                if wrap is not None:  # the wrapUp stays last
                    lst.append(wrap)

    def _table(self, parent: etree._Element, it: Item) -> None:
        """A source table as an AKN ``<table>``: rows of ``td``/``th`` cells of blocks."""
        table = it.block
        assert isinstance(table, SourceTable)
        self.tables.append(it)
        el = sub(parent, "table")
        for row in table.rows:
            tr = sub(el, "tr")
            for cell in row:
                attrs = {}
                if cell.colspan > 1:
                    attrs["colspan"] = str(cell.colspan)
                if cell.rowspan > 1:
                    attrs["rowspan"] = str(cell.rowspan)
                td = sub(tr, "th" if cell.header else "td", attrs)
                paragraphs = [p for p in cell.paragraphs if p.text.strip() or _has_note(p)]
                for para in paragraphs or [SourceParagraph(0, [], None, "", None, None)]:
                    self._fill(sub(td, "p"), Item(para, list(para.pieces)), phrase_name=None)
            if not len(tr):
                el.remove(tr)
        if not len(el):
            sub(sub(sub(el, "tr"), "td"), "p")

    def _empty_body(self, doc: Document) -> None:
        """A draft with no operative part: AKN wants one (an empty mainBody is not
        valid), so it gets an empty block, and the secretary is told."""
        box = doc.statement.child("mainBody")
        assert box is not None
        el = etree.SubElement(box, _HCONTAINER, {"name": "unnumbered"})
        etree.SubElement(etree.SubElement(el, _CONTENT), _P)
        self.warnings.append("the draft has no operative part; an empty one stands in for it")

    def _typed_notes_left(self, doc: Document) -> None:
        line = doc.number_line
        for mark, item in self.layout.typed_notes.items():
            if mark in self.used_typed:
                continue
            note = self._note(NoteRef("typed", mark, mark, True), referenced=False)
            self.imported += count(item.typed_mark or "")
            if line is not None:
                self.warnings.append(
                    f"footnote {mark} is referred to nowhere; attached to the number line"
                )
                line.append(note)
                continue
            # No number line to hang it on: the note's words stay where they stand.
            box = doc.statement.child("mainBody")
            assert box is not None
            el = box.makeelement(_HCONTAINER, {"name": "unnumbered"})
            p = etree.SubElement(etree.SubElement(el, _CONTENT), _P)
            p.text = item.typed_mark
            p.append(note)
            box.append(el)
            self.imported -= count(item.typed_mark or "")  # the mark is the note's marker
            self.warnings.append(f"footnote {mark} is referred to nowhere; kept where it stands")

    # -- what the house style would object to -----------------------------------------
    def _report_faults(self, doc: Document, house: HouseStyle, faults: list[str]) -> None:
        if faults:
            first = faults[0]
            self.warnings.append(
                f"{len(faults)} number(s) out of sequence for the {house.name} house style"
                f" (first: {first}); kept as the draft shows them; run 'drafting renumber' to"
                " renumber"
            )
            self.details.extend(f"numbering: {f}" for f in faults)
        if self.set_phrases:
            emphasis = "bold" if house.phrase_emphasis == "b" else "italics"
            shown = ", ".join(self.set_phrases[:5]) + (" ..." if len(self.set_phrases) > 5 else "")
            self.warnings.append(
                f"{len(self.set_phrases)} lead phrase(s) were in plain type and are now set in"
                f" {emphasis}, as the {house.name} house style prints them: {shown}"
            )
        if house.lead_phrase_required:
            missing = self.no_phrase
            if missing:
                names = ", ".join(_name(p) for p in missing[:5])
                more = " ..." if len(missing) > 5 else ""
                self.warnings.append(
                    f"{len(missing)} paragraph(s) open with no lead phrase, which the"
                    f" {house.name} house style requires: {names}{more}"
                )
                self.details.extend(f"lead phrase missing: {_name(p)}" for p in missing)
        if self.loose:
            self.warnings.append(
                f"{self.loose} paragraph(s) carry no number and are kept as unnumbered text"
                " where they stand"
            )
        tables = self.tables
        if tables:
            self.warnings.append(f"{len(tables)} table(s) kept as tables")
        laid_out = [t for t in tables if _numbered_rows(t)]
        if laid_out:
            self.warnings.append(
                f"{len(laid_out)} table(s) hold numbered paragraphs, one a row: if the draft"
                " is laid out in a table, convert the table to text (Word: Table Layout >"
                " Convert to Text) and import again, to read them as paragraphs"
            )
        if self.layout.not_labels:
            shown = ", ".join(f'"{label}"' for _, label in self.layout.not_labels[:3])
            self.warnings.append(
                f"{len(self.layout.not_labels)} typed letter(s) that continue no sequence"
                f" ({shown}) are read as words, not numbers"
            )
            self.details.extend(
                f"paragraph {i}: {label!r} read as words" for i, label in self.layout.not_labels
            )


def _number_the_title(doc: Document, number: str) -> None:
    """Put the number a UN title line opens with ("80/12.") before its title, as
    ``docNumber``, where the draft shows it."""
    found = doc.statement.xpath("//*[local-name()='docTitle']")
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return
    title = found[0]
    num = title.makeelement(q("docNumber"))
    num.text = number
    num.tail = ". "
    title.addprevious(num)


def _walk(it: Item) -> list[Item]:
    out = [it]
    for c in it.children:
        out.extend(_walk(c))
    out.extend(it.more)
    return out


def _numbered_rows(it: Item) -> bool:
    """True when most rows of a table open with a cell holding only a number ("1.")."""
    table = it.block
    if not isinstance(table, SourceTable) or len(table.rows) < 2:
        return False
    numbered = sum(
        1
        for row in table.rows
        if row and _LABEL_ONLY.match(" ".join(p.text for p in row[0].paragraphs).strip())
    )
    return numbered > len(table.rows) / 2


def _first_format(pieces: list[Piece]) -> str:
    """``b`` or ``i`` when the words open in bold or italics, else ''."""
    first = next((p for p in pieces if isinstance(p, Span) and p.text.strip()), None)
    if first is None:
        return ""
    return "b" if first.fmt.b else "i" if first.fmt.i else ""


def _has_note(p: SourceParagraph) -> bool:
    return any(isinstance(x, NoteRef) for x in p.pieces)


def _opening(pieces: list[Piece], size: int = 120) -> str:
    """The first words of ``pieces``, enough for a lead phrase (``leading_phrase``
    reads 80 characters): joining a long paragraph's every span for them was a
    measurable part of a large report's import."""
    out: list[str] = []
    n = 0
    for p in pieces:
        if isinstance(p, Span):
            if not out and not p.text.strip():
                continue
            text = p.text.lstrip() if not out else p.text
            out.append(text)
            n += len(text)
            if n >= size:
                break
    return "".join(out)


def _lead_phrase(pieces: list[Piece]) -> bool:
    """True when the words open with a lead phrase of the lexicon, emphasised or not,
    or with an emphasised phrase that reads as one."""
    from drafting.layout.inline import lead_words
    from drafting.model.phrases import classify, leading_phrase

    if leading_phrase(_opening(pieces)) is not None:
        return True
    first = next((p for p in pieces if isinstance(p, Span) and p.text.strip()), None)
    emphasised = first is not None and (first.fmt.b or first.fmt.i)
    return emphasised and classify(lead_words(normalise(pieces))) is not None


def _opens_with_phrase(block: etree._Element) -> bool:
    """True when ``block`` opens with a lead phrase (``Provision.lead_phrase``'s test, on
    the block just filled)."""
    if (block.text or "").strip() or not len(block):
        return False
    first = block[0]
    if first.tag == _INLINE:
        return first.get("name") in _PHRASE_NAMES
    return first.tag in (_B, _I) and any(
        el.get("name") in _PHRASE_NAMES for el in first.iter(_INLINE)
    )


def _name(p: Provision) -> str:
    what = "preambular paragraph" if p.kind == "recital" else "paragraph"
    return f"{what} {p.num}" if p.num else f"an unnumbered {what}"
