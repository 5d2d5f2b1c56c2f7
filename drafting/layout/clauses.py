"""A clause-structured draft's paragraphs onto the AKN hierarchy, in the draft's order.

Rules of procedure, bylaws, constitutions and bills arrive as paragraphs whose labels
(:mod:`drafting.layout.clause_labels`) and styles say where each stands: "PART 1"
opens a group, "Article 35" or "1.—(1)" a unit, "(a)" a subdivision of what is open
above it.  A paragraph is placed by the forms open above it, as a drafter reads: a
form already open is a sibling of that provision, a new form is a child of the last
one, so "(i)" after "(h)" is the next letter and "(i)" after "(a)" a sub-paragraph.
Groups close everything below them; a schedule closes the body.

What the draft shows is kept: the labels as typed or computed, the headings where
they stand (a heading line before a section is its heading; one after "PART 1" is
the Part's), words without a label as further words of the provision above or as
unnumbered content, a table of contents and running headers out of the body.  A
bill's "insert—" followed by quoted provisions keeps them as the quotation they are
(an AKN ``quotedStructure``), not as provisions of the bill.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from drafting.layout.clause_labels import Label, read_label, strip_code
from drafting.layout.source import Block, Piece, SourceParagraph, SourceTable, Span
from drafting.layout.structure import drop_chars
from drafting.model.clause_ids import successor
from drafting.model.structure import GROUP_OF_PARTS, HEADED_CONTAINERS

#: Word styles of UK bill templates (lower case, without "insert_") and what they say.
UK_STYLES = {
    "clausetitle": "heading",
    "parttitle": "title",
    "chaptertitle": "title",
    "scheduletitle": "title",
    "scheduleparttitle": "title",
    "crossheading": "crossheading",
    "schedulecrossheading": "crossheading",
    "subsection": "(1)",
    "paragraph": "(a)",
    "subparagraph": "(i)",
    "clause": "(A)",
    "subclause": "(I)",
    "scheduleparagraph": "1.",
    "schedulesubparagraph": "(1)",
    "sectionreference": "reference",
    # "SCHEDULES" over the schedules: a heading, not a schedule without a number.
    "schedulemainheader": "crossheading",
    # A group of Parts over the Parts ("The First Group of Parts"); a Part's own
    # label in this style ("PART 1") is a Part.
    "partheading": "group",
}
#: Styles of the words that close a list: out to the margin after its items.
_WRAPS = re.compile(r"margin|wrap|continu", re.I)
UK_HEADINGS = frozenset({"heading", "title", "crossheading"})
#: Styles whose paragraphs are the contents list or other matter before the text.
_TOC_STYLE = re.compile(r"^(?:toc|contents|index|table of contents)", re.IGNORECASE)
_TOC_TITLE = re.compile(
    r"^(?:contents|table of contents|arrangement of (?:sections|clauses))$", re.I
)
_OPEN_QUOTE = '“‘"«'
_CLOSE = re.compile(r"[”’\"»]\s*([.;,]*)\s*(?:(?:and|or)\s*)?$")
_INTRODUCES = re.compile(r"(?:[—–:-]|\binsert|\bsubstitute|\bread)\s*[\u2060]*\s*$")
#: The host's words end by inserting what follows ("insert—", "substitute—").
_INSERTS = re.compile(
    r"\b(?:insert|substitute|add|read|following)\s*[\u2060]*\s*[—–:-]?\s*[\u2060]*$", re.I
)
_GROUP_RANK = {"book": 0, "part": 1, "title": 2, "chapter": 3, "subchapter": 4, "division": 5}
#: Below a provision of one element, the next level's element.
_BELOW = {
    "section": "subsection",
    "subsection": "paragraph",
    "article": "paragraph",
    "rule": "paragraph",
    "regulation": "paragraph",
    "paragraph": "subparagraph",
    "subparagraph": "clause",
    "clause": "subclause",
    "subclause": "point",
    "point": "item",
    "item": "level",
}
_HEADING_WORDS = 20
#: How far a quotation is looked for its closing mark before it is taken for words.
_QUOTE_SCAN = 400


@dataclass
class Words:
    """One block of a provision's words, and the provisions it quotes."""

    block: SourceParagraph
    pieces: list[Piece]
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Quote:
    """Provisions quoted in a provision's words (a bill's inserted text)."""

    start: str
    end: str
    #: What follows the closing mark (the host's full stop).
    after: str
    nodes: list[Node]
    #: A UK drafting code before the opening mark ("{nisi}"): the drafting office's
    #: instruction to its own tools, not words of the text.
    code: str = ""


@dataclass
class Node:
    """One provision, heading, schedule or block of unnumbered text."""

    element: str
    label: Label | None = None
    #: ``hcontainer`` name: ``schedule``, ``crossheading``, ``unnumbered``, ``table``.
    name: str = ""
    heading: list[Piece] | None = None
    heading_block: SourceParagraph | None = None
    #: A schedule's reference to the section that brings it in ("Section 76(6)"),
    #: printed beside its number in a UK bill.
    reference: SourceParagraph | None = None
    words: list[Words] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    #: Words after the children (AKN ``wrapUp``).
    wrap: list[Words] = field(default_factory=list)
    table: SourceTable | None = None

    @property
    def key(self) -> str | None:
        return self.label.key if self.label is not None else None


@dataclass
class ClauseLayout:
    """The draft as a hierarchy, every paragraph of it in order."""

    preface: list[SourceParagraph | SourceTable] = field(default_factory=list)
    toc: list[SourceParagraph] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    #: The UK bill styles were seen: the draft is a bill.
    bill: bool = False


def _inserted(block: Block) -> bool:
    """A line a bill template styles as inserted text ("insert_subsection")."""
    return not isinstance(block, SourceTable) and block.style_name.lower().startswith("insert")


def _style(block: Block) -> str:
    if isinstance(block, SourceTable):
        return ""
    name = block.style_name.lower().replace(" ", "")
    return name[7:] if name.startswith("insert_") else name


_CACHED = "_clause_label"


def label_of(block: Block) -> Label | None:
    """The label ``block`` opens with: Word's computed number, or one typed.

    Read once per paragraph and kept on it: the evidence, the body's start, the
    placing and the look-ahead each ask for it (a paragraph's words do not change
    while it is laid out; a trimmed copy is made without it)."""
    if isinstance(block, SourceTable):
        return None
    found = block.__dict__.get(_CACHED, _CACHED)
    if found is not _CACHED:
        return found  # type: ignore[no-any-return]
    found = _read_label_of(block)
    block.__dict__[_CACHED] = found
    return found


def _read_label_of(block: SourceParagraph) -> Label | None:
    auto = block.label
    if auto is not None and not auto.bullet and auto.text.strip():
        found = read_label(auto.text.strip() + " ")
        if found is not None:  # Word's number is no part of the words: it takes none
            return replace(found, shown=auto.text.strip(), length=0, separated=False)
    text = block.text
    skip = strip_code(text)
    body = text[skip:].lstrip(_OPEN_QUOTE) if skip else text
    lead = len(text) - len(body)
    found = read_label(body)
    if found is None:
        return None
    return found.taking(text, found.length + lead)


def clause_evidence(blocks: list[Block]) -> int:
    """How strongly ``blocks`` read as a clause-structured text: the number of group,
    schedule, unit and UK section labels, and of UK bill styles."""
    score = 0
    for b in blocks:
        if isinstance(b, SourceTable):
            continue
        style = _style(b)
        if style in ("clausetitle", "scheduleparagraph", "partheading", "chapterheader"):
            score += 2
            continue
        found = label_of(b)
        if found is None or found.family == "plain":
            continue
        if found.family == "unit" and not unit_label(b, found):
            continue  # "Section 3 of the Act is amended": words, not a label
        score += 1
    return score


def lay_out_clauses(blocks: list[Block], *, bill: bool | None = None) -> ClauseLayout:
    """Place every paragraph of a clause-structured draft; see the module docstring.
    ``bill``: the draft is a bill (its "1." are sections), or is not, whatever its
    styles say; None to tell by its styles."""
    out = ClauseLayout()
    lines = [b for b in blocks if isinstance(b, SourceTable) or b.text.strip()]
    lines = _take_toc(lines, out)
    out.bill = bill if bill is not None else any(_style(b) in UK_STYLES for b in lines)
    start = _first_provision(lines)
    out.preface = lines[:start]
    out.nodes = _Placer(out.bill).place(lines[start:])
    return out


def _take_toc(lines: list[Block], out: ClauseLayout) -> list[Block]:
    """The lines without the table of contents, which goes to ``out.toc``."""
    kept: list[Block] = []
    in_toc = False
    typed_until = -1  # the end of a contents list typed without page numbers
    for i, b in enumerate(lines):
        if isinstance(b, SourceTable):
            kept.append(b)
            continue
        text = b.text.strip()
        if _TOC_STYLE.match(b.style_name) or (not in_toc and _TOC_TITLE.match(text)):
            out.toc.append(b)
            if not in_toc and _TOC_TITLE.match(text):
                typed_until = _typed_contents(lines, i + 1)
            in_toc = True
            continue
        if in_toc and re.search(r"\t\s*[0-9ivx]+\s*$", b.text) and len(text.split()) <= 25:
            out.toc.append(b)  # "Article 3 Quorum<tab>4": a line of the contents
            continue
        if in_toc and i < typed_until:
            out.toc.append(b)  # "7.<tab>Regulations", its heading found again below
            continue
        in_toc = False
        kept.append(b)
    return kept


def _entry_key(text: str) -> str:
    """A contents line's words without its label: "7.\tRegulations" -> "regulations",
    "PART 2 — GENERAL" -> "general"."""
    found = read_label(text)
    rest = text[found.length :] if found is not None else text
    return " ".join(re.sub(r"[^\w\s]", " ", rest).lower().split())


def _typed_contents(lines: list[Block], start: int) -> int:
    """Where a contents list typed in plain paragraphs (no page numbers, no contents
    styles) ends: the first line from ``start`` whose words the body does not repeat
    as a heading or a provision's line.  A contents list names what follows it; the
    title page after it ("A BILL", the long title) is named nowhere below."""
    keys = [_entry_key(b.text.strip()) if isinstance(b, SourceParagraph) else "" for b in lines]
    # A line of the list is named twice: in the list, and again where it stands.
    left = Counter(keys[start:])  # the times each key is still to come
    end = start
    while end < len(lines):
        key = keys[end]
        if not key or left[key] < 2:
            break
        left[key] -= 1
        end += 1
    # Only a real list: more than a line or two, and not the whole text.
    return end if 3 <= end - start < (len(lines) - start) // 2 else -1


#: Heading styles that belong to the provision below them, not to the title page.
_BODY_HEADINGS = frozenset(
    {"clausetitle", "crossheading", "heading1", "heading2", "partheading", "parttitle"}
)


def _first_provision(lines: list[Block]) -> int:
    """Where the body starts: the first labelled line, with the heading lines above it."""
    for i, b in enumerate(lines):
        found = label_of(b)
        if found is None:
            continue
        if found.family == "unit" and not unit_label(b, found):
            continue
        if found.family == "plain" and found.key not in ("1.", "(1)", "uk"):
            continue
        while i > 0 and _heading_like(lines[i - 1], lines[i - 1].text) and not _long(lines[i - 1]):
            style = _style(lines[i - 1])
            if style not in _BODY_HEADINGS and not style.startswith("clauseheading"):
                break  # drafting's own export heads a rule with "Clause Heading N"
            i -= 1
        return i
    return len(lines)


def unit_label(b: Block, found: Label) -> bool:
    """True when a numbering word opens a provision ("Article 35 – Quorum", "Section
    1.01 **Name.**"), not a sentence that cites one ("Section 3 of the Act is ...")."""
    if found.separated or _heading_like(b, b.text[found.length :]):
        return True
    if isinstance(b, SourceTable):
        return False
    first = next((p for p in b.pieces if isinstance(p, Span) and p.text.strip()), None)
    return first is not None and first.fmt.b


def _long(b: Block) -> bool:
    return len(b.text.split()) > _HEADING_WORDS


def _heading_like(b: Block, rest: str) -> bool:
    """A line that reads as a heading: a heading style or outline level, or short words
    all in bold or capitals, not ending a sentence."""
    if isinstance(b, SourceTable):
        return False
    role = UK_STYLES.get(_style(b))
    if role in ("heading", "title", "crossheading"):
        return True
    words = rest.strip()
    if not words:
        return True
    if len(words.split()) > _HEADING_WORDS:
        return False
    if b.outline is not None or b.style_name.lower().startswith(("heading", "title")):
        return True
    spans = [p for p in b.pieces if isinstance(p, Span) and p.text.strip()]
    if spans and all(s.fmt.b for s in spans):
        return True
    if words.endswith((".", ";", ",", ":")) and not words.endswith(".."):
        return False
    return words.upper() == words and any(c.isalpha() for c in words)


def _italic(b: Block) -> bool:
    """Every word of the line is in italics."""
    if isinstance(b, SourceTable):
        return False
    spans = [p for p in b.pieces if isinstance(p, Span) and p.text.strip()]
    return bool(spans) and all(s.fmt.i for s in spans)


def _bold_lead(pieces: list[Piece]) -> int:
    """Characters of a bold run that opens the words and ends a sentence ("Name."): the
    heading bylaws print in the line of their section; 0 when there is none."""
    n = 0
    for p in pieces:
        if not isinstance(p, Span):
            break
        if not p.fmt.b:
            if not p.text.strip():
                n += len(p.text)
                continue
            break
        n += len(p.text)
    if n == 0:
        return 0
    text = "".join(p.text for p in pieces if isinstance(p, Span))
    lead = text[:n].rstrip()
    if not lead or len(lead.split()) > _HEADING_WORDS or len(text[n:].strip()) == 0:
        return 0
    return n if lead.endswith((".", ":", "—", "–")) else 0


class _Placer:
    """One pass over the body's lines: the open provisions as a stack of forms."""

    def __init__(self, bill: bool, *, quoted: bool = False) -> None:
        self.bill = bill
        #: Placing the provisions a bill quotes (inserts into another Act).
        self.quoted = quoted
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.pending: tuple[list[Piece], SourceParagraph] | None = None
        self.awaiting: Node | None = None  # a group or unit whose heading is the next line

    def place(self, lines: list[Block]) -> list[Node]:
        i = 0
        while i < len(lines):
            b = lines[i]
            if isinstance(b, SourceTable):
                self._attach(Node("hcontainer", name="table", table=b))
                i += 1
                continue
            end = self._quotation(lines, i)
            if end is not None:
                self._quote(lines[i:end])
                i = end
                continue
            self._line(b, lines[i + 1] if i + 1 < len(lines) else None)
            i += 1
        if self.pending is not None:
            self._crossheading(*self.pending)
            self.pending = None
        return self.roots

    # -- quotations ---------------------------------------------------------------
    def _quotation(self, lines: list[Block], i: int) -> int | None:
        """The end (exclusive) of a quotation of provisions starting at line ``i``."""
        b = lines[i]
        if isinstance(b, SourceTable) or not self.stack:
            return None
        text = b.text
        body = text[strip_code(text) :].lstrip()
        if not body or body[0] not in _OPEN_QUOTE:
            return None
        host = self.stack[-1]
        last = host.words[-1].block.text if host.words else ""
        if not _INTRODUCES.search(last.rstrip()):
            return None
        # A drafting code before the mark ("{nisi-sch}“") is an insertion's by definition.
        styled = _inserted(b)
        inserting = styled or _INSERTS.search(last.rstrip()) or strip_code(text) > 0
        if not inserting and read_label(body[1:]) is None and not _CLOSE.search(text.rstrip()):
            return None
        # A bill template marks the inserted lines ("insert_subsection"): the quotation
        # closes on the last of them, not on an inner quotation that ends a line.
        for j in range(i, min(len(lines), i + _QUOTE_SCAN)):
            line = lines[j]
            if isinstance(line, SourceTable):
                return None
            if _CLOSE.search(line.text.rstrip()):
                nxt = lines[j + 1] if j + 1 < len(lines) else None
                if not styled or nxt is None or not _inserted(nxt):
                    return j + 1
        return None

    def _quote(self, lines: list[Block]) -> None:
        host = self.stack[-1]
        first = lines[0]
        assert isinstance(first, SourceParagraph)
        text = first.text
        skip = strip_code(text)
        body = text[skip:]
        lead = len(body) - len(body.lstrip())
        start = body.lstrip()[0]
        paragraphs = [b for b in lines if isinstance(b, SourceParagraph)]
        # The quotation marks are the quotation's, not its words': out of the first
        # and last paragraphs, into the quotedStructure's attributes.
        trimmed = [
            SourceParagraph(**{k: v for k, v in vars(p).items() if k != _CACHED})
            for p in paragraphs
        ]
        trimmed[0].pieces = drop_chars(trimmed[0].pieces, skip + lead + 1)
        last = trimmed[-1]
        closing = last.text.rstrip()
        m = _CLOSE.search(closing)
        assert m is not None
        end, after = closing[m.start()], closing[m.start() + 1 :].strip()
        last.pieces = _cut(last.pieces, m.start())
        nodes = _Placer(self.bill, quoted=True).place(list(trimmed))
        quote = Quote(start, end, after, nodes, code=text[:skip].strip())
        if not host.words:
            host.words.append(Words(paragraphs[0], []))
        host.words[-1].quotes.append(quote)

    # -- one line -----------------------------------------------------------------
    def _label(self, b: Block) -> Label | None:
        """The label ``b`` opens with, as this text uses it: in a bill, a section with no
        subsections ("3. The Authority may ...") typed in the subsection style is a
        section, as "3.—(1)" would be."""
        found = label_of(b)
        if found is not None and found.family == "plain" and found.key == "1.":
            # "3." after "2.—(1)": the next section, printed without subsections.
            for n in reversed(self.stack):
                if n.key == "uk" and n.label is not None:
                    prev = n.label.shown
                    if found.shown in (successor(prev), successor(prev, inserted=True)):
                        return replace(found, family="uk", element=n.element, key="uk")
                    break
        if found is None or not self.bill or self.quoted:
            return found
        # A schedule is made of paragraphs, numbered as the body's sections are.
        in_schedule = any(n.name == "schedule" for n in self.stack)
        if found.family == "uk" and in_schedule:
            return replace(found, element="paragraph")
        at_group = not self.stack or _is_group(self.stack[-1])
        if (
            found.key == "1."
            and found.family == "plain"
            and (UK_STYLES.get(_style(b)) == "(1)" or (at_group and not in_schedule))
            and (in_schedule or not any(n.element == "section" for n in self.stack))
        ):
            # "3. The Authority may ..." in the subsection style, or straight under a
            # Part or Chapter: a section (a schedule's paragraph) without subsections.
            element = "paragraph" if in_schedule else "section"
            return replace(found, family="uk", element=element, key="uk")
        return found

    def _line(self, b: SourceParagraph, following: Block | None) -> None:
        found = self._label(b)
        style = _style(b)
        role = UK_STYLES.get(style)
        if found is not None and found.family == "unit" and not unit_label(b, found):
            found = None  # "Section 3 of the Act ...": words
        if found is not None and found.family != "group" and role in UK_HEADINGS:
            found = None  # "Article 8 orders: foster parents", a section's title
        if found is None and role == "group" and not self.quoted:
            # A group of Parts: its title is its number, its heading the next line.
            text = b.text.strip()
            label = Label(
                "group", "hcontainer", text, "group:" + GROUP_OF_PARTS, len(b.text), raw=b.text
            )
            node = Node("hcontainer", label, name=GROUP_OF_PARTS)
            self._group(node)
            self.awaiting = node
            return
        if found is None:
            self._words(b, role, following)
            return
        if self.pending is not None and found.family not in ("unit", "uk"):
            self._crossheading(*self.pending)
            self.pending = None
        self.awaiting = None
        pieces = drop_chars(b.pieces, found.length)
        if found.family in ("group", "schedule"):
            node = Node(
                "hcontainer" if found.family == "schedule" else found.element,
                found,
                name="schedule" if found.family == "schedule" else "",
            )
            self._group(node)
            if "".join(p.text for p in pieces if isinstance(p, Span)).strip():
                node.heading, node.heading_block = pieces, b
            else:
                self.awaiting = node
            return
        if found.family in ("unit", "uk"):
            node = Node(found.element, found)
            self._unit(node)
            if self.pending is not None:
                node.heading, node.heading_block = self.pending
                self.pending = None
            if found.inner is not None:
                inner = read_label(found.inner + " ")
                assert inner is not None
                child = Node("subparagraph" if node.element == "paragraph" else "subsection", inner)
                child.words.append(Words(b, pieces))
                node.children.append(child)
                self.stack.append(child)
                return
            rest = "".join(p.text for p in pieces if isinstance(p, Span))
            if found.family == "unit" and rest.strip() and node.heading is None:
                cut = _bold_lead(pieces)
                if cut:
                    node.heading, node.heading_block = _cut(pieces, cut), b
                    node.words.append(Words(b, drop_chars(pieces, cut)))
                    return
                if _heading_like(b, rest) and (found.separated or len(rest.split()) <= 12):
                    node.heading, node.heading_block = pieces, b
                    return
            if rest.strip():
                node.words.append(Words(b, pieces))
            elif node.heading is None:
                self.awaiting = node
            return
        # A plain label: placed by the forms open above it.
        key = role if role in ("(1)", "(a)", "(i)", "(A)", "(I)", "1.") else found.key
        if self.quoted and found.key.startswith("("):
            # Inserted words carry the styles of where they go in the other Act; the
            # labels say how they stand to each other here.
            key = found.key
        node = Node("", replace(found, key=key))
        self._plain(node)
        node.words.append(Words(b, pieces))

    def _words(self, b: SourceParagraph, role: str | None, following: Block | None) -> None:
        """A line without a label: a heading, or words of the provision above."""
        if role == "reference" and self.awaiting is not None and self.awaiting.reference is None:
            self.awaiting.reference = b  # "SCHEDULE 1", then "Section 76(6)", then its title
            return
        heading = role in ("heading", "title", "crossheading") or (
            _heading_like(b, b.text) and not _long(b) and role is None
        )
        short = len(b.text.split()) <= 12 and not b.text.rstrip().endswith((".", ";", ","))
        # The label of the line below, as this text uses it: read once for the rules below.
        nxt = self._label(following) if following is not None else None
        crossing = False  # an italic cross-heading (below)
        if not heading and short and role is None and _italic(b) and following is not None:
            # A short line in italics over a heading or a provision: the cross-heading
            # UK bills print so ("Grants and loans").
            heading = (nxt is not None and (nxt.family in ("unit", "uk") or nxt.key == "1.")) or (
                isinstance(following, SourceParagraph)
                and nxt is None
                and _heading_like(following, following.text)
            )
            crossing = heading
        if (heading or short) and self.awaiting is not None and role != "heading":
            node = self.awaiting
            node.heading, node.heading_block = b.pieces, b
            self.awaiting = None
            return
        self.awaiting = None
        if heading:
            if (
                nxt is not None
                and nxt.family in ("unit", "uk")
                and role != "crossheading"
                and not crossing
            ):
                if self.pending is not None:
                    self._crossheading(*self.pending)
                self.pending = (b.pieces, b)
                return
            if self.pending is not None:
                self._crossheading(*self.pending)
                self.pending = None
            explicit = role in ("heading", "title", "crossheading") or b.outline is not None
            # A heading over another heading ("Grants and loans", then "Grants" over
            # section 4) heads a group of provisions: a cross-heading.
            over = (
                isinstance(following, SourceParagraph)
                and nxt is None
                and _heading_like(following, following.text)
                and not _long(following)
            )
            if explicit or not self.stack or over or crossing:
                # A heading by its style or outline level is never the words above it.
                self._crossheading(b.pieces, b)
                return
        if self.pending is not None:
            self._crossheading(*self.pending)
            self.pending = None
        if not self.stack:
            node = Node("hcontainer", name="unnumbered")
            node.words.append(Words(b, b.pieces))
            self.roots.append(node)
            return
        top = self.stack[-1]
        if _WRAPS.search(b.style_name):
            # The words that close a list ("but does not include ..."), out to the margin
            # of the provision the list belongs to: the nearest open one with subdivisions.
            for k in range(len(self.stack) - 1, -1, -1):
                owner = self.stack[k]
                if owner.children and not _is_group(owner):
                    del self.stack[k + 1 :]
                    owner.wrap.append(Words(b, b.pieces))
                    return
        if top.children:
            node = Node("hcontainer", name="unnumbered")
            node.words.append(Words(b, b.pieces))
            top.children.append(node)
        else:
            top.words.append(Words(b, b.pieces))

    def _crossheading(self, pieces: list[Piece], b: SourceParagraph) -> None:
        node = Node("hcontainer", name="crossheading", heading=pieces, heading_block=b)
        while self.stack and not _is_group(self.stack[-1]):
            self.stack.pop()
        self._attach(node)

    # -- placing ------------------------------------------------------------------
    def _attach(self, node: Node) -> None:
        (self.stack[-1].children if self.stack else self.roots).append(node)

    def _group(self, node: Node) -> None:
        if node.name == "schedule":
            self.stack.clear()
        else:
            rank = _rank(node)
            while self.stack:
                top = self.stack[-1]
                if top.name == "schedule":
                    break
                if _is_group(top) and _rank(top) < rank:
                    break
                self.stack.pop()
        self._attach(node)
        self.stack.append(node)

    def _unit(self, node: Node) -> None:
        key = node.key
        keys = [n.key for n in self.stack]
        if key in keys:
            del self.stack[keys.index(key) :]
        else:
            # A unit never stands inside a plain-labelled subdivision ("(a)", "1."):
            # it closes them and nests in the unit or group above.
            while self.stack and _plain(self.stack[-1]):
                self.stack.pop()
        self._attach(node)
        self.stack.append(node)

    def _plain(self, node: Node) -> None:
        label = node.label
        assert label is not None
        key = label.key
        keys = [n.key for n in self.stack]
        if key not in keys:
            key = _ambiguous(label, self.stack) or key
            node.label = replace(label, key=key)
        if key in keys:
            at = len(keys) - 1 - keys[::-1].index(key)
            del self.stack[at:]
        parent = self.stack[-1] if self.stack else None
        node.element = _element_below(parent, key, self.bill)
        self._attach(node)
        self.stack.append(node)


def _plain(node: Node) -> bool:
    return node.label is not None and node.label.family == "plain"


def _is_group(node: Node) -> bool:
    return node.name in HEADED_CONTAINERS or node.element in _GROUP_RANK


def _rank(node: Node) -> float:
    """How far out a group stands: a group of Parts outside the Parts."""
    return -1 if node.name == GROUP_OF_PARTS else _GROUP_RANK.get(node.element, 9)


def _ambiguous(label: Label, stack: list[Node]) -> str | None:
    """The key of an open lettered list a roman-looking label continues: "(i)" after
    "(h)", "(v)" after "(u)", "(x)" after "(w)"; or of an open roman list a letter
    with a suffix continues ("(ia)" after "(i)")."""
    value = label.shown.strip("().")
    if label.key in ("(i)", "(I)"):
        alpha = "(a)" if label.key == "(i)" else "(A)"
        for n in reversed(stack):
            if n.key == alpha and n.label is not None:
                prev = n.label.shown.strip("().")
                if (
                    len(prev) == len(value)
                    and prev[:-1] == value[:-1]
                    and ord(value[-1]) == ord(prev[-1]) + 1
                ):
                    return alpha
                break
    if label.key in ("(a)", "(A)") and stack:
        # "(j)" after "(i)": the "(i)" was the letter i.
        roman = "(i)" if label.key == "(a)" else "(I)"
        top = stack[-1]
        prev = top.label.shown.strip("().") if top.label is not None else ""
        one = len(prev) == 1 and len(value) == 1
        if top.key == roman and one and ord(value) == ord(prev) + 1:
            return roman
    if label.key in ("(a)", "(A)"):
        roman = "(i)" if label.key == "(a)" else "(I)"
        if any(n.key == roman for n in stack):
            m = re.match(r"^([ivxlIVXL]+)[a-zA-Z]{1,3}$", value)
            if m:
                return roman
    return None


def _element_below(parent: Node | None, key: str, bill: bool) -> str:
    """The AKN element a plain-labelled provision is, from what it stands in."""
    if parent is None or parent.name == "schedule" or parent.element in _GROUP_RANK:
        if key in ("1.", "1)") and bill and (parent is None or parent.name != "schedule"):
            return "section"
        if key == "(1)" and parent is None:
            return "subsection"
        return "paragraph"
    if parent.element == "section" and key == "(1)":
        return "subsection"
    if parent.element == "paragraph" and parent.key in ("1.", "1)") and key == "(1)":
        return "subparagraph"
    return _BELOW.get(parent.element, "level")


def _cut(pieces: list[Piece], n: int) -> list[Piece]:
    """The first ``n`` characters of ``pieces`` (the notes among them kept)."""
    out: list[Piece] = []
    for p in pieces:
        if not isinstance(p, Span):
            if n > 0:
                out.append(p)
            continue
        if n <= 0:
            break
        if len(p.text) <= n:
            out.append(p)
            n -= len(p.text)
        else:
            out.append(Span(p.text[:n], p.fmt))
            n = 0
    return out
