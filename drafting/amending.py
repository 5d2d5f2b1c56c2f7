"""Amendment files to results: the calls ``drafting amendments ...`` and ``drafting amend`` make.

The amendment logic is :mod:`drafting.amendments` (which knows nothing of files
and formats); this module reads the draft and the amendment files (text, AKN, and
Word through :mod:`drafting.docx_import.amendments`), renders the listings, and
writes every output atomically and only when all of them are ready.
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
    report_json,
    report_markdown,
    voting_list,
    voting_list_markdown,
)
from drafting.amendments.files import (
    TextReaders,
    read_amendment_files,
    read_amendment_files_leniently,
)
from drafting.amendments.model import Status
from drafting.amendments.votes import RecordedVotes, read_vote_counts, record_votes
from drafting.amendments.voting import VotingPaper, text_kind
from drafting.errors import InputError, OutputError
from drafting.formats import HTML_SUFFIXES, TEXT_SUFFIXES, load_document, render
from drafting.model.document import Document

Paths = Sequence[str | Path]


def _word_amendments(path: Path) -> str:
    from drafting.docx_import.amendments import amendments_text

    return amendments_text(path)


#: The amendment files read above the amendments layer: Word, as amendment text.
READERS: TextReaders = {".docx": _word_amendments}


def read_amendments(paths: Paths) -> list[Amendment]:
    """The amendments in ``paths`` (``.txt``, ``.md``, AKN ``.xml`` or Word ``.docx``),
    in order; a number used twice is an error.

    Raises:
        AmendmentSyntaxError: a line cannot be understood, or a number repeats.
        InputError: a file cannot be read (``DocxError``: a Word file cannot be opened).
        TrackedChangesError: a Word file holds tracked changes.
    """
    return read_amendment_files(paths, readers=READERS)


def render_amendment_listing(
    doc: Document,
    amendments: Sequence[Amendment],
    fmt: str,
    *,
    voting: bool = False,
    votes: RecordedVotes | None = None,
) -> bytes:
    """The compilation of ``amendments`` (or with ``voting`` the voting list, its
    result columns filled from ``votes`` when given) in ``fmt`` (``.md``, ``.txt``,
    ``.html``, ``.docx``).

    Raises:
        InputError: no such format.
        VotesFileError: ``votes`` name an amendment not on the list, or one that fell.
    """
    ams = list(amendments)
    title = f"{doc.metadata.body} Resolution {doc.number}".strip() if doc.number else doc.title
    if fmt not in (*HTML_SUFFIXES, ".docx", *TEXT_SUFFIXES):
        raise InputError(
            f"drafting cannot write the amendments as {fmt or 'a file without an extension'}",
            hint="use .md, .html or .docx",
        )
    if voting or votes is not None:
        return _render_voting_paper(voting_paper_for(doc, ams, votes), title, fmt)
    if fmt in HTML_SUFFIXES:
        from drafting.render import amendments_html

        return amendments_html.compilation_html(compile_amendments(doc, ams), title).encode()
    if fmt == ".docx":
        from drafting.docx_export.amendments_docx import compilation_docx

        return compilation_docx(compile_amendments(doc, ams), title)
    return compilation_markdown(compile_amendments(doc, ams), title).encode("utf-8")


def voting_paper_for(
    doc: Document, amendments: Sequence[Amendment], votes: RecordedVotes | None = None
) -> VotingPaper:
    """The voting paper for ``amendments`` on ``doc``: a row per vote, the vote on the
    text as a whole (named from the document) last, results from ``votes`` if given.

    Raises:
        VotesFileError: ``votes`` name an amendment not on the list, or one that fell.
    """
    withdrawn = [a.number for a in amendments if a.status == "withdrawn"]
    items = voting_list(doc, amendments)
    return record_votes(items, votes, text=text_kind(doc), withdrawn=withdrawn)


def _render_voting_paper(paper: VotingPaper, title: str, fmt: str) -> bytes:
    if fmt in HTML_SUFFIXES:
        from drafting.render import amendments_html

        return amendments_html.voting_list_html(paper, title).encode("utf-8")
    if fmt == ".docx":
        from drafting.docx_export.amendments_docx import voting_list_docx

        return voting_list_docx(paper, title)
    return voting_list_markdown(paper, title).encode("utf-8")


def check_files(draft: str | Path, amendment_files: Paths) -> CheckReport:
    """Check every amendment in ``amendment_files`` against ``draft`` as tabled.

    Raises:
        InputError, AmendmentSyntaxError: a file cannot be read or understood.
    """
    amendments, unreadable = read_amendment_files_leniently(amendment_files, readers=READERS)
    report = check(load_document(draft), amendments)
    return replace(report, unreadable=tuple(str(e) for e in unreadable))


def list_files(
    draft: str | Path,
    amendment_files: Paths,
    *,
    output: str | Path | None = None,
    voting: bool = False,
    votes: str | Path | None = None,
    force: bool = False,
) -> bytes:
    """The compilation (or with ``voting`` the voting list); written to ``output`` when given,
    in the format its extension names (``.md`` when there is no output).  ``votes``, a
    votes file (see :mod:`drafting.amendments.votes`), fills the voting list's result
    columns and implies ``voting``.

    Raises:
        OutputError: ``output`` is an input, or exists without ``force``.
        InputError, AmendmentSyntaxError: an input cannot be read.
        VotesFileError: the votes file cannot be read, names an amendment not on the
            list, or gives figures for one that fell.
    """
    inputs = [draft, *amendment_files, *([votes] if votes is not None else [])]
    fmt = Path(output).suffix.lower() if output is not None else ".md"
    if output is not None:
        io.check_output(output, inputs=inputs, force=force)
    recorded = read_vote_counts(votes) if votes is not None else None
    data = render_amendment_listing(
        load_document(draft),
        read_amendments(amendment_files),
        fmt,
        voting=voting,
        votes=recorded,
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
    amendments = read_amendments(amendment_files)
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
        read_amendments(amendment_files),
        votes=_decided(votes) if votes else None,
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


def _decided(path: str | Path) -> dict[str, Status]:
    """The outcome of each vote in the votes file at ``path``, in either of its forms
    (``4: adopted`` or the figures, ``4: 45-12-3``), as the status the amendment takes.

    A vote not yet taken, or one that fell, leaves the amendment's own status: what
    falls is decided where the amendments are applied.
    """
    from drafting.amendments.votes import read_vote_counts

    out: dict[str, Status] = {}
    for number, tally in read_vote_counts(path).amendments.items():
        outcome = tally.outcome
        if outcome in ("adopted", "rejected", "withdrawn"):
            out[number] = outcome
    return out
