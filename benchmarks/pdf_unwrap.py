"""Time unwrapping a 60,000-word paste and reading the PDF fixtures, page by page.

    python benchmarks/pdf_unwrap.py

Three pastes of the same generated draft (about 60,000 words): wrapped at 70
characters on pages with a running header, page numbers and form feeds; the same
without form feeds; and the whole draft on one line.  Each is unwrapped 5 times and
the median printed, with the paragraphs found beside those the draft has, to show
the work was done.  Then
``read_pdf`` on each committed PDF fixture, median of 5, per page.  Nothing here is
a test: no figure is asserted.
"""

from __future__ import annotations

import statistics
import sys
import textwrap
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.pdf_import import read_pdf  # noqa: E402
from drafting.text.unwrap import lines_of_text, unwrap  # noqa: E402

RUNS = 5
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
_LEADS = ["Urges", "Calls upon", "Requests", "Encourages", "Invites", "Stresses", "Welcomes"]
_BODY = (
    "Member States and the relevant organizations of the United Nations system to"
    " strengthen their cooperation on early warning, in particular through the exchange"
    " of observational data, the training of national staff and the long-term"
    " maintenance of monitoring networks in the countries most exposed to coastal"
    " hazards, and to report on the progress made"
)


def median_time(fn: Callable[[], object]) -> float:
    """The median wall time of ``RUNS`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _unwrap_text(text: str) -> object:
    return unwrap(lines_of_text(text))


def draft(words: int) -> list[str]:
    """Numbered operative paragraphs of at least ``words`` words in all."""
    out: list[str] = []
    count = 0
    while count < words:
        n = len(out) + 1
        out.append(f"{n}. {_LEADS[n % len(_LEADS)]} {_BODY}, and further {_BODY};")
        count += len(out[-1].split())
    return out


def paged(paragraphs: list[str], per_page: int = 45) -> str:
    """The paragraphs wrapped at 70 characters on pages, as pdftotext pastes them."""
    lines = [line for p in paragraphs for line in textwrap.wrap(p, 70)]
    pages = []
    total = (len(lines) + per_page - 1) // per_page
    for k in range(total):
        body = "\n".join(lines[k * per_page : (k + 1) * per_page])
        pages.append(f"A/RES/80/1\n\n{body}\n\n{k + 1}/{total}\n")
    return "\f".join(pages)


def main() -> None:
    paragraphs = draft(60_000)
    with_pages = paged(paragraphs)
    cases = {
        "wrapped, pages with \\f": with_pages,
        "wrapped, no \\f": with_pages.replace("\f", "\n"),
        "one line": " ".join(paragraphs),
    }
    print(f"unwrap, median of {RUNS} (lines_of_text included); the draft has {len(paragraphs)}")
    print("| paste | words | lines | seconds | paragraphs |")
    print("|---|---|---|---|---|")
    for name, text in cases.items():
        result = unwrap(lines_of_text(text))
        seconds = median_time(partial(_unwrap_text, text))
        print(
            f"| {name} | {len(text.split()):,} | {text.count(chr(10)) + 1:,} | {seconds:.3f}"
            f" | {len(result.paragraphs):,} |"
        )
    print()
    print(f"read_pdf, median of {RUNS}")
    print("| fixture | pages | seconds | per page |")
    print("|---|---|---|---|")
    for name in ("un-ga-resolution", "nato-pa-resolution", "un-excerpt-54"):
        path = FIXTURES / f"{name}.pdf"
        pages = read_pdf(path).pages
        seconds = median_time(partial(read_pdf, path))
        print(f"| {name}.pdf | {pages} | {seconds:.3f} | {seconds / pages * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
