"""Amendment files to results: the calls ``drafting amendments ...`` and ``drafting amend`` make.

The amendment logic is :mod:`drafting.amendments` (which knows nothing of files
and formats); this module reads the draft and the amendment files, renders the
listings, and writes every output atomically and only when all of them are ready.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from drafting import io
from drafting.amendments import (
    Amended,
    Amendment,
    CheckReport,
    apply_amendments,
    check,
    compilation_markdown,
    compile_amendments,
    read_amendment_files,
    read_votes,
    report_json,
    report_markdown,
    voting_list,
    voting_list_markdown,
)
from drafting.amendments.files import read_amendment_files_leniently
from drafting.errors import InputError, OutputError
from drafting.formats import HTML_SUFFIXES, TEXT_SUFFIXES, load_document, render
from drafting.model.document import Document

Paths = Sequence[str | Path]


def render_amendment_listing(
    doc: Document, amendments: Sequence[Amendment], fmt: str, *, voting: bool = False
) -> bytes:
    """The compilation of ``amendments`` (or with ``voting`` the voting list) in ``fmt``
    (``.md``, ``.txt``, ``.html``, ``.docx``).

    Raises:
        InputError: no such format.
    """
    ams = list(amendments)
    title = f"{doc.metadata.body} Resolution {doc.number}".strip() if doc.number else doc.title
    if fmt in HTML_SUFFIXES:
        from drafting.render import amendments_html

        if voting:
            return amendments_html.voting_list_html(voting_list(doc, ams), title).encode("utf-8")
        return amendments_html.compilation_html(compile_amendments(doc, ams), title).encode()
    if fmt == ".docx":
        from drafting.docx_export.amendments_docx import compilation_docx, voting_list_docx

        if voting:
            return voting_list_docx(voting_list(doc, ams), title)
        return compilation_docx(compile_amendments(doc, ams), title)
    if fmt in TEXT_SUFFIXES:
        if voting:
            return voting_list_markdown(voting_list(doc, ams), title).encode("utf-8")
        return compilation_markdown(compile_amendments(doc, ams), title).encode("utf-8")
    raise InputError(
        f"drafting cannot write the amendments as {fmt or 'a file without an extension'}",
        hint="use .md, .html or .docx",
    )


def check_files(draft: str | Path, amendment_files: Paths) -> CheckReport:
    """Check every amendment in ``amendment_files`` against ``draft`` as tabled.

    Raises:
        InputError, AmendmentSyntaxError: a file cannot be read or understood.
    """
    amendments, unreadable = read_amendment_files_leniently(amendment_files)
    report = check(load_document(draft), amendments)
    return replace(report, unreadable=tuple(str(e) for e in unreadable))


def list_files(
    draft: str | Path,
    amendment_files: Paths,
    *,
    output: str | Path | None = None,
    voting: bool = False,
    force: bool = False,
) -> bytes:
    """The compilation (or with ``voting`` the voting list); written to ``output`` when given,
    in the format its extension names (``.md`` when there is no output).

    Raises:
        OutputError: ``output`` is an input, or exists without ``force``.
        InputError, AmendmentSyntaxError: an input cannot be read.
    """
    inputs = [draft, *amendment_files]
    fmt = Path(output).suffix.lower() if output is not None else ".md"
    if output is not None:
        io.check_output(output, inputs=inputs, force=force)
    data = render_amendment_listing(
        load_document(draft), read_amendment_files(amendment_files), fmt, voting=voting
    )
    if output is not None:
        io.write_atomic(output, data)
    return data


def export_files(
    draft: str | Path, amendment_files: Paths, output: str | Path, *, force: bool = False
) -> list[Amendment]:
    """Write the amendments as one AKN ``<amendmentList>``; returns them.

    Raises:
        OutputError: ``output`` is an input, or exists without ``force``.
        InputError, AmendmentSyntaxError: an input cannot be read.
    """
    from drafting.amendments.akn import amendment_list_to_akn

    io.check_output(output, inputs=[draft, *amendment_files], force=force)
    amendments = read_amendment_files(amendment_files)
    io.write_atomic(output, amendment_list_to_akn(load_document(draft), amendments))
    return amendments


def amend_files(
    draft: str | Path,
    amendment_files: Paths,
    output: str | Path,
    *,
    votes: str | Path | None = None,
    report: str | Path | None = None,
    date: dt.date | None = None,
    force: bool = False,
) -> Amended:
    """Apply the adopted amendments to ``draft`` and write the amended text (and report).

    All or nothing: every output is rendered before any is written, and nothing is
    written when an adopted amendment cannot be applied.  The amended text is a new
    expression of the resolution dated ``date``, the day of the vote (today if None).

    Raises:
        AmendmentApplicationError: an adopted amendment cannot be applied.
        OutputError: an output is an input, or exists without ``force``.
        InputError: an input cannot be read, or the report is not .json or .md.
    """
    inputs = [draft, *amendment_files, *([votes] if votes else [])]
    io.check_output(output, inputs=inputs, force=force)
    if report is not None:
        if Path(report).resolve() == Path(output).resolve():
            raise OutputError(
                "the report and the amended text would be the same file",
                hint="give the report its own name, e.g. report.md",
                file=str(report),
            )
        io.check_output(report, inputs=inputs, force=force)
        if Path(report).suffix.lower() not in (".json", ".md"):
            raise InputError(
                "the report must be a .json or .md file",
                file=str(report),
                hint="give the report a .json or .md name",
            )
    amended = apply_amendments(
        load_document(draft),
        read_amendment_files(amendment_files),
        votes=read_votes(votes) if votes else None,
        date=date,
    )
    # apply_amendments has just validated the amended tree (all or nothing).
    data = render(amended.document, Path(output).suffix.lower(), validated=True)
    report_data = None
    if report is not None:
        as_json = Path(report).suffix.lower() == ".json"
        report_data = (report_json(amended) if as_json else report_markdown(amended)).encode()
    io.write_atomic(output, data)
    if report is not None and report_data is not None:
        io.write_atomic(report, report_data)
    return amended
