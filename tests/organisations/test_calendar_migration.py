"""Migration 0004: each organisation's published [calendar] values, carried over once."""

from __future__ import annotations

import datetime as dt
import importlib

from django.apps import apps

from panelkeeper.organisations.models import ClosureDay
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory

migration = importlib.import_module(
    "panelkeeper.organisations.migrations.0004_calendar_belongs_to_the_organisation"
)


def with_calendar(region: str, *days: str) -> str:
    return (
        preset_text("vela")
        + f'\n[calendar]\nregion = "{region}"\nclosure_days = [{", ".join(days)}]\n'
    )


def carry() -> None:
    migration.carry_calendars(apps, None)


def test_the_region_of_the_version_in_force_and_every_closure_day_move_to_the_organisation(
    factory: Factory,
) -> None:
    factory.published_version(
        source=with_calendar("WLS", "2025-12-24"), in_force_from=dt.date(2025, 1, 6)
    )
    factory.published_version(
        source=with_calendar("SCT", "2025-12-24", "2026-12-24"), in_force_from=dt.date(2026, 1, 5)
    )
    factory.closure_day(date=dt.date(2026, 12, 24), reason="Already recorded")
    carry()
    carry()  # a second run changes nothing
    factory.home.refresh_from_db()
    assert factory.home.region == "SCT"
    days = ClosureDay.objects.filter(organisation=factory.home)
    assert [d.date for d in days] == [dt.date(2025, 12, 24), dt.date(2026, 12, 24)]
    assert days[0].reason.startswith("Listed in version draft-")
    assert ClosureDay.objects.get(date=dt.date(2026, 12, 24)).reason == "Already recorded"


def test_a_version_not_yet_in_force_counts_only_when_none_is(factory: Factory) -> None:
    factory.published_version(source=with_calendar("NIR"), in_force_from=dt.date(2099, 1, 5))
    carry()
    factory.home.refresh_from_db()
    assert factory.home.region == "NIR"


def test_drafts_and_codes_without_the_table_leave_the_organisation_alone(
    factory: Factory,
) -> None:
    factory.draft_version(source=with_calendar("SCT", "2026-12-24"))
    factory.published_version(factory.other, source=preset_text("vela"))
    carry()
    factory.home.refresh_from_db()
    factory.other.refresh_from_db()
    assert (factory.home.region, factory.other.region) == ("ENG", "ENG")
    assert not ClosureDay.objects.exists()
