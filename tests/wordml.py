# ruff: noqa: E501 - WordprocessingML reads best one element a line
"""A tiny .docx builder for tests: a body of WordprocessingML in, a minimal package out.

Whole documents from real producers live in ``tests/fixtures/docx``; this is for
the one-behaviour tests (a numbering rule, a damaged package) where the XML
under test should be visible in the test itself.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def content_types(main: str = "word/document.xml", main_ct: str = MAIN_CT) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{main_ct}"/></Types>'
    )


def package_rels(main: str = "word/document.xml") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/></Relationships>'
    )


def document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'


def p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def numbered(inner: str, num_id: int, ilvl: int = 0) -> str:
    return p(inner, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def docx_bytes(body: str, parts: dict[str, str] | None = None) -> bytes:
    """A .docx whose body is ``body``; ``parts`` adds word/numbering.xml, word/styles.xml..."""
    parts = dict(parts or {})
    rels = "".join(
        f'<Relationship Id="rIdX{i}" Type="{REL}/{name.split("/")[-1][:-4]}"'
        f' Target="{name.split("/")[-1]}"/>'
        for i, name in enumerate(parts)
        if name.startswith("word/")
    )
    files = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": package_rels(),
        "word/document.xml": document(body),
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>",
        **parts,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def write_docx(path: Path, body: str, parts: dict[str, str] | None = None) -> Path:
    path.write_bytes(docx_bytes(body, parts))
    return path


def numbering(abstracts: str, nums: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{abstracts}{nums}</w:numbering>'
    )


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def styles(inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{inner}</w:styles>'
