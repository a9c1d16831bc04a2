"""The panelkeeper console command: rules without Django, everything else through it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_rules_subcommands_run_without_importing_django() -> None:
    result = run_python(
        "import sys\n"
        "from panelkeeper.cli import main\n"
        "status = main(['rules', 'explain', 'vela'])\n"
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)\n"
        "sys.exit(status)\n",
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "nonexistent.settings"},
    )
    assert result.returncode == 0, result.stderr
    assert "vela" in result.stdout.lower() or "Vela" in result.stdout


def test_rules_exit_status_is_passed_on() -> None:
    result = run_python(
        "import sys\n"
        "from panelkeeper.cli import main\n"
        "sys.exit(main(['rules', 'check', '/no/such/file.toml']))\n"
    )
    assert result.returncode != 0


def test_other_subcommands_are_django_management_commands(tmp_path: Path) -> None:
    result = run_python(
        "import sys\nfrom panelkeeper.cli import main\nsys.exit(main(['help', 'daily']))\n",
        env={"PATH": "/usr/bin:/bin", "PANELKEEPER_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Enqueue each daily job once per day" in result.stdout


def test_worker_is_the_database_task_worker(tmp_path: Path) -> None:
    result = run_python(
        "import sys\nfrom panelkeeper.cli import main\nsys.exit(main(['worker', '--help']))\n",
        env={"PATH": "/usr/bin:/bin", "PANELKEEPER_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "--queue-name" in result.stdout
