"""`panelkeeper rules`: its help says what each command does (issue 17, pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest

from panelkeeper.rules.cli import main
from panelkeeper.rules.explain.rulebook import render_text, rulebook
from panelkeeper.rules.policy.presets import load_preset, preset_text


def _help(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_the_help_names_each_command_and_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys=capsys)
    assert text.startswith("usage: panelkeeper rules ")
    assert " Explain or check a code of conduct without starting the web application. " in text
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


def test_explain_reads_a_file_and_lists_its_problems_if_it_has_any(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "mine.toml"
    good.write_text(preset_text("vela"), encoding="utf-8")
    assert main(["explain", str(good)]) == 0
    assert capsys.readouterr().out == render_text(rulebook(load_preset("vela")))
    bad = tmp_path / "bad.toml"
    bad.write_text(preset_text("vela").replace('version = "preset-1"', "version = 1"))
    assert main(["explain", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f'{bad}: code.version: Write text in quotes, such as "2026-1", not a whole number.\n'
    )
    assert main(["explain", str(tmp_path / "absent.toml")]) == 2
    assert "is neither a preset nor a file" in capsys.readouterr().err


def test_a_file_that_is_not_utf_8_is_refused_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "caf\u00e9"\n'.encode("latin-1"))
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == (f"{path}: the file is not UTF-8 text; save it as UTF-8\n")


def test_check_counts_one_problem_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one.toml"
    path.write_text(preset_text("vela").replace('version = "preset-1"', "version = 1"))
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 problem found."


def test_a_name_that_is_neither_a_preset_nor_a_file_is_answered_with_the_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "velaa"]) == 2
    assert capsys.readouterr().err == (
        '"velaa" is neither a preset nor a file: name one of vela, insight, nexus, '
        "herefordshire, thirteen, or the path of a TOML file.\n"
    )


def test_explain_refuses_an_unreadable_file_as_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "caf\u00e9"\n'.encode("latin-1"))
    assert main(["explain", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: the file is not UTF-8 text; save it as UTF-8\n"


def test_with_no_arguments_given_it_reads_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["panelkeeper rules", "explain", "thirteen"])
    assert main() == 0
    assert capsys.readouterr().out == render_text(rulebook(load_preset("thirteen")))
