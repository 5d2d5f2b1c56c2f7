"""Word-level diff of clause text, markup kept.

diff-match-patch diffs characters; a reader marks whole words.  As its "line mode"
maps each line to one character, we map each *token* (a word, a run of spaces, a
run of punctuation, a footnote reference) to one private-use character, diff those,
clean up semantically and map back, so no change ever splits a word.  A token
carries the inline marks around it (bold lead phrase, italics, a footnote), as
xmldiff's PlaceholderMaker replaces inline elements by placeholders: ``**Noting**``
and ``Noting`` are different tokens, so a lost emphasis shows as a change, and a
change never splits an inline element into a broken fragment.

This runs for every provision of both versions, so the inner loops work on plain
tuples (``(text, marks)``) and strings, which Python hashes and compares in C, and
build :class:`Run` records only for the merged result.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from diff_match_patch import diff_match_patch
from lxml import etree

from drafting.akn.inline import single_spaced
from drafting.diff.records import OpKind, Run, WordOp
from drafting.model.markup import PHRASE_NAMES, render_markup

#: A word (with inner apostrophes and hyphens: "NATO's", "decision-making"),
#: a run of white space, or a run of punctuation.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|\s+|[^\w\s]+")
#: The same tokens without the white space: what similarity scores compare.
_WORD = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]+")
_SPACE = re.compile(r"\s+")
_MARK_TAGS = frozenset({"b", "i", "u", "sup", "sub"})
_SKIP = frozenset({"num", "eol", "eop", "img", "marker"})
BREAK = Run("\n")

#: A token while diffing: ``(text, marks)`` for words, spaces and punctuation; the
#: :class:`Run` itself for a footnote reference or a block break.
_Key = tuple[str, tuple[str, ...]] | Run

# What the walk does with an element, by tag: cached, as every block repeats a few tags.
_SKIPPED, _NOTE, _NOTEREF, _MARK, _INLINE, _DESCEND = range(6)
_ACTIONS: dict[str, tuple[int, str]] = {}


def _action(tag: str) -> tuple[int, str]:
    found = _ACTIONS.get(tag)
    if found is None:
        name = tag.rpartition("}")[2]
        if name == "authorialNote":
            found = (_NOTE, name)
        elif name == "noteRef":
            found = (_NOTEREF, name)
        elif name in _MARK_TAGS:
            found = (_MARK, name)
        elif name == "inline":
            found = (_INLINE, name)
        elif name and name not in _SKIP:
            found = (_DESCEND, name)
        else:
            found = (_SKIPPED, name)
        _ACTIONS[tag] = found
    return found


def _collapse(text: str) -> str:
    """``text`` with each run of white space made one plain space.

    Most text needs nothing, and two C-speed checks prove it (every white space
    character but the plain space is unprintable), where the regular expression
    would stop at every single space of a 600-character clause.
    """
    if single_spaced(text):
        return text
    return _SPACE.sub(" ", text)


def block_runs(block: etree._Element) -> list[Run]:
    """The runs of one AKN block (``<p>``), white space collapsed and trimmed."""
    if not len(block):  # plain words, as most sub-paragraphs are
        text = block.text
        if not text:
            return []
        text = _collapse(text).strip(" ")
        return [Run(text)] if text else []
    # [text, marks, note]: note is None for words; neighbours with equal marks merge.
    pieces: list[list[Any]] = []
    _walk(block, (), pieces)
    return _trim(pieces)


def _add(out: list[list[Any]], text: str, marks: tuple[str, ...]) -> None:
    text = _collapse(text)
    if out and out[-1][1] == marks and out[-1][2] is None:
        out[-1][0] += text
    else:
        out.append([text, marks, None])


def _walk(el: etree._Element, marks: tuple[str, ...], out: list[list[Any]]) -> None:
    text = el.text
    if text:
        _add(out, text, marks)
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            action, name = _ACTIONS.get(tag) or _action(tag)
            if action == _MARK:
                _walk(child, (*marks, name), out)
            elif action == _INLINE:
                _walk(
                    child, (*marks, "phrase") if child.get("name") in PHRASE_NAMES else marks, out
                )
            elif action == _DESCEND:
                _walk(child, marks, out)
            elif action == _NOTE:
                words = " ".join(render_markup(p) for p in child if _local(p) == "p")
                out.append([child.get("marker", "*"), (), _collapse(words).strip()])
            elif action == _NOTEREF:
                out.append([child.get("marker", "*"), (), ""])
        text = child.tail
        if text:
            _add(out, text, marks)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _trim(pieces: list[list[Any]]) -> list[Run]:
    """Collapse spaces that meet across runs and trim both ends of the block."""
    out: list[Run] = []
    prev_space = True
    for text, marks, note in pieces:
        if note is not None:
            out.append(Run(text, (), note))
            prev_space = False
            continue
        if prev_space and text[0] == " ":
            text = text[1:]
            if not text:
                continue
        if marks:  # lead phrases and emphasis repeat from block to block
            run = _MARKED.get((text, marks))
            if run is None:
                if len(_MARKED) >= _MARKED_MAX:
                    _MARKED.clear()
                run = _MARKED[text, marks] = Run(text, marks)
            out.append(run)
        else:
            out.append(Run(text))
        prev_space = text[-1] == " "
    if prev_space:  # the block ends in a space
        while out and out[-1].note is None and out[-1].text.endswith(" "):
            last = out.pop()
            if last.text.rstrip():
                out.append(Run(last.text.rstrip(), last.marks))
                break
    return out


#: Runs with marks already made, by text and marks: a :class:`Run` is immutable, and
#: making one costs more than finding it.  Bounded, as a long-lived process reads
#: many documents.
_MARKED: dict[tuple[str, tuple[str, ...]], Run] = {}
_MARKED_MAX = 4096


def _merge(runs: Iterable[Run]) -> list[Run]:
    """``runs`` with neighbours of equal marks joined (never a footnote or a break)."""
    out: list[Run] = []
    for r in runs:
        if out:
            last = out[-1]
            # With equal marks and no note, a break is the run "\n" without marks.
            if (
                r.marks == last.marks
                and r.note is None
                and last.note is None
                and (r.marks or (r.text != "\n" and last.text != "\n"))
            ):
                out[-1] = Run(last.text + r.text, r.marks)
                continue
        out.append(r)
    return out


#: Runs already read: a block of plain words by its text, which is all its runs
#: depend on; a block with inline markup by its serialised bytes (libxml2 writes
#: them several times faster than Python walks the block), its runs kept once by
#: value; so both versions share them.
RunCache = dict[str | bytes | tuple[Run, ...], tuple[Run, ...]]


def _cached_runs(block: etree._Element, cache: RunCache) -> tuple[Run, ...]:
    if len(block):  # marked words: read once for every block with the same bytes
        data = etree.tostring(block, with_tail=False)
        found = cache.get(data)
        if found is None:
            runs = tuple(block_runs(block))
            found = cache[data] = cache.setdefault(runs, runs)
        return found
    text = block.text or ""
    found = cache.get(text)
    if found is None:
        found = cache[text] = tuple(block_runs(block))
    return found


def blocks_runs(blocks: Sequence[etree._Element], cache: RunCache | None = None) -> tuple[Run, ...]:
    """The runs of a provision's own blocks, one :data:`BREAK` between two blocks.

    With a ``cache`` shared by both versions, the blocks the versions have in
    common get the same runs: comparing them is then an identity check, the second
    version's unchanged words cost no memory, and a block of plain words is read once.
    """
    if cache is None:
        cache = {}
    if len(blocks) == 1:
        return _cached_runs(blocks[0], cache)
    out: list[Run] = []
    for i, b in enumerate(blocks):
        if i:
            out.append(BREAK)
        out.extend(_cached_runs(b, cache))
    return tuple(out)


def _keys(runs: Iterable[Run]) -> list[_Key]:
    """The tokens of ``runs``: words, spaces and punctuation keep their run's marks."""
    out: list[_Key] = []
    for r in _split_breaks(runs):
        if r.note is not None or r.is_break:
            out.append(r)
        else:
            marks = r.marks
            out.extend((t, marks) for t in _TOKEN.findall(r.text))
    return out


def _split_breaks(runs: Iterable[Run]) -> Iterator[Run]:
    """``runs``, a bare line break inside an unmarked run made a block break."""
    for r in runs:
        if "\n" not in r.text or r.marks or r.note is not None or r.is_break:
            yield r
            continue
        toks: list[str] = []
        for t in _TOKEN.findall(r.text):
            if t == "\n":
                if toks:
                    yield Run("".join(toks))
                    toks = []
                yield BREAK
            else:
                toks.append(t)
        if toks:
            yield Run("".join(toks))


def _tokenise(text: str) -> list[str]:
    """``_TOKEN.findall(text)``, about five times faster on ordinary prose.

    A token never spans a space, so text whose only white space is single plain
    spaces is split there first; a piece of letters and digits alone is one word
    (``str.isalnum`` is what ``\\w`` matches, the underscore aside), and only the
    other pieces ("governments;", "NATO's") go through the expression.
    :meth:`Codes.encode_text` splits the same way, a piece at a time; this list
    form is what the tests hold it to.
    """
    if not single_spaced(text):
        return _TOKEN.findall(text)
    out: list[str] = []
    for i, piece in enumerate(text.split(" ")):
        if i:
            out.append(" ")
        if piece.isalnum():
            out.append(piece)
        elif piece:
            out.extend(_TOKEN.findall(piece))
    return out


class _Side:
    """One side of a word diff: its runs and their tokens as characters.

    diff-match-patch sees one private-use character per distinct token (a token
    being its text with its run's marks).  A side is decoded by token positions: a
    long equal stretch comes back as slices of its runs, and the words of a partial
    run are read back from its characters, so no side keeps a list of its tokens.
    """

    __slots__ = ("pieces", "starts", "text", "words")

    def __init__(self, runs: Iterable[Run], codes: Codes) -> None:
        #: Each run with its characters (None for a footnote reference or a break).
        self.pieces: list[tuple[Run, str | None]] = []
        self.starts: list[int] = []
        self.words = codes.words
        chars: list[str] = []
        n = 0
        for r in _split_breaks(runs):
            self.starts.append(n)
            if r.note is not None or r.is_break:
                c = codes.special(r)
                self.pieces.append((r, None))
            else:
                c = codes.encode_text(r.text, r.marks)
                self.pieces.append((r, c))
            chars.append(c)
            n += len(c)
        self.starts.append(n)
        self.text = "".join(chars)

    def runs(self, a: int, b: int) -> list[Run]:
        """The runs of tokens ``a`` to ``b - 1``."""
        out: list[Run] = []
        starts = self.starts
        i = bisect.bisect_right(starts, a, 0, len(self.pieces)) - 1
        while a < b:
            run, chars = self.pieces[i]
            s, e = starts[i], starts[i + 1]
            if chars is None:
                out.append(run)
                a += 1
            elif e > a:
                hi = min(b, e)
                if a == s and hi == e:
                    out.append(run)
                else:
                    text = "".join(map(self.words.__getitem__, chars[a - s : hi - s]))
                    out.append(Run(text, run.marks))
                a = hi
            i += 1
        return out


class Codes:
    """The private-use character standing for each distinct token, across many diffs.

    One table serves every provision of a document: a clause's words are mostly
    words met before, so encoding a run is a split at its spaces and one C-level
    lookup per piece (``"governments;"`` is looked up whole, as its two tokens).
    Only equality of characters matters to diff-match-patch, not which they are.
    """

    #: Past this many tokens, start afresh before the next diff: the private-use
    #: areas hold about 137,000 characters, and one diff never comes near them.
    LIMIT = 60_000

    def __init__(self) -> None:
        self.tables: dict[tuple[str, ...], dict[str, str]] = {}
        #: marks -> space-free piece of text -> its tokens' characters ("" -> "").
        self.pieces: dict[tuple[str, ...], dict[str, str]] = {}
        #: character -> the text of its token, to decode a run cut part way.
        self.words: dict[str, str] = {}
        self.specials: dict[Run, str] = {}
        self.count = 0

    def clear(self) -> None:
        self.tables.clear()
        self.pieces.clear()
        self.words.clear()
        self.specials.clear()
        self.count = 0

    def special(self, run: Run) -> str:
        c = self.specials.get(run)
        if c is None:
            c = self.specials[run] = _char(self.count)
            self.count += 1
        return c

    def encode(self, toks: list[str], marks: tuple[str, ...]) -> str:
        table = self.tables.get(marks)
        if table is None:
            table = self.tables[marks] = {}
        fresh = [t for t in dict.fromkeys(toks) if t not in table]
        if fresh:
            start = self.count
            self.count += len(fresh)
            if self.count <= 6400:  # the usual case: one range of the private-use area
                chars = list(map(chr, range(0xE000 + start, 0xE000 + self.count)))
            else:
                chars = [_char(start + k) for k in range(len(fresh))]
            table.update(zip(fresh, chars, strict=True))
            self.words.update(zip(chars, fresh, strict=True))
        return "".join(map(table.__getitem__, toks))

    def encode_text(self, text: str, marks: tuple[str, ...]) -> str:
        """The characters of the tokens of ``text`` (as :func:`_tokenise` splits it)."""
        if not single_spaced(text):
            return self.encode(_TOKEN.findall(text), marks)
        pieces = text.split(" ")
        table = self.pieces.get(marks)
        if table is None:
            table = self.pieces[marks] = {"": ""}
        missing = set(pieces).difference(table)
        if missing:
            for p in dict.fromkeys(pieces):  # in order, as tokens are met
                if p in missing:
                    table[p] = self.encode([p] if p.isalnum() else _TOKEN.findall(p), marks)
        if len(pieces) == 1:
            return table[text]
        space = table.get(" ")  # never a piece: pieces hold no space
        if space is None:
            space = table[" "] = self.encode([" "], marks)
        return space.join(map(table.__getitem__, pieces))


def tokens(runs: Iterable[Run]) -> list[Run]:
    """Split runs into word, space and punctuation tokens; notes and breaks stay whole."""
    return [k if isinstance(k, Run) else Run(k[0], k[1]) for k in _keys(runs)]


def words(runs: Iterable[Run]) -> list[str]:
    """The words and punctuation of ``runs`` (no spaces), for similarity scores."""
    out: list[str] = []
    for r in runs:
        if r.note is not None:
            if not r.text.isspace():
                out.append(r.text)
        elif not r.is_break:
            out.extend(_WORD.findall(r.text))
    return out


def _char(i: int) -> str:
    if i < 6400:
        return chr(0xE000 + i)
    if i < 6400 + 65534:
        return chr(0xF0000 + i - 6400)
    return chr(0x100000 + i - 6400 - 65534)


_DMP_KIND: dict[int, OpKind] = {0: "equal", 1: "insert", -1: "delete"}
#: One differ for all diffs: it keeps only its settings between calls.
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # deterministic: golden files must not depend on machine speed


def diff_runs(
    old: Sequence[Run], new: Sequence[Run], codes: Codes | None = None
) -> tuple[WordOp, ...]:
    """The word operations turning ``old`` into ``new``: deletions before insertions.

    ``codes`` may be shared by the diffs of one document, which then tokenise each
    distinct piece of text once.
    """
    if tuple(old) == tuple(new):  # the common case: no tokenising needed
        return (WordOp("equal", _merged(old)),) if old else ()
    if codes is None:
        codes = Codes()
    elif codes.count > codes.LIMIT:
        codes.clear()
    a, b = _Side(old, codes), _Side(new, codes)
    if a.text == b.text:  # the same tokens, cut into runs differently
        return (WordOp("equal", tuple(_merge(a.runs(0, len(a.text))))),) if a.text else ()
    raw = _DMP.diff_main(a.text, b.text, False)
    _DMP.diff_cleanupSemantic(raw)
    steps: list[tuple[OpKind, list[Run]]] = []
    i = j = 0  # token positions in old and new
    for code, chars in raw:
        n = len(chars)
        if code == 1:
            steps.append(("insert", b.runs(j, j + n)))
            j += n
        else:
            steps.append((_DMP_KIND[code], a.runs(i, i + n)))
            i += n
            j += n if code == 0 else 0
    return _normalise(steps)


def _merged(runs: Sequence[Run]) -> tuple[Run, ...]:
    """``runs`` with neighbours of equal marks merged; as they are when nothing merges."""
    for prev, r in pairwise(runs):
        if (
            prev.marks == r.marks
            and prev.note is None
            and r.note is None
            and not prev.is_break
            and not r.is_break
        ):
            return tuple(_merge(runs))
    return tuple(runs)


def _normalise(steps: list[tuple[OpKind, list[Run]]]) -> tuple[WordOp, ...]:
    """Merge neighbours of one kind; within each edit, the deletion comes first."""
    out: list[WordOp] = []
    equal: list[Run] = []
    deleted: list[Run] = []
    inserted: list[Run] = []

    def flush() -> None:
        if equal:
            out.append(WordOp("equal", tuple(_merge(equal))))
        if deleted:
            out.append(WordOp("delete", tuple(_merge(deleted))))
        if inserted:
            out.append(WordOp("insert", tuple(_merge(inserted))))

    for kind, runs in steps:
        if not runs:
            continue
        if kind == "equal":
            if deleted or inserted:
                flush()
                equal, deleted, inserted = [], [], []
            equal.extend(runs)
        elif kind == "delete":
            deleted.extend(runs)
        else:
            inserted.extend(runs)
    flush()
    return tuple(out)
