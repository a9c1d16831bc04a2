"""The start page, the organisation's home page (the staff's Today page) and the rulebook of
the code in force."""

from __future__ import annotations

import datetime as dt
from html import escape

from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import Grant, User
from panelkeeper.rules.explain.rulebook import rulebook
from panelkeeper.rules.policy.presets import load_preset
from tests.factory import Factory

HOME = reverse("organisations:home", kwargs={"org": "home"})
TODAY = reverse("today:today", kwargs={"org": "home"})
RULEBOOK = reverse("organisations:rulebook", kwargs={"org": "home"})


def test_the_start_page_sends_staff_of_one_organisation_to_its_today_page(
    officer_client: Client,
) -> None:
    response = officer_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == TODAY


def test_the_organisations_home_is_the_today_page(auditor_client: Client) -> None:
    response = auditor_client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == TODAY


def test_the_start_page_lists_the_organisations_of_staff_of_several(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.AUDITOR)
    response = officer_client.get("/", follow=True)
    assert response.redirect_chain == [(reverse("organisations:list"), 302)]
    assert response.context["organisations"].count() == 2
    assert b"Other Homes" in response.content and b"Home Housing" in response.content


def test_the_start_page_sends_anonymous_visitors_to_sign_in(client: Client, db: None) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_home_shows_the_code_in_force_with_its_version_and_dates_gov_1(
    factory: Factory, auditor_client: Client
) -> None:
    factory.group(name="Customer Scrutiny Panel")
    factory.published_version(version="2026-1", in_force_from=dt.date(2026, 2, 2))
    response = auditor_client.get(TODAY)
    assert response.status_code == 200
    assert response.context["code"].version.version == "2026-1"
    content = response.content.decode()
    for text in ("Home Housing", "Customer Scrutiny Panel", "2026-1", "2 February 2026"):
        assert text in content
    assert "The code sets no review date" in content
    assert "Overdue" not in content


def test_home_flags_a_review_date_that_has_passed_gov_1(
    factory: Factory, officer_client: Client
) -> None:
    factory.published_version(preset="nexus")
    response = officer_client.get(TODAY)
    assert response.context["code"].review_overdue is True
    assert "due for review on 1 September 2014" in response.content.decode()


def test_home_without_a_code_in_force_says_so(officer_client: Client) -> None:
    response = officer_client.get(TODAY)
    assert response.context["code"].version is None
    assert "No version of the code of conduct is in force yet" in response.content.decode()


def test_the_rulebook_shows_every_rule_id_of_the_vela_preset(
    factory: Factory, auditor_client: Client
) -> None:
    factory.published_version(preset="vela")
    content = auditor_client.get(RULEBOOK).content.decode()
    book = rulebook(load_preset("vela"))
    ids = {rule_id for section in book.sections for rule in section.rules for rule_id in rule.ids}
    assert {"MEM-2", "BR-5", "BR-12", "GOV-3"} <= ids
    missing = sorted(rule_id for rule_id in ids if rule_id not in content)
    assert missing == []
    for section in book.sections:
        assert escape(section.title) in content
        for rule in section.rules:
            assert escape(rule.text) in content
    for interpretation in book.interpretations:
        assert f"Interpretation {interpretation.number}:" in content
    assert "Group Director of Operations" in content


def test_the_rulebook_before_any_code_is_in_force_says_so(officer_client: Client) -> None:
    response = officer_client.get(RULEBOOK)
    assert response.status_code == 200
    assert "No version of the code of conduct is in force yet" in response.content.decode()


def test_another_organisations_home_answers_404(
    factory: Factory, outsider_client: Client, officer_client: Client
) -> None:
    factory.published_version()
    assert outsider_client.get(HOME).status_code == 404
    assert outsider_client.get(RULEBOOK).status_code == 404
    missing = reverse("organisations:home", kwargs={"org": "no-such-organisation"})
    assert officer_client.get(missing).status_code == 404


def test_pages_that_only_read_refuse_other_methods(officer_client: Client) -> None:
    assert officer_client.post(HOME).status_code == 405
    assert officer_client.post(RULEBOOK).status_code == 405
