"""The word diff's token coding: one table for a whole document, pieces looked up whole.

:class:`drafting.diff.words.Codes` encodes a run by splitting it at its spaces and
looking each piece up whole, and one table serves every provision of a diff.  Both
are shortcuts; these tests hold them to the plain computation: one character per
token of :func:`_tokenise`, equal tokens equal characters, and a diff that does
not depend on what the table met before.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafting.diff.records import Run
from drafting.diff.words import Codes, _tokenise, diff_runs

_TEXT = st.text(alphabet=st.sampled_from(list("ab Z9_'’-;,.()\t\n\xa0é½") + [" "] * 6))
_MARKS = st.sampled_from([(), ("b",), ("b", "phrase")])
_RUNS = st.lists(
    st.builds(Run, st.text(alphabet=st.sampled_from(list("ab c;,") + [" "] * 3)), _MARKS),
    max_size=4,
)


@given(st.lists(st.tuples(_TEXT, _MARKS), min_size=1, max_size=6))
def test_a_run_is_coded_one_character_per_token_equal_tokens_alike(
    texts: list[tuple[str, tuple[str, ...]]],
) -> None:
    codes = Codes()
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    for text, marks in texts:
        chars = codes.encode_text(text, marks)
        toks = _tokenise(text)
        assert [codes.words[c] for c in chars] == toks
        for c, tok in zip(chars, toks, strict=True):
            assert seen.setdefault((tok, marks), c) == c
    # Distinct tokens (or marks) never share a character.
    assert len(set(seen.values())) == len(seen)


@given(st.lists(st.tuples(_RUNS, _RUNS), min_size=1, max_size=5))
def test_a_shared_table_diffs_each_pair_as_a_fresh_one_would(
    pairs: list[tuple[list[Run], list[Run]]],
) -> None:
    shared, small = Codes(), Codes()
    small.LIMIT = 3  # starts afresh every few diffs
    for old, new in pairs:
        fresh = diff_runs(old, new)
        assert diff_runs(old, new, shared) == fresh
        assert diff_runs(old, new, small) == fresh
