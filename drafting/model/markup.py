"""Light inline markup for clause text, as secretaries type it and as the seed shows it.

``**Recognising** that ...`` puts a bold lead phrase; ``*Recalling*`` an italic one
(UN style); ``<u>``, ``<sup>``, ``<sub>`` the rarer marks; ``[^1]`` a footnote
reference; ``[the report](https://example.org/report)`` a link (AKN ``<a href>``),
and ``<https://example.org>`` one whose words are its address.  A link's address is
checked as any other is (:func:`drafting.akn.inline.safe_href`): one refused, such as
``javascript:``, leaves the brackets as the literal text they were typed as.  Text
import, amendments (new wording may carry a lead phrase) and the text exporter all
go through here so the two directions stay each other's inverse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from drafting.akn.inline import normalize_space, safe_href
from drafting.akn.ns import local_name
from drafting.akn.parser import sub
from drafting.model.phrases import classify

PHRASE_NAMES = ("preambularPhrase", "operativePhrase")

_TOKEN = re.compile(
    r"\\([\\*\[\]<>_^~])|\*\*|\*|\[\^([^\]\s]+)\]|<(/?)(u|sup|sub)>"
    # A link's end and address, ``](dest)`` or ``](<dest>)``: one level of parentheses
    # may stand unescaped in the address, as Wikipedia's addresses have them.
    r"|(?P<close>\]\((?:<(?P<angled>[^<>\n]*)>|(?P<dest>(?:\\.|[^\s()\\]|\([^\s()\\]*\))*))\))"
    r"|(?P<open>\[)|(?P<shut>\])"
    # An address standing for itself: ``<https://example.org>``.
    r"|<(?P<auto>(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]|[mM][aA][iI][lL][tT][oO]):[^\s<>]+)>"
)
_DEST_ESCAPE = re.compile(r"\\(.)")
#: Escaped in a link's address as written: what would end it early or read as an escape.
_DEST_SPECIAL = re.compile(r"([\\()])")
#: An address the ``<...>`` form may hold (the ``auto`` alternative of _TOKEN).
_AUTO = re.compile(r"(?:https?|ftp|mailto):[^\s<>]+$", re.IGNORECASE)


@dataclass
class _Node:
    tag: str | None  # None: root
    children: list[_Node | str] = field(default_factory=list)
    note: str | None = None  # footnote marker for a note reference
    href: str | None = None  # a link's checked address


def _tokens(s: str) -> list[_Node | str]:
    """Parse markup into a tree; unmatched markers stay literal text."""
    root = _Node(None)
    stack: list[tuple[_Node, str]] = []  # (node, literal opener)
    pos = 0

    def current() -> _Node:
        return stack[-1][0] if stack else root

    def text(t: str) -> None:
        if not t:
            return
        kids = current().children
        if kids and isinstance(kids[-1], str):
            kids[-1] += t
        else:
            kids.append(t)

    for m in _TOKEN.finditer(s):
        text(s[pos : m.start()])
        pos = m.end()
        tok = m.group(0)
        kind = m.lastgroup
        if m.group(1):
            text(m.group(1))
        elif kind == "open":
            node = _Node("a")
            current().children.append(node)
            stack.append((node, tok))
        elif kind in ("close", "shut"):
            if not stack or stack[-1][0].tag != "a":
                text(tok)
                continue
            node, opener = stack.pop()
            href = None
            if kind == "close":
                raw = m.group("angled") or m.group("dest") or ""
                href = safe_href(_DEST_ESCAPE.sub(r"\1", raw))
            if href is None:  # "[words]" alone, or an address refused: literal text
                _unwrap(current(), node, opener)
                text(tok)
            else:
                node.href = href
        elif kind == "auto":
            href = safe_href(m.group("auto"))
            if href is None:
                text(tok)
            else:
                current().children.append(_Node("a", [m.group("auto")], href=href))
        elif m.group(2):
            current().children.append(_Node("noteRef", note=m.group(2)))
        elif m.group(4):
            tag = m.group(4)
            if m.group(3):  # closing tag
                if stack and stack[-1][0].tag == tag:
                    stack.pop()
                else:
                    text(tok)
            else:
                node = _Node(tag)
                current().children.append(node)
                stack.append((node, tok))
        else:
            tag = "b" if tok == "**" else "i"
            before = s[m.start() - 1] if m.start() > 0 else " "
            after = s[m.end()] if m.end() < len(s) else " "
            if stack and stack[-1][0].tag == tag and not before.isspace():
                stack.pop()
            elif not after.isspace():
                node = _Node(tag)
                current().children.append(node)
                stack.append((node, tok))
            else:
                text(tok)
    text(s[pos:])
    # Unclosed openers become literal again.
    while stack:
        node, opener = stack.pop()
        parent = current() if stack else root
        _unwrap(parent, node, opener)
    return root.children


def _unwrap(parent: _Node, node: _Node, opener: str) -> None:
    for holder in _walk(parent):
        if node in holder.children:
            i = holder.children.index(node)
            holder.children[i : i + 1] = [opener, *node.children]
            # Merge adjacent strings.
            merged: list[_Node | str] = []
            for c in holder.children:
                if merged and isinstance(c, str) and isinstance(merged[-1], str):
                    merged[-1] += c
                else:
                    merged.append(c)
            holder.children = merged
            return


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for c in node.children:
        if isinstance(c, _Node):
            out.extend(_walk(c))
    return out


@dataclass(frozen=True)
class Run:
    """A stretch of markup text with its marks (``b``, ``i``, ``u``, ``sup``, ``sub``) and
    the address of the link it is (``href``, None for none), or a footnote reference
    (``note`` is its marker, ``text`` empty)."""

    text: str
    marks: frozenset[str] = frozenset()
    note: str | None = None
    href: str | None = None


def runs_of(markup: str) -> list[Run]:
    """``markup`` as runs of text and their marks, in order: what :func:`fill_block`
    would write, for a reader that builds its own blocks (the text import)."""
    out: list[Run] = []
    stack: list[tuple[list[_Node | str], frozenset[str], str | None]] = [
        (_tokens(markup), frozenset(), None)
    ]
    while stack:  # depth first, in order: each level is a list popped from the front
        items, marks, href = stack[-1]
        if not items:
            stack.pop()
            continue
        item = items.pop(0)
        if isinstance(item, str):
            out.append(Run(item, marks, href=href))
        elif item.tag == "noteRef":
            out.append(Run("", marks, note=item.note or ""))
        elif item.tag == "a":
            stack.append((list(item.children), marks, item.href))
        else:
            stack.append((list(item.children), marks | {item.tag or ""}, href))
    return out


def _plain(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_plain(c) for c in node.children)


NoteFactory = Callable[[str], etree._Element]


def fill_block(
    block: etree._Element,
    markup: str,
    *,
    phrase_name: str | None = None,
    phrase_tag: str = "b",
    notes: NoteFactory | None = None,
) -> None:
    """Fill the empty AKN block ``block`` (a ``<p>``) from ``markup``.

    A bold or italic run becomes a lead phrase (``<b><inline name=phrase_name>``)
    when it opens the block or reads as one ("and **reaffirming**"); the run keeps
    the emphasis it was typed with, whatever the house style prefers
    (``phrase_tag`` is kept for callers that build text without markup).
    ``notes`` makes the ``<authorialNote>`` for a ``[^marker]``; without it the
    reference is kept as literal text.
    """
    _Emitter(phrase_name, notes).emit(block, _tokens(markup))
    normalize_space(block)


class _Emitter:
    """Writes parsed markup into AKN elements, remembering whether a word came yet.

    A class rather than a recursive closure: the closure would be a reference cycle
    left to the cycle collector on every block filled.
    """

    __slots__ = ("first_word_seen", "notes", "phrase_name")

    def __init__(self, phrase_name: str | None, notes: NoteFactory | None) -> None:
        self.phrase_name = phrase_name
        self.notes = notes
        self.first_word_seen = False

    def emit(self, parent: etree._Element, items: list[_Node | str]) -> None:
        for item in items:
            if isinstance(item, str):
                if len(parent):
                    last = parent[-1]
                    last.tail = (last.tail or "") + item
                else:
                    parent.text = (parent.text or "") + item
                if item.strip():
                    self.first_word_seen = True
                continue
            if item.tag == "noteRef":
                if self.notes is None:
                    self.emit(parent, [f"[^{item.note}]"])
                else:
                    parent.append(self.notes(item.note or ""))
                continue
            assert item.tag is not None
            if item.tag == "a":
                self.emit(sub(parent, "a", {"href": item.href or ""}), item.children)
                continue
            el = sub(parent, item.tag)
            words = _plain(item).strip()
            phrase_name = self.phrase_name
            is_phrase = (
                phrase_name is not None
                and item.tag in ("b", "i")
                and all(isinstance(c, str) for c in item.children)
                and (not self.first_word_seen or classify(words) is not None)
            )
            if is_phrase:
                attrs = {"name": phrase_name or "", "refersTo": f"#{phrase_name}"}
                sub(el, "inline", attrs, text=_plain(item))
                self.first_word_seen = True
            else:
                self.emit(el, item.children)


_ESCAPE = re.compile(r"([\\*\[\]<>])")

NoteMarker = Callable[[etree._Element], str]


_MARKS: Mapping[str, tuple[str, str]] = {
    "b": ("**", "**"),
    "i": ("*", "*"),
    "u": ("<u>", "</u>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
}


def render_markup(
    block: etree._Element,
    note_ref: NoteMarker | None = None,
    *,
    links: Literal["markdown", "plain"] = "markdown",
) -> str:
    """The inverse of :func:`fill_block`: markup text for the AKN block ``block``.

    ``links``: ``"markdown"`` writes a link as ``[words](href)``, which reads back;
    ``"plain"`` as ``words <href>``, for a reader of plain text (a ``#bookmark``, which
    means nothing there, leaves the words alone).  A link whose address
    :func:`~drafting.akn.inline.safe_href` refuses is written as its words.
    """
    out: list[str] = []
    _render(block, note_ref, out, links == "plain")
    return "".join(out)


def _esc(t: str | None) -> str:
    return _ESCAPE.sub(r"\\\1", t) if t else ""


def _render(
    el: etree._Element, note_ref: NoteMarker | None, out: list[str], plain: bool = False
) -> None:
    """Append the markup of ``el``'s content to ``out`` (a module function: see _Emitter)."""
    out.append(_esc(el.text))
    for child in el:
        name = local_name(child.tag)
        if name == "authorialNote":
            out.append(note_ref(child) if note_ref else child.get("marker", ""))
        elif name in _MARKS:
            open_, close = _MARKS[name]
            out.append(open_)
            _render(child, note_ref, out, plain)
            out.append(close)
        elif name == "a":
            href = safe_href(child.get("href") or "")
            if href is not None and not len(child) and child.text == href and _AUTO.match(href):
                # An address standing for itself: written once.
                out.append(href if plain else f"<{href}>")
            elif href is None or plain:
                _render(child, note_ref, out, plain)
                if href is not None and not href.startswith("#"):
                    out.append(f" <{href}>")
            else:
                out.append("[")
                _render(child, note_ref, out, plain)
                out.append("](" + _DEST_SPECIAL.sub(r"\\\1", href) + ")")
        elif name:
            _render(child, note_ref, out, plain)
        out.append(_esc(child.tail))
