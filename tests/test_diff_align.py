"""Pairing provisions across versions, word diffs inside a pair, and amendment labels."""

from __future__ import annotations

from conftest import EXAMPLES
from diff_cases import CASES

from drafting import io
from drafting.akn.parser import make
from drafting.diff import diff_documents
from drafting.diff.records import Run
from drafting.diff.words import diff_runs, tokens
from drafting.model import Document, Provision
from drafting.model.provision import new_provision_element


def test_a_token_is_never_half_a_word() -> None:
    texts = [t.text for t in tokens([Run("NATO's decision-making (AI), now;")])]
    assert texts == ["NATO's", " ", "decision-making", " ", "(", "AI", "),", " ", "now", ";"]


def test_a_changed_lead_phrase_is_replaced_whole_and_keeps_its_bold() -> None:
    old = [Run("Recognising", ("b", "phrase")), Run(" that the old rules apply;")]
    new = [Run("Noting", ("b", "phrase")), Run(" that the new rules apply;")]
    ops = [(op.kind, op.markup) for op in diff_runs(old, new)]
    assert ops == [
        ("delete", "**Recognising**"),
        ("insert", "**Noting**"),
        ("equal", " that the "),
        ("delete", "old"),
        ("insert", "new"),
        ("equal", " rules apply;"),
    ]


def test_losing_the_bold_of_a_word_is_a_change() -> None:
    ops = diff_runs([Run("Urges", ("b",)), Run(" all")], [Run("Urges all")])
    assert [op.kind for op in ops] == ["delete", "insert", "equal"]


def test_an_inserted_recital_in_an_unrelated_copy_leaves_later_ones_renumbered_only() -> None:
    old = io.load(EXAMPLES / "resolution-495.akn.xml")
    new = old.copy()
    for p in new.provisions():  # no shared wIds: pairing must rely on the words
        del p.element.attrib["wId"]
    new.recitals[0].insert_sibling(
        Provision(new_provision_element("recital", "**Noting** a wholly new concern;")),
        after=False,
    )
    new.renumber()
    result = diff_documents(old, new)
    assert result.summary == {
        "changed": 0,
        "inserted": 1,
        "deleted": 0,
        "moved": 0,
        "renumbered": 13,  # 12 recitals and paragraph 13; its points keep their letters
    }


def test_ignore_numbering_reports_renumbered_provisions_as_unchanged() -> None:
    old, new = CASES["r495-edits"]()
    result = diff_documents(old, new, ignore_numbering=True)
    assert result.summary["renumbered"] == 0
    assert result.summary_line() == "1 changed, 2 inserted, 1 deleted, 1 moved"


def test_a_moved_paragraph_is_shown_once_as_moved_with_its_old_and_new_number() -> None:
    old, new = CASES["un-ga-move"]()
    moved = [c for c in diff_documents(old, new).changes if c.kind == "moved"]
    assert len(moved) == 1
    assert moved[0].old is not None and moved[0].new is not None
    assert (moved[0].old.num, moved[0].new.num) == ("3.", "1.")


def test_a_sub_paragraph_moved_to_another_paragraph_is_recognised() -> None:
    old = io.load(EXAMPLES / "un-ga-example.akn.xml")
    new = old.copy()
    point = new.find("2(b)")
    target = new.find("1").add_point("placeholder;")
    point.delete()
    target.element.getparent().replace(target.element, point.element)  # type: ignore[union-attr]
    new.renumber()
    changes = {c.kind: c for c in diff_documents(old, new).differences}
    assert "moved" in changes and "deleted" not in changes and "inserted" not in changes
    assert changes["moved"].old is not None and changes["moved"].new is not None
    assert (changes["moved"].old.ref, changes["moved"].new.ref) == ("2(b)", "1(a)")


def _with_amendment(doc: Document, source: str, dest: str, show_as: str) -> None:
    meta = doc.meta
    analysis = make("analysis", {"source": "#nato-pa-secretariat"})
    mods = make("passiveModifications")
    mod = make("textualMod", {"type": "substitution", "eId": "pmod_1"})
    mod.append(make("source", {"href": f"#{source}"}))
    mod.append(make("destination", {"href": f"#{dest}"}))
    mods.append(mod)
    analysis.append(mods)
    meta.insert_ordered(analysis)
    refs = meta.child("references")
    assert refs is not None
    refs.append(make("passiveRef", {"eId": source, "href": "/akn/am/1", "showAs": show_as}))


def test_each_change_is_labelled_with_the_amendment_recorded_in_new() -> None:
    old = io.load(EXAMPLES / "resolution-495.akn.xml")
    new = old.copy()
    new.find("13(c)").set_text("to invest in an innovative AI ecosystem;")
    _with_amendment(new, "am_3", "para_13__list_1__point_c", "Amendment 3 (Canada)")
    result = diff_documents(old, new)
    (change,) = result.differences
    assert change.amendment == "Amendment 3 (Canada)"
    assert result.to_json()["changes"][0]["amendment"] == "Amendment 3 (Canada)"
