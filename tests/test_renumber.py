"""Renumbering follows the house style; eIds follow the numbers and wIds stay."""

from __future__ import annotations

from conftest import assert_valid

from drafting.model import Document


def test_deleting_paragraph_10_and_renumbering_makes_urges_paragraph_12(r495: Document) -> None:
    before = {p.wid: p.eid for p in r495.provisions()}
    urges_wid = r495.find("13").wid
    point_b_wid = r495.find("13(b)").wid

    r495.find("10").delete()
    changes = r495.renumber()

    assert [p.num for p in r495.top_level] == [f"{i}." for i in range(1, 13)]
    urges = r495.find("12")
    assert urges.lead_phrase == "URGES"
    assert urges.eid == "para_12"
    assert urges.wid == urges_wid
    assert r495.find("12(b)").eid == "para_12__list_1__point_b"
    assert r495.find("12(b)").wid == point_b_wid
    assert changes["13"] == "12" and changes["13(b)"] == "12(b)" and changes["11"] == "10"
    # wIds unchanged for everything that survived.
    for p in r495.provisions():
        assert before[p.wid] is not None
    assert_valid(r495)


def test_renumbering_twice_changes_nothing(r495: Document) -> None:
    r495.renumber()
    first = r495.to_bytes()
    assert r495.renumber() == {}
    assert r495.to_bytes() == first


def test_a_new_paragraph_gets_a_number_an_eid_and_a_wid_no_one_else_has(r495: Document) -> None:
    new = r495.add("paragraph", "**CALLS UPON** the Allies to act;")
    r495.renumber()
    assert new.num == "14." and new.eid == "para_14" and new.wid == "para_14"
    r495.find("1").delete()
    r495.renumber()
    # After renumbering 14 becomes 13, but the wId para_13 is taken by URGES.
    assert new.eid == "para_13" and new.wid == "para_14"
    wids = [p.wid for p in r495.provisions()]
    assert len(wids) == len(set(wids))
    assert_valid(r495)


def test_removing_the_last_sub_paragraph_turns_the_intro_back_into_content(r495: Document) -> None:
    urges = r495.find("13")
    for child in urges.children:
        child.delete()
    r495.renumber()
    assert urges.children == []
    assert urges.text.startswith("URGES member governments")
    assert urges.element.child("content") is not None
    assert_valid(r495)


def test_un_style_numbers_operative_paragraphs_from_one_and_points_in_brackets() -> None:
    from drafting.model import UN_GA, Metadata

    md = Metadata(
        number="1",
        body="UN",
        date=__import__("datetime").date(2024, 1, 1),
        country="un",
        actor="ga",
    )
    doc = Document.new(md, UN_GA, "T")
    doc.add("recital", "*Recalling* something;")
    para = doc.add("paragraph", "*Requests* the Secretary-General:")
    a = para.add_point("to act;")
    a.add_point("now;")
    a.add_point("later;")
    para.add_point("to report.")
    doc.renumber()
    assert doc.recitals[0].num is None
    assert [p.num for p in doc.provisions()] == [None, "1.", "(a)", "(i)", "(ii)", "(b)"]
    assert [p.ref for p in doc.provisions()][1:] == ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)"]
    assert doc.find("1(a)(ii)").eid == "para_1__list_1__point_a__list_1__point_ii"
    assert_valid(doc)


def test_ep_style_letters_recitals_and_numbers_citations_by_position() -> None:
    import datetime as dt

    from drafting.model import EP, Metadata

    md = Metadata(
        number="", body="European Parliament", date=dt.date(2024, 1, 1), country="eu", actor="ep"
    )
    doc = Document.new(md, EP, "T")
    doc.add("citation", "having regard to the Treaty,")
    doc.add("citation", "having regard to its rules,")
    for _ in range(28):
        doc.add("recital", "whereas it matters;")
    doc.add("paragraph", "Calls for action;")
    doc.renumber()
    assert [c.eid for c in doc.citations] == [
        "preamble__citations_1__citation_1",
        "preamble__citations_1__citation_2",
    ]
    labels = [r.num for r in doc.recitals]
    assert labels[:2] == ["A.", "B."] and labels[25:] == ["Z.", "AA.", "AB."]
    assert doc.find("AA").eid == "preamble__recs_1__rec_AA"
    assert doc.paragraphs[0].num == "1."
    assert_valid(doc)


def test_a_deleted_provisions_wid_is_never_given_to_a_new_one(r495: Document) -> None:
    from drafting import io

    gone = r495.find("13(j)").wid
    r495.find("13(j)").delete()
    r495.renumber()
    saved = io.loads(r495.to_bytes())  # the memory of retired wIds survives saving
    new = saved.find("13").add_point("to report back;")
    saved.renumber()
    assert new.eid == "para_13__list_1__point_j"
    assert new.wid != gone
    assert_valid(saved)


def test_deleting_the_last_preambular_paragraph_leaves_a_valid_document(r495: Document) -> None:
    for p in r495.recitals:
        p.delete()
    r495.renumber()
    assert r495.recitals == [] and r495.find("1").lead_phrase == "URGES"
    assert_valid(r495)


def test_a_moved_provision_keeps_its_wid(r495: Document) -> None:
    p = r495.find("3")
    wid = p.wid
    p.detach()
    r495.find("5").insert_sibling(p)
    r495.renumber()
    assert p.ref == "5" and p.wid == wid
    assert_valid(r495)


def test_a_sequence_typed_from_nought_counts_from_one() -> None:
    from drafting.model.numbering import first_numbers
    from drafting.text import read_text

    doc = read_text(
        "DRAFT RESOLUTION\n\n0. Urges the States to act;\n\n1. Decides to remain seized.\n"
    ).document
    assert "paragraph" not in first_numbers(doc)
    doc.renumber()
    assert [p.num for p in doc.paragraphs][:1] in (["1."], ["1"])
