"""The amended text is a new version of the resolution, dated by the vote.

Its FRBR expression (and manifestation) carry the day of the vote, and a lifecycle
event records that day; the work, and the ``original`` reference to the draft as
tabled, stay as they were.  The date survives saving and loading.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, assert_valid

from drafting import io as dio
from drafting.akn.ns import XPATH_NS
from drafting.amendments import apply_amendments, parse_amendments, read_amendment_files
from drafting.cli import cli
from drafting.model import Document

DRAFT = EXAMPLES / "resolution-495.akn.xml"
VOTE = dt.date(2024, 11, 26)


def _values(doc: Document, path: str) -> list[str]:
    found = doc.meta.xpath(path, namespaces=XPATH_NS)
    assert isinstance(found, list)
    return [str(v) for v in found]


def test_the_amended_text_is_an_expression_dated_by_the_vote() -> None:
    draft = dio.load(DRAFT)
    work, tabled = draft.metadata.work_uri, draft.metadata.expression_uri
    amended = apply_amendments(
        draft, read_amendment_files([EXAMPLES / "amendments-495.txt"]), date=VOTE
    )
    doc = amended.document
    assert_valid(doc)
    md = doc.metadata
    assert md.work_uri == work  # the same resolution
    assert md.expression_uri == f"{work}/eng@2024-11-26" != tabled
    ident = "a:identification/"
    assert _values(doc, ident + "a:FRBRExpression/a:FRBRuri/@value") == [md.expression_uri]
    assert _values(doc, ident + "a:FRBRExpression/a:FRBRdate/@date") == ["2024-11-26"]
    assert _values(doc, ident + "a:FRBRExpression/a:FRBRdate/@name") == ["amendment"]
    assert _values(doc, ident + "a:FRBRManifestation/a:FRBRuri/@value") == [
        f"{md.expression_uri}.akn"
    ]
    assert _values(doc, "a:references/a:original/@href") == [tabled]
    assert "2024-11-26" in _values(doc, "a:lifecycle/a:eventRef/@date")
    assert draft.metadata.expression_uri == tabled  # the draft is untouched


def test_a_vote_that_adopts_nothing_still_dates_the_text_with_its_own_event() -> None:
    draft = dio.load(DRAFT)
    rejected = parse_amendments('Amendment 1\nParagraph 1\nLeave out "AI"\nStatus: rejected\n')
    doc = apply_amendments(draft, rejected, date=VOTE).document
    assert_valid(doc)
    events = doc.meta.xpath("a:lifecycle/a:eventRef[@date='2024-11-26']", namespaces=XPATH_NS)
    assert isinstance(events, list) and len(events) == 1


def test_the_date_of_the_version_survives_saving_and_loading(tmp_path: Path) -> None:
    doc = apply_amendments(
        dio.load(DRAFT), read_amendment_files([EXAMPLES / "amendments-495.txt"]), date=VOTE
    ).document
    dio.save(doc, tmp_path / "a.akn.xml")
    again = dio.load(tmp_path / "a.akn.xml")
    assert again.metadata.expression_date == VOTE
    assert again.metadata.expression_uri.endswith("/eng@2024-11-26")
    again.set_metadata(again.metadata)  # rebuilt from the record: the version is kept
    assert again.metadata.expression_uri.endswith("/eng@2024-11-26")
    assert_valid(again)


def test_amend_takes_the_day_of_the_vote_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "amended.akn.xml"
    args = ["amend", str(DRAFT), str(EXAMPLES / "amendments-495.txt"), "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--date", "2024-11-26"])
    assert result.exit_code == 0, result.output
    assert dio.load(out).metadata.expression_uri.endswith("/eng@2024-11-26")
    bad = CliRunner().invoke(cli, [*args, "--date", "26/11/2024", "--force"])
    assert bad.exit_code != 0
    assert "is not a date" in bad.output and "Traceback" not in bad.output
    assert dio.load(out).metadata.expression_uri.endswith("/eng@2024-11-26")  # not replaced
