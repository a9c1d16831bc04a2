"""Django for a benchmark: set up as the tests set it up, with a throwaway database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


def setup_django() -> None:
    """Configure Django for a benchmark: the test environment, fast password hashing."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    setup_test_environment()


@contextmanager
def scratch_database() -> Iterator[None]:
    """A new, migrated test database (never the real one), destroyed afterwards."""
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
