"""Each demo organisation's code has one approval date: the home page, the API and the
rulebook (page and API) give the same one, and a code whose file states its approval
date (nexus) was recorded as approved on that date (GOV-1)."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.presets import PRESETS, load_preset


def approved_on_home_page(page: str) -> str:
    found = re.search(r"Approved</dt>\s*<dd class=\"govuk-summary-list__value\">([^<]+)</dd>", page)
    assert found, "the home page gives the approval date"
    return found.group(1).strip()


def approved_in_rulebook(text: str) -> list[str]:
    return re.findall(r"This version was approved on ([^.<]+)\.", text)


@override_settings(DEMO=True, DEBUG=True)
def test_every_demo_code_gives_one_approval_date_on_the_home_page_api_and_rulebook_gov_1(
    db: None,
) -> None:
    call_command("demo", stdout=StringIO())
    for slug in PRESETS:
        organisation = Organisation.objects.get(slug=slug)
        client = Client()
        client.force_login(User.objects.get(email=f"officer.{slug}@example.org"))
        home = client.get(reverse("today:today", kwargs={"org": slug})).content.decode()
        shown = approved_on_home_page(home)
        page = client.get(reverse("organisations:rulebook", kwargs={"org": slug}))
        api = client.get(f"/api/v1/organisations/{organisation.slug}/rulebook").json()
        api_sentences = [rule["text"] for s in api["sections"] for rule in s["rules"]]
        approved = dt.date.fromisoformat(api["version"]["approved_on"])
        assert shown == day_month_year(approved), slug
        assert approved_in_rulebook(page.content.decode()) == [shown], slug
        assert approved_in_rulebook(" ".join(api_sentences)) == [shown], slug
        governance = load_preset(slug).governance
        if governance is not None and governance.approved_on is not None:
            assert approved == governance.approved_on, slug
    nexus = Organisation.objects.get(slug="nexus").policy_versions.get()
    assert nexus.approved_on == dt.date(2011, 8, 3)
