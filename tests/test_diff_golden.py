"""Golden outputs of the diff of each example and its edited version, in every format.

Regenerate on purpose with ``DRAFTING_UPDATE_GOLDEN=1 pytest tests/test_diff_golden.py``
and review the change like code.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import GOLDEN, assert_valid
from diff_cases import CASES, document_xml
from lxml import etree

from drafting.diff import DiffResult, diff_documents
from drafting.diffing import render_diff
from drafting.docx_export.columns import columns_docx
from drafting.docx_export.redline import redline_docx

DATE = dt.datetime(2024, 11, 25, 9, 0, tzinfo=dt.UTC)


def _docx_xml(data: bytes) -> bytes:
    return etree.tostring(document_xml(data), pretty_print=True, encoding="utf-8")


def _outputs(result: DiffResult) -> dict[str, bytes]:
    return {
        "diff.txt": render_diff(result, "text"),
        "diff.json": render_diff(result, "json"),
        "diff.html": render_diff(result, "html"),
        "columns.html": render_diff(result, "columns-html"),
        "redline.document.xml": _docx_xml(redline_docx(result, date=DATE)),
        "columns.document.xml": _docx_xml(columns_docx(result)),
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_diff_of_each_example_matches_its_golden_outputs(case: str) -> None:
    old, new = CASES[case]()
    assert_valid(new)
    result = diff_documents(old, new, old_name="draft.akn.xml", new_name="final.akn.xml")
    folder = GOLDEN / "diff" / case
    update = os.environ.get("DRAFTING_UPDATE_GOLDEN") == "1"
    for name, data in _outputs(result).items():
        path = folder / name
        if update:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.exists(), f"{path} missing; run with DRAFTING_UPDATE_GOLDEN=1 once"
        assert data == path.read_bytes(), f"{path} differs"
