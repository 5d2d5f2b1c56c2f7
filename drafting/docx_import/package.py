"""A .docx opened as what it is: an untrusted zip of XML parts from someone's inbox.

Every check a hostile or damaged file needs happens here, before any XML is
read, and each failure is one line a secretary can act on: not a zip, an old
binary ``.doc``, a password-protected file (an OLE compound file holding an
``EncryptionInfo`` stream), a macro-enabled ``.docm``, members that inflate past
a limit (zip bombs), member names that climb out of the package (``..``,
absolute paths), and missing ``[Content_Types].xml`` or main part.  The main
part is found through the package relationships, as Word does: Office 365 may
name it ``word/document2.xml``.  Parts are parsed only by the hardened parser.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from drafting.akn.parser import parse_foreign
from drafting.errors import InputError, XMLSyntaxError

#: Largest uncompressed size of one member; a long resolution's document.xml is ~1 MB.
MAX_MEMBER_BYTES: Final = 64 * 1024 * 1024
#: Largest uncompressed size of all parts read together.
MAX_TOTAL_BYTES: Final = 256 * 1024 * 1024
#: Largest compression ratio of a member over 1 MB (Word XML compresses ~10 to 30 times).
MAX_RATIO: Final = 200
MAX_MEMBERS: Final = 10_000
MAX_FILE_BYTES: Final = 256 * 1024 * 1024

OLE_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
STRICT_OFFICE_DOCUMENT: Final = (
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)
#: Strict Open XML's namespaces (ISO/IEC 29500 Strict) and their transitional twins: a
#: Strict part is read as the transitional part it would be, for every reader here
#: names transitional tags.  The vocabularies are the same; only the names differ.
STRICT_NAMESPACES: Final = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
        b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
        b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
)
_MACRO_TYPES: Final = ("macroEnabled", "vbaProject")
_CONVERT_HINT: Final = "open it in Word or LibreOffice and save it as a Word document (.docx)"


class DocxError(InputError):
    """A Word file cannot be opened: not a .docx, damaged, encrypted, or with macros."""


class EncryptedDocxError(DocxError):
    """The .docx is protected by a password: its parts are encrypted."""


class OldWordFormatError(DocxError):
    """The file is an old binary Word .doc (or other pre-2007 Office file)."""


class ZipBombError(DocxError):
    """A member of the package inflates past the size or ratio limits."""


@dataclass(frozen=True)
class Relationship:
    """One ``<Relationship>``: its type URI, target (a part name or URL) and mode."""

    rid: str
    type: str
    target: str
    external: bool


def w(local: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{local}"


class Package:
    """The parts of an opened .docx, read on demand with size limits."""

    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path = path
        self._zip = zf
        self._infos = {i.filename: i for i in zf.infolist()}
        self._read_total = 0
        self._xml: dict[str, etree._Element | None] = {}
        #: Saved as Strict Open XML: its parts are read in transitional names.
        self.strict = False
        self.main = self._find_main()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def close(self) -> None:
        self._zip.close()

    def _error(self, message: str, hint: str = _CONVERT_HINT) -> DocxError:
        return DocxError(message, hint=hint, file=self.path)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name``; None when the package has no such part.

        Raises:
            ZipBombError: the part inflates past :data:`MAX_MEMBER_BYTES`, the total
                past :data:`MAX_TOTAL_BYTES`, or its compression ratio is implausible.
            DocxError: the member cannot be decompressed (damaged, encrypted zip).
        """
        info = self._infos.get(name)
        if info is None:
            return None
        limit = min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - self._read_total)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise self._error(f"the part {name} is damaged ({exc})") from None
        except UnicodeDecodeError:
            # A damaged local header whose name is not the UTF-8 it claims to be.
            raise self._error(f"the part {name} is damaged (its name is unreadable)") from None
        except (RuntimeError, NotImplementedError) as exc:
            raise self._error(f"the part {name} cannot be read ({exc})") from None
        if len(data) > limit:
            raise ZipBombError(
                f"the part {name} inflates to more than {limit // (1024 * 1024)} MB,"
                " far beyond any resolution; refused as a possible zip bomb",
                hint="check that this is the right file",
                file=self.path,
            )
        if len(data) > 1024 * 1024 and len(data) > MAX_RATIO * max(info.compress_size, 1):
            raise ZipBombError(
                f"the part {name} is compressed {len(data) // max(info.compress_size, 1)} times,"
                " which no Word file is; refused as a possible zip bomb",
                hint="check that this is the right file",
                file=self.path,
            )
        self._read_total += len(data)
        return data

    def xml(self, name: str) -> etree._Element | None:
        """Part ``name`` parsed by the hardened parser; None when it is absent.

        Raises:
            DocxError: the part is not well-formed XML or declares a DOCTYPE.
        """
        if name not in self._xml:
            data = self.read(name)
            if data is None:
                self._xml[name] = None
            else:
                if self.strict:
                    data = transitional(data)
                try:
                    self._xml[name] = parse_foreign(data, f"{self.path}:{name}").getroot()
                except XMLSyntaxError as exc:
                    raise self._error(
                        f"the part {name} is damaged: {exc.message}",
                        hint="open the file in Word or LibreOffice and save it again",
                    ) from None
        return self._xml[name]

    def forget_parsed(self) -> None:
        """Drop the parsed parts from the cache once they are read.

        The main part of a long resolution parses to a tree larger than the AKN made
        from it; holding it while the AKN is built and validated only raises the peak.
        """
        self._xml.clear()

    def rels(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` (``""`` for the package), by id."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        root = self.xml(rels_name)
        out: dict[str, Relationship] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = _resolve(folder, target)
            rid = rel.get("Id") or ""
            out[rid] = Relationship(rid, rel.get("Type") or "", target, external)
        return out

    def related(self, part: str, type_suffix: str) -> str | None:
        """The part ``part`` points to with a relationship type ending ``/type_suffix``."""
        for rel in self.rels(part).values():
            if rel.type.endswith("/" + type_suffix) and not rel.external and self.has(rel.target):
                return rel.target
        return None

    def _content_type(self, part: str) -> str | None:
        root = self.xml("[Content_Types].xml")
        if root is None:
            return None
        for o in root.iter(f"{{{CT_NS}}}Override"):
            if (o.get("PartName") or "").lstrip("/") == part:
                return o.get("ContentType")
        ext = part.rsplit(".", 1)[-1].lower()
        for d in root.iter(f"{{{CT_NS}}}Default"):
            if (d.get("Extension") or "").lower() == ext:
                return d.get("ContentType")
        return None

    def _find_main(self) -> str:
        if not self.has("[Content_Types].xml"):
            raise self._error(
                "this zip is not a Word document: it has no [Content_Types].xml",
                hint="give a .docx saved by Word or LibreOffice",
            )
        main = None
        if any(rel.type == STRICT_OFFICE_DOCUMENT for rel in self.rels("").values()):
            # Word's "Strict Open XML Document": read again, every part in transitional
            # names (the relationships included).
            self.strict = True
            self._xml.clear()
        for rel in self.rels("").values():
            if rel.type == OFFICE_DOCUMENT and not rel.external:
                main = rel.target
        if main is None and self.has("word/document.xml"):
            main = "word/document.xml"
        if main is None or not self.has(main):
            raise self._error(
                "the file has no main document part (word/document.xml); it is damaged or"
                " not a Word document",
                hint="open it in Word or LibreOffice and save it again as .docx",
            )
        ctype = self._content_type(main) or ""
        if any(t in ctype for t in _MACRO_TYPES) or self.has("word/vbaProject.bin"):
            raise self._error(
                "this is a macro-enabled Word file (.docm); drafting does not open files"
                " with macros",
                hint="save a copy as 'Word Document (*.docx)' without macros and import that",
            )
        if ctype and "wordprocessingml" not in ctype:
            raise self._error(
                f"this is not a Word document (its main part is {ctype})",
                hint="give a .docx file",
            )
        return main


def transitional(data: bytes) -> bytes:
    """A Strict Open XML part in transitional names (see :data:`STRICT_NAMESPACES`).

    A byte replacement: the names stand in namespace declarations and relationship
    types, nowhere else a reader looks.
    """
    if b"purl.oclc.org/ooxml/" not in data:
        return data
    for strict, transitional_ in STRICT_NAMESPACES:
        data = data.replace(strict, transitional_)
    return data


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _bad_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = name.replace("\\", "/").split("/")
    return ".." in parts


def _ole_kind(data: bytes) -> str:
    """``encrypted`` when the OLE file holds an encrypted OOXML package, else ``binary``."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        return "encrypted"
    return "binary"


def open_package(path: str | Path) -> Package:
    """Open ``path`` as a .docx package, after every safety check that needs no XML.

    Raises:
        InputError: the file is missing or unreadable.
        EncryptedDocxError: the file is password-protected.
        OldWordFormatError: the file is an old binary .doc.
        ZipBombError: the zip declares members larger than the limits.
        DocxError: not a zip, a damaged zip, crafted member names, macros, no main part.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError("no such file", hint="check the name and folder", file=p) from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", file=p) from None
    except PermissionError:
        raise InputError("permission denied", hint="check the file's permissions", file=p) from None
    if size > MAX_FILE_BYTES:
        raise DocxError(
            f"the file is {size // (1024 * 1024)} MB, far beyond any resolution",
            hint="check that this is the right file",
            file=p,
        )
    if head == OLE_SIGNATURE:
        data = p.read_bytes()
        if _ole_kind(data) == "encrypted":
            raise EncryptedDocxError(
                "the document is protected by a password (encrypted), so it cannot be read",
                hint="open it in Word, remove the password (File > Info > Protect Document)"
                " and save it again",
                file=p,
            )
        raise OldWordFormatError(
            "this is an old binary Word .doc file, not a .docx",
            hint="convert it to .docx, e.g. with LibreOffice:"
            " soffice --headless --convert-to docx FILE",
            file=p,
        )
    if not head.startswith(b"PK"):
        raise DocxError(
            "this is not a Word .docx file (it is not a zip package)",
            hint="give a file saved by Word or LibreOffice as 'Word Document (.docx)'",
            file=p,
        )
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocxError(
            f"the .docx is damaged: the zip cannot be read ({exc})",
            hint="open it in Word or LibreOffice to repair it and save it again",
            file=p,
        ) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise DocxError(
                f"the zip holds {len(infos)} members, far more than any Word file",
                hint="check that this is the right file",
                file=p,
            )
        names: set[str] = set()
        declared = 0
        for info in infos:
            if _bad_member(info.filename):
                raise DocxError(
                    f"the zip has a member named {info.filename!r}, which points outside the"
                    " package; refused as crafted or damaged",
                    hint=_CONVERT_HINT,
                    file=p,
                )
            if info.filename in names:
                raise DocxError(
                    f"the zip holds {info.filename} twice; refused as crafted or damaged",
                    hint=_CONVERT_HINT,
                    file=p,
                )
            names.add(info.filename)
            declared += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or declared > MAX_TOTAL_BYTES:
                raise ZipBombError(
                    f"the part {info.filename} declares {info.file_size // (1024 * 1024)} MB"
                    " uncompressed, far beyond any resolution; refused as a possible zip bomb",
                    hint="check that this is the right file",
                    file=p,
                )
        return Package(p, zf)
    except BaseException:
        zf.close()
        raise
