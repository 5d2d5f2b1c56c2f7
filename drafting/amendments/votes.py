"""Votes as counted: read from the file a secretary types, and turned into outcomes.

After the sitting the secretary types what the chair announced, one vote a line,
in whichever of these forms comes to hand (``#`` starts a comment)::

    Amendment 3: 45 for, 12 against, 3 abstentions
    Amendment 5: 45-12-3
    C1: adopted
    Whole text: 80 for, 5 against, 2 abstentions

or saves a spreadsheet as CSV with a header row ``amendment,for,against,abstentions``
(an ``outcome`` column and columns of its own are allowed; ``;`` and tabs work as
separators too).  More votes for than against adopt an amendment; a tie rejects it.
An amendment that an adopted one excludes fell without a vote and needs no line.
What the reader cannot understand is refused with its line rather than guessed:
the paper goes on record, and a wrong figure there is worse than an error now.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafting.amendments.errors import VotesFileError
from drafting.amendments.exclusion import Adopted
from drafting.amendments.model import VOTE_WORDS, Status
from drafting.amendments.parser import read_text_file
from drafting.amendments.voting import Decision, VoteResult, VotingItem, VotingPaper, voting_paper

#: The keyword of the vote on the text as a whole, as the help and README give it;
#: any key with the word "whole" in it is read so ("Text as a whole", "Resolution as
#: a whole, as amended").
WHOLE_TEXT = "Whole text"

#: The words for an outcome, the words of ``amend --votes`` among them, so that one
#: file serves both commands.
DECISION_WORDS: dict[str, Decision] = {
    "adopted": "adopted",
    "carried": "adopted",
    "agreed": "adopted",
    "approved": "adopted",
    "passed": "adopted",
    "rejected": "rejected",
    "lost": "rejected",
    "defeated": "rejected",
    "not adopted": "rejected",
    "not carried": "rejected",
    "fell": "fell",
    "falls": "fell",
    "fallen": "fell",
    "lapsed": "fell",
    "withdrawn": "withdrawn",
}


@dataclass(frozen=True)
class Tally:
    """What the votes file says of one vote: its line, the figures, the outcome written."""

    line: int
    in_favour: int | None = None
    against: int | None = None
    abstentions: int | None = None
    #: The outcome as written ("adopted", "fell"); None when only figures are given.
    stated: Decision | None = None

    @property
    def outcome(self) -> Decision | None:
        """The outcome written, else the figures': adopted when more vote for than against."""
        if self.stated is not None:
            return self.stated
        if self.in_favour is None or self.against is None:
            return None
        return "adopted" if self.in_favour > self.against else "rejected"


@dataclass(frozen=True)
class RecordedVotes:
    """The votes of one file, by amendment number as written, and on the whole text."""

    source: str
    amendments: dict[str, Tally] = field(default_factory=dict)
    whole: Tally | None = None


def read_vote_counts(path: str | Path) -> RecordedVotes:
    """The votes in the file at ``path`` (lines or CSV, as the module says).

    Raises:
        InputError: the file cannot be read.
        VotesFileError: a line is not a vote, or a vote is given twice.
    """
    p = Path(path)
    return parse_vote_counts(read_text_file(p), str(p))


def parse_vote_counts(text: str, source: str = "<votes>") -> RecordedVotes:
    """The votes in ``text``: one a line, or CSV when the first line is a header whose
    first cell is ``amendment``.  A line with a key and nothing after it (``Amendment
    3:``) is a vote not yet taken.

    Raises:
        VotesFileError: a line is not a vote, or a vote is given twice.
    """
    lines = text.splitlines()
    header = _csv_header(lines, source)
    found = _read_csv(lines, header, source) if header else _read_lines(lines, source)
    amendments: dict[str, Tally] = {}
    seen: dict[str, Tally] = {}
    whole: Tally | None = None
    for key, tally in found:
        first = whole if key is None else seen.get(key.casefold())
        if first is not None:
            what = "the whole text" if key is None else f"amendment {key}"
            raise VotesFileError(
                f"{what} is voted twice (first on line {first.line})",
                hint="keep one line per vote",
                file=source,
                line=tally.line,
            )
        if key is None:
            if tally.stated in ("fell", "withdrawn"):
                raise VotesFileError(
                    "the text as a whole cannot fall or be withdrawn",
                    hint="give the final vote's figures, or adopted or rejected",
                    file=source,
                    line=tally.line,
                )
            whole = tally
        else:
            seen[key.casefold()] = amendments[key] = tally
    return RecordedVotes(source, amendments, whole)


def count_votes(
    items: Sequence[VotingItem],
    votes: RecordedVotes,
    *,
    withdrawn: Collection[str] = (),
) -> tuple[list[VoteResult], VoteResult]:
    """The result of each of ``items`` (in order) and of the vote on the whole text.

    Going down the list, an adopted amendment makes the ones it excludes fall: they
    show "fell" with or without a line.  ``withdrawn`` are the numbers left off the
    list as withdrawn, named as such when the file gives them a vote.

    Raises:
        VotesFileError: a vote is for an amendment not on the list, or for one that
            had fallen by then.
    """
    index = {it.amendment.number.casefold(): k for k, it in enumerate(items)}
    gone = {n.casefold() for n in withdrawn}
    by_row: dict[int, Tally] = {}
    for number, given in votes.amendments.items():
        k = index.get(number.casefold())
        if k is None:
            was_withdrawn = number.casefold() in gone
            why = "was withdrawn, so it is not" if was_withdrawn else "is not"
            raise VotesFileError(
                f"amendment {number} {why} on the voting list",
                hint="leave its line out"
                if was_withdrawn
                else "check the number against the voting list",
                file=votes.source,
                line=given.line,
            )
        by_row[k] = given
    results: list[VoteResult] = []
    fell_by: dict[str, str] = {}
    # What the adopted ones make fall is decided as the apply decides it, from their
    # checks; a list made without checks says it in each item's falls.
    standing = Adopted()
    for k, it in enumerate(items):
        number = it.amendment.number
        tally = by_row.get(k)
        if number not in fell_by and it.check is not None:
            by = standing.clashing(it.check)
            if by:
                fell_by[number] = by[0]
        if number in fell_by:
            if tally is not None and tally.outcome != "fell":
                raise VotesFileError(
                    f"amendment {number} fell when amendment {fell_by[number]} was adopted,"
                    " so it was not put to the vote",
                    hint=f"leave the line out, or write 'Amendment {number}: fell'",
                    file=votes.source,
                    line=tally.line,
                )
            results.append(VoteResult(outcome="fell"))
            continue
        result = _result(tally)
        results.append(result)
        if result.outcome == "adopted":
            if it.check is not None:
                standing.add(it.check)
            for other in it.falls:
                fell_by.setdefault(other, number)
    return results, _result(votes.whole)


def record_votes(
    items: Sequence[VotingItem],
    votes: RecordedVotes | None,
    *,
    text: str = "draft resolution",
    withdrawn: Collection[str] = (),
) -> VotingPaper:
    """The voting paper for ``items`` on the ``text``, its result columns filled from
    ``votes`` (empty without them).

    Raises:
        VotesFileError: as :func:`count_votes`.
    """
    if votes is None:
        return voting_paper(items, text=text)
    results, whole = count_votes(items, votes, withdrawn=withdrawn)
    return voting_paper(items, text=text, results=results, whole=whole)


def _result(tally: Tally | None) -> VoteResult:
    if tally is None:
        return VoteResult()
    return VoteResult(tally.in_favour, tally.against, tally.abstentions, tally.outcome)


# -- one vote a line --------------------------------------------------------------------

_HINT = (
    "write one vote a line, e.g. 'Amendment 3: 45 for, 12 against, 3 abstentions',"
    " 'Amendment 3: 45-12-3' or 'Amendment 3: adopted'"
)
#: A comment: ``#`` at the start or after a space, but not ``Amendment #3``.
_COMMENT = re.compile(r"(?:^|\s)#(?!\s*\d)")
_SPLIT = re.compile(r"^(?P<key>[^:=\t]+?)\s*[:=\t]\s*(?P<value>.*)$")
_PREFIX = r"(?:(?:compromise|oral)\s+)?(?:amendment|amdt\.?|am\.?)"
#: Without a colon: ``Amendment 3 45-12-3``, ``Amendment 3 – adopted``.
_LOOSE = re.compile(
    rf"^(?P<key>{_PREFIX}\s*(?:no\.?\s*|#\s*)?[0-9A-Za-z][\w./]*|whole\s+text)"
    r"\s*(?:[–—,;]\s*|\s+)(?P<value>\S.*)$",
    re.IGNORECASE,
)
_KEY = re.compile(
    rf"^(?:{_PREFIX}(?:\s+|(?=\d)))?(?:no\.\s*|no\s+|#\s*)?(?P<num>[0-9A-Za-z][\w./-]*?)\.?$",
    re.IGNORECASE,
)


def _read_lines(lines: Sequence[str], source: str) -> list[tuple[str | None, Tally]]:
    out: list[tuple[str | None, Tally]] = []
    for i, raw in enumerate(lines, 1):
        line = _COMMENT.split(raw, maxsplit=1)[0].strip()
        if not line:
            continue
        m = _SPLIT.match(line) or _LOOSE.match(line)
        key = _key(m.group("key")) if m else ""
        if m is None or key == "":
            raise VotesFileError(
                f"cannot read the vote {raw.strip()!r}", hint=_HINT, file=source, line=i
            )
        tally = _tally(m.group("value"), i, source, raw)
        if tally is not None:
            out.append((key, tally))
    return out


def _key(text: str) -> str | None:
    """The amendment number a key names; None for the whole text; '' for neither."""
    words = " ".join(text.split())
    if "whole" in words.lower().replace(",", " ").split():
        return None
    m = _KEY.match(words)
    return m.group("num") if m else ""


_LABELS = {
    "for": r"for|in\s+favou?r|yes|yeas|ayes|pro",
    "against": r"against|noes|nays|no",
    "abstentions": r"abstentions?|abstained|abstaining|abstain|abst\.?|abs\.?",
}
_ANY_LABEL = "|".join(_LABELS.values())
#: ``45 for`` or ``for: 45``.
_COUNT = re.compile(
    rf"(?<![\w.])(?P<n>\d+)\s*(?:votes?\s+)?(?P<w>{_ANY_LABEL})(?![\w])"
    rf"|(?<![\w])(?P<w2>{_ANY_LABEL})\s*[:=]?\s*(?P<n2>\d+)(?![\w.])",
    re.IGNORECASE,
)
#: ``45-12-3``, ``45–12``, ``45/12/3``: for, against, abstentions.
_DASHED = re.compile(r"(?<![\w.])(\d+)\s*[-–—/]\s*(\d+)(?:\s*[-–—/]\s*(\d+))?(?![\w.])")
_NO_ABSTENTIONS = re.compile(r"(?<![\w])no\s+abstentions?(?![\w])", re.IGNORECASE)
_DECISION = re.compile(
    r"(?<![\w])(?P<w>"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(DECISION_WORDS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
#: Words that say how, not what: dropped.
_FILLER = re.compile(
    r"(?<![\w])(?:unanimously|by\s+consensus|by\s+acclamation|by\s+(?:a\s+)?show\s+of\s+hands"
    r"|without\s+a\s+vote|votes?|and)(?![\w])",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"^[\s,;.:()\[\]/–—-]*$")


def _tally(value: str, line: int, source: str, raw: str) -> Tally | None:
    """The vote ``value`` gives (the text after the key); None when it is empty."""
    if not value.strip():
        return None

    def refuse() -> VotesFileError:
        return VotesFileError(
            f"cannot read the vote {raw.strip()!r}", hint=_HINT, file=source, line=line
        )

    decisions = {
        DECISION_WORDS[" ".join(m.group("w").lower().split())] for m in _DECISION.finditer(value)
    }
    if len(decisions) > 1:
        raise refuse()
    rest = _DECISION.sub(" ", value)
    counts: dict[str, int] = {}
    if _NO_ABSTENTIONS.search(rest):
        counts["abstentions"] = 0
        rest = _NO_ABSTENTIONS.sub(" ", rest)
    for m in _COUNT.finditer(rest):
        word = (m.group("w") or m.group("w2")).lower()
        label = next(k for k, v in _LABELS.items() if re.fullmatch(v, word, re.IGNORECASE))
        if label in counts:
            raise refuse()
        counts[label] = int(m.group("n") or m.group("n2"))
    rest = _COUNT.sub(" ", rest)
    dashed = _DASHED.search(rest) if not counts.keys() & {"for", "against"} else None
    if dashed is not None:
        figures = [int(g) if g is not None else None for g in dashed.groups()]
        for k, n in zip(_LABELS, figures, strict=True):
            if n is not None and counts.setdefault(k, n) != n:
                raise refuse()
        rest = rest[: dashed.start()] + " " + rest[dashed.end() :]
    if not _PUNCTUATION.match(_FILLER.sub(" ", rest)) or not (counts or decisions):
        raise refuse()
    stated = decisions.pop() if decisions else None
    return _checked(
        Tally(
            line,
            counts.get("for"),
            counts.get("against"),
            counts.get("abstentions"),
            stated,
        ),
        source,
    )


def _checked(tally: Tally, source: str) -> Tally:
    """``tally`` when its figures and its stated outcome make sense together.

    Raises:
        VotesFileError: figures without both sides, figures for a vote not taken, or
            figures that contradict the outcome written beside them.
    """
    figures = (tally.in_favour, tally.against, tally.abstentions)
    if any(n is not None for n in figures) and (tally.in_favour is None or tally.against is None):
        raise VotesFileError(
            "the vote gives no figure for or against",
            hint="give both, e.g. 45 for, 12 against, 3 abstentions (or 45-12-3)",
            file=source,
            line=tally.line,
        )
    if tally.in_favour is None or tally.against is None or tally.stated is None:
        return tally
    if tally.stated in ("fell", "withdrawn"):
        raise VotesFileError(
            f"an amendment that {'fell' if tally.stated == 'fell' else 'was withdrawn'}"
            " was not voted on, yet the line gives figures",
            hint="leave out the figures, or the outcome",
            file=source,
            line=tally.line,
        )
    counted = Tally(tally.line, tally.in_favour, tally.against).outcome
    if counted != tally.stated:
        raise VotesFileError(
            f"{tally.in_favour} for and {tally.against} against is {counted},"
            f" but the line says {tally.stated}",
            hint="check the figures",
            file=source,
            line=tally.line,
        )
    return tally


# -- CSV -------------------------------------------------------------------------------

_AMENDMENT_COLUMN = {"amendment", "amendments", "amendment no", "amendment no.", "no.", "am"}
_COLUMN_NAMES = {
    "for": {"for", "in favour", "in favor", "yes", "ayes", "pro"},
    "against": {"against", "no", "noes", "nays"},
    "abstentions": {"abstentions", "abstention", "abstain", "abstained", "abst.", "abst", "abs"},
    "outcome": {"outcome", "result", "decision"},
}


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based index of the header line
    delimiter: str
    columns: dict[str, int]  # "amendment", "for", ... -> cell index


def _csv_header(lines: Sequence[str], source: str) -> _Header | None:
    """The CSV header, when the first line that is not blank or a comment is one."""
    for i, raw in enumerate(lines):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        for delimiter in (",", ";", "\t"):
            cells = [" ".join(c.split()).lower() for c in _cells(line, delimiter)]
            if len(cells) < 2 or cells[0] not in _AMENDMENT_COLUMN:
                continue
            columns = {"amendment": 0}
            for k, cell in enumerate(cells):
                for name, spellings in _COLUMN_NAMES.items():
                    if cell in spellings:
                        columns.setdefault(name, k)
            if not ({"for", "against", "outcome"} & columns.keys()):
                raise VotesFileError(
                    "the CSV header names no for, against or outcome column",
                    hint="begin the file with the header amendment,for,against,abstentions",
                    file=source,
                    line=i + 1,
                )
            return _Header(i, delimiter, columns)
        return None
    return None


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _read_csv(lines: Sequence[str], header: _Header, source: str) -> list[tuple[str | None, Tally]]:
    out: list[tuple[str | None, Tally]] = []
    for i in range(header.line + 1, len(lines)):
        raw, number = lines[i], i + 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = _cells(raw, header.delimiter)

        def cell(name: str, cells: list[str] = cells) -> str:
            k = header.columns.get(name)
            return cells[k].strip() if k is not None and k < len(cells) else ""

        if not any(cell(n) for n in ("for", "against", "abstentions", "outcome")):
            continue  # a row not voted yet
        key = _key(cell("amendment"))
        if key == "":
            raise VotesFileError(
                f"cannot tell which amendment the row {raw.strip()!r} is for",
                hint=f"give its number in the first column ('3', 'Amendment 3' or '{WHOLE_TEXT}')",
                file=source,
                line=number,
            )
        in_favour, against, abstentions = (
            _figure(cell(n), number, source) for n in ("for", "against", "abstentions")
        )
        outcome = cell("outcome")
        word = " ".join(outcome.lower().split())
        if outcome and word not in DECISION_WORDS:
            raise VotesFileError(
                f"cannot read the outcome {outcome!r}",
                hint="write adopted, rejected, fell or withdrawn, or leave the cell empty",
                file=source,
                line=number,
            )
        stated = DECISION_WORDS[word] if outcome else None
        out.append((key, _checked(Tally(number, in_favour, against, abstentions, stated), source)))
    return out


def _figure(text: str, line: int, source: str) -> int | None:
    if not text:
        return None
    if not text.isdecimal():
        raise VotesFileError(
            f"cannot read {text!r} as a number of votes",
            hint="write the number alone, e.g. 45, or leave the cell empty",
            file=source,
            line=line,
        )
    return int(text)


# -- which amendments were adopted ------------------------------------------------

_VOTE = re.compile(
    r"^(?:amendment\s+)?(?P<num>[0-9A-Za-z][\w./-]*)\s*[:=]\s*(?P<word>\w+)\s*$", re.I
)


def parse_votes(text: str, source: str = "<votes>") -> dict[str, Status]:
    """Votes from lines ``4: adopted``, ``7: rejected``, ``9: withdrawn`` (``#`` comments).

    Raises:
        VotesFileError: a line is not of that form, or a number is given twice.
    """
    votes: dict[str, Status] = {}
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _VOTE.match(line)
        word = m.group("word").lower() if m else ""
        if m is None or word not in VOTE_WORDS:
            raise VotesFileError(
                f"cannot read the vote {raw.strip()!r}",
                hint="write one vote a line: 4: adopted (or rejected, withdrawn)",
                file=source,
                line=i,
            )
        if m.group("num") in votes:
            raise VotesFileError(f"amendment {m.group('num')} is voted twice", file=source, line=i)
        votes[m.group("num")] = VOTE_WORDS[word]
    return votes
