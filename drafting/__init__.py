"""drafting: parliamentary resolutions as Akoma Ntoso, from Word draft to final text.

The public API::

    import drafting
    doc = drafting.load("resolution-495.akn.xml")
    doc.find("13(b)").text

Names are loaded on first use, so that ``drafting --help`` starts without lxml.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "DraftingError": "drafting.errors",
    "export_file": "drafting.formats",
    "import_file": "drafting.formats",
    "load_document": "drafting.formats",
    "validate_file": "drafting.formats",
    "run_demo": "drafting.demo",
    "diff_files": "drafting.diffing",
    "diff_documents": "drafting.diff",
    "amend_files": "drafting.amending",
    "check_files": "drafting.amending",
    "apply_amendments": "drafting.amendments",
    "parse_amendments": "drafting.amendments",
    "voting_list": "drafting.amendments",
    "import_docx": "drafting.docx_import",
    "write_docx": "drafting.docx_export",
    "load": "drafting.io",
    "loads": "drafting.io",
    "save": "drafting.io",
    "EP": "drafting.model",
    "NATO_PA": "drafting.model",
    "PACE": "drafting.model",
    "PLAIN": "drafting.model",
    "UN_GA": "drafting.model",
    "Document": "drafting.model",
    "HouseStyle": "drafting.model",
    "Metadata": "drafting.model",
    "Provision": "drafting.model",
    "get_style": "drafting.model",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:
    from drafting.amending import amend_files, check_files
    from drafting.amendments import apply_amendments, parse_amendments, voting_list
    from drafting.demo import run_demo
    from drafting.diff import diff_documents
    from drafting.diffing import diff_files
    from drafting.docx_export import write_docx
    from drafting.docx_import import import_docx
    from drafting.errors import DraftingError
    from drafting.formats import export_file, import_file, load_document, validate_file
    from drafting.io import load, loads, save
    from drafting.model import (
        EP,
        NATO_PA,
        PACE,
        PLAIN,
        UN_GA,
        Document,
        HouseStyle,
        Metadata,
        Provision,
        get_style,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'drafting' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
