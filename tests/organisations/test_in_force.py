"""The code in force and its working calendar come from one service (Interpretation 1).

The case page, the case list, the role holders' digest and the attendance check count
the same working days: the organisation's region and closure days, which its settings
page changes for all of them at once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.models import Case
from panelkeeper.letters.reminders import case_items
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.organisations.in_force import calendar_for, policy_of_version
from panelkeeper.organisations.models import Organisation
from tests.factory import Factory

D = dt.date
PACKAGE = Path(__file__).resolve().parents[2] / "panelkeeper"
# Parsing a code's text or building a working calendar, anywhere but the rules package
# and the one service.
FORBIDDEN = re.compile(r"\b(load_policy|check_policy|WorkingCalendar)\s*\(|\.working_calendar\(")
ALLOWED = {PACKAGE / "organisations" / "in_force.py"}


def test_only_the_service_parses_a_code_or_builds_a_working_calendar() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if PACKAGE / "rules" not in path.parents and path not in ALLOWED
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert offenders == []


def test_a_published_version_is_parsed_once_per_process(factory: Factory) -> None:
    version = factory.published_version()
    assert policy_of_version(version) is policy_of_version(version)


def scottish_case_over_new_year(factory: Factory) -> Case:
    """Insight at a Scottish organisation closed on Tuesday 7 January 2025; the member is
    told of a breach on Friday 20 December 2024, so the case is to conclude within ten
    working days (BR-5)."""
    home = factory.home
    home.region = Organisation.Region.SCOTLAND
    home.save(update_fields=["region"])
    factory.closure_day(date=D(2025, 1, 7), reason="Office move")
    factory.published_version(preset="insight", in_force_from=D(2024, 1, 1))
    member = factory.panel_member(started_on=D(2024, 1, 1))
    case = factory.breach_case(
        member, preset="insight", effective=D(2024, 12, 18), today=D(2024, 12, 18)
    )
    inform_member(case=case, actor=None, effective=D(2024, 12, 20), today=D(2024, 12, 20))
    case.refresh_from_db()
    return case


def what_each_page_says(factory: Factory, client: Client, case: Case) -> dict[str, object]:
    """The conclusion's due date on the case page, in the case list and in the role
    holders' digest on Wednesday 8 January 2025 (two working days ahead); and whether
    apologies given on Thursday 2 January for a meeting on Monday 6 January were late
    (two working days' notice, MTG-1)."""
    page = client.get(
        reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}),
        {"as_of_day": 8, "as_of_month": 1, "as_of_year": 2025},
    ).content.decode()
    cells = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', page)
    on_page = [c for c in cells if c.endswith("2025") or c.endswith(" left")]
    listed = client.get("/api/v1/cases/home").json()["cases"][0]["next_due"]
    digest = [item.due for item in case_items(factory.home, today=D(2025, 1, 8))]
    meeting = factory.meeting(date=D(2025, 1, 6), today=D(2025, 1, 2))
    late = record_attendance(
        meeting=meeting,
        member=factory.panel_member(started_on=D(2024, 1, 1)),
        presence="apologies",
        apologies_given_on=D(2025, 1, 2),
        reason="Away",
        actor=factory.officer(),
        today=D(2025, 1, 2),
    ).late
    return {"page": on_page, "list": listed, "digest": digest, "late": late}


def test_every_page_counts_the_organisations_region_and_closure_days_and_follows_a_change(
    factory: Factory, officer_client: Client
) -> None:
    case = scottish_case_over_new_year(factory)
    # Scotland: 25, 26 December and 1, 2 January are bank holidays; 7 January is closed.
    assert calendar_for(factory.home).add_working_days(D(2024, 12, 20), 10) == D(2025, 1, 10)
    assert what_each_page_says(factory, officer_client, case) == {
        "page": ["10 January 2025", "2 working days left"],
        "list": "2025-01-10",
        "digest": [D(2025, 1, 10)],
        "late": True,  # due by Tuesday 31 December
    }
    change = reverse("organisations:change_settings", kwargs={"org": "home"})
    assert officer_client.post(change, {"region": "ENG"}).status_code == 302
    factory.home.refresh_from_db()  # as a new request would read it
    # England: 2 January is a working day, so everything is due a day earlier.
    assert what_each_page_says(factory, officer_client, case) == {
        "page": ["9 January 2025", "1 working day left"],
        "list": "2025-01-09",
        "digest": [D(2025, 1, 9)],
        "late": False,  # due by Thursday 2 January
    }
