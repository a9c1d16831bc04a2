"""No page, picker, list, export, PDF or API list of one organisation shows a person of
another (DESIGN "Confidentiality by design").

Two organisations share the installation. The other one's people have names found
nowhere else; its officer, auditor, members (with sign-ins), an advocate, a role holder
and their records (interests, gifts, a meeting, a breach case) are made first. Then home's
officer opens every page and API operation of the matrix that answers them 200 to a GET,
with the records each row makes for home, and none of those names may appear: not in
the HTML, the JSON, a CSV, nor the HTML a PDF is rendered from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import Grant
from tests.factory import Factory
from tests.permissions.matrix import ROWS, Row

# Names and addresses of the other organisation's people, found nowhere else.
OTHER_PEOPLE = {
    "officer": ("Xanthippe", "Quorndon", "xanthippe.quorndon@example.net"),
    "auditor": ("Zebulon", "Ffoulkes-Wray", "zebulon.ffw@example.net"),
    "member": ("Ottoline", "Varnavides", "ottoline.v@example.net"),
    "chair": ("Peregrine", "Ashcombe-Thistle", "peregrine.at@example.net"),
    "advocate": ("Isolde", "Marchbanks", "isolde.m@example.net"),
    "subject": ("Ludovic", "Penhaligon-Roe", "ludovic.pr@example.net"),
}
FORBIDDEN = [
    text
    for first, last, email in OTHER_PEOPLE.values()
    for text in (f"{first} {last}", last, email)
]


def _other_organisation(factory: Factory) -> None:
    other = factory.other
    factory.code_in_force("vela", other)
    people = {
        key: factory.user(first_name=first, last_name=last, email=email)
        for key, (first, last, email) in OTHER_PEOPLE.items()
    }
    Grant.objects.create(user=people["officer"], organisation=other, role=Grant.Role.OFFICER)
    Grant.objects.create(user=people["auditor"], organisation=other, role=Grant.Role.AUDITOR)
    group = factory.panel(other)
    records = {
        key: factory.panel_member(
            group,
            full_name=people[key].get_full_name(),
            email=people[key].email,
            share_contact_details=True,
            user=people[key],
            role="chair" if key == "chair" else "member",
        )
        for key in ("member", "chair", "subject")
    }
    factory.panel_member(group, full_name="Arabella Outwith-Keyes", advocate=people["advocate"])
    FORBIDDEN.extend(["Arabella Outwith-Keyes", "Outwith-Keyes"])
    factory.interest(records["member"], declared_by=people["officer"])
    factory.gift(records["member"], declared_by=people["officer"])
    factory.meeting(group, dt.date(2026, 12, 10))
    factory.breach_case(records["subject"], reporter_name="Rosamund Quillifer")
    FORBIDDEN.extend(["Rosamund Quillifer", "Quillifer"])


def _home_gets(row: Row) -> bool:
    return row.method == "GET" and row.expect.get("officer") == 200


def _text(response: Any, rendered: list[str]) -> str:
    if response.get("Content-Type", "").startswith("application/pdf"):
        return "\n".join(rendered)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return str(body.decode("utf-8", errors="replace"))


def test_no_page_list_export_pdf_or_api_list_of_home_names_another_organisations_people(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint

    rendered: list[str] = []
    real_html = weasyprint.HTML

    def capturing(*args: Any, **kwargs: Any) -> Any:
        rendered.append(str(kwargs.get("string", "")))
        return real_html(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", capturing)
    _other_organisation(factory)
    officer = factory.officer()
    home_member = factory.panel_member(full_name="Hermione Homeside")
    factory.gift(home_member)
    factory.interest(home_member)
    client = Client()
    client.force_login(officer)
    leaks: list[str] = []
    unread: list[str] = []
    texts: list[str] = []
    made = dict(factory._personas)
    for row in filter(_home_gets, ROWS):
        # Each row makes its own records in a savepoint rolled back afterwards, as the
        # matrix does, so rows never trip over each other's records.
        with transaction.atomic():
            problem, text = _read(row, factory, client, rendered)
            transaction.set_rollback(True)
        factory._personas = dict(made)
        if problem:
            unread.append(problem)
            continue
        texts.append(text)
        found = [name for name in FORBIDDEN if name in text]
        if found:
            leaks.append(f"{row.target} shows {', '.join(found)}")
    assert leaks == []
    assert unread == []
    # The pages were read, and they do name home's own people.
    assert len(texts) > 100
    assert sum("Hermione Homeside" in text for text in texts) > 10


def _read(row: Row, factory: Factory, client: Client, rendered: list[str]) -> tuple[str, str]:
    """(what went wrong, or ""; the text the officer was shown) for one row."""
    kwargs = row.kwargs(factory)
    url = row.target.format(**kwargs) if row.is_api else reverse(row.target, kwargs=kwargs)
    rendered.clear()
    response = client.get(url, row.data(factory) if row.data else None)
    if response.status_code != 200:
        return f"{url}: {response.status_code}", ""
    return "", _text(response, rendered)
