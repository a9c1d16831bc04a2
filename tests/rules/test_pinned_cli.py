"""`panelkeeper rules`: its help says what each command does (issue 17, pinned)."""

from __future__ import annotations

import pytest

from panelkeeper.rules.cli import main


def _help(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_the_help_names_each_command_and_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys=capsys)
    assert text.startswith("usage: panelkeeper rules ")
    assert "Explain or check a code of conduct without starting the web application." in text
    assert "explain print the rulebook of a preset or a file" in text
    assert "check check a code-of-conduct file and list problems" in text


def test_each_command_says_what_it_takes(capsys: pytest.CaptureFixture[str]) -> None:
    explain = _help("explain", capsys=capsys)
    assert "code a preset (vela, insight, nexus, herefordshire, thirteen) or a TOML file" in explain
    assert "file a TOML file" in _help("check", capsys=capsys)


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([])
    assert done.value.code == 2
    assert "the following arguments are required: command" in capsys.readouterr().err
