"""Removing an organisation: refused without a fresh export or under a legal hold; then
everything it held goes, and nothing of any other organisation."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.departure.exports import build, downloadable, request_export
from panelkeeper.departure.kinds import KINDS, SHARED
from panelkeeper.departure.models import Export
from panelkeeper.departure.removal import remove_organisation, what_goes
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import Paper
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.models import Export as RegisterFile
from panelkeeper.retention.holds import lift_hold, place_hold
from tests.departure.records import fill_home, fill_other
from tests.factory import Factory

NO_EXPORT = (
    "Export its records first, and download the export. An export made before the "
    "organisation's latest change does not count."
)


def _exported(organisation: Organisation, admin: User) -> Export:
    export = request_export(organisation=organisation, actor=admin)
    build(export.pk)
    return export


def _counts(organisation_id: int) -> dict[str, int]:
    return {
        kind.stem: kind.model._base_manager.filter(**{kind.via: organisation_id}).count()
        for kind in KINDS
        if kind.model_label not in SHARED
    }


def test_removal_is_refused_until_an_export_made_since_the_last_change(factory: Factory) -> None:
    home, admin, officer = factory.home, factory.admin(), factory.officer()
    member = factory.member_record
    with pytest.raises(Refused) as refusal:
        remove_organisation(organisation=home, actor=admin)
    assert refusal.value.message == NO_EXPORT
    _exported(home, admin)
    hold = place_hold(organisation=home, reason="A claim.", actor=officer, member=member)
    lift_hold(hold=hold, reason="Settled.", actor=officer)
    with pytest.raises(Refused) as refusal:
        remove_organisation(organisation=home, actor=admin)
    assert refusal.value.message == NO_EXPORT
    _exported(home, admin)
    remove_organisation(organisation=home, actor=admin)
    assert not Organisation.objects.filter(pk=home.pk).exists()


def test_a_legal_hold_stops_the_removal(factory: Factory) -> None:
    home, admin = factory.home, factory.admin()
    place_hold(organisation=home, reason="A claim.", actor=factory.officer(), case=factory.the_case)
    _exported(home, admin)
    with pytest.raises(Refused) as refusal:
        remove_organisation(organisation=home, actor=admin)
    assert refusal.value.message.startswith(
        "A legal hold is in force. A legal hold keeps records that may be needed for a claim"
    )
    assert refusal.value.rule == "leaving"
    assert Organisation.objects.filter(pk=home.pk).exists()


def test_removal_takes_everything_it_held_and_nothing_else(
    factory: Factory, django_capture_on_commit_callbacks: Any
) -> None:
    home = fill_home(factory)
    other_member = fill_other(factory)
    outsider = factory.outsider()
    admin = factory.admin()
    home_officers = list(User.objects.filter(grants__organisation=home))
    home_files = [
        home.logo.name,
        *(s.scan.name for s in factory.member_record.signatures.exclude(scan="")),
        *(paper.file.name for paper in Paper.objects.filter(meeting__group__organisation=home)),
        *RegisterFile.objects.filter(organisation=home).values_list("stored_as", flat=True),
    ]
    assert len(home_files) == 4 and all(default_storage.exists(name) for name in home_files)
    other_scan = other_member.signatures.get().scan.name
    home_id, other_id = home.pk, factory.other.pk
    other_before = _counts(other_id)
    goes = {item.label: item.count for item in what_goes(home)}
    assert goes["Members"] == _counts(home_id)["members"] and goes["Letters"] == 1
    export = _exported(home, admin)

    with django_capture_on_commit_callbacks(execute=True):
        remove_organisation(organisation=home, actor=admin)

    assert set(_counts(home_id).values()) == {0}
    assert _counts(other_id) == other_before
    assert not any(default_storage.exists(name) for name in home_files)
    assert default_storage.exists(other_scan)
    entry = AuditEntry.objects.get(action="organisation.removed")
    assert (entry.organisation_id, entry.actor, entry.object_id) == (None, admin, str(home_id))
    assert entry.fields == []
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "Every chain is intact" in out.getvalue()
    assert "Home Housing" not in out.getvalue()
    # Accounts used only there are gone or closed; the other organisation's stay.
    assert not User.objects.filter(pk__in=[u.pk for u in home_officers], is_active=True).exists()
    assert User.objects.get(pk=outsider.pk).is_active
    # The export outlives the organisation until it expires.
    assert downloadable(export.pk).organisation_id is None
