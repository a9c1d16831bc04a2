"""Helpers for the registers tests: a code in force, audit look-ups, signed-in members."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from panelkeeper.audit.models import AuditEntry
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def in_force(
    factory: Factory, preset: str = "vela", organisation: Organisation | None = None
) -> PolicyVersion:
    """``preset`` published and in force at the organisation from 2 February 2026."""
    return factory.published_version(organisation, preset, in_force_from=dt.date(2026, 2, 2))


def in_force_with_threshold(factory: Factory, preset: str, pounds: int) -> PolicyVersion:
    """``preset`` in force as :func:`in_force` gives it, but for a gift threshold of
    ``pounds`` (GIFT-1): vela's and thirteen's gifts go to the Customer Involvement Team."""
    told = 'declare_to = ["customer_involvement_team"]'
    text = preset_text(preset).replace(told, f"{told}\ndeclare_over = {pounds}")
    assert text != preset_text(preset)
    return factory.published_version(None, preset, in_force_from=dt.date(2026, 2, 2), source=text)


def audit_actions(obj: object) -> list[str]:
    label = obj._meta.label  # type: ignore[attr-defined]
    entries = AuditEntry.objects.filter(object_type=label, object_id=str(obj.pk))  # type: ignore[attr-defined]
    return list(entries.order_by("at", "id").values_list("action", flat=True))


@pytest.fixture
def vela(factory: Factory) -> PolicyVersion:
    return in_force(factory, "vela")


@pytest.fixture
def member(factory: Factory) -> Member:
    """Mina Member, with her own sign-in."""
    return factory.member_record


@pytest.fixture
def member_client(member: Member) -> Client:
    client = Client()
    assert member.user is not None
    client.force_login(member.user)
    return client
