"""``panelkeeper rules deadlines``: the deadline planner on the command line, without Django."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from panelkeeper.rules.cli import main
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.golden import to_toml

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


def test_each_deadline_is_one_line_with_its_count_and_its_rules(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys, "nexus", "--from", "2026-12-24", "--step", "decision_made", "--closed", "2026-12-29"
    )
    assert status == 0
    assert out == (
        "WM Housing Group (Nexus), code version Version 1, September 2011\n"
        "Counted over the bank holidays of England, with closure days on "
        "Tuesday 29 December 2026.\n"
        "\n"
        "If the decision is made on Thursday 24 December 2026:\n"
        "- Confirm the outcome in writing, for Formal warning that more breaches may end "
        "membership, with training offered; Final warning; Excluded from the Panel for good: "
        "Sunday 27 December 2026 (3 days after Thursday 24 December 2026) [BR-10, BR-11]\n"
    )


def test_a_target_is_marked_as_one_and_closure_days_are_listed_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys,
        "insight",
        "--from",
        "2026-12-24",
        "--step",
        "member_informed",
        "--closed",
        "2027-01-05",
        "2026-12-29",
    )
    assert status == 0
    assert out.splitlines()[1:] == [
        "Counted over the bank holidays of England, with closure days on "
        "Tuesday 29 December 2026, Tuesday 5 January 2027.",
        "",
        "If the member is told of the investigation on Thursday 24 December 2026:",
        "- Deal with the breach (a target): Thursday 14 January 2027 "
        "(10 working days after Thursday 24 December 2026) [BR-5]",
    ]


def test_a_code_without_a_breach_ladder_says_it_sets_no_deadlines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tomllib.loads(preset_text("thirteen"))
    del data["breach"]
    staff = data["roles"]["staff"]
    for role in ("customer_experience_manager", "head_of_touchpoints", "director_of_experience"):
        del staff[role]  # named only where the breach ladder acts
    path = tmp_path / "no-breach.toml"
    path.write_text(to_toml(data))
    status, out, _ = run(capsys, str(path), "--from", "2026-12-24")
    assert status == 0
    assert out.splitlines()[1:] == [
        "Counted over the bank holidays of England, with no closure days.",
        "This code sets no deadlines for a breach.",
    ]


def test_its_help_names_each_option_and_what_it_takes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as done:
        main(["deadlines", "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.splitlines() == [
        "usage: panelkeeper rules deadlines [-h] --from DATE [--step STEP] [--region REGION]",
        "                                   [--closed [DATE ...]]",
        "                                   code",
        "",
        "positional arguments:",
        "  code                 a preset (vela, insight, nexus, herefordshire, thirteen) or a "
        "TOML file",
        "",
        "options:",
        "  -h, --help           show this help message and exit",
        "  --from DATE          a date as YYYY-MM-DD, such as 2026-12-24",
        "  --step STEP          one step only (all the code's steps when left out)",
        "  --region REGION      ENG|WLS|SCT|NIR (default ENG)",
        "  --closed [DATE ...]  the organisation's closure days",
    ]
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert (
        "deadlines           when each deadline would fall if a step of a breach happened on a date"
        in capsys.readouterr().out.splitlines()[-4]
    )


def test_the_date_to_count_from_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["deadlines", "vela"])
    assert done.value.code == 2
    assert "error: the following arguments are required: --from" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuch", "--from", "2026-12-24"), "name one of vela, insight, nexus"),
        (("vela", "--from", "24/12/2026"), '--from: "24/12/2026" is not a date: write'),
        (("vela", "--from", "2026-02-30"), "is not a date"),
        (("vela", "--from", "1066-10-14"), "--from: Choose a day from 1 January 2000"),
        (("vela", "--from", "2026-12-24", "--closed", "soon"), '--closed: "soon" is not'),
        (
            ("vela", "--from", "2026-12-24", "--region", "XX"),
            '--region: "XX" is not a region: write one of ENG (England), WLS (Wales), '
            "SCT (Scotland), NIR (Northern Ireland).",
        ),
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
