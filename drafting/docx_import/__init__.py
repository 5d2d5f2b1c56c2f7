"""Word (.docx) to Akoma Ntoso: resolutions as Word and LibreOffice really write them."""

from drafting.docx_import.changes import TrackedChangesError
from drafting.docx_import.importer import (
    DocxImportResult,
    EmptyDocxError,
    import_docx,
    tracked_changes,
)
from drafting.docx_import.package import (
    DocxError,
    EncryptedDocxError,
    OldWordFormatError,
    ZipBombError,
)
from drafting.docx_import.report import ImportReport, Listed

__all__ = [
    "DocxError",
    "DocxImportResult",
    "EmptyDocxError",
    "EncryptedDocxError",
    "ImportReport",
    "LeadPhraseError",
    "Listed",
    "NotAResolutionError",
    "OldWordFormatError",
    "TrackedChangesError",
    "ZipBombError",
    "import_docx",
    "tracked_changes",
]
