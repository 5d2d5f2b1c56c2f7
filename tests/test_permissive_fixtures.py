"""The permissive fixtures say in expected.json what Word shows; check that against the XML.

tests/fixtures/docx/permissive/ holds Word files from LibreOffice, pandoc and
python-docx that the importer refuses or damages today, and expected.json says,
paragraph by paragraph, what a secretary reading each file in Word sees: kind,
label as displayed, first six words.  These tests read the packages with zipfile
and lxml only, independently of drafting (and of the generator, but for
make_large), so they hold whatever state the importer is in:

- every paragraph's text, in order, including text boxes, content controls,
  hyperlinks and ruby bases, and every footnote, matches the manifest;
- typed labels are in the text verbatim; automatic ones are what numbering.xml
  gives, computed the way Word numbers (abstractNum levels, w:start, startOverride
  on a w:num's first use, counters shared by the w:num of one abstractNum);
- tables, the Strict package, the Symbol bullets and the refused files are what
  the manifest says they are.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from lxml import etree

HERE = Path(__file__).resolve().parent / "fixtures" / "docx"
PERMISSIVE = HERE / "permissive"
MANIFEST: dict[str, dict[str, Any]] = json.loads(
    (PERMISSIVE / "expected.json").read_text(encoding="utf-8")
)
ACCEPTED = sorted(name for name, entry in MANIFEST.items() if not entry["refuse"])
REFUSED = sorted(name for name, entry in MANIFEST.items() if entry["refuse"])

TRANSITIONAL_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
#: Symbol-font code points as Word shows them (the private-use U+F0xx and w:sym F0xx).
SYMBOL = {0xB7: "•", 0xA7: "▪", 0x2D: "–"}
KINDS = {
    "title",
    "number-line",
    "formula",
    "head",
    "preambular",
    "operative",
    "sub",
    "unnumbered",
    "heading",
    "table",
    "note",
    "list-item",
}


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def first_words(text: str, n: int = 6) -> str:
    return " ".join(text.split()[:n])


# -- reading a package ------------------------------------------------------------------------


class Package:
    """A .docx: its main part found through _rels/.rels, and the parts the main part relates."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        rels = self.xml("_rels/.rels")
        main = next(r for r in rels if r.get("Type", "").endswith("/officeDocument"))
        self.main_name = main.get("Target", "").lstrip("/")
        self.document = self.xml(self.main_name)
        self.w = etree.QName(self.document).namespace or ""
        folder, _, base = self.main_name.rpartition("/")
        self.rels: dict[str, etree._Element] = {}
        rels_name = f"{folder}/_rels/{base}.rels"
        if rels_name in self.zip.namelist():
            self.rels = {r.get("Id", ""): r for r in self.xml(rels_name)}
        self.folder = folder

    def xml(self, name: str) -> etree._Element:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return etree.fromstring(self.zip.read(name), parser)

    def related(self, kind: str) -> etree._Element | None:
        for rel in self.rels.values():
            if rel.get("Type", "").endswith(f"/{kind}"):
                return self.xml(f"{self.folder}/{rel.get('Target', '')}")
        return None

    def q(self, name: str) -> str:
        return f"{{{self.w}}}{name}"

    def val(self, el: etree._Element | None, attr: str = "val") -> str | None:
        return None if el is None else el.get(self.q(attr))


# -- numbering as Word computes it ----------------------------------------------------------


@dataclass
class Lvl:
    start: int
    fmt: str
    text: str
    symbol: bool


def roman(n: int) -> str:
    out = ""
    for value, digits in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"),
        strict=True,
    ):
        while n >= value:
            out += digits
            n -= value
    return out


def formatted(fmt: str, n: int) -> str:
    letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return {
        "decimal": str(n),
        "lowerLetter": letters,
        "upperLetter": letters.upper(),
        "lowerRoman": roman(n),
        "upperRoman": roman(n).upper(),
    }[fmt]


def symbol_text(text: str, symbol_font: bool) -> str:
    if not symbol_font:
        return text
    return "".join(
        SYMBOL.get(ord(c) - 0xF000, c) if 0xF000 <= ord(c) <= 0xF0FF else c for c in text
    )


@dataclass
class Numbering:
    pkg: Package
    abstract: dict[str, dict[int, Lvl]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    style_num: dict[str, tuple[str, int] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        pkg = self.pkg
        root = pkg.related("numbering")
        if root is not None:
            for a in root.iterfind(pkg.q("abstractNum")):
                levels = {}
                for lvl in a.iterfind(pkg.q("lvl")):
                    fonts = lvl.find(f"{pkg.q('rPr')}/{pkg.q('rFonts')}")
                    levels[int(pkg.val(lvl, "ilvl") or 0)] = Lvl(
                        int(pkg.val(lvl.find(pkg.q("start"))) or 1),
                        pkg.val(lvl.find(pkg.q("numFmt"))) or "decimal",
                        pkg.val(lvl.find(pkg.q("lvlText"))) or "",
                        pkg.val(fonts, "ascii") == "Symbol",
                    )
                self.abstract[pkg.val(a, "abstractNumId") or ""] = levels
            for num in root.iterfind(pkg.q("num")):
                overrides = {
                    int(pkg.val(o, "ilvl") or 0): int(s)
                    for o in num.iterfind(pkg.q("lvlOverride"))
                    if (s := pkg.val(o.find(pkg.q("startOverride")))) is not None
                }
                aid = pkg.val(num.find(pkg.q("abstractNumId"))) or ""
                self.nums[pkg.val(num, "numId") or ""] = (aid, overrides)
        styles = pkg.related("styles")
        self.styles: dict[str, etree._Element] = {}
        if styles is not None:
            self.styles = {pkg.val(s, "styleId") or "": s for s in styles.iterfind(pkg.q("style"))}

    def style_numbering(self, sid: str, depth: int = 0) -> tuple[str, int] | None:
        style = self.styles.get(sid)
        if style is None or depth > 10:
            return None
        numpr = style.find(f"{self.pkg.q('pPr')}/{self.pkg.q('numPr')}")
        if numpr is not None:
            num = self.pkg.val(numpr.find(self.pkg.q("numId")))
            ilvl = int(self.pkg.val(numpr.find(self.pkg.q("ilvl"))) or 0)
            return (num, ilvl) if num else None
        based = self.pkg.val(style.find(self.pkg.q("basedOn")))
        return self.style_numbering(based, depth + 1) if based else None

    def style_name(self, sid: str | None) -> str:
        style = self.styles.get(sid or "")
        return (self.pkg.val(style.find(self.pkg.q("name"))) or "") if style is not None else ""

    def label(self, p: etree._Element) -> str | None:
        """The number or bullet Word shows before paragraph ``p``; None when there is none."""
        pkg = self.pkg
        ppr = p.find(pkg.q("pPr"))
        numpr = ppr.find(pkg.q("numPr")) if ppr is not None else None
        sid = pkg.val(ppr.find(pkg.q("pStyle"))) if ppr is not None else None
        found = self.style_numbering(sid) if sid else None
        if numpr is not None:
            num = pkg.val(numpr.find(pkg.q("numId")))
            ilvl_el = numpr.find(pkg.q("ilvl"))
            ilvl = int(pkg.val(ilvl_el) or 0) if ilvl_el is not None else (found or ("", 0))[1]
            found = (num, ilvl) if num else None
        if found is None or found[0] == "0" or found[0] not in self.nums:
            return None
        num, ilvl = found
        aid, overrides = self.nums[num]
        levels = self.abstract[aid]
        counts = self.counters.setdefault(aid, [None] * 9)
        if num not in self.used:
            # A w:num's startOverride takes effect where the w:num is first used.
            self.used.add(num)
            for level_no, start in overrides.items():
                counts[level_no] = start - 1
        current = counts[ilvl]
        counts[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        lvl = levels[ilvl]
        if lvl.fmt == "none":
            return None
        if lvl.fmt == "bullet":
            return symbol_text(lvl.text, lvl.symbol) or None

        def number(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            value = counts[k]
            return formatted(levels[k].fmt, levels[k].start if value is None else value)

        return re.sub(r"%(\d)", number, lvl.text)


# -- the text Word shows --------------------------------------------------------------------


def run_is_symbol(pkg: Package, el: etree._Element) -> bool:
    run = next((a for a in el.iterancestors() if local(a) == "r"), None)
    fonts = run.find(f"{pkg.q('rPr')}/{pkg.q('rFonts')}") if run is not None else None
    return pkg.val(fonts, "ascii") == "Symbol"


def text_of(pkg: Package, el: etree._Element) -> str:
    """The visible text of ``el``: runs, tabs, breaks, symbols, content controls, hyperlinks
    and ruby bases; not ruby readings, deleted text, field codes, note marks, text boxes."""
    out: list[str] = []
    skip_next_t = False
    for child in el:
        name = local(child)
        ns = etree.QName(child).namespace if isinstance(child.tag, str) else None
        if ns == MC:
            if name == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    out.append(text_of(pkg, choice))
            continue
        if ns != pkg.w:
            continue
        if name in ("rt", "delText", "instrText", "del", "txbxContent", "pict", "sdtPr", "rPr"):
            continue
        if name == "footnoteReference":
            skip_next_t = child.get(pkg.q("customMarkFollows")) in ("1", "true", "on")
        elif name == "t":
            if skip_next_t:
                skip_next_t = False
            else:
                out.append(symbol_text(child.text or "", run_is_symbol(pkg, child)))
        elif name == "tab":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("\u2011")
        elif name == "sym":
            char = int(child.get(pkg.q("char"), "0"), 16)
            out.append(SYMBOL.get(char - 0xF000 if char >= 0xF000 else char, chr(char)))
        else:
            out.append(text_of(pkg, child))
    return "".join(out)


def boxes(pkg: Package, p: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of the text boxes in ``p``, once (not the VML copy in mc:Fallback)."""
    for box in p.iter(pkg.q("txbxContent")):
        if any(local(a) == "Fallback" for a in box.iterancestors()):
            continue
        yield from box.iterfind(pkg.q("p"))


def cells(pkg: Package, tbl: etree._Element) -> list[list[etree._Element]]:
    """The rows of ``tbl`` as lists of w:tc, through row and cell content controls."""

    def unwrap(el: etree._Element, name: str) -> Iterator[etree._Element]:
        for child in el:
            if local(child) == name:
                yield child
            elif local(child) == "sdt":
                content = child.find(pkg.q("sdtContent"))
                if content is not None:
                    yield from unwrap(content, name)

    return [list(unwrap(tr, "tc")) for tr in unwrap(tbl, "tr")]


def cell_text(pkg: Package, tc: etree._Element) -> str:
    paras = [text_of(pkg, p) for p in tc.iter(pkg.q("p"))]
    return " ".join(" ".join(paras).split())


@dataclass
class Seen:
    """One thing Word shows: a paragraph (with its automatic label), a table or a note."""

    kind: str  # p, table, note
    text: str
    label: str | None = None
    style: str = ""
    element: etree._Element | None = None


def seen(path: Path) -> list[Seen]:
    pkg = Package(path)
    numbering = Numbering(pkg)
    notes_root = pkg.related("footnotes")
    notes = {}
    if notes_root is not None:
        notes = {pkg.val(n, "id"): n for n in notes_root.iterfind(pkg.q("footnote"))}
    out: list[Seen] = []
    counted = 0

    def paragraph(p: etree._Element) -> None:
        nonlocal counted
        label = numbering.label(p)
        text = text_of(pkg, p)
        ppr = p.find(pkg.q("pPr"))
        sid = pkg.val(ppr.find(pkg.q("pStyle"))) if ppr is not None else None
        if text.strip() or label:
            out.append(Seen("p", text, label, numbering.style_name(sid), p))
        for ref in p.iter(pkg.q("footnoteReference")):
            note = notes[pkg.val(ref, "id")]
            custom = ref.get(pkg.q("customMarkFollows")) in ("1", "true", "on")
            if custom:
                after = ref.getnext()
                mark = after.text or "" if after is not None else ""
            else:
                counted += 1
                mark = str(counted)
            words = " ".join(text_of(pkg, x) for x in note.iterfind(pkg.q("p"))).lstrip()
            if custom and words.startswith(mark):
                words = words[len(mark) :]  # a custom mark is typed in the note as well
            out.append(Seen("note", words, mark, element=note))

    def block(parent: etree._Element) -> None:
        for child in parent:
            name = local(child)
            if name == "p":
                for inner in boxes(pkg, child):
                    paragraph(inner)
                paragraph(child)
            elif name == "tbl":
                rows = cells(pkg, child)
                out.append(Seen("table", cell_text(pkg, rows[0][0]), element=child))
            elif name in ("sdt", "customXml"):
                content = child.find(pkg.q("sdtContent")) if name == "sdt" else child
                if content is not None:
                    block(content)

    body = pkg.document.find(pkg.q("body"))
    assert body is not None
    block(body)
    return out


# -- the tests --------------------------------------------------------------------------------


def test_every_fixture_is_in_the_manifest_and_every_entry_has_its_file() -> None:
    on_disk = {p.name for p in PERMISSIVE.glob("*.docx")}
    assert on_disk == set(MANIFEST)
    producers = {entry["producer"] for entry in MANIFEST.values()}
    assert producers == {"libreoffice", "pandoc", "python-docx", "converter"}
    for name, entry in MANIFEST.items():
        assert {"class", "producer", "refuse", "items"} <= set(entry), name
        assert entry["refuse"] == ("reason" in entry), name
        for kind, label, words in entry["items"]:
            assert kind in KINDS, (name, kind)
            assert label is None or label.strip() == label != "", (name, label)
            assert words == first_words(words), (name, words)


def test_each_class_has_one_or_two_fixtures_and_the_sources_are_there() -> None:
    per_class: dict[str, list[str]] = {}
    for name, entry in MANIFEST.items():
        per_class.setdefault(entry["class"], []).append(name)
        stem = name.removesuffix(".docx")
        if entry["producer"] == "libreoffice":
            assert (PERMISSIVE / f"{stem}.fodt").is_file(), name
        if entry["producer"] == "pandoc":
            assert (PERMISSIVE / f"{stem}.md").is_file(), name
    sizes = {cls: len(names) for cls, names in per_class.items()}
    assert sizes.pop("empty-or-unreadable") == 4
    assert sizes.pop("labels-out-of-sequence") == 3
    assert all(n in (1, 2) for n in sizes.values()), sizes


@pytest.mark.parametrize("name", ACCEPTED)
def test_paragraphs_labels_and_words_match_the_xml(name: str) -> None:
    """Every paragraph, table and note in order: label as Word shows it, first six words."""
    expected = MANIFEST[name]["items"]
    found = seen(PERMISSIVE / name)
    actual: list[list[str | None]] = []
    for k, thing in enumerate(found):
        want = expected[k] if k < len(expected) else ["?", None, ""]
        if thing.kind in ("table", "note"):
            actual.append([thing.kind, thing.label, first_words(thing.text)])
            continue
        text, label = thing.text, thing.label
        typed = want[1]
        if label is None and typed is not None and text.lstrip().startswith(typed):
            # A typed label: verbatim at the start, then a tab or a space.
            rest = text.lstrip()[len(typed) :]
            if rest[:1].isspace():
                label, text = typed, rest
        kind = want[0] if want[0] not in ("table", "note") else "p"
        actual.append([kind, label, first_words(text)])
    assert actual == expected


@pytest.mark.parametrize("name", ACCEPTED)
def test_headings_are_word_headings_and_automatic_labels_are_not_typed(name: str) -> None:
    expected = MANIFEST[name]["items"]
    for (kind, _, _), thing in zip(expected, seen(PERMISSIVE / name), strict=True):
        if thing.kind != "p":
            continue
        heading = re.fullmatch(r"heading \d", thing.style.lower()) is not None
        assert heading == (kind == "heading"), (name, kind, thing.style, thing.text[:40])
        if thing.label is not None:
            # The label comes from numbering.xml, so the text must not repeat it.
            assert not thing.text.lstrip().startswith(thing.label), (name, thing.text[:40])


@pytest.mark.parametrize("name", [n for n in ACCEPTED if "tables" in MANIFEST[n]])
def test_table_cells_match(name: str) -> None:
    pkg = Package(PERMISSIVE / name)
    body = pkg.document.find(pkg.q("body"))
    assert body is not None
    tables = [
        [[cell_text(pkg, tc) for tc in row] for row in cells(pkg, tbl)]
        for tbl in body.iter(pkg.q("tbl"))
    ]
    assert tables == MANIFEST[name]["tables"]


def test_the_annex_table_has_a_header_row_and_a_merged_cell() -> None:
    pkg = Package(PERMISSIVE / "lo-annex-table.docx")
    tbl = next(pkg.document.iter(pkg.q("tbl")))
    rows = cells(pkg, tbl)
    assert [len(r) for r in rows] == [3, 3, 3, 2]
    assert pkg.val(rows[3][1].find(f"{pkg.q('tcPr')}/{pkg.q('gridSpan')}")) == "2"
    first = tbl.find(pkg.q("tr"))
    assert first is not None and first.find(f"{pkg.q('trPr')}/{pkg.q('tblHeader')}") is not None


def test_content_controls_ruby_and_hyperlink_are_where_the_manifest_says() -> None:
    pkg = Package(PERMISSIVE / "pd-controls-ruby-link.docx")
    doc = pkg.document
    body = doc.find(pkg.q("body"))
    assert body is not None
    assert local(body[0]) == "sdt"  # the title is in a block content control
    tbl = next(doc.iter(pkg.q("tbl")))
    wrapped = {local(x.find(pkg.q("sdtContent"))[0]) for x in tbl.iter(pkg.q("sdt"))}  # type: ignore[index]
    assert wrapped == {"tc", "tr", "p", "r"}
    ruby = next(doc.iter(pkg.q("ruby")))
    assert text_of(pkg, ruby) == "京都"
    assert "".join(ruby.find(pkg.q("rt")).itertext()) == "きょうと"  # type: ignore[union-attr]
    link = next(doc.iter(pkg.q("hyperlink")))
    rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rel = pkg.rels[rid or ""]
    assert rel.get("TargetMode") == "External"
    assert rel.get("Target") == "https://example.org/heritage/register"
    assert text_of(pkg, link) == "the online register of sites at risk"


def test_text_boxes_hold_the_title_and_a_deadline() -> None:
    pkg = Package(PERMISSIVE / "lo-text-box.docx")
    inside = [text_of(pkg, p) for p in pkg.document.iter(pkg.q("p")) for p in boxes(pkg, p)]
    assert inside == [
        "ARCTIC SEARCH AND RESCUE COOPERATION",
        "DRAFT RESOLUTION 524",
        "Amendments to this draft must reach the Committee Secretariat by 12:00 on Friday.",
    ]
    fallback = pkg.document.iter(f"{{{MC}}}Fallback")
    assert sum(1 for _ in fallback) == 2  # LibreOffice's VML copies, which Word does not show


def test_symbol_bullets_are_typed_as_sym_and_as_private_use_text() -> None:
    pkg = Package(PERMISSIVE / "pd-symbol-bullets.docx")
    syms = list(pkg.document.iter(pkg.q("sym")))
    assert [(s.get(pkg.q("font")), s.get(pkg.q("char"))) for s in syms] == [("Symbol", "F0B7")] * 3
    pua = [t for t in pkg.document.iter(pkg.q("t")) if t.text == "\uf0b7"]
    assert len(pua) == 2 and all(run_is_symbol(pkg, t) for t in pua)
    assert pkg.related("numbering") is not None
    assert not list(pkg.document.iter(pkg.q("numPr")))  # no automatic list anywhere


def test_automatic_numbering_starts_at_127_and_restarts() -> None:
    pkg = Package(PERMISSIVE / "lo-auto-127.docx")
    numbering = Numbering(pkg)
    starts = {lv[0].start for lv in numbering.abstract.values() if lv[0].fmt == "decimal"}
    assert 127 in starts
    assert any(overrides == {0: 1} for _, overrides in numbering.nums.values())
    labels = [x[1] for x in MANIFEST["lo-auto-127.docx"]["items"] if x[0] in ("operative", "sub")]
    assert labels == [
        "127.",
        "128.",
        "134.",
        "129.",
        "130.",
        "131.",
        "1.",
        "2.",
        "(a)",
        "(b)",
        "3.",
    ]


def test_strict_package_uses_only_strict_names() -> None:
    path = PERMISSIVE / "strict-resolution.docx"
    source = PERMISSIVE / "lo-strict-source.docx"
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(source) as src:
        assert sorted(z.namelist()) == sorted(src.namelist())
        assert z.read("[Content_Types].xml") == src.read("[Content_Types].xml")
        for name in z.namelist():
            data = z.read(name).decode("utf-8")
            assert "schemas.openxmlformats.org/wordprocessingml" not in data, name
            assert "schemas.openxmlformats.org/officeDocument/2006/relationships" not in data, name
            assert "schemas.openxmlformats.org/officeDocument/2006/extended-properties" not in data
            if name.endswith(".rels"):
                for rel in etree.fromstring(data.encode()):
                    kind = rel.get("Type", "")
                    assert kind.startswith(
                        (
                            "http://purl.oclc.org/ooxml/officeDocument/relationships/",
                            "http://schemas.openxmlformats.org/package/2006/relationships/",
                        )
                    ), kind
    pkg = Package(path)
    assert pkg.w == STRICT_W
    assert pkg.document.get(pkg.q("conformance")) == "strict"
    values = {
        v
        for el in pkg.document.iter()
        for k, v in el.attrib.items()
        if k == pkg.q("val") and local(el) in ("b", "bidi", "tblHeader", "formProt")
    }
    assert values <= {"true", "false"}
    assert not [i for i in pkg.document.iter(pkg.q("ind")) if i.get(pkg.q("left")) is not None]
    assert [r.get("Type") for r in pkg.xml("_rels/.rels")] == [
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ]
    assert MANIFEST["strict-resolution.docx"]["items"] == MANIFEST["lo-strict-source.docx"]["items"]


@pytest.mark.parametrize("name", REFUSED)
def test_refused_files_are_broken_as_the_manifest_says(name: str) -> None:
    entry = MANIFEST[name]
    assert entry["items"] == [] and entry["reason"]
    path = PERMISSIVE / name
    assert path.stat().st_size < 4096  # tiny, as asked
    if name == "bad-truncated.docx":
        with pytest.raises(zipfile.BadZipFile):
            zipfile.ZipFile(path)
        return
    pkg = Package(path)
    body = pkg.document.find(pkg.q("body"))
    assert body is not None
    if name == "bad-doctype.docx":
        raw = pkg.zip.read(pkg.main_name)
        assert b"<!DOCTYPE" in raw and b"<!ENTITY" in raw and b"&seized;" in raw
        return
    assert "".join(text_of(pkg, p) for p in body.iter(pkg.q("p"))).strip() == ""
    drawings = list(body.iter(pkg.q("drawing")))
    if name == "pd-image-only.docx":
        assert len(drawings) == 1
        assert any(r.get("Type", "").endswith("/image") for r in pkg.rels.values())
    else:
        assert not drawings and [local(x) for x in body] == ["sectPr"]


@cache
def generator() -> ModuleType:
    """tests/fixtures/docx/make_permissive.py, a script, loaded for make_large."""
    spec = importlib.util.spec_from_file_location("make_permissive", HERE / "make_permissive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_make_large_writes_a_report_of_the_size_asked_and_its_manifest(tmp_path: Path) -> None:
    path = tmp_path / "large.docx"
    entry = generator().make_large(path, words=4000)
    found = seen(path)
    words = sum(len(x.text.split()) for x in found if x.kind == "p")
    words += sum(
        len(cell_text(Package(path), tc).split())
        for x in found
        if x.kind == "table" and x.element is not None
        for row in cells(Package(path), x.element)
        for tc in row
    )
    assert 4000 <= words < 4800
    assert [[x.label, first_words(x.text)] for x in found] == [
        [label, text] for _, label, text in entry["items"]
    ]
    kinds = {k for k, _, _ in entry["items"]}
    assert {"heading", "list-item", "table", "unnumbered", "title"} <= kinds
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        assert "word/numbering.xml" in z.namelist()
