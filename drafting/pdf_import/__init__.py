"""PDF to lines: the words of a PDF with their positions, sizes and bold or italic.

pdfplumber is the reader because it exposes each character's font name and size,
so bold and italic lead phrases survive ("**Urges**", "*Recalling*") and footnotes
can be told from body text by their smaller type, and because it groups characters
into words with positions, from which lines and their indents follow.  pdfplumber
is imported only in this package; :func:`drafting.text.unwrap.unwrap` turns the
lines into paragraphs.
"""

from drafting.pdf_import.errors import PdfError
from drafting.pdf_import.reader import MAX_PDF_BYTES, MAX_PDF_PAGES, PdfText, pdf_lines, read_pdf

__all__ = ["MAX_PDF_BYTES", "MAX_PDF_PAGES", "PdfError", "PdfText", "pdf_lines", "read_pdf"]
