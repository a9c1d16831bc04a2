"""An officer takes a vela breach to an outcome and an appeal through the pages, and the
appeal officer decides it (BR-1 to BR-12)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.models import Case, CaseState
from tests.cases.helpers import date_input
from tests.factory import Factory


def _post(client: Client, case: Case, action: str, data: dict[str, str]) -> None:
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": action})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_officer_takes_a_vela_breach_to_an_outcome_and_an_appeal_br_4_to_br_12(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    subject = factory.subject_record
    raise_url = reverse("cases:raise", kwargs={"org": "home"})
    assert officer_client.get(raise_url).status_code == 200
    response = officer_client.post(
        raise_url,
        {
            "member": subject.pk,
            "description": "Talked about a resident's repairs outside the panel.",
            **date_input("effective", dt.date(2026, 11, 2)),
            "setting": "meeting",
            "clauses": ["confidentiality_statement"],
            "raised_by": "customer",
            "reporter_name": "Rita Reporter",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get()
    detail = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(detail).content.decode()
    assert "Customer Involvement Team" in page and "Rita Reporter" in page

    _post(officer_client, case, "open-investigation", date_input("effective", dt.date(2026, 11, 3)))
    for role in ("customer_involvement_team", "service_improvement_team"):
        _post(
            officer_client,
            case,
            "seat",
            {
                "role_key": role,
                "user": factory.invited_to_case(case).pk,
                **date_input("effective", dt.date(2026, 11, 4)),
            },
        )
    _post(
        officer_client,
        case,
        "seat",
        {
            "role_key": "involved_customer",
            "member": factory.involved_customer().pk,
            **date_input("effective", dt.date(2026, 11, 4)),
        },
    )
    _post(officer_client, case, "convene", date_input("effective", dt.date(2026, 11, 5)))
    _post(
        officer_client,
        case,
        "determine",
        {"level": "minor", **date_input("effective", dt.date(2026, 11, 10))},
    )
    _post(
        officer_client,
        case,
        "outcome",
        {"outcome": "final_written_warning", **date_input("effective", dt.date(2026, 11, 10))},
    )
    _post(
        officer_client,
        case,
        "notice",
        {"to": "Sam Subject", "channel": "post", **date_input("sent_on", dt.date(2026, 11, 11))},
    )
    _post(officer_client, case, "appeal", date_input("received_on", dt.date(2026, 11, 17)))
    case.refresh_from_db()
    assert case.state == CaseState.APPEALED
    assert case.appeal_officer is not None

    page = officer_client.get(detail).content.decode()
    assert "Final written warning" in page
    assert "Group Director of Operations" in page

    director = Client()
    director.force_login(case.appeal_officer)
    decide = reverse("cases:decide_appeal", kwargs={"case": case.pk})
    assert director.get(decide).status_code == 200
    response = director.post(
        decide,
        {
            "result": "upheld",
            "reason": "The finding stands.",
            **date_input("effective", dt.date(2026, 11, 20)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED


def test_a_step_out_of_order_is_refused_on_the_page_naming_the_rule_br_10(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "outcome"})
    response = officer_client.post(url, {"outcome": "__other__", "other": "final_written_warning"})
    assert response.status_code == 200
    assert "(BR-10)" in response.content.decode()
    assert case.events.count() == 1


def test_the_case_reads_as_it_stood_on_a_past_date(
    factory: Factory, officer_client: Client
) -> None:
    factory.appeal_officer()
    case = factory.the_case
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(url, date_input("as_of", dt.date(2026, 11, 3))).content.decode()
    assert "As it stood on 3 November 2026" in page
    # Every step was entered on 23 November, so on the 3rd nothing was yet known.
    assert "Appeal lodged" not in page
    assert "Not yet raised" in page
    today = officer_client.get(url).content.decode()
    assert "Appeal lodged" in today and "Recorded late" in today


def test_the_page_says_who_must_be_told_in_writing_and_by_when_br_11(
    factory: Factory, officer_client: Client
) -> None:
    from panelkeeper.cases.changes.steps import (
        open_investigation,
        record_determination,
        record_outcome,
    )

    factory.code_in_force("nexus")
    case = factory.breach_case(factory.panel_member(), preset="nexus", raised_by="staff")
    today = dt.date(2026, 11, 23)
    open_investigation(case=case, actor=None, effective=dt.date(2026, 11, 5), today=today)
    record_determination(
        case=case, level="minor", actor=None, effective=dt.date(2026, 11, 5), today=today
    )
    record_outcome(
        case=case, outcome="reminder", actor=None, effective=dt.date(2026, 11, 5), today=today
    )
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(url).content.decode()
    # Three calendar days from the private meeting on 5 November.
    assert "By 8 November 2026 (BR-11)" in page
    # nexus writes to the member alone; insight's every party is in tests/letters.
    assert "(the member the case is about)" in page
    assert "Rita Reporter (who raised it)" not in page
    letter = reverse("letters:issue", kwargs={"org": "home", "case": case.pk})
    assert f'href="{letter}"' in page
