"""Provisions: the citations, preambular and operative paragraphs and sub-paragraphs.

A :class:`Provision` is a stateless proxy over one AKN element (``citation``,
``recital``, ``paragraph``, ``point`` or ``hcontainer``); two proxies are equal when
they wrap the same element.  Names follow drafting usage (a *sub-paragraph* is an AKN
``point``), but the vocabulary stays the standard's where drafting has none.

An ``hcontainer`` holds what a draft shows in its place but numbers as nothing: a
paragraph of text between operative paragraphs or sub-paragraphs, or a table.  Import
keeps such content where the draft has it instead of refusing the draft, so every
stage meets it as a provision without a number, which no amendment can address by
number and no renumbering counts.

A provision's words are ``<p>`` blocks, or a ``<table>`` whose cells hold the blocks
(:attr:`Provision.table`): readers of :attr:`Provision.blocks` see a table's cells as
its blocks, in row order, so no stage that knows nothing of tables loses their words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, NamedTuple

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.ns import local_name, q
from drafting.akn.parser import make
from drafting.model.markup import PHRASE_NAMES, fill_block, render_markup
from drafting.model.metadata import retire_wids
from drafting.model.structure import HIERARCHY, LEVELS, SCHEDULE
from drafting.model.styles import label_value

_NUM, _LIST, _CONTENT, _INTRO, _P = q("num"), q("list"), q("content"), q("intro"), q("p")
_POINT, _WRAP_UP, _TABLE = q("point"), q("wrapUp"), q("table")
_HCONTAINER, _HEADING = q("hcontainer"), q("heading")
#: Provisions whose words stand in ``<p>`` children of their own.
_PLAIN = frozenset({q("recital"), q("citation")})
#: What stands among a provision's subdivisions: the resolution's sub-paragraphs, the
#: AKN hierarchy's elements (a section's subsections, a Part's chapters), and
#: unnumbered content.
_LIST_ITEMS = frozenset({_POINT, _HCONTAINER, *(q(name) for name in HIERARCHY)})
#: Grouping levels (Part, Chapter): a citation of what they hold leaves them out.
_GROUPS = frozenset(q(name) for name, lv in LEVELS.items() if lv.group)

#: The provisions a resolution is built of; a clause-structured text adds the AKN
#: hierarchy (:data:`drafting.model.structure.HIERARCHY`), so :attr:`Provision.kind`
#: is any of those names.
Kind = Literal["citation", "recital", "paragraph", "point", "hcontainer"]
PROVISION_TAGS: frozenset[str] = frozenset(
    {"citation", "recital", "paragraph", "point", "hcontainer", *HIERARCHY}
)
#: ``hcontainer/@name`` of a paragraph of unnumbered text, and of a table.
UNNUMBERED, TABLE = "unnumbered", "table"
_PROVISION_QNAMES: frozenset[str] = frozenset(q(name) for name in PROVISION_TAGS)
_HIERARCHY_QNAMES: frozenset[str] = frozenset(q(name) for name in HIERARCHY)


def _akn(el: etree._Element | None) -> AknElement | None:
    return el if isinstance(el, AknElement) else None


class Provision:
    """One provision of a resolution, wrapping its AKN element."""

    __slots__ = ("element",)

    def __init__(self, element: AknElement) -> None:
        if element.tag not in _PROVISION_QNAMES:  # the tag, cheaper than .local
            raise TypeError(f"<{element.local}> is not a provision element")
        self.element = element

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Provision) and other.element is self.element

    def __hash__(self) -> int:
        return id(self.element)

    def __repr__(self) -> str:
        return f"<Provision {self.kind} {self.ref or self.eid}>"

    # -- identity -------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``citation``, ``recital`` (preambular paragraph), ``paragraph``, ``point``, or
        ``hcontainer`` (unnumbered text or a table standing in the draft's order); in a
        clause-structured text, the hierarchy element (``part``, ``section`` ...)."""
        return self.element.local

    @property
    def heading(self) -> str | None:
        """The heading it carries ("Quorum", "Commencement and short title"); None when
        it has none.  An unnumbered heading among provisions is its words instead."""
        el = self.element.child("heading")
        return text_of(el).strip() if el is not None else None

    @property
    def eid(self) -> str | None:
        """The ``eId``: follows the numbering, so it changes on renumbering."""
        return self.element.eid

    @property
    def wid(self) -> str | None:
        """The ``wId``: the provision's lasting identity, kept across renumbering."""
        return self.element.wid

    @property
    def num(self) -> str | None:
        """The displayed label, e.g. ``"13."`` or ``"(b)"``; None when unnumbered."""
        el = self.element.child("num")
        return (el.text or "").strip() if el is not None else None

    @property
    def number(self) -> str | None:
        """The label without punctuation, e.g. ``"13"`` or ``"b"``; None when unnumbered."""
        num = self.num  # read once: each read looks the <num> up again
        return label_value(num) if num else None

    @property
    def ref(self) -> str | None:
        """The reference a secretary would cite: ``"13"``, ``"13(b)"``, ``"13(b)(ii)"``.

        None when this provision or one of its ancestors is unnumbered.
        """
        number = self.number
        if number is None:
            return None
        el = self.element
        if el.tag in _GROUPS or self.name == SCHEDULE:
            # "Part 2", "Schedule 1": a group is cited by its word and number.
            return self.num
        parent = self.parent
        while parent is not None and parent.element.tag in _GROUPS:
            parent = parent.parent  # sections are numbered through Parts and Chapters
        if parent is None:
            return number
        base = parent.ref
        if base is None:
            return None
        if parent.name == SCHEDULE:
            return f"{base} {number}"
        return f"{base}({number})"

    @property
    def level(self) -> int:
        """0 for a top-level provision, 1 for a sub-paragraph, 2 for a sub-sub-paragraph."""
        depth, p = 0, self.parent
        while p is not None:
            depth, p = depth + 1, p.parent
        return depth

    @property
    def parent(self) -> Provision | None:
        """The provision this one is a sub-paragraph of; None at the top level."""
        el = self.element.getparent()
        while el is not None:
            if isinstance(el, AknElement) and el.local in PROVISION_TAGS:
                return Provision(el)
            el = el.getparent()
        return None

    @property
    def children(self) -> list[Provision]:
        """The sub-paragraphs, with any unnumbered content among them, in reading order."""
        lst = self.element.child("list")
        host = lst if lst is not None else self.element
        return [Provision(c) for c in host.iterchildren(*_LIST_ITEMS)]

    @property
    def points(self) -> list[Provision]:
        """The sub-paragraphs alone (AKN ``point``), in order."""
        lst = self.element.child("list")
        host = lst if lst is not None else self.element
        return [Provision(c) for c in host.children_named("point")]

    def walk(self) -> Iterator[Provision]:
        """This provision and all its sub-paragraphs, depth first in reading order."""
        yield self
        for c in self.children:
            yield from c.walk()

    # -- text -------------------------------------------------------------------
    @property
    def blocks(self) -> list[AknElement]:
        """The ``<p>`` elements holding this provision's own words (not its children's).

        For a provision whose words are a table, the blocks of its cells in row order.
        """
        el = self.element
        if self.kind in ("recital", "citation"):
            return _word_blocks(el)
        content = el.child("content")
        if content is not None:
            return _word_blocks(content)
        if el.tag == _HCONTAINER and el.get("name") != SCHEDULE:
            heading = el.child("heading")  # a heading of the draft: its words
            return [heading] if heading is not None else []
        lst = el.child("list")
        intro = lst.child("intro") if lst is not None else None
        if intro is None:
            intro = el.child("intro")
        return intro.children_named("p") if intro is not None else []

    @property
    def table(self) -> AknElement | None:
        """The ``<table>`` that holds this provision's words; None for words in blocks."""
        el = self.element
        host = el if self.kind in ("recital", "citation") else el.child("content")
        return host.child("table") if host is not None else None

    @property
    def name(self) -> str | None:
        """An ``hcontainer``'s ``@name`` (``unnumbered`` or ``table``); None otherwise."""
        return self.element.get("name") if self.kind == "hcontainer" else None

    @property
    def wrap_up_blocks(self) -> list[AknElement]:
        """The ``<p>`` elements of words that follow the sub-paragraphs (AKN ``wrapUp``)."""
        lst = self.element.child("list")
        wrap = lst.child("wrapUp") if lst is not None else None
        if wrap is None:
            wrap = self.element.child("wrapUp")
        return wrap.children_named("p") if wrap is not None else []

    @property
    def text(self) -> str:
        """This provision's own clause text (lead phrase included, notes and children not)."""
        return "\n".join(text_of(b) for b in self.blocks)

    @property
    def full_text(self) -> str:
        """The clause text with every sub-paragraph, labels included, one line each."""
        lines = []
        for p in self.walk():
            label = f"{p.num} " if p.num and p is not self else ""
            lines.append(label + p.text)
            lines.extend(text_of(b) for b in p.wrap_up_blocks)
        return "\n".join(lines)

    @property
    def markup(self) -> str:
        """The own text in drafting's light markup (``**Recognising** that ...``)."""
        return "\n".join(render_markup(b) for b in self.blocks)

    @property
    def lead_phrases(self) -> list[str]:
        """The lead phrases in this provision's own text, e.g. ``["Welcoming", "reaffirming"]``."""
        out = []
        for b in self.blocks:
            for inline in b.iter(q("inline")):
                if inline.get("name") in PHRASE_NAMES:
                    out.append(text_of(inline))
        return out

    @property
    def lead_phrase(self) -> str | None:
        """The first lead phrase; None when the provision opens without one."""
        phrases = self.lead_phrases
        return phrases[0] if phrases else None

    @property
    def phrase_name(self) -> str:
        """``preambularPhrase`` for citations and recitals, else ``operativePhrase``."""
        return "preambularPhrase" if self.kind in ("recital", "citation") else "operativePhrase"

    def set_text(self, markup: str, *, phrase_tag: str = "b") -> None:
        """Replace this provision's own words with ``markup`` (sub-paragraphs are kept)."""
        blocks = self.blocks
        if not blocks:
            raise ValueError(f"{self!r} has no text block")
        first = blocks[0]
        for extra in blocks[1:]:
            extra.getparent().remove(extra)  # type: ignore[union-attr]
        for child in list(first):
            first.remove(child)
        first.text = None
        fill_block(first, markup, phrase_name=self.phrase_name, phrase_tag=phrase_tag)

    def set_heading(self, heading: str) -> None:
        """Give a clause text's provision the heading ``heading``, after its number."""
        el = self.element
        old = el.child("heading")
        new = el.makeelement(_HEADING)
        new.text = heading
        if old is not None:
            el.replace(old, new)
            return
        num = el.child("num")
        if num is not None:
            num.addnext(new)
        else:
            el.insert(0, new)

    # -- structure --------------------------------------------------------------
    def add_point(
        self,
        markup: str,
        *,
        phrase_tag: str = "b",
        index: int | None = None,
        num: str | None = None,
        numbered: bool = True,
        kind: Kind = "point",
    ) -> Provision:
        """Add a sub-paragraph with ``markup`` as its words, last or at ``index``.

        ``num`` is the label it shows; without one, a ``numbered`` sub-paragraph is
        numbered at the next renumbering.  ``kind="hcontainer"`` adds unnumbered
        content among the sub-paragraphs instead (``index`` counts sub-paragraphs only).
        """
        if self.kind in ("recital", "citation", "hcontainer"):
            raise ValueError(f"a {self.kind} cannot have sub-paragraphs here")
        if kind not in ("point", "hcontainer"):
            raise ValueError(f"a sub-paragraph is a point or an hcontainer, not a {kind}")
        lst, wrap = self._ensure_list()
        point = append_provision_element(
            lst, kind, markup, phrase_tag=phrase_tag, num=num, numbered=numbered
        )
        if index is not None:
            points = lst.children_named("point")[:-1]  # those before the new one
            if index < len(points):
                points[index].addprevious(point)
                return Provision(point)
        if wrap is not None:
            wrap.addprevious(point)
        return Provision(point)

    def add_subdivision(
        self, kind: str, markup: str, *, num: str | None = None, heading: str = ""
    ) -> Provision:
        """Add a clause text's subdivision (a rule's paragraph, a section's subsection),
        last.  Its words go in ``<content>``; this provision's own words, if it had
        them as content, become the ``<intro>`` the subdivisions follow, as the AKN
        hierarchy has it.  ``num`` as for :meth:`add_point`."""
        if kind not in HIERARCHY:
            raise ValueError(f"a subdivision is a hierarchy element, not a {kind}")
        el = self.element
        content = el.child("content")
        if content is not None and not "".join(content.itertext()).strip():
            el.remove(content)  # no words of its own (a new rule given as its paragraphs)
        elif content is not None:
            intro = el.makeelement(_INTRO)
            for block in list(content):
                intro.append(block)
            el.replace(content, intro)
        new = new_provision_element(kind, markup, num=num, heading=heading)
        wrap = el.child("wrapUp")
        if wrap is not None:
            wrap.addprevious(new)
        else:
            el.append(new)
        return Provision(new)

    def sub_list(self) -> tuple[AknElement, AknElement | None]:
        """The ``<list>`` holding the sub-paragraphs (made when there is none yet, the
        provision's words becoming its intro), and its ``<wrapUp>`` or None."""
        if self.kind in ("recital", "citation", "hcontainer"):
            raise ValueError(f"a {self.kind} cannot have sub-paragraphs here")
        return self._ensure_list()

    def _ensure_list(self) -> tuple[AknElement, AknElement | None]:
        """The ``<list>`` holding the sub-paragraphs, made from the content when there is
        none yet, and its ``<wrapUp>`` (None when it has none)."""
        el = self.element
        lst = content = None
        for c in el:  # num, then content or list: one look at the few children
            name = c.tag
            if name == _LIST:
                lst = c
                break
            if name == _CONTENT and content is None:
                content = c
        if lst is not None:
            return lst, lst.child("wrapUp")
        lst = el.makeelement(_LIST)
        intro = lst.makeelement(_INTRO)
        lst.append(intro)
        if content is not None:
            for p in content.iterchildren(_P):
                intro.append(p)
            el.replace(content, lst)
        else:
            el.append(lst)
        return lst, None

    def insert_sibling(self, new: Provision, *, after: bool = True) -> Provision:
        """Place ``new`` (a detached provision) right after (or before) this one."""
        if after:
            self.element.addnext(new.element)
        else:
            self.element.addprevious(new.element)
        # addnext moves our tail onto the new element; tails here are layout only.
        return new

    def delete(self) -> None:
        """Remove this provision and its sub-paragraphs from the document.

        When the last sub-paragraph of a paragraph goes, the paragraph's introductory
        words become its content again.
        """
        retire_wids(self.element, [p.wid for p in self.walk() if p.wid])
        self._remove()

    def _remove(self) -> None:
        el = self.element
        container = el.getparent()
        if container is None:
            return
        container.remove(el)
        if local_name(container.tag) in ("recitals", "citations") and not len(container):
            # An empty <recitals> breaks the schema; the preamble simply has none now.
            box_parent = container.getparent()
            if box_parent is not None:
                box_parent.remove(container)
            return
        if container.tag in _HIERARCHY_QNAMES and not [
            c for c in container if c.tag in _LIST_ITEMS
        ]:
            _words_again(container)
            return
        if local_name(container.tag) == "list" and not [
            c for c in container if c.tag in _LIST_ITEMS
        ]:
            owner = container.getparent()
            intro = _akn(container.find(q("intro")))
            content = make("content")
            if intro is not None:
                for p in intro.children_named("p"):
                    content.append(p)
            wrap = _akn(container.find(q("wrapUp")))
            if wrap is not None:
                for p in wrap.children_named("p"):
                    content.append(p)
            if len(content) == 0:
                content.append(make("p"))
            if owner is not None:
                owner.replace(container, content)

    def detach(self) -> Provision:
        """Take this provision out of the document (to move it elsewhere) and return it.

        Unlike :meth:`delete`, its wIds stay its own: it is the same provision, moved.
        """
        self._remove()
        return self


def _words_again(el: etree._Element) -> None:
    """A clause text's provision whose last subdivision went: its introductory and
    closing words become its content, as the AKN hierarchy asks of a provision with
    no subdivisions."""
    content = make("content")
    for name in ("intro", "wrapUp"):
        part = el.find(q(name))
        if part is not None:
            for block in list(part):
                content.append(block)  # type: ignore[arg-type]
            el.remove(part)
    if len(content) == 0:
        content.append(make("p"))
    el.append(content)


class Parts(NamedTuple):
    """A provision's own parts, each as :class:`Provision` gives it."""

    #: :attr:`Provision.num`.
    num: str | None
    #: :attr:`Provision.blocks`.
    blocks: list[etree._Element]
    #: The elements of :attr:`Provision.children` (sub-paragraphs and unnumbered content).
    points: list[etree._Element]
    #: :attr:`Provision.wrap_up_blocks`.
    wrap_up: list[etree._Element]


def parts(el: etree._Element) -> Parts:
    """The label, word blocks, sub-paragraphs and closing words of provision ``el``.

    Read in one look at its children and its list's.  Each property of
    :class:`Provision` looks its part up again, a proxy for every child it passes;
    the stages that read every part of every provision (diff, Word and HTML export)
    read them here, in a third of the time.  Where a part is doubled (two ``num``,
    an ``intro`` in the list and one beside it), the one the properties pick wins.
    A hierarchy element's ``heading`` leads its blocks here, where
    :attr:`Provision.blocks` holds its words alone (:attr:`Provision.heading` gives it).
    """
    num = content = lst = intro = wrap = heading = None
    own: list[etree._Element] = []
    points: list[etree._Element] = []
    for c in el:  # commonest first
        tag = c.tag
        if tag == _NUM:
            if num is None:
                num = c
        elif tag == _CONTENT:
            if content is None:
                content = c
        elif tag == _P:
            own.append(c)
        elif tag == _LIST:
            if lst is None:
                lst = c
        elif tag in _LIST_ITEMS:
            points.append(c)
        elif tag == _INTRO:
            if intro is None:
                intro = c
        elif tag == _WRAP_UP and wrap is None:
            wrap = c
        elif tag == _HEADING and heading is None:
            heading = c
    if lst is not None:  # the sub-paragraphs, and the words around them, are in the list
        points = []
        in_intro = in_wrap = None
        for c in lst:
            tag = c.tag
            if tag in _LIST_ITEMS:
                points.append(c)
            elif tag == _INTRO:
                if in_intro is None:
                    in_intro = c
            elif tag == _WRAP_UP and in_wrap is None:
                in_wrap = c
        if in_intro is not None:
            intro = in_intro
        if in_wrap is not None:
            wrap = in_wrap
    if el.tag in _PLAIN:
        blocks = own or _table_blocks(el)
    else:
        words = content if content is not None else intro
        blocks = [c for c in words if c.tag == _P] if words is not None else []
        if not blocks and content is not None:
            blocks = _table_blocks(content)
        elif (
            words is None
            and heading is not None
            and el.tag == _HCONTAINER
            and el.get("name") != SCHEDULE
        ):
            blocks = [heading]
        elif heading is not None and (el.tag != _HCONTAINER or el.get("name") == SCHEDULE):
            # A clause-structured text's heading ("Article 9 Membership", "Chapter 3
            # The Council"): the stages that print or compare every part of a
            # provision show it as the first line of its words, so none loses it.
            blocks = [heading, *blocks]
    wrap_up = [c for c in wrap if c.tag == _P] if wrap is not None else []
    label = (num.text or "").strip() if num is not None else None
    return Parts(label, blocks, points, wrap_up)


def new_provision_element(
    kind: str,
    markup: str,
    *,
    phrase_tag: str = "b",
    num: str | None = None,
    numbered: bool = True,
    heading: str = "",
) -> AknElement:
    """A detached provision element of ``kind`` whose words are ``markup``.

    ``num`` is the label it shows.  Without one, a ``numbered`` provision gets an empty
    ``<num/>``, which renumbering fills in; an unnumbered one gets none and renumbering
    leaves it so (an ``hcontainer`` is never numbered).  ``heading`` is a clause
    text's heading ("Quorum").
    """
    el = make(kind)
    _build(el, kind, markup, phrase_tag, num, numbered, heading)
    return el


def append_provision_element(
    parent: AknElement,
    kind: str,
    markup: str,
    *,
    phrase_tag: str = "b",
    num: str | None = None,
    numbered: bool = True,
) -> AknElement:
    """A provision element of ``kind`` whose words are ``markup``, appended to ``parent``.

    Made inside the parent's document: a detached element (:func:`new_provision_element`)
    starts a libxml2 document of its own, and appending it moves it over; importers
    add thousands.  ``num`` and ``numbered`` as for :func:`new_provision_element`.
    """
    el = parent.makeelement(q(kind))
    assert isinstance(el, AknElement)
    # Built before it is appended: bad markup leaves no trace.
    _build(el, kind, markup, phrase_tag, num, numbered)
    parent.append(el)
    return el


def _build(
    el: AknElement,
    kind: str,
    markup: str,
    phrase_tag: str,
    num: str | None,
    numbered: bool,
    heading: str = "",
) -> None:
    """Give the empty provision element ``el`` its number, heading and words."""
    # ``el`` is an AKN element, so its children are made in its document directly
    # (``sub()`` without the check, at 1 µs a block less).
    if kind == "hcontainer":
        el.set("name", UNNUMBERED)
        num = None
    elif num is not None or numbered:
        etree.SubElement(el, _NUM).text = num
    if heading:
        etree.SubElement(el, _HEADING).text = heading
    name: str | None
    if kind in ("recital", "citation"):
        p = etree.SubElement(el, _P)
        name = "preambularPhrase"
    else:
        p = etree.SubElement(etree.SubElement(el, _CONTENT), _P)
        name = "operativePhrase" if kind != "hcontainer" else None
    if markup:  # importers fill the block themselves; parsing "" costs 30 µs a provision
        fill_block(p, markup, phrase_name=name, phrase_tag=phrase_tag)


def _word_blocks(host: AknElement) -> list[AknElement]:
    """The ``<p>`` children of ``host``, or the blocks of the table it holds instead."""
    blocks = host.children_named("p")
    return blocks if blocks else _table_blocks(host)  # type: ignore[return-value]


def _table_blocks(host: etree._Element) -> list[etree._Element]:
    """The ``<p>`` blocks of the cells of the ``<table>`` child of ``host``, row by row."""
    for c in host:
        if c.tag == _TABLE:
            return [p for p in c.iter(_P)]
    return []
