"""Reading a PDF into lines: markup, positions, and one clear refusal for each bad file.

The fixtures are committed (made by ``tests/fixtures/pdf/make_pdfs.py``), so nothing
here needs LibreOffice or poppler.  Hand-made PDFs for the limits are written by
:func:`minimal_pdf` below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.errors import DraftingError
from drafting.pdf_import import MAX_PDF_BYTES, MAX_PDF_PAGES, PdfError, read_pdf
from drafting.pdf_import.words import Word, font_style, lines_of_words
from drafting.text.unwrap import Removed, unwrap

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"
UN = PDF / "un-ga-resolution.pdf"
NATO = PDF / "nato-pa-resolution.pdf"
EXCERPT = PDF / "un-excerpt-54.pdf"

_TEXT_PAGE = b"BT /F1 12 Tf 72 500 Td (Recalling its work;) Tj ET"
_FONT = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def minimal_pdf(
    pages: int, content: bytes = b"", *, declared: int | None = None, blank: tuple[int, ...] = ()
) -> bytes:
    """A small well-formed PDF of ``pages`` pages that all draw ``content``, but the
    pages numbered in ``blank``, which draw nothing.

    ``declared`` is the page count the page tree states, when it should lie.
    """
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    full, empty = 3 + pages, 4 + pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {declared or pages} >>".encode(),
    ]
    for number in range(1, pages + 1):
        stream = empty if number in blank else full
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents {stream} 0 R"
            " /Resources ".encode()
            + _FONT
            + b" >>"
        )
    for body in (content, b""):
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def refusal(path: Path) -> PdfError:
    """The error :func:`read_pdf` raises for ``path``; fails when it reads the file."""
    with pytest.raises(PdfError) as info:
        read_pdf(path)
    assert info.value.location.file == str(path)
    return info.value


# --- lines and markup ------------------------------------------------------------------


def test_the_lines_of_a_page_come_top_to_bottom_with_their_page_number() -> None:
    text = read_pdf(UN)
    assert text.pages == 3
    assert [line.text for line in text.lines[:8]] == [
        "**A/RES/80/1**",
        "Resolution adopted by the General Assembly on 3",
        "November 2025",
        "[without reference to a Main Committee (A/80/L.7)]",
        "**80/1. International cooperation on coastal**",
        "**resilience and early warning**",
        "*The General Assembly*,",
        "*Recalling* its resolutions on the reduction of",
    ]
    assert [line.page for line in text.lines] == sorted(line.page for line in text.lines)
    assert {line.page for line in text.lines} == {1, 2, 3}


def test_italic_lead_phrases_are_marked_with_one_star() -> None:
    texts = [line.text for line in read_pdf(UN).lines]
    assert "*Deeply concerned* that early warning systems still" in texts
    assert any(t.startswith("1. *Calls upon* Member States") for t in texts)


def test_bold_lead_phrases_are_marked_with_two_stars() -> None:
    texts = [line.text for line in read_pdf(NATO).lines]
    assert "1. **Recognising** that free elections, an independent press" in texts
    assert any(t.startswith("7. **Calls upon** the Allies") for t in texts)


def test_a_superscript_footnote_mark_is_kept_glued_to_its_word() -> None:
    assert "to coastal hazards,1" in [line.text for line in read_pdf(UN).lines]


def test_a_literal_star_is_escaped_in_the_markup() -> None:
    lines = read_pdf(NATO).lines
    assert lines[0].text == "**RESOLUTION 490**\\*"
    assert any(line.text.startswith("\\*Presented by the Committee") for line in lines)


def test_the_title_comes_from_the_pdf_metadata() -> None:
    assert read_pdf(UN).title == "International cooperation on coastal resilience and early warning"


def test_each_line_carries_its_position_and_size_on_the_page() -> None:
    first_recital = next(ln for ln in read_pdf(UN).lines if ln.text.startswith("*Recalling*"))
    assert first_recital.page == 1
    assert first_recital.x0 == pytest.approx(90.9, abs=0.5)  # the first-line indent
    assert first_recital.size == 10.0
    assert first_recital.page_height == pytest.approx(595.3, abs=0.1)
    assert first_recital.top is not None and first_recital.bottom is not None
    assert first_recital.top < first_recital.bottom


def test_footnote_lines_are_in_their_smaller_size() -> None:
    note = next(ln for ln in read_pdf(UN).lines if ln.text.startswith("1See"))
    assert note.size == 8.0


def test_a_clean_pdf_reads_without_warnings() -> None:
    assert read_pdf(NATO).warnings == []


# --- the fixtures unwrapped ------------------------------------------------------------


def test_the_un_pdf_unwraps_to_its_paragraphs_with_numbers_as_typed() -> None:
    paragraphs = unwrap(read_pdf(UN).lines).paragraphs
    assert [re.split(r"[ *]+", p.lstrip("*"))[0] for p in paragraphs] == [
        "Resolution",
        "[without",
        "80/1.",
        "The",
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
    assert paragraphs[10] == (
        "1. *Calls upon* Member States to integrate coastal hazards into their national"
        " strategies for disaster risk reduction, and to assess at regular intervals how far"
        " their warnings reach the people concerned;"
    )


def test_the_un_pdf_running_header_and_page_numbers_are_removed_and_listed() -> None:
    assert unwrap(read_pdf(UN).lines).removed == [
        Removed("running header", 1, "**A/RES/80/1**"),
        Removed("page number", 1, "1/3"),
        Removed("running header", 2, "**A/RES/80/1**"),
        Removed("page number", 2, "2/3"),
        Removed("running header", 3, "**A/RES/80/1**"),
        Removed("page number", 3, "3/3"),
    ]


def test_the_un_pdf_line_end_hyphens_are_decided_by_the_document() -> None:
    u = unwrap(read_pdf(UN).lines)
    text = "\n".join(u.paragraphs)
    assert "with local authorities, community-based evacuation plans" in text
    assert "an eligible cost in their programmes;2" in text
    assert "1 line-end hyphens joined" in u.notes
    assert "1 hyphenated words kept whole across line ends" in u.notes


def test_the_un_pdf_footnotes_follow_the_paragraph_their_page_interrupted() -> None:
    paragraphs = unwrap(read_pdf(UN).lines).paragraphs
    one = paragraphs.index(
        "1 See the report of the Secretary-General on coastal hazards and early warning for"
        " the seventy-ninth session."
    )
    assert paragraphs[one - 1].startswith("1. *Calls upon*")
    assert paragraphs[one - 1].endswith("the people concerned;")
    two = paragraphs.index(
        "2 Including the costs of spare parts, calibration and the salaries of technical staff."
    )
    assert paragraphs[two - 1].startswith("7. *Requests*")


def test_the_nato_pdf_unwraps_to_one_sequence_with_its_star_footnote() -> None:
    paragraphs = unwrap(read_pdf(NATO).lines).paragraphs
    assert paragraphs[:4] == [
        "**RESOLUTION 490**\\*",
        "**on**",
        "**THE RESILIENCE OF DEMOCRATIC INSTITUTIONS IN THE FACE OF HOSTILE INFORMATION"
        " CAMPAIGNS**",
        "The Assembly,",
    ]
    labels = [p.split()[0] for p in paragraphs[4:]]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6.", "a.", "b.", "c.", "7.", "\\*", "8.", "9."]
    assert paragraphs[13] == (
        "7. **Calls upon** the Allies to protect electoral infrastructure against cyber attacks,"
        " and to agree common standards for the attribution of such attacks;"
    )
    assert paragraphs[14].startswith("\\* Presented by the Committee on Democracy and Security")


def test_the_nato_pdf_bare_page_numbers_are_removed() -> None:
    assert unwrap(read_pdf(NATO).lines).removed == [
        Removed("page number", 1, "1"),
        Removed("page number", 2, "2"),
    ]


def test_the_excerpt_pdf_keeps_its_opening_fragment_and_starts_at_54() -> None:
    u = unwrap(read_pdf(EXCERPT).lines)
    assert u.paragraphs[0] == (
        "and to make the results of such surveys available to all interested States and"
        " organizations in accessible formats and without delay;"
    )
    assert [p.split()[0] for p in u.paragraphs[1:]] == [f"{n}." for n in range(54, 62)]
    assert [r.text for r in u.removed] == ["**A/RES/80/212**", "14/20", "**A/RES/80/212**", "15/20"]


# --- words to lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fontname", "style"),
    [
        ("ABCDEF+TimesNewRomanPS-BoldMT", (True, False)),
        ("ABCDEF+TimesNewRomanPS-ItalicMT", (False, True)),
        ("Arial-BoldItalicMT", (True, True)),
        ("Helvetica-Oblique", (False, True)),
        ("SourceSansPro-Semibold", (True, False)),
        ("Frutiger-Black", (True, False)),
        ("Avenir-Heavy", (True, False)),
        ("Futura-DemiBold", (True, False)),
        ("MinionPro-It", (False, True)),
        ("ABCDEF+DejaVuSerif", (False, False)),
        ("TimesNewRomanPSMT", (False, False)),
    ],
)
def test_the_font_name_says_bold_and_italic(fontname: str, style: tuple[bool, bool]) -> None:
    assert font_style(fontname) == style


def _word(text: str, x0: float, font: str = "Serif", size: float = 10, top: float = 100) -> Word:
    return Word(text, x0, x0 + 6 * len(text), top, top + size, font, size)


def test_adjacent_words_of_one_style_are_one_run() -> None:
    words = [_word("Calls", 0, "Serif-Bold"), _word("upon", 33, "Serif-Bold"), _word("all", 60)]
    assert lines_of_words(words, 1, 842)[0].text == "**Calls upon** all"


def test_punctuation_after_a_styled_word_stays_outside_the_run() -> None:
    words = [_word("Recalling", 0, "Serif-Italic"), _word(",", 54)]
    assert lines_of_words(words, 1, 842)[0].text == "*Recalling*,"


def test_a_style_change_between_two_letters_is_a_word_space() -> None:
    words = [_word("Urges", 0, "Serif-Bold"), _word("all", 30)]
    assert lines_of_words(words, 1, 842)[0].text == "**Urges** all"


def test_words_on_one_baseline_are_one_line_and_the_next_baseline_another() -> None:
    words = [_word("second", 0, top=112), _word("first", 0), _word("line", 40)]
    assert [ln.text for ln in lines_of_words(words, 1, 842)] == ["first line", "second"]


def test_a_raised_small_mark_is_glued_to_the_word_before_it() -> None:
    words = [_word("States", 0), Word("2", 37, 40, 98, 104, "Serif", 6), _word("and", 45)]
    line = lines_of_words(words, 1, 842)[0]
    assert line.text == "States2 and"
    assert line.size == 10.0
    assert line.top == 100 and line.bottom == 110  # the mark does not move the line


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says", "hint"),
    [
        (b"Recalling its work;\n", "it does not start with %PDF-", "give the PDF file"),
        (b"PK\x03\x04zip", "it is a ZIP package, such as a Word .docx file", "import the .docx"),
        (b"{\\rtf1\\ansi text}", "it is an RTF file", "save it as .docx"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "it is an old Office file, such as a Word .doc",
            ".docx",
        ),
        (b"", "it does not start with %PDF-", "give the PDF file"),
    ],
)
def test_a_file_that_is_not_a_pdf_is_refused_and_named(
    tmp_path: Path, content: bytes, says: str, hint: str
) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(content)
    error = refusal(path)
    assert error.message == f"this is not a PDF file: {says}"
    assert error.hint is not None and hint in error.hint


def test_a_password_protected_pdf_is_refused() -> None:
    error = refusal(PDF / "protected-password.pdf")
    assert error.message == "the PDF is protected by a password"
    assert error.hint == "save an unprotected copy (print it to PDF), or import the Word original"


def test_a_pdf_whose_owner_forbids_copying_is_refused() -> None:
    error = refusal(PDF / "protected-no-copy.pdf")
    assert error.message == "the PDF's owner forbids copying its text"


def test_a_pdf_encrypted_only_against_changes_is_read_with_a_warning() -> None:
    text = read_pdf(PDF / "protected-no-changes.pdf")
    assert text.lines[0].text == "**RESOLUTION 490**\\*"
    assert text.warnings == ["the PDF is encrypted but allows copying; its text was read"]


@pytest.mark.parametrize("keep", [20, 400, 0.5, 0.9])
def test_a_truncated_pdf_is_refused_as_damaged(tmp_path: Path, keep: float) -> None:
    data = NATO.read_bytes()
    cut = int(keep * len(data)) if keep < 1 else int(keep)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:cut])
    error = refusal(path)
    assert error.message.startswith(("the PDF is damaged", "the PDF has no text"))


def test_a_pdf_with_garbage_after_its_header_is_refused_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    error = refusal(path)
    assert error.message.startswith("the PDF is damaged and cannot be read (")
    assert error.hint is not None and "save or print it to a new PDF" in error.hint


def test_a_scan_with_only_an_image_is_refused_with_a_hint_to_run_ocr() -> None:
    error = refusal(PDF / "scan.pdf")
    assert error.message == "the PDF has no text to read: it looks like a scan or an image"
    assert error.hint == "run OCR on it, or import the Word original"


def test_a_pdf_whose_pages_only_draw_lines_is_refused_as_without_text(tmp_path: Path) -> None:
    path = tmp_path / "drawing.pdf"
    path.write_bytes(minimal_pdf(2, b"0 0 m 100 100 l S"))
    assert refusal(path).hint == "run OCR on it, or import the Word original"


def test_the_hand_made_pdf_with_text_reads_so_its_refusals_are_about_text(tmp_path: Path) -> None:
    path = tmp_path / "text.pdf"
    path.write_bytes(minimal_pdf(1, _TEXT_PAGE))
    assert [line.text for line in read_pdf(path).lines] == ["Recalling its work;"]


def test_a_pdf_with_pages_without_text_reads_with_a_warning_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(minimal_pdf(5, _TEXT_PAGE, blank=(2, 3, 5)))
    text = read_pdf(path)
    assert [line.page for line in text.lines] == [1, 4]
    assert text.warnings == ["pages 2-3, 5 had no text (images only?) and gave nothing"]


def test_a_pdf_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(MAX_PDF_BYTES + 1)  # sparse: costs no disk
    error = refusal(path)
    assert (
        error.message
        == "the file is 50 MB, over the 50 MB limit for a PDF; a resolution is far smaller"
    )


def test_a_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(minimal_pdf(MAX_PDF_PAGES + 1, _TEXT_PAGE))
    error = refusal(path)
    assert error.message == (
        "the PDF has 2001 pages, over the limit of 2000; a resolution is far shorter"
    )


def test_a_pdf_that_understates_its_pages_is_still_refused_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "liar.pdf"
    path.write_bytes(minimal_pdf(MAX_PDF_PAGES + 1, _TEXT_PAGE, declared=1))
    assert refusal(path).message.startswith("the PDF has 2001 pages")


def test_a_missing_file_is_refused_as_a_pdf_error(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.pdf").message == "no such file"


def test_a_folder_is_refused_as_a_pdf_error(tmp_path: Path) -> None:
    assert refusal(tmp_path).message == "this is a folder, not a file"


def test_a_pdf_error_is_a_drafting_error_that_prints_file_message_and_hint() -> None:
    error = refusal(PDF / "scan.pdf")
    assert isinstance(error, DraftingError)
    assert str(error) == (
        f"{PDF / 'scan.pdf'}: the PDF has no text to read: it looks like a scan or an image;"
        " run OCR on it, or import the Word original"
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_pdf_with_bytes_changed_reads_or_is_refused_and_nothing_else_escapes(
    tmp_path: Path, changes: list[tuple[int, int]]
) -> None:
    data = bytearray(NATO.read_bytes())
    for at, value in changes:
        data[at % len(data)] = value
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(data))
    try:
        text = read_pdf(path)
    except PdfError:
        return
    assert text.pages >= 1 and text.lines
