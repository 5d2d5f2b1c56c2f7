"""The single, hardened XML parser of the package.

All XML drafting reads comes through here.  Files come from outside (delegations,
e-mail), so the parser resolves no entities, loads no DTD, never touches the
network and keeps libxml2's depth and size limits (``huge_tree`` off).  A DOCTYPE
is refused outright: Akoma Ntoso needs none, and refusing it closes XXE and
entity-expansion attacks before they start.  Blank text is *not* stripped: AKN is
mixed content, and stripping would delete the space between two inline elements.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from lxml import etree

from drafting.akn.elements import AknElement, element_lookup
from drafting.akn.ns import NSMAP, local_name, q
from drafting.errors import XMLSyntaxError
from drafting.reading import read_bytes

#: Largest XML file accepted, in bytes.  A resolution of 5,000 paragraphs is ~5 MB.
MAX_XML_BYTES: Final = 64 * 1024 * 1024


def _make_parser(with_akn_classes: bool) -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        strip_cdata=True,
    )
    if with_akn_classes:
        parser.set_element_class_lookup(element_lookup())
    return parser


_AKN_PARSER: Final = _make_parser(True)
_FOREIGN_PARSER: Final = _make_parser(False)


def _parse(
    data: bytes, source: str, parser: etree.XMLParser, base_url: str | None = None
) -> etree._ElementTree:
    if len(data) > MAX_XML_BYTES:
        raise XMLSyntaxError(
            f"the XML is {len(data) // (1024 * 1024)} MB, over the {MAX_XML_BYTES // (1024 * 1024)}"
            " MB limit",
            hint="split the document or check that this is the right file",
            file=source,
        )
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or b"<\x00!\x00D\x00O\x00C" in head:
        raise XMLSyntaxError(
            "the XML declares a DOCTYPE or entities, which drafting refuses for safety",
            hint="remove the <!DOCTYPE ...> declaration and save again",
            file=source,
        )
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        msg = exc.msg.split(", line ")[0] if exc.msg else "not well-formed"
        if "HUGE" in msg or "limit exceeded" in msg or "too big" in msg:
            # libxml2's safety limits (huge_tree off): well-formed, but built to hurt.
            what = (
                "nests elements more than 256 levels deep"
                if "depth" in msg
                else "holds a text, comment or name longer than 10 MB"
            )
            raise XMLSyntaxError(
                f"the XML {what}, beyond drafting's safety limits",
                hint="check that this is the right file; no resolution comes near these limits",
                file=source,
                line=line,
            ) from exc
        raise XMLSyntaxError(
            f"not well-formed XML ({msg})",
            hint="open the file in an XML editor and correct it, or import the Word original",
            file=source,
            line=line,
        ) from exc
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise XMLSyntaxError(
            "the XML declares a DOCTYPE, which drafting refuses for safety",
            hint="remove the <!DOCTYPE ...> declaration and save again",
            file=source,
        )
    return tree


def parse_akn(data: bytes, source: str = "<bytes>") -> etree._ElementTree:
    """Parse Akoma Ntoso bytes into a tree of :class:`AknElement`.

    Raises:
        XMLSyntaxError: the bytes are not well-formed or are refused for safety.
    """
    return _parse(data, source, _AKN_PARSER)


def parse_foreign(
    data: bytes, source: str = "<bytes>", base_url: str | None = None
) -> etree._ElementTree:
    """Parse other XML (Word parts, schemas) with the same hardening.

    ``base_url`` lets a schema resolve its relative imports from disk.

    Raises:
        XMLSyntaxError: the bytes are not well-formed or are refused for safety.
    """
    return _parse(data, source, _FOREIGN_PARSER, base_url)


def read_akn_file(path: Path) -> etree._ElementTree:
    """Read and parse an AKN file from disk.

    Raises:
        InputError: the file is missing, unreadable or too large.
        XMLSyntaxError: it is not well-formed XML or declares a DOCTYPE.
    """
    return parse_akn(read_bytes(path, MAX_XML_BYTES), str(path))


def make(local: str, attrib: dict[str, str] | None = None, text: str | None = None) -> AknElement:
    """Create a new AKN element (of the right element class) called ``local``."""
    el = _AKN_PARSER.makeelement(q(local), attrib or {}, nsmap=NSMAP)
    if text is not None:
        el.text = text
    assert isinstance(el, AknElement)
    return el


def sub(
    parent: etree._Element,
    local: str,
    attrib: dict[str, str] | None = None,
    text: str | None = None,
) -> AknElement:
    """Append a new AKN element called ``local`` to ``parent`` and return it."""
    # Created inside the parent's document: make() starts a new libxml2 document for
    # each element, which is most of its cost.  A parent from another parser (a
    # plain lxml tree) gets an element made the ordinary way.
    el = etree.SubElement(parent, q(local), attrib or {})
    if not isinstance(el, AknElement):
        parent.remove(el)
        el = make(local, attrib)
        parent.append(el)
    if text is not None:
        el.text = text
    return el


# Elements whose children are only other elements, never running text: the
# serialiser may indent inside them without changing any clause's words.
_STRUCTURAL: Final = frozenset(
    [
        "akomaNtoso",
        "statement",
        "amendment",
        "amendmentList",
        "collectionBody",
        "component",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "lifecycle",
        "workflow",
        "analysis",
        "references",
        "proprietary",
        "passiveModifications",
        "activeModifications",
        "textualMod",
        "parliamentary",
        "voting",
        "notes",
        "preface",
        "longTitle",
        "preamble",
        "formula",
        "recitals",
        "recital",
        "citations",
        "citation",
        "mainBody",
        "paragraph",
        "list",
        "intro",
        "point",
        "content",
        "conclusions",
        "amendmentBody",
        "amendmentHeading",
        "amendmentContent",
        "amendmentJustification",
        "wrapUp",
        "blockList",
        "item",
        "quotedStructure",
        "blockContainer",
    ]
)


def _indent(el: etree._Element, level: int) -> None:
    if local_name(el.tag) not in _STRUCTURAL or len(el) == 0:
        return
    if el.text and el.text.strip():
        return
    if any(c.tail and c.tail.strip() for c in el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for c in el:
        c.tail = pad
        _indent(c, level + 1)
    el[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise an AKN tree as UTF-8 with an XML declaration, indenting only structure.

    lxml's own ``pretty_print`` indents inside inline wrappers such as
    ``<b><inline>`` and so changes the words of a clause; this indents only
    elements that cannot hold running text.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    _indent(root, 0)
    root.tail = None
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return body + b"\n"


def akn_root_name(tree: etree._ElementTree) -> str:
    """The local name of the root's first document element (``statement``, ...); '' if none."""
    root = tree.getroot()
    for child in root:
        return local_name(child.tag)
    return ""
