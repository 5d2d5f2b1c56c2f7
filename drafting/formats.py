"""Format by file extension: the public entry points the CLI calls.

Each function here is one thing a user asks for ("import this draft", "export the
final text", "check these files"), reachable from Python exactly as from the CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafting import io
from drafting.akn import schema
from drafting.akn.parser import read_akn_file
from drafting.errors import DraftingError, InputError, SchemaError
from drafting.model.document import Document
from drafting.reading import read_text

if TYPE_CHECKING:
    from drafting.text import ImportResult

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
AKN_SUFFIXES = (".xml", ".akn")
WORD_SUFFIXES = (".docx", ".pdf")
HTML_SUFFIXES = (".html", ".htm")


def suffix_of(path: str | Path) -> str:
    """The extension that picks a format: ``.docx``, ``.md``... (lower case)."""
    return Path(path).suffix.lower()


def import_file(
    path: str | Path,
    *,
    style: str | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
    accept_changes: bool | None = None,
    strict: bool = False,
    as_: str | None = None,
) -> ImportResult:
    """Read a draft (``.docx``, ``.pdf``, ``.txt``/``.md``) into a valid :class:`Document`.

    The draft imports as it stands, with its faults reported in the warnings;
    ``strict`` refuses it instead when it breaks its house style (numbers out of
    sequence, a lead phrase missing), as ``drafting validate`` would report.
    ``accept_changes`` (Word only): None refuses tracked changes, True accepts
    them, False rejects them.  A Word import returns a ``DocxImportResult``,
    whose ``report`` says where every character went.

    Raises:
        InputError: the file cannot be read or is of a kind drafting does not import.
        TextFormatError: the text is empty.
        DocxError, TrackedChangesError: see ``drafting.docx_import.import_docx``.
        PdfError: see ``drafting.pdf_import.read_pdf``.
        SchemaError: the result is not valid AKN (a bug), or ``strict`` and it breaks
            its house style.
    """
    # The text reader compiles its patterns on import: only commands that read or
    # write text pay for it (drafting validate starts in well under 0.3 s).
    from drafting.text import ImportResult
    from drafting.text import read_text as parse_text

    p = Path(path)
    suffix = suffix_of(p)
    if suffix in TEXT_SUFFIXES:
        result = parse_text(
            read_text(p), source=str(p), style=style, number=number, body=body, date=date, as_=as_
        )
    elif suffix in AKN_SUFFIXES:
        doc = io.load(p, validate=False)  # validated once, below, like every import
        result = ImportResult(doc, doc.house_style, False, [])
    elif suffix in (".docx", ".docm", ".dotx", ".doc"):
        from drafting.docx_import import import_docx

        result = import_docx(
            p,
            style=style,
            accept_changes=accept_changes,
            number=number,
            body=body,
            date=date,
            as_=as_,
        )
    elif suffix == ".pdf":
        result = _import_pdf(p, style=style, number=number, body=body, date=date, as_=as_)
    else:
        raise InputError(
            f"drafting does not know how to import {suffix or 'files without an extension'}",
            file=p,
            hint="give a .docx, .pdf, .txt, .md or .akn.xml file",
        )
    try:
        phase = result.document.house_style.name if strict else None
        schema.assert_valid(result.document.tree, str(p), phase=phase)
    except SchemaError as exc:
        if suffix not in AKN_SUFFIXES:
            # "run drafting validate" would not help: the user has a draft, not AKN.
            exc.hint = (
                "correct the draft and import it again, or import it without --strict"
                " to keep it as it stands and see its faults as warnings"
                if strict
                else "please report this with the file: the draft made invalid AKN"
            )
        raise exc.with_file(p) from None
    except DraftingError as exc:
        raise exc.with_file(p) from None
    return result


def _import_pdf(
    path: Path,
    *,
    style: str | None,
    number: str | None,
    body: str | None,
    date: dt.date | None,
    as_: str | None = None,
) -> ImportResult:
    """A PDF's lines, read as the text reader reads a paste (see ``drafting.pdf_import``)."""
    from drafting.pdf_import import read_pdf
    from drafting.text.reader import read_lines

    pdf = read_pdf(path)
    return read_lines(
        pdf.lines,
        source=str(path),
        style=style,
        number=number,
        body=body,
        date=date,
        warnings=pdf.warnings,
        as_=as_,
    )


def load_document(path: str | Path) -> Document:
    """Any supported input (AKN, text, Markdown) as a :class:`Document`."""
    p = Path(path)
    if suffix_of(p) in AKN_SUFFIXES:
        return io.load(p)
    return import_file(p).document


def render(
    doc: Document,
    fmt: str,
    *,
    template: str | Path | None = None,
    word_numbering: bool = False,
    validated: bool = False,
    line_numbers: bool = False,
) -> bytes:
    """The bytes of ``doc`` in output format ``fmt`` (``.akn.xml``, ``.md``, ``.txt``,
    ``.docx``, ``.html``, ``.pdf``); ``template`` and ``word_numbering`` shape Word and PDF.
    AKN output is validated unless the caller has just ``validated`` this very tree.
    ``line_numbers`` (``.txt`` only): the draft as printed with page and line numbers,
    which amendments by page and line refer to (:mod:`drafting.text.printed`).

    Raises:
        InputError: no such output format, Word options for a format without Word, or
            ``line_numbers`` for a format other than ``.txt``.
        TemplateError, TemplateStyleError, WordNumberingError: see ``write_docx``.
        LibreOfficeMissingError, PdfConversionError: ``.pdf`` without a working LibreOffice.
    """
    if line_numbers and fmt != ".txt":
        raise InputError(
            "--line-numbers prints plain text: it applies to .txt, not"
            f" {fmt or 'a file without an extension'}",
            hint="export to a .txt file, e.g. -o draft-lines.txt",
        )
    if fmt in WORD_SUFFIXES:
        from drafting.docx_export import docx_to_pdf, write_docx

        data = write_docx(doc, template=template, word_numbering=word_numbering)
        return docx_to_pdf(data) if fmt == ".pdf" else data
    if template is not None or word_numbering:
        raise InputError(
            f"--template and --word-numbering apply to .docx and .pdf, not {fmt}",
            hint="export to .docx or .pdf, or leave these options out",
        )
    if line_numbers:
        from drafting.text.printed import write_printed

        return write_printed(doc).encode("utf-8")
    if fmt in HTML_SUFFIXES:
        from drafting.render.document_html import render_document_html

        return render_document_html(doc).encode("utf-8")
    if fmt in AKN_SUFFIXES:
        return io.dumps(doc, validate=not validated)
    if fmt in TEXT_SUFFIXES:
        from drafting.text import write_text

        # .txt is for a reader of plain text: a link's address follows its words.
        return write_text(doc, links="plain" if fmt == ".txt" else "markdown").encode("utf-8")
    raise InputError(
        f"drafting cannot export to {fmt or 'a file without an extension'}",
        hint="use .docx, .pdf, .html, .md, .txt or .akn.xml",
    )


def export_file(
    doc: Document,
    out: str | Path,
    *,
    inputs: Sequence[str | Path] = (),
    force: bool = False,
    template: str | Path | None = None,
    word_numbering: bool = False,
    validated: bool = False,
    line_numbers: bool = False,
) -> Path:
    """Write ``doc`` to ``out`` in the format its extension names, atomically.

    A PDF is made from the .docx by LibreOffice in a temporary folder and only then
    moved into place, so a failed conversion leaves no file behind.  ``line_numbers``:
    see :func:`render`.

    Raises:
        OutputError: the output is an input, exists without ``force``, or cannot be written.
        InputError: unknown output format.
        DraftingError: the Word or PDF export fails (see :func:`render`).
    """
    target = io.check_output(out, inputs=inputs, force=force)
    data = render(
        doc,
        suffix_of(target),
        template=template,
        word_numbering=word_numbering,
        validated=validated,
        line_numbers=line_numbers,
    )
    io.write_atomic(target, data)
    return target


@dataclass(frozen=True)
class FileReport:
    """The outcome of validating one file."""

    path: str
    problems: tuple[schema.Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_file(path: str | Path) -> FileReport:
    """Check one AKN file against the official schema and the profile; never raises
    for a bad file: its failure is the report."""
    p = Path(path)
    try:
        tree = read_akn_file(p)
        Document(tree)
    except DraftingError as exc:
        return FileReport(
            str(p),
            (
                schema.Problem(
                    exc.location.line,
                    None,
                    str(exc.message) + (f"; {exc.hint}" if exc.hint else ""),
                    "akn",
                ),
            ),
        )
    problems = schema.problems(tree)
    doc = Document(tree)
    if doc.structure.hierarchical:
        # A clause text is held to its own house style: the label forms its levels
        # print, and their sequence (drafting.model.clause_style).
        from drafting.model.clause_style import sequence_faults

        problems += [
            schema.Problem(el.sourceline, el.get("eId"), message, "house style")
            for el, message in sequence_faults(doc.clauses)
        ]
    return FileReport(str(p), tuple(problems))
