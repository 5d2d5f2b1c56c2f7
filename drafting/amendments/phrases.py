"""The phrases amendments are made of: quotations, places in the draft, operations.

Each is a regular expression over one line, built from parts (a quotation slot, a
place, a verb) so that the many ways secretariats word the same thing (``Leave out
"X", insert "Y"``, ``Delete "X" and replace by "Y"``, ``Strike out "X" and insert
"Y"``) read to the same operation.  :mod:`drafting.amendments.parser` puts the lines
of a file together; what is read here is checked (``read_location`` refuses a place
it could misread) rather than guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Literal

from drafting.amendments.model import (
    DeleteRange,
    DeleteText,
    InsertText,
    Location,
    LocationKind,
    Operation,
    Quote,
    ReplaceText,
    Rest,
    Sentence,
)
from drafting.amendments.places import CLAUSE_NOUN, CLAUSE_PLACE, read_clause_place
from drafting.amendments.words import ORDINALS, normalize

# -- quotations ------------------------------------------------------------------

#: The ordinals a provision is counted by (``the second preambular paragraph``).
ORDINAL_WORDS = "|".join(ORDINALS)
_ORD = f"{ORDINAL_WORDS}|last"


# Words that may follow a closing single quote; before any other word a ' or ’ is an
# apostrophe ("the Allies' forces"), so 'A' and after 'B' insert 'C' is never one quotation.
_AFTER_QUOTE = r"(?:and|or|insert|add|after|before|with|by|to|for|substitute|from|at)"
_APOSTROPHE = rf"(?=\w)|(?=\s+(?!{_AFTER_QUOTE}\b)\w)"
#: Every pair of quotation marks secretariats type or Word makes: "…" “…” „…“ ”…” (and
#: mismatched straight/curly), «…» »…« ‹…›, '…' ‘…’ ‚…‘.
QUOTED = (
    r'"[^"\n]*"|“[^”\n]*”|„[^“”\n]*[“”]|”[^”\n]*”|"[^"“”\n]*[”“]|“[^"“”\n]*"'
    r"|«[^«»\n]*»|»[^«»\n]*«|‹[^‹›\n]*›|›[^‹›\n]*‹"
    rf"|'(?:[^'\n]|'(?:{_APOSTROPHE}))*'"
    rf"|[‘‚](?:[^‘’\n]|’(?:{_APOSTROPHE}))*[’‘]"
)
_FILLER = r"(?:words?|phrases?|expressions?|terms?|text|sentences?)"


def _q(name: str) -> str:
    """A quotation slot, optionally preceded by ``the words`` or an ordinal
    (``the second "AI"``, ``the second occurrence of "AI"``)."""
    return (
        rf"(?:the\s+(?:following\s+)?{_FILLER}\s*:?\s*)?"
        rf"(?:the\s+(?P<{name}_ord>{_ORD})\s+(?:occurrence\s+of\s+(?:the\s+)?|{_FILLER}\s+)?)?"
        rf"(?P<{name}>{QUOTED})"
    )


_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"),
    re.compile(r"<(u|b|i|em|strong)>(.*?)</\1>", re.IGNORECASE),
)


def plain(text: str) -> str:
    """Words without bold/italic/underline markup: quoted words are matched against the
    draft's words, and new words take the emphasis of the words around them (a lead
    phrase stays bold), so ``**Noting**`` means the word Noting."""
    if "*" not in text and "_" not in text and "<" not in text:
        return text  # no markup (the usual case): skip the five passes
    for rx in _EMPHASIS:
        text = rx.sub(lambda m: m.group(m.lastindex or 1), text)
    return text


def _unquote(s: str) -> str:
    return normalize(plain(s[1:-1]))


def _quote(m: re.Match[str], name: str) -> Quote:
    text = _unquote(m.group(name))
    if not text:
        raise ValueError("empty quotation")
    word = m.group(f"{name}_ord")
    occurrence = None
    if word:
        word = word.lower()
        occurrence = -1 if word == "last" else ORDINALS.index(word) + 1
    return Quote(text, occurrence)


def _new(m: re.Match[str], name: str = "n") -> str:
    return _unquote(m.group(name))


# -- locations -------------------------------------------------------------------

NOUN = (
    r"(?:operative\s+paragraph|preambular\s+paragraph|sub-sub-paragraph|sub-?paragraph"
    r"|paragraph|para\.?|point|recital|citation)s?"
)
_REF = (
    r"[0-9A-Za-z]+(?:\s*\(\s*[0-9A-Za-z]+\s*\))*"
    r"(?:(?:\s*,\s*|\s+)(?:(?:sub-)?(?:sub-?paragraph|point)\s*)?\(?[0-9a-z]{1,6}\)?)*"
)
_LOCATION = re.compile(rf"^(?P<noun>{NOUN})\s+(?P<ref>{_REF})\s*[.:]?$", re.IGNORECASE)
_TOKENS = re.compile(r"[0-9]+|[A-Za-z]+")
_SUBWORDS = re.compile(r"(?:sub-)?(?:sub-?paragraph|point)", re.IGNORECASE)
#: A sub-paragraph label: 3, b, aa, iv.
_SUB_LABEL = re.compile(r"[0-9]{1,3}|[a-z]{1,2}|[ivxlc]{1,7}", re.IGNORECASE)
#: The label of an EP-style new provision: ``2 a (new)``, ``13 bis (new)``.
_NEW_LABEL = re.compile(
    r"[a-z]{1,2}|bis|ter|quater|quinquies|sexies|septies|octies|novies|decies", re.IGNORECASE
)
#: UN shorthand: OP5 is operative paragraph 5, PP3 preambular paragraph 3.
_SHORTHAND = re.compile(r"^(?P<k>OP|PP)\s*(?=[0-9])", re.IGNORECASE)
#: ``Sub-paragraph (b) of paragraph 13``.
_OF_PARENT = re.compile(
    r"^(?P<sub>(?:sub-)?(?:sub-?paragraph|point))\s+(?P<label>\(?[0-9a-z]{1,7}\)?)\s*,?\s+of\s+"
    r"(?:the\s+)?(?P<parent>(?:operative\s+|preambular\s+)?(?:paragraph|para\.?)\s+.+)$",
    re.IGNORECASE,
)
#: What a line naming a place starts with (after ``in the``): a title, ``OP``/``PP``, or
#: a noun; a line that starts otherwise names none (checked before the passes below).
_MAY_BE_PLACE = re.compile(
    r"(?:in\s+(?:the\s+)?)?(?:the\s+title|title|op|pp|operative|preambular|sub|para|point"
    rf"|recital|citation|{CLAUSE_NOUN})",
    re.IGNORECASE,
)
_IN_THE = re.compile(r"^in\s+(?:the\s+)?(?=\S)", re.IGNORECASE)
_TITLE = re.compile(
    r"(?:the\s+)?title(?:\s+of\s+the\s+(?:draft|motion|resolution|text)[\w\s]*)?[.:]?",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s+[–—-]\s+")
_DOT = re.compile(r"(?<=[0-9a-z)])\.(?=[0-9a-z(])", re.IGNORECASE)
_IS_NEW = re.compile(r"\s*\(new\)\s*[.:]?$", re.IGNORECASE)
_NOUN_THEN_LABEL = re.compile(rf"^(?:{NOUN})\s+[0-9A-Z]", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”„«»‘’]")
_SPACES = re.compile(r"\s+")
_LOCATION_HINT = "write e.g. Paragraph 13(b), Operative paragraph 5(c)(ii), Recital B or Title"


class Unclear(ValueError):
    """A line that plainly names a place, but not in a way that can be read for sure."""

    def __init__(self, what: str, hint: str = _LOCATION_HINT) -> None:
        super().__init__(what)
        self.what = what
        self.hint = hint


def parse_location(text: str) -> Location | None:
    """The location ``text`` names (``Paragraph 13, sub-paragraph (b)``); None if it names none."""
    try:
        return read_location(text)
    except Unclear:
        return None


def read_location(text: str) -> Location | None:
    """As :func:`parse_location`, but a place named in a way that could be misread
    (``Paragraph 13(b), first line``, ``Preambular paragraph 3 (new)``) is refused: a
    wrong guess would amend the wrong provision.

    Raises:
        Unclear: the text names a place, but not one that can be read for sure.
    """
    original = text.strip()
    if not _MAY_BE_PLACE.match(original):
        return None  # most lines (operations, names) name no place: skip the passes below
    text = _IN_THE.sub("", original)
    if _TITLE.fullmatch(text):
        return Location("title")
    clause = read_clause_place(text)  # "Article 35, paragraph 1", "section 15(2)(a)"
    if clause is not None:
        return clause
    # Each pass below needs a letter or mark most places lack: skip it without one.
    if text[:2].lower() in ("op", "pp"):
        text = _SHORTHAND.sub(
            lambda m: (
                ("Operative" if m.group("k").lower() == "op" else "Preambular") + " paragraph "
            ),
            text,
        )
    of = _OF_PARENT.match(text) if "of" in text.lower() else None
    if of:
        text = f"{of.group('parent')}, {of.group('sub')} {of.group('label')}"
    text = _DASH.sub(", ", text)  # EP: Paragraph 1 – point b
    if "." in text:
        text = _DOT.sub(" ", text)  # 13.b
    is_new = _IS_NEW.search(text) if "(" in text else None
    if is_new:
        text = text[: is_new.start()]
    m = _LOCATION.match(text)
    if m is None:
        if _NOUN_THEN_LABEL.match(text) and not _QUOTE_MARK.search(text):
            raise Unclear(f"cannot read the place {original!r}")
        return None
    noun = _SPACES.sub(" ", m.group("noun").lower()).rstrip("s")
    ref_text = m.group("ref")
    tokens = _TOKENS.findall(_SUBWORDS.sub(" ", ref_text))
    if not tokens:
        return None
    kind: LocationKind
    if noun.startswith("operative"):
        kind = "operative"
    elif noun.startswith("preambular"):
        kind = "preambular"
    elif noun == "recital":
        kind = "recital"
    elif noun == "citation":
        kind = "citation"
    else:
        kind = "paragraph"
    if kind == "recital" and re.fullmatch(r"[A-Z]{1,3}[a-z]{1,2}", tokens[0]) and is_new:
        tokens[:1] = [re.sub(r"[a-z]+$", "", tokens[0]), re.sub(r"^[A-Z]+", "", tokens[0])]
    new = None
    if is_new:
        noun_text = "Recital B" if kind == "recital" else f"{m.group('noun')} 2"
        if len(tokens) < 2:
            raise Unclear(
                f"{original!r} does not say after which provision the new one goes",
                f'write "{noun_text} a (new)" for a new one after {noun_text.lower()},'
                " or After paragraph 2 insert the following new paragraph:",
            )
        if re.search(r"\(\s*[0-9a-z]+\s*\)\s*$", ref_text, re.IGNORECASE):
            raise Unclear(
                f"{original!r} could be a new sub-paragraph or a new paragraph",
                'write "Paragraph 13 a (new)" for a new paragraph after 13, "Paragraph 13(b) a'
                ' (new)" for a new sub-paragraph after 13(b), or After sub-paragraph 13(b)'
                " insert the following new sub-paragraph:",
            )
        new = tokens.pop().lower()
        if not _NEW_LABEL.fullmatch(new):
            raise Unclear(f"cannot read the label {new!r} of the new provision in {original!r}")
    head = tokens[0].upper() if kind == "recital" else tokens[0]
    if kind in ("preambular", "citation") and (len(tokens) > 1 or not head.isdigit()):
        raise Unclear(
            f"cannot read the place {original!r}: a {noun} is numbered 1, 2, 3 in the order"
            " of the draft and has no sub-paragraphs"
        )
    if kind in ("paragraph", "operative") and not head.isdigit():
        return None
    if kind == "recital" and not (head.isalpha() and len(head) <= 3) and not head.isdigit():
        raise Unclear(f"cannot read the place {original!r}")
    for t in tokens[1:]:
        if not _SUB_LABEL.fullmatch(t):
            extra = (
                '; for a new provision write e.g. "Paragraph 13 bis (new)"'
                if _NEW_LABEL.fullmatch(t) or t.lower() == "new"
                else ""
            )
            raise Unclear(f"cannot read {t!r} in the place {original!r}{extra}")
    ref = head + "".join(f"({t.lower()})" for t in tokens[1:])
    return Location(kind, ref, new)


# -- operations ------------------------------------------------------------------

_END = r"\s*[.;]?"
INS = r"(?:insert|add)"
_DEL = r"(?:leave\s+out|delete|strike(?:\s+out)?|omit|remove)"
#: Between the two halves of one operation: "X and insert", "X, insert", "X; insert".
_THEN = r"(?:\s*[,;]\s*|\s+)(?:and\s+)?"
_UNIT = r"(?:words?|phrases?|sentences?|text|expressions?|terms?)"
_FOLLOWING_WORDS = (
    rf"(?:\s+the\s+following(?:\s+(?:new\s+)?{_UNIT})?|\s+(?:an?|the)\s+(?:new\s+)?{_UNIT})?"
)
#: Only the provision itself has a beginning and an end: "at the end of the sentence" is
#: not the end of the paragraph, so it is not read as such.
_EDGE = (
    r"(?P<edge>beginning|start|end)(?:\s+of\s+the\s+(?:(?:sub-)?(?:sub-?paragraph|point)"
    r"|paragraph|recital|citation|title|text|provision))?"
)
#: A provision named inside an operation (``paragraph 7``, ``OP5(c)``, ``sub-paragraph
#: (c)``); what it names is read, and checked, by :func:`read_location`.
_PLACE = (
    rf"(?:{CLAUSE_PLACE}|"
    rf"(?:(?:OP|PP)\s*[0-9]+|(?:{NOUN})\s+\(?(?:[0-9]{{1,3}}[a-z]{{0,2}}|[a-z]{{1,2}}|[ivxlc]{{1,7}})\)?)"
    r"(?:\s*\(\s*[0-9a-z]{1,7}\s*\)|(?:\s*[,.]\s*|\s+)(?:[–—-]\s+)?"
    r"(?:(?:sub-)?(?:sub-?paragraph|point)\s+)?\(?(?:[0-9]{1,3}|[a-z]{1,2}|[ivxlc]{1,7})\)?)*?"
    # Not before a word, nor before the (b) of 13(b): the shortest place is the whole label.
    r"(?![\w]|\s*\(\s*[0-9a-z]{1,7}\s*\)))"
)
PLACE = _PLACE


class LinePattern:
    """An anchored line pattern, compiled when first needed and tried only on lines that
    open with its ``lead``.

    Each operation pattern spells out every quotation style for every quoted part
    (1,000-2,000 characters); compiling them all took ~0.15 s at the start of every
    ``amendments`` command, and a file uses a few of the forms.  The lead is a short
    expression with the same flags that the pattern must match first: the pattern is
    anchored, so a line it matches opens with its lead, and a line that does not is
    refused without compiling anything.
    """

    __slots__ = ("_compiled", "_flags", "_lead", "_source")

    def __init__(self, source: str, flags: int, lead: str | None = None) -> None:
        self._source = source
        self._flags = flags
        self._lead = re.compile(lead, flags) if lead is not None else None
        self._compiled: re.Pattern[str] | None = None

    def match(self, line: str) -> re.Match[str] | None:
        """``re.match`` of the pattern on ``line``."""
        if self._lead is not None and self._lead.match(line) is None:
            return None
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled.match(line)


def _rx(pattern: str, lead: str | None = None) -> LinePattern:
    return LinePattern(r"^" + pattern + _END + r"$", re.IGNORECASE | re.DOTALL, lead)


def position(m: re.Match[str]) -> Literal["after", "before"]:
    """The ``pos`` group of a match: new text or provisions go after or before."""
    return "after" if m.group("pos").lower() == "after" else "before"


def _edge(m: re.Match[str]) -> Literal["beginning", "end"]:
    return "end" if m.group("edge").lower() == "end" else "beginning"


Builder = Callable[[re.Match[str]], Operation]


def _insert(m: re.Match[str]) -> Operation:
    return InsertText(position(m), _quote(m, "a"), _new(m))


def _at_edge(m: re.Match[str]) -> Operation:
    return InsertText(_edge(m), None, _new(m))


def _replace(m: re.Match[str]) -> Operation:
    return ReplaceText(_quote(m, "a"), _new(m))


#: What each pattern below opens with (see :class:`LinePattern`).
_POS = r"(?:after|before)"


def _next_to(m: re.Match[str]) -> Operation:
    """``before "concern" delete "grave"``: the words next to the anchor go, and the
    anchor names which of several "grave" is meant, so both are quoted together."""
    anchor, gone = _quote(m, "a"), _quote(m, "b")
    pair = f"{gone.text} {anchor.text}" if position(m) == "before" else f"{anchor.text} {gone.text}"
    return ReplaceText(Quote(pair, anchor.occurrence), anchor.text)


def _rest(m: re.Match[str]) -> Operation:
    rest = Rest(_quote(m, "a"))
    return ReplaceText(rest, _new(m)) if m.group("n") is not None else DeleteText(rest)


def _sentence(m: re.Match[str]) -> Operation:
    word = m.group("sord").lower()
    target = Sentence(-1 if word == "last" else ORDINALS.index(word) + 1)
    return ReplaceText(target, _new(m)) if m.group("n") is not None else DeleteText(target)


#: "with the following words:", "by the following text:", "with": what leads to new words
#: (``_q`` reads "the following words" itself; "the following:" is read here).
_WITH = r"(?:with|by)(?:\s+the\s+following\s*:)?\s*"
#: The optional second half of a deletion: "and insert ...", "and replace with ...", "with ...".
_AND_INSERT = (
    rf"(?:(?:{_THEN}(?:insert|substitute|add)\s*:?\s*"
    rf"|(?:{_THEN}|\s+)(?:and\s+)?replace\s+(?:it\s+|them\s+)?{_WITH}|\s+{_WITH})"
    rf"(?:the\s+following\s*:\s*)?{_q('n')})?"
)
#: The words after a quotation, to the end: "all words after", "the rest of the paragraph".
_REST_OF = (
    r"(?:all\s+(?:the\s+)?(?:following\s+)?(?:words|text)|everything|the\s+words"
    r"|the\s+(?:rest|remainder|end)(?:\s+of\s+the\s+(?:(?:sub-)?paragraph|text|provision))?)"
)
_REST_AFTER = (
    r"(?:the\s+(?:rest|remainder|end)\s+of\s+the\s+(?:(?:sub-)?paragraph|text|provision)"
    r"|all\s+(?:the\s+)?(?:following\s+|remaining\s+|subsequent\s+)?(?:words|text)"
    r"|the\s+(?:existing|remaining|following|subsequent)\s+(?:words|text))"
)

_TEXT_OPS: list[tuple[LinePattern, Builder]] = [
    (
        _rx(rf"(?P<pos>after|before)\s+{_q('a')}\s*,?\s+{_DEL}\s+{_q('b')}", _POS),
        _next_to,
    ),
    (
        _rx(
            rf"(?:{_DEL}|replace)\s+{_REST_OF}\s+(?:after|following)\s+{_q('a')}{_AND_INSERT}",
            rf"(?:{_DEL}|replace)",
        ),
        _rest,
    ),
    (
        _rx(
            rf"after\s+{_q('a')}\s*,?\s+(?:{_DEL}|replace)\s+{_REST_AFTER}{_AND_INSERT}",
            "after",
        ),
        _rest,
    ),
    (
        _rx(
            rf"(?:{_DEL}|replace)\s+the\s+(?P<sord>{_ORD})\s+sentence{_AND_INSERT}",
            rf"(?:{_DEL}|replace)",
        ),
        _sentence,
    ),
    (
        _rx(
            rf"(?P<pos>after|before)\s+{_q('a')},?\s+{INS}{_FOLLOWING_WORDS}\s*:?\s*{_q('n')}",
            _POS,
        ),
        _insert,
    ),
    (
        _rx(
            rf"{INS}{_FOLLOWING_WORDS}\s+(?P<pos>after|before)\s+{_q('a')}\s*[,:]?\s*{_q('n')}",
            INS,
        ),
        _insert,
    ),
    (_rx(rf"{INS}\s+{_q('n')}\s+(?P<pos>after|before)\s+{_q('a')}", INS), _insert),
    (_rx(rf"at\s+(?:the\s+)?{_EDGE},?\s+{INS}{_FOLLOWING_WORDS}\s*:?\s*{_q('n')}", "at"), _at_edge),
    (_rx(rf"{INS}{_FOLLOWING_WORDS}\s+at\s+(?:the\s+)?{_EDGE}\s*[,:]?\s*{_q('n')}", INS), _at_edge),
    (_rx(rf"{INS}\s+{_q('n')}\s+at\s+(?:the\s+)?{_EDGE}", INS), _at_edge),
    (
        _rx(
            rf"{_DEL}\s+from\s+{_q('a')}\s+(?:up\s+)?to(?:\s+and\s+including)?"
            rf"\s+{_q('b')}(?:{_THEN}(?:insert|substitute)\s*:?\s*{_q('n')})?",
            _DEL,
        ),
        lambda m: DeleteRange(
            _quote(m, "a"), _quote(m, "b"), _new(m) if m.group("n") is not None else None
        ),
    ),
    (
        _rx(
            rf"{_DEL}\s+{_q('a')}{_THEN}(?:insert|substitute|add"
            rf"|replace\s+(?:it\s+|them\s+)?(?:with|by))\s*:?\s*{_q('n')}",
            _DEL,
        ),
        _replace,
    ),
    (_rx(rf"replace\s+{_q('a')}\s+(?:with|by)\s*:?\s*{_q('n')}", "replace"), _replace),
    (_rx(rf"for\s+{_q('a')},?\s+substitute\s+{_q('n')}", "for"), _replace),
    (_rx(rf"substitute\s+{_q('n')}\s+for\s+{_q('a')}", "substitute"), _replace),
    (_rx(rf"{_DEL}\s+{_q('a')}", _DEL), lambda m: DeleteText(_quote(m, "a"))),
]

_WHOLE = (
    rf"(?:the\s+)?(?:(?:whole|entire|complete)\s+)?(?:{NOUN}|{CLAUSE_NOUN}|title|text|provision)"
)
_NEW_TEXT = (
    rf"(?:\s+the\s+following(?:\s+(?:new\s+)?(?:text|wording|{NOUN}|{CLAUSE_NOUN}|title"
    rf"|provision))?|\s+(?:an?\s+)?new\s+(?:text|wording|{NOUN}|{CLAUSE_NOUN}|title|provision))?"
)
_AS_FOLLOWS = r"(?:\s+(?:reading|worded|which\s+reads|to\s+read))?(?:\s+as\s+follows)?"
#: New wording may follow on the same line after a colon, or in quotation marks.
_TAIL = rf"(?:\s*:\s*(?P<inline>\S.*)|\s+(?P<inlq>{QUOTED}))?\s*:?\s*$"


def _head(pattern: str, lead: str | None = None) -> LinePattern:
    return LinePattern(r"^" + pattern + _TAIL, re.IGNORECASE, lead)


# "deleted?" opens with "delete", one of _DEL's words.
DELETE_PROVISION = _rx(rf"(?:{_DEL}(?:\s+{_WHOLE})?|deleted?)", _DEL)
DELETE_NAMED = _rx(rf"{_DEL}\s+(?:the\s+)?(?:(?:whole|entire)\s+)?(?P<named>{_PLACE})", _DEL)
REPLACE_PROVISION = [
    _head(
        rf"replace(?:\s+(?:the\s+)?(?P<named>{_PLACE})|\s+{_WHOLE})?\s+(?:with|by){_NEW_TEXT}",
        "replace",
    ),
    _head(
        rf"{_DEL}(?:\s+(?:the\s+)?(?P<named>{_PLACE})|\s+{_WHOLE}){_THEN}(?:insert|substitute"
        rf"|replace\s+(?:it\s+)?(?:with|by)){_NEW_TEXT}{_AS_FOLLOWS}",
        _DEL,
    ),
    _head(
        rf"substitute{_NEW_TEXT}(?:\s+for\s+(?:(?:the\s+)?(?P<named>{_PLACE})|{_WHOLE}))?",
        "substitute",
    ),
    _head(
        rf"(?:amend|redraft|reword|rewrite|modify)(?:\s+(?:the\s+)?(?P<named>{_PLACE})"
        rf"|\s+{_WHOLE})?\s+(?:to\s+read|as\s+follows)(?:\s+as\s+follows)?",
        r"(?:amend|redraft|reword|rewrite|modify)",
    ),
    _head(
        rf"(?:(?P<named>{_PLACE})|{_WHOLE})\s+(?:(?:is\s+|shall\s+be\s+|to\s+be\s+)?"
        r"(?:amended|replaced)\s+(?:to\s+read|as\s+follows|by\s+the\s+following)"
        r"|(?:shall\s+|to\s+)?reads?)(?:\s+as\s+follows)?"
    ),
]
_NEW_NOUN = (
    rf"(?:\s+(?:the\s+following|an?|one))?(?:\s+(?:additional|further))?(?:\s+new)?"
    rf"(?:\s+(?:{NOUN}|{CLAUSE_NOUN}|text|provision)"
    # the label the tabler gives it ("a new sub-paragraph (g)"): renumbering decides
    r"(?:\s+\(?(?:[0-9]{1,3}[a-z]{0,2}|[a-z]{1,2})\)?(?:\s+(?:bis|ter|quater))?)?)?"
)
INSERT_PROVISIONS = [
    _head(
        rf"(?P<pos>after|before)\s+(?:the\s+)?(?P<anchor>{_PLACE}),?\s+{INS}{_NEW_NOUN}"
        rf"{_AS_FOLLOWS}",
        _POS,
    ),
    _head(
        rf"{INS}{_NEW_NOUN}\s+(?P<pos>after|before)\s+(?:the\s+)?(?P<anchor>{_PLACE})"
        rf"{_AS_FOLLOWS}",
        INS,
    ),
    _head(
        rf"{INS}\s+(?P<pos>after|before)\s+(?:the\s+)?(?P<anchor>{_PLACE}),?{_NEW_NOUN}"
        rf"{_AS_FOLLOWS}",
        INS,
    ),
    _head(
        rf"(?:an?\s+)?new\s+(?:{NOUN}|{CLAUSE_NOUN}|text|provision)\s+(?P<pos>after|before)\s+(?:the\s+)?"
        rf"(?P<anchor>{_PLACE})",
        r"(?:an?\s+)?new",
    ),
]
#: "At the end of paragraph 13 add a new sub-paragraph" needs the draft to know which
#: sub-paragraph is last; the tabler knows, so the amendment should say.
NEW_AT_END = re.compile(
    rf"^(?:at\s+the\s+(?:end|beginning)\b.*\bnew\s+(?:{NOUN})"
    rf"|{INS}\s+(?:a|the\s+following)\s+new\s+(?:{NOUN})\s+at\s+the\s+(?:end|beginning)\b)",
    re.IGNORECASE,
)
MOVE = _rx(
    rf"move\s+(?:the\s+)?(?P<target>{_PLACE})\s+(?:so\s+as\s+to\s+(?:come|stand)\s+"
    rf"|to\s+(?:come\s+|stand\s+)?)?(?P<pos>after|before)\s+(?:the\s+)?(?P<anchor>{_PLACE})",
    "move",
)
#: The verbs an operation starts with: they split ``Leave out "A" and after "B" insert
#: "C"`` into two, and ``Paragraph 13(b): leave out "A"`` into a place and an operation.
VERB = (
    r"(?:after|before|at\s+(?:the\s+)?(?:end|beginning|start)|leave\s+out|delete|insert|add|replace|substitute|for|move"
    r"|amend|strike|omit|remove|redraft|reword)\b"
)
OP_LABEL = re.compile(r"^(?:\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\([a-z]{1,4}\)|[-*•–])\s+(?=\S)", re.I)


def match_text_op(line: str) -> Operation | None:
    """The word-level operation ``line`` words (``Leave out "X"``...); None if none.

    Raises:
        ValueError: a quotation is empty.
    """
    for rx, build in _TEXT_OPS:
        m = rx.match(line)
        if m:
            return build(m)
    return None


def split_operations(line: str) -> list[Operation] | None:
    """``Leave out "A" and after "B" insert "C"`` as its two operations: the line is cut
    before a verb, outside quotations, in the fewest places that leave only operations
    (so ``Leave out "A" and insert "B"`` stays one)."""
    masked = list(line)
    for q in re.finditer(QUOTED, line):
        masked[q.start() : q.end()] = "x" * (q.end() - q.start())
    cuts = [
        (m.start(), m.end())
        for m in re.finditer(
            rf"(?:\s*[,;]\s*and\s+|\s+and\s+|\s*;\s*)(?={VERB})", "".join(masked), re.I
        )
    ]
    if not 0 < len(cuts) <= 6:
        return None
    for size in range(1, len(cuts) + 1):
        for chosen in itertools.combinations(cuts, size):
            parts, at = [], 0
            for s, e in chosen:
                parts.append(line[at:s].strip())
                at = e
            parts.append(line[at:].strip())
            ops = [match_text_op(p) for p in parts]
            if all(op is not None for op in ops):
                return [op for op in ops if op is not None]
    return None
