"""Diffs of drafts that hold what a faithful import keeps beside numbered provisions.

Headings, tables and unnumbered text are AKN ``hcontainer``s.  Every view of a diff
(terminal, HTML, Word, comparative table, JSON) names them as a reader finds them and
writes them without failing; the Word redline still accepts to NEW and rejects to OLD.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from diff_cases import document_xml, tracked_text
from lxml import etree

from drafting.akn.ns import q
from drafting.diff import diff_documents
from drafting.diffing import render_diff
from drafting.docx_export.redline import redline_docx
from drafting.docx_import import import_docx
from drafting.model import Document

HERE = Path(__file__).parent / "fixtures" / "docx" / "permissive"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = dt.datetime(2024, 11, 25, 9, 0, tzinfo=dt.UTC)


def _draft() -> Document:
    # Made by LibreOffice (lo-annex-table.fodt): two paragraphs, an annex heading,
    # a table with a merged cell, and a closing unnumbered paragraph.
    return import_docx(HERE / "lo-annex-table.docx").document


def _edited() -> Document:
    doc = _draft()
    swaps = {"Timetable": "Schedule", "September": "October", "adjusted": "changed"}
    for el in doc.statement.iter(q("hcontainer")):
        for node in el.iter(q("b"), q("p"), q("span")):
            for old, new in swaps.items():
                if node.text and old in node.text:
                    node.text = node.text.replace(old, new)
    return doc


def _lines(doc: Document) -> list[str]:
    """What a redline of ``doc`` reads as, paragraph by paragraph, numbers first."""
    lines = [doc.title] if doc.title else []
    for p in doc.provisions():
        for block in p.blocks:
            words = "".join(block.itertext())
            lines.append(f"{p.num}\t{words}" if p.num else words)
    return lines


def test_the_terminal_names_a_heading_by_its_words_and_a_table_by_its_place() -> None:
    result = diff_documents(_draft(), _edited())
    labels = [c.label() for c in result.differences]
    assert labels == ["heading “Annex – Timetable”", "table 1", "unnumbered text 1"]
    assert result.summary_line().startswith("3 changed, 0 inserted, 0 deleted, 0 moved")
    text = render_diff(result, "text").decode()
    assert "[-September-]{+October+}" in text
    assert "hcontainer" not in text


def test_an_unchanged_draft_with_blocks_has_no_differences() -> None:
    assert diff_documents(_draft(), _draft()).same


def test_the_redline_accepts_to_the_edit_and_rejects_to_the_draft() -> None:
    old, new = _draft(), _edited()
    data = redline_docx(diff_documents(old, new), date=DATE)
    accepted = [line for line in tracked_text(data, accept=True) if line]
    rejected = [line for line in tracked_text(data, accept=False) if line]
    assert "".join(accepted) == "".join(_lines(new))
    assert "".join(rejected) == "".join(_lines(old))


def test_the_redline_sets_headings_tables_and_unnumbered_text_in_their_own_styles() -> None:
    data = redline_docx(diff_documents(_draft(), _edited()), date=DATE)
    root = document_xml(data)
    used = {el.get(W + "val") for el in root.iter(W + "pStyle")}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    names = {
        s.get(W + "styleId"): s.find(W + "name").get(W + "val")  # type: ignore[union-attr]
        for s in styles.iter(W + "style")
    }
    shown = {names[u] for u in used if u in names}
    assert {"Resolution Heading", "Table Text", "Unnumbered Paragraph"} <= shown


@pytest.mark.parametrize("view", ["html", "columns-html", "columns-docx", "json"])
def test_every_view_writes_the_blocks_words(view: str) -> None:
    result = diff_documents(_draft(), _edited())
    data = render_diff(result, view)
    if view == "columns-docx":
        out = "".join(document_xml(data).itertext())
    elif view != "json":
        out = data.decode()
    else:
        names = [c["new"]["name"] for c in json.loads(data)["changes"] if c["kind"] == "changed"]
        assert names == ["heading", "table", "unnumbered"]
        return
    for words in ("Schedule", "October", "changed"):
        assert words in out
