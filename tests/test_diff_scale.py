"""The diff at benchmark scale: every clause paired as the generator's answer key says.

``benchmarks/run.py`` times the diff of a generated resolution and its second
version; a faster diff is worth nothing unless it still pairs every clause
correctly.  The generator (``benchmarks/generate.py``) keeps an answer key,
keyed by the first version's wIds: which provisions it edited, deleted and moved,
and how many it inserted.  N = 200 (about 520 provisions) keeps the test fast
and still has deletions next to insertions, which is where pairing by words can
go wrong.  The shortcuts the diff takes to be fast are checked against the
plain computations they replace.
"""

from __future__ import annotations

import io
import zipfile
from difflib import SequenceMatcher

import pytest
from conftest import benchmark_generator
from hypothesis import given
from hypothesis import strategies as st

from drafting.akn.parser import parse_foreign
from drafting.diff import DiffResult, diff_documents
from drafting.diff.lcs import LcsIndex
from drafting.diff.records import Change, Run, Side, WordOp
from drafting.diff.words import _TOKEN, _tokenise
from drafting.docx_export.columns import columns_docx
from drafting.model import Document

N = 200
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def versions() -> tuple[Document, object]:
    gen = benchmark_generator()
    old = gen.make_resolution(N)
    return old, gen.make_second_version(old)


def _check_against_key(
    result: DiffResult, new: Document, version: object, wid_of: dict[str | None, str]
) -> None:
    """Assert that ``result`` finds what the answer key of ``version`` says happened."""
    found: dict[str, set[str]] = {}
    inserted = 0
    for c in result.changes:
        if c.subject in ("title", "formula"):
            continue
        if c.old is None:
            inserted += 1
            continue
        assert c.old.wid is not None
        if c.new is not None:  # a pair: the same provision on both sides
            assert wid_of[c.new.eid] == c.old.wid, c
        found.setdefault(c.kind, set()).add(c.old.wid)
    assert found.get("deleted", set()) == version.deleted  # type: ignore[attr-defined]
    assert found.get("changed", set()) == version.edited  # type: ignore[attr-defined]
    assert inserted == version.inserted  # type: ignore[attr-defined]
    # A move is found as the generator made it, or as its mirror image where the
    # two readings are equally short (A moved after its neighbour B, or B before A).
    moved, key = found.get("moved", set()), version.moved  # type: ignore[attr-defined]
    assert len(moved) == len(key)
    order = [wid_of[p.eid] for p in new.provisions()]
    for wid in moved ^ key:
        i = order.index(wid)
        assert {*order[max(0, i - 1) : i], *order[i + 1 : i + 2]} & (moved ^ key), wid
    assert {k for k in found if k not in ("deleted", "changed", "moved")} <= {
        "unchanged",
        "renumbered",
    }


def test_every_clause_pairs_as_the_answer_key_says(versions: tuple[Document, object]) -> None:
    old, version = versions
    new = version.document  # type: ignore[attr-defined]
    wid_of = {p.eid: p.wid for p in new.provisions()}
    _check_against_key(diff_documents(old, new), new, version, wid_of)


def test_without_shared_wids_the_words_alone_pair_every_clause_as_the_key_says(
    versions: tuple[Document, object],
) -> None:
    old, version = versions
    new = version.document.copy()  # type: ignore[attr-defined]
    wid_of = {p.eid: p.wid for p in new.provisions()}
    for p in new.provisions():
        del p.element.attrib["wId"]
    _check_against_key(diff_documents(old, new), new, version, wid_of)


# -- the shortcuts, against what they replace -------------------------------------


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


_WORD_LISTS = st.lists(st.sampled_from("abcde"), max_size=12)


@given(st.lists(_WORD_LISTS, min_size=1, max_size=300), _WORD_LISTS, st.data())
def test_the_bit_parallel_lcs_is_the_longest_common_subsequence_of_each_list(
    olds: list[list[str]], new: list[str], data: st.DataObject
) -> None:
    lo = data.draw(st.integers(0, len(olds) - 1))
    hi = data.draw(st.integers(lo + 1, len(olds)))
    common = LcsIndex(olds).common(new, lo, hi)
    assert common == [_lcs(o, new) for o in olds[lo:hi]]
    for o, n in zip(olds[lo:hi], common, strict=True):
        # The bound the pairing relies on: the ratio never counts more words.
        matched = sum(b.size for b in SequenceMatcher(None, o, new, False).get_matching_blocks())
        assert matched <= n


@given(st.text(alphabet=st.sampled_from(list("ab Z9_'’-;,.()\t\n\xa0é½") + [" "] * 4)))
def test_splitting_at_spaces_gives_the_tokens_of_the_token_expression(text: str) -> None:
    assert _tokenise(text) == _TOKEN.findall(text)


def test_a_footnote_mark_in_the_comparative_table_is_superscript() -> None:
    side = Side("para_1", "para_1", "1.", "1", None, 0)
    runs = (Run("Urges all", ()), Run("1", (), "A note."), Run(" members;", ()))
    change = Change("changed", "paragraph", side, side, (WordOp("equal", runs),))
    data = columns_docx(DiffResult((change,)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = parse_foreign(z.read("word/document.xml"), "word/document.xml").getroot()
    marks = [
        r
        for r in root.iter(W + "r")
        if "".join(t.text or "" for t in r.iter(W + "t")) == "1"
        and r.find(f"{W}rPr/{W}vertAlign") is not None
    ]
    assert len(marks) == 2  # once in each column
    aligns = [m.find(f"{W}rPr/{W}vertAlign") for m in marks]
    assert {a.get(W + "val") for a in aligns if a is not None} == {"superscript"}
