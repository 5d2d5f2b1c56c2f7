"""Reading a user's file: bounded, with one clear error for each way it can fail.

Every reader of the package comes through here, so a file that is missing, a
folder, unreadable, far too large, or endless (``/dev/zero`` named ``x.txt``) gets
the same one-line message, and no reader ever takes more than its limit into memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from drafting.errors import InputError

#: Largest text file (draft, amendments, votes) read: a resolution is a few dozen KB.
MAX_TEXT_BYTES: Final = 16 * 1024 * 1024


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path``, reading at most ``limit`` of them.

    Raises:
        InputError: missing, a folder, not readable, or larger than ``limit``.
    """
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file", hint="check the name and folder", file=p) from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", hint="give a file", file=p) from None
    except PermissionError:
        raise InputError("permission denied", hint="check the file's permissions", file=p) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", file=p) from None
    if len(data) > limit:
        raise InputError(
            f"the file is over the {limit // (1024 * 1024)} MB limit; a resolution is far smaller",
            hint="check that this is the right file",
            file=p,
        )
    return data


def read_text(path: str | Path, limit: int = MAX_TEXT_BYTES) -> str:
    """The text of ``path``: UTF-8 (with or without BOM), else Windows-1252 as old Word saves.

    Raises:
        InputError: as :func:`read_bytes`, or the file is binary or in neither encoding.
    """
    data = read_bytes(path, limit)
    if b"\x00" in data[:4096]:
        raise InputError(
            "this is not a text file",
            hint="give a .txt or .md file saved as UTF-8 text",
            file=Path(path),
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            "the text is neither UTF-8 nor Windows-1252",
            hint="save it as UTF-8 text",
            file=Path(path),
        ) from None
