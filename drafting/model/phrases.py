"""The lexicon of lead phrases, and how to tell a preambular from an operative one.

Preambular paragraphs open with a participle or adjective ("Recognising",
"Deeply concerned"); operative paragraphs with a verb in the present tense
("Urges", "CALLS UPON").  Importers use this to find where the operative part
begins when the numbering alone does not say (NATO PA numbers both parts in one
sequence).
"""

from __future__ import annotations

import re

PREAMBULAR = frozenset(
    " ".join(p.split()).lower()
    for p in """Acknowledging|Affirming|Alarmed|Alarmed by|Appreciating|Approving|Aware|
    Aware of|Bearing in mind|Believing|Cautioning|Cognisant|Cognizant|Concerned|Confident|
    Conscious|Considering|Contemplating|Convinced|Declaring|Deeply concerned|
    Deeply conscious|Deeply convinced|Deeply disturbed|Deeply regretting|Deploring|Desiring|
    Determined|Emphasising|Emphasizing|Encouraged|Endorsing|Expecting|Expressing|
    Fulfilling|Fully aware|Fully believing|Further deploring|Further recalling|Guided by|
    Having adopted|Having considered|Having devoted attention|Having examined|Having heard|
    Having received|Having reviewed|Having studied|Highlighting|Keeping in mind|
    Mindful|Noting|Noting further|Noting with approval|Noting with concern|
    Noting with deep concern|Noting with regret|Noting with satisfaction|Observing|
    Pointing out|Reaffirming|Realising|Realizing|Recalling|Recognising|Recognizing|
    Referring|Regretting|Reiterating|Seeking|Stressing|Strongly supporting|Supporting|
    Taking into account|Taking into consideration|Taking note|Underlining|Underscoring|
    Viewing with appreciation|Welcoming|Whereas|Applauding|Commending|Condemning|Regarding|
    Worried|Troubled""".replace("\n", "").split("|")
)

OPERATIVE = frozenset(
    " ".join(p.split()).lower()
    for p in """Accepts|Adopts|Affirms|Appeals|Approves|Asks|Authorises|Authorizes|Calls|
    Calls for|Calls on|Calls upon|Commends|Condemns|Confirms|Congratulates|Considers|
    Decides|Declares|Demands|Deplores|Designates|Directs|Draws attention|Emphasises|
    Emphasizes|Encourages|Endorses|Expresses|Further invites|Further proclaims|
    Further recommends|Further reminds|Further requests|Further resolves|Has resolved|
    Insists|Instructs|Invites|Notes|Proclaims|Reaffirms|Recalls|Recognises|Recognizes|
    Recommends|Regrets|Reiterates|Reminds|Renews|Requests|Resolves|Solemnly affirms|
    Strongly condemns|Stresses|Supports|Takes note|Transmits|Trusts|Underlines|Urges|
    Welcomes|Believes|Deems|Highlights|Instructs""".replace("\n", "").split("|")
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def classify(phrase: str) -> str | None:
    """``"preamble"``, ``"operative"`` or None for a lead phrase such as ``"URGES"``.

    The lexicon decides first; failing it, the form of the first word: a
    participle in ``-ing`` is preambular, an upper-case word or a verb in ``-s``
    is operative.
    """
    words = _WORD.findall(phrase)
    if not words:
        return None
    text = " ".join(words).lower()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n]).lower()
        if head in PREAMBULAR:
            return "preamble"
        if head in OPERATIVE:
            return "operative"
    first = words[0]
    if first.lower() in {"and", "also", "further", "further,", "strongly", "deeply", "firmly"}:
        return classify(" ".join(words[1:])) if len(words) > 1 else None
    if first.lower().endswith("ing") or first.lower().startswith("having"):
        return "preamble"
    if len(first) > 2 and first.isupper():
        return "operative"
    if first.lower().endswith("s") and not text.endswith("ing"):
        return "operative"
    return None


#: Words that may stand before a lead phrase and belong to it ("Also requests").
ADVERBS = (
    "also",
    "further",
    "again",
    "once again",
    "firmly",
    "strongly",
    "fully",
    "deeply",
    "finally",
)


def leading_phrase(text: str) -> str | None:
    """The lexicon phrase that ``text`` opens with, longest first, with an adverb before
    it ("Also requests", "Further invites"); None when there is none."""
    words = _WORD.findall(text[:80])
    skip = 0
    for adverb in ADVERBS:
        parts = adverb.split()
        if [w.lower() for w in words[: len(parts)]] == parts and len(words) > len(parts):
            skip = len(parts)
            break
    for start in (0, skip) if skip else (0,):
        rest = words[start:]
        for n in range(min(len(rest), 5), 0, -1):
            head = " ".join(rest[:n])
            if head.lower() in PREAMBULAR or head.lower() in OPERATIVE:
                # Return the words as they stand in the text (keep their case).
                shown = words[: start + n]
                m = re.match(r"\s*" + r"\W+".join(re.escape(w) for w in shown), text)
                return m.group(0).strip() if m else " ".join(shown)
    return None
