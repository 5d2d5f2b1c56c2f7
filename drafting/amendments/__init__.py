"""Amendments: tabled in parliamentary wording, checked, put in voting order, applied."""

from drafting.amendments.apply import Amended, AmendmentOutcome, apply_amendments
from drafting.amendments.files import read_amendment_file, read_amendment_files, read_votes
from drafting.amendments.model import (
    Amendment,
    Lines,
    Location,
    NewProvision,
    Quote,
    Rest,
    Sentence,
    ToLineEnd,
)
from drafting.amendments.parser import parse_amendments
from drafting.amendments.report import (
    CheckReport,
    check,
    compilation_markdown,
    compile_amendments,
    report_json,
    report_markdown,
)
from drafting.amendments.votes import parse_votes
from drafting.amendments.voting import VotingItem, voting_list, voting_list_markdown
from drafting.amendments.writer import draft_amendment, write_amendment, write_amendments

__all__ = [
    "Amended",
    "Amendment",
    "AmendmentOutcome",
    "CheckReport",
    "Lines",
    "Location",
    "NewProvision",
    "Quote",
    "Rest",
    "Sentence",
    "ToLineEnd",
    "VotingItem",
    "apply_amendments",
    "check",
    "compilation_markdown",
    "compile_amendments",
    "draft_amendment",
    "parse_amendments",
    "parse_votes",
    "read_amendment_file",
    "read_amendment_files",
    "read_votes",
    "report_json",
    "report_markdown",
    "voting_list",
    "voting_list_markdown",
    "write_amendment",
    "write_amendments",
]
