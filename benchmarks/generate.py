"""Deterministic large resolutions, their second versions and amendment sets.

Everything is derived from a seed with ``random.Random``, so a benchmark run at
N = 1,000 today measures exactly the same documents as one next year.  The second
version comes with an answer key (old wId -> what happened to it) so the diff can be
checked for correctness, not only timed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from drafting.model import NATO_PA, Document, Metadata, Provision
from drafting.model.phrases import OPERATIVE, PREAMBULAR
from drafting.model.provision import Kind, new_provision_element

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 56 strings
    "the Alliance members parliaments governments capabilities defence security cooperation"
    " resilience innovation technology standards interoperability partners regional strategic"
    " framework ethical legal oversight civilian military integration data sovereignty"
    " systems investment research development training exercises deterrence posture"
    " commitments implementation assessment transparency accountability dialogue support"
    " and of to in for with on by through across within including while ensuring towards"
).split()

PRE = sorted(p for p in PREAMBULAR if " " not in p and p.endswith("ing"))
OPS = sorted(p for p in OPERATIVE if " " not in p)


def _sentence(rng: random.Random, lo: int = 40, hi: int = 80) -> str:
    n = rng.randint(lo, hi)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_resolution(n: int, seed: int = 1) -> Document:
    """A NATO PA-style resolution with ``n`` numbered paragraphs (60 % preambular)."""
    rng = random.Random(seed)
    md = Metadata(
        number=str(1000 + n),
        body="NATO Parliamentary Assembly",
        date=dt.date(2025, 11, 24),
        country="nato",
        actor="nato-pa",
        committee="Benchmark Committee",
    )
    doc = Document.new(md, NATO_PA, f"BENCHMARK RESOLUTION OF {n} PARAGRAPHS")
    n_pre = round(n * 0.6)
    for _ in range(n_pre):
        doc.add("recital", f"**{rng.choice(PRE).capitalize()}** {_sentence(rng)};")
    for _ in range(n - n_pre):
        para = doc.add("paragraph", f"**{rng.choice(OPS).upper()}** {_sentence(rng, 10, 20)}:")
        for _ in range(rng.randint(3, 5)):
            para.add_point(f"to {_sentence(rng)};")
    doc.renumber()
    return doc


@dataclass
class Version:
    """A second version and what the diff should find, keyed by the first version's wIds."""

    document: Document
    edited: set[str] = field(default_factory=set)
    inserted: int = 0
    deleted: set[str] = field(default_factory=set)
    moved: set[str] = field(default_factory=set)


def _edit_words(rng: random.Random, p: Provision) -> None:
    words = p.text.split(" ")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(1, len(words))
        op = rng.choice(["replace", "delete", "insert"])
        if op == "replace":
            words[i] = rng.choice(WORDS) + "s"
        elif op == "delete" and len(words) > 3:
            del words[i]
        else:
            words.insert(i, "notably")
    lead = p.lead_phrase
    text = " ".join(words)
    if lead and text.startswith(lead):
        text = f"**{lead}**{text[len(lead) :]}"
    p.set_text(text)


def make_second_version(doc: Document, seed: int = 2) -> Version:
    """Edit 10 % of provisions word by word, insert 2 %, delete 2 %, move 1 %, renumber."""
    rng = random.Random(seed)
    new = doc.copy()
    provisions = list(new.provisions())
    k = len(provisions)
    version = Version(new)
    chosen = rng.sample(provisions, k // 10 + k // 50 + k // 100)
    edits = chosen[: k // 10]
    deletes = [p for p in chosen[k // 10 : k // 10 + k // 50] if p.kind != "paragraph"]
    moves = [p for p in chosen[k // 10 + k // 50 :] if p.kind == "recital"]
    for p in edits:
        _edit_words(rng, p)
        version.edited.add(p.wid or "")
    for p in deletes:
        if p.parent is not None and len(p.parent.children) <= 1:
            continue
        version.deleted.add(p.wid or "")
        version.edited.discard(p.wid or "")
        p.delete()
    recitals = new.recitals
    for p in moves:
        if p.wid in version.deleted:
            continue
        target = rng.choice(recitals)
        if target == p or target.wid in version.deleted:
            continue
        p.element.getparent().remove(p.element)  # type: ignore[union-attr]
        target.element.addnext(p.element)
        version.moved.add(p.wid or "")
    tops = new.top_level
    for _ in range(max(1, k // 50)):
        anchor = rng.choice(tops)
        kind: Kind = "recital" if anchor.kind == "recital" else "paragraph"
        markup = (
            f"**{rng.choice(PRE).capitalize()}** {_sentence(rng)};"
            if kind == "recital"
            else f"**{rng.choice(OPS).upper()}** {_sentence(rng)};"
        )
        anchor.insert_sibling(Provision(new_provision_element(kind, markup)), after=True)
        version.inserted += 1
    new.renumber()
    return version


LOCATION_FORMS = (
    "Paragraph {ref}",
    "Paragraph {top}, sub-paragraph ({sub})",
    "Sub-paragraph {top} {sub}",
)


def _count(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def _bare(quote: str) -> str:
    return quote.split('"')[1]


ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]


def _unique(text: str, words: list[str], i: int, n: int) -> str:
    """A quotation of words i.. of ``text`` naming one place: ``"X"``, longer, or
    ``the second "X"`` (which exercises the ordinal form)."""
    for k in range(n, 9):
        phrase = " ".join(words[i : i + k])
        if _count(text, phrase) == 1:
            return f'"{phrase}"'
    phrase = " ".join(words[i : i + n])
    before = _count(" ".join(words[:i]), phrase)
    return f'the {ORDINALS[min(before, 7)]} "{phrase}"'


def make_amendments(doc: Document, m: int, seed: int = 3) -> str:
    """``m`` amendments to ``doc`` in the tabled wording, every operation form, some overlapping."""
    rng = random.Random(seed)
    provisions = list(doc.provisions())
    blocks: list[str] = []
    statuses = ["adopted"] * 6 + ["rejected", "withdrawn", "tabled"]
    for number in range(1, m + 1):
        p = rng.choice(provisions)
        words = p.text.split()
        ref = p.ref or "1"
        if p.level == 1 and "(" in ref:
            top, sub = ref.rstrip(")").split("(")
            location = rng.choice(LOCATION_FORMS).format(ref=ref, top=top, sub=sub)
        else:
            location = f"Paragraph {ref}"
        i = rng.randrange(1, max(2, len(words) - 3))
        phrase = _unique(p.text, words, i, rng.randint(1, 3))
        form = number % 9
        if form == 0:
            op = f'Leave out {phrase} and insert "{rng.choice(WORDS)} {rng.choice(WORDS)}"'
        elif form == 1:
            op = f'After {phrase} insert "{rng.choice(WORDS)}"'
        elif form == 2:
            op = f'Before {phrase} insert "{rng.choice(WORDS)}"'
        elif form == 3:
            op = f"Leave out {phrase}"
        elif form == 4:
            op = f'Replace {phrase} with "{rng.choice(WORDS)}"'
        elif form == 5:
            op = 'At the end insert ", as appropriate"'
        elif form == 6:
            j = min(len(words) - 1, i + len(phrase.split()) + 3)
            end = _unique(p.text, words, j, 1)
            if "the " in (phrase + end)[:4] or p.text.find(_bare(end)) <= p.text.find(
                _bare(phrase)
            ):
                op = f"Leave out {phrase}"
            else:
                op = f"Leave out from {phrase} to {end}"
        elif form == 7:
            op = f'For {phrase} substitute "{rng.choice(WORDS)}"'
        else:
            location = ""
            op = (
                f"After paragraph {doc.top_level[rng.randrange(len(doc.top_level))].ref}"
                f" insert the following new paragraph:\n**NOTES** {_sentence(rng, 10, 20)};"
            )
        lines = [f"Amendment {number}", f"Tabled by: Delegation {number % 29 + 1}"]
        if location:
            lines.append(location)
        lines += [op, f"Status: {rng.choice(statuses)}"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


#: How amendments to one paragraph meet: all quoting the same words (competing
#: texts), or each quoting a stretch that overlaps its neighbours' (a long chain),
#: with a few replacing or deleting the whole paragraph in both.
ONE_PARAGRAPH_SHAPES = ("competing", "chain")


def make_amendments_to_one_paragraph(doc: Document, m: int, shape: str, seed: int = 4) -> str:
    """``m`` amendments, all to one paragraph of ``doc``, tabled and adopted, in ``shape``."""
    rng = random.Random(seed)
    p = doc.top_level[len(doc.top_level) // 2]
    words = p.text.rstrip(";.").split()
    blocks = []
    for number in range(1, m + 1):
        if number % 50 == 0:
            op = "Delete the paragraph" if number % 100 == 0 else "Leave out the paragraph"
        elif shape == "competing":
            op = f'Leave out "{" ".join(words[2:5])}" and insert "{rng.choice(WORDS)}"'
        else:
            i = 1 + number % (len(words) - 4)
            op = f'Leave out the first "{" ".join(words[i : i + 3])}"'
        blocks.append(f"Amendment {number}\nParagraph {p.ref}\n{op}\nStatus: adopted\n")
    return "\n".join(blocks)


def make_statute(n: int, seed: int = 5) -> Document:
    """A bill of about ``n`` numbered provisions, shaped as UK bills are: Parts of
    Chapters of headed sections, each with subsections (1) to (3), one in three with
    paragraphs (a) to (c).  About 40 sections a Chapter, 3 Chapters a Part."""
    from drafting.model.structure import BILL

    rng = random.Random(seed)
    md = Metadata(
        number=str(n),
        body="Benchmark Assembly",
        date=dt.date(2026, 1, 15),
        country="gb",
        actor="benchmark",
    )
    doc = Document.new_clauses(md, BILL, f"Benchmark Bill of {n} provisions")
    body = doc.clauses
    assert body is not None
    count = section = 0
    part = chapter = None
    while count < n:
        if section % 120 == 0:
            part = new_provision_element("part", "", num=f"PART {section // 120 + 1}")
            part.remove(part[-1])  # a Part has no words of its own, only its Chapters
            Provision(part).set_heading(_sentence(rng, 2, 4).upper())
            body.append(part)
            count += 1
        if section % 40 == 0:
            assert part is not None
            chapter = new_provision_element("chapter", "", num=f"CHAPTER {section // 40 % 3 + 1}")
            chapter.remove(chapter[-1])
            Provision(chapter).set_heading(_sentence(rng, 2, 5).upper())
            part.append(chapter)
            count += 1
        section += 1
        assert chapter is not None
        sec = new_provision_element(
            "section", "", num=f"{section}.", heading=_sentence(rng, 3, 7).capitalize()
        )
        chapter.append(sec)
        count += 1
        prov = Provision(sec)
        for k in range(3):
            sub = prov.add_subdivision("subsection", f"{_sentence(rng, 12, 30)}.", num=f"({k + 1})")
            count += 1
            if k == 1 and section % 3 == 0:
                for letter in "abc":
                    sub.add_subdivision("paragraph", f"{_sentence(rng, 6, 14)},", num=f"({letter})")
                    count += 1
    doc.assign_ids()
    return doc


def make_statute_version(doc: Document, seed: int = 6) -> Document:
    """The statute with the words of one subsection in ten changed."""
    rng = random.Random(seed)
    new = doc.copy()
    for p in new.provisions():
        if p.kind == "subsection" and rng.random() < 0.1 and p.blocks:
            words = p.text.split(" ")
            words[rng.randrange(len(words))] = rng.choice(WORDS) + "s"
            p.set_text(" ".join(words))
    return new
