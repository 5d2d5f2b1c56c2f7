"""``drafting demo``: the committee cycle, run on the bundled Resolution 495.

A secretary's day in one command: the Word draft is imported, the tabled
amendments are checked and put in voting order, the adopted ones applied, the
changes shown as a redline and as Word tracked changes, and the final text
exported to Word, HTML, Markdown and (when LibreOffice is installed) PDF.  The demo
owns its output folder: it replaces the files it wrote there before, and touches
nothing else.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from drafting import io
from drafting.amending import render_amendment_listing
from drafting.amendments import apply_amendments, check, parse_amendments, report_markdown
from drafting.diff import diff_documents
from drafting.diffing import render_diff
from drafting.errors import OutputError
from drafting.formats import import_file, render

EXAMPLE_DRAFT = "resolution-495.docx"
EXAMPLE_AMENDMENTS = "amendments-495.txt"


def example_path(name: str) -> Path:
    """A bundled example file (``resolution-495.docx``, ``amendments-495.txt``, ...)."""
    return Path(str(resources.files("drafting.examples") / name))


@dataclass
class DemoResult:
    """What the demo wrote, and one line per step for the terminal."""

    outputs: list[Path] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


#: Records, in the output folder, which files the demo wrote there, so that a second
#: run replaces its own files and never a file of the same name the user made.
MARKER = ".drafting-demo"
OUTPUT_NAMES = (
    "resolution-495-draft.akn.xml",
    "voting-list.md",
    "voting-list.html",
    "amendments-compilation.html",
    "amendments-report.md",
    "resolution-495-final.akn.xml",
    "redline.html",
    "redline-tracked-changes.docx",
    "comparative-table.html",
    "resolution-495-final.docx",
    "resolution-495-final.html",
    "resolution-495-final.md",
    "resolution-495-final.pdf",
)


def _check_folder(out: Path, force: bool) -> None:
    """Refuse to replace a file the demo did not write there, unless ``force``."""
    if out.exists() and not out.is_dir():
        raise OutputError("this is a file, not a folder", hint="give a folder name", file=out)
    marker = out / MARKER
    ours = set(marker.read_text(encoding="utf-8").split()) if marker.is_file() else set()
    theirs = [n for n in OUTPUT_NAMES if (out / n).exists() and n not in ours]
    if theirs and not force:
        raise OutputError(
            f"the folder has {len(theirs)} file(s) the demo would replace but did not write,"
            f" such as {theirs[0]}",
            hint="give an empty or new folder, or add --force to replace them",
            file=out,
        )


def run_demo(outdir: str | Path, *, force: bool = False) -> DemoResult:
    """Run the bundled example through the committee cycle and write the outputs to ``outdir``.

    Files the demo wrote there before are replaced; any other file of the same name
    only with ``force``.

    Raises:
        OutputError: ``outdir`` cannot be created or written, or holds files of the
            names the demo writes that it did not write (without ``force``).
        DraftingError: any step fails (it does not on the bundled example).
    """
    out = Path(outdir)
    _check_folder(out, force)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder ({exc.strerror})", file=str(out)) from exc
    result = DemoResult()
    files: dict[str, bytes] = {}

    # 1. The Word draft, as the committee received it.
    src = example_path(EXAMPLE_DRAFT)
    imported = import_file(src)
    draft = imported.document
    report = getattr(imported, "report", None)
    result.steps.append(
        f"imported the Word draft {src.name}: {len(draft.recitals)} preambular and"
        f" {len(draft.paragraphs)} operative paragraphs, house style {imported.style.name}"
    )
    if report is not None:
        result.steps.append(report.summary())
    # import_file and apply_amendments validate what they return: write without re-checking.
    files["resolution-495-draft.akn.xml"] = render(draft, ".xml", validated=True)

    # 2. The tabled amendments: checked, listed for the vote, applied.
    amendments_src = example_path(EXAMPLE_AMENDMENTS)
    amendments = parse_amendments(amendments_src.read_text(encoding="utf-8"), amendments_src.name)
    checked = check(draft, amendments)
    bad = sum(1 for c in checked.checks if not c.ok)
    result.steps.append(
        f"checked {len(amendments)} amendments in {amendments_src.name}:"
        f" {len(amendments) - bad} ok, {bad} with problems, {len(checked.overlaps)} overlap(s)"
    )
    files["voting-list.md"] = render_amendment_listing(draft, amendments, ".md", voting=True)
    files["voting-list.html"] = render_amendment_listing(draft, amendments, ".html", voting=True)
    files["amendments-compilation.html"] = render_amendment_listing(draft, amendments, ".html")
    amended = apply_amendments(draft, amendments)
    final = amended.document
    result.steps.append(f"applied the adopted amendments: {amended.summary()}")
    files["amendments-report.md"] = report_markdown(amended).encode("utf-8")
    files["resolution-495-final.akn.xml"] = render(final, ".xml", validated=True)

    # 3. What changed, for the rapporteur.
    changes = diff_documents(draft, final, old_name="draft", new_name="final")
    result.steps.append(f"compared draft and final: {changes.summary_line()}")
    files["redline.html"] = render_diff(changes, "html")
    files["redline-tracked-changes.docx"] = render_diff(changes, "docx", new=final)
    files["comparative-table.html"] = render_diff(changes, "columns-html")

    # 4. The final text, for the plenary services.
    for suffix in (".docx", ".html", ".md"):
        files[f"resolution-495-final{suffix}"] = render(final, suffix)
    if shutil.which("soffice") or shutil.which("libreoffice"):
        files["resolution-495-final.pdf"] = render(final, ".pdf")
    else:
        result.steps.append(
            "PDF skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        )

    assert set(files) <= set(OUTPUT_NAMES)
    io.write_atomic(out / MARKER, ("\n".join(OUTPUT_NAMES) + "\n").encode())
    for name, data in files.items():
        io.write_atomic(out / name, data)
        result.outputs.append(out / name)
    return result
