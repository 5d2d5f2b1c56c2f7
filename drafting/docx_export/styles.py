"""The named Word styles a resolution is set in, and how a template supplies them.

Every paragraph of an exported resolution carries one of a few named paragraph
styles ("Resolution Title", "Operative Paragraph", ...), never direct formatting
alone, so that a secretariat can restyle the whole text from Word's Styles pane,
and so that the Word importer can tell the kinds of paragraph apart again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle, StyleFactory

from drafting.errors import DraftingError
from drafting.model.styles import HouseStyle

TITLE = "Resolution Title"
NUMBER = "Resolution Number"
FORMULA = "Opening Formula"
CITATION = "Citation"
PREAMBULAR = "Preambular Paragraph"
OPERATIVE = "Operative Paragraph"
SUB = "Sub-paragraph"
SUB_SUB = "Sub-sub-paragraph"
#: Lines of the head other than the title and number line ("Committee: ...").
HEAD = "Resolution Head"
#: A heading among the provisions ("A. Draft resolution", "Annex").
HEADING = "Resolution Heading"
#: Words a draft numbers as nothing, kept where they stand (AKN hcontainer).
UNNUMBERED = "Unnumbered Paragraph"
#: The words in a table's cells.
TABLE_TEXT = "Table Text"
#: A further paragraph of a provision's words, or its closing words after its
#: sub-paragraphs (AKN wrapUp), aligned with the text of the provision it continues.
CONTINUED = "Continued Paragraph"

#: The paragraph styles of a resolution, in reading order of first use.
RESOLUTION_STYLES = (
    TITLE,
    NUMBER,
    HEAD,
    FORMULA,
    CITATION,
    PREAMBULAR,
    OPERATIVE,
    SUB,
    SUB_SUB,
    HEADING,
    UNNUMBERED,
    TABLE_TEXT,
    CONTINUED,
)

#: A clause text's headings by depth: a Part or Chapter ("CHAPTER I – MEMBERSHIP"),
#: the rule or article below it ("Rule 4 – Election of the President"), and a level
#: further; each carries its Word outline level, so the Navigation pane lists them.
CLAUSE_HEADINGS = ("Clause Heading 1", "Clause Heading 2", "Clause Heading 3")
#: The words of a rule, article or section that has no number of its own below it.
CLAUSE_TEXT = "Clause Text"
#: A clause text's numbered subdivisions by depth ("1.", "(a)", "(i)"), the label
#: hanging left of the words as in Resolution 495.
CLAUSE_LEVELS = ("Clause Level 1", "Clause Level 2", "Clause Level 3")
#: The paragraph styles of a clause-structured text, besides the head's and the
#: styles of unnumbered content and tables it shares with a resolution.
#: A line of a clause text's table of contents (the importer knows it by its name).
CONTENTS = "Contents Entry"
#: A heading among provisions that belongs to none ("Grants and loans"), by the name
#: UK bill templates give it, so that it reads back as one.
CROSSHEADING = "Crossheading"
#: A clause text's title, in the emphasis the text gives it (a resolution's title
#: style sets it bold and in capitals, which a bylaws title may not be).
CLAUSE_TITLE = "Document Title"
CLAUSE_STYLES = (
    CLAUSE_TITLE,
    *CLAUSE_HEADINGS,
    CROSSHEADING,
    CLAUSE_TEXT,
    *CLAUSE_LEVELS,
    CONTENTS,
)
#: Every style drafting may define, in the order they are looked up.
ALL_STYLES = (*RESOLUTION_STYLES, *CLAUSE_STYLES)

#: Word's built-in footnote styles, by the English names Word stores in styles.xml.
FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"
#: Word's built-in character style of a link's words.
HYPERLINK = "Hyperlink"
#: Word's default colour of a link (its theme's "hyperlink" colour).
HYPERLINK_COLOR = RGBColor(0x05, 0x63, 0xC1)

FONT = "Arial"
FONT_SIZE = 11
#: How far each level of numbering indents its text: number at the margin, text here.
STEP_CM = 1.0


class TemplateStyleError(DraftingError):
    """A Word template lacks a paragraph style the resolution needs."""


@dataclass(frozen=True)
class ParagraphSpec:
    """How one named paragraph style looks when drafting defines it itself."""

    name: str
    align: Literal["left", "center", "justify"] = "justify"
    bold: bool = False
    italic: bool = False
    all_caps: bool = False
    left_cm: float = 0.0
    #: Negative: a hanging indent (the number hangs at the left of the text).
    first_line_cm: float = 0.0
    tab_cm: float | None = None
    space_before_pt: float = 0.0
    space_after_pt: float = 6.0
    keep_with_next: bool = False
    #: Word's outline level (0 for a top heading); None for body text.
    outline: int | None = None


def _numbered(name: str, depth: int, numbered: bool) -> ParagraphSpec:
    """A paragraph whose label hangs ``STEP_CM`` left of its text, at nesting ``depth``."""
    left = STEP_CM * (depth + 1)
    if not numbered:
        # Unnumbered preambular paragraphs (UN style) open with an indented first line.
        return ParagraphSpec(name, left_cm=STEP_CM * depth, first_line_cm=1.27, space_after_pt=6)
    return ParagraphSpec(name, left_cm=left, first_line_cm=-STEP_CM, tab_cm=left, space_after_pt=6)


def paragraph_specs(style: HouseStyle) -> list[ParagraphSpec]:
    """The look of each resolution style for ``style``, NATO PA Resolution 495 as model."""
    return [
        ParagraphSpec(
            TITLE, align="center", bold=True, all_caps=True, space_after_pt=18, keep_with_next=True
        ),
        ParagraphSpec(
            NUMBER, align="center", bold=True, all_caps=True, space_after_pt=18, keep_with_next=True
        ),
        ParagraphSpec(FORMULA, align="left", space_after_pt=12, keep_with_next=True),
        _numbered(CITATION, 0, True),
        _numbered(PREAMBULAR, 0, style.recital_level is not None),
        _numbered(OPERATIVE, 0, True),
        _numbered(SUB, 1, True),
        _numbered(SUB_SUB, 2, True),
        ParagraphSpec(HEAD, align="center", space_after_pt=6, keep_with_next=True),
        # Not bold by itself: a heading's words keep the emphasis the draft gave them.
        ParagraphSpec(
            HEADING, align="left", space_before_pt=12, space_after_pt=6, keep_with_next=True
        ),
        ParagraphSpec(UNNUMBERED, left_cm=STEP_CM, space_after_pt=6),
        ParagraphSpec(TABLE_TEXT, align="left", space_after_pt=0),
        ParagraphSpec(CONTINUED, left_cm=STEP_CM, space_after_pt=6),
    ]


def clause_specs() -> list[ParagraphSpec]:
    """The look of a clause text's styles: headings bold and kept with what they head,
    the subdivisions' labels hanging as a resolution's paragraphs do."""
    # Not bold or italic by themselves: a heading keeps the emphasis the text gave it
    # (AKN <b>, <i>), so that the file reads back to the same words and marks.
    headings = [
        ParagraphSpec(
            name,
            align="left",
            space_before_pt=18 - 4 * depth,
            space_after_pt=6,
            keep_with_next=True,
            outline=depth,
        )
        for depth, name in enumerate(CLAUSE_HEADINGS)
    ]
    levels = [_numbered(name, depth, True) for depth, name in enumerate(CLAUSE_LEVELS)]
    contents = ParagraphSpec(CONTENTS, align="left", space_after_pt=2)
    cross = ParagraphSpec(CROSSHEADING, align="center", space_before_pt=12, keep_with_next=True)
    title = ParagraphSpec(CLAUSE_TITLE, align="center", space_after_pt=18, keep_with_next=True)
    return [
        title,
        *headings,
        cross,
        ParagraphSpec(CLAUSE_TEXT, space_after_pt=6),
        *levels,
        contents,
    ]


def _apply(style: ParagraphStyle, spec: ParagraphSpec) -> None:
    style.font.bold = spec.bold or None
    style.font.italic = spec.italic or None
    style.font.all_caps = spec.all_caps or None
    fmt = style.paragraph_format
    fmt.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[spec.align]
    fmt.left_indent = Cm(spec.left_cm)
    fmt.first_line_indent = Cm(spec.first_line_cm)
    fmt.space_before = Pt(spec.space_before_pt)
    fmt.space_after = Pt(spec.space_after_pt)
    fmt.keep_with_next = spec.keep_with_next or None
    if spec.tab_cm is not None:
        fmt.tab_stops.add_tab_stop(Cm(spec.tab_cm))
    if spec.outline is not None:
        ppr = style.element.get_or_add_pPr()
        outline = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(spec.outline)})
        ppr.append(outline)


def add_style(
    word: WordDocument, name: str, kind: WD_STYLE_TYPE, *, builtin: bool = False
) -> BaseStyle:
    """A new style ``name`` of type ``kind`` in ``word``, which has none of that name
    (python-docx's blank document has none of drafting's; a template's are looked up
    first, with :func:`find_styles`).

    ``Styles.add_style`` first compares the name with every style through python-docx's
    element accessors, which made the styles a third of a short resolution's export;
    callers here have already looked the name up.
    """
    element = word.styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, builtin)
    return StyleFactory(element)


def define_styles(word: WordDocument, style: HouseStyle, *, clauses: bool = False) -> None:
    """Add drafting's own paragraph and footnote styles to a fresh Word document; with
    ``clauses``, a clause-structured text's too (a resolution's file stays as it was)."""
    normal = word.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for spec in paragraph_specs(style) + (clause_specs() if clauses else []):
        new = add_style(word, spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=False)
        assert isinstance(new, ParagraphStyle)
        new.base_style = normal
        new.next_paragraph_style = new
        new.quick_style = True
        _apply(new, spec)
    ensure_footnote_styles(word)


def find_styles(word: WordDocument, names: Iterable[str]) -> dict[str, BaseStyle]:
    """The first style whose displayed name is each of ``names``, ignoring case, keyed by
    the lower-cased name; names no style has are left out.

    One pass over the ``w:style`` elements: python-docx's ``Styles`` builds a proxy and
    walks its children for each style it compares.
    """
    wanted = {name.lower() for name in names}
    found: dict[str, BaseStyle] = {}
    name_tag, val = qn("w:name"), qn("w:val")
    for element in word.styles.element.iterchildren(qn("w:style")):
        name_el = element.find(name_tag)
        stored = name_el.get(val) if name_el is not None else None
        key = BabelFish.internal2ui(stored).lower() if stored is not None else ""
        if key in wanted and key not in found:
            found[key] = StyleFactory(element)
    return found


def ensure_footnote_styles(word: WordDocument) -> tuple[str, str]:
    """The style ids of Word's footnote text and reference styles, added when missing.

    They are Word built-ins rather than a secretariat's choice, so a template
    without them is completed instead of refused.
    """
    found = find_styles(word, (FOOTNOTE_TEXT, FOOTNOTE_REFERENCE))
    text = found.get(FOOTNOTE_TEXT.lower())
    if text is None:
        new = add_style(word, FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        assert isinstance(new, ParagraphStyle)
        new.style_id = "FootnoteText"
        new.base_style = cast(ParagraphStyle, word.styles["Normal"])
        new.font.size = Pt(FONT_SIZE - 2)
        new.paragraph_format.left_indent = Cm(0.5)
        new.paragraph_format.first_line_indent = Cm(-0.5)
        new.paragraph_format.space_after = Pt(0)
        text = new
    ref = found.get(FOOTNOTE_REFERENCE.lower())
    if ref is None:
        new_ref = add_style(word, FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER, builtin=True)
        assert isinstance(new_ref, CharacterStyle)
        new_ref.style_id = "FootnoteReference"
        new_ref.font.superscript = True
        ref = new_ref
    return str(text.style_id), str(ref.style_id)


def ensure_hyperlink_style(word: WordDocument) -> str:
    """The style id of Word's Hyperlink character style, added (blue, underlined) when
    ``word`` lacks it.

    Asked only when a link is written, so that a resolution without links keeps the
    styles it always had; a template's own Hyperlink style is kept as it is.
    """
    found = find_styles(word, (HYPERLINK,)).get(HYPERLINK.lower())
    if found is not None and found.type == WD_STYLE_TYPE.CHARACTER:
        return str(found.style_id)
    new = add_style(word, HYPERLINK, WD_STYLE_TYPE.CHARACTER, builtin=True)
    assert isinstance(new, CharacterStyle)
    new.style_id = HYPERLINK if found is None else "DraftingHyperlink"
    new.font.color.rgb = HYPERLINK_COLOR
    new.font.underline = True
    new.priority = 99
    new.unhide_when_used = True
    return str(new.style_id)


def resolve_styles(
    word: WordDocument,
    needed: Iterable[str],
    *,
    style_map: Mapping[str, str] | None = None,
    template: str | Path | None = None,
) -> dict[str, str]:
    """Drafting's style name -> the name of the paragraph style that sets it in ``word``.

    Raises:
        TemplateStyleError: ``word`` (a template) has no paragraph style of that name.
    """
    out: dict[str, str] = {}
    mapping = style_map or {}
    needed = list(needed)
    styles = find_styles(word, [mapping.get(name, name) for name in needed])
    for name in needed:
        wanted = mapping.get(name, name)
        found = styles.get(wanted.lower())
        if found is None or found.type != WD_STYLE_TYPE.PARAGRAPH:
            what = (
                "no paragraph style" if found is None else "a style that is not a paragraph style"
            )
            raise TemplateStyleError(
                f'the template has {what} named "{wanted}"',
                hint=f'add a paragraph style "{wanted}" to the template in Word'
                " (Home > Styles > Create a Style) and save it again",
                file=template,
            )
        out[name] = str(found.name)
    return out
