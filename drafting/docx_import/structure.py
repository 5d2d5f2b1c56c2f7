"""Word paragraphs onto the parts of a resolution: title, number line, formula, provisions.

Three sources of evidence, strongest first: the paragraph styles drafting's own
export writes ("Preambular Paragraph", "Sub-paragraph" ...); the numbers
(computed list numbers or numbers typed by hand, "13.", "a.", "(iv)"), whose
form and indentation give the level; and the words (the number line
"RESOLUTION 495", the formula "The Assembly,", and lead phrases, which tell
preambular from operative paragraphs when NATO PA numbers both in one
sequence).  A paragraph that fits nowhere is not dropped: it is returned as
unplaced, for the import report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from drafting.docx_import.inline import lead_words, normalise, plain_text
from drafting.docx_import.numbering import WORD_FORMATS
from drafting.docx_import.runs import NoteRef, Piece, Span, WordParagraph
from drafting.docx_import.styles import PLAIN
from drafting.model.inference import FORMULA, NOTE_DEF, NUMBER_LINE, first_operative
from drafting.model.phrases import leading_phrase
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
}
_TOP_SIGS = {("decimal", "{}."), ("upper-alpha", "{}."), ("upper-roman", "{}.")}
_TYPED = re.compile(
    r"^\s*(?:\(([0-9]{1,4}|[A-Za-z]{1,6})\)|([0-9]{1,4}|[A-Za-z]{1,6})([.)]))[ \t\u00a0]+(?=\S)"
)
_DASHES = "–—-"
_DASH = re.compile(r"^\s*[–—-]\s+")
_CITATION_WORDS = re.compile(r"^\s*(?:[–—-]\s+)?having regard", re.IGNORECASE)
_TOLERANCE = 60  # twips: indentation differences smaller than this are noise
_CUT_OFF = re.compile(r"[^\W_]\s*$")  # ends on a letter or digit: a sentence cut short

Sig = tuple[str, str]


@dataclass
class Item:
    """One Word paragraph and what it became."""

    para: WordParagraph
    pieces: list[Piece]
    label: str | None = None  # the number as Word shows it ("13.", "(b)")
    typed: str | None = None  # the number when typed by hand
    sig: Sig | None = None
    candidates: tuple[tuple[Sig, int], ...] = ()
    value: int | None = None
    depth: int = 0
    kind: str = ""  # title number formula citation recital paragraph point note unplaced
    reason: str = ""
    children: list[Item] = field(default_factory=list)
    typed_mark: str | None = None
    joined: list[WordParagraph] = field(default_factory=list)  # paragraphs run on into this

    _text: tuple[list[Piece], str] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The plain text of the pieces, kept while ``pieces`` is the same list.

        Read several times per paragraph while laying out; ``pieces`` is only ever
        replaced by a new list, never changed in place, so identity says it is fresh.
        """
        cached = self._text
        if cached is None or cached[0] is not self.pieces:
            cached = (self.pieces, plain_text(self.pieces))
            self._text = cached
        return cached[1]


@dataclass
class Layout:
    """The resolution as found in the Word paragraphs."""

    title: list[Item] = field(default_factory=list)
    number: Item | None = None
    number_match: re.Match[str] | None = None
    formula: Item | None = None
    top: list[Item] = field(default_factory=list)
    typed_notes: dict[str, Item] = field(default_factory=dict)
    unplaced: list[Item] = field(default_factory=list)
    head_lines: list[Item] = field(default_factory=list)  # between number line and formula
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Level:
    sig: Sig | None
    indent: int | None
    key: tuple[str, int] | None
    last: int | None


def _fmt_class(word_fmt: str) -> str:
    """The numbering format a Word format stands for (``bullet`` and others as they are)."""
    return WORD_FORMATS.get(word_fmt, word_fmt)


def _typed_label(item: Item) -> None:
    """Find a number typed by hand ("13.", "(b)", "iv)") and take it out of the text."""
    m = _TYPED.match(item.text)
    if not m:
        return
    paren, bare, stop = m.groups()
    cands = _candidates(paren or bare, "({})" if paren else "{}" + (stop or "."))
    if not cands:
        return
    item.candidates = cands
    item.sig, item.value = cands[0]
    item.typed = m.group(0).strip()
    item.label = item.typed
    item.pieces = _drop_chars(item.pieces, m.end())


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


def _drop_chars(pieces: list[Piece], n: int) -> list[Piece]:
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


class _Placer:
    """Gives each numbered paragraph its depth from its number's form and indentation."""

    def __init__(self) -> None:
        self.stack: list[_Level] = []

    def reset(self) -> None:
        self.stack.clear()

    def top_indent(self) -> int | None:
        return self.stack[0].indent if self.stack else None

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
            for k, lv in enumerate(self.stack):
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
    item.sig = (_fmt_class(label.fmt), label.pattern)
    item.value = label.value


def _strip_dash(item: Item) -> None:
    """Citations are set with a dash ("– having regard to"); the dash is their label."""
    dash = _DASH.match(item.text)
    if dash is not None:
        item.typed = dash.group(0).strip()
        item.pieces = _drop_chars(item.pieces, dash.end())


def _notes_in(item: Item) -> list[NoteRef]:
    return [p for p in item.pieces if isinstance(p, NoteRef)]


def lay_out(paragraphs: list[WordParagraph]) -> Layout:
    """Find title, number line, formula and the provision tree in the body paragraphs."""
    layout = Layout()
    items = []
    for para in paragraphs:
        it = Item(para, list(para.pieces))
        if not it.text.strip() and not _notes_in(it):
            continue
        items.append(it)
    for it in items:
        role = STYLE_ROLES.get(it.para.style_name.lower())
        it.kind = role or ""
    body_from = _head(items, layout)
    body = _join_broken(items[body_from:], layout)
    placer = _Placer()
    for it in body:
        if it.kind in ("title", "number", "formula"):
            it.kind, it.reason = "unplaced", f"a {it.kind} paragraph among the provisions"
            layout.unplaced.append(it)
            continue
        nd = NOTE_DEF.match(it.text.strip())
        if nd and it.para.label is None and it.kind == "":
            it.kind = "note"
            it.typed_mark = nd.group(1)
            it.pieces = _drop_chars(
                it.pieces, len(it.text) - len(it.text.lstrip()) + len(nd.group(1))
            )
            layout.typed_notes[nd.group(1)] = it
            continue
        _typed_label(it)
        _auto_label(it)
        if it.kind.startswith("point"):
            it.depth = int(it.kind[-1])
            it.kind = "point"
            continue
        if it.kind == "citation":
            _strip_dash(it)
        if it.kind in ("citation", "recital", "paragraph"):
            it.depth = 0
            if it.sig is not None:
                placer.reset()
                placer.place(it)
            continue
        if _dash_bullet(it) and not placer.stack:
            # A list whose bullet is a dash, before any number: the EP's citations.
            it.sig, it.depth, it.kind = None, 0, "citation"
            continue
        if it.sig is not None:
            placer.place(it)
        elif _DASH.match(it.text) and not placer.stack:
            it.depth = 0
            _strip_dash(it)
            it.kind = "citation"
        else:
            top = placer.top_indent()
            indent = it.para.indent
            deeper = indent is not None and top is not None and indent > top + _TOLERANCE
            it.depth = 1 if deeper else 0
            it.kind = "" if not deeper else "loose"
    _kinds(body, layout)
    _tree(body, layout)
    return layout


def _runs_on(prev: Item, it: Item) -> bool:
    """True when ``it`` is the rest of ``prev``'s sentence after a stray paragraph break.

    Only an unnumbered paragraph in no drafting style qualifies, after a paragraph
    that stops on a letter or digit (no punctuation), and only when it does not open
    like a clause of its own (an emphasised or lexicon lead phrase).
    """
    if it.kind or it.para.label is not None or prev.kind in ("title", "number", "formula"):
        return False
    text, before = it.text.strip(), prev.text.rstrip()
    if not text or not before or not _CUT_OFF.search(before):
        return False
    if _TYPED.match(it.text) or _DASH.match(it.text) or NOTE_DEF.match(text):
        return False
    if prev.para.label is None and NOTE_DEF.match(before):
        return False
    first = next((p for p in it.pieces if isinstance(p, Span) and p.text.strip()), None)
    if first is not None and (first.fmt.b or first.fmt.i) and not text[0].islower():
        return False
    return leading_phrase(text) is None


def _join_broken(body: list[Item], layout: Layout) -> list[Item]:
    """Join paragraphs split in two by a stray Enter in mid-sentence, and say so."""
    out: list[Item] = []
    for it in body:
        prev = out[-1] if out else None
        if prev is not None and _runs_on(prev, it):
            prev.pieces = [*prev.pieces, Span(" ", PLAIN), *it.pieces]
            prev.joined.append(it.para)
            layout.warnings.append(
                f"paragraph {it.para.index} continues paragraph {prev.para.index} in"
                " mid-sentence (a stray paragraph break?); the two are joined"
            )
            continue
        out.append(it)
    return out


def _head(items: list[Item], layout: Layout) -> int:
    """Title lines, number line and formula; returns where the provisions begin."""
    for k, it in enumerate(items):
        text = " ".join(it.text.split())
        if it.kind == "title" and layout.number is None:
            layout.title.append(it)
            continue
        if it.kind == "number" or (layout.number is None and NUMBER_LINE.match(text)):
            it.kind = "number"
            layout.number = it
            layout.number_match = NUMBER_LINE.match(text)
            continue
        if it.kind == "formula" or (
            layout.formula is None and FORMULA.match(text) and it.para.label is None
        ):
            it.kind = "formula"
            layout.formula = it
            return k + 1
        if it.kind or it.para.label is not None or _TYPED.match(it.text):
            return k
        if layout.number is not None and _formula_follows(items[k:]):
            # "presented by the ... Committee", "Rapporteur: ...": no provision, and no
            # part of the title either; listed in the report, read for the metadata.
            it.kind, it.reason = "unplaced", "a line between the number line and the formula"
            layout.head_lines.append(it)
            layout.unplaced.append(it)
            continue
        if layout.number is None and not layout.formula:
            if NOTE_DEF.match(text):
                return k
            it.kind = "title"
            layout.title.append(it)
            continue
        return k
    return len(items)


def _dash_bullet(it: Item) -> bool:
    """True for a paragraph of a bullet list whose bullet is a dash ("–")."""
    bullet = it.sig[1].strip() if it.sig is not None and it.sig[0] == "bullet" else ""
    return len(bullet) == 1 and bullet in _DASHES


def _formula_follows(items: list[Item]) -> bool:
    """True when the opening formula comes before any numbered or styled paragraph."""
    for it in items[:6]:
        text = " ".join(it.text.split())
        if it.kind == "formula" or (FORMULA.match(text) and it.para.label is None):
            return True
        if it.kind or it.para.label is not None or _TYPED.match(it.text):
            return False
    return False


def _kinds(body: list[Item], layout: Layout) -> None:
    """Preambular or operative: by style, by the form of the number, by the lead phrase."""
    top = [
        it for it in body if it.depth == 0 and it.kind in ("", "citation", "recital", "paragraph")
    ]
    styled = any(it.kind in ("recital", "paragraph") for it in top)
    if styled:
        for it in top:
            if not it.kind:
                it.kind, it.reason = "unplaced", "a paragraph in no drafting style"
        return
    lettered = any(it.sig is not None and it.sig[0] == "upper-alpha" for it in top)
    first_numbered = next(
        (k for k, it in enumerate(top) if it.sig is not None and it.sig[0] == "decimal"), None
    )
    for k, it in enumerate(top):
        if it.kind == "citation":
            continue
        if it.sig is None or it.sig[0] == "bullet":
            if first_numbered is not None and k > first_numbered:
                it.kind = "unplaced"
                it.reason = "a paragraph without a number among the operative paragraphs"
            elif lettered or _CITATION_WORDS.match(it.text):
                it.kind = "citation"
            else:
                it.kind = "recital"
        elif it.sig[0] in ("upper-alpha", "upper-roman"):
            it.kind = "recital"
        else:
            it.kind = "paragraph"
    numbered = [it for it in top if it.kind == "paragraph"]
    shared = numbered and not any(it.kind in ("recital", "citation") for it in top)
    if shared:
        first_op = first_operative([lead_words(normalise(it.pieces)) for it in numbered])
        if first_op is None:
            layout.warnings.append(
                "no operative lead phrase found; every paragraph taken as operative"
            )
        else:
            for it in numbered[:first_op]:
                it.kind = "recital"


def _tree(body: list[Item], layout: Layout) -> None:
    path: list[Item] = []
    for it in body:
        if it.kind == "note":
            continue
        if it.kind == "unplaced":
            layout.unplaced.append(it)
            continue
        if it.depth == 0 and it.kind in ("citation", "recital", "paragraph"):
            layout.top.append(it)
            path = [it]
            continue
        if it.kind == "loose" or not path:
            it.kind = "unplaced"
            it.reason = (
                "an indented paragraph without a number"
                if path
                else "a paragraph before the first provision"
            )
            layout.unplaced.append(it)
            continue
        depth = min(max(it.depth, 1), len(path))
        parent = path[depth - 1]
        if parent.kind in ("recital", "citation"):
            it.kind = "unplaced"
            it.reason = "a sub-paragraph under a preambular paragraph, which drafting cannot hold"
            layout.unplaced.append(it)
            continue
        it.kind = "point"
        parent.children.append(it)
        del path[depth:]
        path.append(it)
