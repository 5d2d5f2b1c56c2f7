"""The words a draft uses, and the repairs that need them: line-end hyphens, glued leads.

A PDF loses two things at word level.  Hyphenation: "impor-" at a line end and
"tant" on the next must become "important", but "community-" and "based" must stay
"community-based".  Word spaces: some producers position words without a space
character, so a paste reads "Recognisingthe".  No dictionary ships with drafting;
the draft itself is the best one, since a resolution repeats its vocabulary.  The
rule throughout: a character is dropped only when the document shows it should be;
when unsure, keep it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from drafting.model.phrases import ADVERBS, OPERATIVE, PREAMBULAR
from drafting.text.cues import strip_markup

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
SOFT_HYPHEN = "\u00ad"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Function words that may follow a glued lead though the draft never uses them alone.
_COMMON = frozenset(
    [
        "a",
        "all",
        "an",
        "and",
        "any",
        "as",
        "at",
        "by",
        "each",
        "every",
        "for",
        "further",
        "in",
        "its",
        "it",
        "of",
        "on",
        "our",
        "that",
        "the",
        "their",
        "them",
        "these",
        "this",
        "those",
        "to",
        "upon",
        "with",
    ]
)


@dataclass
class Repairs:
    """Counts of the repairs made, turned into the notes of :class:`Unwrapped`."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, n: int = 1) -> None:
        """Count ``n`` more repairs of ``kind`` (a phrase such as "ligatures replaced")."""
        if n:
            self.counts[kind] += n

    def notes(self) -> list[str]:
        """One line a kind of repair, in the order first made: ``"3 line-end hyphens joined"``."""
        return [f"{n} {kind}" for kind, n in self.counts.items()]


def normalise(text: str, repairs: Repairs) -> str:
    """``text`` with ligatures spelled out, odd spaces made single plain ones and invisible
    marks gone.

    A soft hyphen inside a line is dropped (it only says where a word may break); one
    at the end of the line is kept, since it says for certain that the word goes on.
    """
    out = text
    if any(ch in out for ch in _LIGATURES):
        n = sum(out.count(ch) for ch in _LIGATURES)
        for ch, letters in _LIGATURES.items():
            out = out.replace(ch, letters)
        repairs.add("ligatures replaced by their letters", n)
    out = _SPACES.sub(" ", out)
    out = _INVISIBLE.sub("", out)
    out = re.sub(r" {2,}", " ", out).strip()
    if SOFT_HYPHEN in out:
        inner = out.rstrip(SOFT_HYPHEN)
        repairs.add("soft hyphens removed", inner.count(SOFT_HYPHEN))
        out = inner.replace(SOFT_HYPHEN, "") + out[len(inner) :][:1]
    return out


@dataclass
class Vocabulary:
    """The words of one draft, counted, and the hyphenated compounds it spells out.

    Word fragments left by line-end hyphenation are not counted: "impor" is no word.
    """

    words: Counter[str] = field(default_factory=Counter)
    compounds: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        """The vocabulary of ``texts``, consecutive lines of a draft, in order."""
        vocab = cls()
        after_hyphen = False
        for raw in texts:
            text = strip_markup(raw)
            tokens = _TOKEN.findall(text)
            ends_hyphen = text.endswith(("-", SOFT_HYPHEN)) and bool(tokens)
            if after_hyphen and tokens:
                tokens = tokens[1:]
            if ends_hyphen and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                vocab._count(token)
            after_hyphen = ends_hyphen
        return vocab

    def _count(self, token: str) -> None:
        low = token.lower()
        self.words[low] += 1
        if "-" in low:
            self.compounds.add(low)
            parts = low.split("-")
            for part in parts:
                self.words[part] += 1
            self.heads.update(parts[:-1])

    def hyphen(self, head: str, tail: str) -> bool:
        """True when the line-end hyphen between ``head-`` and ``tail`` is part of the word.

        Kept when the document writes the compound so, or uses both halves as words;
        dropped when it writes the joined word, or when ``tail`` is lower case and
        ``head`` is never the first half of a compound; kept otherwise.
        """
        h, t = head.lower(), tail.lower()
        if not head.isalpha() or not tail.isalpha():
            return True
        if f"{h}-{t}" in self.compounds:
            return True
        if h + t in self.words:
            return False
        if h in self.words and t in self.words:
            return True
        return not (tail[0].islower() and h not in self.heads)

    def count(self, word: str) -> int:
        """How often ``word`` occurs in the draft, in any case."""
        return self.words[word.lower()]


def _lead_keys() -> dict[str, tuple[int, ...]]:
    """Every lead phrase with its spaces taken out, mapped to its words' lengths."""
    keys: dict[str, tuple[int, ...]] = {}
    phrases = set(PREAMBULAR | OPERATIVE)
    for adverb in ADVERBS:
        phrases |= {f"{adverb} {p}" for p in OPERATIVE | PREAMBULAR}
    for phrase in phrases:
        words = phrase.split()
        keys["".join(words)] = tuple(len(w) for w in words)
    return keys


_KEYS = _lead_keys()
_LONGEST = max(len(k) for k in _KEYS)


def unglue(word: str, vocab: Vocabulary, initial: Counter[str]) -> str | None:
    """``word`` with the spaces the PDF lost put back ("Urgesall" -> "Urges all"), or None.

    ``word`` opens a paragraph.  It is split only when it starts with a lead phrase of
    the lexicon, goes on in lower case with a word the draft uses (or a common short
    word), and never occurs in the draft except at the start of a paragraph
    (``initial`` counts those).  "Recalling" stays whole: no phrase is a proper
    prefix of it, and it is a word.
    """
    if not word[:1].isupper() or not word.isalpha():
        return None
    low = word.lower()
    if vocab.count(low) > initial[low]:
        return None
    for n in range(min(len(low), _LONGEST), 2, -1):
        lengths = _KEYS.get(low[:n])
        if lengths is None:
            continue
        rest = word[n:]
        if len(lengths) == 1 and not rest:
            return None  # the word is itself a lead
        if rest and not (rest.islower() and (vocab.count(rest) or rest in _COMMON)):
            continue
        pieces, at = [], 0
        for length in lengths:
            pieces.append(word[at : at + length])
            at += length
        if rest:
            pieces.append(rest)
        return " ".join(pieces)
    return None
