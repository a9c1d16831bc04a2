"""Changing who chairs a meeting still to come (MTG-4): the Chair, a member by rota, or
the Vice Chair standing in; from the meeting's page or the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import ChairBasis, Meeting
from panelkeeper.meetings.schedule import cancel_meeting, name_chair
from panelkeeper.organisations.models import Group
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def _url(meeting: Meeting) -> str:
    org = meeting.group.organisation.slug
    return reverse("meetings:change_chair", kwargs={"org": org, "pk": meeting.pk})


def test_a_member_is_named_to_chair_by_rota_and_the_change_is_audited(
    factory: Factory, panel: Group, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel)
    name_chair(meeting=meeting, chair=rota, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY)
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.chair, saved.chair_basis) == (rota, ChairBasis.ROTA)
    entry = AuditEntry.objects.get(action="meeting.chair_named")
    assert entry.fields == ["chair", "chair_basis"] and entry.actor == officer
    # And back to the standing Chair.
    name_chair(
        meeting=meeting, chair=None, chair_basis=ChairBasis.STANDING, actor=officer, today=TODAY
    )
    assert Meeting.objects.get(pk=meeting.pk).chair is None


def test_a_rota_needs_a_member_of_the_group_active_on_the_day(
    factory: Factory, panel: Group, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    with pytest.raises(Refused) as no_one:
        name_chair(
            meeting=meeting, chair=None, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY
        )
    assert no_one.value.field == "chair"
    stranger = factory.panel_member(factory.group())
    with pytest.raises(Refused) as elsewhere:
        name_chair(
            meeting=meeting, chair=stranger, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY
        )
    assert elsewhere.value.field == "chair"
    later = factory.panel_member(panel, started_on=D(2027, 1, 1))
    with pytest.raises(Refused, match="not an active member"):
        name_chair(
            meeting=meeting, chair=later, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY
        )
    assert Meeting.objects.get(pk=meeting.pk).chair is None
    assert not AuditEntry.objects.filter(action="meeting.chair_named").exists()


def test_a_held_or_cancelled_meeting_keeps_its_chair(
    factory: Factory, panel: Group, officer: User
) -> None:
    held = factory.meeting(date=D(2026, 11, 12))
    rota = factory.panel_member(panel)
    with pytest.raises(Refused, match="still to come"):
        name_chair(
            meeting=held, chair=rota, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY
        )
    cancelled = factory.meeting(date=D(2026, 12, 10))
    cancel_meeting(meeting=cancelled, reason="No room.", actor=officer, today=TODAY)
    with pytest.raises(Refused, match="still to come"):
        name_chair(
            meeting=cancelled, chair=rota, chair_basis=ChairBasis.ROTA, actor=officer, today=TODAY
        )


def test_a_change_to_nothing_is_refused(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    with pytest.raises(Refused, match="already"):
        name_chair(
            meeting=meeting, chair=None, chair_basis=ChairBasis.STANDING, actor=officer, today=TODAY
        )


def test_the_officer_changes_the_chair_from_a_form_that_starts_filled_in(
    factory: Factory, panel: Group, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel, full_name="Rosa Rota")
    page = officer_client.get(_url(meeting))
    assert page.status_code == 200 and page.context["form"].initial["chair_basis"] == "standing"
    detail = reverse("meetings:detail", kwargs={"org": panel.organisation.slug, "pk": meeting.pk})
    assert _url(meeting) in officer_client.get(detail).content.decode()
    response = officer_client.post(_url(meeting), {"chair_basis": "rota", "chair": rota.pk})
    assert response.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).chair == rota


def test_a_rota_without_a_member_is_shown_against_the_field_and_nothing_is_saved(
    factory: Factory, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    response = officer_client.post(_url(meeting), {"chair_basis": "rota", "chair": ""})
    assert response.status_code == 200
    assert "Choose the member who chairs this meeting by rota" in response.content.decode()
    assert not AuditEntry.objects.filter(action="meeting.chair_named").exists()


def test_auditors_get_403_and_other_organisations_404(
    factory: Factory, auditor_client: Client, panel: Group
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel)
    assert (
        auditor_client.post(_url(meeting), {"chair_basis": "rota", "chair": rota.pk}).status_code
        == 403
    )
    outsider = Client()
    outsider.force_login(factory.officer(factory.other))
    assert outsider.get(_url(meeting)).status_code == 404
    assert Meeting.objects.get(pk=meeting.pk).chair is None


def test_the_api_names_a_chair_and_refuses_with_the_field(
    factory: Factory, panel: Group, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel)
    url = f"/api/v1/meetings/{panel.organisation.slug}/meetings/{meeting.pk}/chair"
    refused = officer_client.post(url, {"chair_basis": "rota"}, content_type="application/json")
    assert refused.status_code == 422 and refused.json()["field"] == "chair"
    stranger = factory.panel_member(factory.group())
    elsewhere = officer_client.post(
        url,
        {"chair_basis": "rota", "chair_member_id": stranger.pk},
        content_type="application/json",
    )
    assert elsewhere.status_code == 422 and elsewhere.json()["field"] == "chair"
    named = officer_client.post(
        url, {"chair_basis": "rota", "chair_member_id": rota.pk}, content_type="application/json"
    )
    assert named.status_code == 200
    assert (named.json()["chair_id"], named.json()["chair_basis"]) == (rota.pk, "rota")
