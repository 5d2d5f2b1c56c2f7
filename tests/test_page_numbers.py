"""Page numbers and the running reference: a printed paper is discussed by page.

The final Word text and the Word redline carry a PAGE field in the footer; a house
style may print the document's reference in the header (the UN symbol).  A template's
own header or footer is the secretariat's and stays as it is.  Importing an exported
file does not report a page number as text left out.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from conftest import EXAMPLES
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_dump import W

from drafting import io as dio
from drafting.diff import diff_documents
from drafting.docx_export import styles as S
from drafting.docx_export import write_docx
from drafting.docx_export.redline import redline_docx
from drafting.docx_import import import_docx


def _word(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _template() -> docx.document.Document:
    t = docx.Document()
    for name in S.RESOLUTION_STYLES:
        t.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    return t


def _codes(part: docx.section._Footer | docx.section._Header) -> list[str]:
    return [(t.text or "").strip() for t in part._element.iter(f"{{{W}}}instrText")]


def test_the_final_text_numbers_its_pages_in_the_centre_of_the_footer() -> None:
    word = _word(write_docx(dio.load(EXAMPLES / "resolution-495.akn.xml")))
    footer = word.sections[0].footer
    assert _codes(footer) == ["PAGE"]
    assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not word.sections[0].header.paragraphs[0].text  # NATO PA: no running reference


def test_a_un_resolution_carries_its_symbol_in_the_header() -> None:
    doc = dio.load(EXAMPLES / "un-ga-example.akn.xml")
    header = _word(write_docx(doc)).sections[0].header
    assert header.paragraphs[0].text == f"A/RES/{doc.metadata.number}"
    assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_a_templates_own_footer_is_kept_and_an_empty_one_gets_the_page(tmp_path: Path) -> None:
    doc = dio.load(EXAMPLES / "resolution-495.akn.xml")
    own, empty = _template(), _template()
    own.sections[0].footer.paragraphs[0].text = "NATO PA – Science and Technology Committee"
    own.save(str(tmp_path / "own.docx"))
    empty.save(str(tmp_path / "empty.docx"))
    kept = _word(write_docx(doc, template=tmp_path / "own.docx")).sections[0].footer
    assert [p.text for p in kept.paragraphs] == ["NATO PA – Science and Technology Committee"]
    assert _codes(kept) == []
    added = _word(write_docx(doc, template=tmp_path / "empty.docx")).sections[0].footer
    assert _codes(added) == ["PAGE"]


def test_the_redline_numbers_its_pages_too() -> None:
    a = dio.load(EXAMPLES / "resolution-495.akn.xml")
    assert _codes(_word(redline_docx(diff_documents(a, a))).sections[0].footer) == ["PAGE"]


def test_an_exported_file_imports_without_its_page_number_reported(tmp_path: Path) -> None:
    path = tmp_path / "un.docx"
    path.write_bytes(write_docx(dio.load(EXAMPLES / "un-ga-example.akn.xml")))
    listed = [(x.kind, x.text) for x in import_docx(path).report.listed]
    assert ("footer", "1") not in listed
    assert [kind for kind, _ in listed] == ["header"]  # the symbol: words, so reported
