"""A draft's paragraphs onto the parts of a resolution: title, number line, formula,
preamble, operative part, and the provision tree, in the draft's own order.

Three sources of evidence, strongest first: the paragraph styles drafting's own
export writes ("Preambular Paragraph", "Sub-paragraph" ...) and the source's
headings; the numbers (computed list numbers or numbers typed by hand, "13.",
"a)", "(iv)", "15.1"), whose form and indentation give the level; and the words
(the number line "RESOLUTION 495", the formula "The Assembly,", lead phrases, which
tell preambular from operative paragraphs when NATO PA numbers both in one
sequence).

Nothing is refused and nothing moves.  The preamble is what stands between the
head and the first operative paragraph; everything after that is the operative
part, whatever its lead phrase says.  A number is kept exactly as the draft shows
it, even out of sequence; a typed letter that starts no sequence and continues none
("S. Safe, J. Doe (2019)") is words, not a number.  A paragraph that fits no
provision stays where it is: a further block of the provision it continues,
unnumbered content (an ``hcontainer``) among the operative paragraphs or
sub-paragraphs, an unnumbered preambular paragraph, or a paragraph of the preface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from drafting.layout.inline import lead_words, normalise, plain_text
from drafting.layout.source import (
    PLAIN,
    Block,
    NoteRef,
    Piece,
    SourceParagraph,
    SourceTable,
    Span,
)
from drafting.model.inference import FORMULA, NOTE_DEF, NUMBER_LINE, UN_TITLE, first_operative
from drafting.model.phrases import classify, leading_phrase
from drafting.model.styles import from_alpha, from_letters, from_roman

#: Paragraph styles (by lower-case name) and the part they make.
STYLE_ROLES = {
    "resolution title": "title",
    "title": "title",
    "resolution number": "number",
    "opening formula": "formula",
    "citation": "citation",
    "preambular paragraph": "recital",
    "operative paragraph": "paragraph",
    "sub-paragraph": "point1",
    "sub-sub-paragraph": "point2",
    "resolution head": "head",
    "resolution heading": "heading",
    "unnumbered paragraph": "text",
    "continued paragraph": "continued",
}
#: The indent drafting's export gives the words continuing a provision at each depth
#: (its "Continued Paragraph" style): a step of 1 cm, in twips.
_CONTINUED_STEP = 567
#: Roles of the head, not of a provision.
_HEAD_ROLES = frozenset({"title", "number", "formula", "head"})
_TOP_SIGS = {("decimal", "{}."), ("upper-alpha", "{}."), ("upper-roman", "{}.")}
_TYPED = re.compile(
    r"^\s*(?:\(([0-9]{1,4}|[A-Za-z]{1,6})\)|([0-9]{1,4}|[A-Za-z]{1,6})([.)]))[ \t\u00a0]+(?=\S)"
)
#: A decimal label of several parts ("15.1", "2.3.1."), as PACE numbers sub-paragraphs.
_DOTTED = re.compile(r"^\s*((?:[0-9]{1,4}\.)+[0-9]{1,4})\.?[ \t\u00a0]+(?=\S)")
_DASHES = "–—-"
#: A bullet typed by hand before a paragraph's words.
_BULLETS = "•·▪◦‣⁃●■➢❖✓"
_BULLET = re.compile(rf"^\s*([{_BULLETS}])[ \t\u00a0]+(?=\S)")
#: What a typed label may open with besides a letter or digit: a bracket or a bullet.
_OPENERS = "(" + _BULLETS
_DASH = re.compile(r"^\s*[–—-]\s+")
_CITATION_WORDS = re.compile(r"^\s*(?:[–—-]\s+)?having regard", re.IGNORECASE)
#: "Committee: Third Committee", "Sponsors: ...": a line of the head, not the title.
_HEAD_FIELD = re.compile(r"^[A-Z][A-Za-z'’./()-]*(?: [A-Za-z'’./()-]+){0,5}:\s+\S")
_TOLERANCE = 60  # twips: indentation differences smaller than this are noise
#: A letter or digit: a paragraph ending on one is a sentence cut short.  Matched on the
#: last character alone; searched from the end of a long paragraph, it cost a tenth of
#: a large report's import.
_CUT_OFF = re.compile(r"[^\W_]")
#: What follows an author's initial in a list of sources: a surname, other authors, a year.
_AUTHOR = re.compile(
    r"^[A-Z][\w'’-]+(?:,? (?:and |& )?[A-Z]\.(?: ?[A-Z]\.)* ?[A-Z][\w'’-]+)*,? \(?(?:1[89]|20)\d\d"
)
#: "Costa Rica and Japan: draft resolution": the UN's line of sponsors.
_SPONSORS = re.compile(r":\s*(?:revised\s+)?draft\s+(?:resolution|decision)\b", re.IGNORECASE)
#: "Topic: ...", "Subject: ...": the field a model-UN draft gives its title in.
_TOPIC = re.compile(r"^(?:Topic|Subject|Question|Title|Agenda item)\s*:", re.IGNORECASE)
#: How far into a draft its number line and formula are looked for.
_HEAD_SCAN = 25
_HEADING_WORDS = 14

Sig = tuple[str, str]


@dataclass
class Item:
    """One paragraph or table of the draft and what it became."""

    block: Block
    pieces: list[Piece]
    label: str | None = None  # the number as the source shows it ("13.", "(b)")
    typed: str | None = None  # the number when typed by hand (part of the words)
    sig: Sig | None = None
    candidates: tuple[tuple[Sig, int], ...] = ()
    value: int | None = None
    depth: int = 0
    #: title number formula head note citation recital paragraph point heading text table
    kind: str = ""
    role: str = ""  # the part the paragraph's style names, if any
    children: list[Item] = field(default_factory=list)
    #: Unnumbered paragraphs that continue this provision: further blocks of its words.
    more: list[Item] = field(default_factory=list)
    #: Its closing words after its sub-paragraphs (AKN wrapUp).
    wrap: list[Item] = field(default_factory=list)
    typed_mark: str | None = None
    joined: list[SourceParagraph] = field(default_factory=list)  # paragraphs run on into this
    #: A table, not a paragraph (read a hundred thousand times while laying out).
    is_table: bool = field(default=False, init=False)

    _text: tuple[list[Piece], str] | None = field(default=None, repr=False, compare=False)
    _normal: tuple[list[Piece], list[Piece]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.is_table = isinstance(self.block, SourceTable)

    @property
    def normal(self) -> list[Piece]:
        """The pieces normalised (:func:`drafting.layout.inline.normalise`), kept while
        ``pieces`` is the same list: laying out reads lead words, building writes them."""
        cached = self._normal
        if cached is None or cached[0] is not self.pieces:
            cached = (self.pieces, normalise(self.pieces))
            self._normal = cached
        return cached[1]

    @property
    def para(self) -> SourceParagraph:
        """The paragraph (a table's first paragraph, for messages)."""
        block = self.block
        if isinstance(block, SourceParagraph):
            return block
        paragraphs = block.paragraphs
        return (
            paragraphs[0] if paragraphs else SourceParagraph(block.index, [], None, "", None, None)
        )

    @property
    def text(self) -> str:
        """The plain text of the pieces, kept while ``pieces`` is the same list.

        Read several times per paragraph while laying out; ``pieces`` is only ever
        replaced by a new list, never changed in place, so identity says it is fresh.
        """
        cached = self._text
        if cached is not None and cached[0] is self.pieces:
            return cached[1]
        if self.is_table:
            return self.block.text
        if cached is None or cached[0] is not self.pieces:
            cached = (self.pieces, plain_text(self.pieces))
            self._text = cached
        return cached[1]


@dataclass
class Layout:
    """The draft as found in its paragraphs, every one of them in order."""

    #: The preface in source order: title lines, the number line and other head lines
    #: ("Committee: ...", "Rapporteur: ..."), and tables among them.
    head: list[Item] = field(default_factory=list)
    title: list[Item] = field(default_factory=list)
    number: Item | None = None
    number_match: re.Match[str] | None = None
    #: The number a title line carries ("80/12. Cooperation ..."), the UN's way.
    title_number: str | None = None
    formula: Item | None = None
    #: Citations and preambular paragraphs (recitals), in order.
    preamble: list[Item] = field(default_factory=list)
    #: The operative part: paragraphs (with their sub-paragraphs), headings, unnumbered
    #: text and tables, in order.
    body: list[Item] = field(default_factory=list)
    typed_notes: dict[str, Item] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: The particulars behind the warnings, one line each, for the report.
    details: list[str] = field(default_factory=list)
    #: Typed letters read as words, not numbers (kept for the report): (paragraph, label).
    not_labels: list[tuple[int, str]] = field(default_factory=list)

    @property
    def top(self) -> list[Item]:
        """The top-level provisions: preamble, then the operative part."""
        return [*self.preamble, *self.body]


@dataclass
class _Level:
    sig: Sig | None
    indent: int | None
    key: tuple[str, int] | None
    last: int | None


def _typed_label(item: Item) -> None:
    """Find a number typed by hand ("13.", "(b)", "iv)", "15.1") and take it out of the text.

    A bullet typed by hand ("•" and a tab) is the paragraph's label too.
    """
    text = item.text
    first = text.lstrip()[:1]
    if not first or not (first.isalnum() or first in _OPENERS):
        return
    if first in _BULLETS:
        bullet = _BULLET.match(text)
        if bullet:
            item.sig = ("bullet", bullet.group(1))
            item.typed = item.label = bullet.group(1)
            item.pieces = drop_chars(item.pieces, bullet.end())
        return
    dotted = _DOTTED.match(text) if first.isdigit() else None
    if dotted:
        parts = dotted.group(1).split(".")
        item.candidates = ((("decimal", "{parent}.{}"), int(parts[-1])),)
        item.sig, item.value = item.candidates[0]
        m: re.Match[str] = dotted
    else:
        found = _TYPED.match(text)
        if not found:
            return
        m = found
        paren, bare, stop = m.groups()
        cands = _candidates(paren or bare, "({})" if paren else "{}" + (stop or "."))
        if not cands:
            return
        item.candidates = cands
        item.sig, item.value = cands[0]
    item.typed = m.group(0).strip()
    item.label = item.typed
    item.pieces = drop_chars(item.pieces, m.end())


@lru_cache(maxsize=4096)
def _candidates(value: str, pattern: str) -> tuple[tuple[Sig, int], ...]:
    """What a typed number can be ("i": the letter or the numeral), most likely first.

    A document repeats the same few hundred numbers ("(a)", "(i)"): each is read once.
    """
    cands: list[tuple[Sig, int]] = []
    if value.isdigit():
        cands.append((("decimal", pattern), int(value)))
    else:
        case = "lower" if value.islower() else "upper" if value.isupper() else ""
        if not case:
            return ()
        a, r = from_alpha(value), from_roman(value)
        if a is not None:
            cands.append(((f"{case}-alpha", pattern), a))
        elif case == "upper" and (k := from_letters(value)) is not None:
            # "AB." after "AA.": the European Parliament letters recitals as columns.
            cands.append((("upper-alpha", pattern), k))
        if r is not None:
            cands.append(((f"{case}-roman", pattern), r))
    return tuple(cands)


def drop_chars(pieces: list[Piece], n: int) -> list[Piece]:
    """``pieces`` without their first ``n`` characters (a label typed before the words)."""
    out: list[Piece] = []
    for p in pieces:
        if n > 0 and isinstance(p, Span):
            if len(p.text) <= n:
                n -= len(p.text)
                continue
            p = Span(p.text[n:], p.fmt)
            n = 0
        out.append(p)
    return out


def _untype(item: Item) -> None:
    """Give a typed label back to the words: it was no number after all."""
    typed = item.typed
    if typed is None:
        return
    item.pieces = [Span(typed + " ", PLAIN), *item.pieces]
    item.typed = item.label = item.sig = item.value = None
    item.candidates = ()


class _Placer:
    """Gives each numbered paragraph its depth from its number's form and indentation."""

    def __init__(self) -> None:
        self.stack: list[_Level] = []

    def reset(self) -> None:
        self.stack.clear()

    def top_indent(self) -> int | None:
        return self.stack[0].indent if self.stack else None

    def plausible(self, item: Item) -> bool:
        """Whether a typed label reads as a number here: a decimal always (an excerpt may
        start at 54, a draft may skip one); a letter or numeral when it starts a
        sequence or continues one that is open ("S. Safe" does neither)."""
        if item.typed is None or item.sig is None:
            return True
        if item.sig[0] in ("decimal", "bullet"):
            return True
        for sig, value in item.candidates:
            if value == 1:
                return True
            for lv in self.stack:
                if lv.sig == sig and lv.last is not None and value in (lv.last, lv.last + 1):
                    return True
        return False

    def place(self, item: Item) -> int:
        label = item.para.label
        key = (label.list_id, label.ilvl) if label is not None and item.typed is None else None
        indent = item.para.indent
        if key is not None:
            for k in range(len(self.stack) - 1, -1, -1):
                if self.stack[k].key == key:
                    return self._settle(k, item, key)
        if item.candidates and len(item.candidates) > 1:
            self._choose(item)
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].sig == item.sig and not self._nested_list(k, key, indent):
                return self._settle(k, item, key)
        if not self.stack:
            return self._settle(0, item, key)
        top = self.stack[0]
        if item.sig in _TOP_SIGS and (
            indent is None or top.indent is None or indent <= top.indent + _TOLERANCE
        ):
            return self._settle(0, item, key)
        if key is not None:
            for k in range(len(self.stack) - 1, -1, -1):
                other = self.stack[k].key
                if other is not None and other[0] == key[0] and other[1] < key[1]:
                    return self._settle(k + 1, item, key)
        if indent is not None:
            # A letter or numeral in lower case after a number or capital at the top
            # ("(a)" after "1.") is a sub-paragraph even where the typist gave it no
            # indent of its own.
            first = 1 if _lower_form(item.sig) and not _lower_form(top.sig) else 0
            for k, lv in enumerate(self.stack[first:], first):
                if lv.indent is not None and indent <= lv.indent + _TOLERANCE:
                    return self._settle(k, item, key)
        return self._settle(len(self.stack), item, key)

    def _nested_list(self, k: int, key: tuple[str, int] | None, indent: int | None) -> bool:
        """Another Word list, numbered alike but indented deeper, nests under level ``k``.

        Word's "List Number 2" is a list of its own that shows "1." "2." like
        "List Number", one indent further in: the indent, not the form, gives its level.
        """
        lv = self.stack[k]
        return (
            key is not None
            and lv.key is not None
            and key != lv.key
            and indent is not None
            and lv.indent is not None
            and indent > lv.indent + _TOLERANCE
        )

    def _choose(self, item: Item) -> None:
        """``i``, ``v``, ``x`` ... are letters after ``h``, ``u``, ``w`` and numerals otherwise."""
        for sig, value in item.candidates:
            for lv in self.stack:
                if lv.sig == sig and lv.last is not None and lv.last + 1 == value:
                    item.sig, item.value = sig, value
                    return
        for sig, value in item.candidates:
            if sig[0].endswith("roman") and value == 1:
                item.sig, item.value = sig, value
                return
        for sig, value in item.candidates:
            if any(lv.sig == sig for lv in self.stack):
                item.sig, item.value = sig, value
                return

    def _settle(self, k: int, item: Item, key: tuple[str, int] | None) -> int:
        del self.stack[k:]
        self.stack.append(_Level(item.sig, item.para.indent, key, item.value))
        item.depth = k
        return k


def _lower_form(sig: Sig | None) -> bool:
    """True for numbering in lower-case letters or numerals: "a.", "(b)", "iv)"."""
    return sig is not None and sig[0] in ("lower-alpha", "lower-roman")


def _auto_label(item: Item) -> None:
    label = item.para.label
    if label is None or item.typed is not None:
        return
    if label.bullet:
        item.sig = ("bullet", label.text)
        return
    if not label.text.strip():
        return
    item.label = label.text.strip()
    item.sig = (label.kind, label.pattern)
    item.value = label.value


def _strip_dash(item: Item) -> None:
    """Citations are set with a dash ("– having regard to"); the dash is their label."""
    dash = _DASH.match(item.text)
    if dash is not None:
        item.typed = dash.group(0).strip()
        item.pieces = drop_chars(item.pieces, dash.end())


def _step_depth(indent: int | None) -> int:
    """The depth drafting's export gives a text indented ``indent`` twips: 1 cm a level."""
    return max(0, round((indent or 0) / _CONTINUED_STEP) - 1)


def _notes_in(item: Item) -> list[NoteRef]:
    return [p for p in item.pieces if isinstance(p, NoteRef)]


def _heading(item: Item) -> bool:
    """A heading of the draft: by its style or outline level, or a short line set apart
    in bold or capitals that no lead phrase opens ("A. Draft resolution", "ANNEX")."""
    if item.is_table:
        return False
    text = item.text.rstrip()
    if not text or text[-1] in ".;:," or text.count(" ") >= _HEADING_WORDS * 2:
        return False  # a clause: numbering by heading styles does not make it a heading
    text = text.lstrip()
    if len(text.split()) > _HEADING_WORDS:
        return False
    if leading_phrase(text) is not None or NOTE_DEF.match(text):
        return False
    if item.para.outline is not None:
        return True
    spans = [p for p in item.pieces if isinstance(p, Span) and p.text.strip()]
    if not spans:
        return False
    emphasised = all(s.fmt.b or s.fmt.caps for s in spans)
    capitals = text.upper() == text and any(ch.isalpha() for ch in text)
    return emphasised or (capitals and len(text) > 3)


def lay_out(blocks: list[Block]) -> Layout:
    """Find the head, the preamble, the operative part and the provision tree."""
    layout = Layout()
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, SourceTable):
            if block.text.strip():
                items.append(Item(block, [], kind="table"))
            continue
        it = Item(block, list(block.pieces))
        if not it.text.strip() and not _notes_in(it):
            continue
        it.role = STYLE_ROLES.get(block.style_name.lower(), "")
        items.append(it)
    body_from = _head(items, layout)
    body = _join_broken(items[body_from:], layout)
    _labels(body, layout)
    _sections(body, layout)
    if not layout.body and not layout.preamble:
        # All head: its lines other than the title are what the draft says.
        for it in [x for x in layout.head if x.kind in ("head", "table")]:
            layout.head.remove(it)
            it.kind = "table" if it.is_table else "text"
            layout.body.append(it)
    return layout


def _labels(body: list[Item], layout: Layout) -> None:
    """Numbers and depths: the source's list numbers, or numbers typed by hand."""
    placer = _Placer()
    for it in body:
        if it.kind == "table":
            continue
        if it.role in _HEAD_ROLES:
            it.kind = "text"  # a head part among the provisions: kept as text, in place
            continue
        if it.role == "continued":
            # drafting's own continuation: its indent says the depth it continues.
            it.kind = "continued"
            it.depth = _step_depth(it.para.indent)
            continue
        if it.role == "text":
            # drafting's own unnumbered paragraph; a bullet it shows is its label.
            if _BULLET.match(it.text):
                _typed_label(it)
            it.kind = "text"
            continue
        if NOTE_DEF.match(it.text.strip()) and it.para.label is None and not it.role:
            _typed_note(it, layout)
            continue
        _typed_label(it)
        _auto_label(it)
        heading = it.role == "heading" or _heading(it)
        if it.typed is not None and not heading and not it.role and not placer.plausible(it):
            layout.not_labels.append((it.para.index, it.typed))
            _untype(it)
        elif (
            it.typed is not None
            and it.sig is not None
            and it.sig[0].endswith("alpha")
            and _AUTHOR.match(it.text)
        ):
            # "A. Brown (2020)", "S. Safe, J. Doe and K. Lee": an author's initial.
            layout.not_labels.append((it.para.index, it.typed))
            _untype(it)
        if it.role.startswith("point"):
            if it.sig is not None:
                placer.place(it)  # for the sequence it continues, not for its depth
            # Deeper than the styles go, drafting's export indents a step a level.
            it.depth = max(int(it.role[-1]), _step_depth(it.para.indent))
            it.kind = "point"
            continue
        if it.role in ("citation", "recital", "paragraph"):
            if it.role == "citation":
                _strip_dash(it)
            it.kind, it.depth = it.role, 0
            if it.sig is not None:
                placer.reset()
                placer.place(it)
            continue
        if it.role == "heading" or (
            heading and (it.sig is None or it.para.outline is not None or it.typed)
        ):
            it.kind = "heading"
            placer.reset()
            continue
        if it.sig is not None and it.sig[0] != "bullet":
            placer.place(it)
            it.kind = "numbered"
        elif it.sig is not None:  # a bulleted paragraph: its bullet is its label
            if _dash_bullet(it) and not placer.stack:
                it.sig, it.kind = None, "dash"
                continue
            placer.place(it)
            it.kind = "numbered"
            if it.typed is None:
                it.label = (it.para.label.text if it.para.label else "").strip() or None
        elif _DASH.match(it.text) and not placer.stack:
            it.kind = "dash"
        else:
            top = placer.top_indent()
            indent = it.para.indent
            deeper = indent is not None and top is not None and indent > top + _TOLERANCE
            it.kind = "loose" if deeper else "text"


def _sections(body: list[Item], layout: Layout) -> None:
    """Preamble and operative part, in the draft's order, and the tree of each.

    A draft has a preamble only when something before its operative part reads as one
    (the formula, a citation, a preambular lead phrase, a lettered recital); a report
    or a set of rules is operative part from its first line.
    """
    start = _operative_start(body, layout)
    if (
        start is not None
        and layout.formula is None
        and not any(_opens_preamble(it) for it in body[:start])
    ):
        start = 0
    preamble, operative = (body[:start], body[start:]) if start is not None else ([], body)
    _preamble(preamble, layout)
    _operative(operative, layout)


def _operative_start(body: list[Item], layout: Layout) -> int | None:
    """Where the operative part begins; None when the draft has none (all of it is body).

    Drafting's own style says so first; then, among numbered paragraphs at the top,
    the first whose lead phrase is operative when the preamble is numbered in the same
    sequence (NATO PA), else the first numbered in digits; failing numbers, the first
    paragraph opening with an operative lead phrase after preambular ones.
    """
    for k, it in enumerate(body):
        if it.role == "paragraph":
            return k
    tops = [
        (k, it)
        for k, it in enumerate(body)
        if it.kind == "numbered" and it.depth == 0 and it.sig is not None
    ]
    decimals = [(k, it) for k, it in tops if it.sig is not None and it.sig[0] == "decimal"]
    if decimals:
        first_k = decimals[0][0]
        before = [it for it in body[:first_k] if it.kind in ("text", "dash", "numbered")]
        preambular_before = any(_preambular(it) for it in before)
        lettered = any(
            it.sig is not None and it.sig[0] in ("upper-alpha", "upper-roman") for _, it in tops
        )
        if preambular_before or lettered:
            return first_k
        # One sequence for both parts (NATO PA): the lead phrases tell where the
        # operative paragraphs begin.
        leads = [lead_words(it.normal) for _, it in decimals]
        first = first_operative(leads)
        if first is None:
            if any(classify(x) == "preamble" for x in leads):
                layout.warnings.append(
                    "no operative lead phrase found; every numbered paragraph taken as operative"
                )
            return first_k
        return decimals[first][0]
    seen_preamble = False
    for k, it in enumerate(body):
        if it.kind not in ("text", "numbered", "dash"):
            continue
        lead = classify(lead_words(it.normal))
        if lead == "preamble":
            seen_preamble = True
        elif lead == "operative" and seen_preamble:
            return k
    return None


def _preamble(items: list[Item], layout: Layout) -> None:
    """Citations and preambular paragraphs, after any lines of the head not yet taken."""
    started = layout.formula is not None
    recitals = False
    for it in items:
        if it.kind == "note":
            continue
        if it.kind == "continued" and layout.preamble:
            layout.preamble[-1].more.append(it)
            continue
        if not started:
            if not _opens_preamble(it):
                if it.typed is not None and it.sig is not None:
                    _untype(it)  # a line of the preface: its number is part of its words
                it.kind = "head" if not it.is_table else "table"
                layout.head.append(it)
                continue
            started = True
        if it.role == "citation" or (
            not recitals
            and (it.kind == "dash" or _CITATION_WORDS.match(it.text))
            and it.role != "recital"
        ):
            if it.kind == "dash":
                _strip_dash(it)
            it.kind = "citation"
        else:
            it.kind = "recital"
            recitals = True  # citations stand before the recitals
        it.depth = 0
        layout.preamble.append(it)


def _preambular(it: Item) -> bool:
    """True when ``it`` opens with a preambular lead phrase ("Recalling", "Deeply
    concerned"): from the lexicon, or emphasised and read as one.  A plain "-ing" word
    is not enough ("Protecting public health", a title)."""
    text = it.text.lstrip()
    phrase = leading_phrase(text)
    if phrase is not None:
        return classify(phrase) == "preamble"
    first = next((p for p in it.pieces if isinstance(p, Span) and p.text.strip()), None)
    if first is None or not (first.fmt.b or first.fmt.i):
        return False
    return classify(first.text) == "preamble"


def _opens_preamble(it: Item) -> bool:
    """True when ``it`` reads as a preambular part: a citation, a recital by style, a
    preambular lead phrase, or a lettered recital (A., B.)."""
    return bool(
        it.role in ("citation", "recital")
        or it.kind == "dash"
        or _CITATION_WORDS.match(it.text)
        or (it.kind in ("text", "numbered") and _preambular(it))
        or (it.kind == "numbered" and it.sig is not None and it.sig[0] == "upper-alpha")
    )


def _operative(items: list[Item], layout: Layout) -> None:
    """The operative part: numbered paragraphs with their sub-paragraphs, and what stands
    among them, kept in place.

    Unnumbered content waits until the next numbered paragraph says where it stands:
    among the sub-paragraphs of the paragraph open above, when a sub-paragraph comes
    next, or at the top otherwise.
    """
    path: list[Item] = []
    pending: list[Item] = []

    def flush(into: Item | None) -> None:
        continues = True  # indented text goes on the provision above, until other text
        for u in pending:
            if u.kind == "loose" and path and continues:
                path[-1].more.append(u)
                continue
            continues = False
            u.kind = "table" if u.is_table else u.kind if u.kind == "heading" else "text"
            if into is None:
                layout.body.append(u)
            else:
                into.children.append(u)
        pending.clear()

    for it in items:
        if it.kind == "note":
            continue
        if it.kind == "continued":
            if path and not pending:
                target = path[min(it.depth, len(path) - 1)]
                (target.wrap if target.children else target.more).append(it)
                continue
            it.kind = "text"
        if it.kind in ("text", "loose", "table", "heading", "dash"):
            if it.kind == "heading":
                flush(None)
                layout.body.append(it)
                path = []
                continue
            if it.kind == "loose" and not pending and path:
                path[-1].more.append(it)  # indented under the provision it continues
                continue
            if it.kind == "dash":
                it.kind = "text"
            pending.append(it)
            continue
        if it.sig is not None and it.sig[0] == "bullet" and (it.depth == 0 or not path):
            # A bullet at the top is no operative paragraph: unnumbered content, its
            # bullet kept as its label.
            it.kind = "text"
            pending.append(it)
            continue
        # A numbered paragraph (by its number or its drafting style).
        depth = it.depth if it.kind in ("numbered", "point") else 0
        if it.role in ("citation", "recital", "paragraph"):
            depth = 0
        if depth == 0 or not path:
            flush(None)
            it.kind = "paragraph"
            it.depth = 0
            layout.body.append(it)
            path = [it]
            continue
        depth = min(max(depth, 1), len(path))
        parent = path[depth - 1]
        flush(parent)
        it.kind = "point"
        it.depth = depth
        parent.children.append(it)
        del path[depth:]
        path.append(it)
    flush(None)


def _runs_on(prev: Item, it: Item) -> bool:
    """True when ``it`` is the rest of ``prev``'s sentence after a stray paragraph break.

    Only an unnumbered paragraph in no drafting style qualifies, after a paragraph
    that stops on a letter or digit (no punctuation), and only when it does not open
    like a clause of its own (an emphasised or lexicon lead phrase).
    """
    if it.is_table or prev.is_table or it.role or it.para.label is not None:
        return False
    if prev.kind in ("title", "number", "formula", "head") or prev.para.outline is not None:
        return False
    if it.para.outline is not None:
        return False
    text, before = it.text.strip(), prev.text.rstrip()
    if not text or not before or not _CUT_OFF.match(before[-1]):
        return False
    if _typed_start(it.text) or _DASH.match(it.text) or _BULLET.match(it.text):
        return False
    if NOTE_DEF.match(text) or (prev.para.label is None and NOTE_DEF.match(before)):
        return False
    if not text[0].islower() and (len(before.split()) < 6 or _heading(prev)):
        return False  # a heading, or a line of the head: not a sentence cut short
    first = next((p for p in it.pieces if isinstance(p, Span) and p.text.strip()), None)
    if first is not None and (first.fmt.b or first.fmt.i):
        return False
    return leading_phrase(text) is None


def _join_broken(body: list[Item], layout: Layout) -> list[Item]:
    """Join paragraphs split in two by a stray Enter in mid-sentence, and say so."""
    out: list[Item] = []
    joined = 0
    for it in body:
        prev = out[-1] if out else None
        if prev is not None and _runs_on(prev, it):
            prev.pieces = [*prev.pieces, Span(" ", PLAIN), *it.pieces]
            prev.joined.append(it.para)
            joined += 1
            layout.details.append(
                f"paragraph {it.para.index} continues paragraph {prev.para.index} in"
                " mid-sentence; the two are joined"
            )
            continue
        out.append(it)
    if joined:
        layout.warnings.append(
            f"{joined} paragraph(s) continue the paragraph above in mid-sentence (a stray"
            " paragraph break?) and are joined to it"
        )
    return out


def _head(items: list[Item], layout: Layout) -> int:
    """Title lines, number line, head lines and formula; returns where the rest begins.

    The number line and the formula are looked for near the top, before any numbered
    or styled provision.  The title is what the draft styles as its title, else the
    run of lines standing right before the number line (NATO PA: "TITLE",
    "RESOLUTION 495") or the formula (the UN: "80/12. Title", "The General
    Assembly,"); the other lines are the head ("Committee: ...", "Agenda item 26").
    A draft with neither has a title only when a paragraph reads as one.
    """
    number_at = formula_at = None
    for k, it in enumerate(items[:_HEAD_SCAN]):
        if it.is_table:
            continue
        text = " ".join(it.text.split())
        if number_at is None and (it.role == "number" or NUMBER_LINE.match(text)):
            number_at = k
            continue
        if it.role == "formula" or (FORMULA.match(text) and it.para.label is None):
            formula_at = k
            break
        if _numbered_like(it):
            break
    end = formula_at if formula_at is not None else number_at
    if end is None:
        return _bare_head(items, layout)
    head = items[: end + 1]
    title = _title_run(head, number_at, formula_at)
    for k, it in enumerate(head):
        text = " ".join(it.text.split())
        if it.is_table:
            it.kind = "table"
            layout.head.append(it)
        elif k == formula_at:
            it.kind = "formula"
            layout.formula = it
        elif k == number_at:
            it.kind = "number"
            layout.number = it
            layout.number_match = NUMBER_LINE.match(text)
            layout.head.append(it)
        elif NOTE_DEF.match(text) and it.para.label is None:
            _typed_note(it, layout)
        elif k in title:
            it.kind = "title"
            layout.title.append(it)
            layout.head.append(it)
            found = UN_TITLE.match(text)
            if found and layout.title_number is None:
                layout.title_number = found.group(1)
        else:
            it.kind = "head"
            layout.head.append(it)
    return end + 1


def _title_run(head: list[Item], number_at: int | None, formula_at: int | None) -> set[int]:
    """Which lines of the head are the title (see :func:`_head`)."""
    styled = {k for k, it in enumerate(head) if it.role == "title"}
    if styled:
        return styled
    for anchor in (number_at, formula_at):
        if anchor is None:
            continue
        run: set[int] = set()
        k = anchor - 1
        while k >= 0 and k != number_at and _title_line(head[k]):
            run.add(k)
            k -= 1
        if run:
            return run
    topic = next((k for k, it in enumerate(head) if _TOPIC.match(it.text.strip())), None)
    return {topic} if topic is not None else set()


def _title_line(it: Item) -> bool:
    """A line that can be (part of) a title: no field ("Committee: ..."), no bracketed
    note, no sponsors' line ending in a colon, no footnote, no table."""
    text = " ".join(it.text.split())
    return bool(
        text
        and not it.is_table
        and it.role != "head"
        and not _HEAD_FIELD.match(text)
        and not text.endswith(":")
        and not _SPONSORS.search(text)
        and not (text.startswith("[") and text.endswith("]"))
        and not NOTE_DEF.match(text)
    )


def _typed_note(it: Item, layout: Layout) -> None:
    """A footnote typed as text ("* Presented by ..."): its mark taken off its words."""
    nd = NOTE_DEF.match(it.text.strip())
    assert nd is not None
    it.kind = "note"
    it.typed_mark = nd.group(1)
    it.pieces = drop_chars(it.pieces, len(it.text) - len(it.text.lstrip()) + len(nd.group(1)))
    layout.typed_notes.setdefault(nd.group(1), it)


def _bare_head(items: list[Item], layout: Layout) -> int:
    """The head of a draft with no number line and no formula: the paragraph it styles
    as its title, or a first paragraph that reads as one, and the short lines around
    it ("Doc. 16342", "Report", "Rapporteur: ..."), up to the first provision, heading
    or sentence."""
    stop = next(
        (
            k
            for k, it in enumerate(items[:_HEAD_SCAN])
            if it.is_table or _provision_like(it) or it.para.outline is not None
        ),
        min(len(items), _HEAD_SCAN),
    )
    title_at = next((k for k in range(stop) if items[k].role == "title"), None)
    if title_at is None and stop > 0 and len(items) > 1 and _heading_text(items[0]):
        title_at = 0
    if title_at is None:
        k = 0
        while k < stop and _HEAD_FIELD.match(items[k].text.strip()):
            items[k].kind = "head"
            layout.head.append(items[k])
            k += 1
        return k
    k = 0
    while k < stop:
        it = items[k]
        text = it.text.strip()
        if k == title_at:
            it.kind = "title"
            layout.title.append(it)
            layout.head.append(it)
        elif _HEAD_FIELD.match(text) or _heading_text(it):
            it.kind = "head"
            layout.head.append(it)
        else:
            break
        k += 1
    return k


def _heading_text(it: Item) -> bool:
    text = it.text.strip()
    return (
        bool(text)
        and len(text.split()) <= _HEADING_WORDS
        and text[-1] not in ".;,:"
        and leading_phrase(text) is None
        and not _BULLET.match(text)
    )


def _numbered_like(it: Item) -> bool:
    """Numbered or styled as a provision: where a draft's head surely ends."""
    if it.role:
        return it.role not in _HEAD_ROLES
    label = it.para.label
    if label is not None and not label.bullet and label.text.strip():
        return True
    return _typed_start(it.text) or bool(_DASH.match(it.text))


def _typed_start(text: str) -> bool:
    """True when ``text`` opens with a number typed by hand ("13.", "(b)", "15.1")."""
    if _DOTTED.match(text):
        return True
    m = _TYPED.match(text)
    return bool(m and _candidates(m.group(1) or m.group(2), "({})" if m.group(1) else "{}."))


def _provision_like(it: Item) -> bool:
    """Numbered, styled as a provision, or opening with a lead phrase or a dash."""
    if it.role:
        return it.role not in _HEAD_ROLES
    label = it.para.label
    if label is not None and not label.bullet and label.text.strip():
        return True
    text = it.text
    if _typed_start(text) or _DASH.match(text) or _BULLET.match(text):
        return True
    return leading_phrase(text) is not None


def _dash_bullet(it: Item) -> bool:
    """True for a paragraph of a bullet list whose bullet is a dash ("–")."""
    bullet = it.sig[1].strip() if it.sig is not None and it.sig[0] == "bullet" else ""
    return len(bullet) == 1 and bullet in _DASHES
