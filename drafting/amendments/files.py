"""Amendment and votes files from disk, by extension: ``.txt``/``.md`` or AKN ``.xml``.

Other kinds (a Word ``.docx``) are read by the layers that know them: a caller passes
``readers``, each turning a file of its kind into amendment text, and the text is
read here like any other (:mod:`drafting.amending` passes the Word reader, which
this package may not import).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from drafting.amendments.akn import read_amendments_xml
from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.model import Amendment, Status
from drafting.amendments.parser import (
    MAX_BYTES,
    parse_amendments,
    parse_amendments_leniently,
    read_text_file,
)
from drafting.amendments.votes import parse_votes
from drafting.errors import InputError
from drafting.reading import read_bytes

TEXT = (".txt", ".md", ".markdown")

#: Readers of other kinds of amendment file, by suffix (``".docx"``): each gives the
#: amendments of a file as amendment text, or raises a ``DraftingError``.
TextReaders = Mapping[str, Callable[[Path], str]]


def read_amendment_file(path: str | Path, *, readers: TextReaders | None = None) -> list[Amendment]:
    """The amendments in one file; ``readers`` read the kinds of file named there.

    Raises:
        InputError: missing, unreadable, or of a kind drafting does not read.
        AmendmentSyntaxError: a line cannot be understood.
        XMLSyntaxError: an ``.xml`` file is not well-formed.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in TEXT:
        return parse_amendments(read_text_file(p), str(p))
    if readers is not None and suffix in readers:
        return parse_amendments(readers[suffix](p), str(p))
    if suffix in (".xml", ".akn"):
        return read_amendments_xml(read_bytes(p, MAX_BYTES), str(p))
    if suffix == ".docx":
        raise InputError(
            "Word amendments are read by drafting.amending.read_amendments (and the"
            " command line), not by drafting.amendments",
            hint="call drafting.amending.read_amendments, or save the file as plain text (.txt)",
            file=p,
        )
    raise InputError(
        f"drafting does not read amendments from {suffix or 'files without an extension'}",
        hint="give a .txt, .md or AKN .xml file",
        file=p,
    )


def read_amendment_files(
    paths: Sequence[str | Path], *, readers: TextReaders | None = None
) -> list[Amendment]:
    """The amendments in all ``paths``, in order; a number used twice is an error.

    Raises:
        AmendmentSyntaxError: as :func:`read_amendment_file`, or a number repeats across files.
        InputError: a file cannot be read.
    """
    amendments, problems = read_amendment_files_leniently(paths, readers=readers)
    if problems:
        raise problems[0]
    return amendments


def read_amendment_files_leniently(
    paths: Sequence[str | Path], *, readers: TextReaders | None = None
) -> tuple[list[Amendment], list[AmendmentSyntaxError]]:
    """The readable amendments in all ``paths``, and one error per unreadable amendment.

    Raises:
        AmendmentSyntaxError: a file as a whole cannot be read, or a number repeats.
        InputError: a file cannot be read.
    """
    out: list[Amendment] = []
    problems: list[AmendmentSyntaxError] = []
    seen: dict[str, Amendment] = {}
    for path in paths:
        p = Path(path)
        suffix = p.suffix.lower()
        reader = readers.get(suffix) if readers is not None and suffix not in TEXT else None
        if suffix in TEXT or reader is not None:
            text = reader(p) if reader is not None else read_text_file(p)
            found, bad = parse_amendments_leniently(text, str(p))
            problems.extend(bad)
        else:
            found = read_amendment_file(p)
        for a in found:
            if a.number in seen:
                first = seen[a.number]
                raise AmendmentSyntaxError(
                    f"amendment {a.number} is also in {first.source}",
                    hint="give each amendment its own number",
                    file=a.source,
                    line=a.line,
                    amendment=a.number,
                )
            seen[a.number] = a
            out.append(a)
    return out, problems


def read_votes(path: str | Path) -> dict[str, Status]:
    """Votes from a file of lines ``4: adopted``.

    Raises:
        InputError: the file cannot be read.
        VotesFileError: a line is not a vote.
    """
    p = Path(path)
    return parse_votes(read_text_file(p), str(p))
