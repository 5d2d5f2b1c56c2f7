"""Word import at benchmark scale: the generator's resolution survives export then import.

The benchmark (``benchmarks/run.py``) times importing the .docx that drafting's
own export writes from ``benchmarks/generate.py``; a faster importer is worth
nothing unless that import still gives back every clause.  N = 150 keeps the
test fast while holding every shape the generator makes: bold lead phrases,
one number sequence across preambular and operative paragraphs (NATO PA),
operative paragraphs with three to five sub-paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_valid, benchmark_generator

from drafting import formats
from drafting.docx_export import write_docx
from drafting.docx_import import DocxImportResult
from drafting.model import Document

N = 150


@pytest.fixture(scope="module")
def original() -> Document:
    doc = benchmark_generator().make_resolution(N)
    assert isinstance(doc, Document)
    return doc


@pytest.fixture(scope="module")
def imported(original: Document, tmp_path_factory: pytest.TempPathFactory) -> DocxImportResult:
    path = Path(tmp_path_factory.mktemp("scale")) / f"generated-{N}.docx"
    path.write_bytes(write_docx(original))
    result = formats.import_file(path)
    assert isinstance(result, DocxImportResult)
    return result


def test_the_generated_resolution_has_the_benchmark_shape(original: Document) -> None:
    assert len(original.top_level) == N
    assert len(original.recitals) == 90
    assert all(3 <= len(p.children) <= 5 for p in original.paragraphs)


def test_every_clause_comes_back_with_its_kind_number_and_words(
    original: Document, imported: DocxImportResult
) -> None:
    def clauses(doc: Document) -> list[tuple[str, str | None, str | None, str]]:
        return [(p.kind, p.ref, p.num, p.markup) for p in doc.provisions()]

    assert clauses(imported.document) == clauses(original)


def test_every_clause_keeps_its_identifiers(original: Document, imported: DocxImportResult) -> None:
    def ids(doc: Document) -> list[tuple[str | None, str | None]]:
        return [(p.eid, p.wid) for p in doc.provisions()]

    assert ids(imported.document) == ids(original)


def test_the_title_and_number_come_back(original: Document, imported: DocxImportResult) -> None:
    assert imported.document.title == original.title
    assert imported.document.metadata.number == original.metadata.number


def test_every_character_is_imported_and_nothing_is_warned_about(
    imported: DocxImportResult,
) -> None:
    report = imported.report
    assert report.unaccounted == 0
    assert report.listed == []
    assert report.provisions == sum(1 for _ in imported.document.provisions())
    assert imported.warnings == []
    assert imported.style.name == "nato-pa"


def test_the_imported_resolution_is_valid(imported: DocxImportResult) -> None:
    assert_valid(imported.document)
