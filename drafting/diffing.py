"""Diffing files: the one call ``drafting diff`` makes.

The diff itself is data (:mod:`drafting.diff`); this module reads the two versions
in whatever format they come, picks the output format and writes it atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafting import io
from drafting.errors import InputError
from drafting.formats import load_document, suffix_of

if TYPE_CHECKING:
    from drafting.diff.records import DiffResult
    from drafting.model.document import Document


DIFF_FORMATS = ("text", "html", "docx", "columns-docx", "columns-html", "json")
_DIFF_SUFFIX = {".txt": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".json": "json"}


def diff_format_for(out: str | Path | None, fmt: str | None) -> str:
    """The diff output format: ``fmt`` when given, else from the output's extension.

    Raises:
        InputError: the extension names no diff format.
    """
    if fmt:
        if out is not None:
            want = {"columns-docx": ".docx", "columns-html": ".html"}.get(fmt)
            suffix = suffix_of(Path(out))
            expected = want or next((k for k, v in _DIFF_SUFFIX.items() if v == fmt), suffix)
            if suffix != expected and not (expected == ".html" and suffix == ".htm"):
                raise InputError(
                    f"--format {fmt} writes a {expected} file, but the output is named"
                    f" {suffix or 'without an extension'}",
                    file=str(out),
                    hint=f"name the output *{expected}, or leave out --format",
                )
        return fmt
    if out is None:
        return "text"
    suffix = suffix_of(Path(out))
    if suffix not in _DIFF_SUFFIX:
        raise InputError(
            f"drafting cannot write a diff as {suffix or 'a file without an extension'}",
            file=str(out),
            hint="use .txt, .html, .docx or .json, or give --format",
        )
    return _DIFF_SUFFIX[suffix]


def render_diff(
    result: DiffResult,
    fmt: str,
    *,
    color: bool = False,
    new: Document | None = None,
    template: str | Path | None = None,
) -> bytes:
    """The bytes of ``result`` in diff format ``fmt`` (one of :data:`DIFF_FORMATS`).

    ``new``, the version diffed to, makes the Word redline that document as exported
    (with ``template``), its changes tracked.

    Raises:
        InputError: no such format.
        TemplateError, TemplateStyleError: the template cannot be used.
    """
    from drafting.diff.text import render_text

    if fmt == "text":
        return render_text(result, color=color).encode("utf-8")
    if fmt == "json":
        return _json(result)
    if fmt == "html":
        from drafting.render.diff_html import render_diff_html

        return render_diff_html(result).encode("utf-8")
    if fmt == "columns-html":
        from drafting.render.columns_html import render_columns_html

        return render_columns_html(result).encode("utf-8")
    if fmt == "docx":
        from drafting.docx_export.redline import redline_docx

        return redline_docx(result, new=new, template=template)
    if fmt == "columns-docx":
        from drafting.docx_export.columns import columns_docx

        return columns_docx(result)
    raise InputError(f"unknown diff format {fmt!r}", hint=f"use one of {', '.join(DIFF_FORMATS)}")


def _json(result: DiffResult) -> bytes:
    """``json.dumps(result.to_json(), indent=2)``, one change at a time.

    The whole record tree of a 5,000-paragraph diff costs ~40 MB more at once than
    its changes encoded one by one; the text is the same (a JSON string holds no raw
    line break, so indenting each line of a change nests it exactly).
    """
    import json

    # Not to_json(): it would build every change's record at once.
    head = json.dumps({**result.head_json(), "changes": []}, indent=2, ensure_ascii=False)
    changes = result.differences  # a property that filters every change: read it once
    if not changes:
        return (head + "\n").encode()
    assert head.endswith("[]\n}")
    parts = [head[: -len("]\n}")], "\n"]
    last = len(changes) - 1
    for i, change in enumerate(changes):
        text = json.dumps(change.to_json(), indent=2, ensure_ascii=False)
        parts.append("    " + text.replace("\n", "\n    "))
        parts.append(",\n" if i < last else "\n")
    parts.append("  ]\n}\n")
    return "".join(parts).encode()


def diff_files(
    old: str | Path,
    new: str | Path,
    *,
    out: str | Path | None = None,
    fmt: str | None = None,
    ignore_numbering: bool = False,
    color: bool = False,
    template: str | Path | None = None,
    force: bool = False,
) -> tuple[DiffResult, bytes]:
    """Diff two versions (AKN, text, Markdown or Word) and render the result.

    Returns the :class:`drafting.diff.DiffResult` and the rendered bytes; when
    ``out`` is given the bytes are also written there, atomically.

    Raises:
        InputError: an input cannot be read, or the format is unknown.
        OutputError: ``out`` is an input, or exists without ``force``.
    """
    from drafting.diff import diff_documents

    kind = diff_format_for(out, fmt)
    target = io.check_output(out, inputs=[old, new], force=force) if out is not None else None
    new_doc = load_document(new)
    result = diff_documents(
        load_document(old),
        new_doc,
        ignore_numbering=ignore_numbering,
        old_name=Path(old).name,
        new_name=Path(new).name,
    )
    data = render_diff(result, kind, color=color and target is None, new=new_doc, template=template)
    if target is not None:
        io.write_atomic(target, data)
    return result, data
