"""Element classes for AKN: the XML vocabulary, with child order stated once.

Proxies in :mod:`drafting.model` hold these elements; this layer knows only XML
(``eId``, ``num``), never drafting notions such as "sub-paragraph".
"""

from __future__ import annotations

from lxml import etree

from drafting.akn.ns import AKN, local_name, q

# The order in which children of a hierarchical AKN element must stand.  Any
# child not named here goes after the named ones, in insertion order.
_CHILD_ORDER: dict[str, tuple[str, ...]] = {
    "*": ("num", "heading", "subheading", "intro"),
    "meta": (
        "identification",
        "publication",
        "classification",
        "lifecycle",
        "workflow",
        "analysis",
        "temporalData",
        "references",
        "notes",
        "proprietary",
        "presentation",
    ),
    "statement": ("meta", "coverPage", "preface", "preamble", "mainBody", "conclusions"),
    "act": ("meta", "coverPage", "preface", "preamble", "body", "conclusions", "attachments"),
    "bill": ("meta", "coverPage", "preface", "preamble", "body", "conclusions", "attachments"),
    "doc": ("meta", "coverPage", "preface", "preamble", "mainBody", "conclusions"),
}


#: Children looked at by index before the C-level search takes over (see child()).
_BY_INDEX = 4
_LOCALS: dict[str, str] = {}
_LOCALS_MAX = 4096
_AKN_PREFIX = f"{{{AKN}}}"
_AKN_PREFIX_LEN = len(_AKN_PREFIX)
_QNAMES: dict[str, str] = {
    name: q(name)
    for name in (
        "num",
        "content",
        "list",
        "intro",
        "wrapUp",
        "p",
        "point",
        "preface",
        "preamble",
        "mainBody",
        "recitals",
        "citations",
        "meta",
    )
}


class AknElement(etree.ElementBase):
    """An element of an AKN tree, with typed accessors used across the package.

    Every element of a tree parsed by :mod:`drafting.akn.parser` has this class, those
    of other namespaces too (see :func:`element_lookup`); :attr:`local` tells them apart.
    """

    @property
    def local(self) -> str:
        """The tag without its namespace, e.g. ``paragraph``.

        An element of another namespace (drafting's proprietary metadata, foreign
        content) keeps its whole ``{namespace}name``, and one in no namespace is
        ``{}name``, so that neither passes for an AKN element of the same local name.
        """
        # Always a str: AKN elements are never comments or PIs.  The model asks this of
        # every provision it wraps; a table of the few dozen tags beats slicing.
        tag = str(self.tag)
        found = _LOCALS.get(tag)
        if found is None:
            if tag.startswith(_AKN_PREFIX):
                found = tag[_AKN_PREFIX_LEN:]
            else:
                found = tag if tag.startswith("{") else "{}" + tag
            if len(_LOCALS) < _LOCALS_MAX:  # a hostile file may invent endless tags
                _LOCALS[tag] = found
        return found

    @property
    def eid(self) -> str | None:
        """The ``eId`` attribute; None when the element has none."""
        return self.get("eId")

    @property
    def wid(self) -> str | None:
        """The ``wId`` attribute; None when the element has none."""
        return self.get("wId")

    def child(self, local: str) -> AknElement | None:
        """The first direct child called ``local``; None when absent."""
        # This runs for every num/content/list of every provision, 85,000 times in a
        # committee cycle at 1,000 paragraphs.  The child sought is nearly always among
        # the first (num, heading, intro stand first by the schema): looking at those
        # by index is 2.5x faster than an iterator; lxml filters the rest in C.
        tag = _QNAMES.get(local) or q(local)
        n = len(self)
        for i in range(min(n, _BY_INDEX)):
            c = self[i]
            if c.tag == tag:
                return c if isinstance(c, AknElement) else None
        if n > _BY_INDEX:
            for c in self.iterchildren(tag):
                return c if isinstance(c, AknElement) else None
        return None

    def children_named(self, *locals_: str) -> list[AknElement]:
        """Direct children whose local name is one of ``locals_``, in document order."""
        if len(locals_) == 1:
            # lxml filters by tag in C and builds proxies only for the matches.
            tag = _QNAMES.get(locals_[0]) or q(locals_[0])
            return [c for c in self.iterchildren(tag) if isinstance(c, AknElement)]
        return [c for c in self if isinstance(c, AknElement) and c.local in locals_]

    def insert_ordered(self, new: AknElement) -> None:
        """Insert ``new`` where the schema wants it among this element's children."""
        order = _CHILD_ORDER.get(self.local, _CHILD_ORDER["*"])
        name = local_name(new.tag)
        if name not in order:
            self.append(new)
            return
        rank = order.index(name)
        for i, existing in enumerate(self):
            other = local_name(existing.tag)
            if other not in order or order.index(other) > rank:
                self.insert(i, new)
                return
        self.append(new)


def owner_eid(el: etree._Element | None) -> str | None:
    """The eId of ``el`` or of its nearest ancestor that has one; None when none has."""
    while el is not None:
        eid = el.get("eId")
        if eid:
            return eid
        el = el.getparent()
    return None


def element_lookup() -> etree.ElementDefaultClassLookup:
    """The class lookup that makes every element of a parsed tree an :class:`AknElement`.

    Not lxml's namespace lookup: that one turns the namespace and the name of every
    element touched from Python into bytes and looks both up in dictionaries, ~350 ns
    on each of the tens of thousands of proxies a stage makes (a tenth of a profile
    check).  Elements of other namespaces get the class too and are told apart by
    :attr:`AknElement.local`; every search names AKN tags.
    """
    return etree.ElementDefaultClassLookup(element=AknElement)
