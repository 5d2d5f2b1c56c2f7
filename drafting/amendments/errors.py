"""The errors of the amendments package, each saying what is wrong and what to do."""

from __future__ import annotations

from drafting.errors import DraftingError, InputError


class AmendmentSyntaxError(InputError):
    """A line of an amendment file cannot be understood."""


def syntax_error(source: str, line: int, number: str, what: str, hint: str) -> AmendmentSyntaxError:
    """The error for line ``line`` of amendment ``number`` in ``source``."""
    return AmendmentSyntaxError(what, hint=hint, file=source, line=line, amendment=number)


class AmendmentTargetError(DraftingError):
    """An amendment names a provision or words the draft does not have (or has twice)."""


class AmendmentApplicationError(DraftingError):
    """Adopted amendments cannot all be applied; nothing was changed."""


class VotesFileError(InputError):
    """A votes file line is not ``NUMBER: adopted|rejected|withdrawn``."""
