"""An unreadable line is refused naming the words not read and the nearest form."""

from __future__ import annotations

import pytest

from drafting.amendments import parse_amendments
from drafting.amendments.closest import FORMS, nearest_form
from drafting.amendments.errors import AmendmentSyntaxError


@pytest.mark.parametrize(
    ("line", "form", "unread"),
    [
        ('Strike out "a" and put "b"', 'Leave out "X" and insert "Y"', ("strike", "put")),
        ("Suppress the paragraph", "Delete the paragraph", ("suppress",)),
        ('Erase the words "grave"', 'Delete the words "X"', ("erase",)),
    ],
)
def test_the_nearest_form_and_the_words_not_read(
    line: str, form: str, unread: tuple[str, ...]
) -> None:
    near = nearest_form(line)
    assert (near.form, near.unread) == (form, unread)


def test_quoted_words_are_never_the_words_not_read() -> None:
    assert nearest_form('Strike out "strike out" and put "put"').unread == ("strike", "put")


def test_every_form_offered_is_one_the_reader_reads() -> None:
    for form in FORMS:
        body = form.replace('"X"', '"national"').replace('"Y"', '"regional"')
        (a,) = parse_amendments(f"Amendment 1\nParagraph 1\n{body}\n")
        assert a.operations, form


def test_the_refusal_names_them() -> None:
    with pytest.raises(AmendmentSyntaxError) as err:
        parse_amendments('Amendment 1\nParagraph 1\nStrike out "national" and put "local"\n')
    assert 'not read: "strike", "put"; the nearest form it reads: Leave out "X" and insert' in str(
        err.value
    )
