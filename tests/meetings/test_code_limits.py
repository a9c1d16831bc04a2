"""The code's way of deciding and of chairing is the default and the limit (MTG-3, MTG-4):
vela decides by a majority vote and has a standing Chair, nexus decides by consensus,
herefordshire allows a chair by rota. Through the pages and the API alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.meetings.models import Decision, Meeting
from panelkeeper.organisations.models import Group, PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


@pytest.fixture
def vela(factory: Factory) -> PolicyVersion:
    return factory.published_version(preset="vela", in_force_from=D(2026, 1, 5))


def _chair_url(meeting: Meeting) -> str:
    org = meeting.group.organisation.slug
    return reverse("meetings:change_chair", kwargs={"org": org, "pk": meeting.pk})


def test_vela_has_a_standing_chair_so_a_rota_is_refused_on_the_page_mtg_4(
    factory: Factory, vela: PolicyVersion, panel: Group, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel, full_name="Rosa Rota")
    page = officer_client.get(_chair_url(meeting)).content.decode()
    assert 'value="rota"' not in page and 'value="standing"' in page
    response = officer_client.post(_chair_url(meeting), {"chair_basis": "rota", "chair": rota.pk})
    assert response.status_code == 200
    assert "standing Chair, not a chair by rota" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).chair is None


def test_vela_refuses_a_rota_chair_through_the_api_when_scheduling_and_changing_mtg_4(
    factory: Factory, vela: PolicyVersion, panel: Group, officer_client: Client
) -> None:
    rota = factory.panel_member(panel)
    api = f"/api/v1/meetings/{panel.organisation.slug}"
    body = {
        "date": "2026-12-10",
        "starts_at": "18:30",
        "place": "Hall",
        "chair_basis": "rota",
        "chair_member_id": rota.pk,
    }
    refused = officer_client.post(
        f"{api}/groups/{panel.pk}/meetings", body, content_type="application/json"
    )
    assert refused.status_code == 422, refused.content
    assert (refused.json()["rule"], refused.json()["field"]) == ("MTG-4", "chair_basis")
    assert not Meeting.objects.exists()
    meeting = factory.meeting(date=D(2026, 12, 10))
    changed = officer_client.post(
        f"{api}/meetings/{meeting.pk}/chair",
        {"chair_basis": "rota", "chair_member_id": rota.pk},
        content_type="application/json",
    )
    assert changed.status_code == 422 and changed.json()["rule"] == "MTG-4"
    vice = officer_client.post(
        f"{api}/meetings/{meeting.pk}/chair",
        {"chair_basis": "vice_chair", "chair_member_id": rota.pk},
        content_type="application/json",
    )
    assert vice.status_code == 200


def test_herefordshire_allows_a_chair_by_rota_mtg_4(
    factory: Factory, panel: Group, officer_client: Client
) -> None:
    factory.published_version(preset="herefordshire", in_force_from=D(2026, 1, 5))
    meeting = factory.meeting(date=D(2026, 12, 10))
    rota = factory.panel_member(panel)
    assert 'value="rota"' in officer_client.get(_chair_url(meeting)).content.decode()
    response = officer_client.post(_chair_url(meeting), {"chair_basis": "rota", "chair": rota.pk})
    assert response.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).chair == rota


def _decision_url(meeting: Meeting) -> str:
    org = meeting.group.organisation.slug
    return reverse("meetings:new_decision", kwargs={"org": org, "pk": meeting.pk})


def test_the_decision_page_offers_and_defaults_to_the_codes_way_mtg_3(
    factory: Factory, nexus: PolicyVersion, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    form = officer_client.get(_decision_url(meeting)).context["form"]
    assert [v for v, _ in form.fields["method"].choices] == ["consensus"]
    assert form.fields["method"].initial == "consensus"
    response = officer_client.post(_decision_url(meeting), {"motion": "Adopt", "method": "vote"})
    assert response.status_code == 200
    assert "decides by consensus" in response.content.decode()
    assert not Decision.objects.exists()
    done = officer_client.post(_decision_url(meeting), {"motion": "Adopt", "method": "consensus"})
    assert done.status_code == 302
    assert Decision.objects.get().method == "consensus"


def test_vela_refuses_consensus_through_the_api_mtg_3(
    factory: Factory, vela: PolicyVersion, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    url = f"/api/v1/meetings/home/meetings/{meeting.pk}/decisions"
    refused = officer_client.post(
        url, {"motion": "Adopt", "method": "consensus"}, content_type="application/json"
    )
    assert refused.status_code == 422 and refused.json()["rule"] == "MTG-3"
    assert "majority vote" in refused.json()["detail"]
    made = officer_client.post(url, {"motion": "Adopt"}, content_type="application/json")
    assert made.status_code == 201 and made.json()["method"] == "vote"


def test_the_stored_choices_are_the_rules_own_mtg_3_mtg_4() -> None:
    from panelkeeper.meetings.models import ChairBasis, DecisionMethod
    from panelkeeper.rules import meetings as rules

    assert set(ChairBasis.values) == {b.value for b in rules.ChairBasis}
    assert set(DecisionMethod.values) == {m.value for m in rules.Method}
