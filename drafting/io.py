"""Paths and bytes to documents and back, validating both ways, writing atomically.

Nothing a user owns is ever lost here: outputs are written to a temporary file in
the destination folder and renamed into place, so a failure or Ctrl-C leaves the
old file intact and no partial file behind; an input is never overwritten, and an
existing output only when the caller says ``force``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from drafting.akn import schema
from drafting.akn.parser import parse_akn, read_akn_file
from drafting.errors import DraftingError, OutputError
from drafting.model.document import Document


def load(path: str | Path, *, validate: bool = True) -> Document:
    """Read an AKN resolution from ``path``.

    Raises:
        InputError: missing, unreadable, not XML, refused for safety.
        NotAkomaNtosoError: XML, but not an AKN resolution.
        SchemaError: ``validate`` and the document breaks the schema or profile.
    """
    p = Path(path)
    tree = read_akn_file(p)
    try:
        doc = Document(tree)
        if validate:
            schema.assert_valid(tree, str(p))
    except DraftingError as exc:
        raise exc.with_file(p) from None
    return doc


def loads(data: bytes, *, source: str = "<bytes>", validate: bool = True) -> Document:
    """Parse AKN bytes into a :class:`Document` (see :func:`load`)."""
    tree = parse_akn(data, source)
    try:
        doc = Document(tree)
        if validate:
            schema.assert_valid(tree, source)
    except DraftingError as exc:
        raise exc.with_file(source) from None
    return doc


def dumps(doc: Document, *, validate: bool = True) -> bytes:
    """The AKN bytes of ``doc``.

    Raises:
        SchemaError: ``validate`` and the document is not valid; nothing is produced.
    """
    if validate:
        schema.assert_valid(doc.tree, "<output>")
    return doc.to_bytes()


def check_output(
    path: str | Path, *, inputs: Iterable[str | Path] = (), force: bool = False
) -> Path:
    """Refuse an output path that is an input, or that exists without ``force``.

    Raises:
        OutputError: saying what to do instead.
    """
    out = Path(path)
    for src in inputs:
        with contextlib.suppress(OSError):
            same = Path(src).resolve() == out.resolve() or (
                Path(src).exists() and out.exists() and os.path.samefile(src, out)
            )
            if same:
                raise OutputError(
                    "the output is the same file as an input; drafting never overwrites its inputs",
                    hint="choose another output name",
                    file=str(out),
                )
    if out.exists() and out.is_dir():
        raise OutputError("the output is a folder", hint="give a file name", file=str(out))
    if out.exists() and not force:
        raise OutputError(
            "the output file exists already",
            hint="choose another name, or add --force to replace it",
            file=str(out),
        )
    if not out.parent.exists():
        raise OutputError(
            f"the folder {out.parent} does not exist", hint="create it first", file=str(out)
        )
    return out


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: temporary file in the same folder, then rename.

    Raises:
        OutputError: the folder cannot be written.
    """
    out = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise OutputError(
            f"cannot write here ({exc.strerror})",
            hint="check the folder's permissions",
            file=str(out),
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would,
        # or the mode of the file it replaces, so colleagues can still read the output.
        os.chmod(tmp, _mode_for(out))
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def save(doc: Document, path: str | Path, *, validate: bool = True) -> None:
    """Validate ``doc`` and write it to ``path`` atomically.

    Raises:
        SchemaError: the document is not valid; nothing is written.
        OutputError: the file cannot be written.
    """
    write_atomic(path, dumps(doc, validate=validate))
