"""The shortcuts the diff takes to read both versions fast give what they replace.

Blocks with inline markup are known by their serialised bytes, so a block the
two versions share is read once; marked runs are shared between blocks; and one
C-speed test stands for ``"  " not in text and text.isprintable()``.
"""

from __future__ import annotations

from conftest import EXAMPLES, benchmark_generator
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from drafting import io as dio
from drafting.akn.inline import single_spaced
from drafting.diff import diff_documents
from drafting.diff.words import RunCache, block_runs, blocks_runs
from drafting.model import Document
from drafting.model.provision import parts


def _all_blocks(doc: Document) -> list[etree._Element]:
    return [b for p in doc.provisions() for b in parts(p.element).blocks]


@given(st.text(alphabet=st.sampled_from(list("ab Z9;\t\n\r\x0b\x1f\x7f\xa0\xad\u2028é½\ue000"))))
def test_the_fast_spacing_check_is_the_check_it_replaces(text: str) -> None:
    assert single_spaced(text) == ("  " not in text and text.isprintable())


def test_runs_read_through_one_shared_cache_are_each_blocks_own_runs() -> None:
    docs = [dio.load(path) for path in sorted(EXAMPLES.glob("*.akn.xml"))]
    gen = benchmark_generator()
    first = gen.make_resolution(60)
    docs += [first, gen.make_second_version(first).document]
    cache: RunCache = {}
    for doc in docs:
        for block in _all_blocks(doc):
            assert blocks_runs([block], cache) == tuple(block_runs(block))
    assert any(isinstance(k, bytes) for k in cache)  # marked blocks were keyed by bytes


def test_a_lead_phrase_whose_emphasis_changes_is_reported_changed() -> None:
    doc = dio.load(EXAMPLES / "un-ga-example.akn.xml")
    new = doc.copy()
    recital = new.recitals[0]
    first, rest = recital.markup.split(" ", 1)
    recital.set_text(f"**{first.strip('*')}** {rest}")  # the house's italics made bold
    result = diff_documents(doc, new)
    changed = [c for c in result.differences if c.subject == "recital"]
    assert [c.kind for c in changed] == ["changed"]
    assert changed[0].old_runs[0].marks == ("i", "phrase")
    assert changed[0].new_runs[0].marks[0] == "b"
