"""The Python profile check reports exactly what the Schematron profile reports.

``schemas/resolution-profile.sch`` stays the specification; at run time
``drafting.akn.profile`` checks it in one pass.  These tests hold the two to the same
list of (line, eId, message), in the same order, for every phase: on the examples, on
generated documents of each house style, and on documents broken at random.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable

import pytest
from conftest import EXAMPLES, benchmark_generator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting import io
from drafting.akn import profile, schema
from drafting.akn.ns import XPATH_NS, q
from drafting.model import EP, NATO_PA, UN_GA, Document, HouseStyle, Metadata

PHASES = ("nato-pa", "un-ga", "ep", "pace", "plain", "#ALL", "no-such-style")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.akn.xml"))
Row = tuple[int | None, str | None, str]


def _rows(found: list[schema.Problem]) -> list[Row]:
    assert all(p.source == "profile" for p in found)
    return [(p.line, p.eid, p.message) for p in found]


def assert_agree(tree: etree._ElementTree, phases: tuple[str, ...] = PHASES) -> None:
    for phase in phases:
        checker = _rows(schema.profile_problems(tree, phase))
        oracle = _rows(schema.schematron_problems(tree, phase))
        assert checker == oracle, phase


def _doc(style: HouseStyle, citations: int, recitals: int, shape: list[list[int]]) -> Document:
    """A renumbered resolution: ``shape`` lists, per paragraph, each point's sub-points."""
    md = Metadata("1", style.body, dt.date(2025, 1, 1), style.country, style.actor)
    doc = Document.new(md, style, "T")
    for _ in range(citations):
        doc.add("citation", "having regard to the Charter,")
    phrase = "*Recalling*" if style.phrase_emphasis == "i" else "**Recalling**"
    for _ in range(recitals):
        doc.add("recital", f"{phrase} its resolutions;")
    lead = "*Requests*" if style.phrase_emphasis == "i" else "**REQUESTS**"
    for points in shape:
        para = doc.add("paragraph", f"{lead} action{':' if points else ';'}")
        for subs in points:
            point = para.add_point("to act:" if subs else "to act;")
            for _ in range(subs):
                point.add_point("now;")
    doc.renumber()
    return doc


# -- the specification and the checker share their tables ------------------------------


def test_the_checkers_label_tables_are_the_schemas() -> None:
    sch = etree.parse(str(schema.profile_path()))
    lets = {
        el.get("name"): el.get("value")
        for el in sch.getroot().iterchildren("{http://purl.oclc.org/dsdl/schematron}let")
    }
    for name, table in profile.TABLES.items():
        assert lets[name] == f"'{table}'"
    assert lets["strip"] == f"'{profile.STRIP}'"


def test_the_checkers_phases_are_the_schemas() -> None:
    sch = etree.parse(str(schema.profile_path()))
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    for phase in sch.getroot().iterfind("sch:phase", ns):
        active = tuple(a.get("pattern") for a in phase.iterfind("sch:active", ns))
        assert profile.PHASES[phase.get("id") or ""] == active
    patterns = tuple(p.get("id") for p in sch.getroot().iterfind("sch:pattern", ns))
    assert patterns == profile.PATTERNS


def test_validation_does_not_run_the_schematron(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(phase: str) -> None:
        raise AssertionError("the Schematron ran at run time")

    monkeypatch.setattr(schema, "profile_schema", refuse)
    doc = io.load(EXAMPLES / "resolution-495.akn.xml")
    doc.find("5").element.child("num").text = "6."  # type: ignore[union-attr]
    assert any("expected '5.'" in p.message for p in schema.problems(doc.tree))


# -- agreement on whole documents -------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_the_checker_agrees_with_the_schematron_on_every_example_in_every_phase(path) -> None:  # type: ignore[no-untyped-def]
    # Checking an example against the other house styles breaks many rules at once.
    assert_agree(io.load(path, validate=False).tree)


@pytest.mark.parametrize(
    ("style", "citations", "recitals", "shape"),
    [
        (NATO_PA, 0, 6, [[0, 2, 0], [], [3]]),
        (NATO_PA, 0, 0, [[1], [0]]),
        (UN_GA, 0, 3, [[0, 4], [2, 0, 0]]),
        (EP, 2, 30, [[0, 0], [], [2]]),
        # Beyond the 100-label tables the schema falls silent; so must the checker.
        (EP, 1, 105, [[0] * 103]),
        (UN_GA, 0, 1, [[104, 0]]),
    ],
    ids=["nato", "nato-no-preamble", "un", "ep", "ep-long", "un-long"],
)
def test_the_checker_agrees_with_the_schematron_on_generated_resolutions(
    style: HouseStyle, citations: int, recitals: int, shape: list[list[int]]
) -> None:
    doc = _doc(style, citations, recitals, shape)
    assert schema.profile_problems(doc.tree, style.name) == []
    assert_agree(doc.tree)


def test_the_checker_agrees_on_a_large_generated_resolution() -> None:
    tree = benchmark_generator().make_resolution(150).tree
    assert schema.profile_problems(tree, "nato-pa") == []
    assert_agree(tree, ("nato-pa", "ep"))


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Shapes the house styles never produce, but a hand-edited file may hold.
ODD_SHAPES = {
    "prefixed names": (
        f'<akn:akomaNtoso xmlns:akn="{AKN_NS}"><akn:statement name="resolution"><akn:mainBody>'
        "<akn:paragraph><akn:num>1.</akn:num><akn:content><akn:p>x</akn:p></akn:content>"
        "</akn:paragraph></akn:mainBody></akn:statement></akn:akomaNtoso>"
    ),
    "points outside lists and deep": (
        f'<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution"><mainBody>'
        '<paragraph eId="para_1"><num>1.</num><point eId="p"><num>a.</num><p>x</p>'
        '<list eId="p__list_1"><point eId="p__list_1__point_i"><num>i.</num><p>y</p>'
        "<list><point><num>(1)</num><p>z</p></point><point><p>w</p></point></list>"
        "</point></list></point><point><num>c.</num><content><p/></content></point>"
        "</paragraph><paragraph><num>2.</num><list><intro><p> </p></intro></list></paragraph>"
        "</mainBody></statement></akomaNtoso>"
    ),
    "recitals out of place": (
        f'<akomaNtoso xmlns="{AKN_NS}"><statement name="x"><preamble>'
        '<recital><num>1.</num><p><b><inline name="preambularPhrase">R</inline></b></p></recital>'
        '<recitals><recital eId="preamble__recs_1__rec_1"><p>t</p><list><point/></list></recital>'
        "<recital><num> 3 </num><p><i>R</i> x</p></recital></recitals>"
        "<citations><citation><num>A.</num><p>c</p></citation><citation eId='c__citation_x'>"
        "<p>d</p></citation><citation/></citations></preamble><mainBody>"
        "<hcontainer><paragraph><num>4.</num><content><p>q</p></content></paragraph></hcontainer>"
        "<paragraph><num>x.</num><content><p>q</p></content></paragraph></mainBody>"
        "</statement></akomaNtoso>"
    ),
    "no statement": f'<akomaNtoso xmlns="{AKN_NS}"><judgment/></akomaNtoso>',
}


@pytest.mark.parametrize("xml", ODD_SHAPES.values(), ids=ODD_SHAPES)
def test_the_checker_agrees_with_the_schematron_on_odd_shapes(xml: str) -> None:
    assert_agree(etree.ElementTree(etree.fromstring(xml)))


# -- agreement on broken documents --------------------------------------------------------

#: Labels a hand-edited file may carry: right, wrong, padded, empty, not numbers at all,
#: too large for the fast paths, and ones that trip the schema's table search.
LABELS = st.one_of(
    st.sampled_from(
        [
            "1.",
            "2.",
            "5.",
            "13.",
            "14.",
            "a.",
            "b.",
            "(a)",
            "(c)",
            "i.",
            "(ii)",
            "(iv)",
            "A.",
            "B.",
            "AA.",
            "Z.",
            "",
            " ",
            "3",
            " 6. ",
            "\t7.\n",
            "0.",
            "007.",
            "(b",
            "[c]",
            "NaN.",
            "1e5.",
            "1.5.",
            "-1.",
            "99999999999.",
            "123456789.",
            "1234567890.",
            "a|b",
            ":a|",
            "b|3:c",
            "vvvv.",
            "c.",
            "CV.",
            "2\u00a0.",
            "IV.",
            "\u00b2.",
            "15.1",
            "1.1",
            "1.2",
            "2.10",
            "1.1.",
        ]
    ),
    st.text(alphabet="1234abciv.() |:", max_size=6),
)
EIDS = st.one_of(
    st.sampled_from(
        [
            "",
            "x",
            "para_1",
            "preamble__recs_1__rec_99999999999",
            "preamble__recs_1__rec_.5",
            "preamble__recs_1__rec_abc",
            "preamble__citations_1__citation_2",
            "preamble__recs_1__rec_1e3",
            "preamble__recs_1__rec_ 4",
        ]
    ),
    st.text(alphabet="_recitaon1234.", max_size=12),
)

PROVISIONS = (q("citation"), q("recital"), q("paragraph"), q("point"))


def _pick(tree: etree._ElementTree, tags: tuple[str, ...], n: int) -> etree._Element | None:
    found = list(tree.iter(*tags))
    return found[n % len(found)] if found else None


def _set_num(tree: etree._ElementTree, n: int, label: str, _: str) -> None:
    el = _pick(tree, PROVISIONS, n)
    if el is None:
        return
    num = el.find(q("num"))
    if num is None:
        num = etree.Element(q("num"))
        el.insert(0, num)
    num.text = label


def _drop_num(tree: etree._ElementTree, n: int, _: str, __: str) -> None:
    el = _pick(tree, PROVISIONS, n)
    num = None if el is None else el.find(q("num"))
    if el is not None and num is not None:
        el.remove(num)


def _set_eid(tree: etree._ElementTree, n: int, _: str, eid: str) -> None:
    el = _pick(tree, (*PROVISIONS, q("list"), q("recitals"), q("citations")), n)
    if el is None:
        return
    if eid == "":
        el.attrib.pop("eId", None)
    else:
        el.set("eId", eid)


def _delete(tree: etree._ElementTree, n: int, _: str, __: str) -> None:
    el = _pick(tree, PROVISIONS, n)
    if el is not None and el.getparent() is not None:
        el.getparent().remove(el)  # type: ignore[union-attr]


def _duplicate(tree: etree._ElementTree, n: int, _: str, __: str) -> None:
    el = _pick(tree, PROVISIONS, n)
    if el is not None:
        el.addnext(copy.deepcopy(el))


def _blank(tree: etree._ElementTree, n: int, text: str, _: str) -> None:
    p = _pick(tree, (q("p"),), n)
    if p is not None:
        for child in list(p):
            p.remove(child)
        p.text = text.strip("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _comment_first(tree: etree._ElementTree, n: int, text: str, _: str) -> None:
    p = _pick(tree, (q("p"),), n)
    if p is not None:
        kind = n % 3
        node = (
            etree.Comment(text or "note")
            if kind == 0
            else etree.ProcessingInstruction("pi", text)
            if kind == 1
            else etree.Comment(" ")
        )
        node.tail, p.text = p.text, None
        p.insert(0, node)


def _lead_phrase(tree: etree._ElementTree, n: int, text: str, _: str) -> None:
    inline = _pick(tree, (q("inline"),), n)
    if inline is None:
        return
    if n % 3 == 0:
        inline.set("name", text or "other")
    elif n % 3 == 1 and inline.getparent() is not None:
        inline.getparent().tag = q("u") if n % 2 else q("i")  # type: ignore[union-attr]
    else:
        inline.getparent().text = text  # type: ignore[union-attr]


def _nest(tree: etree._ElementTree, n: int, _: str, __: str) -> None:
    point = _pick(tree, (q("point"),), n)
    host = _pick(tree, (q("point"), q("paragraph")), n // 7 + 1)
    if point is None or host is None or point is host or point in host.iterancestors():
        return
    lists = host.findall(q("list"))
    target = lists[0] if lists else etree.SubElement(host, q("list"))
    target.append(point)


def _empty_list(tree: etree._ElementTree, n: int, _: str, __: str) -> None:
    lst = _pick(tree, (q("list"),), n)
    if lst is not None:
        for point in lst.findall(q("point")):
            lst.remove(point)


def _statement(tree: etree._ElementTree, n: int, text: str, _: str) -> None:
    statement = _pick(tree, (q("statement"),), 0)
    if statement is None:
        return
    if n % 2:
        statement.set("name", text)
    else:
        for para in tree.xpath("//a:mainBody/a:paragraph", namespaces=XPATH_NS):
            para.getparent().remove(para)


MUTATIONS: dict[str, Callable[[etree._ElementTree, int, str, str], None]] = {
    "renumber a label wrongly": _set_num,
    "drop a num": _drop_num,
    "write a wrong eId or none": _set_eid,
    "delete a provision without renumbering": _delete,
    "insert a provision without renumbering": _duplicate,
    "blank a block": _blank,
    "open a block with a comment or PI": _comment_first,
    "break a lead phrase": _lead_phrase,
    "nest a point deeper or shallower": _nest,
    "empty a list": _empty_list,
    "break the statement": _statement,
}


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    path=st.sampled_from(EXAMPLE_FILES),
    steps=st.lists(
        st.tuples(st.sampled_from(sorted(MUTATIONS)), st.integers(0, 10_000), LABELS, EIDS),
        min_size=1,
        max_size=5,
    ),
)
def test_the_checker_agrees_with_the_schematron_on_broken_documents(
    path: object, steps: list[tuple[str, int, str, str]]
) -> None:
    tree = io.load(path, validate=False).tree  # type: ignore[arg-type]
    for name, n, label, eid in steps:
        MUTATIONS[name](tree, n, label, eid)
    assert_agree(tree, ("nato-pa", "un-ga", "ep", "#ALL"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    style=st.sampled_from([NATO_PA, UN_GA, EP]),
    shape=st.lists(st.lists(st.integers(0, 3), max_size=4), min_size=1, max_size=4),
    recitals=st.integers(0, 4),
    label=LABELS,
    n=st.integers(0, 10_000),
)
def test_a_mislabelled_provision_in_a_generated_resolution_is_reported_alike(
    style: HouseStyle, shape: list[list[int]], recitals: int, label: str, n: int
) -> None:
    doc = _doc(style, 2 if style is EP else 0, recitals, shape)
    _set_num(doc.tree, n, label, "")
    assert_agree(doc.tree, (style.name,))
