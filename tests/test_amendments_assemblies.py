"""Amendments worded as assemblies word them (PACE, UN, UK), applied to a UN-style draft.

Each case is one amendment in one assembly's sentence shape, and the provision as a
secretary applying it by hand would write it.  The wordings are written for these
tests, in the forms the assemblies publish.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import EXAMPLES, assert_valid

from drafting import io
from drafting.amendments import apply_amendments, parse_amendments
from drafting.amendments.errors import AmendmentSyntaxError, AmendmentTargetError
from drafting.amendments.model import DeleteProvision, DeleteText, Location, Quote, Rest, Sentence
from drafting.amendments.parser import parse_amendments_leniently
from drafting.amendments.report import check
from drafting.amendments.resolve import resolve
from drafting.model import Document

P1 = "Calls upon Member States to integrate coastal flood risk into national development and preparedness plans;"  # noqa: E501
P3 = "Encourages regional organizations to develop joint contingency plans with their members;"


@pytest.fixture(scope="module")
def un() -> Document:
    return io.load(EXAMPLES / "un-ga-example.akn.xml")


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.provisions()]


def _adopt(doc: Document, wording: str) -> Document:
    (a,) = parse_amendments(f"Amendment 1\n{wording}\n")
    out = apply_amendments(doc, [replace(a, status="adopted")]).document
    assert_valid(out)
    return out


CASES = [
    # 1. The location inside the sentence, the draft named first.
    (
        'In the draft resolution, paragraph 1, delete the words: "national development and"',
        "1",
        "Calls upon Member States to integrate coastal flood risk into preparedness plans;",
    ),
    (
        "In the draft resolution, at the end of paragraph 3, insert the following words:"
        ' "and with civil society"',
        "3",
        "Encourages regional organizations to develop joint contingency plans with their"
        " members and with civil society;",
    ),
    (
        "In the draft resolution, replace paragraph 3 with the following paragraph:\n"
        '"3. Encourages regional organizations to share their contingency plans;"',
        "3",
        "Encourages regional organizations to share their contingency plans;",
    ),
    (
        'In the draft resolution, paragraph 1, delete all words after "coastal flood risk" and'
        ' replace with the following words: "into all plans;"',
        "1",
        "Calls upon Member States to integrate coastal flood risk into all plans;",
    ),
    # 2. Words as the unit.
    (
        'In paragraph 1, after the word "integrate", insert the word "systematically"',
        "1",
        "Calls upon Member States to integrate systematically coastal flood risk into national"
        " development and preparedness plans;",
    ),
    (
        'In paragraph 3, replace the words "joint contingency plans" with the following words:'
        ' "common plans"',
        "3",
        "Encourages regional organizations to develop common plans with their members;",
    ),
    # 3. Ordinals and parts of a provision.
    (
        'In the second paragraph of the preamble, replace the word "increasing" with "rising".',
        "pp2",
        "Deeply concerned by the rising number and scale of coastal floods, and by their impact"
        " on the most vulnerable;",
    ),
    (
        'In the introductory part of paragraph 2, after "Requests" insert the words "once again"',
        "2",
        "Requests once again the Secretary-General:",
    ),
    (
        'In paragraph 1, after the word "coastal flood risk" replace the existing text by the'
        ' following: "into their plans;"',
        "1",
        "Calls upon Member States to integrate coastal flood risk into their plans;",
    ),
    (
        'In paragraph 1, after "Member States", delete the rest of the paragraph',
        "1",
        "Calls upon Member States;",
    ),
    # 4. Sentences as the unit.
    (
        "At the end of paragraph 1, insert the following sentence:"
        ' "Member States should report annually."',
        "1",
        P1[:-1] + ". Member States should report annually;",
    ),
    # 5. Several operations in one amendment.
    (
        'In paragraph 1, before the word "coastal" delete the word "integrate", and after the'
        ' word "into" replace the existing text by the following: "all plans;"',
        "1",
        "Calls upon Member States to coastal flood risk into all plans;",
    ),
    # 6. An operation and the text it gives.
    (
        'Substitute the word "common" for "joint" in paragraph 3 so that the paragraph will'
        ' read: "3. Encourages regional organizations to develop common contingency plans with'
        ' their members;"',
        "3",
        "Encourages regional organizations to develop common contingency plans with their members;",
    ),
    # 8. New text carrying its own label.
    (
        "Delete paragraph 3 and replace it with the following: 3. Invites regional"
        " organizations to use their good offices;",
        "3",
        "Invites regional organizations to use their good offices;",
    ),
    # UK: the place, a comma, the instruction.
    (
        "Paragraph 3, leave out ‘joint’ and insert ‘common’",
        "3",
        "Encourages regional organizations to develop common contingency plans with their members;",
    ),
    ("Paragraph 1, at end insert ‘at all levels’", "1", P1[:-1] + " at all levels;"),
]


def _find(doc: Document, ref: str) -> str:
    if ref.startswith("pp"):
        return doc.recitals[int(ref[2:]) - 1].text
    return doc.find(ref).text


@pytest.mark.parametrize(("wording", "ref", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_an_assemblys_wording_applies_as_a_secretary_would_apply_it(
    un: Document, wording: str, ref: str, expected: str
) -> None:
    assert _find(_adopt(un, wording), ref) == expected


def test_only_the_amended_provision_changes(un: Document) -> None:
    out = _adopt(un, 'In the draft resolution, paragraph 1, delete the words: "national"')
    before, after = _texts(un), _texts(out)
    assert [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a] == [
        before.index(P1)
    ]


def test_the_first_and_second_paragraphs_of_the_preamble_are_replaced_by_one(
    un: Document,
) -> None:
    out = _adopt(
        un,
        "Delete the first and second paragraphs of the preamble and substitute therefor the"
        ' following:\n"Recalling its earlier resolutions on coastal floods,"',
    )
    assert [r.text for r in out.recitals][:2] == [
        "Recalling its earlier resolutions on coastal floods,",
        un.recitals[2].text,
    ]


def test_a_list_of_ordinals_is_read_as_one_amendment_deleting_each() -> None:
    (a,) = parse_amendments(
        "Amendment 1\nDelete the first, second and third preambular paragraphs.\n"
    )
    assert a.location == Location("preambular", "1")
    assert a.operations == (
        DeleteProvision(),
        DeleteProvision(Location("preambular", "2")),
        DeleteProvision(Location("preambular", "3")),
    )


def test_renumbering_accordingly_is_understood_and_left_to_the_renumbering(
    un: Document,
) -> None:
    out = _adopt(
        un,
        "After paragraph 3, insert the following new paragraph and renumber all subsequent"
        ' paragraphs accordingly:\n"Invites donors to support the plans;"',
    )
    assert [p.number for p in out.paragraphs] == ["1", "2", "3", "4", "5"]
    assert out.find("4").text == "Invites donors to support the plans;"


def test_a_new_paragraph_typed_without_bold_gets_its_lead_phrase(un: Document) -> None:
    out = _adopt(un, 'After paragraph 3, insert the following new paragraph:\n"Invites donors;"')
    assert out.find("4").lead_phrase == "Invites"


def test_the_sentence_is_a_unit(un: Document) -> None:
    two = _adopt(un, 'At the end of paragraph 4, insert the following sentence: "It reports."')
    assert two.find("4").text == "Decides to remain seized of the matter. It reports."
    (a,) = parse_amendments(
        'Amendment 1\nParagraph 4\nReplace the second sentence with the following sentence: "It'
        ' acts."\n'
    )
    assert a.operations[0].target == Sentence(2)  # type: ignore[union-attr]
    with pytest.raises(AmendmentTargetError, match="no second sentence; it has one sentence"):
        resolve(un, a)
    out = apply_amendments(two, [replace(a, status="adopted")]).document
    assert out.find("4").text == "Decides to remain seized of the matter. It acts."


def test_all_words_after_are_the_rest_of_the_provision() -> None:
    (a,) = parse_amendments('Amendment 1\nParagraph 2\nDelete all words after "Requests"\n')
    assert a.operations == (DeleteText(Rest(Quote("Requests"))),)


def test_a_stated_result_that_the_operation_does_not_give_is_an_error(un: Document) -> None:
    (a,) = parse_amendments(
        'Amendment 1\nSubstitute the word "common" for "joint" in paragraph 3 so that the'
        ' paragraph will read: "Encourages regional organizations to develop shared plans;"\n'
    )
    with pytest.raises(AmendmentTargetError, match=r"would read .* not as the amendment states"):
        resolve(un, a)


def test_an_amendment_to_the_draft_recommendation_is_refused_on_a_draft_resolution(
    un: Document,
) -> None:
    (a,) = parse_amendments(
        'Amendment 1\nIn the draft recommendation, paragraph 1, delete the words: "national"\n'
    )
    assert a.target_text == "draft recommendation"
    with pytest.raises(AmendmentTargetError, match="is to the draft recommendation"):
        resolve(un, a)


@pytest.mark.parametrize("text", ["draft resolution", "motion for a resolution"])
def test_an_amendment_naming_the_drafts_own_kind_of_text_applies(un: Document, text: str) -> None:
    (a,) = parse_amendments(
        f'Amendment 1\nIn the {text}, paragraph 1, delete the words: "national"\n'
    )
    assert a.target_text == text
    resolve(un, a)


def test_a_remark_for_the_secretariat_is_refused_as_a_remark() -> None:
    with pytest.raises(AmendmentSyntaxError, match="is a remark, not an operation") as err:
        parse_amendments(
            'Amendment 1\nIn paragraph 4, the word "matter" should be in the plural.\n'
        )
    assert "Leave out" in (err.value.hint or "")


def test_quoted_words_are_never_rewritten() -> None:
    (a,) = parse_amendments(
        'Amendment 1\nParagraph 2\nLeave out "the first preambular paragraph" and insert'
        ' "in the draft resolution"\n'
    )
    assert a.location == Location("paragraph", "2")
    assert a.target_text == ""
    assert a.operations[0].target.text == "the first preambular paragraph"  # type: ignore[union-attr]


def test_the_check_counts_the_amendments_that_cannot_be_read(un: Document) -> None:
    amendments, problems = parse_amendments_leniently(
        "Amendment 1\nParagraph 1\nFrobnicate\n\nAmendment 2\nParagraph 1\nWobble\n\n"
        'Amendment 3\nParagraph 1\nLeave out "national"\n'
    )
    report = check(un, amendments)
    report = replace(report, unreadable=tuple(str(p) for p in problems))
    assert report.summary == "2 of 3 amendment(s) cannot be applied"


@pytest.mark.parametrize(
    ("body", "ref", "expected"),
    [
        (
            'Delete paragraph 2(b) and replace it with the following: "2(b) to report to the'
            ' General Assembly at its eighty-first session;"',
            "2(b)",
            "to report to the General Assembly at its eighty-first session;",
        ),
        (
            'Replace paragraph 3 with the following: "3. *Encourages* regional organizations'
            ' to plan;"',
            "3",
            "Encourages regional organizations to plan;",
        ),
    ],
)
def test_a_new_text_that_repeats_its_label_does_not_keep_it_as_words(
    un: Document, body: str, ref: str, expected: str
) -> None:
    (a,) = parse_amendments(f"Amendment 1\nStatus: adopted\n{body}\n")
    amended = apply_amendments(un, [a]).document
    assert amended.find(ref).text == expected


@pytest.mark.parametrize("edge", ["beginning", "end"])
def test_the_edge_of_a_sub_paragraph_is_the_whole_label(edge: str) -> None:
    (a,) = parse_amendments(
        f"Amendment 1\nIn the draft resolution, at the {edge} of sub-paragraph 2(a),"
        ' insert the following words: "urgently"\n'
    )
    assert a.location == Location("paragraph", "2(a)")


PACE_DRAFT = """Draft resolution

1. The Parliamentary Assembly is concerned about the situation of refugees in Europe.
2. The Assembly therefore calls on member States to:
2.1. ensure access to asylum procedures;
2.2. provide adequate reception conditions;
2.3. combat xenophobia and intolerance.
3. The Assembly resolves to follow the matter closely.
"""


def test_a_pace_draft_keeps_its_decimal_sub_paragraphs_and_is_amended_by_them() -> None:
    from drafting.text import read_text

    imported = read_text(PACE_DRAFT)
    doc = imported.document
    assert doc.house_style.name == "pace"
    # "2.1." where PACE prints "2.1" is the same number, in sequence: no fault.
    assert not [w for w in imported.warnings if "out of sequence" in w]
    assert [p.num for p in doc.find("2").children] == ["2.1.", "2.2.", "2.3."]
    amendments = parse_amendments(
        "Amendment 1\nStatus: adopted\nIn the draft resolution, paragraph 2.2, replace the"
        ' words "adequate reception conditions" with the following words: "dignified'
        ' reception conditions"\n\n'
        "Amendment 2\nStatus: adopted\nIn the draft resolution, delete paragraph 2.1.\n"
    )
    amended = apply_amendments(doc, amendments).document
    assert [p.text for p in amended.find("2").children] == [
        "provide dignified reception conditions;",
        "combat xenophobia and intolerance.",
    ]
