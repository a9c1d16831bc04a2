"""The officers' member list at 10,000 members: first page, a deep page, a name search.

Builds a throwaway test database (never the real one), adds 10,000 members with one
status record each in bulk, then times the page through Django's test client, signed
in as an officer. Also prints the number of SQL queries per page, which must not grow
with the number of members.
"""

from __future__ import annotations

import os
import time

MEMBERS = 10_000
REPEATS = 5


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    setup_test_environment()


def main() -> None:
    _setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from panelkeeper.accounts.models import Grant, User
    from panelkeeper.organisations.models import Group, Organisation
    from tests.factory import Factory

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        organisation = Organisation.objects.create(slug="bench", name="Bench Homes")
        group = Group.objects.create(organisation=organisation, name="Panel")
        officer = User.objects.create_user(username="o@example.org", email="o@example.org")
        Grant.objects.create(user=officer, organisation=organisation, role=Grant.Role.OFFICER)
        Factory().many_members(MEMBERS, group=group)
        client = Client()
        client.force_login(officer)
        url = reverse("members:list", kwargs={"org": "bench"})
        print(f"{MEMBERS:,} members, best of {REPEATS}:")
        for label, query in (
            ("first page", {}),
            ("page 200", {"page": "200"}),
            ("search 'Member 0999'", {"q": "Member 0999"}),
        ):
            best = float("inf")
            for _ in range(REPEATS):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(url, query)
                    best = min(best, time.perf_counter() - began)
                assert response.status_code == 200, response.status_code
            print(f"  {label:<22} {best * 1000:8.1f} ms   {len(queries)} queries")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
