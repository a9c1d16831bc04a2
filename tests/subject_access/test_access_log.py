"""Who read what: staff and investigators reading a confidential record are logged (who,
when, which record, as what; nothing about the client), the member reading their own is
not, and the log can be neither changed nor deleted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.subject_access.lead import choose_lead
from panelkeeper.subject_access.models import RecordView
from tests.factory import Factory


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _logged() -> list[tuple[str, str, str, int, int | None]]:
    return [
        (view.reader.email, view.role, view.kind, view.record_id, view.member_id)
        for view in RecordView.objects.order_by("id")
    ]


def test_an_officer_and_an_auditor_reading_a_case_are_logged(
    factory: Factory, officer: User, auditor: User
) -> None:
    case = factory.the_case
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    assert _client(officer).get(url).status_code == 200
    assert _client(auditor).get(url).status_code == 200
    assert _logged() == [
        (officer.email, "officer", "case", case.pk, case.member_id),
        (auditor.email, "auditor", "case", case.pk, case.member_id),
    ]
    fields = {f.name for f in RecordView._meta.get_fields()}
    assert fields == {
        "id", "organisation", "reader", "role", "kind", "record_id", "member", "viewed_at"
    }  # fmt: skip


def test_an_investigator_is_logged_and_the_member_reading_their_own_case_is_not(
    factory: Factory,
) -> None:
    case = factory.the_case
    url = reverse("cases:my_case", kwargs={"case": case.pk})
    assert _client(factory.investigator()).get(url).status_code == 200
    assert _client(factory.subject()).get(url).status_code == 200
    assert _logged() == [
        (factory.investigator().email, "investigator", "case", case.pk, case.member_id)
    ]


def test_a_refusal_and_a_missing_record_log_nothing(
    factory: Factory, outsider_client: Client, officer_client: Client
) -> None:
    case = factory.the_case
    assert (
        outsider_client.get(
            reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
        ).status_code
        == 404
    )
    assert (
        officer_client.get(
            reverse("cases:detail", kwargs={"org": "home", "pk": case.pk + 1000})
        ).status_code
        == 404
    )
    assert _logged() == []


def test_members_files_concerns_and_letters_are_logged_on_the_pages_and_in_the_api(
    factory: Factory, officer: User
) -> None:
    officer_client = _client(officer)
    member = factory.member_record
    letter = factory.letter()
    concern = factory.concern(factory.home, preset="vela")
    officer_client.get(reverse("members:detail", kwargs={"org": "home", "pk": member.pk}))
    officer_client.get(reverse("concerns:detail", kwargs={"org": "home", "pk": concern.pk}))
    officer_client.get(reverse("letters:detail", kwargs={"org": "home", "pk": letter.pk}))
    officer_client.get(f"/api/v1/letters/home/{letter.pk}")
    officer_client.get(f"/api/v1/cases/home/{letter.case_id}")
    email = officer.email
    assert _logged() == [
        (email, "officer", "member", member.pk, member.pk),
        (email, "officer", "concern", concern.pk, None),
        (email, "officer", "letter", letter.pk, letter.member_id),
        (email, "officer", "letter", letter.pk, letter.member_id),
        (email, "officer", "case", letter.case_id, letter.member_id),
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE subject_access_recordview SET role = 'auditor' WHERE id = %s",
        "DELETE FROM subject_access_recordview WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_or_delete_the_log(
    factory: Factory, officer_client: Client, sql: str
) -> None:
    officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": factory.the_case.pk}))
    view = RecordView.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [view.pk])
    view.refresh_from_db()
    assert view.role == "officer"


def test_only_the_data_protection_lead_reads_the_log(
    factory: Factory, officer: User, auditor: User
) -> None:
    officer_client, auditor_client = _client(officer), _client(auditor)
    url = reverse("subject_access:access_log", kwargs={"org": "home"})
    assert officer_client.get(url).status_code == 403
    choose_lead(organisation=factory.home, user=officer, actor=officer, today=dt.date(2026, 12, 1))
    officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": factory.the_case.pk}))
    page = officer_client.get(url)
    assert page.status_code == 200
    assert "Olive Officer" in page.text and str(factory.the_case.member) in page.text
    assert auditor_client.get(url).status_code == 403
