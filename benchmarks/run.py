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

from generate import make_amendments, make_resolution, make_second_version  # noqa: E402

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


def process(args: list[str], runs: int = RUNS) -> tuple[float, float]:
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
        if child.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {err}")
        kb = [int(x.split()[1]) for x in err.splitlines() if x.startswith("PEAK_KB ")]
        peaks.append(kb[-1] / 1024 if kb else float("nan"))
    return statistics.median(times), max(peaks)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, *cells: object) -> None:
        row = tuple(c if isinstance(c, str) else f"{c:.3f}" for c in cells)
        self.rows.append(row)
        print(" | ".join(row), flush=True)


def drafting_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "drafting", *args]


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
            check_amendments(doc, amendments)
            voting_list(doc, amendments)
            apply_amendments(doc, amendments)

        seconds = median_time(cycle)
        table.add(
            str(n), f"amendments M={m}: parse+check+voting list+apply+renumber", seconds, "", "", ""
        )
        out = work / "out" / f"amended-{m}.akn.xml"
        wall, peak = process(drafting_cmd("amend", str(akn), str(path), "-o", str(out), "--force"))
        table.add(str(n), f"CLI amend M={m} (process)", wall, "", "", f"peak {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N = 100 and 1,000 only")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [100, 1000] if args.quick else [100, 1000, 5000]
    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in sizes:
            bench_n(n, work, table)
        bench_amendments(1000, [100, 1000] if args.quick else [100, 1000, 3000], work, table)
        for name, cmd in {"drafting --help": ["--help"]}.items():
            seconds, peak = process(drafting_cmd(*cmd))
            table.add("-", f"{name} (process)", seconds, "", "", f"peak {peak:.0f} MB")
    import docx
    import lxml

    header = [
        "# Benchmark results",
        "",
        f"Measured {dt.date.today().isoformat()} by `python benchmarks/run.py` on"
        f" {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" lxml {getattr(lxml, '__version__', '?')},"
        f" python-docx {getattr(docx, '__version__', '?')}.",
        "Times in seconds, median of 5 runs (xmldiff: 3 runs, and not at 5,000 paragraphs).",
        "",
        "| N | stage | seconds | floor | floor seconds | ratio / notes |",
        "|---|---|---|---|---|---|",
    ]
    lines = header + ["| " + " | ".join(r) + " |" for r in table.rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
