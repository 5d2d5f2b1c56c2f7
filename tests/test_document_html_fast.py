"""The HTML page's shortcuts (a lead phrase in one call, plain ids unescaped) change nothing."""

from __future__ import annotations

from conftest import EXAMPLES

from drafting import io
from drafting.akn.parser import make
from drafting.model.document import make_note
from drafting.render.document_html import render_document_html


def _page_body(page: str) -> str:
    return page[page.index("<main>") : page.index("</main>")]


def test_a_lead_phrase_keeps_the_emphasis_and_note_inside_it() -> None:
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    phrase = doc.find("13").blocks[0][0][0]  # <b><inline>URGES</inline></b>
    phrase.text = "URGES "
    phrase.append(make("i", text="strongly"))
    phrase.append(make_note("*", "A note on the phrase."))
    body = _page_body(render_document_html(doc))
    assert (
        '<b class="lead-phrase">URGES <em>strongly</em>'
        '<sup><a class="note-ref" id="note-ref-2" href="#note-2" role="doc-noteref"'
        ' aria-describedby="footnotes-label">*</a></sup></b> member governments'
    ) in body  # note 1 is the title's


def test_emphasis_with_words_before_its_inline_is_not_a_lead_phrase() -> None:
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    bold = doc.find("13").blocks[0][0]
    bold.text = "Warmly "
    body = _page_body(render_document_html(doc))
    assert "<strong>Warmly URGES</strong>" in body
    assert '<b class="lead-phrase">URGES' not in body


def test_an_identifier_with_markup_characters_is_escaped_in_its_attribute() -> None:
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    doc.find("13").element.set("eId", "para_13\"&'<")
    assert '<li id="para_13&quot;&amp;&#x27;&lt;">' in render_document_html(doc)
