"""Time the committee cycle on large generated resolutions, beside its floors and peers.

    python benchmarks/run.py [--quick] [--out benchmarks/RESULTS.md]

Each stage is timed in-process (median of at least 5 runs) and as a whole process
(the CLI, median of 5, with the child's peak resident memory from wait4).  Floors are
measured in the same run: a fresh interpreter importing lxml and python-docx, lxml
parsing and serialising the same AKN, python-docx reading every paragraph of the same
.docx, python-docx writing as many paragraphs.  Peers: xmldiff (fast_match) on the
same AKN pair and diff-match-patch on the whole plain text, when installed
(``pip install xmldiff``).  Nothing here is a test: no figure is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io as _io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import (  # noqa: E402
    ONE_PARAGRAPH_SHAPES,
    make_amendments,
    make_amendments_to_one_paragraph,
    make_resolution,
    make_second_version,
    make_statute,
    make_statute_version,
)

RUNS = 5


def median_time(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_LAUNCH = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('PEAK_KB ' + line.split()[1] + '\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = sys.argv[1:]\n"
    "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
)


def process(
    args: list[str], runs: int = RUNS, ok_codes: tuple[int, ...] = (0,)
) -> tuple[float, float]:
    """Median wall time and peak RSS (MB) of running ``args`` as a fresh process.

    The peak is the child's own high-water mark (VmHWM, read as it exits): the
    rusage of wait4 would also count the pages the child shared with this large
    benchmark process before it replaced itself with the command.
    """
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        if args[:2] == [sys.executable, "-m"]:
            argv = [sys.executable, "-c", _LAUNCH, *args[2:]]
        else:
            argv = args
        child = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        err = child.stderr.decode(errors="replace")
        if child.returncode not in ok_codes:
            raise RuntimeError(f"{' '.join(args)} failed: {err}")
        kb = [int(x.split()[1]) for x in err.splitlines() if x.startswith("PEAK_KB ")]
        peaks.append(kb[-1] / 1024 if kb else float("nan"))
    return statistics.median(times), max(peaks)


class Table:
    """The rows of RESULTS.md, and each figure by (N, stage) for the targets section."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.figures: dict[tuple[str, str], float] = {}

    def add(self, *cells: object) -> None:
        row = tuple(c if isinstance(c, str) else f"{c:.3f}" for c in cells)
        self.rows.append(row)
        if len(cells) > 2 and isinstance(cells[2], float):
            self.figures[(str(cells[0]), str(cells[1]))] = cells[2]
        print(" | ".join(row), flush=True)

    def peak(self, n: str, stage: str, megabytes: float) -> None:
        self.figures[(n, f"{stage} peak MB")] = megabytes

    def get(self, n: object, stage: str) -> float | None:
        return self.figures.get((str(n), stage))


def drafting_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "drafting", *args]


def compile_package() -> None:
    """Compile the package's bytecode before any command is timed, as ``pip install``
    does: run from a source checkout with PYTHONDONTWRITEBYTECODE set (as on this
    project's machines), every process would compile every module again, ~0.1 s that
    no installed copy pays."""
    import compileall

    import drafting

    compileall.compile_dir(str(Path(drafting.__file__).parent), quiet=1)


def bench_n(n: int, work: Path, table: Table) -> dict[str, float]:
    import docx
    from lxml import etree

    from drafting import formats, io
    from drafting.diff import diff_documents
    from drafting.diffing import render_diff
    from drafting.docx_export import write_docx
    from drafting.render.document_html import render_document_html

    a = make_resolution(n)
    b = make_second_version(a).document
    a_akn, b_akn, a_docx = work / f"a{n}.akn.xml", work / f"b{n}.akn.xml", work / f"a{n}.docx"
    io.save(a, a_akn)
    io.save(b, b_akn)
    a_docx.write_bytes(write_docx(a))
    paragraphs = len(docx.Document(str(a_docx)).paragraphs)
    out = work / "out"
    out.mkdir(exist_ok=True)
    figures: dict[str, float] = {}

    def row(stage: str, seconds: float, floor_name: str = "", floor: float = 0.0) -> None:
        ratio = f"{seconds / floor:.1f}x" if floor else ""
        table.add(str(n), stage, seconds, floor_name, floor if floor else "", ratio)
        figures[stage] = seconds

    # Floors.
    akn_bytes = a_akn.read_bytes()
    parse_floor = median_time(lambda: etree.tostring(etree.fromstring(akn_bytes)))

    def docx_read() -> None:
        for p in docx.Document(str(a_docx)).paragraphs:
            p.text  # noqa: B018

    read_floor = median_time(docx_read)

    def docx_write() -> None:
        d = docx.Document()
        for i in range(paragraphs):
            d.add_paragraph(f"paragraph {i} " * 8)
        d.save(_io.BytesIO())

    write_floor = median_time(docx_write)
    interp_floor, _ = process([sys.executable, "-c", "import lxml.etree, docx"])
    table.add(str(n), "floor: lxml parse+serialise AKN", parse_floor, "", "", "")
    table.add(str(n), "floor: python-docx read all paragraphs", read_floor, "", "", "")
    table.add(str(n), "floor: python-docx write as many paragraphs", write_floor, "", "", "")
    table.add(str(n), "floor: interpreter + import lxml, docx", interp_floor, "", "", "")

    # In-process stages.
    row(
        "load AKN (parse + validate)",
        median_time(lambda: io.load(a_akn)),
        "lxml parse",
        parse_floor,
    )
    row("import .docx", median_time(lambda: formats.import_file(a_docx)), "docx read", read_floor)
    doc_a, doc_b = io.load(a_akn), io.load(b_akn)
    result = diff_documents(doc_a, doc_b)
    row(
        "diff (pairing + words)",
        median_time(lambda: diff_documents(doc_a, doc_b)),
        "lxml parse",
        parse_floor,
    )
    from drafting.tabling import amendments_from_edit

    row(
        "amendments from-edit",
        median_time(lambda: amendments_from_edit(doc_a, doc_b)),
        "diff",
        figures["diff (pairing + words)"],
    )
    for fmt in ("text", "json", "html", "columns-html", "docx", "columns-docx"):
        row(f"diff output {fmt}", median_time(partial(render_diff, result, fmt)))
    row("export .docx", median_time(lambda: write_docx(doc_a)), "docx write", write_floor)
    row("export .html", median_time(lambda: render_document_html(doc_a)))

    # Whole processes.
    for name, args in {
        "CLI import .docx": ["import", str(a_docx), "-o", str(out / "i.akn.xml"), "--force"],
        "CLI diff --format json": [
            "diff",
            str(a_akn),
            str(b_akn),
            "-o",
            str(out / "d.json"),
            "--force",
        ],
        "CLI export .docx": ["export", str(a_akn), "-o", str(out / "e.docx"), "--force"],
    }.items():
        seconds, peak = process(drafting_cmd(*args))
        table.add(
            str(n),
            f"{name} (process)",
            seconds,
            "interpreter",
            interp_floor,
            f"{seconds / interp_floor:.1f}x; peak {peak:.0f} MB",
        )
        figures[f"{name} peak MB"] = peak
        table.peak(str(n), f"{name} (process)", peak)

    # Peers.
    try:
        from xmldiff import main as xmldiff_main

        if n > 1000:
            raise ImportError("xmldiff grows quadratically: minutes at 5,000 paragraphs")
        runs = 3
        peer = median_time(
            lambda: xmldiff_main.diff_files(
                str(a_akn), str(b_akn), diff_options={"fast_match": True}
            ),
            runs=runs,
        )
        row("peer: xmldiff fast_match", peer)
    except ImportError as exc:
        table.add(str(n), f"peer: xmldiff not run ({exc})", "", "", "", "")
    try:
        import diff_match_patch

        from drafting.text import write_text

        ta, tb = write_text(doc_a), write_text(doc_b)
        dmp = diff_match_patch.diff_match_patch()
        row("peer: diff-match-patch whole text", median_time(lambda: dmp.diff_main(ta, tb)))
    except ImportError:
        pass
    return figures


def bench_amendments(n: int, counts: list[int], work: Path, table: Table) -> None:
    from drafting import io
    from drafting.amendments.apply import apply_amendments
    from drafting.amendments.parser import parse_amendments
    from drafting.amendments.resolve import check_amendments
    from drafting.amendments.voting import voting_list

    doc = make_resolution(n)
    akn = work / f"am{n}.akn.xml"
    io.save(doc, akn)
    for m in counts:
        text = make_amendments(doc, m)
        path = work / f"am{n}-{m}.txt"
        path.write_text(text, encoding="utf-8")

        def cycle(text: str = text, path: Path = path) -> None:
            amendments = parse_amendments(text, str(path))
            checks = check_amendments(doc, amendments)
            voting_list(doc, amendments, checks=checks)
            apply_amendments(doc, amendments, checks=checks)

        seconds = median_time(cycle)
        table.add(
            str(n), f"amendments M={m}: parse+check+voting list+apply+renumber", seconds, "", "", ""
        )
        out = work / "out" / f"amended-{m}.akn.xml"
        wall, peak = process(drafting_cmd("amend", str(akn), str(path), "-o", str(out), "--force"))
        table.add(str(n), f"CLI amend M={m} (process)", wall, "", "", f"peak {peak:.0f} MB")
        table.peak(str(n), f"CLI amend M={m} (process)", peak)


#: How many amendments to one paragraph (issue 15: 4,000 at most 6x the cost of 1,000).
ONE_PARAGRAPH_COUNTS = (1000, 4000)


def bench_one_paragraph(work: Path, table: Table) -> None:
    """Hundreds of amendments to one paragraph, as large committees see: the overlaps
    are found as groups, so the cost grows with the amendments, not their pairs."""
    from drafting import io
    from drafting.amendments.apply import apply_amendments
    from drafting.amendments.parser import parse_amendments
    from drafting.amendments.report import check
    from drafting.amendments.resolve import check_amendments
    from drafting.amendments.voting import voting_list

    doc = make_resolution(1000)
    akn = work / "one.akn.xml"
    io.save(doc, akn)
    for shape in ONE_PARAGRAPH_SHAPES:
        for m in ONE_PARAGRAPH_COUNTS:
            text = make_amendments_to_one_paragraph(doc, m, shape)
            path = work / f"one-{shape}-{m}.txt"
            path.write_text(text, encoding="utf-8")

            def cycle(text: str = text) -> None:
                amendments = parse_amendments(text)
                checks = check_amendments(doc, amendments)
                check(doc, amendments)
                voting_list(doc, amendments, checks=checks)
                apply_amendments(doc, amendments, checks=checks)

            stage = f"one paragraph, {shape}, M={m}: check+overlaps+voting list+apply"
            table.add("1000", stage, median_time(cycle, runs=3), "", "", "")
            wall, peak = process(
                drafting_cmd("amendments", "check", str(akn), str(path)), runs=3, ok_codes=(0, 1)
            )
            name = f"CLI amendments check, one paragraph, {shape}, M={m} (process)"
            table.add("1000", name, wall, "", "", f"peak {peak:.0f} MB")
            table.peak("one", name, peak)


CYCLE_STEPS = ("import .docx", "parse + check", "voting list", "apply", "diff", "export .docx")


def bench_cycle(n: int, m: int, work: Path, table: Table) -> None:
    """The whole committee cycle on one draft: in-process, then as the six CLI commands.

    Import the Word draft, check the amendments, make the voting list, apply the
    adopted ones (renumbering included), diff the draft against the amended text
    (the default terminal output), export the amended text to Word.
    """
    from drafting import formats
    from drafting.amendments.apply import apply_amendments
    from drafting.amendments.parser import parse_amendments
    from drafting.amendments.resolve import check_amendments
    from drafting.amendments.voting import voting_list
    from drafting.diff import diff_documents
    from drafting.diffing import render_diff
    from drafting.docx_export import write_docx

    draft = make_resolution(n)
    docx_path = work / f"cycle{n}.docx"
    docx_path.write_bytes(write_docx(draft))
    text = make_amendments(draft, m)
    am_path = work / f"cycle{n}-{m}.txt"
    am_path.write_text(text, encoding="utf-8")
    steps: dict[str, list[float]] = {name: [] for name in CYCLE_STEPS}

    def cycle() -> None:
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            steps[name].append(now - clock)
            clock = now

        doc = formats.import_file(docx_path).document
        lap("import .docx")
        amendments = parse_amendments(text, str(am_path))
        checks = check_amendments(doc, amendments)
        lap("parse + check")
        # As a library user would: the list and the apply take the checks, not resolving again.
        voting_list(doc, amendments, checks=checks)
        lap("voting list")
        amended = apply_amendments(doc, amendments, checks=checks).document
        lap("apply")
        render_diff(diff_documents(doc, amended), "text")
        lap("diff")
        write_docx(amended)
        lap("export .docx")

    whole = median_time(cycle)
    label = f"whole cycle N={n} M={m} (in-process)"
    parts = ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in steps.items())
    table.add(str(n), label, whole, "", "", parts)

    out = work / "out"
    out.mkdir(exist_ok=True)
    akn, amended = out / "cycle.akn.xml", out / "cycle-amended.akn.xml"
    commands = [
        ["import", str(docx_path), "-o", str(akn), "--force"],
        ["amendments", "check", str(akn), str(am_path)],
        [
            "amendments",
            "list",
            str(akn),
            str(am_path),
            "--voting-list",
            "-o",
            str(out / "votes.md"),
            "--force",
        ],
        ["amend", str(akn), str(am_path), "-o", str(amended), "--force"],
        ["diff", str(akn), str(amended), "-o", str(out / "cycle-diff.txt"), "--force"],
        ["export", str(amended), "-o", str(out / "cycle-final.docx"), "--force"],
    ]
    total, peaks = 0.0, []
    for args in commands:
        wall, peak = process(drafting_cmd(*args), ok_codes=(0, 1))
        total += wall
        peaks.append(peak)
    table.add(
        str(n),
        f"whole cycle N={n} M={m} (six CLI commands)",
        total,
        "",
        "",
        f"peak {max(peaks):.0f} MB",
    )


GROWTH_STAGES = (
    "import .docx",
    "diff (pairing + words)",
    "export .docx",
    "export .html",
    "load AKN (parse + validate)",
)


def _mark(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**no**")


LARGE = "60,000 words"


def bench_large(work: Path, table: Table) -> None:
    """A 60,000-word report with no numbered paragraphs, as issue 13 measures import:
    chapters, headings, lists and tables, made by python-docx with the fixture maker
    the permissive-import tests use."""
    import importlib.util

    import docx

    from drafting import formats

    maker = HERE.parent / "tests" / "fixtures" / "docx" / "make_permissive.py"
    spec = importlib.util.spec_from_file_location("make_permissive", maker)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    path = work / "large.docx"
    module.make_large(path)

    def docx_read() -> None:
        for p in docx.Document(str(path)).paragraphs:
            p.text  # noqa: B018

    floor = median_time(docx_read)
    ours = median_time(lambda: formats.import_file(path))
    table.add(LARGE, "floor: python-docx read all paragraphs", floor, "", "", "")
    table.add(LARGE, "import .docx", ours, "docx read", floor, f"{ours / floor:.1f}x")


#: The sizes of the statute benchmark (issue 14): 2,000 provisions, and a fifth of it.
STATUTE_SIZES = (400, 2000)
STATUTE_STAGES = (
    "statute: export .docx",
    "statute: import .docx",
    "statute: diff (pairing + words)",
    "statute: export .html",
    "statute: amendments check+apply",
)


def bench_statute(n: int, work: Path, table: Table) -> None:
    """A bill of ``n`` provisions (Parts, Chapters, headed sections, subsections and
    paragraphs): its Word export, its import, a diff with a second version, its HTML,
    and one amendment to every tenth section, located as a bill committee writes it."""
    from drafting import formats
    from drafting.amendments.apply import apply_amendments
    from drafting.amendments.parser import parse_amendments
    from drafting.diff import diff_documents
    from drafting.docx_export.writer import write_docx
    from drafting.render.document_html import render_document_html

    doc = make_statute(n)
    other = make_statute_version(doc)
    path = work / f"statute-{n}.docx"
    table.add(str(n), "statute: export .docx", median_time(lambda: write_docx(doc)), "", "", "")
    path.write_bytes(write_docx(doc))
    table.add(
        n, "statute: import .docx", median_time(lambda: formats.import_file(path)), "", "", ""
    )
    diff = median_time(lambda: diff_documents(doc, other))
    table.add(str(n), "statute: diff (pairing + words)", diff, "", "", "")
    html = median_time(lambda: render_document_html(doc))
    table.add(str(n), "statute: export .html", html, "", "", "")
    sections = [p.num.rstrip(".") for p in doc.provisions() if p.kind == "section" and p.num]
    text = "".join(
        f"Amendment {i}\nIn section {k}(1), at the end insert “, as amended”\n\n"
        for i, k in enumerate(sections[::10], 1)
    )

    def amend() -> None:
        amendments = parse_amendments(text)
        apply_amendments(doc, amendments, votes={a.number: "adopted" for a in amendments})

    table.add(str(n), "statute: amendments check+apply", median_time(amend), "", "", "")


def targets(t: Table, sizes: list[int]) -> list[str]:
    """The targets of issue 7, each with what this run measured: written, never typed."""
    rows: list[tuple[str, str, bool | None]] = []

    def ratio(stage: str, floor_stage: str, label: str, n: int = 1000) -> None:
        a, b = t.get(n, stage), t.get(n, floor_stage)
        if a is None or not b:
            return
        rows.append(
            (
                f"{label} within 3x its floor ({floor_stage[7:]})",
                f"{a:.2f} s vs {b:.3f} s: {a / b:.1f}x",
                a / b <= 3,
            )
        )

    ratio("import .docx", "floor: python-docx read all paragraphs", "import .docx")
    big, big_floor = (
        t.get(LARGE, "import .docx"),
        t.get(LARGE, "floor: python-docx read all paragraphs"),
    )
    if big is not None and big_floor:
        rows.append(
            (
                "import of a 60,000-word report within 2x python-docx reading it (issue 13)",
                f"{big:.2f} s vs {big_floor:.2f} s: {big / big_floor:.1f}x",
                big / big_floor <= 2,
            )
        )
    ratio("export .docx", "floor: python-docx write as many paragraphs", "export .docx")
    ratio("export .html", "floor: lxml parse+serialise AKN", "export .html")
    ratio("load AKN (parse + validate)", "floor: lxml parse+serialise AKN", "load AKN")
    ratio("diff (pairing + words)", "floor: lxml parse+serialise AKN", "diff")
    fe, df = t.get(1000, "amendments from-edit"), t.get(1000, "diff (pairing + words)")
    if fe is not None and df:
        rows.append(
            (
                "amendments from-edit within 2x the diff of the same pair (issue 16)",
                f"{fe:.2f} s vs {df:.2f} s: {fe / df:.1f}x",
                fe / df <= 2,
            )
        )
    am = t.get(1000, "amendments M=1000: parse+check+voting list+apply+renumber")
    parse = t.get(1000, "floor: lxml parse+serialise AKN")
    if am is not None and parse:
        rows.append(
            (
                "amendments M = 1,000 within 3x its floor (lxml parse+serialise AKN)",
                f"{am:.2f} s vs {parse:.3f} s: {am / parse:.0f}x",
                am / parse <= 3,
            )
        )
    ours, peer = t.get(1000, "diff (pairing + words)"), t.get(1000, "peer: xmldiff fast_match")
    if ours and peer:
        rows.append(
            (
                "diff at least 50x faster than xmldiff fast_match (answer key: "
                "tests/test_diff_scale.py)",
                f"{ours:.2f} s vs {peer:.1f} s: {peer / ours:.0f}x",
                peer / ours >= 50,
            )
        )
    if 5000 in sizes:
        for stage in GROWTH_STAGES:
            a, b = t.get(5000, stage), t.get(1000, stage)
            if a is not None and b:
                rows.append(
                    (f"growth N = 5,000 / 1,000 at most 6x: {stage}", f"{a / b:.1f}x", a / b <= 6)
                )
    small, large = STATUTE_SIZES
    for stage in STATUTE_STAGES:
        a, b = t.get(large, stage), t.get(small, stage)
        if a is not None and b:
            rows.append(
                (
                    f"statute growth 2,000 / 400 provisions at most 6x (issue 14): {stage[9:]}",
                    f"{a / b:.1f}x ({a:.2f} s)",
                    a / b <= 6,
                )
            )
    m1, m3 = (
        t.get(1000, f"amendments M={m}: parse+check+voting list+apply+renumber")
        for m in (1000, 3000)
    )
    if m1 and m3:
        rows.append(("growth M = 3,000 / 1,000 at most 3.5x", f"{m3 / m1:.1f}x", m3 / m1 <= 3.5))
    m3 = t.get(1000, "amendments M=3000: parse+check+voting list+apply+renumber")
    if m3 is not None:
        rows.append(
            (
                "3,000 amendments checked, ordered and applied under 2 s (issue 15)",
                f"{m3:.2f} s",
                m3 < 2,
            )
        )
    for shape in ONE_PARAGRAPH_SHAPES:
        one, four = (
            t.get(1000, f"one paragraph, {shape}, M={m}: check+overlaps+voting list+apply")
            for m in ONE_PARAGRAPH_COUNTS
        )
        if one and four:
            rows.append(
                (
                    f"4,000 amendments to one paragraph ({shape}) at most 6x 1,000 (issue 15)",
                    f"{four:.2f} s vs {one:.2f} s: {four / one:.1f}x",
                    four / one <= 6,
                )
            )
        name = f"CLI amendments check, one paragraph, {shape}, M=4000 (process)"
        mb = t.figures.get(("one", f"{name} peak MB"))
        if mb is not None:
            rows.append((f"{name[:-10]} peak memory under 300 MB", f"{mb:.0f} MB", mb < 300))
    for suffix in ("(in-process)", "(six CLI commands)"):
        c = t.get(1000, f"whole cycle N=1000 M=1000 {suffix}")
        if c is not None:
            rows.append(
                (f"whole committee cycle N = M = 1,000 under 2 s {suffix}", f"{c:.2f} s", c < 2)
            )
    top = max(sizes)
    peaks = {
        stage: mb
        for (n, stage), mb in t.figures.items()
        if n == str(top) and stage.endswith("peak MB")
    }
    if peaks:
        worst = max(peaks, key=lambda k: peaks[k])
        rows.append(
            (
                f"peak memory under 200 MB at N = {top:,}",
                f"highest {peaks[worst]:.0f} MB ({worst[:-8]})",
                peaks[worst] < 200 if top == 5000 else None,
            )
        )
    for name in ("drafting --help", "drafting validate (small file)"):
        v = t.get("-", f"{name} (process)")
        if v is not None:
            rows.append((f"{name} starts in under 0.3 s", f"{v:.2f} s", v < 0.3))
    return ["| target | measured | met? |", "|---|---|---|"] + [
        f"| {a} | {b} | {_mark(c)} |" for a, b, c in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N = 100 and 1,000 only")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [100, 1000] if args.quick else [100, 1000, 5000]
    table = Table()
    small = HERE.parent / "examples" / "resolution-495.akn.xml"
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in sizes:
            bench_n(n, work, table)
        bench_large(work, table)
        bench_amendments(1000, [100, 1000] if args.quick else [100, 1000, 3000], work, table)
        bench_cycle(1000, 1000, work, table)
        bench_one_paragraph(work, table)
        for n in STATUTE_SIZES:
            bench_statute(n, work, table)
        for name, cmd in {
            "drafting --help": ["--help"],
            "drafting validate (small file)": ["validate", str(small)],
        }.items():
            seconds, peak = process(drafting_cmd(*cmd))
            table.add("-", f"{name} (process)", seconds, "", "", f"peak {peak:.0f} MB")
    import docx
    import lxml

    header = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py`; do not edit by hand (notes on where the time",
        "goes are in [NOTES.md](NOTES.md)).",
        "",
        f"Measured {dt.date.today().isoformat()} on"
        f" {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" lxml {getattr(lxml, '__version__', '?')},"
        f" python-docx {getattr(docx, '__version__', '?')}.",
        "Times in seconds, median of 5 runs (xmldiff: 3 runs, and not at 5,000 paragraphs).",
        'In-process unless marked "(process)": the whole CLI command in a fresh interpreter,',
        "with its peak resident memory (VmHWM), the package's bytecode compiled first as",
        "`pip install` leaves it.",
        "",
        "## Against the targets of issues 7, 13, 14 and 16 (N = 1,000 unless said)",
        "",
        *targets(table, sizes),
        "",
        "## Table",
        "",
        "| N | stage | seconds | floor | floor seconds | ratio / notes |",
        "|---|---|---|---|---|---|",
    ]
    lines = header + ["| " + " | ".join(r) + " |" for r in table.rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
