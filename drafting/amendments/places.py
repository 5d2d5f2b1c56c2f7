"""Places in a clause-structured text, as amendments to rules, bylaws and bills name them.

The NATO PA amends its Rules of Procedure "paragraph 1 of Article 35", the OSCE PA
"Rule 5, paragraph 8", a bylaws committee "Article II, Section 15" or "Section 5.01",
a bill committee "section 15(2)(a)".  Each names a path down the text's hierarchy,
from the outermost level the tabler chose to name; which levels exist, and what
drafters call them, is :data:`drafting.model.structure.LEVELS`.  Here the words
become a :class:`~drafting.amendments.model.Location` of kind ``provision``;
:mod:`drafting.amendments.resolve` walks the draft with it.

A place made only of the resolution's own nouns (``paragraph 13(b)``) is left to
:mod:`drafting.amendments.phrases`, which reads it as before; resolving it against
a clause text reads it as a path too.
"""

from __future__ import annotations

import re

from drafting.amendments.model import Location, Step, provision_location
from drafting.model.structure import LEVELS

#: What drafters call each level, as amendments write it, and the element it names.
#: The levels' own nouns come from the structure; these are the other spellings.
_SPELLINGS: dict[str, str] = {
    "art.": "article",
    "sec.": "section",
    "§": "section",
    "reg.": "regulation",
    "sub-section": "subsection",
    "subparagraph": "subparagraph",
    "para.": "paragraph",
    "subpara.": "subparagraph",
    "sub-para.": "subparagraph",
    "subchapter": "subchapter",
    "schedule": "schedule",
    "annex": "schedule",
}
NOUNS: dict[str, str] = {lv.noun: name for name, lv in LEVELS.items()} | _SPELLINGS
#: The nouns a resolution also uses: a place made only of these is a resolution's.
_SHARED = frozenset({"paragraph", "para.", "sub-paragraph", "subparagraph", "point"})
# "title" alone is the draft's title (phrases.py reads it first); "Title II" is a group.


def _alternation(nouns: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))


_CLAUSE_NOUNS = [n for n in NOUNS if n not in _SHARED]
#: A level only a clause text has, singular or plural ("Article", "Rules").
CLAUSE_NOUN = rf"(?:{_alternation(_CLAUSE_NOUNS)})(?:e?s)?"
_ANY_NOUN = rf"(?:{_alternation(list(NOUNS))})(?:e?s)?"
#: A label as a clause text numbers it: 35, 13A, 5.01, II, (a), (2).
_LABEL = (
    r"(?:\(\s*[0-9A-Za-z]{1,7}\s*\)|[0-9]{1,4}[A-Za-z]{0,3}(?:\.[0-9]{1,3})*"
    r"|[IVXLCDMivxlcdm]{1,7}|[A-Za-z])"
)
_PARENS = r"(?:\s*\(\s*[0-9A-Za-z]{1,7}\s*\))*"
#: Between steps: "Article 35, paragraph 1", "paragraph 1 of Article 35", the European
#: Parliament's "Article 5 – paragraph 1 – point a", or a space.
_SEP = r"(?:\s*,\s*(?:of\s+(?:the\s+)?)?|\s+of\s+(?:the\s+)?|\s+[–—-]\s+|\s+)"
_ANY_STEP = rf"(?:{_ANY_NOUN})\s*{_LABEL}{_PARENS}"
#: A clause text's place inside an operation ("Leave out paragraph 1 of Article 35"):
#: at least one level only a clause text has, and nothing after it that continues a label.
CLAUSE_PLACE = (
    rf"(?:(?:{_ANY_STEP}{_SEP})*?(?:{CLAUSE_NOUN})\s*{_LABEL}{_PARENS}"
    rf"(?:{_SEP}{_ANY_STEP})*?(?![\w(]|\s*(?:,\s*|\s+of\s+|\s+)(?:{_ANY_NOUN})\s*{_LABEL}))"
)
_STEP = re.compile(
    rf"(?P<noun>{_ANY_NOUN})\s*(?P<label>{_LABEL})(?P<parens>{_PARENS})(?P<sep>{_SEP}|\s*[.:]?\s*$)",
    re.IGNORECASE,
)
_HAS_CLAUSE_NOUN = re.compile(rf"(?<![\w-])(?:{CLAUSE_NOUN})(?![\w-])", re.IGNORECASE)
_PAREN_LABEL = re.compile(r"\(\s*([0-9A-Za-z]{1,7})\s*\)")


def names_clause_level(text: str) -> bool:
    """True when ``text`` has a word only a clause text numbers by (Article, Rule ...)."""
    return _HAS_CLAUSE_NOUN.search(text) is not None


def read_clause_place(text: str) -> Location | None:
    """The clause-text place ``text`` names in full ("Article 35, paragraph 1",
    "paragraph 1 of Article 35", "section 15(2)(a)"); None when it is not one."""
    if not names_clause_level(text):
        return None
    steps: list[list[Step]] = []
    seps: list[str] = []
    pos = 0
    while pos < len(text):
        m = _STEP.match(text, pos)
        if m is None or m.end() == pos:
            return None
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        level = NOUNS.get(noun) or NOUNS.get(noun.removesuffix("s")) or NOUNS.get(noun[:-2])
        if level is None:
            return None
        group = [(level, m.group("label").strip("() "))]
        group += [("", lab) for lab in _PAREN_LABEL.findall(m.group("parens"))]
        steps.append(group)
        seps.append(m.group("sep").strip().lower())
        pos = m.end()
    joins = seps[:-1]
    if any(j not in ("", ",", "–", "—", "-") and "of" not in j for j in joins):
        return None
    backwards = [("of" in j) for j in joins]
    if any(backwards) and not all(backwards):
        return None  # "paragraph 1 of Article 35, section 2": no single order
    if any(backwards):
        steps.reverse()
    path = tuple(step for group in steps for step in group)
    return provision_location(path)
