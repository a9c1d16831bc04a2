"""The menu in the header: one for each role, the current section marked, each link's
text naming the page it opens."""

from __future__ import annotations

import re
from html import unescape

from django.test import Client
from django.urls import reverse

from tests.factory import Factory


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _menu(content: str) -> list[tuple[str, str, str | None]]:
    """(text, href, aria-current) of each link of the header's menu."""
    nav = re.search(
        r'<nav aria-label="[^"]*" class="govuk-service-navigation__wrapper">(.*?)</nav>',
        content,
        re.S,
    )
    assert nav is not None, "the page has a menu"
    links = re.findall(
        r'<a class="govuk-service-navigation__link" href="([^"]+)"'
        r'(?: aria-current="(\w+)")?>(.*?)</a>',
        nav.group(1),
        re.S,
    )
    return [
        (unescape(re.sub(r"<[^>]+>", "", text)).strip(), href, current or None)
        for href, current, text in links
    ]


def _heading(content: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S)
    assert found is not None
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_an_officer_moves_between_every_section_and_each_link_names_its_page(
    factory: Factory, officer_client: Client
) -> None:
    today = officer_client.get(reverse("today:today", kwargs={"org": "home"})).content.decode()
    menu = _menu(today)
    assert [text for text, _, _ in menu] == [
        "Today",
        "Members",
        "Breach cases",
        "Concerns",
        "Meetings",
        "Register of interests",
        "Letters",
        "Data protection",
        "Versions of the code",
        "Settings",
    ]
    assert [current for _, _, current in menu] == ["page"] + [None] * 9
    for text, href, _ in menu:
        page = officer_client.get(href)
        assert page.status_code == 200, href
        content = page.content.decode()
        assert _heading(content) == text
        assert [(t, c) for t, _, c in _menu(content) if c] == [(text, "page")]


def test_the_section_stays_marked_on_the_pages_inside_it(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    content = officer_client.get(
        reverse("members:detail", kwargs={"org": "home", "pk": member.pk})
    ).content.decode()
    assert [(t, c) for t, _, c in _menu(content) if c] == [("Members", "true")]
    rulebook = officer_client.get(reverse("organisations:rulebook", kwargs={"org": "home"}))
    assert [(t, c) for t, _, c in _menu(rulebook.content.decode()) if c] == [
        ("Versions of the code", "true")
    ]


def test_an_auditor_has_no_concerns_and_staff_have_a_search_box(auditor_client: Client) -> None:
    content = auditor_client.get(reverse("today:today", kwargs={"org": "home"})).content.decode()
    assert "Concerns" not in [text for text, _, _ in _menu(content)]
    assert f'action="{reverse("today:search", kwargs={"org": "home"})}"' in content
    assert 'role="search"' in content


def test_a_member_sees_their_own_pages_without_a_search_box(factory: Factory) -> None:
    record = factory.member_record
    client = _client(factory.member())
    content = client.get(
        reverse("members:my_record", kwargs={"member": record.pk})
    ).content.decode()
    menu = _menu(content)
    assert [text for text, _, _ in menu] == [
        "Home",
        "Meetings",
        "Interests and gifts",
        "Letters",
        "Expenses and rewards",
        "Record",
        "Your information",
    ]
    assert [(t, c) for t, _, c in menu if c] == [("Record", "page")]
    assert 'role="search"' not in content
    # Every link but Home opens a page whose heading names it (Home is the member's home).
    for text, href, _ in menu[1:]:
        page = client.get(href)
        assert page.status_code == 200, href
        assert text.lower() in _heading(page.content.decode()).lower()


def test_a_chair_also_reaches_the_cases_they_have_a_part_in(factory: Factory) -> None:
    client = _client(factory.chair())
    content = client.get(reverse("cases:mine")).content.decode()
    menu = _menu(content)
    assert menu[-1] == ("Cases", reverse("cases:mine"), "page")


def test_a_member_with_a_case_reaches_it(factory: Factory) -> None:
    client = _client(factory.subject())
    content = client.get(reverse("members:portal"), follow=True).content.decode()
    assert "Cases" in [text for text, _, _ in _menu(content)]


def test_an_advocate_sees_the_menu_of_the_member_they_act_for(factory: Factory) -> None:
    record = factory.advocated_record
    client = _client(factory.advocate())
    content = client.get(
        reverse("members:my_record", kwargs={"member": record.pk})
    ).content.decode()
    assert '<nav aria-label="Menu for Arthur Advocated"' in content
    hrefs = [href for _, href, _ in _menu(content)]
    assert reverse("letters:mine", kwargs={"member": record.pk}) in hrefs


def test_the_installation_administrator_sees_the_installation(factory: Factory) -> None:
    client = _client(factory.admin())
    content = client.get(reverse("organisations:installation")).content.decode()
    assert [(t, c) for t, _, c in _menu(content)] == [("Organisations", "page")]


def test_nobody_signed_out_sees_a_menu(client: Client, db: None) -> None:
    content = client.get(reverse("accounts:sign-in")).content.decode()
    assert "govuk-service-navigation__wrapper" not in content


def test_an_account_page_shows_the_menu_of_the_persons_organisation(
    officer_client: Client,
) -> None:
    content = officer_client.get(reverse("accounts:sessions")).content.decode()
    assert _menu(content)[0][0] == "Today"
    assert [c for _, _, c in _menu(content) if c] == []
