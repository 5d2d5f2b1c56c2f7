"""Operation patterns compile on first use and skip lines that cannot open them.

The skip must never refuse a line the full pattern would read: each lead is a
necessary condition of its anchored pattern, under the same case-insensitive rules
(which let "ſ" stand for "s", "K" for "k" and "ı" for "i").  Lines are every usual
wording of the wording tests and every amendment the property tests can write, in
any casing.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_amendments_properties import located, new_form, placed, titled
from test_amendments_wording import OPERATIONS

from drafting.amendments import phrases, write_amendment
from drafting.amendments.model import Amendment
from drafting.amendments.phrases import LinePattern

PATTERNS: list[LinePattern] = [
    *(rx for rx, _ in phrases._TEXT_OPS),
    phrases.DELETE_PROVISION,
    phrases.DELETE_NAMED,
    *phrases.REPLACE_PROVISION,
    *phrases.INSERT_PROVISIONS,
    phrases.MOVE,
]
LINES = [line for line, _ in OPERATIONS] + [
    "Move paragraph 3 after paragraph 5",
    "After paragraph 12, insert a new paragraph as follows:",
    "A new sub-paragraph after sub-paragraph (c)",
    "Amend paragraph 4 to read as follows:",
    "Paragraph 4 shall read as follows:",
    "Substitute the following text:",
    "Delete paragraph 7",
]
#: Letters that IGNORECASE takes for another: what a lead must also take.
TWINS = {"s": "ſ", "k": "K", "i": "ı", "I": "İ"}


def _agree(line: str) -> int:
    """Check every pattern on ``line``; the number of full expressions that read it."""
    read = 0
    for pattern in PATTERNS:
        full = re.compile(pattern._source, pattern._flags).match(line)
        got = pattern.match(line)
        assert (got is None) == (full is None), (pattern._source[:60], line)
        if got is not None and full is not None:
            assert got.groupdict() == full.groupdict()
            read += 1
    return read


def _cased(line: str, how: int) -> str:
    if how == 1:
        return line.upper()
    if how == 2:
        return line.lower()
    if how == 3:
        return "".join(TWINS.get(c, c) for c in line)
    return line


def test_the_usual_wordings_read_alike_in_any_casing() -> None:
    read = sum(_agree(_cased(line, how)) for line in LINES for how in range(4))
    assert read >= len(LINES) * 3  # the lines are read: the test compares real matches


@settings(max_examples=150, deadline=None)
@given(st.one_of(located, titled, placed, new_form), st.integers(0, 3))
def test_every_written_amendment_reads_alike_with_and_without_leads(a: Amendment, how: int) -> None:
    for line in write_amendment(a).splitlines():
        _agree(_cased(line, how))


def test_a_line_no_pattern_opens_compiles_nothing() -> None:
    fresh = [
        LinePattern(p._source, p._flags, p._lead.pattern if p._lead else None)
        for p in PATTERNS
        if p._lead is not None
    ]
    assert len(fresh) == len(PATTERNS) - 1  # all but one have a lead
    for p in fresh:
        assert p.match("Tabled by: Delegation of Iceland") is None
    assert all(p._compiled is None for p in fresh)
