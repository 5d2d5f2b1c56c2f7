"""The README is tested: its commands and outputs are what the tool really does."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from drafting.cli import cli
from drafting.model import Document

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_the_readme_opens_with_the_demo_command_then_the_test_command() -> None:
    first, second = _blocks("sh")[:2]
    assert "pip install . && drafting demo out/" in first
    assert "pip install '.[test]' && pytest" in second
    assert README.index(first) < README.index("## ")


def _sessions() -> list[tuple[str, list[str]]]:
    out = []
    for block in _blocks("console"):
        cmd: str | None = None
        expected: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if cmd:
                    out.append((cmd, expected))
                cmd, expected = line[2:], []
            else:
                expected.append(line)
        if cmd:
            out.append((cmd, expected))
    return out


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "draft.txt").write_bytes((EXAMPLES / "resolution-495.txt").read_bytes())
    (tmp_path / "draft.docx").write_bytes((EXAMPLES / "resolution-495.docx").read_bytes())
    (tmp_path / "amendments.txt").write_bytes((EXAMPLES / "amendments-495.txt").read_bytes())
    (tmp_path / "bad.txt").write_text(
        "Amendment 20\nTabled by: Delegation of Iceland\nParagraph 13(b)\n"
        'Leave out "misaligned datas"\n',
        encoding="utf-8",
    )
    (tmp_path / "faulty.txt").write_text(
        "CYBER DEFENCE\n\nRESOLUTION 500\n\nThe Assembly,\n\n"
        "1. **Recognising** the threats to allied networks;\n"
        "2. **URGES** member governments to share threat data;\n"
        "4. **CALLS UPON** member parliaments to fund cyber defence;\n"
        "5. member governments should train more specialists.\n",
        encoding="utf-8",
    )
    broken = (EXAMPLES / "resolution-495.akn.xml").read_text(encoding="utf-8")
    (tmp_path / "broken.akn.xml").write_text(
        broken.replace("<num>5.</num>", "<num>6.</num>"), encoding="utf-8"
    )
    return tmp_path


def test_every_console_example_in_the_readme_prints_what_the_readme_says(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workdir)
    sessions = _sessions()
    assert sessions
    for cmd, expected in sessions:
        args = shlex.split(cmd)
        assert args[0] == "drafting"
        result = CliRunner().invoke(cli, args[1:])
        got = (result.stdout + result.stderr).splitlines()
        pos = 0
        for want in expected:
            if not want.strip() or want.strip() == "...":  # "..." stands for lines left out
                continue
            prefix = want.endswith(" ...")
            stem = want[:-4] if prefix else want
            while pos < len(got) and not (
                got[pos].startswith(stem) if prefix else got[pos] == want
            ):
                pos += 1
            assert pos < len(got), f"README: `{cmd}` should print {want!r}; it printed:\n" + (
                "\n".join(got)
            )
            pos += 1


def test_the_library_examples_in_the_readme_run(workdir: Path) -> None:
    blocks = _blocks("python")
    assert len(blocks) == 2
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        CliRunner().invoke(cli, ["import", "draft.docx", "-o", "draft.akn.xml"])
        exec(compile(blocks[0], "README.md", "exec"), {})
        assert (workdir / "amended.akn.xml").exists()
        names: dict[str, object] = {}
        exec(compile(blocks[1], "README.md", "exec"), names)
        draft, amended = names["draft"], names["amended"]
        assert names["items"]
        assert isinstance(draft, Document) and isinstance(amended, Document)
        assert amended.to_bytes() != draft.to_bytes()  # the adopted amendments were applied
    finally:
        os.chdir(cwd)
