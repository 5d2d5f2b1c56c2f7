"""Word spans to AKN mixed content: ``<b><inline name="preambularPhrase">Recognising</inline></b>``.

Runs arrive split anywhere and with white space wherever the typist left it, so
spans are first normalised (tabs and line breaks become spaces, runs of spaces
collapse across span boundaries, a bold span does not keep the space after its
last word) and then nested as AKN ``b``/``i``/``u``/``sup``/``sub`` elements,
inside an ``<a href>`` for the words of a link (a link holds its own emphasis, so
one link stays one element however its words are formatted).  No-break spaces are
kept: "25\u00a0November" must not break.  The lead phrase rule is
:func:`drafting.model.markup.fill_block`'s: a bold or italic span that opens the
clause, or that reads as a lead phrase ("and **reaffirming**"), is
the phrase; a clause that opens with a lexicon phrase in plain type gets it set
in the house emphasis, and the caller is told.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import single_spaced
from drafting.akn.ns import q
from drafting.akn.parser import sub
from drafting.layout.source import Format, NoteRef, Piece, Span
from drafting.model.phrases import classify, leading_phrase

_WS = re.compile(r"[ \t\n\r\f\v]+")

NoteFactory = Callable[[NoteRef], etree._Element]


def normalise(pieces: list[Piece]) -> list[Piece]:
    """Spans with white space collapsed and trimmed, edge spaces moved out of emphasis."""
    out: list[Piece] = []
    prev_space = True
    linked = False
    for piece in pieces:
        if isinstance(piece, NoteRef):
            out.append(piece)
            continue
        text = piece.text
        if piece.fmt.link is not None:
            linked = True
        # Most spans hold single spaces only: checking that (in C) is much cheaper than
        # substituting every space.
        if not single_spaced(text):
            text = _WS.sub(" ", text)
        if prev_space:
            text = text.lstrip(" ")
        if not text:
            continue
        prev_space = text[-1] == " "
        # A span left as it was is kept, not copied (most are).
        out.append(piece if text == piece.text else Span(text, piece.fmt))
    while out and isinstance(out[-1], Span):
        last = out[-1]
        assert isinstance(last, Span)
        trimmed = last.text.rstrip(" ")
        if trimmed:
            if trimmed != last.text:
                out[-1] = Span(trimmed, last.fmt)
            break
        out.pop()
    # Emphasis ends at the last letter: "**Recognising** that", not "**Recognising **that";
    # then neighbouring spans of one format are merged, in the same pass.
    merged: list[Piece] = []
    for piece in out:
        if isinstance(piece, NoteRef):
            merged.append(piece)
            continue
        text, fmt = piece.text, piece.fmt
        # After the collapse above, a span has at most one space at either edge.
        if (text[0] == " " or text[-1] == " ") and fmt.tags() and text.strip():
            core = text.strip(" ")
            lead = text[: len(text) - len(text.lstrip(" "))]
            tail = text[len(lead) + len(core) :]
            plain = _unemphasised(fmt)
            if lead:
                _merge(merged, Span(lead, plain))
            _merge(merged, Span(core, fmt))
            if tail:
                _merge(merged, Span(tail, plain))
        else:
            _merge(merged, piece)
    return _link_edges(merged) if linked else merged


def _link_edges(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with a space at either end of a link moved out of it, as emphasis
    ends at the last letter: ``<a>the report</a> of``, not ``<a>the report </a>of``.

    Only at the link's own ends: a space between two differently formatted spans of
    one link stays in it, or the link would fall into two.
    """
    out: list[Piece] = []
    last = len(pieces) - 1
    for k, piece in enumerate(pieces):
        link = piece.fmt.link if isinstance(piece, Span) else None
        if link is None:
            out.append(piece)
            continue
        assert isinstance(piece, Span)
        text, fmt = piece.text, piece.fmt
        lead = text[0] == " " and not _same_link(pieces[k - 1] if k else None, link)
        tail = text[-1] == " " and not _same_link(pieces[k + 1] if k < last else None, link)
        if not (lead or tail):
            _merge(out, piece)
            continue
        unlinked = _unlinked(fmt)
        if lead:
            _merge(out, Span(" ", unlinked))
            text = text[1:]
        tail = tail and bool(text)  # a lone space is moved once
        if tail:
            text = text[:-1]
        if text:
            _merge(out, Span(text, fmt))
        if tail:
            _merge(out, Span(" ", unlinked))
    return out


def _same_link(piece: Piece | None, link: str) -> bool:
    return isinstance(piece, Span) and piece.fmt.link == link


def _unlinked(fmt: Format) -> Format:
    return replace(fmt, link=None)


def _merge(merged: list[Piece], span: Span) -> None:
    """Append ``span``, joined to the span before it when both have one format."""
    prev = merged[-1] if merged else None
    if isinstance(prev, Span) and (prev.fmt is span.fmt or prev.fmt == span.fmt):
        merged[-1] = Span(prev.text + span.text, span.fmt)
    else:
        merged.append(span)


_UNEMPHASISED: dict[Format, Format] = {}


def _unemphasised(fmt: Format) -> Format:
    """``fmt`` without bold, italic and underline (a document has a handful of formats)."""
    out = _UNEMPHASISED.get(fmt)
    if out is None:
        out = _UNEMPHASISED[fmt] = replace(fmt, b=False, i=False, u=False)
    return out


def plain_text(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if isinstance(p, Span))


def lead_words(pieces: list[Piece]) -> str:
    """The words a clause opens with: its emphasised lead, else its first three words."""
    for p in pieces:
        if isinstance(p, Span) and p.text.strip():
            if p.fmt.b or p.fmt.i:
                return p.text.strip()
            break
    return " ".join(plain_text(pieces).split()[:3])


def add_lexicon_phrase(pieces: list[Piece], emphasis: str) -> tuple[list[Piece], str | None]:
    """Set the lexicon phrase a clause opens with in ``emphasis`` when it is in plain type.

    Returns the pieces and the phrase set (None when nothing changed).
    """
    first = next((p for p in pieces if isinstance(p, Span) and p.text.strip()), None)
    if not isinstance(first, Span) or first.fmt.b or first.fmt.i:
        return pieces, None
    phrase = leading_phrase(first.text)
    if not phrase or not first.text.startswith(phrase):
        return pieces, None
    i = pieces.index(first)
    emph = replace(first.fmt, b=True) if emphasis == "b" else replace(first.fmt, i=True)
    rest = first.text[len(phrase) :]
    new: list[Piece] = [Span(phrase, emph)]
    if rest:
        new.append(Span(rest, first.fmt))
    return [*pieces[:i], *new, *pieces[i + 1 :]], phrase


def fill(
    block: etree._Element,
    pieces: list[Piece],
    *,
    phrase_name: str | None,
    notes: NoteFactory | None,
) -> None:
    """Fill the empty AKN ``block`` with ``pieces`` (already normalised).

    Consecutive spans of one link share one ``<a href>``, their emphasis inside it.
    """
    # open_els: the block, then the open <a> (when open_link), then one element per tag.
    open_els: list[etree._Element] = [block]
    open_tags: tuple[str, ...] = ()
    open_link: str | None = None
    for piece in pieces:
        if isinstance(piece, NoteRef):
            if notes is None:
                continue
            del open_els[1:]
            open_tags = ()
            open_link = None
            block.append(notes(piece))
            continue
        fmt = piece.fmt
        link = fmt.link
        if link != open_link:
            del open_els[1:]
            open_tags = ()
            if link is not None:
                open_els.append(sub(block, "a", {"href": link}))
            open_link = link
        tags = fmt.tags()
        if tags != open_tags:
            k = 0
            while k < len(open_tags) and k < len(tags) and open_tags[k] == tags[k]:
                k += 1
            del open_els[k + 1 + (open_link is not None) :]
            for tag in tags[k:]:
                open_els.append(sub(open_els[-1], tag))
            open_tags = tags
        host = open_els[-1]
        if len(host):
            last = host[-1]
            last.tail = (last.tail or "") + piece.text
        else:
            host.text = (host.text or "") + piece.text
    if phrase_name:
        _mark_phrases(block, phrase_name)


_B, _I, _A, _NOTE = q("b"), q("i"), q("a"), q("authorialNote")


def _mark_phrases(block: etree._Element, phrase_name: str) -> None:
    seen_words = bool((block.text or "").strip())
    for child in list(block):
        tag = child.tag
        words = ""
        if tag == _A and _emphasis_only(child):
            words = (child[0].text or "").strip()
            if words and (not seen_words or classify(words) is not None):
                _link_inside_phrase(child, phrase_name)
        elif tag in (_B, _I) and not len(child):
            words = (child.text or "").strip()
            if words and (not seen_words or classify(words) is not None):
                words_of = child.text
                child.text = None
                attrib = {"name": phrase_name, "refersTo": f"#{phrase_name}"}
                sub(child, "inline", attrib, words_of)
        # Once a word is seen it stays seen: the text below is read only until then (a
        # b or i holding words has been seen without walking it).
        if not seen_words:
            own = bool(words) or (tag != _NOTE and bool("".join(child.itertext()).strip()))
            seen_words = own or bool((child.tail or "").strip())


def _emphasis_only(a: etree._Element) -> bool:
    """True for ``<a><b>words</b></a>``: a link whose words are one bold or italic run."""
    if a.text or len(a) != 1:
        return False
    inner = a[0]
    return inner.tag in (_B, _I) and not len(inner) and not inner.tail


def _link_inside_phrase(a: etree._Element, phrase_name: str) -> None:
    """``<a href><b>Recalling</b></a>`` as ``<b><inline name=phrase><a href>Recalling</a>
    </inline></b>``: a lead phrase that is a link is still the clause's lead phrase, which
    the profile looks for as the block's first ``b``/``i``."""
    inner = a[0]
    assert isinstance(inner, AknElement)  # made by fill, in the AKN tree
    a.tag, inner.tag = inner.tag, _A
    inner.set("href", a.attrib.pop("href", ""))
    phrase = sub(a, "inline", {"name": phrase_name, "refersTo": f"#{phrase_name}"})
    phrase.append(inner)


def count(text: str) -> int:
    """Characters that count in the report: everything but white space and soft hyphens."""
    # str.split() cuts at exactly the characters str.isspace() accepts: C speed, no
    # per-character Python loop (this runs over every character of the document twice).
    solid = "".join(text.split())
    n = len(solid)
    if not solid.isascii():
        n -= solid.count("\u00ad") + solid.count("\u200b") + solid.count("\ufeff")
    return n


def empty_format() -> Format:
    return Format()
