"""Every bundled example, in every export format, matches its reviewed golden file.

Regenerate on purpose only: ``DRAFTING_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py``,
then read the diff like code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN
from docx_dump import dump

from drafting import io
from drafting.docx_export import write_docx
from drafting.formats import render
from drafting.model import Document

UPDATE = os.environ.get("DRAFTING_UPDATE_GOLDEN") == "1"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.akn.xml"))

FORMATS: dict[str, Callable[[Document], str]] = {
    "resolution.docx.txt": lambda d: dump(write_docx(d)),
    "resolution.word-numbering.docx.txt": lambda d: dump(write_docx(d, word_numbering=True)),
    "resolution.html": lambda d: render(d, ".html").decode("utf-8"),
    "resolution.md": lambda d: render(d, ".md").decode("utf-8"),
    "resolution.txt": lambda d: render(d, ".txt").decode("utf-8"),
}


def _name(path: Path) -> str:
    return path.name.removesuffix(".akn.xml")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=_name)
def test_export_matches_the_golden_file(example: Path, fmt: str) -> None:
    got = FORMATS[fmt](io.load(example))
    expected_path = GOLDEN / "export" / _name(example) / fmt
    if UPDATE:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.exists(), (
        f"no golden file {expected_path}; run with DRAFTING_UPDATE_GOLDEN=1"
    )
    assert got == expected_path.read_text(encoding="utf-8")


def test_every_example_has_golden_files_for_every_format() -> None:
    assert EXAMPLE_FILES
    for example in EXAMPLE_FILES:
        folder = GOLDEN / "export" / _name(example)
        assert sorted(p.name for p in folder.iterdir()) == sorted(FORMATS)


def test_two_exports_of_the_same_document_are_the_same_word_text(r495: Document) -> None:
    assert dump(write_docx(r495)) == dump(write_docx(r495.copy()))
