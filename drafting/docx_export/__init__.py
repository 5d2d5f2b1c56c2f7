"""AKN to Word: the numbered final text, and Word views of changes."""

from drafting.docx_export.pdf import LibreOfficeMissingError, PdfConversionError, docx_to_pdf
from drafting.docx_export.styles import TemplateStyleError
from drafting.docx_export.writer import TemplateError, WordNumberingError, write_docx

__all__ = [
    "LibreOfficeMissingError",
    "PdfConversionError",
    "TemplateError",
    "TemplateStyleError",
    "WordNumberingError",
    "docx_to_pdf",
    "write_docx",
]
