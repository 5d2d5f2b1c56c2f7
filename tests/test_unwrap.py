"""Unwrapping lines from a PDF or a paste back into the paragraphs the drafter typed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.text.unwrap import Line, Removed, lines_of_text, unwrap

PASTED = Path(__file__).resolve().parent / "fixtures" / "pdf" / "pasted"


def paras(text: str) -> list[str]:
    """The paragraphs of ``text`` pasted as it stands."""
    return unwrap(lines_of_text(text)).paragraphs


def placed(*rows: tuple[str, float, float] | tuple[str, float, float, float]) -> list[Line]:
    """Lines on page 1 of an A4 page from (text, x0, top[, size]); 10 pt unless said."""
    out = []
    for row in rows:
        text, x0, top = row[0], row[1], row[2]
        size = row[3] if len(row) == 4 else 10.0
        out.append(Line(text, 1, x0, top, top + size, size, 842.0))
    return out


# --- paragraphs wrapped over several lines -----------------------------------------


def test_the_lines_of_one_wrapped_paragraph_are_joined_single_spaced() -> None:
    assert paras("1. Calls upon   Member States\nto act without delay\non this matter;") == [
        "1. Calls upon Member States to act without delay on this matter;"
    ]


def test_a_blank_line_ends_a_paragraph() -> None:
    assert paras("the first thing\n\nthe second thing") == ["the first thing", "the second thing"]


def test_a_number_at_line_start_after_a_semicolon_opens_a_paragraph() -> None:
    assert paras("1. Urges all States;\n2. Requests a report;") == [
        "1. Urges all States;",
        "2. Requests a report;",
    ]


@pytest.mark.parametrize("label", ["(b)", "b)", "b.", "(iv)", "iv."])
def test_a_lettered_label_at_line_start_after_punctuation_opens_a_sub_paragraph(
    label: str,
) -> None:
    assert paras(f"(a) to share data;\n{label} to train staff;") == [
        "(a) to share data;",
        f"{label} to train staff;",
    ]


def test_a_dash_at_line_start_after_a_comma_opens_a_citation() -> None:
    assert paras("The European Parliament,\n– having regard to its rules,\n– having regard") == [
        "The European Parliament,",
        "– having regard to its rules,",
        "– having regard",
    ]


def test_a_lead_phrase_after_a_line_ending_in_a_comma_opens_a_paragraph() -> None:
    assert paras("Recalling its resolutions,\nNoting with concern the delays,") == [
        "Recalling its resolutions,",
        "Noting with concern the delays,",
    ]


def test_a_lead_phrase_after_a_line_ending_mid_sentence_continues_the_paragraph() -> None:
    assert paras("Recalling that the States\nConcerned have agreed,") == [
        "Recalling that the States Concerned have agreed,"
    ]


def test_a_number_after_the_word_paragraph_continues_the_sentence() -> None:
    assert paras("1. Recalls the terms of paragraph\n2. of its resolution 79/4;") == [
        "1. Recalls the terms of paragraph 2. of its resolution 79/4;"
    ]


def test_the_next_number_in_sequence_opens_a_paragraph_even_without_punctuation() -> None:
    assert paras("1. Urges all States to act\n2. Requests a report") == [
        "1. Urges all States to act",
        "2. Requests a report",
    ]


def test_the_opening_formula_is_a_paragraph_of_its_own() -> None:
    assert paras("The General Assembly,\nhaving met,") == ["The General Assembly,", "having met,"]


def test_a_number_typed_alone_on_its_line_is_joined_to_its_text() -> None:
    assert paras("1.\n\nRecognising the work done;\n\n2.\n\nUrges all States;") == [
        "1. Recognising the work done;",
        "2. Urges all States;",
    ]


def test_a_paragraph_number_read_before_its_sub_paragraphs_goes_back_to_its_paragraph() -> None:
    text = (
        "6.\n\nUrges States:\n\n7.\n\na.\n\nto share;\n\nb.\n\nto train;\n\nCalls upon all to act."
    )
    assert paras(text) == [
        "6. Urges States:",
        "a. to share;",
        "b. to train;",
        "7. Calls upon all to act.",
    ]


# --- geometry ------------------------------------------------------------------------


def test_a_vertical_gap_wider_than_the_line_pitch_ends_a_paragraph() -> None:
    lines = placed(
        ("the first paragraph goes on over", 70, 100),
        ("two lines of print", 70, 112),
        ("the second paragraph goes on over", 70, 130),
        ("two lines as well", 70, 142),
    )
    assert unwrap(lines).paragraphs == [
        "the first paragraph goes on over two lines of print",
        "the second paragraph goes on over two lines as well",
    ]


def test_a_first_line_indent_after_a_line_that_could_end_starts_a_paragraph() -> None:
    lines = placed(
        ("*Recalling* its work on the question of the", 90, 100),
        ("sea and of the coasts of the many islands,", 70, 112),
        ("*further noting* the work on the question of", 90, 124),
        ("the sea,", 70, 136),
    )
    assert unwrap(lines).paragraphs == [
        "*Recalling* its work on the question of the sea and of the coasts of the many islands,",
        "*further noting* the work on the question of the sea,",
    ]


def test_a_hanging_indent_keeps_the_lines_of_a_numbered_paragraph_together() -> None:
    lines = placed(
        ("1. **Urges** member governments, and all the", 57, 100),
        ("parliaments of the Alliance, to act together,", 77, 112),
        ("and without delay;", 77, 124),
    )
    assert unwrap(lines).paragraphs == [
        "1. **Urges** member governments, and all the parliaments of the Alliance, to act"
        " together, and without delay;"
    ]


def test_a_short_line_that_ends_a_sentence_ends_its_paragraph() -> None:
    lines = placed(
        ("the first paragraph of the text goes on over a line", 70, 100),
        ("and ends here.", 70, 112),
        ("The second paragraph of the text starts on a line", 70, 124),
        ("and ends here.", 70, 136),
    )
    assert len(unwrap(lines).paragraphs) == 2


def test_a_bold_run_across_a_line_end_stays_one_run() -> None:
    assert paras("1. **Calls**\n**upon** the Allies;") == ["1. **Calls upon** the Allies;"]


# --- a whole draft on one line -------------------------------------------------------


def test_a_draft_on_one_line_is_split_before_each_number_in_sequence() -> None:
    text = "1. Emphasizing the need for data; 2. Acknowledging the efforts made; 3. Calls upon all"
    assert paras(text) == [
        "1. Emphasizing the need for data;",
        "2. Acknowledging the efforts made;",
        "3. Calls upon all",
    ]


def test_lettered_sub_paragraphs_on_one_line_are_split() -> None:
    assert paras(
        "3. Calls upon States: (a) to share data; (b) to train staff; and (c) to report."
    ) == [
        "3. Calls upon States:",
        "(a) to share data;",
        "(b) to train staff; and",
        "(c) to report.",
    ]


def test_a_number_out_of_sequence_is_not_split() -> None:
    assert paras("1. Recalls its decisions; 7. Notes the report") == [
        "1. Recalls its decisions; 7. Notes the report"
    ]


def test_paragraph_2_dot_of_a_resolution_is_not_taken_for_a_number() -> None:
    text = "1. Recalls paragraph 2. of its resolution; 2. Requests a report"
    assert paras(text) == ["1. Recalls paragraph 2. of its resolution;", "2. Requests a report"]


def test_a_number_without_a_boundary_before_it_is_not_split() -> None:
    assert paras("1. Recalls the 2 reports 2. of them; 3. Notes") == [
        "1. Recalls the 2 reports 2. of them; 3. Notes"
    ]


def test_a_run_on_excerpt_is_split_from_its_own_first_number_on() -> None:
    text = "and to report; 54. Encourages States; 55. Notes the work; 56. Requests a report."
    assert paras(text) == [
        "and to report;",
        "54. Encourages States;",
        "55. Notes the work;",
        "56. Requests a report.",
    ]


def test_the_formula_before_a_run_on_first_paragraph_is_split_off() -> None:
    assert paras("The General Assembly, 1. Recalls its work; 2. Notes the report") == [
        "The General Assembly,",
        "1. Recalls its work;",
        "2. Notes the report",
    ]


# --- lead words glued to the next word -----------------------------------------------


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("Recognisingthe", "Recognising the"),
        ("Urgesall", "Urges all"),
        ("Callsupon", "Calls upon"),
        ("Deeplyconcerned", "Deeply concerned"),
        ("Notingwith", "Noting with"),
    ],
)
def test_a_lead_word_glued_to_the_next_word_is_split(glued: str, split: str) -> None:
    out = paras(f"1. {glued} concern the work of the Assembly;\n2. Notes the report.")
    assert out[0] == f"1. {split} concern the work of the Assembly;"


def test_a_lead_glued_to_a_word_the_draft_uses_elsewhere_is_split() -> None:
    out = paras("1. Alsorequests a report;\n2. Notes the requests of States.")
    assert out[0] == "1. Also requests a report;"


def test_a_real_word_that_starts_with_a_lead_is_not_split() -> None:
    assert paras("1. Recalling the report;\n2. Notesworthy progress;") == [
        "1. Recalling the report;",
        "2. Notesworthy progress;",
    ]


def test_a_glued_looking_word_that_the_draft_uses_elsewhere_is_kept() -> None:
    text = "1. Urgesall States to act;\n2. Notes that urgesall is the name of the plan."
    assert paras(text)[0] == "1. Urgesall States to act;"


def test_a_glued_lead_inside_emphasis_is_split() -> None:
    assert paras("1. **Urgesall** member States;")[0] == "1. **Urges all** member States;"


# --- line-end hyphenation ------------------------------------------------------------


def test_a_line_end_hyphen_is_dropped_when_the_joined_word_occurs_elsewhere() -> None:
    out = paras("It is an important matter;\n2. It is an impor-\ntant one.")
    assert out[-1] == "2. It is an important one."


def test_a_line_end_hyphen_before_a_lowercase_part_is_dropped() -> None:
    assert paras("their pro-\ngrammes") == ["their programmes"]


def test_a_compound_the_draft_writes_with_a_hyphen_keeps_it() -> None:
    text = "the amphetamine-type stimulants;\n\nof amphetamine-\ntype drugs"
    assert paras(text)[-1] == "of amphetamine-type drugs"


def test_a_compound_of_two_words_the_draft_uses_keeps_its_hyphen() -> None:
    text = "the long view and the term;\n\na long-\nterm plan"
    assert paras(text)[-1] == "a long-term plan"


def test_a_line_end_hyphen_before_a_capital_is_kept() -> None:
    assert paras("the Euro-\nAtlantic area") == ["the Euro-Atlantic area"]


def test_a_hyphen_whose_first_part_stands_hyphenated_elsewhere_is_kept() -> None:
    text = "the self-help groups;\n\nthe self-\nreliance of States"
    assert paras(text)[-1] == "the self-reliance of States"


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    assert paras("the mainte\u00ad\nnance of networks") == ["the maintenance of networks"]


def test_a_paste_with_a_space_before_a_hyphen_is_closed_up() -> None:
    assert paras("amphetamine -type stimulants") == ["amphetamine-type stimulants"]


def test_a_spaced_dash_is_left_alone() -> None:
    assert paras("peace - and security") == ["peace - and security"]


# --- running headers, footers and page numbers ---------------------------------------


def test_a_running_header_on_every_page_is_removed_and_reported() -> None:
    text = "A/RES/80/1\n1. Urges all\n\fA/RES/80/1\nStates to act;\n\fA/RES/80/1\n2. Notes it."
    u = unwrap(lines_of_text(text))
    assert u.paragraphs == ["1. Urges all States to act;", "2. Notes it."]
    assert u.removed == [Removed("running header", n, "A/RES/80/1") for n in (1, 2, 3)]


@pytest.mark.parametrize("number", ["3", "- 3 -", "Page 3 of 9", "3/9", "A/RES/76/123 3"])
def test_a_page_number_at_the_foot_of_a_page_is_removed(number: str) -> None:
    u = unwrap(lines_of_text(f"1. Urges all\n{number}\n\fStates to act;\n"))
    assert u.paragraphs == ["1. Urges all States to act;"]
    assert [r.text for r in u.removed] == [number]


def test_a_page_number_is_reported_as_one() -> None:
    u = unwrap(lines_of_text("1. Urges all\n- 3 -\n\fStates to act;\n"))
    assert u.removed == [Removed("page number", 1, "- 3 -")]


def test_a_header_repeated_with_its_page_number_is_removed_on_every_page() -> None:
    words = ["first", "second", "third"]
    text = "".join(f"A/80/L.7 {n}\nthe {w} page of the text\n\f" for n, w in enumerate(words, 1))
    u = unwrap(lines_of_text(text))
    assert [r.kind for r in u.removed] == ["running header"] * 3


def test_a_sentence_goes_on_across_a_page_break_and_its_blank_lines() -> None:
    text = "A/RES/80/1\n\n1. Urges all States to\n\n3\n\n\fA/RES/80/1\n\nact without delay;\n\f"
    assert paras(text) == ["1. Urges all States to act without delay;"]


def test_with_geometry_a_line_in_the_top_band_of_each_page_is_a_header() -> None:
    lines = [
        Line("**A/RES/80/1**", 1, 300, 30, 39, 9, 842),
        Line("1. *Urges* all States to", 70, 100, 110, 10, 842),
        Line("**A/RES/80/1**", 2, 300, 30, 39, 9, 842),
        Line("act;", 2, 70, 100, 110, 10, 842),
    ]
    lines[1] = Line("1. *Urges* all States to", 1, 70, 100, 110, 10, 842)
    u = unwrap(lines)
    assert u.paragraphs == ["1. *Urges* all States to act;"]
    assert [(r.kind, r.page) for r in u.removed] == [("running header", 1), ("running header", 2)]


def test_with_geometry_a_repeated_line_below_the_top_band_is_body_text() -> None:
    lines = [Line("Annex", p, 300, 400, 410, 10, 842) for p in (1, 2, 3)]
    assert unwrap(lines).removed == []


def test_a_short_line_repeated_three_times_in_a_paste_without_pages_is_removed() -> None:
    text = "A/80/L.7\n1. Urges all\nA/80/L.7\nStates to act;\nA/80/L.7\n2. Notes it."
    u = unwrap(lines_of_text(text))
    assert u.paragraphs == ["1. Urges all States to act;", "2. Notes it."]
    assert [r.kind for r in u.removed] == ["running header"] * 3


def test_a_line_repeated_twice_in_a_paste_without_pages_is_kept() -> None:
    assert paras("Annex\n\nAnnex") == ["Annex", "Annex"]


def test_a_repeated_line_that_reads_as_a_provision_is_kept() -> None:
    assert paras("Recalling,\n\nRecalling,\n\nRecalling,") == ["Recalling,"] * 3


# --- an excerpt that starts mid-paragraph --------------------------------------------


def test_an_excerpt_that_starts_mid_paragraph_keeps_the_fragment_first() -> None:
    u = unwrap(lines_of_text("and to report on it;\n54. Encourages States\nto act;\n55. Notes"))
    assert u.paragraphs == ["and to report on it;", "54. Encourages States to act;", "55. Notes"]
    assert "the text starts in the middle of a paragraph; kept as its own paragraph" in u.notes


# --- footnotes at the foot of the page -----------------------------------------------


def test_small_print_at_the_page_foot_comes_out_after_the_paragraph_it_interrupts() -> None:
    lines = [
        Line("1. **Recalls** its work,1 and the", 1, 70, 700, 710, 10, 842),
        Line("1See the report of the Secretary-General.", 1, 70, 740, 748, 8, 842),
        Line("2", 1, 300, 800, 809, 9, 842),
        Line("decisions taken;", 2, 70, 100, 110, 10, 842),
        Line("2. **Notes** the report.", 2, 70, 116, 126, 10, 842),
    ]
    assert unwrap(lines).paragraphs == [
        "1. **Recalls** its work,1 and the decisions taken;",
        "1 See the report of the Secretary-General.",
        "2. **Notes** the report.",
    ]


def test_a_footnote_in_the_body_size_is_found_by_its_mark() -> None:
    lines = [
        Line("1. **Recalls** its work,1 and the", 1, 70, 700, 710, 10, 842),
        Line("1 See the report of the Secretary-General.", 1, 70, 740, 750, 10, 842),
        Line("decisions taken;", 2, 70, 100, 110, 10, 842),
    ]
    assert unwrap(lines).paragraphs == [
        "1. **Recalls** its work,1 and the decisions taken;",
        "1 See the report of the Secretary-General.",
    ]


def test_a_footnote_in_a_paste_is_taken_out_of_the_paragraph_it_interrupts() -> None:
    text = (
        "RESOLUTION 490*\n7. Calls upon all\n*Presented by the Committee.\n1\n\fto act;\n8. Notes"
    )
    assert paras(text) == [
        "RESOLUTION 490*",
        "7. Calls upon all to act;",
        "* Presented by the Committee.",
        "8. Notes",
    ]


def test_a_date_at_the_page_foot_of_a_paste_is_not_taken_for_a_footnote() -> None:
    text = "8. Decides to meet again.\n\n35th plenary meeting\n3 November 2025\n\n3/3\n\f"
    assert paras(text)[-1] == "35th plenary meeting 3 November 2025"


# --- characters -------------------------------------------------------------------------


def test_ligatures_are_spelled_out_and_noted() -> None:
    u = unwrap(lines_of_text("The e\ufb00orts of the o\ufb03ce"))
    assert u.paragraphs == ["The efforts of the office"]
    assert u.notes == ["2 ligatures replaced by their letters"]


def test_a_non_breaking_space_is_kept_as_a_space() -> None:
    assert paras("resolution\u00a079/4 of\u202f2024") == ["resolution 79/4 of 2024"]


def test_a_soft_hyphen_inside_a_line_is_removed() -> None:
    assert paras("the mainte\u00adnance") == ["the maintenance"]


# --- what unwrapping reports -----------------------------------------------------------


def test_each_kind_of_repair_is_noted_once_with_its_count() -> None:
    u = unwrap(lines_of_text("The pro-\ngrammes and the sche-\nmes"))
    assert u.notes == ["2 line-end hyphens joined"]


def test_pasted_text_is_numbered_by_page_at_form_feeds() -> None:
    assert [(line.text, line.page) for line in lines_of_text("a\n\fb\n\f")] == [
        ("a", 1),
        ("", 1),
        ("b", 2),
        ("", 2),
    ]


def test_pasted_text_without_form_feeds_has_page_0() -> None:
    assert {line.page for line in lines_of_text("a\nb")} == {0}


# --- the pasted fixtures ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["un-ga-resolution.txt", "un-ga-resolution.layout.txt"])
def test_a_pasted_un_resolution_gives_its_paragraphs_in_order(name: str) -> None:
    u = unwrap(lines_of_text((PASTED / name).read_text(encoding="utf-8")))
    starts = [p.split()[0] for p in u.paragraphs]
    body = starts[starts.index("Recalling") :]
    assert body == [
        "Recalling",
        "Reaffirming",
        "Deeply",
        "Noting",
        "Recognizing",
        "Stressing",
        "1.",
        "1",
        "2.",
        "(a)",
        "(b)",
        "(c)",
        "3.",
        "4.",
        "5.",
        "6.",
        "7.",
        "2",
        "8.",
        "35th",
    ]
    assert [(r.kind, r.text) for r in u.removed] == [
        ("running header", "A/RES/80/1"),
        ("page number", "1/3"),
        ("running header", "A/RES/80/1"),
        ("page number", "2/3"),
        ("running header", "A/RES/80/1"),
        ("page number", "3/3"),
    ]
    assert "The General Assembly," in u.paragraphs


def test_the_layout_paste_keeps_the_compound_and_joins_the_hyphenated_word() -> None:
    u = unwrap(lines_of_text((PASTED / "un-ga-resolution.layout.txt").read_text("utf-8")))
    text = "\n".join(u.paragraphs)
    assert "community-based evacuation plans" in text
    assert "in their programmes;2" in text


@pytest.mark.parametrize("name", ["nato-pa-resolution.txt", "nato-pa-resolution.layout.txt"])
def test_a_pasted_nato_resolution_gives_one_sequence_and_its_footnote(name: str) -> None:
    u = unwrap(lines_of_text((PASTED / name).read_text(encoding="utf-8")))
    labelled = [p.split()[0] for p in u.paragraphs if re.match(r"(\d+|[a-c])\.", p)]
    assert labelled == ["1.", "2.", "3.", "4.", "5.", "6.", "a.", "b.", "c.", "7.", "8.", "9."]
    assert u.paragraphs[0] == "RESOLUTION 490*"
    assert any(p.startswith("* Presented by the Committee on Democracy") for p in u.paragraphs)
    assert any(
        p.endswith(
            "against cyber attacks, and to agree common standards for the"
            " attribution of such attacks;"
        )
        for p in u.paragraphs
    )


@pytest.mark.parametrize("name", ["un-excerpt-54.txt", "un-excerpt-54.layout.txt"])
def test_a_pasted_excerpt_starts_with_its_fragment_then_54(name: str) -> None:
    u = unwrap(lines_of_text((PASTED / name).read_text(encoding="utf-8")))
    assert u.paragraphs[0].startswith("and to make the results")
    assert [p.split()[0] for p in u.paragraphs[1:]] == [f"{n}." for n in range(54, 62)]


def test_the_one_line_paste_is_split_into_its_provisions() -> None:
    assert paras((PASTED / "one-line.txt").read_text(encoding="utf-8")) == [
        "The General Assembly,",
        "1. Emphasizing the need for reliable data on the movement of people, as set out in"
        " paragraph 2. of its resolution 79/12;",
        "2. Acknowledging the efforts of host countries and communities;",
        "3. Calls upon Member States:",
        "(a) To improve the collection of data, including on age and sex;",
        "(b) To share those data with the relevant agencies; and",
        "(c) To report on progress by 2027;",
        "4. Requests the Secretary-General to report to it at its eighty-first session.",
    ]


def test_the_glued_paste_gets_its_lead_words_back() -> None:
    out = paras((PASTED / "glued-leads.txt").read_text(encoding="utf-8"))
    assert [" ".join(p.split()[:3]) for p in out] == [
        "The Assembly,",
        "1. Recognising the",
        "2. Deeply concerned",
        "3. Recalling its",
        "4. Urges all",
        "5. Calls upon",
        "6. Also requests",
    ]


# --- at scale ---------------------------------------------------------------------------


def test_sixty_thousand_words_in_pages_unwrap_to_their_paragraphs() -> None:
    line = "all States to take part in the work of the committee on the matter of the day and"
    pages, n = [], 0
    for page in range(1, 101):
        body = []
        for _ in range(9):
            n += 1
            body.append(f"{n}. Urges {line}\n{line}\n{line}\n{line}\nto report on it in good time;")
        pages.append(f"A/80/L.7\n\n{chr(10).join(body)}\n\n{page}\n")
    text = "\f".join(pages)
    assert len(text.split()) > 60_000
    u = unwrap(lines_of_text(text))
    assert len(u.paragraphs) == 900
    assert (
        u.paragraphs[-1] == f"900. Urges {line} {line} {line} {line} to report on it in good time;"
    )
    assert len(u.removed) == 200


# --- properties -------------------------------------------------------------------------

_CHARS = st.characters(
    codec="utf-8",
    categories=["L", "N", "P", "Zs"],
    exclude_characters="*\u00ad\u00a0\u2007\u202f\u3000"
    + "".join(chr(c) for c in range(0xFB00, 0xFB07)),
)
_LINE = st.one_of(
    st.text(_CHARS, max_size=40),
    st.sampled_from(
        [
            "",
            "1.",
            "2. Urges all",
            "(a) to act;",
            "3",
            "- 2 -",
            "impor-",
            "tant",
            "A/RES/80/1",
            "Recognisingthe work",
            "the long-",
            "term plan",
            "\f",
        ]
    ),
)


def _visible(texts: list[str]) -> Counter[str]:
    return Counter(c for t in texts for c in t if not c.isspace())


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=30))
def test_unwrapping_never_loses_or_invents_a_character(lines: list[str]) -> None:
    text = "\n".join(lines)
    u = unwrap(lines_of_text(text))
    joined = sum(int(n.split()[0]) for n in u.notes if n.endswith("line-end hyphens joined"))
    before = _visible([text.replace("\f", "")])
    after = _visible(u.paragraphs + [r.text for r in u.removed])
    assert after - before == Counter()
    assert before - after == (Counter({"-": joined}) if joined else Counter())


_WORD = st.text(
    st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=8
)
_PARAGRAPH = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(_WORD, min_size=2, max_size=12),
    st.sampled_from(["", ".", ";", ",", ":"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=20, unique=True))
def test_one_paragraph_a_line_with_blank_lines_between_stays_as_it_is(
    paragraphs: list[str],
) -> None:
    assert paras("\n\n".join(paragraphs)) == paragraphs


@pytest.mark.parametrize(
    ("previous", "text", "opens"),
    [
        # The next item of a list whose items stand a line each.
        ("2. junior members, being persons under eighteen; and", "3. honorary members", True),
        # A number that continues the words: "paragraphs 2 and 3".
        ("in accordance with paragraphs 2 and", "3. of the Rules", False),
        ("the members referred to in 2. and", "4. shall", False),
    ],
)
def test_a_numbered_line_after_and_opens_the_next_item_only_in_sequence(
    previous: str, text: str, opens: bool
) -> None:
    from drafting.text.cues import opens_provision

    assert opens_provision(text, previous) is opens
