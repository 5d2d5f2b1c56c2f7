"""The one exception family of drafting.

Every failure a user can cause (a bad file, a paragraph that does not exist, an
amendment that cannot be applied) is a :class:`DraftingError`.  Each carries where
it happened so the CLI can print one line a secretary can act on:
``error: FILE:LINE: eId: what is wrong; what to do``.  ``ValueError`` and
``TypeError`` are kept for programming mistakes (misused arguments).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of file, line, eId, amendment may be unknown."""

    file: str | None = None
    line: int | None = None
    eid: str | None = None
    amendment: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.amendment:
            parts.append(f"amendment {self.amendment}")
        if self.eid:
            parts.append(self.eid)
        return ": ".join(parts)


class DraftingError(Exception):
    """Base of every error a user can cause; carries a location and a hint."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: str | Path | None = None,
        line: int | None = None,
        eid: str | None = None,
        amendment: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = Location(
            file=str(file) if file is not None else None, line=line, eid=eid, amendment=amendment
        )

    def with_file(self, file: str | Path) -> DraftingError:
        """Return this error with its file filled in, when the raiser did not know it."""
        if self.location.file is None:
            loc = self.location
            self.location = Location(str(file), loc.line, loc.eid, loc.amendment)
        return self

    def __str__(self) -> str:
        where = str(self.location)
        text = f"{where}: {self.message}" if where else self.message
        return f"{text}; {self.hint}" if self.hint else text


class InputError(DraftingError):
    """A file cannot be read: missing, unreadable, of an unknown kind, or damaged."""


class XMLSyntaxError(InputError):
    """The file is not well-formed XML, or uses features refused for safety."""


class NotAkomaNtosoError(InputError):
    """Well-formed XML that is not an Akoma Ntoso resolution."""


class SchemaError(DraftingError):
    """A document breaks the official AKN 3.0 schema or the drafting profile."""


class TextFormatError(InputError):
    """A plain-text or Markdown resolution cannot be understood."""


class ProvisionNotFoundError(DraftingError):
    """A reference such as ``13(b)`` names no provision of the document."""


class OutputError(DraftingError):
    """An output cannot be written (exists already, would overwrite an input, no access)."""
