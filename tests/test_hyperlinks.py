"""Links survive Word -> AKN -> Word, Markdown both ways, and show on the HTML page.

The Word fixtures are made by LibreOffice, python-docx and pandoc
(``tests/fixtures/docx/hyperlinks/make_hyperlinks.py`` says how).  A .docx is
untrusted: only http, https, mailto and ftp addresses, #bookmarks and relative
paths become links; every other address is dropped, its words kept and the import
report saying so.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from conftest import assert_valid
from lxml import etree

from drafting import formats, io
from drafting.akn.inline import MAX_HREF, safe_href
from drafting.akn.ns import local_name, q
from drafting.akn.parser import make
from drafting.amendments import apply_amendments, parse_amendments
from drafting.diff import diff_documents
from drafting.docx_export import write_docx
from drafting.docx_import import import_docx
from drafting.model import Document
from drafting.model.markup import fill_block, render_markup
from drafting.render.document_html import render_document_html
from drafting.text import read_text, write_text

HERE = Path(__file__).resolve().parent / "fixtures" / "docx" / "hyperlinks"
VILNIUS = "https://www.nato.int/cps/en/natohq/official_texts_217320.htm"
LO, PD, PANDOC = HERE / "lo-links.docx", HERE / "pd-links.docx", HERE / "pandoc-links.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _links(doc: Document) -> list[tuple[str, str]]:
    """Every ``<a>`` of the document: its address and its words."""
    return [
        (a.get("href") or "", "".join(a.itertext()))
        for a in doc.tree.iter()
        if isinstance(a.tag, str) and local_name(a.tag) == "a"
    ]


def _p(markup: str) -> etree._Element:
    p = make("p")
    fill_block(p, markup)
    return p


def _inner(el: etree._Element) -> str:
    """The content of ``el`` as XML, without its own tag and namespace declarations."""
    xml = etree.tostring(el, encoding="unicode")
    return re.sub(r"^<[^>]*>|</[^>]*>$", "", xml)


# -- the address policy -------------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "https://www.nato-pa.int/",
        "http://example.org/a?b=1&c=2#d",
        "HTTPS://EXAMPLE.ORG",
        "mailto:secretariat@example.org",
        "ftp://ftp.example.org/file.txt",
        "#annex",
        "reports/2024-dsc.pdf",
        "../report.docx#part2",
    ],
)
def test_web_mail_and_ftp_addresses_bookmarks_and_relative_paths_are_kept(href: str) -> None:
    assert safe_href(href) == href


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///C:/Users/secret.txt",
        "C:\\Users\\secret.txt",
        "",
        "https://example.org/" + "x" * MAX_HREF,
    ],
)
def test_every_other_address_is_refused(href: str) -> None:
    assert safe_href(href) is None


def test_white_space_and_quotes_in_an_address_are_percent_encoded_once() -> None:
    href = safe_href('my report "final".docx')
    assert href == "my%20report%20%22final%22.docx"
    assert safe_href(href) == href


# -- the light markup ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "xml"),
    [
        ("see [it](https://x.org/r) now", 'see <a href="https://x.org/r">it</a> now'),
        ("[the **report**](#annex)", '<a href="#annex">the <b>report</b></a>'),
        ("**[Recalling](https://x.org)** it", '<b><a href="https://x.org">Recalling</a></b> it'),
        ("[wiki](https://x.org/wiki/A_(b))", '<a href="https://x.org/wiki/A_(b)">wiki</a>'),
        ("[x](<my file.docx>)", '<a href="my%20file.docx">x</a>'),
        ("visit <https://x.org>", 'visit <a href="https://x.org">https://x.org</a>'),
    ],
)  # fmt: skip
def test_a_markdown_link_becomes_an_akn_a_element(markup: str, xml: str) -> None:
    assert _inner(_p(markup)) == xml


@pytest.mark.parametrize(
    "markup",
    ["a [bracketed] word", "[x](javascript:alert(1))", "[unclosed link", "[x]() y"],
)
def test_brackets_that_are_no_safe_link_stay_literal_text(markup: str) -> None:
    p = _p(markup)
    assert not len(p)
    assert p.text == markup


@pytest.mark.parametrize(
    "markup",
    [
        "see [the **report**](https://example.org/a_(b)?c=1&d=2) now",
        "[annex](#annex), [mail](mailto:a@example.org) and <https://example.org>",
        "**Recalling** [x\\]y](https://example.org/\\(z)",
    ],
)
def test_links_round_trip_through_markup(markup: str) -> None:
    p = _p(markup)
    assert etree.tostring(_p(render_markup(p))) == etree.tostring(p)


def test_plain_text_gives_the_address_after_the_words_and_no_bookmarks() -> None:
    p = _p("the [report](https://example.org/r) and the [annex](#annex)")
    assert render_markup(p, links="plain") == "the report <https://example.org/r> and the annex"


def test_an_akn_link_to_a_refused_address_is_written_as_its_words() -> None:
    p = _p("see it")
    a = make("a", {"href": "javascript:alert(1)"})
    a.text = "here"
    p.append(a)
    assert render_markup(p) == "see ithere"


# -- Word import ---------------------------------------------------------------------------


def test_libreoffice_links_import_with_their_addresses_and_a_link_in_a_footnote() -> None:
    result = import_docx(LO)
    assert_valid(result.document)
    assert _links(result.document) == [
        ("https://www.nato-pa.int/committees/dsc", "Defence and Security Committee"),
        (VILNIUS, "Vilnius Summit Communiqué"),
        ("mailto:secretariat@example.org", "write to it"),
        ("#annex", "annex"),
        ("reports/2024-dsc.pdf", "the committee report"),
    ]


def test_emphasis_inside_a_link_stays_inside_the_one_link() -> None:
    doc = import_docx(LO).document
    p = doc.recitals[0].blocks[0]
    assert _inner(p).endswith(
        f'<a href="{VILNIUS}">Vilnius Summit <b>Communiqué</b></a> of July 2023;'
    )


def test_hyperlinks_and_hyperlink_fields_as_word_writes_them_import() -> None:
    result = import_docx(PD)
    assert_valid(result.document)
    assert _links(result.document) == [
        ("https://www.nato.int/", "NATO website"),
        ("https://example.org/fields?a=1&b=2", "simple field"),
        ("https://example.org/complex", "complex field"),
        ("#annex", "annex below"),
        ("report.docx#part2", "part 2 of the report"),
    ]


def test_a_space_at_the_end_of_a_link_is_moved_out_of_it() -> None:
    doc = import_docx(PD).document
    assert '<a href="https://www.nato.int/">NATO website</a> as the source;' in _inner(
        doc.recitals[0].blocks[0]
    )


def test_pandoc_links_import() -> None:
    result = import_docx(PANDOC)
    assert_valid(result.document)
    assert _links(result.document) == [
        (VILNIUS, "Vilnius Summit Communiqué"),
        ("mailto:secretariat@example.org", "mailto:secretariat@example.org"),
        ("#annex", "annex"),
        ("https://example.org/report_(2024)", "the committee report"),
    ]


def test_unsafe_addresses_are_dropped_their_words_kept_and_the_report_says_so() -> None:
    result = import_docx(PD)
    urges = result.document.body[0]
    assert urges.text.endswith(
        "to ignore a script, a macro, a local file, a data address and a very long address."
    )
    block = urges.blocks[0]
    assert [local_name(c.tag) for c in block] == ["b"]  # no <a>, and no link underline
    dropped = [d for d in result.report.details if "link address" in d]
    assert [re.search(r"'(\w+):", d).group(1) for d in dropped] == [  # type: ignore[union-attr]
        "javascript",
        "vbscript",
        "file",
        "data",
        "https",
    ]
    assert all(d.startswith("paragraph 7: ") and d.endswith("its words are kept") for d in dropped)
    assert "5 link address(es) dropped as unsafe, their words kept" in result.warnings
    assert result.report.details == result.details


def _without_links(src: Path, dst: Path) -> None:
    """``src`` with every link unwrapped and every HYPERLINK field made a REF field."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith(("document.xml", "footnotes.xml")):
                data = re.sub(rb"<w:hyperlink\b[^>]*>|</w:hyperlink>", b"", data)
                data = re.sub(rb"<w:fldSimple\b[^>]*>|</w:fldSimple>", b"", data)
                data = data.replace(b"HYPERLINK", b"REF")
            zout.writestr(info, data)


@pytest.mark.parametrize("fixture", [LO, PD, PANDOC], ids=lambda p: p.stem)
def test_links_change_nothing_in_the_accounting_of_characters(
    fixture: Path, tmp_path: Path
) -> None:
    plain = tmp_path / fixture.name
    _without_links(fixture, plain)
    linked, unlinked = import_docx(fixture).report, import_docx(plain).report
    assert linked.unaccounted == 0
    assert (linked.total_chars, linked.imported_chars, linked.listed_chars) == (
        unlinked.total_chars,
        unlinked.imported_chars,
        unlinked.listed_chars,
    )
    texts = [p.text for p in import_docx(fixture).document.provisions()]
    assert texts == [p.text for p in import_docx(plain).document.provisions()]


# -- export and round trips ----------------------------------------------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_word_export_writes_hyperlinks_to_external_relationships_in_the_hyperlink_style() -> None:
    parts = _parts(write_docx(import_docx(LO).document))
    body = etree.fromstring(parts["word/document.xml"])
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in rels}
    links = list(body.iter(f"{W}hyperlink"))
    external = [targets[h.get(R_ID)] for h in links if h.get(R_ID)]
    assert (VILNIUS, "External") in external
    assert [h.get(f"{W}anchor") for h in links if h.get(f"{W}anchor")] == ["annex"]
    styles = [r.get(f"{W}val") for h in links for r in h.iter(f"{W}rStyle")]
    assert styles and set(styles) == {"Hyperlink"}
    assert b'w:styleId="Hyperlink"' in parts["word/styles.xml"]
    # A footnote's link is a HYPERLINK field: the footnotes part has no relationships.
    field = b"HYPERLINK &quot;https://www.nato-pa.int/committees/dsc&quot;"
    assert field in parts["word/footnotes.xml"]


def test_a_resolution_without_links_gets_no_hyperlink_style(r495: Document) -> None:
    assert b"Hyperlink" not in _parts(write_docx(r495))["word/styles.xml"]


@pytest.mark.parametrize("fixture", [LO, PD, PANDOC], ids=lambda p: p.stem)
def test_akn_to_word_to_akn_keeps_every_link(fixture: Path, tmp_path: Path) -> None:
    doc = import_docx(fixture).document
    out = tmp_path / "again.docx"
    out.write_bytes(write_docx(doc))
    again = import_docx(out).document
    assert_valid(again)
    assert _links(again) == _links(doc)
    assert [_inner(b) for p in again.provisions() for b in p.blocks] == [
        _inner(b) for p in doc.provisions() for b in p.blocks
    ]


@pytest.mark.parametrize("fixture", [LO, PD, PANDOC], ids=lambda p: p.stem)
def test_akn_to_markdown_to_akn_keeps_every_link(fixture: Path) -> None:
    doc = import_docx(fixture).document
    again = read_text(write_text(doc), style=doc.house_style.name).document
    assert_valid(again)
    assert _links(again) == _links(doc)


def test_the_txt_export_writes_each_address_after_its_words_and_the_md_export_markdown() -> None:
    doc = import_docx(PD).document
    txt = formats.render(doc, ".txt").decode()
    md = formats.render(doc, ".md").decode()
    assert "the NATO website <https://www.nato.int/> as the source;" in txt
    assert "the [NATO website](https://www.nato.int/) as the source;" in md


def test_the_html_page_links_escaped_addresses() -> None:
    page = render_document_html(import_docx(PD).document)
    assert '<a href="https://example.org/fields?a=1&amp;b=2">simple field</a>' in page
    assert '<a href="#annex">annex below</a>' in page


def test_the_html_page_shows_only_the_words_of_a_link_to_a_refused_address() -> None:
    doc = import_docx(PD).document
    a = next(a for a in doc.tree.iter(q("a")))
    a.set("href", 'javascript:alert("x")')
    page = render_document_html(doc)
    assert "javascript" not in page
    assert "the NATO website as the source;" in page


# -- diff and amendments ------------------------------------------------------------------


def _changed(old: Document, new: Document) -> list[str]:
    """The words each changed provision deleted and inserted, as ``-word`` / ``+word``."""
    sign = {"delete": "-", "insert": "+"}
    return [
        " ".join(sign[op.kind] + op.text for op in c.ops if op.kind != "equal")
        for c in diff_documents(old, new).changes
        if c.kind != "unchanged"
    ]


def test_a_diff_of_versions_with_links_compares_their_words_not_their_addresses() -> None:
    old = import_docx(LO).document
    new = io.loads(io.dumps(old))
    link = next(a for a in new.tree.iter(q("a")) if a.text == "write to it")
    link.set("href", "mailto:other@example.org")
    assert _changed(old, new) == []
    link.text = "write to us"
    changed = _changed(old, new)
    assert changed == ["-it +us"]


def test_an_amendment_changing_words_inside_a_link_keeps_the_link() -> None:
    doc = import_docx(LO).document
    amendments = parse_amendments(
        "Amendment 1\nParagraph 2\n"
        'Leave out "write to it" and insert "write to the secretariat"\nStatus: adopted\n'
    )
    amended = apply_amendments(doc, amendments).document
    assert_valid(amended)
    assert ("mailto:secretariat@example.org", "write to the secretariat") in _links(amended)


# -- lead phrases and spaces ---------------------------------------------------------------

LINKED_LEAD = (
    "A TITLE\n\nRESOLUTION 7\n\nThe Assembly,\n\n"
    "1. [**Recalling**](https://x.org/r) its [ earlier work ](https://x.org/w) of 2024;\n"
    "2. **Urges** all to act.\n"
)


def test_a_lead_phrase_that_is_a_link_stays_the_lead_phrase_with_the_link_inside() -> None:
    doc = read_text(LINKED_LEAD, style="nato-pa").document
    assert_valid(doc)
    assert _inner(doc.recitals[0].blocks[0]) == (
        '<b><inline name="preambularPhrase" refersTo="#preambularPhrase">'
        '<a href="https://x.org/r">Recalling</a></inline></b> its '
        '<a href="https://x.org/w">earlier work</a> of 2024;'
    )


def test_a_linked_lead_phrase_comes_back_from_word_and_markdown(tmp_path: Path) -> None:
    doc = read_text(LINKED_LEAD, style="nato-pa").document
    out = tmp_path / "lead.docx"
    out.write_bytes(write_docx(doc))
    from_word = import_docx(out).document
    from_markdown = read_text(write_text(doc), style="nato-pa").document
    for again in (from_word, from_markdown):
        assert_valid(again)
        assert _inner(again.recitals[0].blocks[0]) == _inner(doc.recitals[0].blocks[0])
