"""The words of new provisions, as an amendment brings them.

"After paragraph 12 insert the following new paragraphs:" is followed by lines,
quoted or not, each perhaps with its label ("13.", "(a)", "2(c)", "15.3."):
here they become nested :class:`NewProvision` records.  The label itself is not
kept as words (renumbering gives the number); its kind, or the line's indent,
gives the depth.  The text reader and the table reader both use this.
"""

from __future__ import annotations

import re

from drafting.amendments.model import NewProvision

LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[A-Za-z]{0,2}[.)]|\(?[A-Za-z]{1,5}[.)]|\([A-Za-z]{1,5}\)"
    # A label with its paragraph's, as the new text of paragraph 2(c) repeats it: 2(c),
    # 13(b)(ii); PACE's and others' decimals: 15.3., A.1., or 15.3 before a capital.
    r"|[0-9]{1,3}(?:\([A-Za-z0-9]{1,5}\))+\.?|(?:[0-9]{1,3}|[A-Z])(?:\.[0-9]{1,3})+\."
    r"|[0-9]{1,3}(?:\.[0-9]{1,3})+(?=\s+[A-Z*_]))\s+"
)


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
    for raw in strip_quotes(body):
        content = raw.lstrip()
        indent = len(raw) - len(content)
        if content[:2] in ("- ", "* ", "– "):
            content = content[2:].lstrip()
            indent += 1
        cls = ""
        m = LABEL.match(content)
        if m:
            cls = _label_class(m.group(0).strip())
            content = content[m.end() :]
        items.append((indent, cls, content.strip()))
    if len({ind for ind, _, _ in items}) > 1:
        levels = sorted({ind for ind, _, _ in items})
        depths = [levels.index(ind) for ind, _, _ in items]
    else:
        order: list[str] = []
        for _, cls, _ in items:
            if cls not in order:
                order.append(cls)
        depths = [order.index(cls) for _, cls, _ in items]
    return _nest([(d, text) for d, (_, _, text) in zip(depths, items, strict=True)])


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


def _nest(items: list[tuple[int, str]]) -> tuple[NewProvision, ...]:
    out: list[NewProvision] = []
    i = 0
    while i < len(items):
        depth, text = items[i]
        j = i + 1
        while j < len(items) and items[j][0] > depth:
            j += 1
        out.append(NewProvision(text, _nest(items[i + 1 : j])))
        i = j
    return tuple(out)


def strip_label(text: str) -> str:
    """Text without its leading label (``b.``, ``(ii)``, ``2a.``) or citation dash."""
    text = re.sub(r"^[–—-]\s+", "", text)
    m = LABEL.match(text)
    return text[m.end() :] if m else text
