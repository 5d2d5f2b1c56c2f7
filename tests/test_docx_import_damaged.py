# ruff: noqa: E501 - WordprocessingML reads best one element a line
"""A damaged, hostile or wrong Word file gives one clear line, exit 1, and no output."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from wordml import MAIN_CT, content_types, document, docx_bytes, p, package_rels, r

from drafting.akn import schema
from drafting.akn.inline import text_of
from drafting.cli import cli
from drafting.docx_import import EmptyDocxError
from drafting.formats import import_file
from drafting.model import Provision

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def zip_of(files: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def minimal(override: dict[str, bytes | str]) -> bytes:
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": package_rels(),
        "word/document.xml": document(p(r("1. Urges action."))),
    }
    files.update(override)
    return zip_of(files)


def not_a_zip() -> bytes:
    return b"Dear colleagues, please find the draft attached.\n"


def no_document_part() -> bytes:
    return zip_of({"[Content_Types].xml": content_types(), "_rels/.rels": package_rels()})


def no_content_types() -> bytes:
    return zip_of({"word/document.xml": document(p(r("x")))})


def invalid_xml() -> bytes:
    return minimal({"word/document.xml": "<w:document><w:body><w:p>"})


def doctype_inside() -> bytes:
    return minimal(
        {
            "word/document.xml": '<!DOCTYPE d [<!ENTITY x "y">]><w:document xmlns:w="x">&x;</w:document>'
        }
    )


def inflates_a_thousand_times() -> bytes:
    padded = document(p(r("x"))).replace("<w:body>", "<w:body>" + " " * (2 * 1024 * 1024))
    return minimal({"word/document.xml": padded})


def inflates_past_the_limit() -> bytes:
    return minimal({"word/media/huge.bin": b"\x00" * (65 * 1024 * 1024)})


def old_binary_doc() -> bytes:
    return OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 64


def password_protected() -> bytes:
    # An encrypted .docx is an OLE compound file holding EncryptionInfo and EncryptedPackage.
    return OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64


def macro_enabled() -> bytes:
    macro = MAIN_CT.replace(".document.main", ".document.macroEnabled.main")
    return minimal({"[Content_Types].xml": content_types(main_ct=macro)})


def climbing_member_name() -> bytes:
    return minimal({"../../etc/evil.xml": "<x/>"})


def an_empty_body() -> bytes:
    return docx_bytes(p(r("")) + p(r("  ")))


CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (an_empty_body, "the Word body has no text to import"),
    "not a zip": (not_a_zip, "this is not a Word .docx file (it is not a zip package)"),
    "no document part": (no_document_part, "the file has no main document part"),
    "no content types": (no_content_types, "it has no [Content_Types].xml"),
    "invalid xml": (invalid_xml, "the part word/document.xml is damaged: not well-formed XML"),
    "doctype": (doctype_inside, "DOCTYPE or entities, which drafting refuses for safety"),
    "zip bomb ratio": (inflates_a_thousand_times, "refused as a possible zip bomb"),
    "zip bomb size": (inflates_past_the_limit, "refused as a possible zip bomb"),
    "old doc": (old_binary_doc, "this is an old binary Word .doc file, not a .docx; convert it"),
    "encrypted": (password_protected, "the document is protected by a password"),
    "docm": (macro_enabled, "this is a macro-enabled Word file (.docm)"),
    "member name": (climbing_member_name, "'../../etc/evil.xml', which points outside"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_word_file_gives_one_clear_line_exit_1_and_no_output(
    tmp_path: Path, case: str
) -> None:
    make, expected = CASES[case]
    src = tmp_path / "draft.docx"
    src.write_bytes(make())
    out = tmp_path / "draft.akn.xml"
    report = tmp_path / "report.md"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out), "--report", str(report)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {src}: ")
    assert expected in lines[0]
    assert not out.exists()
    assert not report.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_an_old_doc_is_told_how_to_convert_it(tmp_path: Path) -> None:
    src = tmp_path / "draft.doc"
    src.write_bytes(old_binary_doc())
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(tmp_path / "o.akn.xml")])
    assert result.stderr == (
        f"error: {src}: this is an old binary Word .doc file, not a .docx; convert it to"
        " .docx, e.g. with LibreOffice: soffice --headless --convert-to docx FILE\n"
    )


def test_tracked_changes_are_refused_by_default_with_count_and_authors(tmp_path: Path) -> None:
    src = tmp_path / "draft.docx"
    ins = '<w:ins w:id="1" w:author="Alice" w:date="2025-01-01T00:00:00Z">'
    dele = '<w:del w:id="2" w:author="Bob" w:date="2025-01-01T00:00:00Z">'
    body = p(
        r("1. ")
        + r("Urges", "<w:b/>")
        + ins
        + r(" all")
        + "</w:ins>"
        + dele
        + '<w:r><w:delText xml:space="preserve"> some</w:delText></w:r></w:del>'
        + ins.replace('"1"', '"3"')
        + r(" States")
        + "</w:ins>"
    )
    src.write_bytes(docx_bytes(body))
    out = tmp_path / "o.akn.xml"
    result = CliRunner().invoke(cli, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {src}: the document has 3 tracked changes (2 by Alice, 1 by Bob) that are"
        " neither accepted nor rejected; accept or reject them in Word, or import with"
        " --accept-changes or --reject-changes; to table them as amendments, run"
        " drafting amendments from-edit on the file\n"
    )
    assert not out.exists()


def test_accept_and_reject_together_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "draft.docx"
    src.write_bytes(docx_bytes(p(r("x"))))
    result = CliRunner().invoke(
        cli,
        ["import", str(src), "-o", str(tmp_path / "o.xml"), "--accept-changes", "--reject-changes"],
    )
    assert result.exit_code == 2
    assert "give --accept-changes or --reject-changes, not both" in result.stderr


LABELS = ["", "1.\t", "2. ", "a.\t", "(b) ", "iv)\t", "B.\t", "– "]
LEADS = ["", "Recognising", "Urges", "Calls upon", "Notes", "whereas"]


def _label(x: Provision) -> str:
    return "–" if x.kind == "citation" else x.num or ""


@settings(max_examples=40, deadline=None)
@given(
    paras=st.lists(
        st.tuples(
            st.sampled_from(LABELS),
            st.sampled_from(LEADS),
            st.booleans(),
            st.sampled_from([None, 0, 720, 1440]),
            st.text(alphabet="abc ,;", max_size=12),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_arrangement_of_paragraphs_imports_every_word_in_order(
    paras: list[tuple[str, str, bool, int | None, str]],
) -> None:
    """A draft with faults imports: never refused, every character accounted for, the
    words in the order Word shows them, and valid AKN."""
    body = p(r("RESOLUTION 1")) + p(r("The Assembly,"))
    for label, lead, bold, indent, words in paras:
        ppr = f'<w:ind w:left="{indent}"/>' if indent is not None else ""
        body += p(r(label) + r(lead, "<w:b/>" if bold else "") + r(f" {words}"), ppr)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.docx"
        path.write_bytes(docx_bytes(body))
        try:
            result = import_file(path, date=dt.date(2025, 1, 1))
        except EmptyDocxError:
            assert not any((label + lead + words).strip() for label, lead, _, _, words in paras)
            return
    assert not schema.problems(result.document.tree, house_style=False)
    assert result.report.unaccounted == 0  # type: ignore[attr-defined]
    typed = [
        " ".join((label + lead + " " + words).split())
        for label, lead, _, _, words in paras
        if (label + lead + words).strip()
    ]
    # A citation's dash is its label, which every export shows, as a number is.
    shown = [
        " ".join(f"{_label(x)} {' '.join(text_of(b) for b in x.blocks)}".split())
        for x in result.document.provisions()
    ]
    words_typed = " ".join(typed).split()
    words_shown = " ".join(shown).split()
    # Paragraphs cut off in mid-sentence may be joined: the words, in order, are the same.
    assert words_shown == words_typed
