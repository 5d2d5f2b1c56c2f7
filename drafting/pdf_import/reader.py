"""Read a PDF a user gives, as untrusted input: refuse clearly, or return its lines.

The file may be anything: a Word file renamed ``.pdf``, a password-protected
export, a truncated download, a scan with no text, or something built to exhaust
the reader.  Each of those is refused with one :class:`PdfError` saying what to do,
before pdfplumber does much work where possible (size and header first, page
count before pages), and every exception pdfminer or pdfplumber raises becomes a
``PdfError``: nothing else escapes :func:`read_pdf`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1

from drafting.errors import DraftingError, InputError
from drafting.pdf_import.errors import PdfError
from drafting.pdf_import.words import Word, lines_of_words
from drafting.reading import read_bytes
from drafting.text.lines import Line

#: Largest PDF read: a resolution's PDF is a few hundred KB, a whole session's a few MB.
MAX_PDF_BYTES: Final = 50 * 1024 * 1024
#: Most pages read: more is a compilation, not a draft.
MAX_PDF_PAGES: Final = 2000

_OTHER_FORMATS = (
    (b"PK\x03\x04", "it is a ZIP package, such as a Word .docx file", "import the .docx itself"),
    (b"\xd0\xcf\x11\xe0", "it is an old Office file, such as a Word .doc", "save it as .docx"),
    (b"{\\rtf", "it is an RTF file", "open it in Word and save it as .docx"),
    (b"<", "it is XML or HTML", "import the original document"),
)
_DAMAGED_HINT = "open it in a PDF viewer and save or print it to a new PDF, or import the original"


@dataclass(frozen=True)
class PdfText:
    """The lines of a PDF, top to bottom and page by page, with what was noticed.

    ``title`` is the title in the PDF's metadata, None when it has none.
    """

    lines: list[Line]
    pages: int
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_pdf(path: str | Path) -> PdfText:
    """The lines of the PDF at ``path``, with bold and italic marked and positions kept.

    Raises:
        PdfError: the file is missing or unreadable, over :data:`MAX_PDF_BYTES`, not a
            PDF, protected by a password or against copying, damaged, over
            :data:`MAX_PDF_PAGES` pages, or has no text (a scan).
    """
    p = Path(path)
    data = _read(p)
    try:
        return _extract(data, p)
    except DraftingError:
        raise
    except PDFPasswordIncorrect:
        raise _protected(p) from None
    except Exception as exc:  # pdfminer raises many types, none of them a promise
        if _is_password_error(exc):
            raise _protected(p) from None
        raise PdfError(
            f"the PDF is damaged and cannot be read ({_describe(exc)})",
            hint=_DAMAGED_HINT,
            file=p,
        ) from None


def pdf_lines(path: str | Path) -> list[Line]:
    """The lines of the PDF at ``path``: :func:`read_pdf` without the rest.

    Raises:
        PdfError: as :func:`read_pdf`.
    """
    return read_pdf(path).lines


def _read(p: Path) -> bytes:
    try:
        size = p.stat().st_size
    except OSError:
        size = 0  # read_bytes says what is wrong
    if size > MAX_PDF_BYTES:
        raise PdfError(
            f"the file is {size // (1024 * 1024)} MB, over the {MAX_PDF_BYTES // (1024 * 1024)}"
            " MB limit for a PDF; a resolution is far smaller",
            hint="check that this is the right file, or split it",
            file=p,
        )
    try:
        data = read_bytes(p, MAX_PDF_BYTES)
    except InputError as exc:
        raise PdfError(exc.message, hint=exc.hint, file=p) from None
    head = data[:1024]
    if b"%PDF-" not in head:
        what, todo = "it does not start with %PDF-", "give the PDF file, or import the original"
        for magic, kind, hint in _OTHER_FORMATS:
            if head.lstrip().startswith(magic):
                what, todo = kind, hint
                break
        raise PdfError(f"this is not a PDF file: {what}", hint=todo, file=p)
    return data


def _extract(data: bytes, p: Path) -> PdfText:
    warnings: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        doc = pdf.doc
        if doc.encryption is not None:
            if not doc.is_extractable:
                raise PdfError(
                    "the PDF's owner forbids copying its text",
                    hint="ask the author for the Word original or an unrestricted PDF",
                    file=p,
                )
            warnings.append("the PDF is encrypted but allows copying; its text was read")
        count = _declared_pages(doc.catalog)
        if count is not None and count > MAX_PDF_PAGES:
            raise _too_many(count, p)
        pages = pdf.pages
        if len(pages) > MAX_PDF_PAGES:
            raise _too_many(len(pages), p)
        lines: list[Line] = []
        empty: list[int] = []
        skipped = 0
        for number, page in enumerate(pages, 1):
            words, turned = _words(page)
            skipped += turned
            if not words:
                empty.append(number)
            lines.extend(lines_of_words(words, number, float(page.height)))
            page.close()
        title = _title(pdf.metadata)
    if not lines:
        raise PdfError(
            "the PDF has no text to read: it looks like a scan or an image",
            hint="run OCR on it, or import the Word original",
            file=p,
        )
    if empty:
        warnings.append(
            f"page{'s' if len(empty) > 1 else ''} {_ranges(empty)} "
            "had no text (images only?) and gave nothing"
        )
    if skipped:
        warnings.append(f"{skipped} words of rotated or vertical text were left out")
    return PdfText(lines, len(pages), title, warnings)


def _words(page: Any) -> tuple[list[Word], int]:
    """The upright words of a pdfplumber page, and how many others were left out."""
    raw = page.extract_words(
        extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=True
    )
    words: list[Word] = []
    turned = 0
    for w in raw:
        if not w.get("upright", True):
            turned += 1
            continue
        words.append(
            Word(
                text=str(w["text"]),
                x0=float(w["x0"]),
                x1=float(w["x1"]),
                top=float(w["top"]),
                bottom=float(w["bottom"]),
                fontname=str(w.get("fontname", "")),
                size=float(w.get("size", 0.0)),
            )
        )
    return words, turned


def _declared_pages(catalog: Any) -> int | None:
    """The page count the page tree declares, read before pdfplumber walks the tree."""
    try:
        count = resolve1(resolve1(catalog["Pages"])["Count"])
    except Exception:  # a damaged tree; pdfplumber's own walk decides
        return None
    return count if isinstance(count, int) else None


def _title(metadata: Any) -> str | None:
    value = metadata.get("Title") if isinstance(metadata, dict) else None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def _is_password_error(exc: BaseException) -> bool:
    """True when ``exc`` (pdfplumber wraps pdfminer's errors) says a password is needed."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, PDFPasswordIncorrect):
            return True
        inner = current.args[0] if current.args else None
        if isinstance(inner, PDFPasswordIncorrect):
            return True
        current = current.__cause__ or current.__context__
    return False


def _protected(p: Path) -> PdfError:
    return PdfError(
        "the PDF is protected by a password",
        hint="save an unprotected copy (print it to PDF), or import the Word original",
        file=p,
    )


def _too_many(count: int, p: Path) -> PdfError:
    return PdfError(
        f"the PDF has {count} pages, over the limit of {MAX_PDF_PAGES}; a resolution is far"
        " shorter",
        hint="extract the pages of the resolution into a PDF of their own",
        file=p,
    )


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip()
    name = type(inner).__name__
    return f"{name}: {text[:80]}" if text else name


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], 0]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(parts)
