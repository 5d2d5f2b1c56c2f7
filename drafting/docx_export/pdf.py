"""PDF through LibreOffice: the exported .docx, converted headless.

Conversion runs in a private temporary folder with its own LibreOffice profile,
so it works while the user has LibreOffice open and while other conversions run,
and it leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from drafting.errors import DraftingError

INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui;"
    " Windows/macOS: https://www.libreoffice.org/download/), or export to .docx and save"
    " it as PDF from Word"
)


class LibreOfficeMissingError(DraftingError):
    """PDF was asked for but LibreOffice (``soffice``) is not installed."""


class PdfConversionError(DraftingError):
    """LibreOffice ran but did not produce a PDF."""


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` on PATH; None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: float = 180.0) -> bytes:
    """The PDF LibreOffice makes of the .docx bytes ``docx``.

    Raises:
        LibreOfficeMissingError: ``soffice`` is not on PATH; the message says how to install it.
        PdfConversionError: LibreOffice failed or took longer than ``timeout`` seconds.
    """
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissingError(
            "writing PDF needs LibreOffice, which is not installed", hint=INSTALL_HINT
        )
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as tmp:
        folder = Path(tmp)
        src = folder / "resolution.docx"
        src.write_bytes(docx)
        out = folder / "out"
        out.mkdir()
        profile = (folder / "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out),
            str(src),
        ]
        env = {**os.environ, "HOME": str(folder)}
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=folder,
                start_new_session=True,
            )
        except OSError as exc:
            raise PdfConversionError(
                f"LibreOffice could not be started ({exc.strerror})", hint=INSTALL_HINT
            ) from exc
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # soffice forks; end its whole process group, which we started.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfConversionError(
                f"LibreOffice did not finish within {timeout:.0f} seconds",
                hint="try again; if it keeps failing, export to .docx and save as PDF from Word",
            ) from None
        pdf = out / "resolution.pdf"
        if proc.returncode != 0 or not pdf.exists():
            detail = err.decode("utf-8", "replace").strip().splitlines()
            why = f": {detail[-1]}" if detail else ""
            raise PdfConversionError(
                f"LibreOffice could not convert the document (exit {proc.returncode}{why})",
                hint="export to .docx and save it as PDF from Word or LibreOffice",
            )
        return pdf.read_bytes()
