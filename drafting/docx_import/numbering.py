"""List numbers computed exactly as Word displays them, from ``word/numbering.xml``.

A numbered paragraph stores no number, only ``w:numPr`` (``numId`` and ``ilvl``),
directly or through its paragraph style.  The number shown is computed: the
``w:num`` names an ``abstractNum`` (possibly through a numbering style,
``w:numStyleLink``), whose ``w:lvl`` gives the start value, the format
(``decimal``, ``lowerLetter``, ``lowerRoman``...) and the text (``%1.``,
``(%2)``); a ``w:lvlOverride`` in the ``w:num`` may restart a level or replace
it.  Word counts per abstract list, so a list continues across unnumbered
paragraphs and across ``w:num`` instances of the same list, and a level
restarts when a higher level appears (unless ``w:lvlRestart`` says otherwise).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from drafting.docx_import.glyphs import PRIVATE_GLYPHS
from drafting.docx_import.package import w
from drafting.docx_import.styles import Styles
from drafting.model.styles import Format, format_number

#: Word's w:numFmt values, as drafting's numbering formats.
WORD_FORMATS: dict[str, Format] = {
    "decimal": "decimal",
    "decimalZero": "decimal",
    "lowerLetter": "lower-alpha",
    "upperLetter": "upper-alpha",
    "lowerRoman": "lower-roman",
    "upperRoman": "upper-roman",
}


#: Largest value shown in letters or Roman numerals; larger ones (only in damaged or crafted
#: files: no list has ten thousand items) are shown in digits, keeping labels short.
MAX_LETTERED = 10_000


@dataclass(frozen=True)
class LevelDef:
    """One ``w:lvl`` of an abstract list."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    pstyle: str | None = None
    indent: int | None = None  # left indent in twips


@dataclass(frozen=True)
class NumLabel:
    """The number Word shows on one paragraph."""

    text: str  # "13.", "(b)", "" for fmt none, the bullet character for bullets
    ilvl: int
    list_id: str  # the abstractNum counted
    fmt: str  # Word's numFmt of the level
    value: int
    indent: int | None
    pattern: str = "{}."  # lvlText with each %n as {}: "{}.", "({})", "{}.{}."

    @property
    def bullet(self) -> bool:
        return self.fmt == "bullet"

    @property
    def kind(self) -> str:
        """The numbering format in drafting's terms (``lower-alpha``), else Word's own."""
        return WORD_FORMATS.get(self.fmt, self.fmt)


def _int(el: etree._Element | None, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(w("val")) or "")
    except ValueError:
        return default


def _ilvl(el: etree._Element) -> int:
    """The ``w:ilvl`` attribute of ``el``; 0 when missing or damaged, as Word reads it."""
    try:
        return int(el.get(w("ilvl")) or 0)
    except ValueError:
        return 0


def _level(el: etree._Element, base: LevelDef | None = None) -> LevelDef:
    b = base or LevelDef()
    fmt_el = el.find(w("numFmt"))
    text_el = el.find(w("lvlText"))
    pstyle = el.find(w("pStyle"))
    ind = el.find(f"{w('pPr')}/{w('ind')}")
    indent = b.indent
    if ind is not None:
        raw = ind.get(w("left")) or ind.get(w("start"))
        if raw and re.fullmatch(r"-?\d+", raw):
            indent = int(raw)
    return LevelDef(
        start=_int(el.find(w("start")), b.start) or 0,
        fmt=(fmt_el.get(w("val")) if fmt_el is not None else None) or b.fmt,
        text=b.text if text_el is None else (text_el.get(w("val")) or ""),
        restart=_int(el.find(w("lvlRestart")), b.restart),
        legal=el.find(w("isLgl")) is not None or b.legal,
        pstyle=(pstyle.get(w("val")) if pstyle is not None else None) or b.pstyle,
        indent=indent,
    )


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, LevelDef] = field(default_factory=dict)


class Numbering:
    """The numbering part, and the counters of a walk through the document in order."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, dict[int, LevelDef]] = {}
        self._style_link: dict[str, str] = {}  # abstract id -> numbering style it points to
        self.nums: dict[str, _Num] = {}
        if root is not None:
            for a in root.iter(w("abstractNum")):
                aid = a.get(w("abstractNumId")) or ""
                self.abstracts[aid] = {_ilvl(lv): _level(lv) for lv in a.iter(w("lvl"))}
                link = a.find(w("numStyleLink"))
                if link is not None and link.get(w("val")):
                    self._style_link[aid] = link.get(w("val")) or ""
            for n in root.iter(w("num")):
                nid = n.get(w("numId")) or ""
                ab = n.find(w("abstractNumId"))
                num = _Num((ab.get(w("val")) or "") if ab is not None else "")
                for ov in n.iter(w("lvlOverride")):
                    ilvl = _ilvl(ov)
                    so = _int(ov.find(w("startOverride")))
                    if so is not None:
                        num.starts[ilvl] = so
                    lvl = ov.find(w("lvl"))
                    if lvl is not None:
                        num.levels[ilvl] = _level(lvl)
                self.nums[nid] = num
        self._values: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()
        # Definitions never change once read; a long list asks for the same ten levels
        # at every paragraph (the restarts below), so they are looked up once.
        self._level_cache: dict[tuple[str, int], LevelDef | None] = {}
        self._abstract_cache: dict[str, str | None] = {}

    def _abstract(self, num_id: str) -> str | None:
        """The abstract list ``num_id`` counts in, following numbering-style links."""
        try:
            return self._abstract_cache[num_id]
        except KeyError:
            found = self._abstract_cache[num_id] = self._find_abstract(num_id)
            return found

    def _find_abstract(self, num_id: str) -> str | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        for _ in range(5):
            style = self._style_link.get(aid)
            if style is None:
                break
            np = self.styles.ppr_value(style, f"{w('numPr')}/{w('numId')}")
            target = self.nums.get(np.get(w("val")) or "") if np is not None else None
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid if aid in self.abstracts else None

    def level(self, num_id: str, ilvl: int) -> LevelDef | None:
        """The definition of level ``ilvl`` as list ``num_id`` displays it."""
        key = (num_id, ilvl)
        try:
            return self._level_cache[key]
        except KeyError:
            found = self._level_cache[key] = self._find_level(num_id, ilvl)
            return found

    def _find_level(self, num_id: str, ilvl: int) -> LevelDef | None:
        aid = self._abstract(num_id)
        if aid is None:
            return None
        num = self.nums[num_id]
        if ilvl in num.levels:
            return num.levels[ilvl]
        base = self.abstracts[aid].get(ilvl)
        if base is None:
            return None
        if ilvl in num.starts:
            return replace(base, start=num.starts[ilvl])
        return base

    def level_of_style(self, num_id: str, style_id: str | None) -> int:
        """The level whose ``w:pStyle`` is ``style_id`` (numbering attached by style); else 0."""
        aid = self._abstract(num_id)
        if aid is None or style_id is None:
            return 0
        for ilvl, lv in self.abstracts[aid].items():
            if lv.pstyle == style_id:
                return ilvl
        return 0

    def next(self, num_id: str, ilvl: int) -> NumLabel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its number.

        None when ``num_id`` is 0 (numbering switched off) or names no list.
        """
        if num_id in ("", "0"):
            return None
        aid = self._abstract(num_id)
        lvl = self.level(num_id, ilvl)
        if aid is None or lvl is None:
            return None
        values = self._values.setdefault(aid, [None] * 10)
        num = self.nums[num_id]
        if num_id not in self._seen:
            self._seen.add(num_id)
            # A w:num with a start override restarts the list where it is first used.
            for lv in set(num.starts) | set(num.levels):
                if 0 <= lv < 10:
                    values[lv] = None
        ilvl = max(0, min(ilvl, 8))
        current = values[ilvl]
        values[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            d = self.level(num_id, deeper)
            restart = d.restart if d is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                values[deeper] = None
        return NumLabel(
            text=self._render(num_id, lvl, values),
            ilvl=ilvl,
            list_id=aid,
            fmt=lvl.fmt,
            value=values[ilvl] or 0,
            indent=lvl.indent,
            pattern=_pattern(lvl.text),
        )

    def _render(self, num_id: str, lvl: LevelDef, values: list[int | None]) -> str:
        if lvl.fmt == "bullet":
            return lvl.text.translate(PRIVATE_GLYPHS)
        if lvl.fmt == "none":
            return ""

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            d = self.level(num_id, k)
            v = values[k] if values[k] is not None else (d.start if d else 1)
            fmt = "decimal" if lvl.legal or d is None else d.fmt
            return render_value(v or 0, fmt)

        return re.sub(r"%([1-9])", sub, lvl.text)


@functools.lru_cache(maxsize=256)
def _pattern(text: str) -> str:
    """A level's text (``%1.%2.``) as a label pattern (``{}.{}.``)."""
    return re.sub(r"%[1-9]", "{}", text)


def render_value(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (unknown formats fall back to decimal)."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    if (n < 1 or n > MAX_LETTERED) and fmt != "decimal":
        # A crafted w:start of 10**9 would make a letter label of 38 million characters.
        return str(n)
    return format_number(n, WORD_FORMATS.get(fmt, "decimal"))
