"""The import report: where every character of the Word body went.

A secretary must be able to trust that nothing was lost.  Every character of
the body (white space aside) either lands in the AKN document or is listed here
with where it was in Word: a table cell, a text box, hidden text, a paragraph
that fits no provision.  Comments, images and equations are listed too,
although they are not body text.  The count is checked against the Word XML
itself, so a character the importer failed to account for shows up as
"unaccounted for" instead of vanishing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drafting.errors import OutputError
from drafting.io import check_output, write_atomic

#: Kinds of listed entries whose text is body text (and so part of the count).
BODY_KINDS = frozenset(
    {"table cell", "text box", "hidden text", "unplaced paragraph", "footnote", "endnote"}
)


@dataclass(frozen=True)
class Listed:
    """Something not imported as clause text: what, where in Word, its words."""

    kind: str
    where: str
    text: str
    detail: str = ""


@dataclass
class ImportReport:
    """What an import took from the Word file, and what it left out."""

    source: str
    total_chars: int = 0
    imported_chars: int = 0
    listed: list[Listed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    style: str = ""
    style_how: str = ""  # "given" | "detected" | "document property"
    style_reason: str = ""
    changes: str = ""
    provisions: int = 0
    #: The particulars behind the warnings, one line each ("numbering: paragraph 8. ...").
    details: list[str] = field(default_factory=list)

    @property
    def listed_chars(self) -> int:
        from drafting.layout.inline import count

        return sum(count(x.text) for x in self.listed if x.kind in BODY_KINDS)

    @property
    def unaccounted(self) -> int:
        """Characters neither imported nor listed: 0 unless the importer has a bug."""
        return self.total_chars - self.imported_chars - self.listed_chars

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for x in self.listed:
            out[x.kind] = out.get(x.kind, 0) + 1
        return out

    def summary(self) -> str:
        """The one line printed after an import."""
        parts = ", ".join(f"{n} {_plural(k, n)}" for k, n in sorted(self.counts().items()))
        line = (
            f"{self.source}: {self.total_chars} characters in the Word body:"
            f" {self.imported_chars} imported, {self.listed_chars} listed in the report"
        )
        if parts:
            line += f" ({parts})"
        if self.unaccounted:
            line += f"; {self.unaccounted} unaccounted for (please report this)"
        return line

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "summary": self.summary(),
            "characters": {
                "total": self.total_chars,
                "imported": self.imported_chars,
                "listed": self.listed_chars,
                "unaccounted": self.unaccounted,
            },
            "house_style": {"name": self.style, "how": self.style_how, "why": self.style_reason},
            "tracked_changes": self.changes,
            "provisions": self.provisions,
            "warnings": list(self.warnings),
            "details": list(self.details),
            "listed": [asdict(x) for x in self.listed],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self) -> str:
        lines = [f"# Import report: {self.source}", "", self.summary(), ""]
        why = f": {self.style_reason}" if self.style_reason and self.style_how == "detected" else ""
        lines.append(f"- House style: {self.style} ({self.style_how}{why})")
        lines.append(f"- Provisions imported: {self.provisions}")
        lines.append(f"- Tracked changes: {self.changes or 'none'}")
        if self.warnings:
            lines += ["", "## Warnings", ""]
            lines += [f"- {w}" for w in self.warnings]
        if self.details:
            lines += ["", "## Details", ""]
            lines += [f"- {d}" for d in self.details]
        lines += ["", "## Not imported as clause text", ""]
        if not self.listed:
            lines.append("Nothing: every character of the body is in the AKN document.")
        else:
            lines.append("| What | Where in Word | Text |")
            lines.append("|---|---|---|")
            for x in self.listed:
                what = f"{x.kind} ({x.detail})" if x.detail else x.kind
                text = x.text.replace("|", "\\|").replace("\n", " ")
                lines.append(f"| {what} | {x.where} | {text} |")
        return "\n".join(lines) + "\n"

    def render(self, suffix: str) -> str:
        """The report as ``.md`` or ``.json`` text.

        Raises:
            OutputError: another extension.
        """
        if suffix == ".json":
            return self.to_json()
        if suffix in (".md", ".markdown"):
            return self.to_markdown()
        raise OutputError(
            f"the import report cannot be written as {suffix or 'a file without an extension'}",
            hint="name it REPORT.md or REPORT.json",
        )

    def write(
        self, path: str | Path, *, inputs: tuple[str | Path, ...] = (), force: bool = False
    ) -> Path:
        """Write the report to ``path`` (Markdown or JSON by extension), atomically.

        Raises:
            OutputError: bad extension, the path is an input, or exists without ``force``.
        """
        target = check_report_path(path, inputs=inputs, force=force)
        text = self.render(target.suffix.lower())
        write_atomic(target, text.encode("utf-8"))
        return target


REPORT_SUFFIXES = (".md", ".markdown", ".json")


def check_report_path(
    path: str | Path, *, inputs: tuple[str | Path, ...] = (), force: bool = False
) -> Path:
    """Refuse a report path before the import runs, so a bad one leaves nothing behind.

    Raises:
        OutputError: not ``.md``/``.json``, an input, or exists without ``force``.
    """
    target = Path(path)
    if target.suffix.lower() not in REPORT_SUFFIXES:
        raise OutputError(
            "the import report cannot be written as"
            f" {target.suffix or 'a file without an extension'}",
            hint="name it REPORT.md or REPORT.json",
            file=str(target),
        )
    return check_output(target, inputs=inputs, force=force)


def _plural(kind: str, n: int) -> str:
    if n == 1:
        return kind
    if kind.endswith("x"):
        return kind + "es"
    if kind.endswith("text"):
        return kind
    return kind + "s"
