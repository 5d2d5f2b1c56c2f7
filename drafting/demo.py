"""``drafting demo``: the main job, run on the bundled Resolution 495.

It grows with the toolkit: today it imports the draft as typed, validates it,
and exports the numbered final text.  The demo owns its output folder: it
replaces the files it wrote there before, and touches nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from drafting import io
from drafting.akn import schema
from drafting.errors import OutputError
from drafting.formats import render
from drafting.model.document import Document
from drafting.text import read_text

EXAMPLE_DRAFT = "resolution-495.txt"


def example_path(name: str) -> Path:
    """A bundled example file (``resolution-495.akn.xml``, ...)."""
    return Path(str(resources.files("drafting.examples") / name))


@dataclass
class DemoResult:
    """What the demo wrote, and one line per step for the terminal."""

    outputs: list[Path] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def run_demo(outdir: str | Path) -> DemoResult:
    """Run the bundled example through the toolkit and write the outputs to ``outdir``.

    Raises:
        OutputError: ``outdir`` cannot be created or written.
        DraftingError: any step fails (it should not on the bundled example).
    """
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder ({exc.strerror})", file=str(out)) from exc
    result = DemoResult()
    src = example_path(EXAMPLE_DRAFT)
    imported = read_text(src.read_text(encoding="utf-8"), source=src.name)
    doc = imported.document
    schema.assert_valid(doc.tree, src.name)
    n = sum(1 for _ in doc.provisions())
    result.steps.append(
        f"imported {src.name}: {len(doc.recitals)} preambular and {len(doc.paragraphs)}"
        f" operative paragraphs, {n} provisions in all, house style {imported.style.name}"
    )
    for name in ("resolution-495.akn.xml", "resolution-495.md", "resolution-495.txt"):
        target = out / name
        suffix = ".xml" if name.endswith(".xml") else target.suffix
        io.write_atomic(target, render(doc, suffix))
        result.outputs.append(target)
    result.steps.append("validated against the AKN 3.0 schema and the drafting profile")
    _demo_amendments(doc, out, result)
    return result


def _demo_amendments(doc: Document, out: Path, result: DemoResult) -> None:
    """Check and apply the bundled amendment set; write the voting list and amended text."""
    from drafting.amendments import (
        apply_amendments,
        check,
        parse_amendments,
        report_markdown,
        voting_list,
        voting_list_markdown,
    )

    src = example_path("amendments-495.txt")
    amendments = parse_amendments(src.read_text(encoding="utf-8"), src.name)
    report = check(doc, amendments)
    bad = sum(1 for c in report.checks if not c.ok)
    result.steps.append(
        f"checked {len(amendments)} amendments in {src.name}: {len(amendments) - bad} ok,"
        f" {len(report.overlaps)} overlap(s)"
    )
    amended = apply_amendments(doc, amendments)
    counts: dict[str, int] = {}
    for o in amended.outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    result.steps.append("amended: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    files = {
        "voting-list.md": voting_list_markdown(voting_list(doc, amendments)).encode("utf-8"),
        "resolution-495-amended.md": render(amended.document, ".md"),
        "resolution-495-amended.akn.xml": render(amended.document, ".xml"),
        "amendments-report.md": report_markdown(amended).encode("utf-8"),
    }
    for name, data in files.items():
        io.write_atomic(out / name, data)
        result.outputs.append(out / name)
