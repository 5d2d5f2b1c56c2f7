"""The Word redline: real tracked changes whose "Accept all" gives NEW and "Reject all" OLD."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES
from diff_cases import CASES, W, document_xml, provision_lines, tracked_text
from lxml import etree

from drafting.diff import diff_documents
from drafting.docx_export import write_docx
from drafting.docx_export.columns import columns_docx
from drafting.docx_export.redline import redline_docx
from drafting.io import load
from drafting.model import Document

DATE = dt.datetime(2024, 11, 25, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("case", sorted(CASES))
def test_accepting_every_revision_gives_the_new_text(case: str) -> None:
    old, new = CASES[case]()
    data = redline_docx(diff_documents(old, new), date=DATE)
    assert tracked_text(data, accept=True) == provision_lines(new)


@pytest.mark.parametrize("case", sorted(CASES))
def test_rejecting_every_revision_gives_the_old_text(case: str) -> None:
    old, new = CASES[case]()
    data = redline_docx(diff_documents(old, new), date=DATE)
    assert tracked_text(data, accept=False) == provision_lines(old)


def test_revisions_carry_author_and_date_and_moves_use_move_ranges() -> None:
    old, new = CASES["r495-edits"]()
    root = document_xml(redline_docx(diff_documents(old, new), author="Secretariat", date=DATE))
    revisions = [el for tag in ("ins", "del", "moveFrom", "moveTo") for el in root.iter(W + tag)]
    assert revisions
    assert {el.get(W + "author") for el in revisions} == {"Secretariat"}
    assert {el.get(W + "date") for el in revisions} == {"2024-11-25T09:00:00Z"}
    ids = [el.get(W + "id") for el in revisions]
    assert len(ids) == len(set(ids))
    starts = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart")}
    assert starts and starts == {el.get(W + "name") for el in root.iter(W + "moveToRangeStart")}
    assert len(list(root.iter(W + "moveFromRangeEnd"))) == len(starts)


def test_an_inserted_paragraph_has_its_paragraph_mark_marked_inserted() -> None:
    old, new = CASES["r495-edits"]()
    root = document_xml(redline_docx(diff_documents(old, new), date=DATE))
    marked = [p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in marked]
    assert "2.\tNoting the work of the Alliance's DIANA;" in texts


def test_the_comparative_table_has_one_row_per_changed_provision_under_a_header() -> None:
    old, new = CASES["ep-edits"]()
    result = diff_documents(old, new)
    root = document_xml(columns_docx(result))
    rows = list(root.iter(W + "tr"))
    header = "".join(t.text or "" for t in rows[0].iter(W + "t"))
    assert header == "Draft textAmended text"
    # a label row and a text row per change
    assert len(rows) == 1 + 2 * len(result.differences)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_redline(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    old, new = CASES["r495-edits"]()
    src = tmp_path / "redline.docx"
    src.write_bytes(redline_docx(diff_documents(old, new), date=DATE))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "DIANA" in text


# -- the redline as the document itself ------------------------------------------------------


def _part_bytes(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def _exported(doc: Document) -> list[str]:
    return tracked_text(write_docx(doc), accept=True)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_redline_of_a_document_accepts_to_its_export_and_rejects_to_the_drafts(
    case: str,
) -> None:
    old, new = CASES[case]()
    data = redline_docx(diff_documents(old, new), date=DATE, new=new)
    assert tracked_text(data, accept=True) == _exported(new)
    assert tracked_text(data, accept=False) == _exported(old)


def test_the_redline_of_a_document_is_styled_and_laid_out_as_its_export() -> None:
    old, new = CASES["r495-edits"]()
    red, final = redline_docx(diff_documents(old, new), date=DATE, new=new), write_docx(new)
    for name in ("word/styles.xml", "word/footnotes.xml", "word/footer1.xml"):
        assert _part_bytes(red, name) == _part_bytes(final, name), name
    body = document_xml(red).find(f"{W}body")
    assert body is not None
    section = body.find(f"{W}sectPr")
    final_body = document_xml(final).find(f"{W}body")
    assert final_body is not None
    final_section = final_body.find(f"{W}sectPr")
    assert section is not None and final_section is not None
    assert etree.tostring(section) == etree.tostring(final_section)


def test_a_renumbering_revises_the_number_alone_and_keeps_the_tab() -> None:
    old, new = CASES["r495-edits"]()
    root = document_xml(redline_docx(diff_documents(old, new), date=DATE, new=new))
    renumbered = [
        p
        for p in root.iter(f"{W}p")
        if p.find(f"{W}del") is not None
        and p.find(f"{W}ins") is not None
        and p.find(f"{W}pPr/{W}rPr") is None
    ]
    assert renumbered
    for p in renumbered[:3]:
        first = [c for c in p if c.tag != f"{W}pPr"][:3]
        assert [etree.QName(c).localname for c in first] == ["del", "ins", "r"]
        assert first[2].find(f"{W}tab") is not None  # the tab, untracked
        assert first[0].find(f".//{W}tab") is None and first[1].find(f".//{W}tab") is None


def test_a_change_an_amendment_made_is_authored_by_the_amendment() -> None:
    from drafting.amendments import apply_amendments, read_amendment_files

    draft = load(EXAMPLES / "resolution-495.akn.xml")
    amended = apply_amendments(draft, read_amendment_files([EXAMPLES / "amendments-495.txt"]))
    result = diff_documents(draft, amended.document)
    root = document_xml(redline_docx(result, date=DATE, new=amended.document))
    authors = {el.get(f"{W}author") for tag in ("ins", "del") for el in root.iter(f"{W}{tag}")}
    assert any(a and a.startswith("Amendment") for a in authors), authors
    # The amendments changed the title too: the frame's title is revised, not rewritten.
    data = redline_docx(result, date=DATE, new=amended.document)
    assert tracked_text(data, accept=True) == _exported(amended.document)
    assert tracked_text(data, accept=False) == _exported(draft)


def test_diff_takes_the_exports_template_for_the_redline(tmp_path: Path) -> None:
    import docx
    from click.testing import CliRunner
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    from drafting.cli import cli
    from drafting.docx_export import styles as S

    old, new = CASES["r495-edits"]()
    paths = [tmp_path / "old.akn.xml", tmp_path / "new.akn.xml"]
    for doc, path in zip((old, new), paths, strict=True):
        path.write_bytes(doc.to_bytes())
    template = docx.Document()
    for name in S.RESOLUTION_STYLES:
        template.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).font.size = Pt(15)
    template.save(str(tmp_path / "house.docx"))
    out = tmp_path / "changes.docx"
    args = ["diff", *map(str, paths), "-o", str(out), "--template", str(tmp_path / "house.docx")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    word = docx.Document(str(out))
    assert word.styles[S.OPERATIVE].font.size == Pt(15)
    assert any(p.style is not None and p.style.name == S.OPERATIVE for p in word.paragraphs)
