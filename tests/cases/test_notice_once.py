"""Written notice of an outcome goes to the member, once (BR-11): a second is refused, as
is a notice to anyone else, through the API, the pages and the letters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import record_notice
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.lib.refusals import Refused
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _notices(case: Case) -> list[CaseEvent]:
    return list(CaseEvent.objects.filter(case=case, kind="notice_sent"))


def _api(client: Client, case: Case, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/v1/cases/home/{case.pk}/steps/notice", body, content_type="application/json"
    )


def _page(client: Client, case: Case, data: dict[str, str]) -> Any:
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "notice"})
    return client.post(url, data)


def test_a_second_notice_through_the_api_is_refused_naming_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.decided_case()
    first = _api(officer_client, case, {"sent_on": "2026-11-11", "channel": "post"})
    assert first.status_code == 200, first.content
    [notice] = _notices(case)
    assert notice.to == "Sam Subject"  # left out: the member
    again = _api(
        officer_client, case, {"sent_on": "2026-11-12", "to": "Sam Subject", "channel": "email"}
    )
    assert again.status_code == 422
    assert again.json()["rule"] == "BR-11"
    assert "already sent on 11 November 2026" in again.json()["detail"]
    assert _notices(case) == [notice]


def test_a_notice_through_the_api_to_anyone_but_the_member_is_refused_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.decided_case()
    refused = _api(
        officer_client, case, {"sent_on": "2026-11-11", "to": "Rita Reporter", "channel": "post"}
    )
    assert refused.status_code == 422
    assert (refused.json()["rule"], refused.json()["field"]) == ("BR-11", "to")
    assert not _notices(case)
    spaced = _api(
        officer_client, case, {"sent_on": "2026-11-11", "to": " sam  subject ", "channel": "post"}
    )
    assert spaced.status_code == 200, spaced.content
    assert [n.to for n in _notices(case)] == ["Sam Subject"]


def test_a_second_notice_on_the_page_is_refused_naming_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.decided_case()
    sent = {"channel": "post", **date_input("sent_on", dt.date(2026, 11, 11))}
    assert _page(officer_client, case, sent).status_code == 302
    assert [n.to for n in _notices(case)] == ["Sam Subject"]
    again = _page(officer_client, case, {**sent, "to": "Sam Subject"})
    assert again.status_code == 200
    page = again.content.decode()
    assert "(BR-11)" in page and "issue a correction letter" in page
    assert len(_notices(case)) == 1


def test_a_notice_on_the_page_to_anyone_but_the_member_is_refused_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.decided_case()
    refused = _page(
        officer_client,
        case,
        {"to": "Rita Reporter", "channel": "post", **date_input("sent_on", TODAY)},
    )
    assert refused.status_code == 200
    assert "goes to the member: enter Sam Subject" in refused.content.decode()
    assert not _notices(case)


def test_a_second_outcome_letter_is_refused_and_a_correction_is_not_br_11(
    factory: Factory,
) -> None:
    first = factory.letter()
    with pytest.raises(Refused) as refused:
        factory.letter()
    assert refused.value.rule == "BR-11"
    factory.letter(corrects=first, reasons="The breach was at the November meeting.")
    assert len(_notices(first.case)) == 1


def test_a_notice_recorded_by_hand_refuses_a_later_outcome_letter_br_11(
    factory: Factory,
) -> None:
    case = factory.decided_case()
    record_notice(case=case, sent_on=dt.date(2026, 11, 11), channel="post", actor=None, today=TODAY)
    with pytest.raises(Refused) as refused:
        factory.letter()
    assert refused.value.rule == "BR-11"
    assert len(_notices(case)) == 1
