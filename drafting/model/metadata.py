"""What a resolution is, as opposed to what it says: FRBR identity, events, actors.

Held in AKN ``<meta>``: ``identification`` (FRBR Work/Expression/Manifestation),
``lifecycle`` and ``workflow`` (what happened when), ``references`` (the TLCs for
the assembly, its committee and rapporteur) and drafting's own ``proprietary``
record of the house style.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import XPATH_NS, dq
from drafting.akn.parser import make, sub
from drafting.errors import NotAkomaNtosoError


def slug(text: str) -> str:
    """A lower-case ASCII identifier: ``"Science and Technology"`` -> ``science-and-technology``."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return s or "x"


#: ISO 639-2 codes (as AKN's FRBRlanguage holds them) of the assemblies' working languages.
_BCP47 = {
    "eng": "en",
    "fra": "fr",
    "deu": "de",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "nld": "nl",
    "pol": "pl",
    "rus": "ru",
    "ara": "ar",
    "zho": "zh",
    "ukr": "uk",
}


@dataclass(frozen=True)
class Event:
    """A workflow step: ``refers_to`` is an event name such as ``plenaryAdoption``."""

    date: dt.date
    refers_to: str
    by: str | None = None  # eId of the acting organisation
    outcome: str | None = None  # "adopted", ...


@dataclass(frozen=True)
class Metadata:
    """The identity of a resolution and the people and bodies behind it."""

    number: str
    body: str
    date: dt.date
    country: str
    actor: str
    date_name: str = "adoption"
    committee: str | None = None
    rapporteur: str | None = None
    language: str = "eng"
    events: tuple[Event, ...] = field(default_factory=tuple)
    #: The date of this version of the text when it is not the work's: an amended
    #: text is a new expression, dated by the vote (``expression_date_name`` says
    #: what happened then, e.g. ``amendment``).
    expression_date: dt.date | None = None
    expression_date_name: str = ""
    #: The AKN document type (``statement``, ``act``, ``bill``, ``doc``) and its
    #: ``FRBRname``/``@name`` (``resolution``, ``act``, ``bill``, ``rules``).
    doc_type: str = "statement"
    doc_name: str = "resolution"

    @property
    def subtype(self) -> str:
        """The FRBR subtype: a resolution is a deliberation; other texts are their name."""
        return "deliberation" if self.doc_type == "statement" else self.doc_name

    @property
    def work_uri(self) -> str:
        """FRBR Work URI, e.g. ``/akn/nato/statement/deliberation/nato-pa/2024-11-25/495``."""
        number = slug(self.number) if self.number else "draft"
        return (
            f"/akn/{self.country}/{self.doc_type}/{self.subtype}/{self.actor}/"
            f"{self.date.isoformat()}/{number}"
        )

    @property
    def expression_uri(self) -> str:
        """FRBR Expression URI: the work in a language at a date."""
        return expression_uri(self.work_uri, self.language, self.expression_date or self.date)

    @property
    def language_tag(self) -> str:
        """The language as a BCP 47 tag for HTML and Word (``eng`` -> ``en``); AKN's own
        ISO 639-2 code when the tag is not known."""
        return _BCP47.get(self.language, self.language)

    @property
    def body_eid(self) -> str:
        return self.actor

    @property
    def secretariat_eid(self) -> str:
        return f"{self.actor}-secretariat"

    @property
    def committee_eid(self) -> str | None:
        return f"committee-{slug(self.committee)}" if self.committee else None

    def with_changes(self, **changes: object) -> Metadata:
        """A copy with the given fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]


def expression_uri(work_uri: str, language: str, date: dt.date) -> str:
    """The FRBR Expression URI of ``work_uri`` in ``language`` as it stood on ``date``."""
    return f"{work_uri}/{language}@{date.isoformat()}"


def date_expression(meta: AknElement, date: dt.date, name: str) -> None:
    """Make the text ``meta`` describes a new expression of its work, dated ``date``
    (an amended text, dated by the vote): its FRBRExpression and FRBRManifestation are
    renamed and redated.  The caller records the event of that date in the lifecycle.

    The work, and the ``original`` reference to the draft's expression, stay as they
    are: the amended text is the same resolution, in a later version.
    """
    ident = meta.child("identification")
    if ident is None:
        return
    work = _xp1(ident, "a:FRBRWork/a:FRBRuri/@value") or ""
    language = _xp1(ident, "a:FRBRExpression/a:FRBRlanguage/@language") or "eng"
    uri = expression_uri(work, language, date)
    d = date.isoformat()
    values = {
        "a:FRBRExpression/a:FRBRthis": ("value", f"{uri}/!main"),
        "a:FRBRExpression/a:FRBRuri": ("value", uri),
        "a:FRBRManifestation/a:FRBRthis": ("value", f"{uri}/!main.xml"),
        "a:FRBRManifestation/a:FRBRuri": ("value", f"{uri}.akn"),
        "a:FRBRManifestation/a:FRBRdate": ("date", d),
    }
    for path, (attr, value) in values.items():
        for el in ident.xpath(path, namespaces=XPATH_NS):
            assert isinstance(el, etree._Element)
            el.set(attr, value)
    for el in ident.xpath("a:FRBRExpression/a:FRBRdate", namespaces=XPATH_NS):
        assert isinstance(el, etree._Element)
        el.set("date", d)
        el.set("name", name)


def add_expression(
    ident: AknElement,
    uri: str,
    *,
    date: str,
    date_name: str,
    author: tuple[str, str],
    language: str,
    editor: str,
) -> None:
    """Append to ``<identification>`` the FRBRExpression ``uri`` and its one manifestation,
    the AKN file: stated alike for resolutions, amendments and amendment lists.

    ``author`` is (href, role) of who made the expression; ``editor`` the href of who
    made the file.
    """
    expr = sub(ident, "FRBRExpression")
    sub(expr, "FRBRthis", {"value": f"{uri}/!main"})
    sub(expr, "FRBRuri", {"value": uri})
    sub(expr, "FRBRdate", {"date": date, "name": date_name})
    sub(expr, "FRBRauthor", {"href": author[0], "as": author[1]})
    sub(expr, "FRBRlanguage", {"language": language})
    manif = sub(ident, "FRBRManifestation")
    sub(manif, "FRBRthis", {"value": f"{uri}/!main.xml"})
    sub(manif, "FRBRuri", {"value": f"{uri}.akn"})
    sub(manif, "FRBRdate", {"date": date, "name": "conversion"})
    sub(manif, "FRBRauthor", {"href": editor, "as": "#editor"})
    sub(manif, "FRBRformat", {"value": "application/akn+xml"})


def build_meta(md: Metadata, house_style: str) -> AknElement:
    """A complete ``<meta>`` for ``md``, valid against the official schema."""
    src = f"#{md.secretariat_eid}"
    meta = make("meta")
    ident = sub(meta, "identification", {"source": src})
    d = md.date.isoformat()
    work = sub(ident, "FRBRWork")
    sub(work, "FRBRthis", {"value": f"{md.work_uri}/!main"})
    sub(work, "FRBRuri", {"value": md.work_uri})
    if md.number and md.doc_type == "statement":
        sub(work, "FRBRalias", {"value": f"Resolution {md.number}", "name": "short"})
    sub(work, "FRBRdate", {"date": d, "name": md.date_name})
    sub(work, "FRBRauthor", {"href": f"#{md.body_eid}", "as": "#author"})
    sub(work, "FRBRcountry", {"value": md.country})
    sub(work, "FRBRsubtype", {"value": md.subtype})
    if md.number:
        sub(work, "FRBRnumber", {"value": md.number, "showAs": md.number})
    sub(work, "FRBRname", {"value": md.doc_name})
    add_expression(
        ident,
        md.expression_uri,
        date=(md.expression_date or md.date).isoformat(),
        date_name=md.expression_date_name or md.date_name,
        author=(f"#{md.body_eid}", "#author"),
        language=md.language,
        editor=f"#{md.secretariat_eid}",
    )

    life = sub(meta, "lifecycle", {"source": src})
    sub(
        life,
        "eventRef",
        {
            "eId": "evt_1",
            "date": d,
            "source": "#original",
            "type": "generation",
            "refersTo": f"#{md.date_name}",
        },
    )
    events = md.events
    if events:
        flow = sub(meta, "workflow", {"source": src})
        for ev in events:
            attrs = {"date": ev.date.isoformat(), "refersTo": f"#{ev.refers_to}"}
            if ev.by:
                attrs["by"] = f"#{ev.by}"
            if ev.outcome:
                attrs["outcome"] = f"#{ev.outcome}"
            sub(flow, "step", attrs)

    refs = sub(meta, "references", {"source": src})
    sub(refs, "original", {"eId": "original", "href": md.expression_uri, "showAs": "Original"})
    onto = "/akn/ontology"
    sub(
        refs,
        "TLCOrganization",
        {
            "eId": md.body_eid,
            "href": f"{onto}/organization/{md.country}/{md.actor}",
            "showAs": md.body,
        },
    )
    sub(
        refs,
        "TLCOrganization",
        {
            "eId": md.secretariat_eid,
            "href": f"{onto}/organization/{md.country}/{md.actor}.secretariat",
            "showAs": f"{md.body} Secretariat",
        },
    )
    if md.committee and md.committee_eid:
        sub(
            refs,
            "TLCOrganization",
            {
                "eId": md.committee_eid,
                "href": f"{onto}/organization/{md.country}/{md.actor}.{slug(md.committee)}",
                "showAs": md.committee,
            },
        )
    if md.rapporteur:
        sub(
            refs,
            "TLCPerson",
            {
                "eId": "rapporteur-1",
                "href": f"{onto}/person/{md.country}/{slug(md.rapporteur)}",
                "showAs": md.rapporteur,
            },
        )
        sub(
            refs,
            "TLCRole",
            {
                "eId": "rapporteur",
                "href": f"{onto}/role/{md.country}/rapporteur",
                "showAs": "Rapporteur",
            },
        )
    sub(
        refs,
        "TLCRole",
        {"eId": "author", "href": f"{onto}/role/{md.country}/author", "showAs": "Author"},
    )
    sub(
        refs,
        "TLCRole",
        {"eId": "editor", "href": f"{onto}/role/{md.country}/editor", "showAs": "Editor"},
    )
    event_names = {md.date_name} | {e.refers_to for e in events}
    for name in sorted(event_names):
        sub(
            refs,
            "TLCEvent",
            {"eId": name, "href": f"{onto}/event/{md.country}/{name}", "showAs": _words(name)},
        )
    outcomes = sorted({e.outcome for e in events if e.outcome})
    for name in [*outcomes, "preambularPhrase", "operativePhrase"]:
        sub(
            refs,
            "TLCConcept",
            {"eId": name, "href": f"{onto}/concept/{md.country}/{name}", "showAs": _words(name)},
        )
    prop = sub(meta, "proprietary", {"source": src})
    style = etree.SubElement(prop, dq("houseStyle"), nsmap={"d": XPATH_NS["d"]})
    style.set("name", house_style)
    return meta


def _words(camel: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r" \1", camel).capitalize()


def _xp1(meta: etree._Element, path: str) -> str | None:
    found = meta.xpath(path, namespaces=XPATH_NS)
    if isinstance(found, list) and found:
        return str(found[0])
    return None


def read_meta(meta: etree._Element) -> Metadata:
    """The :class:`Metadata` recorded in ``<meta>``.

    Raises:
        NotAkomaNtosoError: the FRBR identification is missing or unreadable.
    """
    uri = _xp1(meta, "a:identification/a:FRBRWork/a:FRBRuri/@value")
    date_s = _xp1(meta, "a:identification/a:FRBRWork/a:FRBRdate/@date")
    if uri is None or date_s is None:
        raise NotAkomaNtosoError(
            "the document has no FRBR work identification",
            hint="re-create it with 'drafting import'",
        )
    parts = uri.strip("/").split("/")
    country = parts[1] if len(parts) > 1 else "xx"
    actor = (
        parts[4]
        if len(parts) > 5
        else (_xp1(meta, "a:identification/a:FRBRWork/a:FRBRauthor/@href") or "#x").lstrip("#")
    )
    try:
        date = dt.date.fromisoformat(date_s[:10])
    except ValueError:
        raise NotAkomaNtosoError(
            f"FRBR date {date_s!r} is not a date", hint="write it as YYYY-MM-DD"
        ) from None
    body_eid = (_xp1(meta, "a:identification/a:FRBRWork/a:FRBRauthor/@href") or "").lstrip("#")
    body = _xp1(meta, f"a:references/a:TLCOrganization[@eId='{body_eid}']/@showAs") or actor
    committee = None
    for org in meta.xpath("a:references/a:TLCOrganization", namespaces=XPATH_NS):
        assert isinstance(org, etree._Element)
        if (org.get("eId") or "").startswith("committee-"):
            committee = org.get("showAs")
    rapporteur = _xp1(meta, "a:references/a:TLCPerson[@eId='rapporteur-1']/@showAs")
    events = []
    for step in meta.xpath("a:workflow/a:step", namespaces=XPATH_NS):
        assert isinstance(step, etree._Element)
        try:
            when = dt.date.fromisoformat((step.get("date") or "")[:10])
        except ValueError:
            continue
        events.append(
            Event(
                date=when,
                refers_to=(step.get("refersTo") or "#event").lstrip("#"),
                by=(step.get("by") or "").lstrip("#") or None,
                outcome=(step.get("outcome") or "").lstrip("#") or None,
            )
        )
    expression_name = _xp1(meta, "a:identification/a:FRBRExpression/a:FRBRdate/@name")
    try:
        expression_date: dt.date | None = dt.date.fromisoformat(
            (_xp1(meta, "a:identification/a:FRBRExpression/a:FRBRdate/@date") or "")[:10]
        )
    except ValueError:
        expression_date = None
    return Metadata(
        number=_xp1(meta, "a:identification/a:FRBRWork/a:FRBRnumber/@value") or "",
        body=body,
        date=date,
        country=country,
        actor=actor,
        date_name=_xp1(meta, "a:identification/a:FRBRWork/a:FRBRdate/@name") or "adoption",
        committee=committee,
        rapporteur=rapporteur,
        language=_xp1(meta, "a:identification/a:FRBRExpression/a:FRBRlanguage/@language") or "eng",
        events=tuple(events),
        expression_date=expression_date if expression_date != date else None,
        expression_date_name=(expression_name or "") if expression_date != date else "",
        doc_type=parts[2] if len(parts) > 2 else "statement",
        doc_name=_xp1(meta, "a:identification/a:FRBRWork/a:FRBRname/@value") or "resolution",
    )


def read_house_style(meta: etree._Element) -> str | None:
    """The house style recorded in ``<proprietary>``; None when the document does not say."""
    return _xp1(meta, "a:proprietary/d:houseStyle/@name")


def set_house_style(meta: AknElement, name: str) -> None:
    """Record ``name`` as the document's house style."""
    found = meta.xpath("a:proprietary/d:houseStyle", namespaces=XPATH_NS)
    if isinstance(found, list) and found:
        el = found[0]
        assert isinstance(el, etree._Element)
        el.set("name", name)
        return
    prop = meta.child("proprietary")
    if prop is None:
        prop = make("proprietary", {"source": "#drafting"})
        meta.insert_ordered(prop)
    style = etree.SubElement(prop, dq("houseStyle"), nsmap={"d": XPATH_NS["d"]})
    style.set("name", name)


def _meta_of(el: etree._Element) -> etree._Element | None:
    root = el.getroottree().getroot()
    for part in root.iter(f"{{{XPATH_NS['a']}}}meta"):
        return part
    return None


def retire_wids(el: etree._Element, wids: list[str]) -> None:
    """Record ``wids`` as used for good, so renumbering never hands them to a new provision.

    A wId names one provision for the life of the document; if a deleted
    paragraph's wId went to the next new paragraph, a diff would pair the two.
    """
    meta = _meta_of(el)
    if meta is None or not wids:
        return
    found = meta.xpath("a:proprietary/d:retiredWids", namespaces=XPATH_NS)
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        holder = found[0]
    else:
        props = meta.xpath("a:proprietary", namespaces=XPATH_NS)
        if not (isinstance(props, list) and props and isinstance(props[0], etree._Element)):
            return
        holder = etree.SubElement(props[0], dq("retiredWids"), nsmap={"d": XPATH_NS["d"]})
    known = (holder.text or "").split()
    holder.text = " ".join(known + [w for w in wids if w not in known])


def retired_wids(meta: etree._Element) -> set[str]:
    """The wIds of provisions deleted from this document."""
    found = meta.xpath("a:proprietary/d:retiredWids/text()", namespaces=XPATH_NS)
    return set(" ".join(str(x) for x in found).split()) if isinstance(found, list) else set()
