"""The officers' member list at 10,000 members: first page, a deep page, a name search.

Builds a throwaway test database (never the real one), adds 10,000 members with one
status record each in bulk, then times the page through Django's test client, signed
in as an officer. Also prints the number of SQL queries per page, which must not grow
with the number of members.
"""

from __future__ import annotations

import time

from benchmarks.scratch import scratch_database, setup_django

MEMBERS = 10_000
REPEATS = 5


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from panelkeeper.accounts.models import Grant, User
    from panelkeeper.organisations.models import Group, Organisation
    from tests.factory import Factory

    with scratch_database():
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


if __name__ == "__main__":
    main()
