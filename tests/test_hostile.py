"""Hostile files are refused in one line naming the file, quickly, and never read further.

Every XML attack (test_parser.py has them at the parser) is tried here where a user
meets it: an AKN resolution, an AKN amendment list, and each XML part of a .docx.
Then the .docx tricks test_docx_import_damaged.py does not already cover, and the
size limits of every reader.
"""

from __future__ import annotations

import base64
import os
import struct
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, assert_valid
from test_docx_import_damaged import minimal, zip_of
from test_parser import BOMB, REMOTE_DTD
from wordml import MAIN_CT, content_types, document, docx_bytes, p, package_rels, r

from drafting import io
from drafting.amendments import parse_amendments, read_amendment_file
from drafting.amendments.akn import amendment_list_to_akn
from drafting.cli import cli
from drafting.docx_import import import_docx
from drafting.errors import DraftingError, XMLSyntaxError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SECRET = "SECRET-7f3a9c: the delegation's private notes"
R495 = (EXAMPLES / "resolution-495.akn.xml").read_bytes()


def _xxe(target: Path) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{target}"> ]>\n'
        f'<akomaNtoso xmlns="{AKN_NS}">&xxe;</akomaNtoso>\n'
    ).encode()


def _deep(depth: int = 300) -> bytes:
    return (
        f'<akomaNtoso xmlns="{AKN_NS}">'.encode()
        + b"<a>" * depth
        + b"</a>" * depth
        + b"</akomaNtoso>"
    )


def _huge_text(size: int = 11_000_000) -> bytes:
    # Random letters, so that a .docx holding it is no zip bomb (it compresses ~1.3 times).
    words = base64.b64encode(os.urandom(size * 3 // 4 + 3))[:size]
    return f'<akomaNtoso xmlns="{AKN_NS}"><p>'.encode() + words + b"</p></akomaNtoso>"


def _utf16_doctype() -> bytes:
    return (
        REMOTE_DTD.decode()
        .replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
        .encode("utf-16")
    )


#: Each attack, and the words its one error line must hold.
ATTACKS: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "xxe to a local file": (_xxe, "DOCTYPE or entities, which drafting refuses for safety"),
    "entity expansion bomb": (
        lambda t: BOMB,
        "DOCTYPE or entities, which drafting refuses for safety",
    ),
    "remote dtd": (lambda t: REMOTE_DTD, "DOCTYPE or entities, which drafting refuses for safety"),
    "doctype in utf-16": (lambda t: _utf16_doctype(), "refuses for safety"),
    "deeply nested elements": (lambda t: _deep(), "nests elements more than 256 levels deep"),
    "text node over 10 MB": (
        lambda t: _huge_text(),
        "longer than 10 MB, beyond drafting's safety limits",
    ),
}


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    f = tmp_path / "private.txt"
    f.write_text(SECRET)
    return f


def _one_error_line(result: Result, file: Path | str, expected: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {file}"), lines[0]
    assert expected in lines[0], lines[0]
    assert "Traceback" not in result.output and "internal error" not in lines[0]
    assert SECRET not in result.output
    return lines[0]


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_hostile_akn_resolution_is_refused_in_one_line(
    tmp_path: Path, secret: Path, attack: str
) -> None:
    make, expected = ATTACKS[attack]
    src = tmp_path / "evil.akn.xml"
    src.write_bytes(make(secret))
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["export", str(src), "-o", str(tmp_path / "out.md")])
    assert time.monotonic() - start < 5
    _one_error_line(result, src, expected)
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_hostile_akn_amendment_list_is_refused_in_one_line(
    tmp_path: Path, secret: Path, attack: str
) -> None:
    make, expected = ATTACKS[attack]
    src = tmp_path / "amendments.xml"
    src.write_bytes(make(secret))
    draft = tmp_path / "draft.akn.xml"
    draft.write_bytes(R495)
    result = CliRunner().invoke(cli, ["amendments", "check", str(draft), str(src)])
    _one_error_line(result, src, expected)


WORD_PARTS = ["word/document.xml", "word/numbering.xml", "word/footnotes.xml", "word/styles.xml"]


@pytest.mark.parametrize(
    ("attack", "part"),
    # One 11 MB part is enough to show the text limit.
    [(a, w) for a in ATTACKS for w in WORD_PARTS if "10 MB" not in a or w == WORD_PARTS[0]],
)
def test_a_hostile_xml_part_inside_a_docx_is_refused_in_one_line(
    tmp_path: Path, secret: Path, attack: str, part: str
) -> None:
    make, expected = ATTACKS[attack]
    src = tmp_path / "evil.docx"
    body = p(r("1. Urges action.")) + p(r("2. Notes progress."))
    extra = {} if part == "word/document.xml" else {part: ""}
    data = docx_bytes(body, extra)
    src.write_bytes(_replace_member(data, part, make(secret)))
    out = tmp_path / "out.akn.xml"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out)])
    line = _one_error_line(result, src, expected)
    assert part in line
    assert not out.exists()


@pytest.mark.parametrize(
    "part", ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"]
)
def test_xxe_in_the_package_parts_of_a_docx_is_refused(
    tmp_path: Path, secret: Path, part: str
) -> None:
    src = tmp_path / "evil.docx"
    src.write_bytes(_replace_member(docx_bytes(p(r("1. Urges action."))), part, _xxe(secret)))
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(tmp_path / "o.akn.xml")])
    _one_error_line(result, src, "refuses for safety")


def _replace_member(data: bytes, name: str, new: bytes) -> bytes:
    import io as _io
    import zipfile

    with zipfile.ZipFile(_io.BytesIO(data)) as z:
        files: dict[str, bytes | str] = {n: z.read(n) for n in z.namelist()}
    files[name] = new
    return zip_of(files)


# -- below the limits all is well ---------------------------------------------------------


def test_a_long_clause_below_the_text_limit_loads_and_exports(tmp_path: Path) -> None:
    words = " ".join(["interoperability"] * 60_000)  # ~1 MB in one text node
    doc = io.loads(R495)
    doc.paragraphs[0].set_text("**Urges** " + words)
    akn = io.dumps(doc)
    assert words in io.loads(akn).paragraphs[0].text
    src = tmp_path / "long.akn.xml"
    src.write_bytes(akn)
    result = CliRunner().invoke(cli, ["export", str(src), "-o", str(tmp_path / "long.md")])
    assert result.exit_code == 0, result.stderr
    assert words in (tmp_path / "long.md").read_text(encoding="utf-8")


def test_a_long_paragraph_in_word_below_the_limits_imports_every_character(tmp_path: Path) -> None:
    words = " ".join(["interoperability"] * 60_000)
    src = tmp_path / "long.docx"
    src.write_bytes(docx_bytes(p(r("1. Urges " + words))))
    result = import_docx(src)
    assert_valid(result.document)
    assert words in result.document.paragraphs[0].text
    assert result.report.unaccounted == 0


def _clause(num: str, lead: str, rest: str) -> str:
    return p(r(num) + r(lead, "<w:b/>") + r(rest))


def test_word_controls_nested_100_deep_below_the_depth_limit_are_read_through(
    tmp_path: Path,
) -> None:
    src = tmp_path / "nested.docx"
    deep = (
        "<w:sdt><w:sdtContent>" * 100
        + _clause("2. ", "Notes", " progress.")
        + "</w:sdtContent></w:sdt>" * 100
    )
    src.write_bytes(docx_bytes(_clause("1. ", "Urges", " action.") + deep))
    assert [x.text for x in import_docx(src).document.paragraphs] == [
        "Urges action.",
        "Notes progress.",
    ]


def test_an_amendment_list_below_the_limits_reads_back() -> None:
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    ams = parse_amendments((EXAMPLES / "amendments-495.txt").read_text(encoding="utf-8"))
    from drafting.amendments.akn import read_amendments_xml

    back = read_amendments_xml(amendment_list_to_akn(doc, ams), "list.xml")
    assert [a.number for a in back] == [a.number for a in ams]


# -- every reader has a size limit, checked before the file is read -----------------------


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


SIZE_LIMITS = {
    "akn resolution": ("big.akn.xml", 65 * 2**20, ["show", "FILE"], "over the 64 MB limit"),
    "text draft": ("big.md", 17 * 2**20, ["show", "FILE"], "the file is over the 16 MB limit"),
    "word draft": (
        "big.docx",
        257 * 2**20,
        ["import", "FILE", "-o", "o.akn.xml"],
        "far beyond any resolution",
    ),
    "amendment text": (
        "big.txt",
        17 * 2**20,
        ["amendments", "check", "DRAFT", "FILE"],
        "the file is over the 16 MB limit",
    ),
    "amendment xml": (
        "big.xml",
        17 * 2**20,
        ["amendments", "check", "DRAFT", "FILE"],
        "the file is over the 16 MB limit",
    ),
    "votes": (
        "big-votes.txt",
        17 * 2**20,
        ["amend", "DRAFT", "AMS", "--votes", "FILE", "-o", "o.md"],
        "the file is over the 16 MB limit",
    ),
}


@pytest.mark.parametrize("kind", list(SIZE_LIMITS))
def test_a_file_past_its_readers_size_limit_is_refused_in_one_line(
    tmp_path: Path, kind: str
) -> None:
    name, size, args, expected = SIZE_LIMITS[kind]
    big = _sparse(tmp_path / name, size)
    draft = tmp_path / "draft.akn.xml"
    draft.write_bytes(R495)
    ams = tmp_path / "ams.txt"
    ams.write_bytes((EXAMPLES / "amendments-495.txt").read_bytes())
    subst = {"FILE": str(big), "DRAFT": str(draft), "AMS": str(ams), "o.md": str(tmp_path / "o.md")}
    subst["o.akn.xml"] = str(tmp_path / "o.akn.xml")
    start = time.monotonic()
    result = CliRunner().invoke(cli, [subst.get(a, a) for a in args])
    assert time.monotonic() - start < 5
    _one_error_line(result, big, expected)


def test_an_amendment_xml_file_is_read_no_further_than_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _sparse(tmp_path / "big.xml", 40 * 2**20)
    sizes: list[int] = []
    real_open = Path.open

    def spying_open(self: Path, *args: object, **kwargs: object) -> object:
        fh = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        real_read = fh.read

        def read(n: int = -1) -> bytes:
            sizes.append(n)
            data: bytes = real_read(n)
            return data

        fh.read = read
        return fh

    monkeypatch.setattr(Path, "open", spying_open)
    with pytest.raises(DraftingError, match="over the 16 MB limit"):
        read_amendment_file(src)
    assert sizes and all(0 < n <= 16 * 2**20 + 1 for n in sizes)


# -- .docx tricks beyond test_docx_import_damaged.py --------------------------------------


def _lying_member() -> bytes:
    """A member whose headers say 1 kB but which inflates to 20 MB."""
    data = minimal({"word/document.xml": document(p(r("1. Urges action."))) + " " * (20 * 2**20)})
    pos = data.index(b"word/document.xml")
    local = data.rindex(b"PK\x03\x04", 0, pos)
    data = data[: local + 22] + struct.pack("<I", 1024) + data[local + 26 :]
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + 17] != b"word/document.xml":
        central = data.index(b"PK\x01\x02", central + 4)
    return data[: central + 24] + struct.pack("<I", 1024) + data[central + 28 :]


def _member(name: str) -> Callable[[], bytes]:
    return lambda: minimal({name: "<x/>"})


def _spreadsheet() -> bytes:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    return minimal({"[Content_Types].xml": content_types(main_ct=sheet)})


def _too_many_members() -> bytes:
    return minimal({f"word/media/image{i}.png": b"" for i in range(10_001)})


def _duplicate_member() -> bytes:
    import io as _io
    import warnings
    import zipfile

    buf = _io.BytesIO(minimal({}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "a") as z:
            z.writestr("word/document.xml", document(p(r("1. Something else."))))
    return buf.getvalue()


DOCX_CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "absolute member name": (_member("/etc/evil.xml"), "'/etc/evil.xml', which points outside"),
    "windows drive member name": (_member("C:/evil.xml"), "'C:/evil.xml', which points outside"),
    "backslash member name": (_member("\\evil.xml"), "which points outside the package"),
    "climbing backslash name": (
        _member("word\\..\\..\\evil.xml"),
        "which points outside the package",
    ),
    "member lying about its size": (_lying_member, "is damaged"),
    "vba project in an ordinary package": (
        _member("word/vbaProject.bin"),
        "macro-enabled Word file (.docm)",
    ),
    "a spreadsheet": (_spreadsheet, "this is not a Word document (its main part is"),
    "ten thousand members": (_too_many_members, "far more than any Word file"),
    "a member twice": (_duplicate_member, "twice; refused as crafted or damaged"),
    "an empty file": (lambda: b"", "it is not a zip package"),
    "a pdf": (
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "it is not a zip package",
    ),
    "a png": (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "it is not a zip package"),
    "a truncated zip": (lambda: docx_bytes(p(r("1. Urges action.")))[:300], "damaged"),
}


@pytest.mark.parametrize("case", list(DOCX_CASES))
def test_a_crafted_or_wrong_docx_is_refused_in_one_line_and_writes_nothing(
    tmp_path: Path, case: str
) -> None:
    make, expected = DOCX_CASES[case]
    src = tmp_path / "draft.docx"
    src.write_bytes(make())
    out = tmp_path / "out.akn.xml"
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out)])
    assert time.monotonic() - start < 5
    _one_error_line(result, src, expected)
    assert list(tmp_path.iterdir()) == [src]


@pytest.mark.parametrize("case", list(DOCX_CASES))
def test_a_crafted_or_wrong_docx_of_amendments_is_refused_in_one_line(
    tmp_path: Path, case: str
) -> None:
    # Word amendments open as Word drafts do (drafting.docx_import.package).
    make, expected = DOCX_CASES[case]
    src = tmp_path / "amendments.docx"
    src.write_bytes(make())
    draft = EXAMPLES / "resolution-495.akn.xml"
    result = CliRunner().invoke(cli, ["amendments", "check", str(draft), str(src)])
    _one_error_line(result, src, expected)


def test_a_macro_enabled_file_named_docm_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "draft.docm"
    macro = MAIN_CT.replace(".document.main", ".document.macroEnabled.main")
    src.write_bytes(
        minimal(
            {"[Content_Types].xml": content_types(main_ct=macro), "word/vbaProject.bin": b"VBA"}
        )
    )
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(tmp_path / "o.akn.xml")])
    _one_error_line(result, src, "drafting does not open files with macros")


def _office365(decoy: bool) -> bytes:
    main = "word/document2.xml"
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types(main=main),
        "_rels/.rels": package_rels(main=main),
        main: document(
            _clause("1. ", "Urges", " the Allies to act.")
            + _clause("2. ", "Decides", " to remain seized.")
        ),
    }
    if decoy:
        files["word/document.xml"] = document(p(r("1. Not the document Word shows.")))
    return zip_of(files)


@pytest.mark.parametrize("decoy", [False, True], ids=["alone", "beside a stale document.xml"])
def test_an_office_365_main_part_named_document2_is_read_through_the_relationships(
    tmp_path: Path, decoy: bool
) -> None:
    src = tmp_path / "o365.docx"
    src.write_bytes(_office365(decoy))
    doc = import_docx(src).document
    assert_valid(doc)
    assert [x.text for x in doc.paragraphs] == [
        "Urges the Allies to act.",
        "Decides to remain seized.",
    ]


def test_xinclude_is_not_processed_so_no_local_file_is_pulled_in(
    tmp_path: Path, secret: Path
) -> None:
    xi = (
        f'<akomaNtoso xmlns="{AKN_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<xi:include href="{secret}" parse="text"/></akomaNtoso>'
    ).encode()
    with pytest.raises(DraftingError) as info:
        io.loads(xi, source="xi.xml")
    assert SECRET not in str(info.value)


def test_the_parser_refuses_before_expanding_anything() -> None:
    start = time.monotonic()
    with pytest.raises(XMLSyntaxError):
        io.loads(BOMB * 1000, source="bombs.xml")
    assert time.monotonic() - start < 1


@pytest.mark.parametrize(
    "args",
    [["show", "FILE"], ["validate", "FILE"], ["amendments", "check", "DRAFT", "FILE"]],
    ids=["text draft", "akn", "amendments"],
)
def test_an_endless_file_is_read_no_further_than_the_limit(tmp_path: Path, args: list[str]) -> None:
    endless = tmp_path / ("x.akn.xml" if args[0] == "validate" else "x.txt")
    endless.symlink_to("/dev/zero")
    draft = EXAMPLES / "resolution-495.akn.xml"
    argv = [str(endless) if a == "FILE" else str(draft) if a == "DRAFT" else a for a in args]
    start = time.monotonic()
    result = CliRunner().invoke(cli, argv)
    assert time.monotonic() - start < 10
    assert result.exit_code == 1
    assert "MB limit" in result.output
