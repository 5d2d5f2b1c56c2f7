"""Fuzzing the readers drafting owns: any input gives a document or a DraftingError.

Bounded (a few hundred examples each) so that it runs in CI; a crash found here becomes
a regression test below.
"""

from __future__ import annotations

import contextlib

from conftest import EXAMPLES, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import io
from drafting.errors import DraftingError
from drafting.text import read_text, write_text

SEED_TEXT = SEED.read_text(encoding="utf-8")
AKN_BYTES = (EXAMPLES / "resolution-495.akn.xml").read_bytes()

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutate(data: st.DataObject, text: str, alphabet: str) -> str:
    """Delete, duplicate or insert a few slices of ``text``."""
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        i = data.draw(st.integers(0, len(text) - 1))
        j = data.draw(st.integers(i, min(len(text), i + 200)))
        op = data.draw(st.sampled_from(["delete", "dup", "insert"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + data.draw(st.text(alphabet=alphabet, max_size=20)) + text[i:]
    return text


@FUZZ
@given(st.data())
def test_mutated_text_drafts_import_or_fail_cleanly(data: st.DataObject) -> None:
    text = _mutate(data, SEED_TEXT, "*-–()[]^ \n\tab1.#“”")
    try:
        result = read_text(text, source="fuzz.txt")
    except DraftingError:
        return
    # What imports must export and import again.
    read_text(write_text(result.document))


@FUZZ
@given(st.data())
def test_mutated_akn_loads_or_fails_cleanly(data: st.DataObject) -> None:
    text = _mutate(data, AKN_BYTES.decode("utf-8"), "<>/=\"' &;ab")
    with contextlib.suppress(DraftingError):
        io.loads(text.encode("utf-8"), source="fuzz.xml")


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_the_text_reader(text: str) -> None:
    with contextlib.suppress(DraftingError):
        read_text(text)
