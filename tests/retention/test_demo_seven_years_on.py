"""The retention bar: the demo, seven years on, loses exactly what its schedule says.

The demo is loaded with the clock pinned to 2 November 2026; one member of thirteen is
put on legal hold in 2027; then the clock moves to 2 November 2033, seven years on.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.meetings.models import Meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.models import Gift
from panelkeeper.retention.holds import place_hold
from panelkeeper.retention.purge import due_records, purge
from tests.retention.clock import clock_at

LOADED_ON = dt.date(2026, 11, 2)
SEVEN_YEARS_ON = dt.date(2033, 11, 2)


def _listed(slug: str) -> list[tuple[str, str]]:
    organisation = Organisation.objects.get(slug=slug)
    return [(due.kind.key, due.label) for due in due_records(organisation, today=SEVEN_YEARS_ON)]


@pytest.fixture
def demo(db: None) -> None:
    with clock_at(LOADED_ON), override_settings(DEMO=True, DEBUG=True):
        call_command("demo", stdout=StringIO())
    thirteen = Organisation.objects.get(slug="thirteen")
    with clock_at(dt.date(2027, 3, 1)):
        place_hold(
            organisation=thirteen,
            reason="A claim about the panel's gifts register is open.",
            actor=User.objects.get(email="officer.thirteen@example.org"),
            member=Member.objects.of(thirteen).get(full_name="Beryl Ashworth"),
        )


# What the demo holds past its time seven years on, organisation by organisation: each
# member's gift declared a week before the demo was loaded (six years after it was
# given), and the audit entries recorded more than six years before. Thirteen's gifts
# were declared by Beryl Ashworth, who is on hold, and its audit trail is kept from the
# first entry about her.
GIFT = "Gift or hospitality declared by Beryl Ashworth: Sandwich lunch at a supplier's open day"
EXPECTED = {
    "herefordshire": [
        ("declarations", GIFT),
        ("audit_entries", "56 audit entries recorded before 2 November 2027"),
    ],
    "insight": [
        ("declarations", GIFT),
        ("audit_entries", "76 audit entries recorded before 2 November 2027"),
    ],
    "nexus": [("audit_entries", "50 audit entries recorded before 2 November 2027")],
    "thirteen": [],
    "vela": [
        ("declarations", GIFT),
        ("audit_entries", "77 audit entries recorded before 2 November 2027"),
    ],
}


def test_a_dry_run_seven_years_on_lists_exactly_the_records_past_their_time(demo: None) -> None:
    with clock_at(SEVEN_YEARS_ON):
        listed = {slug: _listed(slug) for slug in EXPECTED}
    assert listed == EXPECTED


def test_nothing_under_legal_hold_is_listed(demo: None) -> None:
    beryl = Member.objects.of(Organisation.objects.get(slug="thirteen")).get(
        full_name="Beryl Ashworth"
    )
    assert Gift.objects.filter(member=beryl).count() == 2
    with clock_at(SEVEN_YEARS_ON):
        assert _listed("thirteen") == []


def _pages_that_referred_to_the_gifts(organisation: Organisation) -> list[str]:
    beryl = Member.objects.of(organisation).get(full_name="Beryl Ashworth")
    urls = [
        reverse("registers:gifts", kwargs={"org": organisation.slug}),
        reverse("registers:member", kwargs={"org": organisation.slug, "member": beryl.pk}),
        reverse("members:detail", kwargs={"org": organisation.slug, "pk": beryl.pk}),
        reverse("meetings:list", kwargs={"org": organisation.slug}),
        reverse("retention:schedule", kwargs={"org": organisation.slug}),
        reverse("retention:due", kwargs={"org": organisation.slug}),
    ]
    for meeting in Meeting.objects.filter(group__organisation=organisation):
        urls.append(reverse("meetings:detail", kwargs={"org": organisation.slug, "pk": meeting.pk}))
    return urls


def test_the_purge_removes_them_and_every_page_and_the_audit_trail_still_work(demo: None) -> None:
    vela = Organisation.objects.get(slug="vela")
    urls = _pages_that_referred_to_the_gifts(vela)
    gifts_before = Gift.objects.count()
    with clock_at(SEVEN_YEARS_ON):
        client = Client()
        client.force_login(User.objects.get(email="officer.vela@example.org"))
        gone = {
            slug: purge(Organisation.objects.get(slug=slug), today=SEVEN_YEARS_ON)
            for slug in EXPECTED
        }
        assert gone == {
            "herefordshire": {"declarations": 1, "audit_entries": 56},
            "insight": {"declarations": 1, "audit_entries": 76},
            "nexus": {"audit_entries": 50},
            "thirteen": {},
            "vela": {"declarations": 1, "audit_entries": 77},
        }
        assert {slug: _listed(slug) for slug in EXPECTED} == {slug: [] for slug in EXPECTED}
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
    assert Gift.objects.count() == gifts_before - 3
    # Each removal left an entry naming it, by the system, with no values.
    removed = AuditEntry.objects.filter(action="retention.declarations")
    assert removed.count() == 3 and not removed.exclude(fields=[]).exists()
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "Every chain is intact" in out.getvalue()


def test_the_command_lists_the_same_records_on_a_dry_run_and_changes_nothing(demo: None) -> None:
    out = StringIO()
    entries = AuditEntry.objects.count()
    with clock_at(SEVEN_YEARS_ON):
        call_command("retention", "--dry-run", "--organisation", "vela", stdout=out)
    assert out.getvalue().splitlines() == [
        "Vela Group (Housing Hartlepool and Tristar Homes): 2 due to go",
        f"  Declarations of interests, and of gifts or hospitality: {GIFT}. Kept since "
        "26 October 2026, the day an interest ended, or the day a gift was given.",
        "  Audit trail entries: 77 audit entries recorded before 2 November 2027. Kept since "
        "2 November 2026, the day the entry was recorded.",
    ]
    assert AuditEntry.objects.count() == entries
