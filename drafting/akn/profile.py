"""The drafting profile, checked in one pass over the tree.

``schemas/resolution-profile.sch`` (ISO Schematron, written by ``tools/make_profile.py``)
is the published statement of the profile.  Running it through ``lxml.isoschematron``
costs an XSLT transform of the whole tree and an SVRL report on every validation,
0.11 s at 1,000 paragraphs, and every load, import and amendment validates.  This
module states the same rules in Python and visits each provision once, reporting the
same problems, in the same order, in the same words: for each pattern of the phase in
turn, the failures in document order.  ``tests/test_profile_checker.py`` holds it to
that, with the Schematron (``drafting.akn.schema.schematron_problems``) as the oracle;
a rule changed in the generator must be changed here too.

The rules follow the schema's XPath 1.0 to its corners: ``normalize-space`` strips only
XML white space; labels are compared with ``.()[] `` removed; each label is checked
against its nearest preceding sibling's; the letter and Roman tables stop at
:data:`TABLE_SIZE` and the check falls silent beyond them.  A number that is not a short
run of ASCII digits (NaN, a huge label) is formatted by libxml2's own XPath, so it reads
exactly as the schema prints it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

from lxml import etree

from drafting.akn.ns import XPATH_NS, q
from drafting.labels import to_alpha, to_letters, to_roman

#: Entries in each label table, as in the schema's ``sch:let`` tables.
TABLE_SIZE: Final = 100


def label_table(label: Callable[[int], str]) -> str:
    """The ``|1:a|2:b|...|`` string the schema searches for the label after another."""
    return "|" + "|".join(f"{i}:{label(i)}" for i in range(1, TABLE_SIZE + 1)) + "|"


#: The schema's ``$alpha``, ``$ALPHA`` and ``$roman``.
TABLES: Final = {
    "alpha": label_table(to_alpha),
    "ALPHA": label_table(to_letters),
    "roman": label_table(to_roman),
}
#: The schema's ``$strip``: punctuation dropped from a label before comparing it.
STRIP: Final = ".()[] "

#: Patterns of each phase (house style), in the order the Schematron runs them.
PATTERNS: Final = (
    "common",
    "eids",
    "nato-pa-numbering",
    "un-ga-numbering",
    "ep-numbering",
    "pace-numbering",
    "lead-phrases",
)
PHASES: Final[dict[str, tuple[str, ...]]] = {
    "nato-pa": ("common", "eids", "nato-pa-numbering", "lead-phrases"),
    "un-ga": ("common", "eids", "un-ga-numbering", "lead-phrases"),
    "ep": ("common", "eids", "ep-numbering"),
    "pace": ("common", "eids", "pace-numbering"),
    "plain": ("common", "eids"),
    "#ALL": PATTERNS,
}

AKOMA_NTOSO, STATEMENT, PREAMBLE = q("akomaNtoso"), q("statement"), q("preamble")
MAIN_BODY, RECITALS, CITATIONS = q("mainBody"), q("recitals"), q("citations")
RECITAL, CITATION, PARAGRAPH, POINT = q("recital"), q("citation"), q("paragraph"), q("point")
NUM, P, CONTENT, LIST, INTRO = q("num"), q("p"), q("content"), q("list"), q("intro")
INLINE, BOLD, ITALIC = q("inline"), q("b"), q("i")

#: The elements the pass visits: every rule's context, and the ancestors between them,
#: so that each visited element's count of ``a:point`` ancestors is its parent's.
_VISITED: Final = (
    AKOMA_NTOSO,
    STATEMENT,
    PREAMBLE,
    MAIN_BODY,
    RECITALS,
    CITATIONS,
    RECITAL,
    CITATION,
    PARAGRAPH,
    POINT,
    LIST,
)

_STRIP_TABLE: Final = str.maketrans("", "", STRIP)
#: Labels already stripped of ``$strip``; bounded, as a long-lived process checks many files.
_BARES: dict[str, str] = {}
_BARES_MAX: Final = 65536
_XML_WS: Final = " \t\r\n"
_WS_RUN: Final = re.compile(r"[ \t\r\n]+")
# string(number(...)) in libxml2's words, for the numbers the fast paths do not cover.
_XP_SUCC: Final = etree.XPath("string(number(concat('0', $s)) + 1)")
_XP_NUMBER: Final = etree.XPath("string(number(substring($s, 1, 9)) + 0)")
# The schema's AFTER_RECITALS for a paragraph with no preceding sibling paragraph.
_XP_AFTER_RECITALS: Final = etree.XPath(
    "string(number(concat('0', translate(normalize-space(ancestor::a:statement/a:preamble"
    "/a:recitals/a:recital[last()]/a:num), $strip, ''))) + 1)",
    namespaces=XPATH_NS,
)

Found = list[tuple[etree._Element, str]]
Handler = Callable[[etree._Element, "etree._Element | None", object, int], None]


_HCONTAINER: Final = q("hcontainer")
_PROVISIONS: Final = (CITATION, RECITAL, PARAGRAPH, POINT, _HCONTAINER)
_NO_EID: Final = etree.XPath(
    "boolean(//*[(self::a:citation or self::a:recital or self::a:paragraph or self::a:point"
    " or self::a:hcontainer) and not(@eId)])",
    namespaces=XPATH_NS,
)
_EIDS: Final = etree.XPath("//@eId")


def integrity(tree: etree._ElementTree) -> Found:
    """What every stage relies on, checked on every load and save: each provision has an
    eId, and no two elements share one.

    House-style rules (numbering in sequence, lead phrases, a resolution's parts) are
    the phases' business (:func:`check`), reported by ``drafting validate``: a draft
    with such faults still loads, amends and diffs, exactly as it stands.
    """
    found: Found = []
    # The common case, a sound document, in two XPath calls at C speed; elements are
    # looked for, one by one, only when there is something to report.
    if not _NO_EID(tree):
        ids = _EIDS(tree)
        if isinstance(ids, list) and len(set(ids)) == len(ids):
            return found
    seen: set[str] = set()
    for el in tree.iter(*_PROVISIONS):
        if el.get("eId") is None:
            found.append(
                (el, f"a {_name(el)} has no eId; renumber the document or import it again")
            )
    for el in tree.iter():
        eid = el.get("eId") if isinstance(el.tag, str) else None
        if eid is None:
            continue
        if eid in seen:
            found.append((el, f"the eId {eid} is given twice; renumber the document"))
        seen.add(eid)
    return found


def check(tree: etree._ElementTree, phase: str) -> Found:
    """Each profile failure of ``tree`` under ``phase``: the element and the message.

    In the Schematron's order: pattern by pattern, each in document order.  An unknown
    phase checks nothing, as the Schematron does.
    """
    if phase not in PHASES:
        return []
    run = _Pass(PHASES[phase])
    run.visit(tree)
    # The Schematron's report is read with its white space collapsed (a missing num
    # leaves two spaces in "the recital  has no text"): so is this one.
    return [
        (el, " ".join(message.split()))
        for pattern in PHASES[phase]
        for el, message in run.found[pattern]
    ]


class _Provision:
    """A citation, recital, paragraph or point: the children the rules read, read once.

    Every element touched from Python costs lxml a proxy object, which is most of the
    cost of a check, so each provision's children are walked once, here, and the
    block its lead phrase opens is examined once, for both rules that read it.
    """

    __slots__ = ("_lead", "bare", "blocks", "containers", "eid", "el", "num", "numbered", "tag")

    def __init__(self, el: etree._Element, tag: str) -> None:
        self.el = el
        self.tag = tag
        self.eid = el.get("eId")
        #: ``boolean(a:num)``; ``normalize-space(a:num)``; that without ``$strip``.
        numbered, num = False, ""
        #: The ``a:p`` children; the ``a:content`` and ``a:list`` children, in order,
        #: each with its tag (reading a tag makes lxml build a string).
        blocks: list[etree._Element] = []
        containers: list[tuple[object, etree._Element]] = []
        # The usual shape, num then one block, is read by index, without an iterator;
        # into locals, not attributes: this runs for every provision.
        for child in (el[0], el[1]) if len(el) == 2 else el:
            kind = child.tag
            if kind == NUM:
                if not numbered:
                    numbered = True
                    num = _normalize(_string(child) if len(child) else child.text or "")
            elif kind == P:
                blocks.append(child)
            elif kind in (CONTENT, LIST):
                containers.append((kind, child))
        self.numbered, self.num, self.blocks, self.containers = numbered, num, blocks, containers
        bare = _BARES.get(num)
        if bare is None:  # labels repeat ("a.", "b."): each is stripped once
            bare = num.translate(_STRIP_TABLE)
            if len(_BARES) < _BARES_MAX:
                _BARES[num] = bare
        self.bare = bare
        self._lead: tuple[bool, etree._Element | None] | None = None

    @property
    def lead(self) -> tuple[bool, etree._Element | None]:
        """The block a lead phrase opens: whether it has text, and its ``a:b`` or ``a:i``.

        That block is a recital's ``a:p[1]``, another provision's
        ``(a:content/a:p | a:list/a:intro/a:p)[1]``; the element is its first node with
        text (``node()[normalize-space(.) != ''][1]``) when that is an ``a:b`` or ``a:i``.
        """
        if self._lead is None:
            block = _first(self.blocks) if self.tag == RECITAL else _first_block(self)
            self._lead = (False, None) if block is None else _opening(block)
        return self._lead

    def has_text(self) -> bool:
        """``(a:p | a:content/a:p | a:list/a:intro/a:p)[normalize-space(.) != '']``
        ``or a:list/a:point``."""
        # The lead-phrase block is one of those blocks, usually with text: try it first.
        if self.lead[0] or (self.blocks and any(_filled(p) for p in self.blocks)):
            return True
        for tag, container in self.containers:
            if tag == CONTENT:
                if any(p.tag == P and _filled(p) for p in container):
                    return True
            elif _has_point(container) or any(
                p.tag == P and _filled(p) for intro in container.iterchildren(INTRO) for p in intro
            ):
                return True
        return False


class _Pass:
    """One walk over the tree in document order, each pattern's failures in a list.

    The pass visits only the elements in ``_VISITED``; parents and preceding siblings
    are found among the elements it has already visited rather than looked up.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.found: dict[str, Found] = {name: [] for name in patterns}
        # Each pattern's list, None when the phase does not run it.
        self.common = self.found.get("common")
        self.eids = self.found.get("eids")
        self.nato = self.found.get("nato-pa-numbering")
        self.un = self.found.get("un-ga-numbering")
        self.ep = self.found.get("ep-numbering")
        self.pace = self.found.get("pace-numbering")
        self.lead = self.found.get("lead-phrases")
        #: ``count(ancestor-or-self::a:point)`` and the tag of each element visited
        #: (which also keeps their proxies alive, so that a parent costs no new one).
        self.seen: dict[etree._Element, tuple[int, object]] = {}
        #: (parent, tag) -> (bare number, eId, label) of the latest such sibling visited.
        self.last: dict[tuple[etree._Element | None, str], tuple[str, str, str]] = {}

    def visit(self, tree: etree._ElementTree) -> None:
        handlers: dict[object, Handler] = {
            AKOMA_NTOSO: self.akoma_ntoso,
            STATEMENT: self.statement,
            RECITALS: self.recitals,
            CITATIONS: self.citations,
            RECITAL: self.recital,
            CITATION: self.citation,
            PARAGRAPH: self.paragraph,
            POINT: self.point,
            LIST: self.list,
        }
        seen = self.seen
        for el in tree.iter(*_VISITED):
            tag = el.tag
            parent = el.getparent()
            if parent is None:
                above, parent_tag = 0, None
            elif (known := seen.get(parent)) is not None:
                above, parent_tag = known
            else:  # a parent the pass does not visit
                above, parent_tag = sum(1 for _ in el.iterancestors(POINT)), parent.tag
            seen[el] = (above + (tag == POINT), tag)
            handler = handlers.get(tag)
            if handler is not None:
                handler(el, parent, parent_tag, above)

    def previous(
        self, parent: etree._Element | None, node: _Provision
    ) -> tuple[str, str, str] | None:
        """(bare number, eId, label) of ``preceding-sibling::TAG[1]``; None when there is
        none."""
        # Document order visits every earlier sibling first: the latest one seen with
        # this parent and tag is the nearest preceding one.
        key = (parent, node.tag)
        found = self.last.get(key)
        self.last[key] = (node.bare, node.eid or "", node.num)
        return found

    # -- one method per context; a rule runs when the phase has its pattern's list -----

    def akoma_ntoso(
        self, el: etree._Element, parent: object, parent_tag: object, above: int
    ) -> None:
        if self.common is not None and not any(
            s.get("name") == "resolution" for s in el.iterchildren(STATEMENT)
        ):
            message = 'the document is not a resolution: expected statement name="resolution"'
            self.common.append((el, message))

    def statement(self, el: etree._Element, parent: object, parent_tag: object, above: int) -> None:
        if self.common is not None and not any(
            next(body.iterchildren(PARAGRAPH), None) is not None
            for body in el.iterchildren(MAIN_BODY)
        ):
            self.common.append((el, "the resolution has no operative paragraph"))

    def recitals(self, el: etree._Element, parent: object, parent_tag: object, above: int) -> None:
        what = "the recitals' eId does not follow the naming convention"
        _eid_is(self.eids, el, el.get("eId"), "preamble__recs_1", what)

    def citations(self, el: etree._Element, parent: object, parent_tag: object, above: int) -> None:
        what = "the citations' eId does not follow the naming convention"
        _eid_is(self.eids, el, el.get("eId"), "preamble__citations_1", what)

    def provision(self, node: _Provision) -> None:
        """Pattern common: every provision has an eId and text."""
        if self.common is None:
            return
        if node.eid is None:
            what = f"a {_name(node.el)} has no eId; renumber the document or import it again"
            self.common.append((node.el, what))
        if not node.has_text():
            # The schema puts the space before the label inside its value-of: XSLT drops
            # a blank text node between <sch:name/> and <sch:value-of/>.
            self.common.append((node.el, f"the {_name(node.el)} {node.num} has no text"))

    def recital(
        self, el: etree._Element, parent: etree._Element | None, parent_tag: object, above: int
    ) -> None:
        node = _Provision(el, RECITAL)
        prev, prev_eid, _ = self.previous(parent, node) or _NO_SIBLING
        self.provision(node)
        if self.eids is not None:
            if node.numbered:
                want = f"{_eid_of(parent)}__rec_{node.bare}"
                _eid_is(self.eids, el, node.eid, want, "eId does not follow the number")
            else:
                want = f"{_eid_of(parent)}__rec_{_succ(el, _after(prev_eid, '__rec_'))}"
                _eid_is(self.eids, el, node.eid, want, "eId does not follow the position")
        if self.nato is not None:
            _decimal(self.nato, node, prev, "1", "preambular paragraph")
        if self.un is not None and node.numbered:
            what = "preambular paragraphs are not numbered in the UN General Assembly style"
            self.un.append((el, what))
        if self.ep is not None:
            _sequence(self.ep, node, prev, TABLES["ALPHA"], "{}.", "recital")
        if self.pace is not None and node.numbered:
            what = "preambular paragraphs are not numbered in the PACE style"
            self.pace.append((el, what))
        if self.lead is not None and not _opens_with(node, "preambularPhrase"):
            what = (
                f"preambular paragraph {node.num} does not open with a lead phrase"
                ' (such as "Recognising", set in bold or italic)'
            )
            self.lead.append((el, what))

    def citation(
        self, el: etree._Element, parent: etree._Element | None, parent_tag: object, above: int
    ) -> None:
        node = _Provision(el, CITATION)
        _, prev_eid, _ = self.previous(parent, node) or _NO_SIBLING
        self.provision(node)
        if self.eids is not None:
            want = f"{_eid_of(parent)}__citation_{_succ(el, _after(prev_eid, '__citation_'))}"
            _eid_is(self.eids, el, node.eid, want, "eId does not follow the position")
        if self.ep is not None and node.numbered:
            what = "citations are not numbered in the European Parliament style"
            self.ep.append((el, what))

    def paragraph(
        self, el: etree._Element, parent: etree._Element | None, parent_tag: object, above: int
    ) -> None:
        node = _Provision(el, PARAGRAPH)
        sibling = self.previous(parent, node)
        prev = "" if sibling is None else sibling[0]
        self.provision(node)
        if parent_tag != MAIN_BODY:
            return  # the other rules read a:mainBody/a:paragraph
        if self.eids is not None:
            want = f"para_{node.bare}"
            _eid_is(self.eids, el, node.eid, want, "eId does not follow the number")
        if self.nato is not None:
            # AFTER_RECITALS; its ancestor::a:statement[...] is empty after a sibling.
            first = "1"
            if sibling is None:
                first = str(_XP_AFTER_RECITALS(el, strip=STRIP))
            what = "operative paragraph (one sequence across preambular and operative paragraphs)"
            _decimal(self.nato, node, prev, first, what)
        if self.un is not None:
            _decimal(self.un, node, prev, "1", "operative paragraph")
        if self.ep is not None:
            _decimal(self.ep, node, prev, "1", "paragraph")
        if self.pace is not None:
            _decimal(self.pace, node, prev, "1", "paragraph")
        if self.lead is not None and not _opens_with(node, "operativePhrase"):
            what = (
                f'operative paragraph {node.num} does not open with a lead phrase (such as "URGES")'
            )
            self.lead.append((el, what))

    def point(
        self, el: etree._Element, parent: etree._Element | None, parent_tag: object, above: int
    ) -> None:
        node = _Provision(el, POINT)
        prev, _, prev_label = self.previous(parent, node) or _NO_SIBLING
        self.provision(node)
        if self.eids is not None:
            want = f"{_eid_of(parent)}__point_{node.bare}"
            _eid_is(self.eids, el, node.eid, want, "eId does not follow the number")
        if above > 1:
            return  # numbering reads only a:point[not(ancestor::a:point)] and one level down
        table = TABLES["roman" if above else "alpha"]
        if self.nato is not None:
            what = ("sub-paragraph", "sub-sub-paragraph")[above]
            _sequence(self.nato, node, prev, table, "{}.", what)
        if self.un is not None:
            what = ("sub-paragraph", "sub-sub-paragraph")[above]
            _sequence(self.un, node, prev, table, "({})", what)
        if self.ep is not None:
            _sequence(self.ep, node, prev, table, "({})", ("point", "sub-point")[above])
        if self.pace is not None and not above:
            _decimal_of_parent(self.pace, node, prev_label, "sub-paragraph")

    def list(
        self, el: etree._Element, parent: etree._Element | None, parent_tag: object, above: int
    ) -> None:
        if parent_tag not in (PARAGRAPH, POINT):
            return  # the rules read a:list[parent::a:paragraph or parent::a:point]
        if self.common is not None and not _has_point(el):
            self.common.append((el, "a list of sub-paragraphs is empty"))
        want = f"{_eid_of(parent)}__list_1"
        what = "the list's eId does not follow the naming convention"
        _eid_is(self.eids, el, el.get("eId"), want, what)


_NO_SIBLING: Final = ("", "", "")


# -- the rules' shared forms ----------------------------------------------------------


def _eid_is(found: Found | None, el: etree._Element, eid: str | None, want: str, what: str) -> None:
    """Pattern eids: ``@eId = $want``."""
    if found is not None and eid != want:
        found.append((el, f"{what}: expected {want}, found '{eid or ''}'"))


def _numbered(found: Found, node: _Provision, want: str, what: str) -> None:
    if node.num != want:
        found.append((node.el, f"{what} is numbered '{node.num}', expected '{want}'"))


def _decimal(found: Found, node: _Provision, prev: str, first: str, what: str) -> None:
    """The schema's ``decimal_rule``: one more than the previous sibling, else ``first``."""
    want = _succ(node.el, prev) if prev else _number(node.el, first)
    _numbered(found, node, f"{want}.", what)


def _decimal_of_parent(found: Found, node: _Provision, prev: str, what: str) -> None:
    """The schema's ``parent_rule``: the paragraph's number, a dot, the count (15.2)."""
    paragraph = next(node.el.iterancestors(PARAGRAPH), None)
    parent = ""
    if paragraph is not None:
        num = next(paragraph.iterchildren(NUM), None)
        if num is not None:
            parent = _normalize(_string(num)).translate(_STRIP_TABLE)
    after = _after(prev, f"{parent}.")
    _numbered(found, node, f"{parent}.{_succ(node.el, after)}", what)


def _sequence(found: Found, node: _Provision, prev: str, table: str, form: str, what: str) -> None:
    """The schema's ``seq_rule``: the table's label after the previous sibling's."""
    label = _next_label(table, prev)
    if label:
        _numbered(found, node, form.format(label), what)


@functools.lru_cache(maxsize=4096)
def _next_label(table: str, prev: str) -> str:
    """The label after ``prev`` in ``table``, found by the schema's string search.

    '' when the schema falls silent: ``prev`` is not in the table or is its last entry.
    """
    following = _before(_after(table, f":{prev}|"), ":") + ("1" if prev == "" else "")
    if not _digits(following):
        return ""  # number('') is NaN
    return _before(_after(table, f"|{int(following)}:"), "|")


def _opens_with(node: _Provision, phrase: str) -> bool:
    """Pattern lead-phrases: ``BLOCK/node()[normalize-space(.) != ''][1]``
    ``[self::a:b or self::a:i][a:inline[@name=PHRASE]]``."""
    first = node.lead[1]
    if first is None:
        return False
    if len(first) and (inline := first[0]).tag == INLINE and inline.get("name") == phrase:
        return True
    return any(c.tag == INLINE and c.get("name") == phrase for c in first)


def _has_point(el: etree._Element) -> bool:
    """``boolean(a:point)``."""
    # The usual list: intro, then points.
    if len(el) > 1 and el[1].tag == POINT:
        return True
    return next(el.iterchildren(POINT), None) is not None


def _first_block(node: _Provision) -> etree._Element | None:
    """``(a:content/a:p | a:list/a:intro/a:p)[1]``."""
    for tag, container in node.containers:
        if tag == CONTENT:
            p = _first_child(container, P)
            if p is not None:
                return p
        else:
            # The usual list opens with its intro: look there before asking lxml for
            # every intro (setting up that search costs more than the rest).
            if len(container) and (intro := container[0]).tag == INTRO:
                p = _first_child(intro, P)
                if p is not None:
                    return p
            for intro in container.iterchildren(INTRO):
                p = _first_child(intro, P)
                if p is not None:
                    return p
    return None


def _opening(p: etree._Element) -> tuple[bool, etree._Element | None]:
    """Whether ``p`` has text, and its first node with text if that is an a:b or a:i."""
    if not _blank(p.text):
        return True, None
    for i in range(len(p)):  # indexing, not an iterator: usually only p[0] is read
        child = p[i]
        tag = child.tag
        if isinstance(tag, str):
            if _filled(child):
                return True, child if tag in (BOLD, ITALIC) else None
        elif not _blank(child.text):
            # A comment or PI with content comes first: a node() with a string value,
            # so no lead phrase; but not text of p, which may still have none.
            return _filled(p), None
        if not _blank(child.tail):
            return True, None
    return False, None


def _first(items: list[etree._Element]) -> etree._Element | None:
    return items[0] if items else None


def _first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """``TAG[1]``: the first child called ``tag``."""
    if len(el) and (child := el[0]).tag == tag:  # the usual case, without an iterator
        return child
    return next(el.iterchildren(tag), None)


def _eid_of(el: etree._Element | None) -> str:
    """``string(@eId)`` of ``el``; '' for no element (``..`` of the root)."""
    return "" if el is None else el.get("eId") or ""


def _name(el: etree._Element) -> str:
    """XPath ``name(.)``: the tag as written, prefix included."""
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


# -- XPath 1.0, as the schema uses it -------------------------------------------------


def _normalize(s: str) -> str:
    """XPath ``normalize-space``: only space, tab, CR and LF are white space."""
    if s.isprintable() and " " not in s:  # a label such as "13.": nothing to do
        return s
    return _WS_RUN.sub(" ", s).strip(_XML_WS)


def _blank(s: str | None) -> bool:
    """``normalize-space(s) = ''``."""
    return not s or not s.strip(_XML_WS)


def _string(el: etree._Element) -> str:
    """XPath ``string(el)``: the text of every descendant, no comments or PIs."""
    if len(el) == 0:
        return el.text or ""
    # The text serialisation walks the subtree in C, making no proxy per descendant.
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def _filled(el: etree._Element) -> bool:
    """``normalize-space(el) != ''``."""
    if not _blank(el.text):
        return True
    if not len(el):
        return False
    # A lead phrase is <b><inline>Recalling</inline></b>: its inline's text settles it
    # without serialising the subtree.  (A comment's or PI's text is not the element's.)
    first = el[0]
    if isinstance(first.tag, str) and not _blank(first.text):
        return True
    return not _blank(_string(el))


def _after(s: str, sep: str) -> str:
    """XPath ``substring-after``."""
    i = s.find(sep)
    return s[i + len(sep) :] if i >= 0 else ""


def _before(s: str, sep: str) -> str:
    """XPath ``substring-before``."""
    i = s.find(sep)
    return s[:i] if i >= 0 else ""


def _digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def _succ(el: etree._Element, s: str) -> str:
    """``string(number(concat('0', s)) + 1)``."""
    if len(s) < 10 and (not s or _digits(s)):
        return str(int("0" + s) + 1)
    return str(_XP_SUCC(el, s=s))


def _number(el: etree._Element, s: str) -> str:
    """``string(number(substring(s, 1, 9)) + 0)``."""
    head = s[:9]
    if head and _digits(head):
        return str(int(head))
    return str(_XP_NUMBER(el, s=s))
