"""Officers' pages: the list, a concern, replies and contacts, triage into a case, closing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.models import Case
from panelkeeper.concerns.models import Concern, Message
from tests.factory import Factory


def url(name: str, concern: Concern | None = None) -> str:
    kwargs: dict[str, Any] = {"org": "home"}
    if concern is not None:
        kwargs["pk"] = concern.pk
    return reverse(f"concerns:{name}", kwargs=kwargs)


def test_the_list_shows_new_concerns_first(factory: Factory, officer_client: Client) -> None:
    older = factory.concern(what_happened="First")
    newer = factory.concern(anonymous=True, what_happened="Second")
    response = officer_client.get(url("list"))
    assert response.status_code == 200
    concerns = list(response.context["page_obj"])
    assert concerns == [newer, older]
    assert "Anonymous" in response.text and "Rhona Reporter" in response.text


def _list_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("list")).status_code == 200
    return len(queries)


def test_the_list_runs_the_same_number_of_queries_for_3_and_30_concerns(
    factory: Factory, officer_client: Client
) -> None:
    def add(n: int) -> None:
        for i in range(n):
            concern = factory.concern(anonymous=i % 2 == 0)
            Message.objects.create(
                concern=concern,
                sender=Message.Sender.REPORTER,
                body="More detail.",
                sent_on=dt.date(2026, 11, 20),
                recorded_at=concern.received_at,
            )

    add(3)
    at_3 = _list_queries(officer_client)
    add(27)
    at_30 = _list_queries(officer_client)
    assert at_3 == at_30


def test_another_organisations_concern_answers_404(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.concern(factory.other)
    response = officer_client.get(
        reverse("concerns:detail", kwargs={"org": "home", "pk": theirs.pk})
    )
    assert response.status_code == 404


def test_an_officer_replies_to_an_anonymous_reporter(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    response = officer_client.post(url("reply", concern), {"body": "Which meeting was it?"})
    assert response.status_code == 302
    message = concern.messages.get()
    assert (message.sender, message.channel, message.officer) == ("officer", "service", officer)
    concern.refresh_from_db()
    assert concern.handled_by == officer
    assert AuditEntry.objects.filter(action="concern.message_sent").count() == 1


def test_an_empty_reply_is_refused_with_a_message(factory: Factory, officer_client: Client) -> None:
    concern = factory.concern(anonymous=True)
    response = officer_client.post(url("reply", concern), {"body": ""})
    assert response.status_code == 200
    assert "Enter your message" in response.text
    assert not concern.messages.exists()


def test_a_contact_with_a_named_reporter_is_recorded_with_its_channel_and_date(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern()
    page = officer_client.get(url("detail", concern))
    assert "rhona@example.org" in page.text and "Record a contact" in page.text
    response = officer_client.post(
        url("reply", concern),
        {
            "channel": "phone",
            "sent_on_day": "20",
            "sent_on_month": "11",
            "sent_on_year": "2026",
            "body": "Rang to ask which meeting; she said the November one.",
        },
    )
    assert response.status_code == 302
    message = concern.messages.get()
    assert (message.channel, message.sent_on) == ("phone", dt.date(2026, 11, 20))


def test_a_contact_needs_a_channel(factory: Factory, officer_client: Client) -> None:
    concern = factory.concern()
    response = officer_client.post(url("reply", concern), {"body": "Rang her."})
    assert "Select how you contacted them" in response.text
    assert not concern.messages.exists()


def _triage(client: Client, concern: Concern, member: Any, **overrides: str) -> Any:
    data = {
        "member": str(member.pk),
        "effective_day": "23",
        "effective_month": "11",
        "effective_year": "2026",
        "description": "Shouted at a tenant during the panel meeting.",
        "setting": "meeting",
        "clauses": ["code_of_conduct"],
    }
    data.update(overrides)
    return client.post(url("triage", concern), data)


def test_triage_opens_a_breach_case_with_no_reporter_for_an_anonymous_concern(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    member = factory.panel_member(full_name="Val Vice")
    form = officer_client.get(url("triage", concern))
    assert "Val Vice" in form.text
    assert _triage(officer_client, concern, member).status_code == 302
    concern.refresh_from_db()
    case = concern.case
    assert concern.status == Concern.Status.CASE_OPENED
    assert case is not None and case.member == member
    assert case.anonymous and case.reporter_name == ""
    assert case.raised_by == "customer"
    assert AuditEntry.objects.filter(action="concern.triaged").count() == 1


def test_triage_carries_a_named_reporter_and_their_choice_about_being_known(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(consents_to_identity=False)
    _triage(officer_client, concern, factory.panel_member())
    case = Case.objects.get()
    assert not case.anonymous
    assert case.reporter_name == "Rhona Reporter"
    assert case.reporter_consents_to_identity is False


def test_triage_without_clauses_is_refused_and_opens_no_case(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    response = _triage(officer_client, concern, factory.panel_member(), clauses=[])
    assert response.status_code == 200
    assert "Select at least one part of the code it concerns" in response.text
    assert not Case.objects.exists()
    concern.refresh_from_db()
    assert concern.status == Concern.Status.RECEIVED and concern.case is None


def test_another_organisations_member_cannot_be_chosen(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    stranger = factory.panel_member(factory.group(factory.other))
    response = _triage(officer_client, concern, stranger)
    assert "Select a valid choice" in response.text
    assert not Case.objects.exists()


def test_a_concern_is_triaged_once(factory: Factory, officer_client: Client) -> None:
    concern = factory.concern(anonymous=True)
    _triage(officer_client, concern, factory.panel_member())
    response = _triage(officer_client, concern, factory.panel_member())
    assert "already been dealt with" in response.text
    assert Case.objects.count() == 1


def test_closing_needs_a_reason_the_reporter_will_read(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    empty = officer_client.post(url("close", concern), {"reason": ""})
    assert "Enter why you are closing the concern" in empty.text
    concern.refresh_from_db()
    assert concern.status == Concern.Status.RECEIVED
    done = officer_client.post(url("close", concern), {"reason": "Passed to the repairs team."})
    assert done.status_code == 302
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED
    assert concern.closed_reason == "Passed to the repairs team."
    page = officer_client.get(url("detail", concern))
    assert "Open a breach case" not in page.text
