"""``import_docx``: a Word resolution (.docx) to a validated AKN :class:`Document`.

The steps: open the package safely; refuse, accept or reject tracked changes;
read the body as displayed (numbers computed, fields' results, notes); find the
parts of the resolution; build the AKN document through the model; and account
for every character in the import report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.docx_import.changes import ChangeSummary, handle_changes
from drafting.docx_import.inline import (
    add_lexicon_phrase,
    count,
    fill,
    normalise,
    plain_text,
)
from drafting.docx_import.numbering import Numbering
from drafting.docx_import.package import DocxError, Package, open_package, w
from drafting.docx_import.report import ImportReport, Listed
from drafting.docx_import.runs import MC, Aside, BodyReader, NoteRef, Piece, Span, WordParagraph
from drafting.docx_import.structure import Item, Layout, lay_out
from drafting.docx_import.styles import Styles
from drafting.errors import DraftingError
from drafting.model.document import Document, make_note
from drafting.model.inference import guess_style, infer_metadata
from drafting.model.markup import PHRASE_NAMES
from drafting.model.provision import PROVISION_TAGS, Provision
from drafting.model.styles import STYLES, HouseStyle, get_style
from drafting.text.reader import ImportResult

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
DCTERMS = "http://purl.org/dc/terms/"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


_PROVISION_QNAMES = tuple(q(t) for t in sorted(PROVISION_TAGS))


_B, _I, _INLINE, _NUM, _P = q("b"), q("i"), q("inline"), q("num"), q("p")


def _opens_with_phrase(block: etree._Element | None) -> bool:
    """True when ``block`` opens with a bold or italic lead phrase (``Provision.lead_phrase``)."""
    if block is None or (block.text or "").strip() or not len(block):
        return False
    if block[0].tag not in (_B, _I):
        return False
    return any(el.get("name") in PHRASE_NAMES for el in block.iter(_INLINE))


class NotAResolutionError(DocxError):
    """The Word file opens, but nothing in it reads as an operative paragraph."""


class LeadPhraseError(DocxError):
    """A preambular or operative paragraph lacks the lead phrase its house style requires."""


@dataclass
class DocxImportResult(ImportResult):
    """An :class:`ImportResult` with the import report of the Word file."""

    report: ImportReport = field(default_factory=lambda: ImportReport(""))


@dataclass
class _Parts:
    paragraphs: list[object]
    reader: BodyReader
    props: dict[str, str]
    created: dt.date | None
    changes: ChangeSummary
    total: int


def _notes_by_id(root: etree._Element | None, tag: str) -> dict[str, etree._Element]:
    if root is None:
        return {}
    out = {}
    for note in root.iter(w(tag)):
        if note.get(w("type")) in (None, "normal"):
            out[note.get(w("id")) or ""] = note
    return out


def _note_formats(settings: etree._Element | None) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if settings is None:
        return out
    for kind, default in (("footnote", "decimal"), ("endnote", "lowerRoman")):
        pr = settings.find(w(f"{kind}Pr"))
        fmt, start = default, 1
        if pr is not None:
            f = pr.find(w("numFmt"))
            s = pr.find(w("numStart"))
            fmt = (f.get(w("val")) if f is not None else None) or default
            try:
                start = int(s.get(w("val")) or 1) if s is not None else 1
            except ValueError:
                start = 1
        out[kind] = (fmt, start)
    return out


def _comments(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    if root is None:
        return out
    for c in root.iter(w("comment")):
        text = " ".join(
            "".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p"))
        ).strip()
        out[c.get(w("id")) or ""] = (c.get(w("author")) or "an unknown author", text)
    return out


def _properties(pkg: Package) -> tuple[dict[str, str], dt.date | None]:
    props: dict[str, str] = {}
    custom = pkg.related("", "custom-properties")
    root = pkg.xml(custom) if custom else None
    if root is not None:
        for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
            value = "".join(prop.itertext()).strip()
            if prop.get("name"):
                props[prop.get("name") or ""] = value
    created = None
    core = pkg.related("", "core-properties")
    croot = pkg.xml(core) if core else None
    if croot is not None:
        el = croot.find(f"{{{DCTERMS}}}created")
        if el is not None and el.text:
            try:
                created = dt.date.fromisoformat(el.text.strip()[:10])
            except ValueError:
                created = None
    return props, created


def _outside_fallback(el: etree._Element, stop: etree._Element) -> bool:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == f"{{{MC}}}Fallback":
            return False
        node = node.getparent()
    return True


def _raw_count(body: etree._Element, notes: dict[str, dict[str, etree._Element]]) -> int:
    """Characters of the body as stored in the Word XML, independent of the reading."""
    total = 0
    t_tag, one_char = w("t"), (w("noBreakHyphen"), w("sym"))
    wanted = {t_tag, *one_char, w("footnoteReference"), w("endnoteReference")}
    # count() is additive: the texts are gathered and counted once, in C.
    texts: list[str] = []
    # Walk up from each element only when the body has an mc:Fallback at all.
    fallbacks = next(body.iter(f"{{{MC}}}Fallback"), None) is not None
    for el in body.iter(*wanted):
        if fallbacks and not _outside_fallback(el, body):
            continue
        tag = el.tag
        if tag == t_tag:
            texts.append(el.text or "")
        elif tag in one_char:
            total += 1
        else:
            kind = "footnote" if tag == w("footnoteReference") else "endnote"
            note = notes[kind].get(el.get(w("id")) or "")
            if note is not None:
                texts.extend(t.text or "" for t in note.iter(t_tag))
    return total + count("".join(texts))


def _opening(text: str, words: int = 6) -> str:
    """The first words of a paragraph, quoted, so a secretary can find it in Word."""
    split = text.split()
    return "“" + " ".join(split[:words]) + ("…" if len(split) > words else "") + "”"


def _margins(pkg: Package, body: etree._Element, reader: BodyReader) -> None:
    """List the text of headers and footers: not the resolution, but not to vanish unseen."""
    rels = pkg.rels(pkg.main)
    seen: set[str] = set()
    for kind in ("header", "footer"):
        for ref in body.iter(w(f"{kind}Reference")):
            rel = rels.get(ref.get(f"{{{R_NS}}}id") or "")
            if rel is None or rel.external or rel.target in seen:
                continue
            seen.add(rel.target)
            root = pkg.xml(rel.target)
            if root is None:
                continue
            lines = [
                "".join(t.text or "" for t in p.iter(w("t"))).strip() for p in root.iter(w("p"))
            ]
            text = " / ".join(x for x in lines if x)
            if text:
                which = ref.get(w("type")) or "default"
                reader.asides.append(Aside(kind, f"{kind} ({which} pages)", text))


def _read(pkg: Package, accept: bool | None) -> _Parts:
    main = pkg.xml(pkg.main)
    if main is None or main.tag != w("document") or main.find(w("body")) is None:
        raise DocxError(
            f"the main part {pkg.main} is not a WordprocessingML document body",
            hint="open the file in Word or LibreOffice and save it again as .docx",
            file=pkg.path,
        )
    parts = {
        k: pkg.related(pkg.main, k)
        for k in ("footnotes", "endnotes", "styles", "numbering", "comments", "settings")
    }
    foot = pkg.xml(parts["footnotes"]) if parts["footnotes"] else None
    end = pkg.xml(parts["endnotes"]) if parts["endnotes"] else None
    roots = [r for r in (main, foot, end) if r is not None]
    changes = handle_changes(roots, accept, source=str(pkg.path))
    styles = Styles.from_xml(pkg.xml(parts["styles"]) if parts["styles"] else None)
    numbering = Numbering(pkg.xml(parts["numbering"]) if parts["numbering"] else None, styles)
    reader = BodyReader(
        pkg,
        styles,
        numbering,
        footnotes=_notes_by_id(foot, "footnote"),
        endnotes=_notes_by_id(end, "endnote"),
        note_formats=_note_formats(pkg.xml(parts["settings"]) if parts["settings"] else None),
        comments=_comments(pkg.xml(parts["comments"]) if parts["comments"] else None),
    )
    body = main.find(w("body"))
    assert body is not None
    total = _raw_count(body, {"footnote": reader.footnotes, "endnote": reader.endnotes})
    paragraphs = reader.read_body(body)
    _margins(pkg, body, reader)
    props, created = _properties(pkg)
    pkg.forget_parsed()
    return _Parts(list(paragraphs), reader, props, created, changes, total)


def import_docx(
    path: str | Path,
    *,
    style: str | None = None,
    accept_changes: bool | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
) -> DocxImportResult:
    """Import a Word resolution into a :class:`Document`, with its import report.

    ``accept_changes``: None refuses a file with tracked changes, True accepts
    them all, False rejects them all.  ``number``, ``body`` and ``date`` override
    what the document says.

    Raises:
        InputError: the file is missing or unreadable.
        DocxError: not a .docx, damaged, encrypted, an old .doc, macro-enabled, a zip bomb.
        TrackedChangesError: tracked changes and ``accept_changes`` is None.
        UnknownStyleError: ``style`` names no house style.
    """
    p = Path(path)
    if style is not None:
        get_style(style)
    try:
        with open_package(p) as pkg:
            parts = _read(pkg, accept_changes)
    except DraftingError as exc:
        raise exc.with_file(p) from None
    layout = lay_out(parts.paragraphs)  # type: ignore[arg-type]
    return _Builder(p, parts, layout, style, number, body, date).build()


class _Builder:
    def __init__(
        self,
        path: Path,
        parts: _Parts,
        layout: Layout,
        style: str | None,
        number: str | None,
        body: str | None,
        date: dt.date | None,
    ) -> None:
        self.path = path
        self.parts = parts
        self.layout = layout
        self.reader = parts.reader
        self.report = ImportReport(path.name, total_chars=parts.total)
        self.warnings: list[str] = list(layout.warnings)
        self.imported = 0
        self.used_typed: set[str] = set()
        self.placed: dict[etree._Element, Item] = {}
        # Whether a recital or operative paragraph opens with its lead phrase, found when
        # its block is filled: adding sub-paragraphs and renumbering leave the words alone.
        self.opens_with_phrase: dict[etree._Element, bool] = {}
        self.style, self.number, self.body, self.date = style, number, body, date

    # -- decisions --------------------------------------------------------------
    def _house(self) -> tuple[HouseStyle, str]:
        if self.style:
            return get_style(self.style), "given"
        prop = self.parts.props.get("AKN.houseStyle")
        if prop in STYLES:
            return STYLES[prop], "document property"
        top = self.layout.top

        def subs(it: Item) -> list[str]:
            return [c.label or "" for c in it.children if c.label]

        return (
            guess_style(
                citations=any(it.kind == "citation" for it in top),
                lettered_recitals=any(
                    it.kind == "recital" and it.sig is not None and it.sig[0] == "upper-alpha"
                    for it in top
                ),
                unnumbered_recitals=any(it.kind == "recital" and it.sig is None for it in top),
                sub_labels=[s for it in top for s in subs(it)],
                numbered_recitals=any(it.kind == "recital" and it.sig is not None for it in top),
            ),
            "detected",
        )

    def _date(self) -> dt.date | None:
        if self.date is not None:
            return self.date
        raw = self.parts.props.get("AKN.date")
        if raw:
            try:
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                self.warnings.append(f"the document property AKN.date {raw!r} is not a date")
        return None

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
            mark_text = ref.mark if ref.custom else ""
            pieces, dropped = self.reader.note_pieces(ref.kind, ref.id, mark_text)
            self.imported += count(dropped)
            mark = ref.mark
        note = make_note(mark, "")
        pieces = normalise(pieces)
        fill(note[0], pieces, phrase_name=None, notes=None)
        # fill writes every span's text and nothing else (text_of skips notes).
        self.imported += count(plain_text(pieces)) + (count(mark) if ref.custom else 0)
        return note

    # -- building ---------------------------------------------------------------
    def build(self) -> DocxImportResult:
        layout = self.layout
        if not any(it.kind == "paragraph" for it in layout.top):
            raise self._not_a_resolution()
        house, how = self._house()
        number_line = layout.number_match
        note_refs = [
            r
            for it in [*layout.title, *([layout.number] if layout.number else [])]
            for r in it.pieces
            if isinstance(r, NoteRef)
        ]
        typed_mark = number_line.group(3) if number_line else None
        note_text = " ".join(
            plain_text(self.reader.note_pieces(r.kind, r.id)[0]) for r in note_refs
        ) + " ".join(
            plain_text(it.pieces) for it in [*layout.typed_notes.values(), *layout.head_lines]
        )
        props = self.parts.props
        title = " ".join(" ".join(it.text.split()) for it in layout.title)
        meta, mw = infer_metadata(
            house,
            note_text=note_text,
            title=title,
            number=self.number
            or props.get("AKN.number")
            or (number_line.group(2) if number_line else ""),
            body=self.body or props.get("AKN.body"),
            date=self._date(),
            fallback_date=(self.parts.created, "the file's creation date")
            if self.parts.created
            else None,
        )
        if props.get("AKN.committee") and not meta.committee:
            meta = meta.with_changes(committee=props["AKN.committee"])
        # What drafting's own export recorded wins over what the words suggest.
        if props.get("AKN.dateName"):
            meta = meta.with_changes(date_name=props["AKN.dateName"])
        if props.get("AKN.rapporteur") and not meta.rapporteur:
            meta = meta.with_changes(rapporteur=props["AKN.rapporteur"])
        self.warnings.extend(mw)
        doc = Document.new(meta, house, title=title)
        for it in layout.title:
            self.imported += count(it.text)
        if layout.formula is not None:
            self.imported += count(layout.formula.text)
            text = " ".join(layout.formula.text.split())
            if text != house.formula:
                found = doc.statement.xpath("//*[local-name()='formula']/*[local-name()='p']")
                if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                    found[0].text = text
        if layout.number is not None and number_line is not None:
            self.imported += count(layout.number.text) - (count(typed_mark) if typed_mark else 0)
            kind = number_line.group(1).upper()
            if kind != "RESOLUTION":
                found = doc.statement.xpath("//*[local-name()='docType']")
                if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                    found[0].text = kind
        line = doc.number_line
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
        lexicon_set: list[str] = []
        for it in layout.top:
            prov = doc.add(
                it.kind,  # type: ignore[arg-type]
                "",
                num=it.label,
                phrase_tag=house.phrase_emphasis,
            )
            self._fill(prov, it, house, lexicon_set)
            self._children(prov, it, house, lexicon_set)
        self._typed_notes_left(doc)
        self._unplaced()
        changes = self.parts.changes
        self.report.changes = (
            f"{changes.count} {changes.resolution} ({changes.authors()})"
            if changes.resolution
            else ""
        )
        doc.renumber()
        self._label_warnings(doc)
        if house.lead_phrase_required:
            self._check_leads(doc, house)
        if lexicon_set:
            self.warnings.append(
                f"{len(lexicon_set)} lead phrase(s) were in plain type and are now set in"
                f" {'bold' if house.phrase_emphasis == 'b' else 'italics'}: "
                + ", ".join(lexicon_set[:5])
                + (" ..." if len(lexicon_set) > 5 else "")
            )
        for a in self.reader.asides:
            self.report.listed.append(Listed(a.kind, a.where, a.text, a.detail))
        self.report.imported_chars = self.imported
        self.report.style, self.report.style_how = house.name, how
        # Every provision of the new document was filled from one placed item.
        self.report.provisions = len(self.placed)
        if self.report.unaccounted:
            self.warnings.append(
                f"{self.report.unaccounted} characters of the Word body are neither imported"
                " nor listed; please report this with the file"
            )
        self.report.warnings = list(self.warnings)
        return DocxImportResult(doc, house, how != "given", self.warnings, self.report)

    def _not_a_resolution(self) -> NotAResolutionError:
        """Say what the body holds, so the secretary can tell a wrong file from a fixable one."""
        paras = [
            p for p in self.parts.paragraphs if isinstance(p, WordParagraph) and p.text.strip()
        ]
        cells = sum(1 for a in self.reader.asides if a.kind == "table cell")
        hint = (
            "number the operative paragraphs (1., 2. ...) or give them the style"
            " 'Operative Paragraph', then import again"
        )
        if not paras and not cells:
            return NotAResolutionError(
                "the Word body has no text to import",
                hint="check that this is the right file, and that the draft was saved in it",
                file=self.path,
            )
        numbered = sum(1 for p in paras if p.label is not None and not p.label.bullet)
        numbered += sum(1 for it in self.layout.top if it.typed and it.sig is not None)
        bullets = sum(1 for p in paras if p.label is not None and p.label.bullet)
        what = []
        if numbered:
            what.append(f"{numbered} numbered, none as an operative paragraph")
        else:
            what.append("none numbered")
        if bullets:
            what.append(f"{bullets} bulleted")
        found = f"{len(paras)} paragraph{'s' if len(paras) != 1 else ''} of text"
        found += f" ({', '.join(what)})"
        if paras:
            found += f", opening {_opening(paras[0].text)}"
        if cells:
            found += f", and {cells} table cell{'s' if cells != 1 else ''}, not read as provisions"
            if cells > len(paras):
                hint = (
                    "if the resolution is laid out in a table, convert the table to text"
                    " (Word: Table Layout > Convert to Text) and import again"
                )
        return NotAResolutionError(
            f"no operative paragraph found: the body has {found};"
            " this does not look like a resolution",
            hint=hint,
            file=self.path,
        )

    def _fill(self, prov: Provision, it: Item, house: HouseStyle, lexicon_set: list[str]) -> None:
        pieces = normalise(self._typed_refs(it.pieces))
        lead = house.lead_phrase_required and prov.kind in ("recital", "paragraph")
        if lead:
            pieces, phrase = add_lexicon_phrase(pieces, house.phrase_emphasis)
            if phrase:
                lexicon_set.append(phrase)
        # A provision just added holds one <p>, its words (``Provision.blocks[0]``); its
        # sub-paragraphs come after, so the first <p> inside it is found without the proxy.
        block = next(prov.element.iter(_P))
        fill(block, pieces, phrase_name=prov.phrase_name, notes=self._note)
        if lead:
            self.opens_with_phrase[prov.element] = _opens_with_phrase(block)
        # The clause text of the block is the spans' text: fill writes each and nothing else.
        self.imported += count(plain_text(pieces)) + (count(it.typed) if it.typed else 0)
        self.placed[prov.element] = it

    def _children(self, prov: Provision, it: Item, house: HouseStyle, lex: list[str]) -> None:
        for child in it.children:
            sub = prov.add_point("", phrase_tag=house.phrase_emphasis)
            self._fill(sub, child, house, lex)
            self._children(sub, child, house, lex)

    def _typed_notes_left(self, doc: Document) -> None:
        line = doc.number_line
        for mark, item in self.layout.typed_notes.items():
            if mark in self.used_typed:
                continue
            if line is not None:
                self.warnings.append(
                    f"footnote {mark} is referred to nowhere; attached to the number line"
                )
                line.append(self._note(NoteRef("typed", mark, mark, True), referenced=False))
            else:
                self._list_unplaced(item, "a footnote typed as text that nothing refers to")

    def _unplaced(self) -> None:
        for it in self.layout.unplaced:
            self._list_unplaced(it, it.reason)
        if self.layout.unplaced:
            self.warnings.append(
                f"{len(self.layout.unplaced)} paragraph(s) fit no provision and are listed in"
                " the import report"
            )

    def _list_unplaced(self, it: Item, reason: str) -> None:
        label = f"{it.para.label.text} " if it.para.label and it.para.label.text else ""
        text = " ".join([label + it.para.text, *(p.text for p in it.joined)])
        self.report.listed.append(
            Listed("unplaced paragraph", f"paragraph {it.para.index}", text, reason)
        )
        for p in it.pieces:
            if isinstance(p, NoteRef) and p.kind != "typed":
                pieces, dropped = self.reader.note_pieces(p.kind, p.id, p.mark if p.custom else "")
                text = dropped + plain_text(pieces)
                self.report.listed.append(
                    Listed(p.kind, f"paragraph {it.para.index}", text, f"note {p.mark}")
                )
                if p.custom:
                    self.imported += count(p.mark)

    def _check_leads(self, doc: Document, house: HouseStyle) -> None:
        """Say which Word paragraph lacks the lead phrase the house style requires."""
        for prov in [*doc.recitals, *doc.paragraphs]:
            opens = self.opens_with_phrase.get(prov.element)
            if opens is None:
                opens = _opens_with_phrase(prov.blocks[0] if prov.blocks else None)
            if opens:
                continue
            item = self.placed.get(prov.element)
            where = f"paragraph {item.para.index} in Word" if item else "a paragraph"
            what = "preambular" if prov.kind == "recital" else "operative"
            number = f" {prov.num}" if prov.num else ""
            quoted = f", {_opening(item.text)}" if item else ""
            emphasis = "bold" if house.phrase_emphasis == "b" else "italics"
            raise LeadPhraseError(
                f"{where} ({what} paragraph{number}{quoted}) does not open with a lead phrase"
                f" such as {'Recognising' if what == 'preambular' else 'Urges'},"
                f" which the {house.name} house style requires",
                hint=f"set its opening words in {emphasis}, or import with another --style",
                file=self.path,
            )

    def _label_warnings(self, doc: Document) -> None:
        # Document order is reading order; lxml finds the provisions in C, and only the
        # placed ones (all of them) are looked at.
        for el in doc.statement.iter(*_PROVISION_QNAMES):
            item = self.placed.get(el)
            if item is None or not item.label:
                continue
            # ``Provision.num`` without the proxy: the schema puts <num> first.
            first = el[0] if len(el) else None
            if first is None or first.tag != _NUM:
                continue
            num = (first.text or "").strip()
            if item.label.strip() != num:
                self.warnings.append(
                    f"paragraph {item.para.index}: numbered {item.label} in Word but"
                    f" {num} in sequence; renumbered"
                )
