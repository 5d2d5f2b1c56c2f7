"""The Word export looks as the NATO PA publishes a resolution, and keeps what import needs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, assert_valid
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx_dump import NS, W, custom_properties, part, word_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import io as dio
from drafting.cli import cli
from drafting.docx_export import (
    TemplateError,
    TemplateStyleError,
    WordNumberingError,
    write_docx,
)
from drafting.docx_export import styles as S
from drafting.model import NATO_PA, UN_GA, Document, Metadata
from drafting.model.document import make_note
from drafting.render.document_html import render_document_html


def word(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(data: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph."""
    return [(p.style.name if p.style else "", p.text) for p in word(data).paragraphs]


def test_the_title_is_bold_capitals_centred_in_its_own_style(r495: Document) -> None:
    first = word(write_docx(r495)).paragraphs[0]
    assert first.text == r495.title
    style = first.style
    assert style is not None and style.name == "Resolution Title"
    assert style.font.bold and style.font.all_caps
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_number_line_carries_a_real_footnote_with_the_custom_star_mark(
    r495: Document,
) -> None:
    data = write_docx(r495)
    assert texts(data)[1] == ("Resolution Number", "RESOLUTION 495*")
    body = part(data, "word/document.xml")
    assert body is not None
    refs = body.findall(".//w:footnoteReference", NS)
    assert len(refs) == 1
    assert refs[0].get(f"{{{W}}}customMarkFollows") == "1"
    run = refs[0].getparent()
    assert run is not None and "".join(run.itertext()) == "*"

    notes = part(data, "word/footnotes.xml")
    assert notes is not None
    kinds = [(n.get(f"{{{W}}}id"), n.get(f"{{{W}}}type")) for n in notes]
    assert kinds == [("-1", "separator"), ("0", "continuationSeparator"), ("1", None)]
    assert word_text(notes[2]) == "*\t" + r495.notes[0].text


def test_the_footnotes_part_is_declared_in_content_types_and_relationships(
    r495: Document,
) -> None:
    data = write_docx(r495)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types
    assert "relationships/footnotes" in rels and 'Target="footnotes.xml"' in rels


def test_paragraphs_are_numbered_by_hand_with_bold_lead_phrases_and_second_phrases(
    r495: Document,
) -> None:
    paras = word(write_docx(r495)).paragraphs
    by_start = {p.text.split("\t")[0]: p for p in paras if "\t" in p.text}
    six = by_start["6."]
    assert six.style is not None and six.style.name == "Preambular Paragraph"
    bold = [r.text for r in six.runs if r.bold]
    assert bold == ["Welcoming", "reaffirming"]
    thirteen = by_start["13."]
    assert thirteen.text.startswith("13.\tURGES member governments")
    assert thirteen.style is not None and thirteen.style.name == "Operative Paragraph"
    assert [r.text for r in thirteen.runs if r.bold] == ["URGES"]
    assert by_start["a."].style.name == "Sub-paragraph"  # type: ignore[union-attr]
    assert by_start["j."].text.endswith("in the military domain.")


def test_un_lead_phrases_are_italic_and_its_preamble_unnumbered() -> None:
    doc = dio.load(EXAMPLES / "un-ga-example.akn.xml")
    paras = word(write_docx(doc)).paragraphs
    recital = next(p for p in paras if p.text.startswith("Recalling"))
    assert [r.text for r in recital.runs if r.italic] == ["Recalling"]
    subsub = next(p for p in paras if p.text.startswith("(i)\t"))
    assert subsub.style is not None and subsub.style.name == "Sub-sub-paragraph"


def test_sub_paragraphs_hang_their_letter_one_step_inside_the_paragraph_text(
    r495: Document,
) -> None:
    w = word(write_docx(r495))
    op = w.styles["Operative Paragraph"].paragraph_format
    sub = w.styles["Sub-paragraph"].paragraph_format
    assert op.first_line_indent < 0 and sub.first_line_indent < 0
    assert sub.left_indent + sub.first_line_indent == op.left_indent


def test_the_page_is_a4(r495: Document) -> None:
    section = word(write_docx(r495)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # type: ignore[union-attr]


def test_the_frbr_identity_travels_in_custom_properties(r495: Document) -> None:
    md = r495.metadata
    assert custom_properties(write_docx(r495)) == {
        "AKN.work": md.work_uri,
        "AKN.expression": md.expression_uri,
        "AKN.houseStyle": "nato-pa",
        "AKN.number": "495",
        "AKN.body": "NATO Parliamentary Assembly",
        "AKN.date": "2024-11-25",
        "AKN.dateName": "adoption",
        "AKN.committee": "Science and Technology Committee",
    }


def test_core_properties_are_fixed_by_the_document_not_the_clock(r495: Document) -> None:
    core = word(write_docx(r495)).core_properties
    assert core.created == core.modified == dt.datetime(2024, 11, 25, tzinfo=dt.UTC)
    assert core.title == r495.title and core.author == "NATO Parliamentary Assembly"
    assert core.language == "en" and core.comments == ""


def test_a_footnote_on_a_provision_is_an_automatically_numbered_word_footnote(
    r495: Document,
) -> None:
    block = r495.find("13(b)").blocks[0]
    block.append(make_note("1", "See the **REAIM** Blueprint."))
    data = write_docx(r495)
    body = part(data, "word/document.xml")
    assert body is not None
    refs = body.findall(".//w:footnoteReference", NS)
    assert [r.get(f"{{{W}}}customMarkFollows") for r in refs] == ["1", None]
    notes = part(data, "word/footnotes.xml")
    assert notes is not None
    second = notes[3]
    assert second.find(".//w:footnoteRef", NS) is not None
    assert word_text(second) == "\tSee the REAIM Blueprint."
    assert [
        r.findtext(".//w:t", namespaces=NS)
        for r in second.iterfind(".//w:r", NS)
        if r.find(".//w:b", NS) is not None
    ] == ["REAIM"]


# -- Word numbering -------------------------------------------------------------------------------


def _lists(data: bytes) -> dict[str, list[tuple[str, str]]]:
    """numId -> [(numFmt, lvlText)] per level."""
    numbering = part(data, "word/numbering.xml")
    assert numbering is not None
    out = {}
    for num in numbering.iterfind("w:num", NS):
        aid = num.find("w:abstractNumId", NS).get(f"{{{W}}}val")  # type: ignore[union-attr]
        abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{aid}']", NS)
        assert abstract is not None
        out[num.get(f"{{{W}}}numId", "")] = [
            (
                lvl.find("w:numFmt", NS).get(f"{{{W}}}val", ""),  # type: ignore[union-attr]
                lvl.find("w:lvlText", NS).get(f"{{{W}}}val", ""),  # type: ignore[union-attr]
            )
            for lvl in abstract.iterfind("w:lvl", NS)
        ]
    return out


def _numbered(data: bytes) -> list[tuple[str, str, str]]:
    """(numId, ilvl, first words) of each automatically numbered paragraph."""
    body = part(data, "word/document.xml")
    assert body is not None
    out = []
    for p in body.iter(f"{{{W}}}p"):
        num = p.find("w:pPr/w:numPr", NS)
        if num is not None:
            out.append(
                (
                    num.find("w:numId", NS).get(f"{{{W}}}val", ""),  # type: ignore[union-attr]
                    num.find("w:ilvl", NS).get(f"{{{W}}}val", ""),  # type: ignore[union-attr]
                    "".join(p.itertext())[:12],
                )
            )
    return out


def test_word_numbering_puts_nato_paragraphs_in_one_list_without_typed_numbers(
    r495: Document,
) -> None:
    data = write_docx(r495, word_numbering=True)
    numbered = _numbered(data)
    assert len(numbered) == 12 + 1 + 10
    assert {n for n, _, _ in numbered} == {numbered[0][0]}
    assert numbered[12] == (numbered[0][0], "0", "URGES member")
    assert numbered[13][1] == "1" and numbered[13][2].startswith("to advance")
    levels = _lists(data)[numbered[0][0]]
    assert levels[:3] == [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]


def test_word_numbering_gives_un_sub_paragraphs_brackets_and_ep_recitals_their_own_list() -> None:
    un = write_docx(dio.load(EXAMPLES / "un-ga-example.akn.xml"), word_numbering=True)
    (num_id,) = {n for n, _, _ in _numbered(un)}
    assert _lists(un)[num_id][1:3] == [("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]

    ep = write_docx(dio.load(EXAMPLES / "ep-example.akn.xml"), word_numbering=True)
    ids = [n for n, _, _ in _numbered(ep)]
    recital_list, paragraph_list = ids[0], ids[3]
    assert recital_list != paragraph_list
    assert _lists(ep)[recital_list] == [("upperLetter", "%1.")]


def test_word_numbering_refuses_numbers_word_would_show_differently(r495: Document) -> None:
    r495.find("13(c)").delete()  # leaves a gap: a, b, d ...
    with pytest.raises(WordNumberingError) as err:
        write_docx(r495, word_numbering=True)
    assert err.value.location.eid == "para_13__list_1__point_d"
    assert "sub-paragraph 13(d) is numbered 'd.', but Word's automatic numbering would show" in str(
        err.value
    )
    write_docx(r495)  # typed numbers keep the gap, as the text says


# -- templates ------------------------------------------------------------------------------------


def _template(path: Path, *, without: str | None = None) -> Path:
    t = docx.Document()
    for name in S.RESOLUTION_STYLES:
        if name != without:
            style = t.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.font.name = "Times New Roman"
            style.font.size = Pt(12)
    t.sections[0].header.paragraphs[0].text = "NATO PARLIAMENTARY ASSEMBLY"
    t.sections[0].page_width, t.sections[0].page_height = Cm(21.59), Cm(27.94)
    t.add_paragraph("Sample text of the template")
    t.save(str(path))
    return path


def test_a_template_gives_its_styles_header_and_page_and_loses_its_sample_text(
    r495: Document, tmp_path: Path
) -> None:
    w = word(write_docx(r495, template=_template(tmp_path / "t.docx")))
    assert w.sections[0].header.paragraphs[0].text == "NATO PARLIAMENTARY ASSEMBLY"
    assert w.sections[0].page_width == Cm(21.59)
    assert "Sample text of the template" not in [p.text for p in w.paragraphs]
    assert w.paragraphs[0].text == r495.title
    assert w.styles["Operative Paragraph"].font.name == "Times New Roman"


def test_a_dotx_template_is_accepted(r495: Document, tmp_path: Path) -> None:
    src = _template(tmp_path / "t.docx")
    dotx = tmp_path / "t.dotx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, data)
    assert word(write_docx(r495, template=dotx)).paragraphs[0].text == r495.title


def test_a_template_without_a_needed_style_is_refused_naming_the_style(
    r495: Document, tmp_path: Path
) -> None:
    template = _template(tmp_path / "t.docx", without="Sub-paragraph")
    with pytest.raises(TemplateStyleError) as err:
        write_docx(r495, template=template)
    assert str(err.value).startswith(
        f'{template}: the template has no paragraph style named "Sub-paragraph"; add'
    )


def test_a_style_map_maps_drafting_styles_onto_a_templates_own_names(
    r495: Document, tmp_path: Path
) -> None:
    template = _template(tmp_path / "t.docx", without="Sub-paragraph")
    data = write_docx(r495, template=template, style_map={"Sub-paragraph": "List Number 2"})
    assert ("List Number 2", "a.\tto advance") in [(s, t[:13]) for s, t in texts(data)]


def test_a_file_that_is_not_word_is_refused_as_a_template(r495: Document, tmp_path: Path) -> None:
    bad = tmp_path / "t.docx"
    bad.write_text("not a zip")
    with pytest.raises(TemplateError, match="not a Word document or template"):
        write_docx(r495, template=bad)


def test_the_cli_exports_with_a_template_and_says_which_style_is_missing(tmp_path: Path) -> None:
    src = EXAMPLES / "resolution-495.akn.xml"
    out = tmp_path / "r.docx"
    runner = CliRunner()
    ok = runner.invoke(cli, ["export", str(src), "-o", str(out), "--word-numbering"])
    assert ok.exit_code == 0, ok.stderr
    assert ok.stderr == f"wrote {out}\n"
    assert len(_numbered(out.read_bytes())) == 23

    bad = _template(tmp_path / "t.docx", without="Opening Formula")
    out2 = tmp_path / "r2.docx"
    res = runner.invoke(cli, ["export", str(src), "-o", str(out2), "--template", str(bad)])
    assert res.exit_code == 1
    assert res.stderr == (
        f'error: {bad}: the template has no paragraph style named "Opening Formula"; add a'
        ' paragraph style "Opening Formula" to the template in Word (Home > Styles > Create a'
        " Style) and save it again\n"
    )
    assert not out2.exists()


# -- any resolution -------------------------------------------------------------------------------

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéABCXYZ0123456789'’", min_size=1, max_size=9)
_TOKEN = st.one_of(_WORD, _WORD, _WORD, st.sampled_from(["&", "<", ">", ";", ",", '"', "–"]))
_CLAUSE = st.lists(_TOKEN, min_size=1, max_size=12).map(" ".join)
_PHRASE = st.sampled_from(["Recognising", "Noting with concern", "URGES", "Calls upon"])


@st.composite
def resolutions(draw: st.DrawFn) -> Document:
    style = draw(st.sampled_from([NATO_PA, UN_GA]))
    md = Metadata(
        number=str(draw(st.integers(1, 999))),
        body=style.body,
        date=dt.date(2024, 11, 25),
        country=style.country,
        actor=style.actor,
    )
    doc = Document.new(md, style, draw(_CLAUSE).upper())
    emph = "**" if style.phrase_emphasis == "b" else "*"
    for kind in ("recital", "paragraph"):
        for _ in range(draw(st.integers(1 if kind == "paragraph" else 0, 3))):
            p = doc.add(kind, f"{emph}{draw(_PHRASE)}{emph} {draw(_CLAUSE)}")
            if kind == "paragraph":
                for _ in range(draw(st.integers(0, 2))):
                    sub = p.add_point(draw(_CLAUSE))
                    for _ in range(draw(st.integers(0, 1))):
                        sub.add_point(draw(_CLAUSE))
    doc.renumber()
    return doc


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_any_resolution_exports_to_word_and_html_with_every_clause_text(doc: Document) -> None:
    assert_valid(doc)
    for numbering in (False, True):
        paras = [t.split("\t", 1)[-1] for _, t in texts(write_docx(doc, word_numbering=numbering))]
        for p in doc.provisions():
            assert p.text in paras
    page = render_document_html(doc)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert " < " not in page and " & " not in page  # escaped
