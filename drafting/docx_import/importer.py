"""``import_docx``: a Word draft (.docx) to a validated AKN :class:`Document`.

The steps: open the package safely; refuse, accept or reject tracked changes;
read the body as displayed (numbers computed, fields' results, notes, tables, text
boxes); find the parts of the draft (:mod:`drafting.layout`); build the AKN document;
and account for every character in the import report.  A readable draft is never
refused for its house style: it imports as it stands, and its faults are reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafting.docx_import.changes import ChangeSummary, count_changes, handle_changes
from drafting.docx_import.numbering import Numbering
from drafting.docx_import.package import DocxError, Package, open_package, w
from drafting.docx_import.report import ImportReport, Listed
from drafting.docx_import.runs import MC, Aside, BodyReader, Field
from drafting.docx_import.styles import Styles
from drafting.errors import DraftingError
from drafting.layout.build import Options
from drafting.layout.compose import compose
from drafting.layout.inline import count
from drafting.layout.source import Block, NoteRef, Piece, SourceTable
from drafting.model.styles import get_style
from drafting.text.reader import ImportResult

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
DCTERMS = "http://purl.org/dc/terms/"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class EmptyDocxError(DocxError):
    """The Word file opens, but its body holds no text to import."""


@dataclass
class DocxImportResult(ImportResult):
    """An :class:`ImportResult` with the import report of the Word file."""

    report: ImportReport = field(default_factory=lambda: ImportReport(""))


@dataclass
class _Parts:
    blocks: list[Block]
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


#: Fields whose result is the page's own number, not words of the document.
_PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})


def _margin_text(p: etree._Element) -> str:
    """The words of a header or footer paragraph, page-number fields left out: a
    footer holding only "1" (its PAGE field's last result) is not text to report."""
    out: list[str] = []
    fields: list[Field] = []
    for el in p.iter(w("t"), w("instrText"), w("fldChar")):
        tag = el.tag
        if tag == w("fldChar"):
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                fields.append(Field())
            elif kind == "separate" and fields:
                fields[-1].phase = "result"
            elif kind == "end" and fields:
                fields.pop()
        elif tag == w("instrText"):
            if fields:
                fields[-1].instr.append(el.text or "")
        else:
            simple = next(el.iterancestors(w("fldSimple")), None)
            if simple is not None and _field_name(simple.get(w("instr")) or "") in _PAGE_FIELDS:
                continue
            top = fields[-1] if fields else None
            if top and top.phase == "result" and _field_name("".join(top.instr)) in _PAGE_FIELDS:
                continue
            out.append(el.text or "")
    return "".join(out)


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


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
            lines = [_margin_text(p).strip() for p in root.iter(w("p"))]
            text = " / ".join(x for x in lines if x)
            if text:
                which = ref.get(w("type")) or "default"
                reader.asides.append(Aside(kind, f"{kind} ({which} pages)", text))


def _notes_parts(pkg: Package) -> tuple[etree._Element | None, etree._Element | None]:
    """The footnotes and endnotes parts: with the body, what tracked changes can touch."""
    foot, end = (pkg.related(pkg.main, k) for k in ("footnotes", "endnotes"))
    return (pkg.xml(foot) if foot else None), (pkg.xml(end) if end else None)


def _read(pkg: Package, accept: bool | None, authors: Collection[str] | None = None) -> _Parts:
    main = pkg.xml(pkg.main)
    if main is None or main.tag != w("document") or main.find(w("body")) is None:
        raise DocxError(
            f"the main part {pkg.main} is not a WordprocessingML document body",
            hint="open the file in Word or LibreOffice and save it again as .docx",
            file=pkg.path,
        )
    parts = {k: pkg.related(pkg.main, k) for k in ("styles", "numbering", "comments", "settings")}
    foot, end = _notes_parts(pkg)
    roots = [r for r in (main, foot, end) if r is not None]
    changes = handle_changes(roots, accept, source=str(pkg.path), authors=authors)
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
    blocks = reader.read_body(body)
    _margins(pkg, body, reader)
    props, created = _properties(pkg)
    pkg.forget_parsed()
    return _Parts(blocks, reader, props, created, changes, total)


def tracked_changes(path: str | Path) -> ChangeSummary:
    """How many tracked changes the Word file ``path`` holds, by whom and since when.

    Raises:
        InputError, DocxError: as :func:`import_docx`.
    """
    p = Path(path)
    try:
        with open_package(p) as pkg:
            main = pkg.xml(pkg.main)
            if main is None:
                return ChangeSummary()
            return count_changes([r for r in (main, *_notes_parts(pkg)) if r is not None])
    except DraftingError as exc:
        raise exc.with_file(p) from None


def import_docx(
    path: str | Path,
    *,
    style: str | None = None,
    accept_changes: bool | None = None,
    accept_authors: Collection[str] | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    as_: str | None = None,
) -> DocxImportResult:
    """Import a Word draft into a :class:`Document`, with its import report.

    The draft imports as it stands, faults and all: its numbers as Word shows them,
    its paragraphs in their order, text that fits no provision kept where it is.  The
    warnings and the report say what a house style would object to.

    ``accept_changes``: None refuses a file with tracked changes, True accepts
    them all, False rejects them all; ``accept_authors`` accepts those authors'
    changes and rejects the others' (with ``accept_changes`` True).  ``number``,
    ``body`` and ``date`` override what the document says.

    Raises:
        InputError: the file is missing or unreadable.
        DocxError: not a .docx, damaged, encrypted, an old .doc, macro-enabled, a zip
            bomb, or with no text in its body (``EmptyDocxError``).
        TrackedChangesError: tracked changes and ``accept_changes`` is None.
        UnknownStyleError: ``style`` names no house style.
    """
    p = Path(path)
    if style is not None:
        get_style(style)
    try:
        with open_package(p) as pkg:
            parts = _read(pkg, accept_changes, accept_authors)
    except DraftingError as exc:
        raise exc.with_file(p) from None
    if not any(b.text.strip() or _has_notes(b) for b in parts.blocks):
        raise EmptyDocxError(
            "the Word body has no text to import",
            hint="check that this is the right file, and that the draft was saved in it",
            file=p,
        )
    reader = parts.reader

    def note_text(ref: NoteRef) -> tuple[list[Piece], str]:
        return reader.note_pieces(ref.kind, ref.id, ref.mark if ref.custom else "")

    created = parts.created
    options = Options(
        style=style,
        number=number,
        body=body,
        date=date,
        props=parts.props,
        fallback_date=(created, "the file's creation date") if created else None,
    )
    built = compose(parts.blocks, options, note_text, as_)
    report = ImportReport(p.name, total_chars=parts.total)
    report.imported_chars = built.imported
    for a in reader.asides:
        report.listed.append(Listed(a.kind, a.where, a.text, a.detail))
    changes = parts.changes
    report.changes = (
        f"{changes.count} {changes.resolution} ({changes.authors()})" if changes.resolution else ""
    )
    report.style, report.style_how = built.style.name, built.how
    report.style_reason = built.reason
    report.provisions = built.provisions
    warnings = list(built.warnings)
    if report.unaccounted:
        warnings.append(
            f"{report.unaccounted} characters of the Word body are neither imported"
            " nor listed; please report this with the file"
        )
    details = [*built.details, *reader.dropped_links]
    if reader.dropped_links:
        warnings.append(
            f"{len(reader.dropped_links)} link address(es) dropped as unsafe, their words kept"
        )
    report.warnings = list(warnings)
    report.details = list(details)
    return DocxImportResult(
        built.document,
        built.style,
        built.how != "given",
        warnings,
        style_reason=built.reason,
        details=details,
        report=report,
    )


def _has_notes(block: Block) -> bool:
    paragraphs = block.paragraphs if isinstance(block, SourceTable) else [block]
    return any(isinstance(x, NoteRef) for p in paragraphs for x in p.pieces)
