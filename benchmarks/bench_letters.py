"""Rendering letters: 1,000 outcome letters to PDF, tagged and untagged.

Each letter is a vela final written warning whose values come from the breach
procedure (the appeal date counted from deemed receipt), with a different member name
and decision date for each, rendered from the default wording through the letter frame
and the platform's ``render_pdf``: what issuing a letter costs, less the database.
Prints the median and 95th percentile per letter, as wall-clock time and as this
process's CPU time (which a busy machine inflates far less). The aim is a median under
100 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

LETTERS = 1_000


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    import logging

    import django

    django.setup()
    # WeasyPrint logs each step at INFO; a thousand letters would drown the figures.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)


def _values(n: int) -> dict[str, str]:
    from panelkeeper.letters.facts import CaseFacts, case_values, outcome_values
    from panelkeeper.rules.ladder import Channel
    from panelkeeper.rules.ladder.case import Event, EventKind, assess_policy
    from panelkeeper.rules.policy.presets import load_preset

    policy = load_preset("vela")
    decided = dt.date(2026, 1, 5) + dt.timedelta(days=n % 300)
    events = [
        Event(EventKind.RAISED, decided - dt.timedelta(days=14), level="minor"),
        Event(EventKind.MEMBER_INFORMED, decided - dt.timedelta(days=13)),
        Event(EventKind.GROUP_CONVENED, decided - dt.timedelta(days=7)),
        Event(EventKind.LEVEL_DETERMINED, decided, level="minor"),
        Event(EventKind.OUTCOME_RECORDED, decided, outcome="final_written_warning"),
        Event(EventKind.NOTICE_SENT, decided, channel=Channel.POST),
    ]
    view = assess_policy(policy, events, as_of=decided, case_id=f"C-{n:05d}")
    facts = CaseFacts(
        reference=f"C-{n:05d}",
        case_id=f"C-{n:05d}",
        began_on=decided - dt.timedelta(days=14),
        description="Spoke over other members and would not let the chair continue.",
        clauses="Code of conduct, clause 2.1",
        contact="the Customer Involvement Team",
    )
    assert policy.breach is not None
    values = case_values(facts) | outcome_values(view, policy.breach, facts)
    values |= {
        "member_name": f"Member {n:04d}",
        "organisation_name": "Bench Homes",
        "group_name": "Customer Scrutiny Panel",
        "letter_date": str(decided),
    }
    return values


def _run(label: str, tagged: bool) -> None:
    from panelkeeper.letters.kinds import LetterKind
    from panelkeeper.letters.rendering import render_letter
    from panelkeeper.letters.wording import default_wording

    wording = default_wording(LetterKind.WARNING)
    values = [_values(n) for n in range(LETTERS)]
    render_letter(wording, values[0], to_name="Warm up", tagged=tagged)
    wall: list[float] = []
    cpu: list[float] = []
    for n, filled in enumerate(values):
        began, began_cpu = time.perf_counter(), time.process_time()
        rendered = render_letter(
            wording,
            filled,
            to_name=filled["member_name"],
            to_address="1 High Street",
            tagged=tagged,
        )
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        assert rendered.pdf.startswith(b"%PDF-"), n
    for clock, times in (("wall", wall), ("cpu", cpu)):
        times.sort()
        median = statistics.median(times) * 1000
        p95 = times[int(len(times) * 0.95) - 1] * 1000
        print(
            f"  {label:<9}{clock:<5} median {median:7.1f} ms   95th percentile {p95:7.1f} ms"
            " per letter"
        )


def main() -> None:
    _setup()
    print(f"{LETTERS:,} outcome letters rendered to PDF:")
    _run("untagged", tagged=False)
    _run("tagged", tagged=True)


if __name__ == "__main__":
    main()
