"""Overlapping amendments as groups, and one decision of what falls.

A committee can table hundreds of amendments to one paragraph.  The groups,
the voting list's "if adopted, ... fall" and the apply's "fell" must say what a
comparison of every pair would say, without comparing every pair: the
properties here hold the fast paths to that brute force.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting import io
from drafting.amendments import apply_amendments, check, parse_amendments, voting_list
from drafting.amendments.exclusion import (
    Adopted,
    amendment_numbers,
    excludes,
    overlap_groups,
)
from drafting.amendments.resolve import Check, check_amendments
from drafting.amendments.voting import voting_list_markdown
from drafting.model.document import Document

# Paragraph 1 of the UN example, every word once.
WORDS = [
    *("Calls", "upon", "Member", "States", "to", "integrate", "coastal", "flood", "risk"),
    *("into", "national", "development", "and", "preparedness", "plans;"),
]


@pytest.fixture(scope="module")
def un() -> Document:
    return io.load(EXAMPLES / "un-ga-example.akn.xml")


def _amendments(bodies: Sequence[str], status: str = "adopted") -> str:
    return "".join(
        f"Amendment {n}\nStatus: {status}\n{body}\n\n" for n, body in enumerate(bodies, 1)
    )


def _leave_out(i: int, j: int, new: str = "") -> str:
    words = " ".join(WORDS[i:j]).rstrip(";")
    insert = f' and insert "{new}"' if new else ""
    return f'Paragraph 1\nLeave out "{words}"{insert}'


def test_competing_texts_for_the_same_words_are_one_group_in_one_line(un: Document) -> None:
    text = _amendments([_leave_out(5, 7, f"option {k}") for k in range(3)])
    report = check(un, parse_amendments(text))
    (group,) = report.overlaps
    assert group.exclusive
    assert report.lines()[-1] == (
        'amendments 1, 2 and 3 overlap in paragraph 1: all change "integrate coastal";'
        " if one is adopted, the others fall"
    )


def test_a_chain_is_one_group_and_only_neighbours_fall(un: Document) -> None:
    # 1 and 2 share "coastal", 2 and 3 share "flood"; 1 and 3 share nothing.
    amendments = parse_amendments(
        _amendments([_leave_out(5, 7), _leave_out(6, 8), _leave_out(7, 9)])
    )
    (group,) = check(un, amendments).overlaps
    assert not group.exclusive
    assert group.pairs == (("1", "2"), ("2", "3"))
    assert "those it overlaps fall (1 with 2, 2 with 3)" in group.line()
    listed = {i.amendment.number: i.falls for i in voting_list(un, amendments)}
    assert listed == {"1": ("2",), "2": ("3",), "3": ()}
    # Adopting all three: 2 falls with 1, so nothing stops 3.
    outcomes = {o.number: o.outcome for o in apply_amendments(un, amendments).outcomes}
    assert outcomes == {"1": "applied", "2": "fell", "3": "applied"}


def test_two_thousand_competing_amendments_are_one_group_named_once(un: Document) -> None:
    n = 2000
    amendments = parse_amendments(_amendments([_leave_out(10, 12, f"text {k}") for k in range(n)]))
    checks = check_amendments(un, amendments)
    (group,) = overlap_groups(checks)
    assert group.exclusive and len(group.members) == n
    assert group.line().startswith(f"amendments 1 to {n} overlap in paragraph 1:")
    items = voting_list(un, amendments, checks=checks)
    assert all(i.group == group and i.falls == () for i in items)
    paper = voting_list_markdown(items)
    assert f"one of {n} competing amendments in paragraph 1" in paper
    outcomes = apply_amendments(un, amendments, checks=checks).outcomes
    assert [o.outcome for o in outcomes].count("applied") == 1
    assert all(o.fell_because_of == ("1",) for o in outcomes[1:])


def test_the_votes_make_a_large_groups_later_members_fall(un: Document) -> None:
    from drafting.amendments.votes import parse_vote_counts, record_votes

    n = 40
    amendments = parse_amendments(
        _amendments([_leave_out(10, 12, f"text {k}") for k in range(n)], status="tabled")
    )
    items = voting_list(un, amendments)
    votes = parse_vote_counts("Amendment 1: rejected\nAmendment 2: adopted\n", "votes.txt")
    paper = record_votes(items, votes)
    outcomes = [r.result.outcome for r in paper.rows[:n]]
    assert outcomes[:2] == ["rejected", "adopted"]
    assert set(outcomes[2:]) == {"fell"}


def test_a_long_run_of_numbers_is_written_as_a_range() -> None:
    assert amendment_numbers(["1", "2"]) == "1 and 2"
    assert amendment_numbers(["1", "2", "3"]) == "1, 2 and 3"
    assert amendment_numbers(["1", "2", "3", "4", "7", "C1"]) == "1 to 4, 7 and C1"


# -- the fast paths against every pair ----------------------------------------------

_SPANS = st.tuples(st.integers(0, len(WORDS) - 1), st.integers(1, 3)).map(
    lambda t: (t[0], min(len(WORDS), t[0] + t[1]))
)


def _body(kind: str, span: tuple[int, int]) -> str:
    i, j = span
    if kind == "out":
        return _leave_out(i, j)
    if kind == "after":
        return f'Paragraph 1\nAfter "{WORDS[i].rstrip(";")}" insert "very"'
    if kind == "delete":
        return "Paragraph 1\nDelete the paragraph"
    if kind == "sub":
        return 'Paragraph 2(a)\nLeave out "early warning"'
    if kind == "new":
        return 'After paragraph 1 insert the following new paragraph:\n"*Invites* States to act;"'
    if kind == "newsub":
        return 'After paragraph 2(a) insert the following new sub-paragraph:\n"to act;"'
    if kind == "delete2":
        return "Paragraph 2\nDelete the paragraph"
    return "Paragraph 2(a)(i)\nDelete the sub-paragraph"


_KINDS = ["out", "out", "after", "delete", "sub", "delete2", "pt", "new", "newsub"]
_BODIES = st.lists(
    st.tuples(
        st.sampled_from(["out", "out", "after", "delete", "sub", "delete2", "point"]), _SPANS
    ),
    min_size=1,
    max_size=14,
)


def _brute_groups(checks: Sequence[Check]) -> set[frozenset[str]]:
    parent = list(range(len(checks)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, c in enumerate(checks):
        for j in range(i):
            if excludes(c, checks[j]):
                parent[find(i)] = find(j)
    groups: dict[int, set[str]] = {}
    for i, c in enumerate(checks):
        groups.setdefault(find(i), set()).add(c.amendment.number)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


@settings(max_examples=60, deadline=None)
@given(_BODIES)
def test_groups_are_what_comparing_every_pair_connects(
    un: Document, bodies: list[tuple[str, tuple[int, int]]]
) -> None:
    checks = check_amendments(un, parse_amendments(_amendments([_body(*b) for b in bodies])))
    found = overlap_groups(checks)
    assert {frozenset(g.members) for g in found} == _brute_groups(checks)
    for g in found:
        members = [c for c in checks if c.amendment.number in g.members]
        every = all(excludes(c, d) for k, c in enumerate(members) for d in members[k + 1 :])
        assert g.exclusive == every


@settings(max_examples=60, deadline=None)
@given(_BODIES)
def test_the_index_of_adopted_amendments_finds_what_every_pair_would(
    un: Document, bodies: list[tuple[str, tuple[int, int]]]
) -> None:
    checks = check_amendments(un, parse_amendments(_amendments([_body(*b) for b in bodies])))
    standing = Adopted()
    applied: list[Check] = []
    for c in checks:
        expected = {p.amendment.number for p in applied if excludes(p, c)}
        assert set(standing.clashing(c)) == expected
        if not expected:
            standing.add(c)
            applied.append(c)
