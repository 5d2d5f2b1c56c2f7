"""Amendments in Word: the house's amendment form written, and Word amendments read back.

``drafting.docx_export.amendment_form`` sets the text form as a page, an amendment a
page (the European Parliament's with its two-column AM table);
``drafting.docx_import.amendments`` reads any Word file of amendments as amendment
text.  What the form writes reads back to the same amendments in every wording, and
files made by LibreOffice and pandoc (tests/fixtures/docx/amendments/make_amendments.py)
read to the amendments they hold.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, benchmark_generator
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.amending import read_amendments
from drafting.amendments import Amendment, Location, NewProvision, Quote, parse_amendments
from drafting.amendments.errors import AmendmentSyntaxError
from drafting.amendments.model import (
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    MoveProvision,
    ReplaceProvision,
    ReplaceText,
)
from drafting.amendments.writer import WriteStyle, write_amendments
from drafting.cli import cli
from drafting.docx_export.amendment_form import amendments_docx
from drafting.docx_import import DocxError, TrackedChangesError
from drafting.docx_import.amendments import amendments_text
from drafting.tabling import amendments_from_edit

FIXTURES = Path(__file__).parent / "fixtures" / "docx" / "amendments"
LIBREOFFICE = FIXTURES / "lo-amendments.docx"
PANDOC = FIXTURES / "pandoc-amendments.docx"
DELEGATIONS = Path(__file__).parent / "fixtures" / "docx" / "from-edit" / "lo-delegations.docx"
R495 = EXAMPLES / "resolution-495.akn.xml"
STYLES: tuple[WriteStyle, ...] = ("nato-pa", "un-ga", "ep")


def am(number: str, location: Location | None, *ops: object, **fields: object) -> Amendment:
    return Amendment(number, location, tuple(ops), **fields)  # type: ignore[arg-type]


def para(ref: str, new: str | None = None) -> Location:
    return Location("paragraph", ref, new)


#: Every operation, place and field the text form writes, in drafting's markup as a
#: provision gives it (a link's parentheses escaped, as ``Provision.markup`` has them).
AMENDMENTS = [
    am(
        "1",
        para("13(b)"),
        ReplaceText(Quote("misaligned data"), "incompatible data formats"),
        tabled_by="Delegation of Norway",
        date="2024-11-20",
        justification="“Misaligned data” is unclear.\nThe problem is incompatible formats.",
    ),
    am(
        "2",
        para("1"),
        ReplaceText(Quote("AI", 2), "artificial intelligence"),
        DeleteText(Quote("the ways")),
        tabled_by="Delegation of France",
        status="rejected",
    ),
    am(
        "3",
        para("6"),
        InsertText("after", Quote("revised AI Strategy"), "of July 2024"),
        InsertText("end", None, "and its annex"),
        InsertText("beginning", None, "Further,"),
        status="withdrawn",
    ),
    am("4", para("11"), DeleteRange(Quote(", reflected in the fact"), Quote("South Korea"))),
    am("5", para("3"), DeleteProvision(), tabled_by="Delegation of Germany, Delegation of Austria"),
    am(
        "6",
        None,
        InsertProvisions(
            para("13(f)"),
            "after",
            (NewProvision(r"to test *Allied* systems, see [the report](https://e.org/r\(1\));"),),
        ),
    ),
    am(
        "7",
        None,
        InsertProvisions(
            para("13"),
            "after",
            (
                NewProvision(
                    "**CALLS ON** the Alliance:",
                    (
                        NewProvision("to set up a test range;", (NewProvision("open to all;"),)),
                        NewProvision("to share results with <https://nato.int>;"),
                    ),
                ),
                NewProvision("**DECIDES** to remain seized of the matter."),
            ),
        ),
    ),
    am("8", para("13(d)"), ReplaceProvision(NewProvision("to raise public <u>awareness</u>;"))),
    am("9", None, MoveProvision(para("7"), para("9"), "after")),
    am(
        "C1",
        Location("title"),
        ReplaceText(Quote("Artificial Intelligence"), "AI"),
        compromise=True,
        replaces=("2", "3"),
    ),
    am(
        "10",
        para("12", "a"),
        InsertProvisions(para("12"), "after", (NewProvision("**Stressing** the human role;"),)),
    ),
    am(
        "11",
        para("13(b)", "a"),
        InsertProvisions(
            para("13(b)"), "after", (NewProvision("to share data;", (NewProvision("widely;"),)),)
        ),
    ),
    am("12", Location("recital", "B"), ReplaceText(Quote("whereas"), "considering")),
    am("13", Location("citation", "2"), DeleteProvision()),
    am(
        "14",
        para("2", "b"),
        InsertProvisions(
            para("2"),
            "after",
            (NewProvision("Calls for *more*;", (NewProvision("first;", (NewProvision("x;"),)),)),),
        ),
    ),
]
#: The European Parliament's table form: the two columns as from-edit gives them.
EP_TABLES = [
    am(
        "20",
        para("9"),
        ReplaceText(Quote("civilian"), "military"),
        columns=(
            "Expecting civilian oversight | checks;",
            "Expecting military oversight | checks;",
        ),
    ),
    am(
        "21",
        para("13(c)"),
        DeleteProvision(),
        columns=("to invest in an innovative AI ecosystem;", "deleted"),
    ),
    am(
        "22",
        Location("recital", "C"),
        InsertText("after", Quote("whereas"), "notably"),
        columns=("whereas the Union acts;", "whereas notably the Union acts;"),
    ),
]


def _write(tmp_path: Path, amendments: list[Amendment], style: WriteStyle) -> Path:
    out = tmp_path / f"amendments-{style}.docx"
    out.write_bytes(amendments_docx(amendments, style))
    return out


@pytest.mark.parametrize("style", STYLES)
def test_the_form_reads_back_to_the_amendments_it_was_written_from(
    tmp_path: Path, style: WriteStyle
) -> None:
    amendments = AMENDMENTS + (EP_TABLES if style == "ep" else [])
    assert parse_amendments(write_amendments(amendments, style)) == amendments  # the text does
    read = parse_amendments(amendments_text(_write(tmp_path, amendments, style)))
    assert read == amendments


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), style=st.sampled_from(STYLES))
def test_the_form_of_any_edits_amendments_reads_back_to_them(
    tmp_path_factory: pytest.TempPathFactory, seed: int, style: WriteStyle
) -> None:
    generate = benchmark_generator()
    draft = generate.make_resolution(20, seed=seed)
    edit = generate.make_second_version(draft, seed=seed + 1).document
    amendments = amendments_from_edit(draft, edit, by="Delegation of Norway", style=style)
    written = amendments.amendments
    as_text = parse_amendments(write_amendments(written, style))
    path = _write(tmp_path_factory.mktemp("form"), written, style)
    assert parse_amendments(amendments_text(path)) == as_text == written


def _document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _blocks(d: docx.document.Document) -> list[Paragraph | Table]:
    return list(d.iter_inner_content())


def _breaks_before(p: Paragraph) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None


def test_the_nato_form_gives_each_amendment_a_page_worded_as_the_text_is() -> None:
    d = _document(amendments_docx(AMENDMENTS[:2], "nato-pa"))
    texts = [p.text for p in d.paragraphs]
    assert texts == [
        "Amendment 1",
        "Tabled by: Delegation of Norway",
        "Date: 2024-11-20",
        "",
        "Paragraph 13(b)",
        'Leave out "misaligned data" and insert "incompatible data formats"',
        "",
        "Justification",
        "“Misaligned data” is unclear.",
        "",
        "The problem is incompatible formats.",
        "Amendment 2",
        "Tabled by: Delegation of France",
        "",
        "Paragraph 1",
        'Leave out the second "AI" and insert "artificial intelligence"',
        'Leave out "the ways"',
        "Status: rejected",
    ]
    headings = [p for p in d.paragraphs if p.text.startswith("Amendment")]
    assert [_breaks_before(p) for p in headings] == [False, True]
    assert headings[0].style is not None and headings[0].style.font.bold
    place = d.paragraphs[4]
    assert all(r.bold for r in place.runs)


def test_new_sub_paragraphs_stand_in_after_a_dash_with_their_lead_phrase_in_bold() -> None:
    d = _document(amendments_docx([AMENDMENTS[6]], "un-ga"))
    body = [p for p in d.paragraphs if p.paragraph_format.left_indent]
    assert [(p.text, p.paragraph_format.left_indent) for p in body] == [
        ("CALLS ON the Alliance:", 567 * 635),
        ("– to set up a test range;", 2 * 567 * 635),
        ("– open to all;", 3 * 567 * 635),
        ("– to share results with https://nato.int;", 2 * 567 * 635),
        ("DECIDES to remain seized of the matter.", 567 * 635),
    ]
    assert [r.text for r in body[0].runs if r.bold] == ["CALLS ON"]
    assert "After paragraph 13 insert the following new paragraphs:" in [
        p.text for p in d.paragraphs
    ]


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _bold_italic(cell_paragraphs: list[Paragraph]) -> list[str]:
    return [r.text for p in cell_paragraphs for r in p.runs if r.bold and r.italic]


def test_the_ep_form_has_the_two_columns_with_the_changed_words_in_bold_italic() -> None:
    d = _document(amendments_docx(EP_TABLES, "ep"))
    blocks = _blocks(d)
    first = next(k for k, b in enumerate(blocks) if isinstance(b, Table))
    above = [b.text for b in blocks[first - 2 : first] if isinstance(b, Paragraph)]
    assert above == ["Motion for a resolution", "Paragraph 9"]
    below = blocks[first + 1]
    assert isinstance(below, Paragraph) and below.text == "Or. en"
    tables = d.tables
    assert _cells(tables[0]) == [
        ["Motion for a resolution", "Amendment"],
        ["9. Expecting civilian oversight | checks;", "9. Expecting military oversight | checks;"],
    ]
    left, right = tables[0].rows[1].cells
    assert _bold_italic(left.paragraphs) == ["civilian"]
    assert _bold_italic(right.paragraphs) == ["military"]
    assert _cells(tables[1])[1] == ["(c) to invest in an innovative AI ecosystem;", "deleted"]
    assert _bold_italic(tables[1].rows[1].cells[1].paragraphs) == ["deleted"]
    assert _cells(tables[2])[1] == [
        "C. whereas the Union acts;",
        "C. whereas notably the Union acts;",
    ]
    heading_row = tables[0].rows[0]._tr.trPr
    assert heading_row is not None and heading_row.find(qn("w:tblHeader")) is not None


def test_a_new_ep_paragraph_has_an_empty_left_column_and_keeps_its_lead_phrase_bold() -> None:
    d = _document(amendments_docx([AMENDMENTS[10], AMENDMENTS[11]], "ep"))
    new, sub = d.tables
    assert _cells(new)[1] == ["", "Stressing the human role;"]
    runs = new.rows[1].cells[1].paragraphs[0].runs
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in runs] == [
        ("Stressing", True, False),
        (" the human role;", True, True),
    ]
    assert _cells(sub)[1] == ["", "to share data;\n– widely;"]
    assert "Paragraph 13(b) a (new)" in [p.text for p in d.paragraphs]


def test_a_new_ep_provision_nested_deeper_than_the_table_holds_is_written_as_lines() -> None:
    d = _document(amendments_docx([AMENDMENTS[14]], "ep"))
    assert not d.tables
    assert [p.text for p in d.paragraphs if p.paragraph_format.left_indent] == [
        "Calls for more;",
        "– first;",
        "– x;",
    ]


LIBREOFFICE_AMENDMENTS = [
    am(
        "1",
        para("13(b)"),
        ReplaceText(Quote("misaligned data"), "incompatible data formats"),
        tabled_by="Delegation of Norway",
        date="2024-11-20",
        justification="“Misaligned data” is unclear; the problem Allies face is incompatible"
        " data formats.",
    ),
    am(
        "2",
        None,
        InsertProvisions(
            para("13(f)"),
            "after",
            (
                NewProvision(
                    "to establish a joint Allied test and evaluation centre for AI-enabled systems;"
                ),
            ),
        ),
        tabled_by="Delegation of Italy",
        justification="Testing and evaluation are the basis of trust in AI-enabled systems.\n"
        "Allies test them apart today.",
    ),
    am(
        "3",
        para("13(d)"),
        ReplaceText(Quote("prevent mistrust"), "counter disinformation"),
        tabled_by="Delegation of Spain",
        justification="Disinformation, not mistrust, is what harms democracies.",
    ),
    am(
        "4",
        para("12", "a"),
        InsertProvisions(
            para("12"),
            "after",
            (
                NewProvision(
                    "Stressing that human judgement must remain central to every use of force;"
                ),
            ),
        ),
        tabled_by="Delegation of Greece",
    ),
]
PANDOC_AMENDMENTS = [
    am(
        "5",
        para("6"),
        InsertText("after", Quote("revised AI Strategy"), "of July 2024"),
        tabled_by="Delegation of Poland",
        date="2024-11-22",
        justification="The date says which strategy is meant.",
    ),
    am(
        "6",
        None,
        InsertProvisions(
            para("13"),
            "after",
            (
                NewProvision(
                    "**CALLS ON** the Alliance:",
                    (
                        NewProvision("to set up a common AI test range;"),
                        NewProvision("to share its results with partners;"),
                    ),
                ),
            ),
        ),
        tabled_by="Delegation of the Netherlands",
    ),
    am(
        "7",
        para("13(j)"),
        DeleteText(Quote("strongly")),
        InsertText("after", Quote("legal,"), "safe"),
        tabled_by="Delegation of Estonia",
    ),
]


def test_amendments_libreoffice_wrote_read_as_they_were_tabled() -> None:
    # NATO PA wording, then the EP's AM form: its table (words struck through in the
    # Amendment column are the ones it removes) and a new paragraph.
    assert read_amendments([LIBREOFFICE]) == LIBREOFFICE_AMENDMENTS


def test_amendments_pandoc_wrote_from_markdown_read_as_they_were_tabled() -> None:
    # Headings, smart quotes, a bulleted list of new sub-paragraphs, a pipe table.
    assert read_amendments([PANDOC]) == PANDOC_AMENDMENTS


def test_struck_and_bold_italic_words_read_as_the_text_forms_marks() -> None:
    text = amendments_text(LIBREOFFICE)
    assert "and ~~prevent mistrust~~ ***counter disinformation*** and negative" in text
    assert "|  | ***Stressing that human judgement" in text


def test_word_amendments_are_checked_against_the_draft_from_the_command_line() -> None:
    result = CliRunner().invoke(
        cli, ["amendments", "check", str(R495), str(LIBREOFFICE), str(PANDOC)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Amendment 1 (Paragraph 13(b)): ok",
        "Amendment 2 (After paragraph 13(f)): ok",
        "Amendment 3 (Paragraph 13(d)): ok",
        "Amendment 4 (Paragraph 12 a (new)): ok",
        "Amendment 5 (Paragraph 6): ok",
        "Amendment 6 (After paragraph 13): ok",
        "Amendment 7 (Paragraph 13(j)): ok",
    ]


def test_from_edit_writes_the_form_that_amend_and_list_read(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = {kind: tmp_path / f"amendments.{kind}" for kind in ("txt", "docx")}
    for out in outputs.values():
        result = runner.invoke(cli, ["amendments", "from-edit", str(DELEGATIONS), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "wrote" in result.output and "4 amendment(s)" in result.output
    assert outputs["docx"].read_bytes().startswith(b"PK")
    assert read_amendments([outputs["docx"]]) == read_amendments([outputs["txt"]])
    draft = tmp_path / "draft.akn.xml"
    result = runner.invoke(cli, ["import", str(DELEGATIONS), "--reject-changes", "-o", str(draft)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["amendments", "list", str(draft), str(outputs["docx"])])
    assert listed.exit_code == 0 and "Delegation of Canada" in listed.output
    amended = runner.invoke(
        cli, ["amend", str(draft), str(outputs["docx"]), "-o", str(tmp_path / "final.akn.xml")]
    )
    assert amended.exit_code == 0, amended.output
    assert "4 not voted" in amended.output


def test_a_word_file_with_tracked_changes_is_refused_as_amendments() -> None:
    with pytest.raises(TrackedChangesError, match="7 tracked changes") as caught:
        read_amendments([DELEGATIONS])
    assert "accept or reject" in str(caught.value)
    assert str(DELEGATIONS) in str(caught.value)


def test_a_word_file_that_is_no_package_is_refused_as_every_word_file_is(tmp_path: Path) -> None:
    fake = tmp_path / "amendments.docx"
    fake.write_bytes(b"Amendment 1\nParagraph 3\nDelete\n")
    with pytest.raises(DocxError, match="not a zip package"):
        read_amendments([fake])
    result = CliRunner().invoke(cli, ["amendments", "check", str(R495), str(fake)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_word_file_without_amendments_says_so_naming_the_file() -> None:
    draft = EXAMPLES / "resolution-495.docx"
    with pytest.raises(AmendmentSyntaxError, match="no amendments found") as caught:
        read_amendments([draft])
    assert caught.value.location.file == str(draft)


HAVE_TOOLS = all(shutil.which(t) for t in ("soffice", "pdftoppm"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice or poppler not installed")
def test_the_ep_form_printed_by_libreoffice_has_its_table() -> None:
    import pdfplumber

    from drafting.docx_export import docx_to_pdf

    pdf = docx_to_pdf(amendments_docx([EP_TABLES[0], AMENDMENTS[10]], "ep"))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 2  # an amendment a page
        tables = [page.extract_tables() for page in doc.pages]
        text = doc.pages[0].extract_text()
    assert [len(t) for t in tables] == [1, 1]
    head, row = tables[0][0]
    assert head == ["Motion for a resolution", "Amendment"]
    assert row[0] is not None and row[1] is not None
    assert " ".join(row[0].split()) == "9. Expecting civilian oversight | checks;"
    assert " ".join(row[1].split()) == "9. Expecting military oversight | checks;"
    assert tables[1][0][1][0] in ("", None)  # a new paragraph: the left column is empty
    assert "Or. en" in text
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "amendment-form-ep.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(ARTIFACTS / "amendment-form-ep.pdf"),
            str(ARTIFACTS / "amendment-form-ep"),
        ],
        check=True,
        timeout=60,
    )
