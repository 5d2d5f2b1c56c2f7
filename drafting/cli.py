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

# Spelled out here, not imported: importing the model or the diff for these lists would
# slow every command's start-up (``drafting --help``).  tests/test_cli_foundation.py
# holds them equal to drafting.model.styles.STYLES, drafting.diffing.DIFF_FORMATS and
# drafting.amendments.writer.WRITE_STYLES.
STYLE_CHOICE = click.Choice(["nato-pa", "un-ga", "ep", "pace", "plain"])
DIFF_FORMAT_CHOICE = click.Choice(["text", "html", "docx", "columns-docx", "columns-html", "json"])
WORDING_CHOICE = click.Choice(["nato-pa", "un-ga", "ep", "pace", "uk"])
FILE = click.Path(dir_okay=False, path_type=Path)
#: --force, as every writing command takes it: replace an existing output.
FORCE = click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")


def output_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    """The ``-o/--output FILE`` option of a writing command."""
    return click.option("-o", "--output", type=FILE, required=required, help=help)


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
    if ctx.invoked_subcommand is not None:
        # Every command reads or writes AKN, which is validated: libxml2 compiles the
        # official schema on another core while the command starts and reads its input.
        from drafting.akn.schema import warm_up

        warm_up()


@cli.command("import")
@click.argument("input", type=FILE)
@output_option(
    "The file to write: draft.akn.xml (Akoma Ntoso), or .md, .txt, .docx, .html.", required=True
)
@click.option("--style", type=STYLE_CHOICE, help="House style; detected when not given.")
@click.option("--number", help="The resolution's number, e.g. 495.")
@click.option("--body", help='The assembly, e.g. "NATO Parliamentary Assembly".')
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Date of the text.")
@click.option(
    "--report",
    type=FILE,
    help="Word only: write the import report here (.md or .json).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse a draft that breaks its house style instead of importing it as it stands.",
)
@click.option("--accept-changes", is_flag=True, help="Word only: accept all tracked changes.")
@click.option("--reject-changes", is_flag=True, help="Word only: reject all tracked changes.")
@click.option(
    "--as",
    "as_",
    type=click.Choice(["resolution", "rules", "act", "bill"]),
    help="What the draft is: a resolution, or a clause-structured text (rules of procedure,"
    " bylaws, a statute, a bill); told from its labels when not given.",
)
@FORCE
@handle_errors
def import_cmd(
    input: Path,
    output: Path,
    style: str | None,
    number: str | None,
    body: str | None,
    date_: str | None,
    report: Path | None,
    strict: bool,
    accept_changes: bool,
    reject_changes: bool,
    as_: str | None,
    force: bool,
) -> None:
    """Import a draft (.docx, .pdf, or .txt/.md as typed or pasted) into Akoma Ntoso XML.

    The draft imports as it stands: the numbers it shows, in its order, with its
    text; what its house style would object to is said in warnings (drafting
    validate checks the house style; --strict refuses instead).  Only unreadable
    files are refused.  A Word file with tracked changes is refused unless
    --accept-changes or --reject-changes says what to do with them.

    \b
    Example:
      drafting import draft.docx -o draft.akn.xml --report draft-report.md
      drafting import draft.pdf -o draft.akn.xml
      drafting import draft.md -o draft.akn.xml --style nato-pa
    """
    from drafting import formats, io

    if accept_changes and reject_changes:
        raise click.UsageError("give --accept-changes or --reject-changes, not both")
    is_word = input.suffix.lower() in (".docx", ".docm", ".dotx", ".doc")
    if report is not None and not is_word:
        raise click.UsageError("--report is made for Word (.docx) imports only")
    io.check_output(output, inputs=[input], force=force)
    if report is not None:
        from drafting.docx_import.report import check_report_path

        check_report_path(report, inputs=(input, output), force=force)
    result = formats.import_file(
        input,
        style=style,
        number=number,
        body=body,
        date=_parse_date(date_),
        accept_changes=True if accept_changes else False if reject_changes else None,
        strict=strict,
        as_=as_,
    )
    # import_file has just validated this very document: do not pay for it twice.
    formats.export_file(result.document, output, inputs=[input], force=force, validated=True)
    word_report = getattr(result, "report", None)
    if word_report is not None:
        if report is not None:
            word_report.write(report, inputs=(input, output), force=force)
        click.echo(word_report.summary(), err=True)
    doc = result.document
    if doc.structure.hierarchical:
        click.echo(f"{output}: {result.style_reason}", err=True)
        for w in result.warnings:
            click.echo(f"warning: {input}: {w}", err=True)
        return
    how = "detected" if result.style_detected else "given"
    if result.style_detected and result.style_reason:
        how += f": {result.style_reason}"
    others = ""
    unnumbered = sum(1 for p in doc.provisions() if p.kind == "hcontainer" and p.table is None)
    tables = sum(1 for p in doc.provisions() if p.table is not None)
    if unnumbered or tables:
        others = f", {unnumbered} unnumbered and {tables} table(s)"
    click.echo(
        f"{output}: {len(doc.recitals)} preambular and {len(doc.paragraphs)} operative"
        f" paragraphs{others}; house style {result.style.name} ({how})",
        err=True,
    )
    for w in result.warnings:
        click.echo(f"warning: {input}: {w}", err=True)


@cli.command("export")
@click.argument("input", type=FILE)
@output_option(
    "The file to write; its extension picks the format (.docx, .pdf, .html, .md, .txt, .akn.xml).",
    required=True,
)
@click.option(
    "--template",
    type=FILE,
    help="A Word template (.docx/.dotx) whose styles, headers and page setup to use.",
)
@click.option(
    "--word-numbering",
    is_flag=True,
    help="Number paragraphs with Word's automatic numbering (for drafts still being edited).",
)
@click.option(
    "--line-numbers",
    is_flag=True,
    help="Plain text (.txt) with page and line numbers, for amendments by page and line.",
)
@FORCE
@handle_errors
def export_cmd(
    input: Path,
    output: Path,
    template: Path | None,
    word_numbering: bool,
    line_numbers: bool,
    force: bool,
) -> None:
    """Export a resolution as the numbered final text (Word, PDF, HTML, Markdown, text).

    \b
    Example:
      drafting export resolution-495.akn.xml -o resolution-495.docx
      drafting export resolution-495.akn.xml -o resolution-495.pdf --template nato.dotx
      drafting export resolution-495.akn.xml --line-numbers -o resolution-495-lines.txt
    """
    from drafting import formats

    formats.export_file(
        formats.load_document(input),
        output,
        inputs=[input],
        force=force,
        template=template,
        word_numbering=word_numbering,
        line_numbers=line_numbers,
    )
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
@click.argument("file", type=FILE)
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
@click.argument("file", type=FILE)
@output_option("Where to write the renumbered document.")
@click.option("--in-place", is_flag=True, help="Replace FILE itself.")
@FORCE
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
@click.option("--force", is_flag=True, help="Replace files of the demo's names it did not write.")
@handle_errors
def demo_cmd(outdir: Path, force: bool) -> None:
    """Run the main job on the bundled Resolution 495 and write the outputs to OUTDIR.

    \b
    Example:
      drafting demo out/
    """
    from drafting.demo import run_demo

    result = run_demo(outdir, force=force)
    for step in result.steps:
        click.echo(step)
    for path in result.outputs:
        click.echo(f"wrote {path}")


@cli.command("diff")
@click.argument("old", type=FILE)
@click.argument("new", type=FILE)
@output_option("Write the diff here; the extension picks the format (.txt, .html, .docx, .json).")
@click.option(
    "--format",
    "fmt",
    type=DIFF_FORMAT_CHOICE,
    help="Output format (default: from -o, else text).",
)
@click.option("--ignore-numbering", is_flag=True, help="Do not report new numbers.")
@click.option("--check", is_flag=True, help="Print nothing; exit 1 if the versions differ.")
@click.option("--color/--no-color", default=None, help="Colour the terminal output.")
@click.option(
    "--template",
    type=FILE,
    help="Word redline only: the template (.docx/.dotx) the final text is exported with.",
)
@FORCE
@handle_errors
def diff_cmd(
    old: Path,
    new: Path,
    output: Path | None,
    fmt: str | None,
    ignore_numbering: bool,
    check: bool,
    color: bool | None,
    template: Path | None,
    force: bool,
) -> None:
    """Show what changed between two versions, provision by provision, word by word.

    OLD and NEW may be AKN, .md/.txt or .docx files.  Renumbered, inserted,
    deleted and moved provisions are recognised as such.

    \b
    Example:
      drafting diff draft.akn.xml final.akn.xml
      drafting diff draft.akn.xml final.akn.xml -o changes.docx --template nato.dotx
      drafting diff draft.akn.xml final.akn.xml --format columns-html -o table.html

    The Word redline (.docx) is NEW as 'drafting export' writes it, with every change
    a tracked change: Accept All gives NEW, Reject All gives OLD.
    """
    from drafting.diffing import diff_files

    if check and output is None and fmt is None:
        fmt = "json"  # rendered but not shown: --check only sets the exit code
    use_color = sys.stdout.isatty() if color is None else color
    result, data = diff_files(
        old,
        new,
        out=output,
        fmt=fmt,
        ignore_numbering=ignore_numbering,
        color=use_color,
        template=template,
        force=force,
    )
    if output is not None:
        click.echo(f"wrote {output}: {result.summary_line()}", err=True)
    elif not check:
        if (fmt or "text") in ("docx", "columns-docx"):
            raise click.UsageError("give -o FILE.docx for a Word output")
        click.echo(data.decode("utf-8"), nl=False)
    if check and not result.same:
        sys.exit(1)


@cli.group("amendments")
def amendments_group() -> None:
    """Check amendments against a draft, list them for the vote, export them as AKN.

    Amendment files are .txt, .md, AKN .xml or Word .docx.

    \b
    Example:
      drafting amendments check draft.akn.xml amendments.txt
    """


_AMENDMENT_FILES = click.argument("amendment_files", nargs=-1, required=True, type=FILE)


@amendments_group.command("check")
@click.argument("draft", type=FILE)
@_AMENDMENT_FILES
@handle_errors
def amendments_check_cmd(draft: Path, amendment_files: tuple[Path, ...]) -> None:
    """Check every amendment's location and quoted words against DRAFT as tabled.

    Prints one line per amendment (ok, or what is wrong and what to do), then
    overlaps and duplicates; exits 1 when any amendment cannot be applied.

    \b
    Example:
      drafting amendments check resolution-495.akn.xml amendments-495.txt
    """
    from drafting.amending import check_files

    report = check_files(draft, amendment_files)
    for line in report.lines():
        click.echo(line)
    if not report.ok:
        click.echo(report.summary, err=True)
        sys.exit(1)


@amendments_group.command("list")
@click.argument("draft", type=FILE)
@_AMENDMENT_FILES
@click.option("--voting-list", is_flag=True, help="The voting list instead of the compilation.")
@click.option(
    "--votes",
    type=FILE,
    help="Fill the voting list's For, Against, Abstentions and Outcome from this file"
    " (lines such as 'Amendment 3: 45 for, 12 against, 3 abstentions'); implies"
    " --voting-list.",
)
@output_option("Write to a file (.md, .html or .docx) instead of the terminal.")
@FORCE
@handle_errors
def amendments_list_cmd(
    draft: Path,
    amendment_files: tuple[Path, ...],
    voting_list: bool,
    votes: Path | None,
    output: Path | None,
    force: bool,
) -> None:
    """The compilation of amendments (Draft text | Amendment), or with --voting-list the
    chair's voting paper: a table with a row per vote in voting order (provision,
    amendment, tabled by, what falls), the vote on the text as a whole last, and
    For, Against, Abstentions and Outcome left empty to fill in by hand.

    --votes FILE fills them in.  One vote a line ('#' starts a comment):

    \b
      Amendment 3: 45 for, 12 against, 3 abstentions
      Amendment 5: 45-12-3
      C1: adopted
      Whole text: 80 for, 5 against, 2 abstentions

    or a CSV file with the header amendment,for,against,abstentions (an outcome
    column may follow).  More votes for than against adopt an amendment, a tie
    rejects it; an amendment excluded by an adopted one shows "fell" without a line.
    A vote for an amendment not on the list is an error, and nothing is written.

    \b
    Example:
      drafting amendments list draft.akn.xml amendments.txt --voting-list -o votes.docx
      drafting amendments list draft.akn.xml amendments.txt --votes votes.txt -o votes.html
    """
    from drafting.amending import list_files

    data = list_files(
        draft,
        amendment_files,
        output=output,
        voting=voting_list,
        votes=votes,
        force=force,
    )
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    click.echo(f"wrote {output}", err=True)


@amendments_group.command("export")
@click.argument("draft", type=FILE)
@_AMENDMENT_FILES
@output_option("The AKN <amendmentList> file to write.", required=True)
@FORCE
@handle_errors
def amendments_export_cmd(
    draft: Path, amendment_files: tuple[Path, ...], output: Path, force: bool
) -> None:
    """Export the amendments as one AKN <amendmentList> of <amendment> documents.

    \b
    Example:
      drafting amendments export draft.akn.xml amendments.txt -o amendments.akn.xml
    """
    from drafting.amending import export_files

    amendments = export_files(draft, amendment_files, output, force=force)
    click.echo(f"wrote {output}: {len(amendments)} amendment(s)", err=True)


@amendments_group.command("from-edit")
@click.argument("draft", type=FILE)
@click.argument("edited", type=FILE, required=False)
@output_option(
    "The amendments (.txt, .md, .akn.xml, or .docx: the house's amendment form).",
    required=True,
)
@click.option("--by", default="", help="Who tables them (two versions; Word names its authors).")
@click.option(
    "--style",
    "wording",
    type=WORDING_CHOICE,
    help="The wording of the amendments (default: the draft's house style).",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@handle_errors
def amendments_from_edit_cmd(
    draft: Path,
    edited: Path | None,
    output: Path,
    by: str,
    wording: str | None,
    force: bool,
) -> None:
    """Write the amendments that turn DRAFT into EDITED, worded as the house tables them.

    With DRAFT alone, a Word file edited with Track Changes: the draft is its text with
    every change rejected, and each author's changes become that author's amendments.

    \b
    Example:
      drafting amendments from-edit draft-with-changes.docx -o amendments.txt
      drafting amendments from-edit draft.akn.xml edited.docx --by "Delegation of Norway" \\
        -o amendments.docx
    """
    from drafting.tabling import from_edit_files

    made = from_edit_files(draft, edited, output, by=by, style=wording, force=force)
    for author, n in made.authors:
        click.echo(f"{n} tracked change(s) by {author}", err=True)
    click.echo(f"wrote {output}: {len(made.amendments)} amendment(s)", err=True)
    for line in made.skipped:
        click.echo(f"warning: not tabled: {line}", err=True)


@cli.command("amend")
@click.argument("draft", type=FILE)
@_AMENDMENT_FILES
@output_option("The amended text (.akn.xml, .md or .txt).", required=True)
@click.option(
    "--votes",
    type=FILE,
    help="The votes ('4: adopted', 'Amendment 7: 10-30-2', as amendments list reads them);"
    " they win over the status in the amendments.",
)
@click.option(
    "--report",
    type=FILE,
    help="Write what became of each amendment (.json or .md).",
)
@click.option(
    "--date",
    "vote_date",
    metavar="YYYY-MM-DD",
    help="The day of the vote, which dates the amended text; default today.",
)
@click.option("--force", is_flag=True, help="Replace the outputs if they exist.")
@handle_errors
def amend_cmd(
    draft: Path,
    amendment_files: tuple[Path, ...],
    output: Path,
    votes: Path | None,
    report: Path | None,
    vote_date: str | None,
    force: bool,
) -> None:
    """Apply the adopted amendments to DRAFT in voting order, renumber, and write the
    amended text; all or nothing.

    \b
    Example:
      drafting amend resolution-495.akn.xml amendments-495.txt --votes votes.txt \\
        -o resolution-495-amended.akn.xml --report report.json
    """
    from drafting.amending import amend_files

    amended = amend_files(
        draft,
        amendment_files,
        output,
        votes=votes,
        report=report,
        date=_parse_date(vote_date),
        force=force,
    )
    click.echo(f"wrote {output}: {amended.summary()}", err=True)
    for o in amended.outcomes:
        if o.outcome == "fell":
            click.echo(
                f"amendment {o.number} fell: amendment {', '.join(o.fell_because_of)} was"
                " adopted first",
                err=True,
            )
    for w in amended.warnings:
        click.echo(f"warning: {w}", err=True)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="drafting")
