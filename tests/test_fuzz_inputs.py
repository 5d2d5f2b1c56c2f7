"""Fuzzing every reader of outside files: a result or a DraftingError, never a crash.

test_fuzz_readers.py covers typed drafts and AKN resolutions; this covers amendment
files, votes files, AKN amendment lists and Word files (bytes inside their XML
parts, attribute values, the zip itself), then the same through the CLI: exit 0
or 1, one ``error:`` line, no traceback.  Bounded for CI; each crash found became a
regression test at the end.
"""

from __future__ import annotations

import contextlib
import io as _io
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, GOLDEN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from wordml import docx_bytes, p, r

from drafting import io
from drafting.akn.parser import parse_foreign
from drafting.amendments import (
    apply_amendments,
    check,
    compile_amendments,
    parse_amendments,
    parse_votes,
    voting_list,
)
from drafting.amendments.akn import amendment_list_to_akn, read_amendments_xml
from drafting.cli import cli
from drafting.docx_import import import_docx
from drafting.docx_import.numbering import render_value
from drafting.errors import DraftingError

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLI_FUZZ = settings(FUZZ, max_examples=40)

R495 = io.load(EXAMPLES / "resolution-495.akn.xml")
AMENDMENTS = [(EXAMPLES / "amendments-495.txt").read_text(encoding="utf-8")] + [
    f.read_text(encoding="utf-8") for f in sorted(GOLDEN.glob("amendments/*/amendments.*"))
]
VOTES = (GOLDEN / "amendments" / "nato-495-votes" / "votes.txt").read_text(encoding="utf-8")
AMENDMENT_LIST = amendment_list_to_akn(R495, parse_amendments(AMENDMENTS[0])).decode("utf-8")
WORD_FILES = [
    EXAMPLES / "resolution-495.docx",
    *sorted((EXAMPLES.parent / "tests/fixtures/docx").glob("*.docx")),
]
WORD_PARTS = ("word/document.xml", "word/numbering.xml", "word/footnotes.xml")

#: Pieces of amendment wording, Markdown and awkward Unicode to splice into a file.
AMENDMENT_TOKENS = [
    "Amendment 12",
    "Compromise amendment 9 (replacing amendments 1, 2)",
    "Oral amendment 3",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\n",
    "\n\n",
    "(",
    ")",
    "|",
    ":",
    "-",
    "*",
    "**",
    "#",
    "a",
    "Leave out ",
    "insert ",
    "and insert ",
    "After ",
    "Before ",
    "Replace ",
    " with ",
    "Delete ",
    "paragraph ",
    "sub-paragraph ",
    "Paragraph 13(b)",
    "Preambular paragraph 2",
    " (new)",
    "the second ",
    "Status: adopted",
    "Status: withdrawn",
    "Replaces: 1",
    "Justification: ",
    "| Draft text | Amendment |\n",
    "|---|---|\n",
    "²",
    "١٢",
    "İ",
    "ß",
    "\u0301",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\x85",
    "\x0c",
    "\r",
    "\t",
    "<u>",
    "[^1]",
]
VOTE_TOKENS = ["0", "1", "9", "C1", ":", "=", "adopted", "rejected", "carried", "#", " ", "\n",
               "²", "\x85", "\u2028", "İ", "amendment "]  # fmt: skip
XML_TOKENS = ["<", ">", "/", "=", '"', "'", "&", ";", "a", " ", "<mod>", "</p>", "&amp;",
              "<quotedText>", "<docNumber>", "</docNumber>", "<![CDATA[", "<!--"]  # fmt: skip
WORD_BYTES = [b"<", b">", b"/", b"=", b'"', b"w:", b"0", b"9", b"-1", b"x", b"w:val", b"w:ilvl",
              b"w:numId", b"<w:p>", b"</w:p>", b"<w:r>", b"<w:t>", b"1. ", b"(a) ", b"\xc2\xb2",
              b"\xff", b"&", b"F0B7", b"99999999999"]  # fmt: skip
ATTRIBUTE_VALUES = ["", "x", "-1", "0", "8", "9", "10", "2147483647", "99999999999", "²", "1.5",
                    "%9", "%0%1", "lowerRoman", "upperLetter", "bullet", "none", "decimalZero",
                    "F0B7", "D800", "110000", "ZZ"]  # fmt: skip


def _splice(data: st.DataObject, seq: str, tokens: list[str]) -> str:
    """Delete, duplicate or insert a few slices of ``seq``."""
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        if not seq:
            break
        i = data.draw(st.integers(0, len(seq) - 1))
        j = data.draw(st.integers(i, min(len(seq), i + 200)))
        op = data.draw(st.sampled_from(["delete", "dup", "insert"]))
        if op == "delete":
            seq = seq[:i] + seq[j:]
        elif op == "dup":
            seq = seq[:j] + seq[i:j] + seq[j:]
        else:
            seq = (
                seq[:i]
                + "".join(data.draw(st.lists(st.sampled_from(tokens), max_size=6)))
                + seq[i:]
            )
    return seq


def _splice_bytes(data: st.DataObject, seq: bytes, tokens: list[bytes]) -> bytes:
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        if not seq:
            break
        i = data.draw(st.integers(0, len(seq) - 1))
        j = data.draw(st.integers(i, min(len(seq), i + 300)))
        op = data.draw(st.sampled_from(["delete", "dup", "insert"]))
        if op == "delete":
            seq = seq[:i] + seq[j:]
        elif op == "dup":
            seq = seq[:j] + seq[i:j] + seq[j:]
        else:
            seq = (
                seq[:i]
                + b"".join(data.draw(st.lists(st.sampled_from(tokens), max_size=6)))
                + seq[i:]
            )
    return seq


def _use_amendments(text: str) -> None:
    """Everything the CLI does with amendments: parse, check, list, vote, apply."""
    amendments = parse_amendments(text, "fuzz.txt")
    check(R495, amendments).lines()
    voting_list(R495, amendments)
    compile_amendments(R495, amendments)
    apply_amendments(R495, amendments)


@FUZZ
@given(st.data())
def test_mutated_amendment_files_are_used_or_refused_cleanly(data: st.DataObject) -> None:
    text = _splice(data, data.draw(st.sampled_from(AMENDMENTS)), AMENDMENT_TOKENS)
    with contextlib.suppress(DraftingError):
        _use_amendments(text)


@FUZZ
@given(st.data())
def test_mutated_votes_files_are_read_or_refused_cleanly(data: st.DataObject) -> None:
    with contextlib.suppress(DraftingError):
        votes = parse_votes(_splice(data, VOTES, VOTE_TOKENS), "votes.txt")
        apply_amendments(R495, parse_amendments(AMENDMENTS[0]), votes=votes)


@FUZZ
@given(st.data())
def test_mutated_akn_amendment_lists_are_read_or_refused_cleanly(data: st.DataObject) -> None:
    text = _splice(data, AMENDMENT_LIST, XML_TOKENS)
    with contextlib.suppress(DraftingError):
        check(R495, read_amendments_xml(text.encode("utf-8"), "fuzz.xml"))


# -- Word -----------------------------------------------------------------------------


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = _io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


WORD_MEMBERS = {f: _members(f) for f in WORD_FILES}


def _import(path: Path, data: bytes, accept: bool | None = True) -> None:
    path.write_bytes(data)
    with contextlib.suppress(DraftingError):
        import_docx(path, accept_changes=accept)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzz.docx"


@FUZZ
@given(data=st.data())
def test_word_files_with_mutated_xml_parts_import_or_fail_cleanly(
    data: st.DataObject, scratch: Path
) -> None:
    members = dict(WORD_MEMBERS[data.draw(st.sampled_from(WORD_FILES))])
    part = data.draw(st.sampled_from([n for n in WORD_PARTS if n in members]))
    members[part] = _splice_bytes(data, members[part], WORD_BYTES)
    _import(scratch, _zip(members), data.draw(st.sampled_from([None, True, False])))


@FUZZ
@given(data=st.data())
def test_word_files_with_odd_attribute_values_import_or_fail_cleanly(
    data: st.DataObject, scratch: Path
) -> None:
    members = dict(WORD_MEMBERS[data.draw(st.sampled_from(WORD_FILES))])
    part = data.draw(st.sampled_from([n for n in WORD_PARTS if n in members]))
    root = parse_foreign(members[part]).getroot()
    elements = [e for e in root.iter() if e.attrib]
    for _ in range(data.draw(st.integers(1, 6))):
        el = data.draw(st.sampled_from(elements))
        el.set(
            data.draw(st.sampled_from(sorted(el.attrib))),
            data.draw(st.sampled_from(ATTRIBUTE_VALUES)),
        )
    members[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    _import(scratch, _zip(members))


@FUZZ
@given(data=st.data())
def test_truncated_or_bit_flipped_word_files_import_or_fail_cleanly(
    data: st.DataObject, scratch: Path
) -> None:
    raw = bytearray(data.draw(st.sampled_from(WORD_FILES)).read_bytes())
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    for _ in range(data.draw(st.integers(0, 8))):
        if raw:
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] ^= 1 << data.draw(st.integers(0, 7))
    _import(scratch, bytes(raw))


# -- through the CLI ------------------------------------------------------------------------


def _clean_exit(result: Result) -> None:
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    if result.exit_code == 1 and errors:
        assert len(errors) == 1, result.stderr
        assert "internal error" not in errors[0], errors[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    (d / "draft.akn.xml").write_bytes((EXAMPLES / "resolution-495.akn.xml").read_bytes())
    return d


@CLI_FUZZ
@given(data=st.data())
def test_the_cli_checks_and_applies_mutated_amendments_and_votes_cleanly(
    data: st.DataObject, folder: Path
) -> None:
    (folder / "a.md").write_text(_splice(data, AMENDMENTS[0], AMENDMENT_TOKENS), encoding="utf-8")
    (folder / "v.txt").write_text(_splice(data, VOTES, VOTE_TOKENS), encoding="utf-8")
    (folder / "l.xml").write_text(_splice(data, AMENDMENT_LIST, XML_TOKENS), encoding="utf-8")
    draft, run = str(folder / "draft.akn.xml"), CliRunner().invoke
    for files in ([str(folder / "a.md")], [str(folder / "l.xml")]):
        _clean_exit(run(cli, ["amendments", "check", draft, *files]))
        out = folder / "out.md"
        out.unlink(missing_ok=True)
        votes = ["--votes", str(folder / "v.txt")]
        result = run(cli, ["amend", draft, *files, *votes, "-o", str(out)])
        _clean_exit(result)
        assert out.exists() == (result.exit_code == 0)


@CLI_FUZZ
@given(data=st.data())
def test_the_cli_imports_mutated_word_files_cleanly(data: st.DataObject, folder: Path) -> None:
    members = dict(WORD_MEMBERS[data.draw(st.sampled_from(WORD_FILES))])
    part = data.draw(st.sampled_from([n for n in WORD_PARTS if n in members]))
    members[part] = _splice_bytes(data, members[part], WORD_BYTES)
    src, out = folder / "w.docx", folder / "w.akn.xml"
    src.write_bytes(_zip(members))
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out), "--accept-changes"])
    _clean_exit(result)
    assert out.exists() == (result.exit_code == 0)


# -- crashes the fuzzing found --------------------------------------------------------------


def test_an_amendment_number_with_a_superscript_digit_is_put_in_voting_order() -> None:
    # natural_key called int("²"): str.isdigit accepts superscripts, int() does not.
    text = AMENDMENTS[0].replace("Amendment 2\n", "Amendment 2²\n", 1)
    amendments = parse_amendments(text)
    assert "2²" in [a.number for a in amendments]
    assert "2²" in [n for item in voting_list(R495, amendments) for n in [item.amendment.number]]
    apply_amendments(R495, amendments)


NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
    '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="{ilvl}"/></w:num></w:numbering>'
)


def _numbered(text: str) -> str:
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    return p(r("Urges", "<w:b/>") + r(text), num)


def test_a_damaged_list_level_number_reads_as_level_0_as_word_reads_it(tmp_path: Path) -> None:
    # int("F0B7") in numbering.xml used to end the import with a ValueError.
    src = tmp_path / "d.docx"
    numbering = NUMBERING.format(ilvl="F0B7", start="1", fmt="decimal")
    src.write_bytes(
        docx_bytes(_numbered(" action.") + _numbered(" more."), {"word/numbering.xml": numbering})
    )
    assert [x.num for x in import_docx(src).document.paragraphs] == ["1.", "2."]


def test_a_huge_list_start_in_letters_is_shown_in_digits_not_a_million_letters(
    tmp_path: Path,
) -> None:
    # Word's w:start of 999999999 in upperLetter would be a label of 38 million letters
    # per paragraph: memory that grows with the file, for nothing a reader could use.
    assert render_value(999_999_999, "upperLetter") == "999999999"
    assert render_value(28, "upperLetter") == "BB"
    src = tmp_path / "d.docx"
    numbering = NUMBERING.format(ilvl="0", start="999999999", fmt="upperLetter")
    src.write_bytes(docx_bytes(_numbered(" action.") * 50, {"word/numbering.xml": numbering}))
    start = time.monotonic()
    with contextlib.suppress(DraftingError):
        import_docx(src)
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("code", ["110000", "D800", "FFFE", "F0FFFFFF"])
def test_a_symbol_naming_no_xml_character_is_dropped_and_counted(tmp_path: Path, code: str) -> None:
    # chr(0x110000) raised ValueError; a surrogate or U+FFFE crashed lxml later.
    src = tmp_path / "d.docx"
    sym = f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>'
    src.write_bytes(docx_bytes(p(r("1. ") + r("Urges", "<w:b/>") + sym + r(" action."))))
    result = import_docx(src)
    assert result.document.paragraphs[0].text == "Urges action."
    assert result.report.unaccounted == 1  # said in a warning, not lost silently


def test_a_member_whose_local_header_name_is_not_utf8_is_damage_not_a_crash(
    tmp_path: Path,
) -> None:
    """Found by fuzzing: a flipped bit in a local header name raised UnicodeDecodeError."""
    data = bytearray((EXAMPLES / "resolution-495.docx").read_bytes())
    name = b"word/document.xml"
    # Find the local header of word/document.xml and spoil its name, marked as UTF-8.
    at = data.index(name)
    header = data.rindex(b"PK\x03\x04", 0, at)
    flags = int.from_bytes(data[header + 6 : header + 8], "little") | 0x800
    data[header + 6 : header + 8] = flags.to_bytes(2, "little")
    data[at + 5] = 0xDD
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["import", str(bad), "-o", str(tmp_path / "o.akn.xml")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "internal error" not in result.stderr
