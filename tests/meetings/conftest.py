"""Fixtures for the meetings tests: a nexus organisation, whose code counts missed meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.organisations.models import Group, PolicyVersion
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    """Papers uploaded by the tests land in a folder thrown away afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def nexus(factory: Factory) -> PolicyVersion:
    """The nexus code in force at home from 5 January 2026 (MTG-2 on, limit 2)."""
    return factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))


@pytest.fixture
def nexus_by_vote(factory: Factory) -> PolicyVersion:
    """The nexus code adapted to decide by a majority vote (MTG-3), in force at home from
    5 January 2026: meetings that count votes and missed meetings alike."""
    source = preset_text("nexus").replace('decisions = "consensus"', 'decisions = "majority"')
    assert 'decisions = "majority"' in source
    return factory.published_version(
        preset="nexus", source=source, in_force_from=dt.date(2026, 1, 5)
    )


@pytest.fixture
def insight(factory: Factory) -> PolicyVersion:
    """The insight code in force at home: apologies 2 working days ahead (MTG-1)."""
    return factory.published_version(preset="insight", in_force_from=dt.date(2026, 1, 5))


@pytest.fixture
def panel(factory: Factory) -> Group:
    return factory.panel()


@pytest.fixture
def actor(officer: User) -> User:
    return officer


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages read today from the clock; pin it to the suite's Monday 23 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
