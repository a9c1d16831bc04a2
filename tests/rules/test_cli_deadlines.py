"""``panelkeeper rules deadlines``: the deadline planner on the command line, without Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from panelkeeper.rules.cli import main
from panelkeeper.rules.policy.presets import preset_text

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["deadlines", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_it_prints_every_step_in_plain_words_over_englands_holidays(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "vela", "--from", "2026-12-24")
    assert (status, err) == (0, "")
    assert "Counted over the bank holidays of England, with no closure days." in out
    assert "If written notice of the decision is posted on Thursday 24 December 2026:" in out
    assert "- Notice counts as received: Wednesday 30 December 2026" in out
    assert "- Last day to appeal: Thursday 14 January 2027 (10 working days after " in out
    assert "If the member is told of the investigation on Thursday 24 December 2026:" in out
    assert "2026-12" not in out


def test_one_step_in_another_region_with_closure_days(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "vela",
        "--from",
        "2026-12-24",
        "--step",
        "notice_posted",
        "--region",
        "sct",
        "--closed",
        "2026-12-29",
        "2026-12-30",
    )
    assert status == 0
    assert "bank holidays of Scotland, with closure days on Tuesday 29 December 2026" in out
    # 29 and 30 closed, 31 the first working day, 1 and 4 January Scottish holidays.
    assert "- Notice counts as received: Tuesday 5 January 2027" in out
    assert "told of the investigation" not in out


def test_a_file_is_read_as_well_as_a_preset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ours.toml"
    path.write_text(preset_text("herefordshire").replace('"10 days"', '"12 days"'))
    status, out, _ = run(capsys, str(path), "--from", "2026-12-24", "--step", "report_received")
    assert status == 0
    assert "- Deal with the breach: Tuesday 5 January 2027 (12 days after " in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuch", "--from", "2026-12-24"), "name one of vela, insight, nexus"),
        (("vela", "--from", "24/12/2026"), '--from: "24/12/2026" is not a date: write'),
        (("vela", "--from", "2026-02-30"), "is not a date"),
        (("vela", "--from", "1066-10-14"), "--from: Choose a day from 1 January 2000"),
        (("vela", "--from", "2026-12-24", "--closed", "soon"), '--closed: "soon" is not'),
        (("vela", "--from", "2026-12-24", "--region", "XX"), "write one of ENG (England)"),
        (
            ("thirteen", "--from", "2026-12-24", "--step", "member_informed"),
            "Steps: notice_emailed, notice_posted, notice_handed.",
        ),
    ],
)
def test_bad_input_says_what_to_write_and_exits_2(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    status, _, err = run(capsys, *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in err


#: Run in a fresh interpreter in which importing Django fails outright.
NO_DJANGO = """
import sys

class NoDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("Django is not available here")
        return None

sys.meta_path.insert(0, NoDjango())
from panelkeeper.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_it_runs_with_django_unimportable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_DJANGO, "rules", "deadlines", "nexus", "--from", "2027-03-24"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "If the appeal is received on Wednesday 24 March 2027:" in done.stdout


def test_the_unimportable_django_is_really_unimportable() -> None:
    """The guard above would let the first test pass for the wrong reason if it failed."""
    script = NO_DJANGO.replace("from panelkeeper.cli import main", "import django")
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    assert "Django is not available here" in done.stderr
