"""The demo loads a few interests and gifts, routed by each organisation's code."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from panelkeeper.registers.models import Gift, GiftStatus, Interest, Review
from tests.rules.copying import copied_runs


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_declares_interests_and_gifts_once_per_organisation(db: None) -> None:
    call_command("demo", stdout=StringIO())
    interests, gifts = Interest.objects.count(), Gift.objects.count()
    assert interests == 10  # two in each of the five organisations
    assert Review.objects.filter(nil=True).count() == 5
    by_org = {(g.organisation.slug, g.direction, g.status) for g in Gift.objects.all()}
    assert ("vela", "received", GiftStatus.WAITING_FOR_MEETING) in by_org
    assert ("thirteen", "offered", GiftStatus.WAITING_FOR_DECISION) in by_org
    assert not Gift.objects.filter(organisation__slug="nexus").exists()
    call_command("demo", stdout=StringIO())
    assert (Interest.objects.count(), Gift.objects.count()) == (interests, gifts)
    for text in [*Interest.objects.values_list("description", flat=True)]:
        assert copied_runs(text) == []
