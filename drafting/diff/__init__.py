"""Diff two versions of a resolution clause by clause, word by word."""

from drafting.diff.api import amendment_labels, apply_diff, diff_documents, same_lineage
from drafting.diff.records import Change, DiffResult, Run, Side, Slot, WordOp

__all__ = [
    "Change",
    "DiffResult",
    "Run",
    "Side",
    "Slot",
    "WordOp",
    "amendment_labels",
    "apply_diff",
    "diff_documents",
    "same_lineage",
]
