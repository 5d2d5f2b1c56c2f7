"""The one error of PDF import: a file drafting refuses to read, and what to do instead."""

from __future__ import annotations

from drafting.errors import InputError


class PdfError(InputError):
    """A PDF cannot be imported: not a PDF, protected, damaged, too large, or a scan."""
