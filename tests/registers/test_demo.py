"""The demo loads a few interests and gifts, routed by each organisation's code."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from panelkeeper.meetings.agenda import meeting_for_gift
from panelkeeper.registers.models import Gift, GiftStatus, Interest, Review
from tests.rules.copying import copied_runs


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_declares_interests_and_gifts_once_per_organisation(db: None) -> None:
    call_command("demo", stdout=StringIO())
    interests, gifts = Interest.objects.count(), Gift.objects.count()
    assert interests == 10  # two in each of the five organisations
    assert Review.objects.filter(nil=True).count() == 5
    by_org = {(g.organisation.slug, g.direction, g.status) for g in Gift.objects.all()}
    vela = Gift.objects.get(organisation__slug="vela", direction="received")
    meeting = meeting_for_gift(vela, today=timezone.localdate())
    if meeting is None:
        assert vela.status == GiftStatus.WAITING_FOR_MEETING
    else:  # declared while its meeting was scheduled: on that agenda at once (GIFT-2)
        assert (vela.status, vela.agenda_on) == (GiftStatus.ON_AGENDA, meeting.date)
    assert ("thirteen", "offered", GiftStatus.WAITING_FOR_DECISION) in by_org
    assert not Gift.objects.filter(organisation__slug="nexus").exists()
    call_command("demo", stdout=StringIO())
    assert (Interest.objects.count(), Gift.objects.count()) == (interests, gifts)
    for text in [*Interest.objects.values_list("description", flat=True)]:
        assert copied_runs(text) == []
