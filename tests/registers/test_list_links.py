"""The gifts register's rows link to the member's register and to the decision."""

from django.test import Client
from django.urls import reverse

from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory


def test_each_gift_links_to_its_members_register_and_to_its_decision(
    officer_client: Client, vela: PolicyVersion, member: Member, factory: Factory
) -> None:
    gifts = [factory.gift(member), factory.gift(member)]
    org = member.group.organisation.slug
    page = officer_client.get(reverse("registers:gifts", kwargs={"org": org})).text
    register = reverse("registers:member", kwargs={"org": org, "member": member.pk})
    assert page.count(f'href="{register}"') == len(gifts)
    for gift in gifts:
        decide = reverse("registers:decide_gift", kwargs={"org": org, "pk": gift.pk})
        assert f'href="{decide}"' in page
    on_member_page = officer_client.get(register).text
    for gift in gifts:
        decide = reverse("registers:decide_gift", kwargs={"org": org, "pk": gift.pk})
        assert f'href="{decide}"' in on_member_page
