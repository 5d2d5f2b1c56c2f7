"""One decision for every importer: is the draft a resolution or a clause-structured
text (rules, bylaws, a constitution, a bill)?

Word, text and PDF reach it with the same neutral paragraphs, so the same draft
comes out the same whatever its format.  The labels and styles decide: a draft with
groups ("PART 1", "CHAPTER II"), numbering words ("Article 35", "Rule 5") or a bill's
"1.—(1)" is laid out as the AKN hierarchy; anything else as a resolution, exactly as
before.  The user may say which with ``--as``.
"""

from __future__ import annotations

from collections.abc import Callable

from drafting.errors import DraftingError
from drafting.layout.build import Built, NoteText, Options, build
from drafting.layout.clause_build import build_clauses
from drafting.layout.clauses import clause_evidence, lay_out_clauses
from drafting.layout.source import Block
from drafting.layout.structure import Layout, lay_out
from drafting.model.structure import STRUCTURES

#: The Word document property drafting's export of a clause text names its kind in.
DOC_TYPE = "AKN.docType"
#: Labels and styles of a clause-structured text from which a draft is one.
_EVIDENCE = 3


class UnknownStructureError(DraftingError):
    """``--as`` names no kind of document drafting knows."""


def compose(
    blocks: list[Block],
    options: Options,
    notes: NoteText,
    as_: str | None = None,
    *,
    prepare: Callable[[Layout], None] | None = None,
) -> Built:
    """The document ``blocks`` make: a resolution, or the structure ``as_`` names
    (``resolution``, ``rules``, ``act``, ``bill``), or the one their labels show.

    ``prepare`` sees a resolution's layout before it is built (the text reader adds
    the footnotes a Markdown file defines apart from the text)."""
    if as_ is not None and as_ not in STRUCTURES:
        raise UnknownStructureError(
            f"{as_!r} is not a kind of document drafting knows",
            hint="give --as " + ", ".join(STRUCTURES),
        )
    if as_ is None and options.props.get(DOC_TYPE) in STRUCTURES:
        as_ = options.props[DOC_TYPE]  # drafting's own export says what it wrote
    if as_ == "resolution" or (as_ is None and clause_evidence(blocks) < _EVIDENCE):
        layout = lay_out(blocks)
        if prepare is not None:
            prepare(layout)
        return build(layout, options, notes)
    bill = None if as_ is None else as_ == "bill"
    return build_clauses(lay_out_clauses(blocks, bill=bill), options, notes, as_)
