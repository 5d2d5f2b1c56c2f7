"""The numbered text for a terminal: lead phrases bold, or the tree with eIds."""

from __future__ import annotations

from lxml import etree

from drafting.akn.ns import local_name
from drafting.model.document import Document
from drafting.model.provision import Provision

BOLD, ITALIC, DIM, RESET = "\x1b[1m", "\x1b[3m", "\x1b[2m", "\x1b[0m"


def _styled(block: etree._Element, color: bool) -> str:
    out: list[str] = []

    def walk(el: etree._Element, active: str) -> None:
        out.append(el.text or "")
        for child in el:
            name = local_name(child.tag)
            if name == "authorialNote":
                out.append(child.get("marker", ""))
            elif name in ("b", "i") and color:
                code = BOLD if name == "b" else ITALIC
                out.append(code)
                walk(child, active + code)
                out.append(RESET + active)
            elif name:
                walk(child, active)
            out.append(child.tail or "")

    walk(block, "")
    return "".join(out)


def show(doc: Document, *, color: bool = False) -> str:
    """The document as a reader sees it: title, number line, numbered paragraphs, notes."""
    b = (lambda s: f"{BOLD}{s}{RESET}") if color else (lambda s: s)
    lines = []
    if doc.title:
        lines += [b(doc.title), ""]
    if doc.number_line is not None:
        lines += [_styled(doc.number_line, False), ""]
    if doc.formula:
        lines += [doc.formula, ""]

    def emit(p: Provision) -> None:
        indent = "    " * p.level
        text = " ".join(_styled(x, color) for x in p.blocks)
        label = "–" if p.kind == "citation" else (p.num or "")
        lines.append(f"{indent}{label} {text}".rstrip() if label else f"{indent}{text}")
        for c in p.children:
            emit(c)

    for top in doc.top_level:
        emit(top)
    for block in doc.conclusions:
        lines += ["", _styled(block, color)]
    if doc.notes:
        lines.append("")
        lines.extend(f"{n.marker} {n.text}" for n in doc.notes)
    return "\n".join(lines)


def outline(doc: Document, *, color: bool = False) -> str:
    """The provision tree with each provision's eId and wId, one line each."""
    dim = (lambda s: f"{DIM}{s}{RESET}") if color else (lambda s: s)
    lines = [f"{doc.house_style.name}: {doc.title}"]
    for p in doc.provisions():
        words = p.text.split()
        preview = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        label = p.num or f"({p.kind})"
        wid = f" wId={p.wid}" if p.wid and p.wid != p.eid else ""
        lines.append(f"{'  ' * (p.level + 1)}{label} {preview}  {dim(f'[{p.eid}{wid}]')}")
    return "\n".join(lines)
