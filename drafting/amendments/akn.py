"""Amendments as Akoma Ntoso: one ``<amendment>`` each, the set as an ``<amendmentList>``.

The instruction is kept in words a reader can follow (``<mod>`` with
``<quotedText>`` for quoted words, ``<quotedStructure>`` for new provisions),
the target as a ``<ref>`` to the draft's eId, and ``activeModifications`` in the
meta say the same thing for machines.  Reading back turns the ``<mod>`` into the
text form again and parses that, so both routes share one grammar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import assert_never

from lxml import etree

from drafting.akn import schema
from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.ns import XPATH_NS, local_name, q
from drafting.akn.parser import make, parse_akn, serialize, sub
from drafting.amendments.errors import AmendmentSyntaxError, AmendmentTargetError
from drafting.amendments.model import (
    Amendment,
    DeleteProvision,
    DeleteRange,
    DeleteText,
    InsertProvisions,
    InsertText,
    Location,
    MoveProvision,
    NewProvision,
    Operation,
    Quote,
    ReplaceProvision,
    ReplaceText,
    Rest,
    Sentence,
    TextTarget,
    ToLineEnd,
)
from drafting.amendments.parser import parse_amendments
from drafting.amendments.resolve import locate
from drafting.amendments.writer import operation_lines, quoted
from drafting.errors import SchemaError
from drafting.model.document import Document
from drafting.model.markup import render_markup
from drafting.model.metadata import add_expression
from drafting.model.provision import Provision, new_provision_element

_MOD_TYPES = {
    InsertText: "insertion",
    DeleteText: "repeal",
    ReplaceText: "substitution",
    DeleteRange: "substitution",
    InsertProvisions: "insertion",
    ReplaceProvision: "substitution",
    MoveProvision: "renumbering",
}


_PROVISIONS = ("paragraph", "point", "recital", "citation")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"


class _Builder:
    """Builds one ``<amendment>``; every eId gets ``prefix`` so a list stays unique."""

    def __init__(self, doc: Document, a: Amendment, prefix: str, date: dt.date) -> None:
        self.doc, self.a, self.prefix, self.date = doc, a, prefix, date
        md = doc.metadata
        self.draft_expr = md.expression_uri
        num = f"{_slug(md.number or 'draft')}-{_slug(a.number)}"
        self.work = f"/akn/{md.country}/amendment/{md.actor}/{date.isoformat()}/{num}"
        self.expr = f"{self.work}/{md.language}@{date.isoformat()}"
        self.secretariat = self.id(md.secretariat_eid)
        self.proponent = self.id("proponent")
        self.mods: list[tuple[str, str, str]] = []  # (type, mod eId, destination eId)

    def id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def build(self) -> AknElement:
        a, md = self.a, self.doc.metadata
        amendment = make("amendment", {"name": "amendment", "contains": "originalVersion"})
        meta = sub(amendment, "meta")
        self._identification(meta)
        preface = sub(amendment, "preface")
        p1 = sub(preface, "p", {"eId": self.id("preface__p_1")})
        sub(p1, "docType", text="COMPROMISE AMENDMENT" if a.compromise else "AMENDMENT").tail = " "
        sub(p1, "docNumber", text=a.number).tail = " to "
        target = f"Resolution {md.number}" if md.number else "the draft resolution"
        sub(p1, "affectedDocument", {"href": self.draft_expr}, text=target)
        if a.tabled_by:
            p2 = sub(preface, "p", {"eId": self.id("preface__p_2")}, text="Tabled by ")
            sub(p2, "docProponent", {"refersTo": f"#{self.proponent}"}, text=a.tabled_by)
        p3 = sub(preface, "p", {"eId": self.id("preface__p_3")}, text="Status: ")
        sub(p3, "docStatus", text=a.status)
        if a.replaces:
            p4 = sub(preface, "p", {"eId": self.id("preface__p_4")}, text="Replaces: ")
            sub(p4, "span", {"class": "replaces"}, text=", ".join(a.replaces))
        body = sub(amendment, "amendmentBody")
        heading = sub(body, "amendmentHeading", {"eId": self.id("amendmentHeading_1")})
        # class="location": the amendment's own location line, not only the place
        # an insertion names (kept apart so reading back gives the same amendment).
        attrs = {"class": "location"} if a.location is not None else {}
        sub(heading, "p", attrs, text=a.where_text or "Amendment")
        if a.target_text:
            sub(heading, "p", {"class": "text"}, text=f"In the {a.target_text}:")
        content = sub(body, "amendmentContent", {"eId": self.id("amendmentContent_1")})
        for i, op in enumerate(a.operations, 1):
            p = sub(content, "p", {"eId": self.id(f"amendmentContent_1__p_{i}")})
            self._mod(p, op, i)
        if a.reads:
            k = len(a.operations) + 1
            sub(
                content,
                "p",
                {"eId": self.id(f"amendmentContent_1__p_{k}"), "class": "reads"},
                text=f"So that the provision reads: {quoted(a.reads)}",
            )
        if a.justification:
            just = sub(body, "amendmentJustification", {"eId": self.id("amendmentJustification_1")})
            for line in a.justification.split("\n"):
                if line.strip():
                    sub(just, "p", text=line.strip())
        self._analysis(meta)
        return amendment

    def _identification(self, meta: AknElement) -> None:
        a, md = self.a, self.doc.metadata
        d = self.date.isoformat()
        ident = sub(meta, "identification", {"source": f"#{self.secretariat}"})
        author = f"#{self.proponent}" if a.tabled_by else f"#{self.secretariat}"
        work = sub(ident, "FRBRWork")
        sub(work, "FRBRthis", {"value": f"{self.work}/!main"})
        sub(work, "FRBRuri", {"value": self.work})
        sub(
            work,
            "FRBRalias",
            {"value": f"{a.label} to {md.number or 'the draft'}", "name": "short"},
        )
        sub(work, "FRBRdate", {"date": d, "name": "tabled"})
        sub(work, "FRBRauthor", {"href": author, "as": "#proponent"})
        sub(work, "FRBRcountry", {"value": md.country})
        sub(work, "FRBRnumber", {"value": a.number, "showAs": a.number})
        add_expression(
            ident,
            self.expr,
            date=d,
            date_name="tabled",
            author=(author, "#proponent"),
            language=md.language,
            editor=f"#{self.secretariat}",
        )

    def _analysis(self, meta: AknElement) -> None:
        src = f"#{self.secretariat}"
        if self.mods:
            analysis = sub(meta, "analysis", {"source": src})
            active = sub(analysis, "activeModifications")
            for k, (kind, mod_id, dest) in enumerate(self.mods, 1):
                tm = sub(active, "textualMod", {"type": kind, "eId": self.id(f"amod_{k}")})
                sub(tm, "source", {"href": f"#{mod_id}"})
                sub(tm, "destination", {"href": f"{self.draft_expr}/!main#{dest}"})
        refs = sub(meta, "references", {"source": src})
        sub(refs, "original", {"eId": self.id("original"), "href": self.expr, "showAs": "Original"})
        sub(
            refs,
            "activeRef",
            {"eId": self.id("draft"), "href": self.draft_expr, "showAs": self.doc.title or "Draft"},
        )
        sub(
            refs,
            "TLCOrganization",
            {
                "eId": self.secretariat,
                "href": f"/akn/ontology/organization/{self.doc.metadata.country}/secretariat",
                "showAs": f"{self.doc.metadata.body} Secretariat".strip(),
            },
        )
        if self.a.tabled_by:
            sub(
                refs,
                "TLCOrganization",
                {
                    "eId": self.proponent,
                    "href": f"/akn/ontology/organization/{self.doc.metadata.country}/"
                    f"{_slug(self.a.tabled_by)}",
                    "showAs": self.a.tabled_by,
                },
            )
        sub(
            refs,
            "TLCRole",
            {
                "eId": self.id("proponentRole"),
                "href": "/akn/ontology/role/proponent",
                "showAs": "Proponent",
            },
        )
        sub(
            refs,
            "TLCRole",
            {"eId": self.id("editor"), "href": "/akn/ontology/role/editor", "showAs": "Editor"},
        )
        # FRBRauthor as="#proponent" must name a role of this document.
        for el in meta.iter(q("FRBRauthor")):
            if el.get("as") == "#proponent":
                el.set("as", f"#{self.id('proponentRole')}")
            elif el.get("as") == "#editor":
                el.set("as", f"#{self.id('editor')}")

    def _dest(self, loc: Location | None) -> str:
        if loc is None:
            return ""
        try:
            host = locate(self.doc, loc)
        except AmendmentTargetError:
            return ""
        return host.element.get("eId") or ("preface__longTitle" if host.provision is None else "")

    def _mod(self, p: AknElement, op: Operation, i: int) -> None:
        a = self.a
        mod_id = self.id(f"mod_{i}")
        mod = sub(p, "mod", {"eId": mod_id})
        loc = a.location
        if isinstance(op, InsertProvisions | MoveProvision):
            dest = self._dest(op.anchor if isinstance(op, InsertProvisions) else op.target)
        elif isinstance(op, DeleteProvision) and op.target is not None:
            dest = self._dest(op.target)
        else:
            dest = self._dest(loc)
        self.mods.append((_MOD_TYPES.get(type(op), "substitution"), mod_id, dest or "main"))
        lines = operation_lines(op, "nato-pa", loc)
        head = lines[0]
        self._words(mod, head, op, i)
        if isinstance(op, ReplaceProvision | InsertProvisions):
            provs = [op.new] if isinstance(op, ReplaceProvision) else list(op.provisions)
            qs = sub(
                mod,
                "quotedStructure",
                {"eId": self.id(f"mod_{i}__qstr_1"), "startQuote": "“", "endQuote": "”"},
            )
            kind = self._kind(op, loc)
            for n, np in enumerate(provs, 1):
                # A recital cannot hold sub-paragraphs: such (invalid) wording is quoted
                # as a paragraph, so the amendment still exports and reads back.
                k = "paragraph" if np.points and kind in ("recital", "citation") else kind
                qs.append(self._structure(np, k, f"{self.id(f'mod_{i}__qstr_1')}__{k}_{n}"))

    def _kind(self, op: Operation, loc: Location | None) -> str:
        where = op.anchor if isinstance(op, InsertProvisions) else loc
        if where is None:
            return "paragraph"
        try:
            host = locate(self.doc, where)
            if host.provision is not None:
                return host.provision.kind
        except AmendmentTargetError:
            pass
        if where.kind in ("recital", "citation"):
            return where.kind
        return "point" if where.depth else "paragraph"

    def _structure(self, new: NewProvision, kind: str, eid: str) -> AknElement:
        el = new_provision_element(kind, new.markup)
        el.set("eId", eid)
        prov = Provision(el)
        for k, pt in enumerate(new.points, 1):
            child = prov.add_point(pt.markup)
            self._fill_points(child, pt.points, f"{eid}__point_{k}")
            child.element.set("eId", f"{eid}__point_{k}")
        return el

    def _fill_points(self, prov: Provision, points: Sequence[NewProvision], eid: str) -> None:
        for k, pt in enumerate(points, 1):
            child = prov.add_point(pt.markup)
            child.element.set("eId", f"{eid}__point_{k}")
            self._fill_points(child, pt.points, f"{eid}__point_{k}")

    def _words(self, mod: AknElement, head: str, op: Operation, i: int) -> None:
        """The instruction with each quotation as ``<quotedText>``."""
        rest = head
        last: AknElement | None = None
        for k, shown in enumerate(_quotes_in(op), 1):
            pos = rest.find(shown)
            if pos < 0:
                continue
            before, rest = rest[:pos], rest[pos + len(shown) :]
            if last is None:
                mod.text = (mod.text or "") + before
            else:
                last.tail = (last.tail or "") + before
            attrs = {
                "eId": self.id(f"mod_{i}__qtext_{k}"),
                "startQuote": shown[0],
                "endQuote": shown[-1],
            }
            last = sub(mod, "quotedText", attrs, text=shown[1:-1])
        if last is None:
            mod.text = (mod.text or "") + rest
        else:
            last.tail = (last.tail or "") + rest


def _target_quotes(target: TextTarget) -> list[str]:
    match target:
        case Quote():
            return [target.text]
        case Rest(after=after):
            return [after.text]
        case ToLineEnd(start=start):
            return [start.text]
        case Sentence():
            return []
        case _:
            assert_never(target)


def _quotes_in(op: Operation) -> list[str]:
    """Each quotation of ``op`` as written (marks included), in reading order; an
    ordinal ("the second") stays in the running words before its ``<quotedText>``."""
    texts: list[str] = []
    if isinstance(op, InsertText):
        texts = ([op.anchor.text] if op.anchor is not None else []) + [op.new]
    elif isinstance(op, DeleteText):
        texts = _target_quotes(op.target)
    elif isinstance(op, ReplaceText):
        texts = [*_target_quotes(op.target), op.new]
    elif isinstance(op, DeleteRange):
        texts = [op.start.text, op.end.text] + ([op.new] if op.new is not None else [])
    return [quoted(t) for t in texts]


def amendment_element(
    doc: Document, amendment: Amendment, *, prefix: str = "", date: dt.date | None = None
) -> AknElement:
    """The ``<amendment>`` element for ``amendment`` to the draft ``doc``."""
    return _Builder(doc, amendment, prefix, date or doc.metadata.date).build()


def assert_schema_valid(tree: etree._ElementTree, source: str) -> None:
    """Raise when an amendment document breaks the official AKN schema.

    (The drafting profile describes resolutions, so only the official schema applies.)

    Raises:
        SchemaError: with every problem found.
    """
    found = schema.schema_problems(tree)
    if found:
        raise SchemaError(
            "the amendments would not be valid AKN: " + "; ".join(p.message for p in found[:3]),
            hint="this is a bug in drafting; please report it",
            file=source,
        )


def amendment_tree(
    doc: Document, amendment: Amendment, *, date: dt.date | None = None
) -> etree._ElementTree:
    """One amendment as a standalone AKN document ``<akomaNtoso><amendment>``."""
    root = make("akomaNtoso")
    root.append(amendment_element(doc, amendment, date=date))
    return root.getroottree()


def amendment_to_akn(doc: Document, amendment: Amendment, *, date: dt.date | None = None) -> bytes:
    """One amendment as validated AKN bytes.

    Raises:
        SchemaError: the result would not be valid (a bug).
    """
    tree = amendment_tree(doc, amendment, date=date)
    assert_schema_valid(tree, f"amendment {amendment.number}")
    return serialize(tree)


def amendment_list_tree(
    doc: Document, amendments: Sequence[Amendment], *, date: dt.date | None = None
) -> etree._ElementTree:
    """The set as ``<amendmentList>``: each amendment a ``<component>`` of the collection."""
    md = doc.metadata
    d = (date or md.date).isoformat()
    root = make("akomaNtoso")
    lst = sub(root, "amendmentList", {"name": "amendmentList", "contains": "originalVersion"})
    meta = sub(lst, "meta")
    work = f"/akn/{md.country}/amendmentList/{md.actor}/{d}/{_slug(md.number or 'draft')}"
    expr = f"{work}/{md.language}@{d}"
    ident = sub(meta, "identification", {"source": "#secretariat"})
    w = sub(ident, "FRBRWork")
    sub(w, "FRBRthis", {"value": f"{work}/!main"})
    sub(w, "FRBRuri", {"value": work})
    sub(w, "FRBRdate", {"date": d, "name": "tabled"})
    sub(w, "FRBRauthor", {"href": "#secretariat", "as": "#editor"})
    sub(w, "FRBRcountry", {"value": md.country})
    add_expression(
        ident,
        expr,
        date=d,
        date_name="tabled",
        author=("#secretariat", "#editor"),
        language=md.language,
        editor="#secretariat",
    )
    refs = sub(meta, "references", {"source": "#secretariat"})
    sub(
        refs,
        "TLCOrganization",
        {
            "eId": "secretariat",
            "href": f"/akn/ontology/organization/{md.country}/secretariat",
            "showAs": f"{md.body} Secretariat".strip(),
        },
    )
    sub(refs, "TLCRole", {"eId": "editor", "href": "/akn/ontology/role/editor", "showAs": "Editor"})
    body = sub(lst, "collectionBody")
    for i, a in enumerate(amendments, 1):
        comp = sub(body, "component", {"eId": f"cmp_{i}"})
        comp.append(amendment_element(doc, a, prefix=f"cmp_{i}__", date=date))
    return root.getroottree()


def amendment_list_to_akn(
    doc: Document, amendments: Sequence[Amendment], *, date: dt.date | None = None
) -> bytes:
    """The set as validated AKN bytes (see :func:`amendment_list_tree`).

    Raises:
        SchemaError: the result would not be valid (a bug).
    """
    tree = amendment_list_tree(doc, amendments, date=date)
    assert_schema_valid(tree, "<amendmentList>")
    return serialize(tree)


# -- reading back --------------------------------------------------------------------


def _mod_line(mod: etree._Element) -> str:
    parts: list[str] = [mod.text or ""]
    for child in mod:
        name = local_name(child.tag)
        if name == "quotedText":
            parts.append(
                f"{child.get('startQuote', '“')}{text_of(child)}{child.get('endQuote', '”')}"
            )
        elif name == "quotedStructure":
            pass
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _structure_lines(el: etree._Element, depth: int) -> list[str]:
    prov = Provision(el)  # type: ignore[arg-type]
    markup = " ".join(render_markup(b) for b in prov.blocks)
    out = [("  " * (depth - 1) + " - " if depth else "") + markup]
    for child in prov.children:
        out += _structure_lines(child.element, depth + 1)
    return out


def _amendment_text(el: etree._Element, source: str) -> str:
    def one(path: str) -> str:
        found = el.xpath(path, namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return text_of(found[0]).strip()
        return ""

    number = one("a:preface//a:docNumber")
    if not number:
        raise AmendmentSyntaxError("an <amendment> has no <docNumber>", file=source)
    kind = one("a:preface//a:docType").lower()
    lines = [f"{'Compromise amendment' if kind.startswith('compromise') else 'Amendment'} {number}"]
    if one("a:preface//a:docProponent"):
        lines.append(f"Tabled by: {one('a:preface//a:docProponent')}")
    if one("a:preface//a:span[@class='replaces']"):
        lines.append(
            f"Replaces: {one('a:preface//a:span[@class=' + chr(39) + 'replaces' + chr(39) + ']')}"
        )
    heading = one("a:amendmentBody/a:amendmentHeading/a:p[@class='location']")
    mods = el.xpath("a:amendmentBody/a:amendmentContent//a:mod", namespaces=XPATH_NS)
    assert isinstance(mods, list)
    body: list[str] = []
    new_form = heading.endswith("(new)")
    for mod in mods:
        assert isinstance(mod, etree._Element)
        line = _mod_line(mod)
        if not new_form:
            # "Paragraph 2 a (new)" is followed by the new text alone.
            body.append(line[0].upper() + line[1:] if line else line)
        for qs in mod.iter(q("quotedStructure")):
            for prov in qs:
                if isinstance(prov, AknElement) and prov.local in (
                    "paragraph",
                    "point",
                    "recital",
                    "citation",
                ):
                    body += _structure_lines(prov, 0)
            body.append("")
    named = one("a:amendmentBody/a:amendmentHeading/a:p[@class='text']")
    if named:
        lines.append(named)
    if heading:
        lines.append(heading)
    lines += body
    reads = one("a:amendmentBody/a:amendmentContent/a:p[@class='reads']")
    if reads:
        lines.append(reads)
    just = el.xpath("a:amendmentBody/a:amendmentJustification/a:p", namespaces=XPATH_NS)
    assert isinstance(just, list)
    texts = [text_of(p).strip() for p in just if isinstance(p, etree._Element)]
    if texts:
        lines.append("Justification: " + "\n\n".join(texts))
    status = one("a:preface//a:docStatus")
    if status:
        lines.append(f"Status: {status}")
    return "\n".join(lines) + "\n"


def read_amendments_xml(data: bytes, source: str = "<xml>") -> list[Amendment]:
    """Amendments from an AKN ``<amendment>`` or ``<amendmentList>`` document.

    Raises:
        XMLSyntaxError: not well-formed.
        AmendmentSyntaxError: no amendment inside, or one that cannot be read.
    """
    tree = parse_akn(data, source)
    found = tree.getroot().xpath("//a:amendment", namespaces=XPATH_NS)
    assert isinstance(found, list)
    if not found:
        raise AmendmentSyntaxError(
            "the XML holds no <amendment>",
            hint="give an AKN amendment or amendmentList",
            file=source,
        )
    text = "\n".join(_amendment_text(el, source) for el in found if isinstance(el, etree._Element))
    return parse_amendments(text, source)
