"""A :class:`~drafting.layout.clauses.ClauseLayout` written as an AKN act, bill or doc.

Every paragraph lands in the document in its order, with the label it shows and the
heading where the draft has it; nothing is renumbered.  The words are written by the
resolution builder's own means (formatting, links, footnotes, tables, and the count
of characters written, so that the import report still accounts for every one).
"""

from __future__ import annotations

from lxml import etree

from drafting.akn.elements import AknElement
from drafting.akn.ns import q
from drafting.akn.parser import sub
from drafting.layout.build import Builder, Built, NoteText, Options
from drafting.layout.clauses import ClauseLayout, Node, Quote, Words
from drafting.layout.inline import count
from drafting.layout.source import SourceParagraph, SourceTable
from drafting.layout.structure import Item, Layout
from drafting.model.clause_style import ClauseStyle, detect, sequence_faults
from drafting.model.document import Document
from drafting.model.inference import infer_metadata
from drafting.model.structure import BILL, RULES, STRUCTURES, Structure
from drafting.model.styles import PLAIN

_NUM, _HEADING, _CONTENT, _INTRO, _P = q("num"), q("heading"), q("content"), q("intro"), q("p")
_HCONTAINER = q("hcontainer")


def build_clauses(
    layout: ClauseLayout, options: Options, notes: NoteText, structure: str | None = None
) -> Built:
    """Write ``layout`` as a clause-structured document (``structure`` names one of
    :data:`drafting.model.structure.STRUCTURES`; by default a bill when the draft
    carries a bill's styles, else rules)."""
    return _ClauseBuilder(layout, options, notes).build_clauses(structure)


class _ClauseBuilder(Builder):
    def __init__(self, layout: ClauseLayout, options: Options, notes: NoteText) -> None:
        super().__init__(Layout(), options, notes)
        self.clauses = layout
        self.counts: dict[str, int] = {}
        self.style: ClauseStyle | None = None

    def build_clauses(self, name: str | None) -> Built:
        layout = self.clauses
        structure: Structure = STRUCTURES[name] if name else (BILL if layout.bill else RULES)
        title_line = next(
            (b for b in layout.preface if isinstance(b, SourceParagraph) and b.text.strip()), None
        )
        title = " ".join(title_line.text.split()) if title_line is not None else ""
        meta, mw = infer_metadata(
            PLAIN,
            note_text="",
            title=title,
            number=self.options.number or "",
            body=self.options.body,
            date=self._date(),
            fallback_date=self.options.fallback_date,
        )
        self.warnings.extend(mw)
        doc = Document.new_clauses(meta, structure)
        top = doc.statement
        self._preface_lines(top, title_line)
        body = doc.clauses
        assert body is not None
        for node in layout.nodes:
            self._node(body, node)
        if not len(body):
            el = etree.SubElement(body, _HCONTAINER, {"name": "unnumbered"})
            etree.SubElement(etree.SubElement(el, _CONTENT), _P)
            self.warnings.append("the draft has no provisions; an empty block stands in for them")
        doc.assign_ids()
        self._say(structure, doc)
        return Built(
            doc,
            PLAIN,
            "detected",
            self._reason(structure),
            self.warnings,
            self.details,
            self.imported,
            self.provisions,
        )

    # -- preface ----------------------------------------------------------------------
    def _preface_lines(self, top: AknElement, title_line: SourceParagraph | None) -> None:
        layout = self.clauses
        if not layout.preface and not layout.toc:
            return
        preface = top.makeelement(q("preface"))
        assert isinstance(preface, AknElement)
        top.insert_ordered(preface)
        # The contents stand where the draft has them: before the title page's lines,
        # as a bill prints them, or after.
        toc_at = layout.toc[0].index if layout.toc else None
        for b in layout.preface:
            if toc_at is not None and b.index > toc_at:
                self._contents(preface)
                toc_at = None
            if isinstance(b, SourceTable):
                self._table(preface, Item(b, [], kind="table"))
            elif b is title_line:
                long_title = sub(preface, "longTitle", {"eId": "preface__longTitle"})
                title = sub(sub(long_title, "p"), "docTitle")
                self._fill(title, Item(b, list(b.pieces)), phrase_name=None)
            else:
                self._fill(sub(preface, "p"), Item(b, list(b.pieces)), phrase_name=None)
        if toc_at is not None:
            self._contents(preface)

    def _contents(self, preface: AknElement) -> None:
        """The table of contents, one ``tocItem`` a line of it."""
        toc = sub(preface, "toc")
        for b in self.clauses.toc:
            entry = sub(toc, "tocItem", {"href": "#", "level": "1"})
            self._fill(entry, Item(b, list(b.pieces)), phrase_name=None)
            # One entry a line: a reader of the text (or a search) must not see the
            # last word of one entry run into the first of the next.
            entry.tail = "\n"

    # -- provisions -------------------------------------------------------------------
    def _node(self, parent: etree._Element, node: Node) -> None:
        el = parent.makeelement(q(node.element))
        parent.append(el)
        self.provisions += 1
        if node.name:
            el.set("name", node.name)
        label = node.label
        if label is not None:
            num = etree.SubElement(el, _NUM)
            num.text = label.shown
            if node.reference is not None:
                note = etree.SubElement(num, q("authorialNote"), {"class": "referenceNote"})
                note.set("marker", "*")
                note.set("placement", "side")
                self._fill(
                    etree.SubElement(note, _P),
                    Item(node.reference, list(node.reference.pieces)),
                    phrase_name=None,
                )
            self.counts[node.element] = self.counts.get(node.element, 0) + 1
            # The label's characters as typed, its separator and a UK section's "(1)"
            # included; the "(1)" child of "1.—(1)" takes none of its own.
            self.imported += count(label.raw)
        if node.heading is not None and node.heading_block is not None:
            heading = etree.SubElement(el, _HEADING)
            self._fill(heading, Item(node.heading_block, node.heading), phrase_name=None)
        if node.table is not None:
            content = etree.SubElement(el, _CONTENT)
            self._table(content, Item(node.table, [], kind="table"))
            return
        if node.children:
            if node.words:
                intro = etree.SubElement(el, _INTRO)
                for words in node.words:
                    self._block_words(intro, words)
            for child in node.children:
                self._node(el, child)
            if node.wrap:
                wrap = etree.SubElement(el, q("wrapUp"))
                for words in node.wrap:
                    self._block_words(wrap, words)
            return
        if node.words or node.heading is None or node.name != "crossheading":
            content = etree.SubElement(el, _CONTENT)
            for words in node.words:
                self._block_words(content, words)
            if not node.words:
                etree.SubElement(content, _P)

    def _block_words(self, host: etree._Element, words: Words) -> None:
        block = etree.SubElement(host, _P)
        self._fill(block, Item(words.block, words.pieces), phrase_name=None)
        for quote in words.quotes:
            self._quote(block, quote)

    def _quote(self, block: etree._Element, quote: Quote) -> None:
        mod = etree.SubElement(block, q("mod"))
        structure = etree.SubElement(
            mod, q("quotedStructure"), {"startQuote": quote.start, "endQuote": quote.end}
        )
        self.imported += count(quote.start + quote.end)
        if quote.code:  # the drafting office's instruction to its tools: read, not kept
            self.imported += count(quote.code)
            self.details.append(f"drafting code {quote.code} before a quotation: left out")
        for node in quote.nodes:
            self._node(structure, node)
        if not len(structure):
            etree.SubElement(structure, _P)
        if quote.after:
            etree.SubElement(mod, q("inline"), {"name": "appendText"}).text = quote.after
            self.imported += count(quote.after)

    # -- the report ---------------------------------------------------------------------
    def _reason(self, structure: Structure) -> str:
        shown = self.style.describe() if self.style is not None else ""
        shown = shown or ", ".join(f"{n} {k}(s)" for k, n in sorted(self.counts.items()))
        kind = "a bill's styles and labels" if self.clauses.bill else "its labels"
        return f"a clause-structured text ({structure.name}) by {kind}: {shown or 'no labels'}"

    def _say(self, structure: Structure, doc: Document) -> None:
        # The house style read off the draft, level by level: what validate holds it to.
        self.style = detect(doc.clauses)
        faults = sequence_faults(doc.clauses, self.style)
        if faults:
            shown = "; ".join(message for _, message in faults[:3])
            more = f" (and {len(faults) - 3} more)" if len(faults) > 3 else ""
            self.warnings.append(
                f"{len(faults)} label(s) out of their level's form or sequence, kept as the"
                f" draft shows them: {shown}{more}; drafting validate lists them"
            )
        if self.clauses.toc:
            self.details.append(
                f"table of contents: {len(self.clauses.toc)} line(s) kept in the preface,"
                " not in the body"
            )
