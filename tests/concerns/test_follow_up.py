"""Following a concern up with its receipt code: the status, the messages, the limits."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.concerns import follow_up
from panelkeeper.concerns.handling import close_concern, reply_to_concern
from panelkeeper.concerns.models import Concern, Message
from tests.factory import Factory

FOLLOW_UP = reverse("concerns:follow_up", kwargs={"org": "home"})
MESSAGE = reverse("concerns:follow_up_message", kwargs={"org": "home"})
FINISH = reverse("concerns:follow_up_finish", kwargs={"org": "home"})
WRONG = "7KQ2-M9XD-4TPB-HC3R"
# What differs per request by design: the CSRF token and the CSP nonce.
PER_REQUEST = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|nonce="[^"]*"')


def try_code(client: Client, code: str) -> Any:
    return client.post(FOLLOW_UP, {"code": code})


def answer(response: Any) -> tuple[int, str]:
    """The status and the page, less what differs per request whatever the code."""
    return response.status_code, PER_REQUEST.sub("", response.text)


def test_a_wrong_code_gets_the_same_answer_whether_or_not_any_concern_exists(
    factory: Factory,
) -> None:
    factory.code_in_force("thirteen")
    before = answer(try_code(Client(), WRONG))
    factory.concern(anonymous=True)
    factory.concern(anonymous=True)
    factory.concern()
    after = answer(try_code(Client(), WRONG))
    assert before == after
    assert before[0] == 200
    assert "Check your receipt code and enter it again" in before[1]


def test_another_organisations_code_gets_the_same_answer_as_a_wrong_one(
    factory: Factory,
) -> None:
    factory.code_in_force("thirteen")
    elsewhere = factory.concern(factory.other, anonymous=True)
    wrong = answer(try_code(Client(), WRONG))
    theirs = answer(try_code(Client(), elsewhere.code))
    assert wrong == (theirs[0], theirs[1].replace(elsewhere.code, WRONG))


def test_the_sixth_attempt_is_refused_even_with_the_right_code(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert try_code(client, WRONG).status_code == 200
    refused = try_code(client, concern.code)
    assert refused.status_code == 429
    assert "You have tried too many times" in refused.text
    assert follow_up.SESSION_KEY not in client.session
    # The count is per client: another one still gets in.
    assert try_code(Client(REMOTE_ADDR="198.51.100.8"), concern.code).status_code == 302


def test_the_right_code_shows_the_status_and_the_code_once_more_then_never(
    factory: Factory,
) -> None:
    concern = factory.concern(anonymous=True)
    client = Client()
    response = try_code(client, concern.code.lower())
    assert response.status_code == 302
    assert response["Location"] == FOLLOW_UP  # the code never goes in a URL
    first = client.get(FOLLOW_UP)
    assert "Received" in first.text
    assert concern.code in first.text
    assert "last time it is shown" in first.text
    assert concern.code not in client.get(FOLLOW_UP).text
    client.post(FINISH)
    again = Client()
    try_code(again, concern.code)
    later = again.get(FOLLOW_UP)
    assert "Received" in later.text
    assert concern.code not in later.text
    concern.refresh_from_db()
    assert concern.code_shown_again


def test_a_named_concern_cannot_be_followed_up_by_code(factory: Factory) -> None:
    factory.concern()
    assert "Check your receipt code" in try_code(Client(), WRONG).text


def test_reporter_and_officer_exchange_dated_messages(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    officer = factory.officer()
    reply_to_concern(concern=concern, officer=officer, body="Which meeting was it?", today=_day())
    client = Client()
    try_code(client, concern.code)
    page = client.get(FOLLOW_UP)
    assert "Which meeting was it?" in page.text
    assert "From the officer" in page.text
    assert officer.get_full_name() not in page.text
    sent = client.post(MESSAGE, {"body": "The one on 12 November."})
    assert sent.status_code == 302
    message = concern.messages.get(sender=Message.Sender.REPORTER)
    assert message.body == "The one on 12 November."
    assert "The one on 12 November." in client.get(FOLLOW_UP).text


def test_an_empty_message_is_refused_and_nothing_saved(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    client = Client()
    try_code(client, concern.code)
    response = client.post(MESSAGE, {"body": "  "})
    assert response.status_code == 200
    assert "Enter your message" in response.text
    assert not concern.messages.exists()


def test_without_a_proved_code_a_message_is_not_accepted(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    response = Client().post(MESSAGE, {"body": "Hello"})
    assert response.status_code == 302 and response["Location"] == FOLLOW_UP
    assert not concern.messages.exists()


def test_the_remembered_code_expires(factory: Factory, monkeypatch: pytest.MonkeyPatch) -> None:
    concern = factory.concern(anonymous=True)
    client = Client()
    try_code(client, concern.code)
    monkeypatch.setattr(follow_up, "MAX_AGE", -1)
    page = client.get(FOLLOW_UP)
    assert 'name="code"' in page.text
    assert "Received" not in page.text


def test_a_closed_concern_shows_the_reason_and_takes_no_more_messages(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    close_concern(
        concern=concern, officer=factory.officer(), reason="Not about a member.", today=_day()
    )
    client = Client()
    try_code(client, concern.code)
    page = client.get(FOLLOW_UP)
    assert "Closed" in page.text and "Not about a member." in page.text
    assert 'name="body"' not in page.text
    refused = client.post(MESSAGE, {"body": "Why?"})
    assert "This concern is closed" in refused.text
    assert not concern.messages.exists()


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (None, "Received"),
        ("reported", "Being looked at"),
        ("investigating", "Being investigated"),
        ("decided", "Decided"),
        ("appealed", "Under appeal"),
        ("withdrawn", "Closed"),
    ],
)
def test_the_reporter_sees_a_plain_status_for_each_state_of_the_case(
    factory: Factory, state: str | None, label: str
) -> None:
    concern = factory.concern(anonymous=True)
    assert follow_up.status_for_reporter(concern, state).label == label


def test_after_triage_the_reporter_sees_the_case_state_not_its_details(factory: Factory) -> None:
    from panelkeeper.concerns.triage import triage_concern

    concern = factory.concern(anonymous=True)
    member = factory.panel_member(full_name="Val Vice")
    triage_concern(
        concern=concern,
        officer=factory.officer(),
        member=member,
        effective=_day(),
        description="Shouted at a tenant.",
        setting="meeting",
        clauses=["code_of_conduct"],
        today=_day(),
    )
    client = Client()
    try_code(client, concern.code)
    page = client.get(FOLLOW_UP)
    assert "Being looked at" in page.text
    assert "Val Vice" not in page.text
    assert Concern.objects.get().status == Concern.Status.CASE_OPENED


def _day() -> Any:
    import datetime as dt

    return dt.date(2026, 11, 23)


def test_a_proved_code_opens_nothing_at_another_organisation(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    factory.code_in_force("thirteen", factory.other)
    client = Client()
    try_code(client, concern.code)
    elsewhere = client.get(reverse("concerns:follow_up", kwargs={"org": factory.other.slug}))
    assert 'name="code"' in elsewhere.text
    assert concern.what_happened not in elsewhere.text and "Received" not in elsewhere.text


def test_messages_from_one_reporter_are_limited_per_window(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from panelkeeper.concerns import limits

    monkeypatch.setitem(limits.ALLOWANCE, limits.Limit.MESSAGE, 2)
    concern = factory.concern(anonymous=True)
    client = Client()
    try_code(client, concern.code)
    assert client.post(MESSAGE, {"body": "One"}).status_code == 302
    assert client.post(MESSAGE, {"body": "Two"}).status_code == 302
    refused = client.post(MESSAGE, {"body": "Three"})
    assert refused.status_code == 429
    assert "You have tried too many times" in refused.text
    assert concern.messages.count() == 2
