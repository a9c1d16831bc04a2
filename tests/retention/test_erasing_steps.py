"""Erasure reaches what the steps of cases say (a reason given, whom a notice went to),
for a member and for someone who is not one, while the events themselves, the record,
stay exactly as they were written and the audit trail still verifies."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.people import add_party
from panelkeeper.cases.changes.steps import close_case, record_notice, withdraw_case
from panelkeeper.cases.models import Case, CaseEvent, CaseEventText
from panelkeeper.retention.erasure import erase_member
from panelkeeper.retention.removal import anonymise_member
from panelkeeper.subject_access.erasure import erase_person
from tests.factory import Factory
from tests.retention.clock import clock_at
from tests.retention.records import end_membership

D = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 12, 10)):
        yield


def _event_rows(case: Case) -> list[tuple[object, ...]]:
    """The events of ``case`` as the database holds them, every column."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM cases_caseevent WHERE case_id = %s ORDER BY id", [case.pk])
        return cursor.fetchall()


def _verified() -> str:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _words(case: Case) -> list[tuple[str, str]]:
    """What the steps of ``case`` that say anything say: (reason, to)."""
    return [(e.reason, e.to) for e in CaseEvent.objects.filter(case=case).exclude(text=None)]


def test_a_witness_is_taken_out_of_a_steps_reason_and_the_event_is_untouched(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    case = factory.breach_case(factory.member_record)
    add_party(case=case, role="witness", actor=None, name="Walter Witness", effective=D, today=D)
    withdraw_case(
        case=case,
        reason="Walter  witness took back what he said; Mina Member agreed.",
        actor=officer,
        effective=D,
        today=D,
    )
    before = _event_rows(case)
    erase_person(organisation=factory.home, name="Walter Witness", actor=officer)
    assert _words(case) == [("[name erased] took back what he said; Mina Member agreed.", "")]
    assert _event_rows(case) == before
    text = CaseEventText.objects.get()
    entry = AuditEntry.objects.get(object_type="cases.CaseEventText", object_id=str(text.pk))
    assert (entry.action, entry.fields, entry.actor) == ("person.erased", ["reason", "to"], officer)
    assert "Every chain is intact" in _verified()
    with pytest.raises(DatabaseError, match="case events cannot"), transaction.atomic():
        CaseEvent.objects.filter(case=case).update(step="changed")
    page = officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}))
    assert page.status_code == 200
    assert "[name erased] took back" in page.text and "Walter" not in page.text


def test_an_erased_member_leaves_the_steps_of_their_own_and_other_cases(
    factory: Factory, officer: User
) -> None:
    own = factory.decided_case()
    record_notice(case=own, sent_on=D, channel="email", actor=officer, today=D)
    close_case(case=own, actor=officer, reason="Sam Subject accepted it.", effective=D, today=D)
    other = factory.breach_case(factory.member_record)
    withdraw_case(
        case=other,
        reason="Sam Subject was not at that meeting after all.",
        actor=officer,
        effective=D,
        today=D,
    )
    untouched = factory.breach_case(factory.panel_member(full_name="Pat Panel"))
    withdraw_case(case=untouched, reason="Raised in error.", actor=officer, effective=D, today=D)
    before = {case.pk: _event_rows(case) for case in (own, other, untouched)}
    subject = end_membership(own.member, officer)
    erase_member(member=subject, organisation=factory.home, actor=officer)
    assert _words(own) == [("", "[name erased]"), ("[name erased] accepted it.", "")]
    assert _words(other) == [("[name erased] was not at that meeting after all.", "")]
    assert _words(untouched) == [("Raised in error.", "")]
    assert {case.pk: _event_rows(case) for case in (own, other, untouched)} == before
    changed = AuditEntry.objects.filter(object_type="cases.CaseEventText", action="member.erased")
    assert changed.count() == 3
    assert "Every chain is intact" in _verified()


def test_the_schedule_anonymising_a_member_long_gone_takes_their_name_out_of_steps(
    factory: Factory, officer: User
) -> None:
    case = factory.breach_case(factory.member_record)
    withdraw_case(case=case, reason="Wendy Gone saw nothing.", actor=officer, today=D)
    gone = end_membership(factory.panel_member(full_name="Wendy Gone"), officer)
    anonymise_member(gone)
    assert _words(case) == [("[name erased] saw nothing.", "")]
    entry = AuditEntry.objects.get(object_type="cases.CaseEventText")
    assert (entry.action, entry.actor) == ("member.anonymised", None)


def test_the_api_shows_the_erased_words_in_the_same_shape(factory: Factory, officer: User) -> None:
    case = factory.breach_case(factory.member_record)
    add_party(case=case, role="witness", actor=None, name="Walter Witness", effective=D, today=D)
    withdraw_case(case=case, reason="Walter Witness withdrew.", actor=officer, today=D)
    erase_person(organisation=factory.home, name="Walter Witness", actor=officer)
    client = Client()
    client.force_login(officer)
    response = client.get(f"/api/v1/cases/home/{case.pk}")
    assert response.status_code == 200, response.content
    events = response.json()["events"]
    assert [(e["kind"], e["reason"], e["to"]) for e in events] == [
        ("raised", "", ""),
        ("withdrawn", "[name erased] withdrew.", ""),
    ]
