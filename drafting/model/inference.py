"""What a draft says about itself: date, assembly, committee, style, where operatives begin.

Every importer (plain text, Word) meets the same questions once it has found the
paragraphs, and must answer them the same way, or the same resolution imported
from two formats would get two identities.  The answers come from the words a
secretariat actually types: the footnote "Presented by the ... Committee and
adopted by the Plenary Assembly ... on Monday 25 November 2024", the shape of the
numbering, and the lead phrases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from drafting.labels import label_form
from drafting.model.metadata import Event, Metadata, slug
from drafting.model.phrases import classify
from drafting.model.styles import EP, NATO_PA, PACE, PLAIN, UN_GA, HouseStyle

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}

#: A footnote typed as text: its mark, then its words ("* Presented by ...").
NOTE_DEF = re.compile(r"^(\*{1,3}|†{1,3}|‡)\s+(\S.*)$")
#: The number line: ``RESOLUTION 495*`` (kind, number, footnote mark).
NUMBER_LINE = re.compile(
    r"^(?:#+\s*)?\**(RESOLUTION|DRAFT RESOLUTION|RECOMMENDATION|DRAFT RECOMMENDATION"
    r"|DECLARATION|DECISION)\**"
    r"(?:\s+([A-Z0-9][\w./()-]*?))?\s*(\*{1,3}|†{1,3}|‡|\[\^[^\]]+\])?\s*$",
    re.IGNORECASE,
)
#: A UN resolution's number and title on one line: ``80/12. Cooperation between ...``.
UN_TITLE = re.compile(r"^(\d{1,3}/\d{1,4})\.\s+(\S.*)$")
#: The opening formula: ``The Assembly,``.
FORMULA = re.compile(r"^(The\s+[\w\s]+?),\s*$")
_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_CAP = r"[A-Z][\w'’-]*"
_COMMITTEE = re.compile(
    rf"\b(?:by|of|from) the ({_CAP}(?:\s+(?:and|on|of|for|the|{_CAP}))*?\s+Committee"
    rf"(?:\s+on\s+(?:the\s+)?{_CAP}(?:\s+(?:and|of|{_CAP}))*)?)"
)
_BODY = re.compile(r"of the ((?:[A-Z][\w'-]*\s?)+?(?:Assembly|Parliament))\b")


def parse_date(text: str) -> dt.date | None:
    """The first date written out in ``text`` ("25 November 2024"); None when there is none."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


def infer_metadata(
    house: HouseStyle,
    *,
    note_text: str,
    title: str,
    number: str,
    body: str | None = None,
    date: dt.date | None = None,
    fallback_date: tuple[dt.date, str] | None = None,
) -> tuple[Metadata, list[str]]:
    """The metadata a draft states in its notes and title, with given values taking precedence.

    ``fallback_date`` is a date from outside the text (a file property) and the
    words naming it, used before today's date.  Returns the metadata and the
    warnings a secretary should read (e.g. that no date was found).
    """
    warnings: list[str] = []
    found_date = date or parse_date(note_text) or parse_date(title)
    if found_date is None and fallback_date is not None:
        found_date = fallback_date[0]
        warnings.append(f"no date found in the text; {fallback_date[1]} used (give --date)")
    if found_date is None:
        warnings.append("no date found in the text; today's date used (give --date)")
        found_date = dt.date.today()
    cm = _COMMITTEE.search(note_text)
    bm = _BODY.search(note_text)
    the_body = body or (bm.group(1) if bm else house.body)
    actor, country = house.actor, house.country
    if body and body != house.body:
        actor = slug(body)
    meta = Metadata(
        number=number,
        body=the_body,
        date=found_date,
        country=country,
        actor=actor,
        date_name="adoption" if re.search(r"\badopted\b", note_text) else "draft",
        committee=cm.group(1) if cm else None,
        events=(Event(found_date, "plenaryAdoption", by=actor, outcome="adopted"),)
        if re.search(r"adopted by the Plenary", note_text, re.IGNORECASE)
        else (),
    )
    return meta, warnings


def guess_style(
    *,
    citations: bool,
    lettered_recitals: bool,
    unnumbered_recitals: bool,
    sub_labels: Sequence[str],
    numbered_recitals: bool = False,
) -> HouseStyle:
    """The house style the numbering looks like.

    Citations or recitals lettered A., B. are the European Parliament's; unnumbered
    preambular paragraphs, or sub-paragraphs mostly in brackets without numbered
    preambular paragraphs, the UN General Assembly's; anything else NATO PA's
    single sequence.
    """
    if citations or lettered_recitals:
        return EP
    if unnumbered_recitals:
        return UN_GA
    paren = sum(1 for s in sub_labels if s.startswith("("))
    if sub_labels and paren > len(sub_labels) / 2 and not numbered_recitals:
        return UN_GA
    return NATO_PA


def detect_style(
    *,
    formula: str,
    citations: bool,
    lettered_recitals: bool,
    unnumbered_recitals: bool,
    numbered_recitals: bool,
    paragraphs: int,
    sub_labels: Sequence[str],
    lead_phrases: int,
    leads_of: int,
    openings: Sequence[str],
    italic_leads: int = 0,
    bold_leads: int = 0,
) -> tuple[HouseStyle, str]:
    """The house style a draft's shape points to, and the reason, in a secretary's words.

    The evidence, strongest first: the assembly the formula names; citations and
    lettered recitals (the European Parliament); sub-paragraphs numbered under their
    paragraph (15.1: PACE); a draft without lead phrases (PACE when its paragraphs
    open "The Assembly", else no assembly's style); unnumbered preambular paragraphs
    or bracketed sub-paragraphs or italic lead phrases (the UN General Assembly); one
    sequence of numbers with lead phrases (NATO PA).
    """
    words = formula.lower()
    if "european parliament" in words:
        return EP, f'the formula "{formula}"'
    if "general assembly" in words:
        return UN_GA, f'the formula "{formula}"'
    if citations or lettered_recitals:
        what = "citations" if citations else "recitals lettered A., B."
        return EP, f"{what}, as the European Parliament sets them"
    dotted = sum(1 for s in sub_labels if (label_form(s) or ("", ""))[1] == "{parent}.{}")
    if sub_labels and dotted > len(sub_labels) / 2:
        return PACE, "sub-paragraphs numbered under their paragraph (15.1, 15.2)"
    if paragraphs and lead_phrases < max(1, leads_of * 0.3):
        # A resolution opens most of its paragraphs with a lead phrase; a bill, a set
        # of rules or a report opens few or none.
        assembly = sum(1 for o in openings if o.lower().startswith("the assembly"))
        if assembly > paragraphs / 2:
            return PACE, 'paragraphs opening "The Assembly ..." without lead phrases'
        return PLAIN, "few or no lead phrases, and no assembly's numbering"
    if not paragraphs and not leads_of:
        return PLAIN, "no numbered paragraphs"
    if unnumbered_recitals and not numbered_recitals:
        return UN_GA, "unnumbered preambular paragraphs before numbered operative paragraphs"
    paren = sum(1 for s in sub_labels if s.startswith("("))
    if sub_labels and paren > len(sub_labels) / 2 and not numbered_recitals:
        return UN_GA, "sub-paragraphs in brackets, (a), (b)"
    if numbered_recitals:
        return NATO_PA, "one sequence of numbers across preambular and operative paragraphs"
    if italic_leads > bold_leads:
        return UN_GA, "lead phrases in italics"
    return NATO_PA, "numbered paragraphs with lead phrases"


def first_operative(leads: Sequence[str]) -> int | None:
    """Index of the first lead phrase that reads as operative ("Urges"); None when none does.

    NATO PA numbers preambular and operative paragraphs in one sequence, so the
    lead phrases are what tells the two parts apart.
    """
    return next((k for k, lead in enumerate(leads) if classify(lead) == "operative"), None)
