"""Golden amendment cases: one folder per case under tests/golden/amendments/<case>/.

Each folder holds the draft (``draft.akn.xml`` or ``draft.md``), the amendments
(``amendments.txt``/``.md``/``.xml``), optionally ``votes.txt``, and what must come
out: ``expected.md`` (the amended text) with ``expected-report.json``,
``expected-check.txt`` (what ``amendments check`` prints), ``expected-voting.md``
(the voting list) or ``expected-error.txt`` (the one-line error of a refused run).
Regenerate on purpose with ``DRAFTING_UPDATE_GOLDEN=1 pytest tests/test_amendments_golden.py``
and review the difference like code.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import GOLDEN, assert_valid

from drafting.amendments import (
    Amendment,
    apply_amendments,
    check,
    read_amendment_files,
    read_votes,
    report_json,
    voting_list,
    voting_list_markdown,
)
from drafting.amendments.resolve import resolve_all
from drafting.errors import DraftingError
from drafting.formats import load_document
from drafting.model import Document
from drafting.text import write_text

CASES = sorted(p for p in (GOLDEN / "amendments").iterdir() if p.is_dir())
UPDATE = os.environ.get("DRAFTING_UPDATE_GOLDEN") == "1"


def _one(case: Path, stem: str) -> Path:
    found = sorted(case.glob(f"{stem}.*"))
    assert found, f"{case.name}: no {stem}.* file"
    return found[0]


def _compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing; run with DRAFTING_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_amendment_case_gives_the_expected_outputs(case: Path) -> None:
    draft = load_document(_one(case, "draft"))
    amendments = read_amendment_files([_one(case, "amendments")])
    votes_file = case / "votes.txt"
    votes = read_votes(votes_file) if votes_file.exists() else None
    checked = False
    if (case / "expected-check.txt").exists():
        _compare(case / "expected-check.txt", "\n".join(check(draft, amendments).lines()) + "\n")
        checked = True
    if (case / "expected-voting.md").exists():
        _compare(case / "expected-voting.md", voting_list_markdown(voting_list(draft, amendments)))
        # The checks of an earlier `check` give the same list without resolving again.
        report = check(draft, amendments)
        listed = voting_list(draft, amendments, checks=report.checks)
        assert voting_list_markdown(listed) == voting_list_markdown(voting_list(draft, amendments))
        if len(amendments) > 1:
            with pytest.raises(ValueError, match="other amendments"):
                voting_list(draft, amendments, checks=report.checks[1:])
        checked = True
    if (case / "expected-error.txt").exists():
        with pytest.raises(DraftingError) as err:
            apply_amendments(draft, amendments, votes=votes)
        _compare(case / "expected-error.txt", str(err.value) + "\n")
        with pytest.raises(DraftingError) as refused:  # the same refusal from earlier checks
            apply_amendments(draft, amendments, votes=votes, checks=check(draft, amendments).checks)
        assert str(refused.value) == str(err.value)
        return
    if (case / "expected.md").exists() or not checked:
        before = draft.to_bytes()
        day = dt.date(2024, 11, 25)
        amended = apply_amendments(draft, amendments, votes=votes, date=day)
        assert draft.to_bytes() == before, "the draft itself must not change"
        assert_valid(amended.document)
        _compare(case / "expected.md", write_text(amended.document))
        _compare(case / "expected-report.json", report_json(amended))
        # The places an earlier check found, carried over to the copy, give the same.
        checks = check(draft, amendments).checks
        carried = apply_amendments(draft, amendments, votes=votes, date=day, checks=checks)
        assert draft.to_bytes() == before
        assert carried.document.to_bytes() == amended.document.to_bytes()
        assert report_json(carried) == report_json(amended)


def _first_case() -> tuple[Document, list[Amendment]]:
    case = GOLDEN / "amendments" / CASES[0].name
    return load_document(_one(case, "draft")), read_amendment_files([_one(case, "amendments")])


def test_checks_made_on_another_document_are_refused() -> None:
    draft, amendments = _first_case()
    other = check(draft.copy(), amendments).checks  # the same words, another tree
    with pytest.raises(ValueError, match="another document"):
        apply_amendments(draft, amendments, checks=other)
    with pytest.raises(ValueError, match="another document"):
        voting_list(draft, amendments, checks=other)


@pytest.mark.parametrize("change", ["reworded", "deleted"])
def test_checks_made_before_the_draft_changed_are_refused(change: str) -> None:
    # Their offsets and elements are those of the draft as it was: applied now, they
    # would change the wrong words (found by review: "interoperabiincompatible").
    draft, amendments = _first_case()
    checks = check(draft, amendments).checks
    target = next(t for c in checks for t in c.targets if t.host.provision is not None)
    provision = target.host.provision
    assert provision is not None
    if change == "reworded":
        provision.set_text("to tackle new problems and " + provision.markup)
    else:
        provision.delete()
    with pytest.raises(ValueError, match="before it changed"):
        apply_amendments(draft, amendments, checks=checks)
    with pytest.raises(ValueError, match="before it changed"):
        voting_list(draft, amendments, checks=checks)


def test_checks_that_record_no_draft_are_refused_with_what_to_use() -> None:
    draft, amendments = _first_case()
    unrecorded = resolve_all(draft, amendments)  # the internal kind, not to hand on
    with pytest.raises(ValueError, match=r"records no draft.*check_amendments"):
        voting_list(draft, amendments, checks=unrecorded)
