"""A clause text's house style, read off the text: label forms by level, and sequence.

``drafting validate`` holds each label to the form its level prints and to the
order of its level (sections on through Parts, each Chapter's number and a
schedule's paragraphs starting again), allowing the drafters' inserted labels.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafting import io
from drafting.formats import import_file, validate_file
from drafting.model.clause_style import detect, sequence_faults
from drafting.model.document import Document
from drafting.model.metadata import Metadata
from drafting.model.provision import Provision, new_provision_element
from drafting.model.structure import BILL, RULES

CLAUSES = Path(__file__).parent / "fixtures" / "clauses"


def _metadata() -> Metadata:
    return Metadata(
        number="1",
        body="Test Assembly",
        date=dt.date(2026, 1, 1),
        country="xx",
        actor="test",
    )


def test_the_levels_and_their_label_forms_are_read_off_the_rules() -> None:
    doc = import_file(CLAUSES / "rules-lo-typed.docx").document
    style = detect(doc.clauses)
    assert [(lv.element, lv.example(), lv.count) for lv in style.levels] == [
        ("chapter", "CHAPTER I", 4),
        ("rule", "Rule 1", 11),
        ("paragraph", "1.", 18),
        ("subparagraph", "(a)", 7),
    ]
    bill = detect(import_file(CLAUSES / "uk-bill-styled.docx").document.clauses)
    assert bill.of("subsection") is not None and bill.of("subsection").example() == "(1)"  # type: ignore[union-attr]
    # A schedule numbers its paragraphs as the body does its sections.
    schedule = bill.of("paragraph", in_schedule=True)
    assert schedule is not None and schedule.example() == "1."


@pytest.mark.parametrize("name", sorted(p.name for p in CLAUSES.glob("*.docx")))
def test_the_fixtures_keep_their_own_house_style(name: str) -> None:
    doc = import_file(CLAUSES / name).document
    assert sequence_faults(doc.clauses) == []


def _rules(labels: list[str], *, bill: bool = False) -> Document:
    md = _metadata()
    doc = Document.new_clauses(md, BILL if bill else RULES, "Rules")
    body = doc.clauses
    assert body is not None
    for label in labels:
        kind = "section" if bill else "rule"
        el = new_provision_element(kind, "Words of the provision.", num=label)
        body.append(el)
    doc.assign_ids()
    return doc


@pytest.mark.parametrize(
    ("labels", "faults"),
    [
        (["Rule 1", "Rule 2", "Rule 3"], []),
        (["Rule 1", "Rule 2", "Rule 2A", "Rule 2B", "Rule 3"], []),  # inserted rules
        (["Rule 1", "Rule 3"], ['rule "Rule 3" follows "Rule 1": a number is missing']),
        (["Rule 1", "Rule 2", "Rule 2"], ['rule "Rule 2" is numbered as the one before it']),
        (
            ["Rule 1", "Rule 3", "Rule 2"],
            [
                'rule "Rule 3" follows "Rule 1": a number is missing',
                'rule "Rule 2" comes after "Rule 3"',
            ],
        ),
        (
            ["Rule 1", "Rule 2", "Article 3"],
            ['rule "Article 3" is not printed as its level is: "Rule 1"'],
        ),
    ],
)
def test_a_label_out_of_form_or_sequence_is_a_fault(labels: list[str], faults: list[str]) -> None:
    doc = _rules(labels)
    assert [m for _, m in sequence_faults(doc.clauses)] == faults


def test_the_uk_inserted_forms_run_in_order() -> None:
    doc = _rules(["1.", "2.", "2ZA.", "2A.", "2B.", "3."], bill=True)
    assert sequence_faults(doc.clauses) == []


def test_sections_run_on_through_the_parts() -> None:
    md = _metadata()
    doc = Document.new_clauses(md, BILL, "Bill")
    body = doc.clauses
    assert body is not None
    n = 0
    for part in (1, 2):
        el = new_provision_element("part", "", num=f"PART {part}")
        el.remove(el[-1])
        Provision(el).set_heading(f"PART {part} HEADING")
        body.append(el)
        for _ in range(2):
            n += 1
            el.append(new_provision_element("section", "Words.", num=f"{n}."))
    doc.assign_ids()
    assert sequence_faults(doc.clauses) == []


def test_validate_reports_a_clause_text_s_faults_by_eid(tmp_path: Path) -> None:
    doc = _rules(["Rule 1", "Rule 3"])
    path = tmp_path / "rules.akn.xml"
    io.save(doc, path)
    report = validate_file(path)
    assert not report.ok
    (problem,) = report.problems
    assert problem.eid == "rule_3" and "a number is missing" in problem.message
    good = tmp_path / "good.akn.xml"
    io.save(_rules(["Rule 1", "Rule 2"]), good)
    assert validate_file(good).ok
