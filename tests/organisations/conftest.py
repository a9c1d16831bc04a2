"""Helpers for the organisations tests: audit look-ups and role holders for a whole preset."""

from __future__ import annotations

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.organisations.models import Organisation, RoleHolder
from panelkeeper.rules.policy.presets import load_preset
from tests.factory import Factory


def audit_actions(obj: object) -> list[str]:
    """The actions recorded against ``obj``, oldest first."""
    label = obj._meta.label  # type: ignore[attr-defined]
    entries = AuditEntry.objects.filter(object_type=label, object_id=str(obj.pk))  # type: ignore[attr-defined]
    return list(entries.order_by("at", "id").values_list("action", flat=True))


def hold_every_title(
    factory: Factory, preset: str = "vela", organisation: Organisation | None = None
) -> list[RoleHolder]:
    """A holder for every staff title ``preset`` declares."""
    return [
        factory.role_holder(role.key, organisation=organisation, role_title=role.title)
        for role in load_preset(preset).staff_roles
    ]


@pytest.fixture
def holder(factory: Factory) -> User:
    """Someone with a grant at home who can be made a role holder."""
    return factory.auditor(first_name="Hana", last_name="Holder")
