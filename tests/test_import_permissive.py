"""Real drafts import as they stand: never refused for style, numbers and order as shown.

The fixtures in tests/fixtures/docx/permissive/ stand for the classes of drafts the
import used to refuse or damage (make_permissive.py says how each was made, and
expected.json what a secretary reading it in Word sees).  Each test holds the import
to what the reader sees: every paragraph in order, with the number Word shows and
its words; the faults reported, not fixed and not refused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_sound

from drafting.akn.inline import text_of
from drafting.akn.ns import q
from drafting.cli import cli
from drafting.docx_import import DocxImportResult, import_docx
from drafting.model import Document

HERE = Path(__file__).resolve().parent / "fixtures" / "docx" / "permissive"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
READABLE = sorted(name for name, entry in EXPECTED.items() if not entry["refuse"])
REFUSED = sorted(name for name, entry in EXPECTED.items() if entry["refuse"])

#: What each kind of the manifest may become.  Where the AKN model holds a reader's
#: notion otherwise, the choice is the model's: a list item among operative paragraphs
#: is a paragraph (numbered) or unnumbered content (bulleted); a preambular paragraph
#: after the operative part stays there, as unnumbered content; the General
#: Assembly's "Resolution adopted by ..." is a line of the head.
KINDS: dict[str, set[str]] = {
    "title": {"title"},
    "number-line": {"number-line", "head"},
    "head": {"head"},
    "formula": {"formula"},
    "preambular": {"preambular", "unnumbered"},
    "operative": {"operative"},
    "sub": {"sub"},
    "unnumbered": {"unnumbered"},
    "heading": {"heading"},
    "table": {"table"},
    "list-item": {"operative", "sub", "unnumbered"},
}


def _import(name: str) -> DocxImportResult:
    return import_docx(HERE / name, accept_changes=True)


def _words(text: str, n: int = 6) -> str:
    return " ".join(text.split()[:n])


def _seen(doc: Document) -> list[tuple[str, str | None, str]]:
    """(kind, label, first words) of everything the document shows, in reading order."""
    out: list[tuple[str, str | None, str]] = []
    preface = doc.statement.child("preface")
    for el in preface if preface is not None else []:
        if el.local == "longTitle":
            out.append(("title", None, " ".join(text_of(p) for p in el.iter(q("p")))))
        elif el.local == "p":
            kind = "number-line" if el.find(q("docType")) is not None else "head"
            out.append((kind, None, text_of(el)))
        elif el.local == "table":
            first = el.find(f".//{q('p')}")
            out.append(("table", None, text_of(first) if first is not None else ""))
    if doc.formula:
        out.append(("formula", None, doc.formula))
    kinds = {"recital": "preambular", "citation": "preambular", "paragraph": "operative"}
    for p in doc.provisions():
        kind = kinds.get(p.kind, "sub")
        if p.kind == "hcontainer":
            kind = p.name or "unnumbered"
        blocks = p.blocks[:1] if p.table is not None else p.blocks
        out.append((kind, p.num, " ".join(text_of(b) for b in blocks)))
    return [(k, n, _words(t)) for k, n, t in out]


def _shown(name: str) -> list[tuple[str, str | None, str]]:
    return [(k, n, _words(t)) for k, n, t in EXPECTED[name]["items"] if k != "note"]


@pytest.mark.parametrize("name", READABLE)
def test_every_paragraph_imports_in_order_with_the_number_word_shows(name: str) -> None:
    result = _import(name)
    seen, shown = _seen(result.document), _shown(name)
    assert [(n, w) for _, n, w in seen] == [(n, w) for _, n, w in shown]
    for (kind, _, words), (want, _, _) in zip(seen, shown, strict=True):
        assert kind in KINDS[want], (words, kind, want)


@pytest.mark.parametrize("name", READABLE)
def test_every_character_is_accounted_for_and_the_akn_is_valid(name: str) -> None:
    result = _import(name)
    assert result.report.unaccounted == 0, result.report.summary()
    assert_sound(result.document)


@pytest.mark.parametrize("name", READABLE)
def test_every_footnote_is_kept(name: str) -> None:
    notes = [words for kind, _, words in EXPECTED[name]["items"] if kind == "note"]
    got = [_words(n.text) for n in _import(name).document.notes]
    assert sorted(got) == sorted(notes)


@pytest.mark.parametrize("name", REFUSED)
def test_an_empty_or_unreadable_file_is_refused_in_one_line_with_no_output(
    name: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.akn.xml"
    result = CliRunner().invoke(cli, ["import", str(HERE / name), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {HERE / name}: ")
    assert "Traceback" not in result.output
    assert not out.exists()


def test_typed_numbers_out_of_sequence_are_kept_and_reported_with_the_fix() -> None:
    result = _import("pd-typed-gaps.docx")
    nums = [p.num for p in result.document.paragraphs]
    assert nums == ["5.", "6.", "8.", "9.", "10.", "10.", "11."]
    # A repeated number keeps its label; its eId is made unique.
    eids = [p.eid for p in result.document.paragraphs]
    assert "para_10" in eids and "para_10-2" in eids
    warning = next(w for w in result.warnings if "out of sequence" in w)
    assert "run 'drafting renumber' to renumber" in warning
    assert "numbering: paragraph 8. (7. in the house style)" in result.report.details


def test_an_excerpt_keeps_its_first_number_and_its_opening_fragment() -> None:
    doc = _import("pd-excerpt-54.docx").document
    assert [p.num for p in doc.paragraphs][:2] == ["54.", "55."]
    assert doc.top_level[0].num is None  # the fragment before paragraph 54, unnumbered


def test_automatic_numbers_start_where_word_starts_them() -> None:
    doc = _import("lo-auto-127.docx").document
    nums = [p.num for p in doc.paragraphs]
    assert nums[:4] == ["127.", "128.", "134.", "129."]


def test_author_initials_in_a_list_of_sources_are_words_not_recitals() -> None:
    result = _import("pandoc-references.docx")
    doc = result.document
    sources = [p.text for p in doc.top_level if p.kind == "hcontainer" and p.name == "unnumbered"]
    assert sources[0].startswith("A. Brown (2020)")
    assert any(s.startswith("S. Safe, J. Doe") for s in sources)
    assert [r.num for r in doc.recitals] == ["1.", "2."]
    assert any("read as words, not numbers" in w for w in result.warnings)


def test_paragraphs_after_the_operative_part_stay_after_it() -> None:
    doc = _import("lo-recitals-late.docx").document
    texts = [p.text.split()[0] for p in doc.top_level if p.level == 0]
    assert texts.index("Noting") > texts.index("Encourages")
    assert [p.num for p in doc.paragraphs] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]


def test_a_lead_phrase_in_plain_type_is_read_and_set_as_the_house_style_prints_it() -> None:
    result = _import("lo-mun-draft.docx")
    para = result.document.find("4")
    assert result.style.name == "un-ga"  # italic preambular phrases: the UN's emphasis
    assert para.lead_phrase == "Recommends"
    assert para.markup.startswith("*Recommends* the establishment")
    assert any("were in plain type and are now set in italics" in w for w in result.warnings)


def test_strict_open_xml_reads_like_the_transitional_original() -> None:
    strict = _seen(_import("strict-resolution.docx").document)
    assert strict == _seen(_import("lo-strict-source.docx").document)


def test_text_boxes_content_controls_and_ruby_are_read_in_order() -> None:
    doc = _import("lo-text-box.docx").document
    assert (doc.title, doc.number) == _title_and_number("lo-text-box.docx")
    ruby = _import("pd-controls-ruby-link.docx").document
    assert any("京都" in p.text for p in ruby.provisions())


def _title_and_number(name: str) -> tuple[str, str]:
    items = EXPECTED[name]["items"]
    title = next(w for k, _, w in items if k == "title")
    line = next(w for k, _, w in items if k == "number-line")
    doc = _import(name).document
    assert doc.title.startswith(title)
    return doc.title, line.split()[-1]


def test_tables_are_akn_tables_with_every_cell() -> None:
    doc = _import("lo-annex-table.docx").document
    table = next(p.table for p in doc.provisions() if p.table is not None)
    cells = [["".join(text_of(b) for b in c.iter(q("p"))) for c in row] for row in table]
    assert cells == EXPECTED["lo-annex-table.docx"]["tables"][0]
    assert table[0][0].local == "th"  # the repeated header row
    assert "colspan" in {a for row in table for c in row for a in c.attrib}


def test_symbol_font_bullets_show_as_bullets() -> None:
    doc = _import("pd-symbol-bullets.docx").document
    bullets = [p.num for p in doc.provisions() if p.num]
    assert bullets == ["•"] * 5


def test_a_pace_report_is_detected_with_its_reason() -> None:
    result = _import("lo-pace-report.docx")
    assert result.style.name == "pace"
    assert result.report.style_reason
    nums = [p.num for p in result.document.paragraphs]
    assert "15.1." in [c.num for p in result.document.paragraphs for c in p.children] or any(
        n and n.startswith("15.") for n in nums
    )


def test_a_un_title_line_gives_the_number_and_the_title() -> None:
    doc = _import("pd-ga-plain.docx").document
    assert doc.number == "80/12"
    assert doc.title.startswith("Cooperation between the United Nations")


@pytest.mark.parametrize("name", READABLE)
def test_what_was_imported_comes_back_the_same_from_drafting_s_word_export(
    name: str, tmp_path: Path
) -> None:
    from drafting import io
    from drafting.docx_export import write_docx

    first = _import(name).document
    path = tmp_path / "again.docx"
    path.write_bytes(write_docx(first))
    again = import_docx(path).document
    assert io.dumps(again, validate=False) == io.dumps(first, validate=False)
