"""The officers' breach-case list at 10,000 cases: first page, a deep page, and the API.

Builds a throwaway test database (never the real one), adds 10,000 cases in bulk (the
case row carries the copy of state and next due date the list reads), then times the
list through Django's test client, signed in as an officer. Also prints the number of
SQL queries per page, which must not grow with the number of cases.
"""

from __future__ import annotations

import datetime as dt
import os
import time

CASES = 10_000
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
    from django.utils import timezone

    from panelkeeper.accounts.models import Grant, User
    from panelkeeper.cases.models import Case, CaseState
    from panelkeeper.members.models import Member
    from panelkeeper.organisations.models import Group, Organisation, PolicyVersion
    from panelkeeper.rules.policy.presets import preset_text

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        organisation = Organisation.objects.create(slug="bench", name="Bench Homes")
        group = Group.objects.create(organisation=organisation, name="Panel")
        officer = User.objects.create_user(username="o@example.org", email="o@example.org")
        Grant.objects.create(user=officer, organisation=organisation, role=Grant.Role.OFFICER)
        now = timezone.now()
        version = PolicyVersion.objects.create(
            organisation=organisation,
            version="1",
            source=preset_text("vela"),
            file_name="vela.toml",
            preset="vela",
            status=PolicyVersion.Status.PUBLISHED,
            approved_on=dt.date(2026, 1, 5),
            in_force_from=dt.date(2026, 1, 5),
            published_at=now,
        )
        members = Member.objects.bulk_create(
            Member(
                group=group,
                full_name=f"Member {n:04d}",
                customer_type="tenant",
                started_on=dt.date(2026, 1, 5),
            )
            for n in range(500)
        )
        start = dt.date(2026, 2, 2)
        Case.objects.bulk_create(
            Case(
                organisation=organisation,
                member=members[n % len(members)],
                policy_version=version,
                began_on=start + dt.timedelta(days=n % 290),
                state=CaseState.INVESTIGATING if n % 3 else CaseState.CLOSED,
                level="minor",
                next_due=None if n % 3 == 0 else start + dt.timedelta(days=n % 300),
                created_at=now,
                description="Bench",
                setting="meeting",
            )
            for n in range(CASES)
        )
        client = Client()
        client.force_login(officer)
        url = reverse("cases:list", kwargs={"org": "bench"})
        print(f"{CASES:,} cases, best of {REPEATS}:")
        for label, target, query in (
            ("first page", url, {}),
            ("page 150", url, {"page": "150"}),
            ("API first page", "/api/v1/cases/bench", {}),
        ):
            best = float("inf")
            for _ in range(REPEATS):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(target, query)
                    best = min(best, time.perf_counter() - began)
                assert response.status_code == 200, response.status_code
            print(f"  {label:<22} {best * 1000:8.1f} ms   {len(queries)} queries")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
