"""``panelkeeper demo``: refused outside a demo, and the same after a second run."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.organisations.models import Group, Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.policies import missing_role_holders
from panelkeeper.rules.policy.presets import PRESETS


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [Organisation, Group, User, Grant, PolicyVersion, RoleHolder, AuditEntry]
    return {model.__name__: model.objects.count() for model in models}


@override_settings(DEMO=False, DEBUG=True)
def test_demo_data_is_refused_without_the_demo_flag(db: None) -> None:
    with pytest.raises(CommandError, match="PANELKEEPER_DEMO=1"):
        run_demo()
    assert not Organisation.objects.exists()


@override_settings(DEMO=True, DEBUG=False)
def test_demo_data_is_refused_with_debug_off_so_it_never_reaches_production(db: None) -> None:
    with pytest.raises(CommandError, match="never reach a production database"):
        run_demo()
    assert not User.objects.exists()


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_loads_the_five_presets_with_a_code_in_force_and_every_title_held(
    db: None,
) -> None:
    output = run_demo()
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == sorted(PRESETS)
    today = timezone.localdate()
    for organisation in Organisation.objects.all():
        version = PolicyVersion.objects.in_force(organisation, on=today)
        assert version is not None and version.preset == organisation.slug
        assert missing_role_holders(version) == ()
        assert organisation.groups.exists()
        roles = set(organisation.grants.values_list("role", flat=True))
        assert roles == {"officer", "auditor"}
        assert f"officer.{organisation.slug}@example.org" in output
        assert f"auditor.{organisation.slug}@example.org" in output
    assert all(
        email.endswith("@example.org") for email in User.objects.values_list("email", flat=True)
    )
    header = output.splitlines()[1].split()
    assert header == ["Email", "Password", "Organisation", "Role"]
    staff = ("officer.", "auditor.")  # members' sign-ins follow (tests/members/test_demo.py)
    assert len([line for line in output.splitlines() if line.startswith(staff)]) == 10
    admin = next(line for line in output.splitlines() if line.startswith("admin@"))
    assert admin.endswith("installation administrator")
    assert User.objects.get(email="admin@example.org").administers_installation


@override_settings(DEMO=True, DEBUG=True)
def test_running_the_demo_twice_changes_nothing(db: None) -> None:
    first_output = run_demo()
    first = counts()
    second_output = run_demo()
    assert counts() == first
    assert second_output == first_output


@override_settings(DEMO=True, DEBUG=True)
def test_demo_officers_sign_in_with_the_printed_password(db: None) -> None:
    output = run_demo()
    row = next(line for line in output.splitlines() if line.startswith("officer.vela@"))
    email, password = row.split()[:2]
    assert User.objects.get(email=email).check_password(password)
    holders = User.objects.filter(held_roles__isnull=False).exclude(grants__role="officer")
    assert holders.exists()
    assert not any(user.has_usable_password() for user in holders)
