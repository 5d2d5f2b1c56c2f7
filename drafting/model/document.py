"""The resolution as a whole: a stateless proxy over an AKN ``<akomaNtoso>`` tree."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.inline import text_of
from drafting.akn.ns import XPATH_NS, local_name, q
from drafting.akn.parser import make, serialize, sub
from drafting.errors import NotAkomaNtosoError, ProvisionNotFoundError
from drafting.model.markup import fill_block, render_markup
from drafting.model.metadata import Metadata, build_meta, read_house_style, read_meta
from drafting.model.provision import (
    PROVISION_TAGS,
    Kind,
    Provision,
    append_provision_element,
)
from drafting.model.structure import BY_DOC_TYPE, HIERARCHY, RESOLUTION, Structure
from drafting.model.styles import NATO_PA, PLAIN, HouseStyle, get_style

_PARAGRAPH, _HCONTAINER = q("paragraph"), q("hcontainer")
#: What stands at the top of a clause-structured body: the hierarchy and what has no
#: number (cross-headings, text, tables, schedules).
_TOP_CLAUSES = (_HCONTAINER, *(q(name) for name in HIERARCHY))


@dataclass(frozen=True)
class Note:
    """A footnote (AKN ``authorialNote``) with its marker, e.g. ``*``."""

    element: AknElement

    @property
    def marker(self) -> str:
        return self.element.get("marker", "")

    @property
    def eid(self) -> str | None:
        return self.element.eid

    @property
    def markup(self) -> str:
        return " ".join(render_markup(p) for p in self.element.children_named("p"))

    @property
    def text(self) -> str:
        return " ".join(text_of(p) for p in self.element.children_named("p"))


def make_note(marker: str, markup: str) -> AknElement:
    """A detached ``<authorialNote>`` with ``marker`` and one paragraph of ``markup``."""
    note = make("authorialNote", {"marker": marker, "placement": "bottom"})
    p = sub(note, "p")
    fill_block(p, markup)
    return note


class Document:
    """A resolution held as AKN 3.0 ``<statement name="resolution">``, or a
    clause-structured text (rules, bylaws, a statute, a bill) as an AKN ``act``,
    ``bill`` or ``doc`` whose body is the AKN hierarchy (:attr:`structure` says which).

    Wraps the lxml tree and nothing else: every property reads the XML, so the
    proxy can never disagree with what is saved.
    """

    __slots__ = ("tree",)

    def __init__(self, tree: etree._ElementTree) -> None:
        root = tree.getroot()
        if local_name(root.tag) != "akomaNtoso" or root.tag != q("akomaNtoso"):
            raise NotAkomaNtosoError(
                f"the root element is <{local_name(root.tag) or root.tag!s}>, not an Akoma Ntoso"
                " <akomaNtoso> in the AKN 3.0 namespace",
                hint="give an AKN 3.0 resolution, or import the Word or text original",
            )
        doc = root[0] if len(root) else None
        if doc is None or local_name(doc.tag) not in BY_DOC_TYPE:
            found = local_name(doc.tag) if doc is not None else "nothing"
            raise NotAkomaNtosoError(
                f"the document is a <{found}>, not a <statement> resolution or an"
                " <act>, <bill> or <doc>",
                hint='drafting handles resolutions (<statement name="resolution">)'
                " and clause-structured texts (<act>, <bill>, <doc>)",
            )
        self.tree = tree

    # -- construction ---------------------------------------------------------
    @classmethod
    def new(
        cls,
        metadata: Metadata,
        style: HouseStyle = NATO_PA,
        title: str | None = "",
        *,
        number_line: bool = True,
        formula: str | None = None,
    ) -> Document:
        """An empty resolution: meta, preface (title, number line), preamble, mainBody.

        ``title`` '' gives the placeholder "Resolution", None no title at all;
        ``number_line`` False leaves out "RESOLUTION 495"; ``formula`` None gives the
        house style's ("The Assembly,"), '' none.  An importer passes what the draft
        shows, so that nothing it lacks is invented.  The parts stay empty until
        provisions are added; an empty ``mainBody`` is not valid AKN.
        """
        root = make("akomaNtoso")
        statement = sub(root, "statement", {"name": "resolution", "contains": "originalVersion"})
        statement.append(build_meta(metadata, style.name))
        if title is not None or number_line:
            preface = sub(statement, "preface")
            if title is not None:
                long_title = sub(preface, "longTitle", {"eId": "preface__longTitle"})
                sub(sub(long_title, "p"), "docTitle", text=title or "Resolution")
            if number_line:
                line = sub(preface, "p", {"eId": "preface__p_1"})
                doc_type = sub(line, "docType", text="RESOLUTION")
                if metadata.number:
                    doc_type.tail = " "
                    sub(line, "docNumber", text=metadata.number)
        words = style.formula if formula is None else formula
        if words:
            preamble = sub(statement, "preamble")
            box = sub(
                preamble, "formula", {"name": "enactingFormula", "eId": "preamble__formula_1"}
            )
            sub(box, "p", text=words)
        sub(statement, "mainBody")
        return cls(root.getroottree())

    @classmethod
    def new_clauses(
        cls, metadata: Metadata, structure: Structure, title: str | None = None
    ) -> Document:
        """An empty clause-structured text of ``structure``: meta, preface with the
        title when there is one, and the body the hierarchy goes in (empty until
        provisions are added, which is not yet valid AKN)."""
        md = metadata.with_changes(doc_type=structure.doc_type, doc_name=structure.doc_name)
        root = make("akomaNtoso")
        top = sub(root, structure.doc_type, {"name": structure.doc_name})
        top.append(build_meta(md, PLAIN.name))
        if title:
            long_title = sub(sub(top, "preface"), "longTitle", {"eId": "preface__longTitle"})
            sub(sub(long_title, "p"), "docTitle", text=title)
        sub(top, structure.body)
        return cls(root.getroottree())

    @property
    def structure(self) -> Structure:
        """The kind of document: a resolution, or a clause-structured act, bill or rules."""
        return BY_DOC_TYPE.get(self.statement.local, RESOLUTION)

    @property
    def clauses(self) -> AknElement | None:
        """The element holding a clause-structured text's hierarchy (``body`` or
        ``mainBody``); None for a resolution."""
        structure = self.structure
        return self._part(structure.body) if structure.hierarchical else None

    def copy(self) -> Document:
        """A deep copy, independent of this document."""
        return Document(copy.deepcopy(self.tree))

    def to_bytes(self) -> bytes:
        """The document as UTF-8 AKN XML."""
        return serialize(self.tree)

    # -- parts ----------------------------------------------------------------
    @property
    def statement(self) -> AknElement:
        el = self.tree.getroot()[0]
        assert isinstance(el, AknElement)
        return el

    def _part(self, name: str) -> AknElement | None:
        return self.statement.child(name)

    def _ensure_part(self, name: str) -> AknElement:
        part = self._part(name)
        if part is None:
            part = make(name)
            self.statement.insert_ordered(part)
        return part

    @property
    def meta(self) -> AknElement:
        meta = self._part("meta")
        if meta is None:
            raise NotAkomaNtosoError("the document has no <meta>", hint="re-import it")
        return meta

    @property
    def metadata(self) -> Metadata:
        """FRBR identity, dates, assembly, committee and rapporteur."""
        return read_meta(self.meta)

    def set_metadata(self, metadata: Metadata) -> None:
        """Replace the metadata (house style record kept)."""
        style = self.house_style.name
        self.statement.replace(self.meta, build_meta(metadata, style))

    @property
    def house_style(self) -> HouseStyle:
        """The house style recorded in the document; NATO PA when it records none."""
        name = read_house_style(self.meta)
        return get_style(name) if name else NATO_PA

    @property
    def title(self) -> str:
        """The long title (``docTitle``); '' when the document has none."""
        found = self.statement.xpath("a:preface/a:longTitle//a:docTitle", namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return text_of(found[0]).strip()
        return ""

    @property
    def number_line(self) -> AknElement | None:
        """The preface paragraph holding ``docType`` and ``docNumber``; None if absent."""
        found = self.statement.xpath("a:preface/a:p[a:docType or a:docNumber]", namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], AknElement):
            return found[0]
        return None

    @property
    def number(self) -> str:
        """The resolution's number as printed (``docNumber``); '' when it has none."""
        found = self.statement.xpath("a:preface//a:docNumber", namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return text_of(found[0]).strip()
        return ""

    @property
    def conclusions(self) -> list[AknElement]:
        """The ``<p>`` blocks of the closing words after the operative part (may be empty)."""
        part = self._part("conclusions")
        return part.children_named("p") if part is not None else []

    def add_conclusion(self, markup: str) -> AknElement:
        """Append a paragraph of closing words (AKN ``conclusions``)."""
        block = sub(self._ensure_part("conclusions"), "p")
        fill_block(block, markup)
        return block

    @property
    def formula(self) -> str:
        """The opening formula, e.g. ``"The Assembly,"``; '' when absent."""
        found = self.statement.xpath("a:preamble/a:formula", namespaces=XPATH_NS)
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return " ".join(text_of(p) for p in found[0] if local_name(p.tag) == "p").strip()
        return ""

    @property
    def notes(self) -> list[Note]:
        """Every footnote in reading order."""
        return [
            Note(n) for n in self.statement.iter(q("authorialNote")) if isinstance(n, AknElement)
        ]

    def add_title_note(self, marker: str, markup: str) -> Note:
        """Attach a footnote to the number line ("RESOLUTION 495*")."""
        line = self.number_line
        if line is None:
            raise ValueError("the document has no number line to attach a note to")
        note = make_note(marker, markup)
        line.append(note)
        return Note(note)

    # -- provisions -------------------------------------------------------------
    def _container(self, kind: Kind, create: bool) -> AknElement | None:
        if kind in ("paragraph", "hcontainer"):
            return self._ensure_part("mainBody") if create else self._part("mainBody")
        preamble = self._ensure_part("preamble") if create else self._part("preamble")
        if preamble is None:
            return None
        name = "citations" if kind == "citation" else "recitals"
        box = preamble.child(name)
        if box is None and create:
            box = make(name)
            if name == "citations":
                recitals = preamble.child("recitals")
                if recitals is not None:
                    recitals.addprevious(box)
                else:
                    preamble.append(box)
            else:
                preamble.append(box)
        return box

    def _top(self, kind: Kind) -> list[Provision]:
        box = self._container(kind, create=False)
        if box is None:
            return []
        return [Provision(c) for c in box.children_named(kind)]

    @property
    def body(self) -> list[Provision]:
        """The operative part in reading order: the operative paragraphs, and the
        unnumbered content (``hcontainer``) that stands among them."""
        structure = self.structure
        box = self._part(structure.body)
        if box is None:
            return []
        if structure.hierarchical:
            return [Provision(c) for c in box.iterchildren(*_TOP_CLAUSES)]
        return [Provision(c) for c in box.iterchildren(_PARAGRAPH, _HCONTAINER)]

    @property
    def citations(self) -> list[Provision]:
        """The citations ("having regard to ..."), in order."""
        return self._top("citation")

    @property
    def recitals(self) -> list[Provision]:
        """The preambular paragraphs, in order."""
        return self._top("recital")

    @property
    def paragraphs(self) -> list[Provision]:
        """The operative paragraphs, in order."""
        return self._top("paragraph")

    @property
    def top_level(self) -> list[Provision]:
        """Citations, preambular and operative paragraphs and the unnumbered content
        among them, in reading order."""
        return self.citations + self.recitals + self.body

    def provisions(self) -> Iterator[Provision]:
        """Every provision, sub-paragraphs included, in reading order."""
        for top in self.top_level:
            yield from top.walk()

    def add(
        self,
        kind: Kind,
        markup: str,
        *,
        num: str | None = None,
        phrase_tag: str | None = None,
        numbered: bool = True,
    ) -> Provision:
        """Append a new top-level provision (``citation``, ``recital``, ``paragraph``, or
        ``hcontainer``: unnumbered content in the operative part).

        ``num`` is the label it shows, kept as given; without one, a ``numbered``
        provision is numbered by :meth:`renumber`, and an unnumbered one stays so.
        Its eId is given by :meth:`renumber` or :meth:`assign_ids`.  ``phrase_tag``
        (``b`` or ``i``) defaults to the house style's; importers adding a thousand
        provisions pass it rather than have the metadata read for each.
        """
        if kind == "point":
            raise ValueError("add sub-paragraphs with Provision.add_point")
        box = self._container(kind, create=True)
        assert box is not None
        if phrase_tag is None:
            phrase_tag = self.house_style.phrase_emphasis
        return Provision(
            append_provision_element(
                box, kind, markup, phrase_tag=phrase_tag, num=num, numbered=numbered
            )
        )

    def get(self, eid: str) -> Provision:
        """The provision whose eId is ``eid``.

        Raises:
            ProvisionNotFoundError: no provision has that eId.
        """
        for el in self.statement.iter():
            if isinstance(el, AknElement) and el.get("eId") == eid and el.local in PROVISION_TAGS:
                return Provision(el)
        raise ProvisionNotFoundError(f"no provision has eId {eid!r}", eid=eid)

    def by_wid(self, wid: str) -> Provision | None:
        """The provision whose wId is ``wid``; None when there is none."""
        for el in self.statement.iter():
            if isinstance(el, AknElement) and el.get("wId") == wid and el.local in PROVISION_TAGS:
                return Provision(el)
        return None

    def find(self, ref: str) -> Provision:
        """The provision a secretary calls ``ref``: ``"13"``, ``"13(b)"``, ``"13 b ii"``, ``"B"``.

        Raises:
            ProvisionNotFoundError: nothing has that number; the message says what exists.
        """
        parts = re.findall(r"[0-9]+|[A-Za-z]+", ref)
        if not parts:
            raise ProvisionNotFoundError(
                f"{ref!r} is not a paragraph number", hint="write it as 13 or 13(b)"
            )
        candidates = [p for p in self.top_level if p.number is not None]
        current: Provision | None = None
        for depth, part in enumerate(parts):
            pool = candidates if current is None else current.children
            exact = [p for p in pool if p.number == part]
            match = exact or [p for p in pool if (p.number or "").lower() == part.lower()]
            if len(match) != 1:
                labels = [p.number for p in pool if p.number]
                shown = parts[0] + "".join(f"({x})" for x in parts[1 : depth + 1])
                if current is None:
                    what = "paragraph"
                    have = (
                        f"the draft has paragraphs {_span(labels)}"
                        if labels
                        else "the draft has no numbered paragraphs"
                    )
                else:
                    what = "sub-paragraph"
                    have = (
                        f"paragraph {current.ref} has sub-paragraphs {_span(labels)}"
                        if labels
                        else f"paragraph {current.ref} has no sub-paragraphs"
                    )
                problem = "is ambiguous" if len(match) > 1 else "does not exist"
                raise ProvisionNotFoundError(
                    f"{what} {shown} {problem}; {have}",
                    hint="check the number against the draft as tabled",
                )
            current = match[0]
        assert current is not None
        return current

    def preambular(self, n: int) -> Provision:
        """The ``n``-th preambular paragraph (1-based), numbered or not.

        Raises:
            ProvisionNotFoundError: there are fewer.
        """
        recs = self.recitals
        if not 1 <= n <= len(recs):
            raise ProvisionNotFoundError(
                f"preambular paragraph {n} does not exist; the draft has {len(recs)}"
            )
        return recs[n - 1]

    def citation(self, n: int) -> Provision:
        """The ``n``-th citation (1-based).

        Raises:
            ProvisionNotFoundError: there are fewer.
        """
        cits = self.citations
        if not 1 <= n <= len(cits):
            raise ProvisionNotFoundError(f"citation {n} does not exist; the draft has {len(cits)}")
        return cits[n - 1]

    def renumber(self, *, starts: Mapping[str, int] | None = None) -> dict[str, str]:
        """Recompute the labels of numbered provisions from the house style, then their
        ``eId``; wIds stay.  Unnumbered provisions stay unnumbered.

        ``starts`` gives the first number of the preambular (``"recital"``) and
        operative (``"paragraph"``) sequences when they do not start at 1 (an excerpt
        of a longer text); :func:`drafting.model.numbering.first_numbers` reads them
        off a document.  Returns the references that changed, old to new
        (``{"11": "10"}``), so that cross-references in the text can follow.
        """
        if self.structure.hierarchical:
            from drafting.model.clause_ids import renumber_clauses

            return renumber_clauses(self)
        from drafting.model.numbering import renumber

        return renumber(self, starts=starts)

    def assign_ids(self) -> list[str]:
        """Give every provision the ``eId`` its displayed number calls for, and a wId.

        Labels are left exactly as they stand, even out of sequence or repeated: an
        import keeps the numbers its source shows (a repeated number's eId gets a
        ``-2`` suffix, so that every eId stays unique).  Returns each label that
        :meth:`renumber` would change, in reading order
        (``'paragraph 8. (7. in the house style)'``).
        """
        if self.structure.hierarchical:
            from drafting.model.clause_ids import assign_clause_ids

            return assign_clause_ids(self)
        from drafting.model.numbering import assign_ids

        return assign_ids(self)


def _span(labels: Sequence[str | None]) -> str:
    clean = [x for x in labels if x]
    if not clean:
        return "none"
    if len(clean) == 1:
        return clean[0]
    return f"{clean[0]} to {clean[-1]}"
