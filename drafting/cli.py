"""The ``drafting`` command: a thin adapter over the library.

Each command makes one library call, prints, and maps errors to exit codes:
``DraftingError`` becomes one line ``error: FILE: what is wrong; what to do`` and
exit 1; usage errors exit 2; a traceback appears only with ``--debug``.  Heavy
modules are imported inside the commands so that ``drafting --help`` is instant.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

STYLE_CHOICE = click.Choice(["nato-pa", "un-ga", "ep"])


def _debug() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.obj and ctx.obj.get("debug"):
            return True
        ctx = ctx.parent
    return False


def handle_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from drafting.errors import DraftingError

        try:
            return func(*args, **kwargs)
        except DraftingError as exc:
            if _debug():
                traceback.print_exc()
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("error: interrupted; no output was written", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if _debug():
                traceback.print_exc()
            click.echo(
                f"error: internal error ({type(exc).__name__}: {exc}); no output was written;"
                " run again with --debug and report it",
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as 2024-11-25") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="drafting")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Parliamentary drafting: resolutions as Akoma Ntoso, from draft to final text.

    \b
    Example:
      drafting import draft.md -o draft.akn.xml
      drafting show draft.akn.xml
      drafting export draft.akn.xml -o final.md
    """
    ctx.obj = {"debug": debug}


@cli.command("import")
@click.argument("input", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The AKN file to write (e.g. draft.akn.xml).",
)
@click.option("--style", type=STYLE_CHOICE, help="House style; detected when not given.")
@click.option("--number", help="The resolution's number, e.g. 495.")
@click.option("--body", help='The assembly, e.g. "NATO Parliamentary Assembly".')
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Date of the text.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@handle_errors
def import_cmd(
    input: Path,
    output: Path,
    style: str | None,
    number: str | None,
    body: str | None,
    date_: str | None,
    force: bool,
) -> None:
    """Import a draft (.txt or .md as typed) into Akoma Ntoso XML.

    \b
    Example:
      drafting import draft.md -o draft.akn.xml --style nato-pa
    """
    from drafting import formats, io

    io.check_output(output, inputs=[input], force=force)
    result = formats.import_file(
        input, style=style, number=number, body=body, date=_parse_date(date_)
    )
    formats.export_file(result.document, output, inputs=[input], force=force)
    doc = result.document
    how = "detected" if result.style_detected else "given"
    click.echo(
        f"{output}: {len(doc.recitals)} preambular and {len(doc.paragraphs)} operative"
        f" paragraphs; house style {result.style.name} ({how})",
        err=True,
    )
    for w in result.warnings:
        click.echo(f"warning: {input}: {w}", err=True)


@cli.command("export")
@click.argument("input", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write; its extension picks the format (.md, .txt, .akn.xml).",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@handle_errors
def export_cmd(input: Path, output: Path, force: bool) -> None:
    """Export a resolution as the numbered final text.

    \b
    Example:
      drafting export resolution-495.akn.xml -o resolution-495.md
    """
    from drafting import formats

    formats.export_file(formats.load_document(input), output, inputs=[input], force=force)
    click.echo(f"wrote {output}", err=True)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@handle_errors
def validate_cmd(files: tuple[Path, ...]) -> None:
    """Check AKN files against the official AKN 3.0 schema and the drafting profile.

    Prints each problem as FILE:LINE: eId: message; exits 1 when any file is invalid.

    \b
    Example:
      drafting validate examples/*.akn.xml
    """
    from drafting.formats import validate_file

    bad = 0
    for f in files:
        report = validate_file(f)
        if report.ok:
            click.echo(f"{f}: valid")
            continue
        bad += 1
        for problem in report.problems:
            click.echo(problem.format(str(f)))
    if bad:
        click.echo(f"{bad} of {len(files)} file(s) invalid", err=True)
        sys.exit(1)


@cli.command("show")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--outline", is_flag=True, help="Show the provision tree with eIds and wIds.")
@click.option(
    "--color/--no-color", default=None, help="Bold lead phrases (default: on a terminal)."
)
@handle_errors
def show_cmd(file: Path, outline: bool, color: bool | None) -> None:
    """Show the numbered text of a resolution in the terminal.

    \b
    Example:
      drafting show resolution-495.akn.xml --outline
    """
    from drafting.formats import load_document
    from drafting.text import terminal

    use_color = sys.stdout.isatty() if color is None else color
    doc = load_document(file)
    text = (
        terminal.outline(doc, color=use_color) if outline else terminal.show(doc, color=use_color)
    )
    click.echo(text)


@cli.command("renumber")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the renumbered document.",
)
@click.option("--in-place", is_flag=True, help="Replace FILE itself.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@handle_errors
def renumber_cmd(file: Path, output: Path | None, in_place: bool, force: bool) -> None:
    """Renumber paragraphs and sub-paragraphs per the house style (eIds follow, wIds stay).

    \b
    Example:
      drafting renumber draft.akn.xml -o draft-renumbered.akn.xml
    """
    from drafting import io

    if (output is None) == (not in_place):
        raise click.UsageError("give either -o OUTPUT or --in-place")
    doc = io.load(file, validate=False)
    changes = doc.renumber()
    target = file if in_place else io.check_output(output, inputs=[file], force=force)  # type: ignore[arg-type]
    io.save(doc, target)
    for old, new in changes.items():
        click.echo(f"{old} -> {new}")
    click.echo(f"wrote {target}: {len(changes)} number(s) changed", err=True)


@cli.command("demo")
@click.argument(
    "outdir",
    required=False,
    default="drafting-demo",
    type=click.Path(file_okay=False, path_type=Path),
)
@handle_errors
def demo_cmd(outdir: Path) -> None:
    """Run the main job on the bundled Resolution 495 and write the outputs to OUTDIR.

    \b
    Example:
      drafting demo out/
    """
    from drafting.demo import run_demo

    result = run_demo(outdir)
    for step in result.steps:
        click.echo(step)
    for path in result.outputs:
        click.echo(f"wrote {path}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="drafting")
