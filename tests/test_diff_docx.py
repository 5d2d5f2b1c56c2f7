"""The Word redline: real tracked changes whose "Accept all" gives NEW and "Reject all" OLD."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from diff_cases import CASES, W, document_xml, provision_lines, tracked_text

from drafting.diff import diff_documents
from drafting.docx_export.columns import columns_docx
from drafting.docx_export.redline import redline_docx

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
