"""Read a resolution typed as plain text or Markdown, in the format of Resolution 495.

The format is what a secretary types: the title, the number line
(``RESOLUTION 495*``), the opening formula (``The Assembly,``), one line a
paragraph (``1. **Recognising** that ...``), sub-paragraphs indented with a dash
(`` - a. to advance ...``), and footnotes as lines that start with their marker
(``* Presented by ...``) wherever a page break left them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.errors import TextFormatError
from drafting.model.document import Document, make_note
from drafting.model.inference import FORMULA as _FORMULA
from drafting.model.inference import NOTE_DEF as _NOTE_DEF
from drafting.model.inference import NUMBER_LINE as _NUMBER_LINE
from drafting.model.inference import first_operative, guess_style, infer_metadata
from drafting.model.phrases import leading_phrase
from drafting.model.provision import Provision
from drafting.model.styles import STYLES, HouseStyle

_MD_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
_TOP = re.compile(r"^(\d+|[A-Z]{1,3})\.\s+(\S.*)$")
_SUB = re.compile(r"^(\s*)[-–•]\s+(\(?[0-9]+[.)]|\(?[a-zA-Z]{1,6}[.)]|\([0-9a-zA-Z]+\))\s+(\S.*)$")
_CITATION = re.compile(r"^[–—-]\s+(\S.*)$")


@dataclass
class ImportResult:
    """What an import produced, and what the secretary should know about it."""

    document: Document
    style: HouseStyle
    style_detected: bool
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Item:
    line: int
    kind: str  # citation | recital | paragraph
    label: str | None
    text: str
    subs: list[tuple[int, int, str, str]] = field(
        default_factory=list
    )  # (line, indent, label, text)


def _strip_md(line: str) -> str:
    return re.sub(r"^#+\s*", "", line).strip().strip("*").strip()


def detect_style(items: list[_Item], subs_labels: list[str]) -> HouseStyle:
    """Guess the house style from the shape of the numbering."""
    return guess_style(
        citations=any(i.kind == "citation" for i in items),
        lettered_recitals=any(i.kind == "recital" and i.label and i.label.isalpha() for i in items),
        unnumbered_recitals=any(i.kind == "recital" and i.label is None for i in items),
        sub_labels=subs_labels,
        numbered_recitals=any(i.label for i in items if i.kind == "recital"),
    )


def read_text(
    text: str,
    *,
    source: str = "<text>",
    style: str | None = None,
    number: str | None = None,
    body: str | None = None,
    date: dt.date | None = None,
) -> ImportResult:
    """Build a :class:`Document` from a resolution typed in the seed's text format.

    Raises:
        TextFormatError: a line fits nowhere, or no paragraph is found; the message
            gives the line number.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    warnings: list[str] = []
    title_lines: list[str] = []
    number_line: tuple[str, str, str | None] | None = None
    formula: str | None = None
    notes: dict[str, str] = {}
    note_order: list[str] = []
    items: list[_Item] = []
    conclusions: list[tuple[int, str]] = []
    last_item_line = 0  # the last line that belonged to a paragraph
    phase = "head"

    def err(n: int, msg: str, hint: str) -> TextFormatError:
        return TextFormatError(msg, hint=hint, file=source, line=n)

    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        m = _NOTE_DEF.match(stripped) if not line.startswith(" ") else None
        md = _MD_NOTE_DEF.match(stripped)
        if m or md:
            marker, body_text = (m.group(1), m.group(2)) if m else (md.group(1), md.group(2))  # type: ignore[union-attr]
            if marker in notes and notes[marker] != body_text.strip():
                raise err(
                    n,
                    f"footnote {marker} is defined twice, with different texts",
                    "keep one definition, or give the second footnote another mark",
                )
            if marker in notes:
                continue
            notes[marker] = body_text.strip()
            note_order.append(marker)
            continue
        if phase == "head":
            nl = _NUMBER_LINE.match(stripped)
            if nl:
                mk = nl.group(3)
                if mk and mk.startswith("[^"):
                    mk = mk[2:-1]
                number_line = (nl.group(1).upper(), nl.group(2) or "", mk)
                phase = "formula"
                continue
            if _FORMULA.match(stripped) or _TOP.match(stripped):
                phase = "formula"
            else:
                title_lines.append(_strip_md(stripped))
                continue
        if phase == "formula":
            fm = _FORMULA.match(stripped)
            if fm and not _TOP.match(stripped):
                formula = stripped
                phase = "body"
                continue
            phase = "body"
        sm = _SUB.match(line)
        if sm:
            if not items or items[-1].kind == "citation":
                raise err(
                    n, "a sub-paragraph comes before any paragraph", "put it under its paragraph"
                )
            items[-1].subs.append((n, len(sm.group(1)), sm.group(2), sm.group(3)))
            last_item_line = n
            continue
        tm = _TOP.match(stripped)
        if tm:
            label = tm.group(1)
            kind = "recital" if label.isalpha() else "paragraph"
            items.append(_Item(n, kind, label, tm.group(2)))
            last_item_line = n
            continue
        cm = _CITATION.match(stripped)
        if cm and not any(i.kind != "citation" for i in items):
            items.append(_Item(n, "citation", None, cm.group(1)))
            last_item_line = n
            continue
        if conclusions and lines[n - 2].strip():
            conclusions[-1] = (conclusions[-1][0], f"{conclusions[-1][1]} {stripped}")
            continue
        prev = items[-1] if items else None
        # A line straight after a paragraph's line that does not open a new one is the
        # same paragraph, wrapped by an e-mail or PDF: join it, whatever the part.
        wrapped = prev is not None and last_item_line == n - 1 and not _opens_provision(stripped)
        if (
            not wrapped
            and not any(i.kind == "paragraph" for i in items)
            and not line.startswith(" ")
        ):
            # Unnumbered preambular paragraph (UN style).
            items.append(_Item(n, "recital", None, stripped))
            last_item_line = n
            continue
        if prev is not None and lines[n - 2].strip():
            if prev.subs:
                ln, ind, lab, t = prev.subs[-1]
                prev.subs[-1] = (ln, ind, lab, f"{t} {stripped}")
            else:
                prev.text = f"{prev.text} {stripped}"
            last_item_line = n
            continue
        # An unnumbered paragraph after the operative part: the closing words
        # (AKN conclusions), provided no numbered paragraph follows.
        conclusions.append((n, stripped))

    last_line = max([it.line for it in items] + [s[0] for it in items for s in it.subs] + [0])
    for n, text in conclusions:
        if n < last_line:
            raise err(
                n,
                f"this line belongs to no paragraph: {text[:60]!r}",
                "number it, or join it to the paragraph above",
            )

    if not items:
        raise TextFormatError(
            "no numbered paragraphs found",
            file=source,
            hint="type each paragraph on its own line as '1. text'",
        )

    # Preambular or operative: NATO PA numbers both in one sequence; the lead
    # phrase tells them apart.
    numbered = [i for i in items if i.kind == "paragraph"]
    if numbered and not any(i.kind == "recital" for i in items):
        first_op = first_operative([_lead(it.text) for it in numbered])
        if first_op is None:
            warnings.append("no operative lead phrase found; every paragraph taken as operative")
        else:
            for it in numbered[:first_op]:
                it.kind = "recital"

    sub_labels = [s[2] for it in items for s in it.subs]
    detected = style is None
    house = STYLES[style] if style else detect_style(items, sub_labels)
    for it in items:
        if it.kind == "recital" and it.subs:
            raise err(
                it.subs[0][0],
                "a preambular paragraph has sub-paragraphs, which drafting cannot hold yet",
                "make them part of the paragraph's text",
            )

    # Metadata: given, else found in the number line and footnotes.
    # The footnote on the number line says who presented and adopted the text, and
    # when; other footnotes cite other documents, whose dates are not this one's.
    title_mark = number_line[2] if number_line else None
    note_text = notes[title_mark] if title_mark in notes else " ".join(notes.values())
    meta, meta_warnings = infer_metadata(
        house,
        note_text=note_text,
        title=" ".join(title_lines),
        number=number or (number_line[1] if number_line else ""),
        body=body,
        date=date,
    )
    warnings.extend(meta_warnings)
    doc = Document.new(meta, house, title=" ".join(title_lines))
    if formula and formula != house.formula:
        f_el = doc.statement.xpath("//*[local-name()='formula']/*[local-name()='p']")
        if isinstance(f_el, list) and f_el:
            f_el[0].text = formula
    if number_line and number_line[0] != "RESOLUTION":
        dt_el = doc.statement.xpath("//*[local-name()='docType']")
        if isinstance(dt_el, list) and dt_el:
            dt_el[0].text = number_line[0]

    used: set[str] = set()
    if number_line and number_line[2]:
        mk = number_line[2]
        if mk in notes:
            doc.add_title_note(mk, notes[mk])
            used.add(mk)
        else:
            warnings.append(f"the number line carries the mark {mk} but no footnote defines it")

    emphasis = house.phrase_emphasis
    for it in items:
        prov = doc.add(it.kind, _note_refs(it.text, notes), num=it.label)  # type: ignore[arg-type]
        _add_subs(prov, it.subs, notes, emphasis, err)
    for _, text in conclusions:
        doc.add_conclusion(_note_refs(text, notes))
    _attach_notes(doc, notes, used)
    for mk in note_order:
        if mk not in used:
            if doc.number_line is None:
                raise TextFormatError(
                    f"footnote {mk} is referred to nowhere",
                    file=source,
                    hint=f"put the mark {mk} after the word the footnote belongs to",
                )
            warnings.append(f"footnote {mk} is referred to nowhere; attached to the number line")
            doc.add_title_note(mk, notes[mk])

    doc.renumber()
    _typed_vs_sequence(items, doc, warnings)
    return ImportResult(doc, house, detected, warnings)


def _opens_provision(line: str) -> bool:
    """True when ``line`` reads as the start of a paragraph, not the rest of one:
    an emphasised lead phrase, a lexicon phrase ("Recalling", "whereas"), a dash."""
    return bool(re.match(r"\*{1,2}\S", line) or _CITATION.match(line) or leading_phrase(line))


def _lead(text: str) -> str:
    m = re.match(r"\s*(\*\*|\*)(.+?)\1", text)
    return m.group(2) if m else " ".join(text.split()[:3])


_EMPHASIS = re.compile(r"\*\*(?=\S).+?(?<=\S)\*\*|(?<![\w*])\*(?=[^\s*]).*?(?<=[^\s*])\*(?![\w*])")


def _note_refs(text: str, notes: dict[str, str]) -> str:
    """Turn ``word*`` into ``word[^*]`` where ``*`` is a defined footnote mark.

    Stars that open and close emphasis (``*Recalling*``, ``**URGES**``) are left alone.
    """
    marks = sorted((k for k in notes if not k[0].isalnum()), key=len, reverse=True)
    if not marks:
        return text
    alternatives = "|".join(re.escape(m) for m in marks)
    pattern = re.compile(r"(?<=[\w.,;:)\]’'\"])(" + alternatives + r")(?=[\s.,;:]|$)")
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        out.append(pattern.sub(lambda g: f"[^{g.group(1)}]", text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(pattern.sub(lambda g: f"[^{g.group(1)}]", text[pos:]))
    return "".join(out)


_REF = re.compile(r"\[\^([^\]\s]+)\]")


def _attach_notes(doc: Document, notes: dict[str, str], used: set[str]) -> None:
    """Replace each ``[^marker]`` left as literal text by its ``authorialNote``."""
    blocks = [b for p in doc.provisions() for b in p.blocks] + doc.conclusions
    for block in blocks:
        while _attach_one(block, notes, used):
            pass


def _attach_one(block: etree._Element, notes: dict[str, str], used: set[str]) -> bool:
    for node in [block, *block.iterdescendants()]:
        for slot in ("text", "tail"):
            value = getattr(node, slot)
            m = _REF.search(value) if value else None
            if m is None or m.group(1) not in notes:
                continue
            marker = m.group(1)
            note = make_note(marker, notes[marker])
            used.add(marker)
            setattr(node, slot, value[: m.start()] or None)
            if slot == "text":
                node.insert(0, note)
            else:
                node.addnext(note)
            note.tail = value[m.end() :] or None
            return True
    return False


def _add_subs(prov: Provision, subs, notes, emphasis, err) -> None:  # type: ignore[no-untyped-def]
    stack: list[tuple[int, Provision]] = [(-1, prov)]
    for line, indent, _label, text in subs:
        while len(stack) > 1 and indent <= stack[-1][0]:
            stack.pop()
        parent = stack[-1][1]
        if parent.kind in ("recital", "citation"):
            raise err(line, "sub-paragraph under a preambular paragraph", "check the indentation")
        child = parent.add_point(_note_refs(text, notes), phrase_tag=emphasis)
        stack.append((indent, child))


def _typed_vs_sequence(items: list[_Item], doc: Document, warnings: list[str]) -> None:
    tops = doc.top_level
    for it, prov in zip(items, tops, strict=False):
        if it.label and prov.number and it.label != prov.number:
            warnings.append(
                f"line {it.line}: typed as {it.label}. but it is number {prov.num} in sequence;"
                " renumbered"
            )
