"""PDF through LibreOffice: the numbered text on the page, and a picture of page 1 to look at.

The PNG of page 1 is kept in ``tests/artifacts/`` (git-ignored) so a person can
check the layout against the NATO PA's published Resolution 495.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from drafting import formats, io
from drafting.cli import cli
from drafting.docx_export import LibreOfficeMissingError, docx_to_pdf

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HAVE_TOOLS = all(shutil.which(t) for t in ("soffice", "pdftotext", "pdftoppm"))
libreoffice = pytest.mark.libreoffice
needs_tools = pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice or poppler not installed")


def pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


@libreoffice
@needs_tools
def test_the_pdf_holds_the_numbered_text_and_page_one_is_kept_as_a_picture(
    tmp_path: Path,
) -> None:
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    out = formats.export_file(doc, tmp_path / "resolution-495.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    text = pdftotext(out)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "RESOLUTION 495*" in lines
    assert any(line.startswith("1. Recognising that Artificial Intelligence") for line in lines)
    assert any(line.startswith("13. URGES member governments") for line in lines)
    assert any(line.startswith("a. to advance joint efforts") for line in lines)
    assert any(line.startswith("j. to continue to strongly support") for line in lines)
    assert "Presented by the Science and Technology Committee" in " ".join(lines)

    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "resolution-495-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(stem)],
        check=True,
        timeout=60,
    )
    pngs = sorted(ARTIFACTS.glob("resolution-495-page*.png"))
    assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG")


@libreoffice
@needs_tools
def test_word_numbering_shows_the_same_numbers_in_the_pdf(tmp_path: Path) -> None:
    doc = io.load(EXAMPLES / "un-ga-example.akn.xml")
    docx = tmp_path / "un.docx"
    formats.export_file(doc, docx, word_numbering=True)
    lines = [" ".join(x.split()) for x in pdftotext_of_docx(docx).splitlines()]
    assert any(x.startswith("2. Requests the Secretary-General:") for x in lines)
    assert any(x.startswith("(a) to strengthen the early warning") for x in lines)
    assert any(x.startswith("(ii) the sharing of meteorological") for x in lines)
    assert any(x.startswith("4. Decides to remain seized") for x in lines)


def pdftotext_of_docx(docx: Path) -> str:
    target = docx.with_suffix(".pdf")
    target.write_bytes(docx_to_pdf(docx.read_bytes()))
    return pdftotext(target)


def test_without_libreoffice_pdf_export_says_how_to_install_it_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    out = tmp_path / "r.pdf"
    with pytest.raises(LibreOfficeMissingError, match="apt-get install libreoffice-writer-nogui"):
        formats.export_file(io.load(EXAMPLES / "resolution-495.akn.xml"), out)
    assert not out.exists()
    res = CliRunner().invoke(
        cli, ["export", str(EXAMPLES / "resolution-495.akn.xml"), "-o", str(out)]
    )
    assert res.exit_code == 1
    assert res.stderr.startswith(
        "error: writing PDF needs LibreOffice, which is not installed; install LibreOffice"
    )
    assert not out.exists() and not list(tmp_path.iterdir())
