"""Word styles (``word/styles.xml``) resolved the way Word applies them.

A property may sit on the run, on its character style, on the paragraph style,
on any style those are ``basedOn``, or in the document defaults; the nearest
wins.  Numbering too may come from a paragraph style (``w:numPr`` in the style),
which is how Word's "List Number" and most house templates number paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from drafting.docx_import.package import w
from drafting.layout.source import PLAIN, Format

_OFF = frozenset({"0", "false", "off", "none"})


def on(el: etree._Element | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False, or None if absent."""
    if el is None:
        return None
    val = el.get(w("val"))
    return val is None or val.lower() not in _OFF


_TOGGLES: dict[str, str] = {w("b"): "b", w("i"): "i", w("caps"): "caps", w("vanish"): "hidden"}
_RPR_TAGS = frozenset([*_TOGGLES, w("u"), w("position"), w("vertAlign")])


def apply_rpr(fmt: Format, rpr: etree._Element | None) -> Format:
    """``fmt`` with the properties ``rpr`` sets layered on top."""
    if rpr is None:
        return fmt
    # One pass over the children (the first of each tag counts, as with find()): this
    # runs for every run of the document and for each style along its chain.
    found: dict[str, etree._Element] = {}
    for child in rpr:
        tag = child.tag
        if tag in _RPR_TAGS and tag not in found:
            found[tag] = child
    if not found:
        return fmt
    # Only w:val is read of each property: with the format underneath it decides the
    # result, and a document repeats a handful of combinations over thousands of runs.
    key = (fmt, tuple((tag, el.get(_VAL)) for tag, el in found.items()))
    cached = _APPLIED.get(key)
    if cached is None:
        cached = _apply(fmt, found)
        if len(_APPLIED) < _APPLIED_MAX:
            _APPLIED[key] = cached
    return cached


_VAL = w("val")
_APPLIED: dict[tuple[Format, tuple[tuple[str, str | None], ...]], Format] = {}
_APPLIED_MAX = 4096  # a crafted file cannot grow the cache without bound


def _apply(fmt: Format, found: dict[str, etree._Element]) -> Format:
    values: dict[str, Any] = {  # Format's flags (its link is kept as it is)
        "b": fmt.b,
        "i": fmt.i,
        "u": fmt.u,
        "sup": fmt.sup,
        "sub": fmt.sub,
        "caps": fmt.caps,
        "hidden": fmt.hidden,
    }
    for tag, key in _TOGGLES.items():
        v = on(found.get(tag))
        if v is not None:
            values[key] = v
    u = found.get(w("u"))
    if u is not None:
        values["u"] = (u.get(w("val")) or "single").lower() not in _OFF
    # Raised or lowered text (w:position, half-points) is how LibreOffice writes an HTML
    # <sup>/<sub> and how some typists make a footnote mark: it reads as super/subscript.
    raised = found.get(w("position"))
    raw = raised.get(w("val")) if raised is not None else None
    if raw is not None and raw.lstrip("-").isdigit() and int(raw) != 0:
        values["sup"], values["sub"] = int(raw) > 0, int(raw) < 0
    va = found.get(w("vertAlign"))
    if va is not None:
        pos = va.get(w("val"))
        values["sup"] = pos == "superscript"
        values["sub"] = pos == "subscript"
    return replace(fmt, **values)


@dataclass
class Style:
    """One ``<w:style>``."""

    id: str
    name: str
    type: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


@dataclass
class Styles:
    """The styles part, with inheritance resolved on demand."""

    by_id: dict[str, Style] = field(default_factory=dict)
    default_para: str | None = None
    default_rpr: etree._Element | None = None
    # Both asked for every paragraph and run, with a handful of distinct keys.
    _run_formats: dict[tuple[str | None, str | None], Format] = field(default_factory=dict)
    _ppr_values: dict[tuple[str | None, str], etree._Element | None] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Styles:
        out = cls()
        if root is None:
            return out
        dd = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        out.default_rpr = dd
        for st in root.iter(w("style")):
            sid = st.get(w("styleId")) or ""
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            style = Style(
                id=sid,
                name=(name_el.get(w("val")) if name_el is not None else None) or sid,
                type=st.get(w("type")) or "paragraph",
                based_on=based.get(w("val")) if based is not None else None,
                ppr=st.find(w("pPr")),
                rpr=st.find(w("rPr")),
            )
            out.by_id[sid] = style
            if style.type == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                out.default_para = sid
        return out

    def chain(self, style_id: str | None) -> list[Style]:
        """``style_id`` and the styles it is based on, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        sid = style_id
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            out.append(st)
            sid = st.based_on
        return out

    def name(self, style_id: str | None) -> str:
        """The style's display name ("Operative Paragraph"); '' when unknown."""
        st = self.by_id.get(style_id or "")
        return st.name if st else ""

    def run_format(self, para_style: str | None, char_style: str | None) -> Format:
        """Formatting a run inherits before its own ``w:rPr``."""
        key = (para_style, char_style)
        cached = self._run_formats.get(key)
        if cached is not None:
            return cached
        fmt = apply_rpr(PLAIN, self.default_rpr)
        for st in reversed(self.chain(para_style or self.default_para)):
            fmt = apply_rpr(fmt, st.rpr)
        for st in reversed(self.chain(char_style)):
            fmt = apply_rpr(fmt, st.rpr)
        self._run_formats[key] = fmt
        return fmt

    def ppr_value(self, style_id: str | None, path: str) -> etree._Element | None:
        """The first element at ``path`` (inside ``w:pPr``) along the style chain."""
        key = (style_id, path)
        if key in self._ppr_values:
            return self._ppr_values[key]
        value = None
        for st in self.chain(style_id or self.default_para):
            if st.ppr is not None:
                value = st.ppr.find(path)
                if value is not None:
                    break
        self._ppr_values[key] = value
        return value
