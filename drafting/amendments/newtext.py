"""The words of new provisions, as an amendment brings them.

"After paragraph 12 insert the following new paragraphs:" is followed by lines,
quoted or not, each perhaps with its label ("13.", "(a)", "2(c)", "15.3."):
here they become nested :class:`NewProvision` records.  The label is not kept as
words: a resolution's renumbering gives the number, and a clause text keeps it as
the label (``NewProvision.label``).  Its kind, or the line's indent, gives the depth.
A clause text's new provision may open with its numbering word and a heading
("Rule 13A – Immunity"), the lines below it being its paragraphs.  The text reader
and the table reader both use this.
"""

from __future__ import annotations

import re

from drafting.amendments.model import NewProvision
from drafting.labels import GROUP_WORDS, UNIT_WORDS, word_forms

LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[A-Za-z]{0,2}[.)]|\(?[A-Za-z]{1,5}[.)]|\([A-Za-z]{1,5}\)"
    # A label with its paragraph's, as the new text of paragraph 2(c) repeats it: 2(c),
    # 13(b)(ii); PACE's and others' decimals: 15.3., A.1., or 15.3 before a capital.
    r"|[0-9]{1,3}(?:\([A-Za-z0-9]{1,5}\))+\.?|(?:[0-9]{1,3}|[A-Z])(?:\.[0-9]{1,3})+\."
    r"|[0-9]{1,3}(?:\.[0-9]{1,3})+(?=\s+[A-Z*_]))\s+"
)

#: A clause text's numbering word and number ("Rule 13A", "ARTICLE IV", "Section 5.02"),
#: then perhaps a heading after a dash or colon, or the provision's first words.
_WORD_LABEL = re.compile(
    rf"^(?P<label>(?:{word_forms([*UNIT_WORDS, *GROUP_WORDS], lower=True)})\s*"
    r"(?:[0-9]{1,4}[A-Za-z]{0,3}(?:\.[0-9]{1,3})*|[IVXLCDM]{1,7}))(?![\w])"
    r"(?:\.?(?:\s*[—–:]\s*|\s+-\s+|\s*$)(?P<heading>.*)|\.\s+(?P<words>\S.*))$"
)


def _word_label(content: str) -> tuple[str, str, str] | None:
    """(label, heading, words) of a line opening with a numbering word; None otherwise.
    What follows the dash is a heading when it reads as one (short, no full stop)."""
    m = _WORD_LABEL.match(content)
    if m is None:
        return None
    if m.group("words"):  # "Section 5A. Every person ...": its words, no heading
        return m.group("label") + ".", "", m.group("words").strip()
    rest = m.group("heading").strip()
    if rest and (rest.endswith((".", ";", ":")) or len(rest.split()) > 12):
        return m.group("label"), "", rest
    return m.group("label"), rest, ""


def strip_quotes(lines: list[str]) -> list[str]:
    """Lines of new wording without the quotation marks around the whole block."""
    if not lines:
        return lines
    first, last = lines[0].lstrip(), lines[-1].rstrip()
    pairs = {'"': '"', "“": "”", "‘": "’", "'": "'"}
    if first[:1] in pairs:
        close = pairs[first[0]]
        tail = last.rstrip(".;")
        if tail.endswith(close) and (len(lines) > 1 or len(first) > 1):
            indent = lines[0][: len(lines[0]) - len(first)]
            out = list(lines)
            out[0] = indent + first[1:]
            end = out[-1].rstrip()
            cut = end.rfind(close)
            out[-1] = end[:cut] + end[cut + 1 :]
            return out
    return lines


def provisions(body: list[str]) -> tuple[NewProvision, ...]:
    """New provisions from lines; indentation, ``-`` and label kinds give the nesting."""
    items: list[tuple[int, str, str]] = []  # (indent, label class, markup)
    shown: list[tuple[str, str]] = []  # (label, heading)
    for raw in strip_quotes(body):
        content = raw.lstrip()
        indent = len(raw) - len(content)
        if content[:2] in ("- ", "* ", "– "):
            content = content[2:].lstrip()
            indent += 1
        cls, label, heading = "", "", ""
        worded = _word_label(content)
        m = LABEL.match(content) if worded is None else None
        if worded is not None:
            label, heading, content = worded
            cls = "word:" + label.split()[0].rstrip(".").lower()
        elif m:
            label = m.group(0).strip()
            cls = _label_class(label)
            content = content[m.end() :]
        if (
            not cls
            and items
            and items[-1][1].startswith("word:")
            and not items[-1][2]
            and items[-1][0] == indent
        ):
            # "Rule 13A – Immunity", then its words on the next line: the rule's own.
            items[-1] = (indent, items[-1][1], content.strip())
            continue
        items.append((indent, cls, content.strip()))
        shown.append((label, heading))
    if len({ind for ind, _, _ in items}) > 1:
        levels = sorted({ind for ind, _, _ in items})
        depths = [levels.index(ind) for ind, _, _ in items]
    else:
        order: list[str] = []
        for _, cls, _ in items:
            if cls not in order:
                order.append(cls)
        depths = [order.index(cls) for _, cls, _ in items]
    return _nest(
        [
            (d, text, label, heading)
            for d, (_, _, text), (label, heading) in zip(depths, items, shown, strict=True)
        ]
    )


def _label_class(label: str) -> str:
    """The kind of a label, which gives its depth among the new provisions: ``num``
    (``3.``), ``alpha()`` (``(b)``, and ``2(b)`` by its last part), ``num.num``
    (``15.3.``)."""
    if "(" in label and not label.startswith("("):
        label = label[label.rfind("(") :]
    core = label.strip("().")
    if "." in core:
        return "num.num"
    cls = "num" if core[:1].isdigit() else "alpha"
    return cls + "()" if "(" in label else cls


def _nest(items: list[tuple[int, str, str, str]]) -> tuple[NewProvision, ...]:
    out: list[NewProvision] = []
    i = 0
    while i < len(items):
        depth, text, label, heading = items[i]
        j = i + 1
        while j < len(items) and items[j][0] > depth:
            j += 1
        out.append(NewProvision(text, _nest(items[i + 1 : j]), label=label, heading=heading))
        i = j
    return tuple(out)


def strip_label(text: str) -> str:
    """Text without its leading label (``b.``, ``(ii)``, ``2a.``) or citation dash."""
    text = re.sub(r"^[–—-]\s+", "", text)
    m = LABEL.match(text)
    return text[m.end() :] if m else text
