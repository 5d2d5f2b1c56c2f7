"""Shared fixtures: the bundled examples, the seed text, and a tiny AKN builder."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from drafting.akn import schema
from drafting.model import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
#: The text of Resolution 495.  The repository carries it as the bundled example so the
#: tests run on a machine that has only the repository; test_profile checks it against
#: the shared seed where that is present.
SEED = EXAMPLES / "resolution-495.txt"
SHARED_SEED = SHARED / "seed" / "000_b8704b8b5c32b8f3.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


@functools.cache
def benchmark_generator() -> ModuleType:
    """``benchmarks/generate.py``, which is a script folder, not an installed package."""
    spec = importlib.util.spec_from_file_location(
        "benchmark_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def r495() -> Document:
    """A fresh copy of the bundled Resolution 495."""
    from drafting import io

    return io.load(EXAMPLES / "resolution-495.akn.xml")


def assert_valid(doc: Document) -> None:
    """Fail with every problem listed when ``doc`` breaks the AKN schema or the profile."""
    found = schema.problems(doc.tree)
    assert not found, "\n".join(p.format("<doc>") for p in found)


def assert_sound(doc: Document) -> None:
    """Fail when ``doc`` breaks the AKN schema or what every stage relies on (unique
    eIds): what any import must give, house style or not."""
    found = schema.problems(doc.tree, house_style=False)
    assert not found, "\n".join(p.format("<doc>") for p in found)


#: A draft whose clauses cite its own paragraphs and other documents' (cross-references).
XREF_DRAFT = """T

RESOLUTION 1

The Assembly,

1. **Recalling** paragraphs 1 and 2 of resolution 480;
2. **Noting** the report;
3. **URGES** governments:
 - a. to act;
 - b. to act as in paragraph 3(c), and again;
 - c. to report under paragraph 3(b).
4. **DECIDES** to review paragraph 3(c); and paragraph 2 of the Charter.
"""
