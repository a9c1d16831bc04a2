"""The set-up scripts behind make: Python discovery and the empty-run guard."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fake_command(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def find_python(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "scripts" / "find-python")],
        env={"PATH": f"{path}:/usr/bin:/bin", "HOME": str(path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_find_python_prefers_python313_when_it_runs(tmp_path: Path) -> None:
    fake_command(tmp_path, "python3.13", f'exec {sys.executable} "$@"')
    result = find_python(tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == str(tmp_path / "python3.13")


def test_find_python_skips_a_name_that_does_not_run_and_tries_pyenv_newest_first(
    tmp_path: Path,
) -> None:
    fake_command(tmp_path, "python3.13", "exit 127")  # a pyenv shim without that version
    root = tmp_path / "pyenv-root"
    for version, target in (("3.11.7", "/bin/false"), ("3.12.1", sys.executable)):
        bin_dir = root / "versions" / version / "bin"
        bin_dir.mkdir(parents=True)
        (bin_dir / "python3").symlink_to(target)
    fake_command(tmp_path, "pyenv", f'[ "$1" = root ] && echo {root}')
    result = find_python(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(root / "versions" / "3.12.1" / "bin" / "python3")


def test_find_python_names_what_to_install_when_nothing_fits(tmp_path: Path) -> None:
    fake_command(tmp_path, "python3.13", "exit 1")
    fake_command(tmp_path, "python3.12", "exit 1")
    result = find_python(tmp_path)
    assert result.returncode == 1
    assert "needs Python 3.12 or newer" in result.stderr
    assert "apt-get install python3.13 python3.13-venv" in result.stderr
    assert "pyenv install 3.13" in result.stderr


def test_a_pytest_run_that_collects_no_tests_fails_the_build(tmp_path: Path) -> None:
    empty = tmp_path / "no_tests_here"
    empty.mkdir()
    result = subprocess.run(
        [str(ROOT / "scripts" / "test-databases")],
        env=os.environ | {"PYTEST_ADDOPTS_EXTRA": f"{empty} -p no:cacheprovider", "CI": "false"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "collected no tests" in result.stderr
