"""Compare drafting's import of UK bills with the AKN the National Archives' parser makes.

    python tools/peer_report.py ../shared/real-world/uk-bills [--show N]

For every ``NAME.docx`` beside a ``NAME.expected.akn.xml``, both documents' numbered
provisions are listed as number paths (the labels of every numbered element from the
body down, quotations included, punctuation aside) with their own words, and the
share of the peer's paths found with the same path, and of those with the same
words, is printed per document and overall.  Independent of the package's code but
for running its import.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from lxml import etree

_NUMBERED_PARENTS_SKIP = {"num", "heading", "authorialNote"}
#: Elements that stand apart from their neighbours on the page.
_BLOCKS = {"p", "block", "intro", "wrapUp", "content", "hcontainer"}


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _value(label: str) -> str:
    label = re.sub(
        r"^(?:part|chapter|schedule|section|article|rule)\s*", "", label.strip(), flags=re.I
    )
    # Case apart: a label in a capitals style shows "PART 1" for the "Part 1" typed.
    return re.sub(r"[^0-9A-Za-z]", "", label).lower() or label.strip().lower()


def _norm(text: str) -> str:
    text = text.replace("\u2060", "")
    return " ".join(re.sub(r"[“”‘’\"]", "", text).split())


def _own_text(el: etree._Element) -> str:
    out: list[str] = []

    def walk(node: etree._Element, top: bool) -> None:
        for c in node:
            name = _local(c)
            if not name or name in _NUMBERED_PARENTS_SKIP:
                if c.tail and not top:
                    out.append(c.tail)
                continue
            if c.find("{*}num") is not None and c is not el:
                continue  # a numbered subdivision: its own words
            if name in ("quotedStructure",):
                continue
            block = name in _BLOCKS
            if block:
                out.append(" ")  # blocks are apart however the file is laid out
            if c.text:
                out.append(c.text)
            walk(c, False)
            if block:
                out.append(" ")
            if c.tail and not top:
                out.append(c.tail)

    walk(el, True)
    return _norm("".join(out))


def provisions(root: etree._Element) -> Counter[tuple[tuple[str, ...], str]]:
    """(path, own words) of every numbered element under the body."""
    body = root.find(".//{*}body")
    if body is None:
        body = root.find(".//{*}mainBody")
    found: Counter[tuple[tuple[str, ...], str]] = Counter()
    if body is None:
        return found
    for num in body.iter("{*}num"):
        el = num.getparent()
        if el is None or _local(el) in ("authorialNote",):
            continue
        path = []
        for a in [el, *el.iterancestors()]:
            n = a.find("{*}num")
            if n is not None and _local(a) != "authorialNote":
                path.append(_value(n.xpath("string()")))
        found[(tuple(reversed(path)), _own_text(el))] += 1
    return found


def compare(docx: Path, expected: Path) -> tuple[int, int, int, list[str]]:
    from drafting.formats import import_file

    peer = provisions(etree.parse(str(expected)).getroot())
    ours_doc = import_file(docx, as_="bill").document
    ours = provisions(ours_doc.tree.getroot())
    peer_paths = Counter(p for p, _ in peer.elements())
    our_paths = Counter(p for p, _ in ours.elements())
    found = sum((peer_paths & our_paths).values())
    same = sum((peer & ours).values())
    missing = [" ".join(p) for p in (peer_paths - our_paths).elements()]
    return sum(peer_paths.values()), found, same, missing


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    total = found_all = same_all = 0
    for expected in sorted(args.folder.glob("*.expected.akn.xml")):
        docx = expected.with_name(expected.name.replace(".expected.akn.xml", ".docx"))
        n, found, same, missing = compare(docx, expected)
        total, found_all, same_all = total + n, found_all + found, same_all + same
        print(
            f"{docx.name:50} {n:5} provisions  path {found / max(n, 1):6.1%}"
            f"  text {same / max(found, 1):6.1%}"
        )
        for m in missing[: args.show]:
            print("    missing:", m)
    print(
        f"{'all':50} {total:5} provisions  path {found_all / max(total, 1):6.1%}"
        f"  text {same_all / max(found_all, 1):6.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
