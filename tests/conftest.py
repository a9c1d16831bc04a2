"""Fixtures shared by the whole suite: the factory, the personas, signed-in clients."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client, TransactionTestCase

from panelkeeper.accounts.models import User
from panelkeeper.audit import triggers as audit_triggers
from panelkeeper.cases import triggers as case_triggers
from panelkeeper.members import triggers as member_triggers
from panelkeeper.subject_access import triggers as access_log_triggers
from tests.factory import Factory

# The loopback SMTP server fixture, for the tests that send real mail.
pytest_plugins = ["tests.smtp_sink"]


def pytest_configure(config: pytest.Config) -> None:
    # Real password hashing is slow on purpose; tests sign in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The suite signs staff in with force_login and no second factor. The rule that
    # sends them to set one up first is on outside the suite (and the demo), and
    # tests/accounts/test_second_factor.py turns it on to prove it.
    settings.REQUIRE_SECOND_FACTOR = False


def pytest_sessionstart(session: pytest.Session) -> None:
    """With REQUIRE_POSTGRESQL set (make test sets it under CI), SQLite is not enough."""
    if os.environ.get("REQUIRE_POSTGRESQL") == "1":
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            raise pytest.UsageError("REQUIRE_POSTGRESQL is set but DATABASE_URL is not PostgreSQL.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``once`` (the API fuzzing) test no database behaviour: on PostgreSQL,
    the second run of ``make test``, they are skipped rather than run again."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        skip = pytest.mark.skip(reason="runs once, on SQLite")
        for item in items:
            if item.get_closest_marker("once"):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """On SQLite the test database is a file, as the server's is, never memory.

    In memory, a second connection meets a locked table with an error at once instead
    of waiting (the busy timeout does not apply), so two workers racing could not be
    tested; a file also runs the suite a little faster here.
    """
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3" and not db.get("TEST", {}).get("NAME"):
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    """Files a test stores (papers, logos, the demo's logos) land in a folder thrown away
    afterwards, never in the installation's own ``var/media``."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session", autouse=True)
def _prove_postgresql(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:
    """Under REQUIRE_POSTGRESQL the tests really ran on PostgreSQL, not a fallback."""
    if os.environ.get("REQUIRE_POSTGRESQL") == "1":
        with django_db_blocker.unblock():  # type: ignore[attr-defined]
            assert connection.vendor == "postgresql", connection.vendor


@pytest.fixture
def factory(db: None) -> Factory:
    return Factory()


@pytest.fixture
def officer(factory: Factory) -> User:
    return factory.officer()


@pytest.fixture
def auditor(factory: Factory) -> User:
    return factory.auditor()


@pytest.fixture
def outsider(factory: Factory) -> User:
    return factory.outsider()


@pytest.fixture
def officer_client(officer: User) -> Client:
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def auditor_client(auditor: User) -> Client:
    client = Client()
    client.force_login(auditor)
    return client


@pytest.fixture
def outsider_client(outsider: User) -> Client:
    client = Client()
    client.force_login(outsider)
    return client


@pytest.fixture
def installation_admin_client(factory: Factory) -> Client:
    """Signed in as the installation administrator."""
    client = Client()
    client.force_login(factory.admin())
    return client


# The audit log refuses DELETE (by design), but a transactional test (live_server, the
# browser tests) is cleaned up with DELETE on SQLite. For that clean-up alone the
# triggers are lifted and put straight back. PostgreSQL cleans up with TRUNCATE, which
# row triggers do not see.

_original_fixture_teardown = TransactionTestCase._fixture_teardown


def _fixture_teardown_past_audit_triggers(self: TransactionTestCase) -> None:
    lifted = [
        connections[alias]
        for alias in self._databases_names(include_mirrors=False)  # type: ignore[attr-defined]
        if connections[alias].vendor == "sqlite"
    ]
    for wrapper in lifted:
        audit_triggers.uninstall(wrapper)
        member_triggers.uninstall(wrapper)
        case_triggers.uninstall(wrapper)
        access_log_triggers.uninstall(wrapper)
    try:
        _original_fixture_teardown(self)
    finally:
        for wrapper in lifted:
            audit_triggers.install(wrapper)
            member_triggers.install(wrapper)
            case_triggers.install(wrapper)
            access_log_triggers.install(wrapper)


TransactionTestCase._fixture_teardown = _fixture_teardown_past_audit_triggers  # type: ignore[method-assign]
