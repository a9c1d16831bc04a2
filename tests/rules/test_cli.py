"""``panelkeeper rules explain|check`` runs from the pure rules package, without Django."""

import subprocess
import sys
from pathlib import Path

import pytest

from panelkeeper.rules.cli import main
from panelkeeper.rules.policy.presets import preset_text

ROOT = Path(__file__).resolve().parents[2]


def test_explain_prints_the_rulebook_of_a_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "thirteen"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Thirteen Group")
    assert "[GIFT-1]" in out


def test_explain_reads_a_file_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(preset_text("nexus").replace("WM Housing Group (Nexus)", "Our Homes"))
    assert main(["explain", str(path)]) == 0
    assert "Our Homes" in capsys.readouterr().out


def test_check_confirms_a_sound_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "herefordshire.toml"
    path.write_text(preset_text("herefordshire"))
    assert main(["check", str(path)]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_check_lists_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    text = preset_text("insight").replace('notice = "2 working days"', 'notice = "2 workdays"')
    path.write_text(text + '\n[calendar]\nregion = "ENG"\n')
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: attendance.apologies_notice: " in out
    assert f"{path}: calendar: Remove [calendar]." in out
    assert "2 problems found." in out


def test_a_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/no/such/file.toml"]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_neither_command_imports_django(tmp_path: Path) -> None:
    path = tmp_path / "vela.toml"
    path.write_text(preset_text("vela"))
    script = (
        "import sys\n"
        "from panelkeeper.rules.cli import main\n"
        f"codes = [main(['explain', 'vela']), main(['check', {str(path)!r}])]\n"
        "assert 'django' not in sys.modules, 'django was imported'\n"
        "sys.exit(max(codes))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "no problems found" in done.stdout


def test_it_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "panelkeeper.rules", "explain", "insight"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[MTG-1]" in done.stdout
