"""Word-level diff of clause text, markup kept.

diff-match-patch diffs characters; a reader marks whole words.  As its "line mode"
maps each line to one character, we map each *token* (a word, a run of spaces, a
run of punctuation, a footnote reference) to one private-use character, diff those,
clean up semantically and map back, so no change ever splits a word.  A token
carries the inline marks around it (bold lead phrase, italics, a footnote), as
xmldiff's PlaceholderMaker replaces inline elements by placeholders: ``**Noting**``
and ``Noting`` are different tokens, so a lost emphasis shows as a change, and a
change never splits an inline element into a broken fragment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]
from lxml import etree

from drafting.akn.ns import local_name
from drafting.diff.records import OpKind, Run, WordOp
from drafting.model.markup import PHRASE_NAMES, render_markup

#: A word (with inner apostrophes and hyphens: "NATO's", "decision-making"),
#: a run of white space, or a run of punctuation.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]+")
_SPACE = re.compile(r"\s+")
_MARK_TAGS = frozenset({"b", "i", "u", "sup", "sub"})
_SKIP = frozenset({"num", "eol", "eop", "img", "marker"})
BREAK = Run("\n")


def block_runs(block: etree._Element) -> list[Run]:
    """The runs of one AKN block (``<p>``), white space collapsed and trimmed."""
    out: list[Run] = []

    def add(text: str | None, marks: tuple[str, ...]) -> None:
        if text:
            out.append(Run(_SPACE.sub(" ", text), marks))

    def walk(el: etree._Element, marks: tuple[str, ...]) -> None:
        add(el.text, marks)
        for child in el:
            name = local_name(child.tag) if isinstance(child.tag, str) else ""
            if name == "authorialNote":
                words = " ".join(render_markup(p) for p in child if local_name(p.tag) == "p")
                out.append(Run(child.get("marker", "*"), (), _SPACE.sub(" ", words).strip()))
            elif name == "noteRef":
                out.append(Run(child.get("marker", "*"), (), ""))
            elif name in _MARK_TAGS:
                walk(child, (*marks, name))
            elif name == "inline" and child.get("name") in PHRASE_NAMES:
                walk(child, (*marks, "phrase"))
            elif name and name not in _SKIP:
                walk(child, marks)
            add(child.tail, marks)

    walk(block, ())
    return _trim(_merge(out))


def _trim(runs: list[Run]) -> list[Run]:
    """Collapse spaces that meet across runs and trim both ends of the block."""
    out: list[Run] = []
    prev_space = True
    for r in runs:
        if r.is_note:
            out.append(r)
            prev_space = False
            continue
        text = r.text[1:] if prev_space and r.text.startswith(" ") else r.text
        if text:
            out.append(Run(text, r.marks))
            prev_space = text.endswith(" ")
    while out and not out[-1].is_note and out[-1].text.endswith(" "):
        last = out.pop()
        if last.text.rstrip():
            out.append(Run(last.text.rstrip(), last.marks))
            break
    return out


def _merge(runs: Iterable[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if (
            out
            and not r.is_note
            and not out[-1].is_note
            and not r.is_break
            and not out[-1].is_break
            and out[-1].marks == r.marks
        ):
            out[-1] = Run(out[-1].text + r.text, r.marks)
        else:
            out.append(r)
    return out


def blocks_runs(blocks: Sequence[etree._Element]) -> tuple[Run, ...]:
    """The runs of a provision's own blocks, one :data:`BREAK` between two blocks."""
    out: list[Run] = []
    for i, b in enumerate(blocks):
        if i:
            out.append(BREAK)
        out.extend(block_runs(b))
    return tuple(out)


def tokens(runs: Iterable[Run]) -> list[Run]:
    """Split runs into word, space and punctuation tokens; notes and breaks stay whole."""
    out: list[Run] = []
    for r in runs:
        if r.is_note or r.is_break:
            out.append(r)
            continue
        out.extend(Run(m.group(0), r.marks) for m in _TOKEN.finditer(r.text))
    return out


def words(runs: Iterable[Run]) -> list[str]:
    """The words and punctuation of ``runs`` (no spaces), for similarity scores."""
    return [t.text for t in tokens(runs) if not t.text.isspace()]


def _char(i: int) -> str:
    if i < 6400:
        return chr(0xE000 + i)
    if i < 6400 + 65534:
        return chr(0xF0000 + i - 6400)
    return chr(0x100000 + i - 6400 - 65534)


_DMP_KIND: dict[int, OpKind] = {0: "equal", 1: "insert", -1: "delete"}


def diff_runs(old: Sequence[Run], new: Sequence[Run]) -> tuple[WordOp, ...]:
    """The word operations turning ``old`` into ``new``: deletions before insertions."""
    if tuple(old) == tuple(new):  # the common case: no tokenising needed
        return (WordOp("equal", tuple(_merge(old))),) if old else ()
    old_tokens, new_tokens = tokens(old), tokens(new)
    if old_tokens == new_tokens:
        return (WordOp("equal", tuple(_merge(old_tokens))),) if old_tokens else ()
    table: dict[Run, str] = {}
    back: list[Run] = []

    def encode(seq: list[Run]) -> str:
        chars = []
        for t in seq:
            c = table.get(t)
            if c is None:
                c = table[t] = _char(len(back))
                back.append(t)
            chars.append(c)
        return "".join(chars)

    a, b = encode(old_tokens), encode(new_tokens)
    rev = {c: i for i, c in enumerate(table.values())}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: golden files must not depend on machine speed
    raw = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(raw)
    steps: list[tuple[OpKind, list[Run]]] = []
    for code, chars in raw:
        kind = _DMP_KIND[code]
        toks = [back[rev[c]] for c in chars]
        steps.append((kind, toks))
    return _normalise(steps)


def _normalise(steps: list[tuple[OpKind, list[Run]]]) -> tuple[WordOp, ...]:
    """Merge neighbours of one kind; within each edit, the deletion comes first."""
    out: list[WordOp] = []
    pending: dict[OpKind, list[Run]] = {"delete": [], "insert": []}

    def flush() -> None:
        for kind in ("delete", "insert"):
            if pending[kind]:
                out.append(WordOp(kind, tuple(_merge(pending[kind]))))
                pending[kind] = []

    for kind, toks in steps:
        if not toks:
            continue
        if kind == "equal":
            flush()
            if out and out[-1].kind == "equal":
                out[-1] = WordOp("equal", tuple(_merge([*out[-1].runs, *toks])))
            else:
                out.append(WordOp("equal", tuple(_merge(toks))))
        else:
            pending[kind].extend(toks)
    flush()
    return tuple(out)
