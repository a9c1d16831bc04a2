"""No page shows a machine name (snake_case) or an ISO date (DESIGN: plain words).

Every page of the permission matrix is read as each persona it answers, with the
records its row makes; then the demo organisations are read as their officers, from
their home pages outwards, so the words of every state the demo reaches (decided
cases, outcomes, letters, registers) are read too. What is not counted is said in
``tests/plain_words.py``.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve, reverse

from panelkeeper.accounts.models import User
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from tests.concerns.conftest import report_data
from tests.factory import Factory
from tests.permissions.matrix import PERSONAS, ROWS, Row
from tests.plain_words import machine_words

# The API's own documentation is for programmers, in the API's own names.
NOT_READ = {"api:openapi-view", "api:openapi-json", "pages:api-guide"}
# Signing out, and files to download rather than pages to read.
SKIPPED = ("/accounts/logout", "/static/", "/api/")
FILES = re.compile(r"pdf|download|paper$|feed|receipt$")
PAGES = [
    row for row in ROWS if row.method == "GET" and not row.is_api and row.target not in NOT_READ
]


def test_machine_words_are_found_in_main_and_only_there() -> None:
    page = (
        "<title>final_written_warning</title><main><h1>Outcome: asked_to_leave</h1>"
        "<p>Determined on 2026-12-06.</p><input name='happened_on' value='2026-12-06'>"
        "<textarea>extra_training</textarea><code>full_name</code>"
        "<a href='/organisations/vela/cases/'>Cases</a> officer.vela@example.org</main>"
    )
    assert machine_words(page) == ["asked_to_leave", "2026-12-06"]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.target) for row in PAGES])
def test_every_page_speaks_in_plain_words_to_every_persona_it_answers(
    row: Row, factory: Factory
) -> None:
    for persona in PERSONAS:
        if persona != "anonymous":
            getattr(factory, persona)()
    url = reverse(row.target, kwargs=row.kwargs(factory))
    data = row.data(factory) if row.data else None
    found = {}
    for persona in PERSONAS:
        if row.expect[persona] != 200:
            continue
        with transaction.atomic():
            client = Client()
            if persona != "anonymous":
                client.force_login(getattr(factory, persona)())
            response = client.get(url, data)
            transaction.set_rollback(True)
        assert response.status_code == 200, persona
        if not response["Content-Type"].startswith("text/html"):
            continue  # a PDF or a calendar file: letters and papers are read elsewhere
        if words := machine_words(response.content.decode()):
            found[persona] = words
    assert found == {}, f"{row.target} shows machine words"


def _links(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="(/[^"#?]*)(?:\?[^"]*)?"', html)


def _read_outwards(client: Client, start: str, per_name: int = 3) -> dict[str, list[str]]:
    """Machine words on every page reached by following links from ``start`` (at most
    ``per_name`` pages for each kind of page), by address."""
    seen: set[str] = set()
    opened: dict[str, int] = {}
    waiting = [start]
    found: dict[str, list[str]] = {}
    while waiting:
        url = waiting.pop(0)
        if url in seen or url.startswith(SKIPPED):
            continue
        seen.add(url)
        try:
            name = resolve(url).view_name
        except Resolver404:
            continue
        kind = re.sub(r"\d+", "N", url)
        if name in NOT_READ or FILES.search(name) or opened.get(kind, 0) >= per_name:
            continue
        opened[kind] = opened.get(kind, 0) + 1
        response = client.get(url)
        if response.status_code == 302:
            waiting.append(response["Location"])
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        page = response.content.decode()
        if words := machine_words(page):
            found[url] = words
        waiting += _links(page)
    return found


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_organisations_speak_in_plain_words_to_officers_and_members(db: None) -> None:
    call_command("demo", stdout=StringIO())
    found = {}
    for n, organisation in enumerate(Organisation.objects.all()):
        # A concern for each, so that the officers' concern pages have one to show.
        concern = report_data(anonymous="no", reporter_name="Pat", reporter_contact="p@example.org")
        Client(REMOTE_ADDR=f"198.51.100.{n + 1}").post(f"/concerns/{organisation.slug}/", concern)
        people = [User.objects.get(email=f"officer.{organisation.slug}@example.org")]
        people += [
            m.user
            for m in Member.objects.filter(group__organisation=organisation, user__isnull=False)
        ]
        for person in people:
            client = Client()
            client.force_login(person)
            found.update(_read_outwards(client, "/"))
    assert found == {}, "\n".join(f"{url}: {words}" for url, words in found.items())
