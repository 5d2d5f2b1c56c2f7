"""What the committee reads: the check report, the compilation, the outcome report.

All three are data first (frozen records built here) and text second (JSON and
Markdown here; HTML in :mod:`drafting.render.amendments_html`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from drafting.amendments.apply import Amended
from drafting.amendments.exclusion import OverlapGroup, overlap_groups
from drafting.amendments.model import Amendment, InsertProvisions, NewProvision, ReplaceProvision
from drafting.amendments.resolve import Check, check_amendments, resolve_all
from drafting.amendments.words import Piece, Splice, apply_splices, normalize, word_diff
from drafting.model.document import Document

# -- check -------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    """Every amendment checked against the draft, and the groups of them that overlap."""

    checks: tuple[Check, ...]
    overlaps: tuple[OverlapGroup, ...]
    #: Amendments that could not be read at all, one message each (``FILE:LINE: ...``).
    unreadable: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every amendment can be applied as tabled (overlaps are allowed)."""
        return not self.unreadable and all(c.ok for c in self.checks)

    @property
    def summary(self) -> str:
        """``3 of 40 amendment(s) cannot be applied``: those that cannot be read count too,
        out of every amendment block in the files."""
        bad = len(self.unreadable) + sum(1 for c in self.checks if not c.ok)
        total = len(self.unreadable) + len(self.checks)
        return f"{bad} of {total} amendment(s) cannot be applied"

    def lines(self) -> list[str]:
        """One line per amendment, then one per group of overlapping amendments, as
        ``drafting amendments check`` prints."""
        out = list(self.unreadable)
        for c in self.checks:
            a = c.amendment
            where = f" ({a.where_text})" if a.where_text else ""
            status = "ok" if c.ok else "; ".join(c.problems)
            out.append(f"{a.label}{where}: {status}")
        out.extend(g.line() for g in self.overlaps)
        return out


def check(doc: Document, amendments: Sequence[Amendment]) -> CheckReport:
    """Check ``amendments`` against the draft ``doc``; problems are reported, not raised."""
    checks = check_amendments(doc, amendments)
    return CheckReport(tuple(checks), tuple(overlap_groups(checks)))


# -- compilation ---------------------------------------------------------------------


@dataclass(frozen=True)
class CompilationRow:
    """One provision as tabled and as amended, with the word changes marked."""

    draft: str
    amended: str
    pieces: tuple[Piece, ...]
    deleted: bool = False


@dataclass(frozen=True)
class CompilationEntry:
    """One amendment as the compilation prints it."""

    amendment: Amendment
    rows: tuple[CompilationRow, ...]
    problem: str = ""


def _plain(markup: str) -> str:
    return normalize(markup.replace("**", "").replace("*", ""))


def _new_text(new: NewProvision, depth: int = 0) -> list[str]:
    out = [_plain(new.markup)]
    for p in new.points:
        out += _new_text(p, depth + 1)
    return out


def compile_amendments(doc: Document, amendments: Sequence[Amendment]) -> list[CompilationEntry]:
    """The compilation: each amendment with its provision before and after."""
    out = []
    for c in resolve_all(doc, amendments):
        rows: list[CompilationRow] = []
        splices: dict[int, tuple[str, list[Splice]]] = {}
        for t in c.targets:
            if t.kind == "text" and t.splice is not None:
                key = id(t.host.element)
                splices.setdefault(key, (t.host.text, []))[1].append(t.splice)
            elif t.kind == "delete" and t.host.provision is not None:
                before = normalize(t.host.provision.full_text)
                rows.append(CompilationRow(before, "", (Piece("delete", before),), deleted=True))
            elif t.kind == "replace":
                assert isinstance(t.operation, ReplaceProvision)
                before = normalize(
                    t.host.provision.full_text if t.host.provision is not None else t.host.text
                )
                after = " ".join(_new_text(t.operation.new))
                rows.append(CompilationRow(before, after, tuple(word_diff(before, after))))
            elif t.kind == "insert":
                assert isinstance(t.operation, InsertProvisions)
                for new in t.operation.provisions:
                    after = " ".join(_new_text(new))
                    rows.append(CompilationRow("", after, (Piece("insert", after),)))
            elif t.kind == "move" and t.anchor is not None:
                text = normalize(t.host.text)
                rows.append(CompilationRow(text, text, (Piece("same", text),)))
        for text, group in splices.values():
            after = normalize(apply_splices(text, group))
            before = normalize(text)
            rows.insert(0, CompilationRow(before, after, tuple(word_diff(before, after))))
        out.append(CompilationEntry(c.amendment, tuple(rows), "; ".join(c.problems)))
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def compilation_markdown(entries: Sequence[CompilationEntry], title: str = "") -> str:
    """The compilation as Markdown: new words ***bold italic***, removed ones ~~struck~~."""
    out = [f"# Compilation of amendments{': ' + title if title else ''}", ""]
    for e in entries:
        a = e.amendment
        out.append(f"## {a.label}")
        out.append("")
        if a.tabled_by:
            out.append(f"Tabled by: {a.tabled_by}  ")
        out.append(f"{a.where_text}  ")
        out.append(f"Status: {a.status}")
        out.append("")
        if e.problem:
            out += [f"> Cannot be applied as tabled: {e.problem}", ""]
        if e.rows:
            out += ["| Draft text | Amendment |", "|---|---|"]
            for r in e.rows:
                left = " ".join(
                    p.text if p.kind == "same" else f"~~{p.text}~~"
                    for p in r.pieces
                    if p.kind != "insert"
                )
                right = (
                    "*deleted*"
                    if r.deleted
                    else " ".join(
                        p.text if p.kind == "same" else f"***{p.text}***"
                        for p in r.pieces
                        if p.kind != "delete"
                    )
                )
                out.append(f"| {_md_cell(left)} | {_md_cell(right)} |")
            out.append("")
        if a.justification:
            out += [f"*Justification:* {a.justification}", ""]
    return "\n".join(out).rstrip() + "\n"


# -- outcome report ----------------------------------------------------------------------


def report_json(amended: Amended) -> str:
    """The outcome of every amendment as a JSON list (``number``, ``outcome``, ...)."""
    return json.dumps([o.to_json() for o in amended.outcomes], indent=2, ensure_ascii=False) + "\n"


def report_markdown(amended: Amended) -> str:
    """The outcome of every amendment as a Markdown table, then renumbering and warnings."""
    out = [
        "# Amendments: outcome",
        "",
        "| Amendment | Tabled by | Location | Status | Outcome |",
        "|---|---|---|---|---|",
    ]
    for o in amended.outcomes:
        outcome: str = o.outcome
        if o.fell_because_of:
            outcome += f" (amendment {', '.join(o.fell_because_of)} adopted)"
        out.append(
            f"| {o.number} | {_md_cell(o.tabled_by)} | {o.location} | {o.status} | {outcome} |"
        )
    if amended.renumbered:
        out += ["", "## Renumbered", ""]
        out += [f"- {old} → {new}" for old, new in amended.renumbered.items()]
    if amended.cross_references:
        out += ["", "## Cross-references updated", ""]
        out += [f"- in {x.eid}: {x.old} → {x.new}" for x in amended.cross_references]
    if amended.warnings:
        out += ["", "## Check", ""]
        out += [f"- {w}" for w in amended.warnings]
    return "\n".join(out) + "\n"
