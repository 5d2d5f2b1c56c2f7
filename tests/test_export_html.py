"""The HTML page stands alone, is accessible, shows the real labels and escapes the text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import EXAMPLES

from drafting import io
from drafting.model import Document
from drafting.model.document import make_note
from drafting.render.document_html import render_document_html

VOID = {"meta", "br", "link", "img", "hr", "input"}


class _Tree(HTMLParser):
    """Records open/close order and every element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def parse(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.akn.xml")), ids=lambda p: p.name)
def test_every_example_is_a_balanced_page_with_one_h1_and_a_language(example: object) -> None:
    page = render_document_html(io.load(example))  # type: ignore[arg-type]
    tree = parse(page)
    assert not tree.errors and not tree.stack
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert [t for t, _ in tree.elements].count("h1") == 1
    assert "@media print" in page and "<script" not in page


def test_the_language_comes_from_the_metadata(r495: Document) -> None:
    r495.set_metadata(r495.metadata.with_changes(language="fra"))
    assert '<html lang="fr">' in render_document_html(r495)


def test_the_title_is_the_h1_and_the_labels_are_the_documents_own(r495: Document) -> None:
    page = render_document_html(r495)
    assert f"<h1>{r495.title}</h1>" in page
    assert (
        '<li id="para_13__list_1__point_b"><div class="provision point"><span class="num">b.</span>'
        in page
    )
    assert '<b class="lead-phrase">Welcoming</b> the Alliance' in page
    assert 'and <b class="lead-phrase">reaffirming</b> the Principles' in page


def test_footnotes_link_both_ways(r495: Document) -> None:
    r495.find("13(b)").blocks[0].append(make_note("1", "A second note."))
    tree = parse(render_document_html(r495))
    refs = [a for t, a in tree.elements if t == "a" and a.get("role") == "doc-noteref"]
    backs = [a for t, a in tree.elements if t == "a" and a.get("role") == "doc-backlink"]
    ids = {a.get("id") for _, a in tree.elements}
    assert [r["href"] for r in refs] == ["#note-1", "#note-2"]
    assert [b["href"] for b in backs] == ["#note-ref-1", "#note-ref-2"]
    for link in refs + backs:
        assert (link["href"] or "")[1:] in ids


def test_text_is_escaped_never_markup(r495: Document) -> None:
    r495.find("13(a)").set_text('to stop \\<script\\>alert(1)\\</script\\> & "quotes"')
    page = render_document_html(r495)
    assert "<script>" not in page
    assert '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"' in page


def test_a_un_preamble_without_numbers_shows_no_empty_labels() -> None:
    page = render_document_html(io.load(EXAMPLES / "un-ga-example.akn.xml"))
    assert '<div class="provision recital unnumbered"><i class="lead-phrase">Recalling</i>' in page
    assert '<span class="num"></span>' not in page
