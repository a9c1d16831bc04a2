"""The pages: an officer logs a request and works it through to release; bad input is
refused with a message and saves nothing; a member asks for their own copy and reads it
once released; the privacy notice is linked from the forms that collect personal data."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.subject_access.models import Pack, SubjectAccessRequest
from tests.factory import Factory


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def test_an_officer_logs_a_request_builds_the_pack_and_records_its_release(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.member_record
    today = timezone.localdate()
    new = reverse("subject_access:new", kwargs={"org": "home"})
    answer = officer_client.post(
        new, {"requester": "member", "member": member.pk, **_date("received_on", today)}
    )
    found = SubjectAccessRequest.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse(
        "subject_access:detail", kwargs={"org": "home", "pk": found.pk}
    )
    detail = officer_client.get(answer["Location"])
    assert "Build the pack" in detail.text and "Pause the clock" in detail.text

    kwargs = {"org": "home", "pk": found.pk}
    assert officer_client.post(reverse("subject_access:build", kwargs=kwargs)).status_code == 302
    pack_page = officer_client.get(reverse("subject_access:pack", kwargs=kwargs))
    assert member.full_name in pack_page.text
    pdf = officer_client.get(reverse("subject_access:pack_pdf", kwargs=kwargs))
    assert pdf.content.startswith(b"%PDF")
    data = officer_client.get(reverse("subject_access:pack_json", kwargs=kwargs)).json()
    assert data["person"] == member.full_name

    release = reverse("subject_access:release", kwargs=kwargs)
    refused = officer_client.post(release, _date("released_on", today))
    assert "Confirm you have read the whole pack" in refused.text
    assert Pack.objects.get().released_on is None
    done = officer_client.post(release, {"reviewed": "on", **_date("released_on", today)})
    assert done.status_code == 302
    assert Pack.objects.get().released_on == today


def test_bad_input_is_refused_with_a_message_and_saves_nothing(officer_client: Client) -> None:
    new = reverse("subject_access:new", kwargs={"org": "home"})
    answer = officer_client.post(
        new, {"requester": "witness", **_date("received_on", dt.date(2099, 1, 1))}
    )
    assert answer.status_code == 200
    assert "Enter the name of the person who asked" in answer.text
    answer = officer_client.post(
        new, {"requester": "witness", "name": "Wendy", **_date("received_on", dt.date(2099, 1, 1))}
    )
    assert "must be today or in the past" in answer.text
    assert not SubjectAccessRequest.objects.exists()


def test_a_member_asks_for_their_copy_and_reads_it_only_once_released(
    factory: Factory, officer: User
) -> None:
    from panelkeeper.subject_access.packs import build_pack, release_pack

    record = factory.member_record
    member = _client(factory.member())
    mine = reverse("subject_access:mine", kwargs={"member": record.pk})
    assert "Say what you would like a copy of, or write everything" in member.post(mine, {}).text
    assert not SubjectAccessRequest.objects.exists()
    assert member.post(mine, {"details": "Everything"}).status_code == 302
    found = SubjectAccessRequest.objects.get()
    assert (found.member, found.requester, found.received_on) == (
        record,
        "member",
        timezone.localdate(),
    )
    assert "We will send it by" in member.get(mine).text

    pack = build_pack(request=found, actor=officer)
    own = reverse("subject_access:my_pack", kwargs={"member": record.pk, "pk": found.pk})
    assert member.get(own).status_code == 404
    today = pack.built_at.date()
    release_pack(pack=pack, reviewed=True, released_on=today, actor=officer, today=today)
    assert "read your copy" in member.get(mine).text
    page = member.get(own)
    assert page.status_code == 200 and record.full_name in page.text


def test_the_public_concern_form_and_members_forms_link_the_privacy_notice(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    notice = reverse("subject_access:privacy", kwargs={"org": "home"})
    form = Client().get(reverse("concerns:raise", kwargs={"org": "home"}))
    assert form.status_code == 200 and f'href="{notice}"' in form.text
    record = factory.member_record
    member = _client(factory.member())
    expense = member.get(reverse("members:claim_expense", kwargs={"member": record.pk}))
    assert f'href="{notice}"' in expense.text
    page = Client().get(notice)
    assert "How we use your information" in page.text and "Breach cases" in page.text
    assert "Closed cases that found a breach" in page.text and "6 years" in page.text
