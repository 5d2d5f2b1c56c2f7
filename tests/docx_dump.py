"""Read an exported .docx for tests: a normalised dump for golden files, and parts by name.

The zip's bytes change with the clock; its XML parts do not.  The dump is what a
reviewer wants to see in a diff: the body, the footnotes, the list definitions,
the custom properties, and which styles the body uses.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from drafting.akn.parser import parse_foreign

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(data: bytes, name: str) -> etree._Element | None:
    """The parsed XML part ``name`` (e.g. ``word/footnotes.xml``); None when absent."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if name not in z.namelist():
            return None
        return parse_foreign(z.read(name), name).getroot()


def _parts_named(data: bytes, prefix: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return sorted(n for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml"))


def word_text(el: etree._Element) -> str:
    """The text Word shows for ``el``: ``w:t`` text, ``w:tab`` as a tab, ``w:br`` as a newline."""
    out = []
    for node in el.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"):
        out.append(
            node.text or ""
            if node.tag == f"{{{W}}}t"
            else "\t"
            if str(node.tag).endswith("}tab")
            else "\n"
        )
    return "".join(out)


def _pretty(el: etree._Element) -> str:
    return etree.tostring(el, pretty_print=True, encoding="unicode")


def custom_properties(data: bytes) -> dict[str, str]:
    """docProps/custom.xml as name -> text value."""
    root = part(data, "docProps/custom.xml")
    if root is None:
        return {}
    return {p.get("name", ""): "".join(p.itertext()) for p in root}


def dump(data: bytes) -> str:
    """The normalised text of an exported .docx, for golden comparison."""
    out: list[str] = []
    doc = part(data, "word/document.xml")
    assert doc is not None
    body = doc.find(f"{{{W}}}body")
    assert body is not None
    used = sorted({s.get(f"{{{W}}}val", "") for s in body.iter(f"{{{W}}}pStyle")})
    styles = part(data, "word/styles.xml")
    assert styles is not None
    names = {
        s.get(f"{{{W}}}styleId"): s.find(f"{{{W}}}name").get(f"{{{W}}}val")  # type: ignore[union-attr]
        for s in styles.iter(f"{{{W}}}style")
    }
    out.append("== paragraph styles used (id: name) ==")
    out += [f"{sid}: {names.get(sid, '?')}" for sid in used]
    out.append("== word/document.xml body ==")
    out.append(_pretty(body))
    notes = part(data, "word/footnotes.xml")
    if notes is not None:
        out.append("== word/footnotes.xml ==")
        out.append(_pretty(notes))
    numbering = part(data, "word/numbering.xml")
    used_nums = {n.get(f"{{{W}}}val") for n in body.iter(f"{{{W}}}numId")}
    if numbering is not None and used_nums:
        out.append("== word/numbering.xml: the lists the body uses ==")
        for num in numbering.iterfind("w:num", NS):
            if num.get(f"{{{W}}}numId") not in used_nums:
                continue
            ref = num.find("w:abstractNumId", NS)
            assert ref is not None
            abstract = numbering.find(
                f"w:abstractNum[@w:abstractNumId='{ref.get(f'{{{W}}}val')}']", NS
            )
            assert abstract is not None
            out += [_pretty(num), _pretty(abstract)]
    for kind in ("header", "footer"):
        for name in _parts_named(data, f"word/{kind}"):
            el = part(data, name)
            if el is not None and word_text(el).strip():
                out.append(f"== {name} ==")
                out.append(_pretty(el))
    out.append("== docProps/custom.xml ==")
    out += [f"{k} = {v}" for k, v in custom_properties(data).items()]
    core = part(data, "docProps/core.xml")
    if core is not None:
        out.append("== docProps/core.xml ==")
        out.append(_pretty(core))
    return "\n".join(out).rstrip() + "\n"
