"""Clause text inside AKN mixed content: read it, and change it without losing markup.

A block such as ``<p>`` holds text split across ``text`` and ``tail`` slots of
inline elements (``<b><inline>Recognising</inline></b> that ...``).  Amendments
and diffs speak in character offsets of the *clause text* (notes excluded); this
module maps those offsets back onto the slots so an edit keeps the lead phrase
bold and the footnote where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from drafting.akn.ns import local_name

#: Elements whose text is not part of the clause text (they are notes or labels).
NOT_TEXT = frozenset({"authorialNote", "num", "noteRef"})
#: Empty elements that mean something and must survive an edit.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def single_spaced(text: str) -> bool:
    """``"  " not in text and text.isprintable()``: the only white space in ``text`` is
    single plain spaces, so it needs no collapsing.

    The test every reader of clause text makes before substituting white space, once
    per run of every provision.  ``str.isprintable`` looks up each character's Unicode
    category; for ASCII text (``str.isascii`` is a flag) the printable characters are
    0x20-0x7E, and deleting them from the encoded bytes leaves nothing exactly when
    all are printable: about twice as fast.
    """
    if "  " in text:
        return False
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.isprintable()


#: The longest link address kept: a real one is a line or two; more is junk or an attack.
MAX_HREF = 2000
#: Schemes a link may use: the web, mail and file transfer; every other scheme
#: (``javascript:``, ``data:``, ``vbscript:``, ``file:``) runs code or reaches the
#: reader's own machine when clicked, and a .docx comes from anyone's inbox.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
# A scheme is what stands before the first colon, when no "/", "?" or "#" comes first.
_SCHEME = re.compile(r"([^/?#]*?):")
_SCHEME_NAME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
# Characters no address holds as they are (RFC 3986): white space, controls, quotes,
# angle brackets.  Browsers silently delete tabs and line breaks, so "java\tscript:"
# would run as "javascript:"; percent-encoded, it is a harmless relative path.
_UNSAFE_CHARS = re.compile(r'[\x00-\x20\x7f"<>`\u0085\u00a0\u2028\u2029]')


def safe_href(href: str) -> str | None:
    """``href`` as an AKN ``<a href>`` may hold it; None for an address to drop.

    Kept: ``http``, ``https``, ``mailto`` and ``ftp`` addresses, fragments (``#x``) and
    relative paths, up to :data:`MAX_HREF` characters, with white space, controls,
    quotes and angle brackets percent-encoded (so that the address can stand in a
    Word field, a Markdown link and an HTML attribute alike).  Dropped: every other
    scheme.  The same answer for the same address, and ``safe_href(safe_href(x))`` is
    ``safe_href(x)``: readers and writers may all ask.
    """
    href = href.strip(" \t\n\r\f\v\x00")
    if not href or len(href) > MAX_HREF:
        return None
    if _UNSAFE_CHARS.search(href):
        href = _UNSAFE_CHARS.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), href)
        if len(href) > MAX_HREF:
            return None
    if href.startswith("\\"):
        return None  # a Windows share (\\server\...): clicking it sends the user's credentials
    m = _SCHEME.match(href)
    if m is None:
        return href  # a fragment or a relative path
    scheme = m.group(1)
    if _SCHEME_NAME.fullmatch(scheme) and scheme.lower() in SAFE_SCHEMES:
        return href
    return None


_VOID = frozenset({"eol", "eop", "img", "marker", "noteRef"})
# ASCII white space only: a no-break space (U+00A0) is part of the text, as in "25\u00a0November".
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class Segment:
    """One run of clause text: ``element.text`` or ``element.tail``, at [start, end)."""

    element: etree._Element
    slot: Literal["text", "tail"]
    start: int
    end: int

    def get(self) -> str:
        value = self.element.text if self.slot == "text" else self.element.tail
        return value or ""

    def set(self, value: str) -> None:
        if self.slot == "text":
            self.element.text = value or None
        else:
            self.element.tail = value or None


def segments(block: etree._Element) -> list[Segment]:
    """The text runs of ``block`` in reading order, skipping notes and labels."""
    out: list[Segment] = []
    _segments(block, out, 0)
    return out


def _segments(el: etree._Element, out: list[Segment], pos: int) -> int:
    """Append the runs of ``el`` from clause offset ``pos``; return the offset after them.

    A module function, not a closure: a recursive closure is a reference cycle that
    only the cycle collector frees, and this runs for every block an amendment edits.
    """
    text = el.text
    if text:
        out.append(Segment(el, "text", pos, pos + len(text)))
        pos += len(text)
    for child in el:
        if isinstance(child.tag, str) and local_name(child.tag) not in NOT_TEXT:
            pos = _segments(child, out, pos)
        tail = child.tail
        if tail:
            out.append(Segment(child, "tail", pos, pos + len(tail)))
            pos += len(tail)
    return pos


_NOT_TEXT_ANY_NS = tuple(f"{{*}}{name}" for name in sorted(NOT_TEXT))


def text_of(block: etree._Element) -> str:
    """The clause text of ``block``: its words without notes, markup or labels."""
    # Most blocks hold no note or label: libxml2 then gives the same text (comments
    # and processing instructions skipped, tails kept) without a Python walk, which
    # matters because every check, vote, amendment and diff reads every clause.
    for _ in block.iterdescendants(*_NOT_TEXT_ANY_NS):
        return "".join(s.get() for s in segments(block))
    return "".join(block.itertext())


def _has_meaning(el: etree._Element) -> bool:
    """True when ``el`` must stay although it holds no text (a note, an image)."""
    for node in el.iter():
        if isinstance(node.tag, str) and local_name(node.tag) in (_VOID | NOT_TEXT):
            return True
    return False


def remove_keep_tail(el: etree._Element) -> None:
    """Remove ``el`` from its parent, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _prune_empty(block: etree._Element) -> None:
    for el in list(block.iterdescendants()):
        if not isinstance(el.tag, str) or local_name(el.tag) in (_VOID | NOT_TEXT):
            continue
        if el.getparent() is None:
            continue
        if not text_of(el) and not _has_meaning(el):
            remove_keep_tail(el)


def _notes_at(block: etree._Element) -> list[tuple[etree._Element, int]]:
    """Each footnote in ``block`` with the clause-text offset it stands at."""
    out: list[tuple[etree._Element, int]] = []
    _notes_from(block, out, 0)
    return out


def _notes_from(el: etree._Element, out: list[tuple[etree._Element, int]], pos: int) -> int:
    """Append the notes inside ``el`` from offset ``pos`` (see :func:`_segments`)."""
    pos += len(el.text or "")
    for child in el:
        name = local_name(child.tag)
        if name == "authorialNote":
            out.append((child, pos))
        elif isinstance(child.tag, str) and name not in NOT_TEXT:
            pos = _notes_from(child, out, pos)
        pos += len(child.tail or "")
    return pos


def replace_text(block: etree._Element, start: int, end: int, new: str) -> list[etree._Element]:
    """Replace clause text [start, end) of ``block`` with ``new``; return the notes dropped.

    The new words go into the run where the replaced ones began; an insertion
    exactly between two runs joins the later one, so text inserted after a bold
    lead phrase is not bold.  Inline elements left empty are removed.  A footnote
    standing strictly inside the replaced words belongs to words that are gone, so it
    goes too (the caller says so); one at either edge stays with its neighbour.

    Raises:
        ValueError: the range lies outside the clause text.
    """
    dropped = [note for note, at in _notes_at(block) if start < at < end]
    for note in dropped:
        remove_keep_tail(note)
    segs = segments(block)
    total = segs[-1].end if segs else 0
    if not 0 <= start <= end <= total:
        raise ValueError(f"range {start}:{end} outside text of length {total}")
    if not segs:
        block.text = (block.text or "") + new if new else block.text
        return dropped
    host = next((s for s in segs if s.start <= start < s.end), segs[-1])
    for s in segs:
        value = s.get()
        lo, hi = max(start, s.start) - s.start, min(end, s.end) - s.start
        if s is host:
            s.set(value[:lo] + new + value[max(lo, hi) :])
        elif lo < hi:
            s.set(value[:lo] + value[hi:])
    _prune_empty(block)
    return dropped


def normalize_space(block: etree._Element) -> None:
    """Collapse runs of white space across all runs of ``block`` and trim its ends."""
    segs = segments(block)
    prev_space = True  # trims the start
    for s in segs:
        value = _SPACE.sub(" ", s.get())
        if prev_space and value.startswith(" "):
            value = value[1:]
        if value:
            prev_space = value.endswith(" ")
        s.set(value)
    # Trim the end.
    for s in reversed(segments(block)):
        value = s.get()
        stripped = value.rstrip()
        s.set(stripped)
        if stripped:
            break
    _prune_empty(block)
