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
    return result
