"""Plain words in every default letter, the email a letter goes with, and every reminder:
no machine names, no ISO dates, and a Flesch reading ease of 60 or more (textstat),
people's names left out. Letters are rendered for a case like the demo's
(tests/letters/plain_letters.py); emails and reminders as the app sends them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import textstat
from django.core import mail

from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.reminders import send_digests, send_member_reminders
from tests.delivery import deliver
from tests.factory import Factory
from tests.letters.plain_letters import rendered, without_names
from tests.letters.test_reminders import member_with_three_reminders, nexus_exclusion_appealed

EASE = 60
MACHINE_NAME = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def reads_plainly(text: str, names: tuple[str, ...] = ()) -> float:
    """The Flesch reading ease of ``text`` without ``names``, once it is known to hold no
    machine name, ISO date or unfilled placeholder."""
    assert not MACHINE_NAME.search(text), MACHINE_NAME.search(text)
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert "{" not in text and "}" not in text
    for name in names:
        text = text.replace(name, "")
    return float(textstat.flesch_reading_ease(without_names(text)))


@pytest.mark.parametrize("kind", list(LetterKind), ids=[k.value for k in LetterKind])
def test_each_default_letter_is_in_plain_words(kind: LetterKind) -> None:
    subject, text = rendered(kind)
    assert reads_plainly(f"{subject}.\n\n{text}") >= EASE


def test_a_letter_as_issued_and_the_email_it_goes_with_are_in_plain_words(
    factory: Factory,
) -> None:
    letter = factory.letter()
    names = (letter.to_name, *(str(h.user) for h in factory.home.role_holders.all()))
    [email] = deliver()
    assert reads_plainly(f"{letter.subject}.\n\n{letter.text}", names) >= EASE
    assert reads_plainly(f"{email.subject}.\n\n{email.body}", names) >= EASE


def test_each_reminder_to_a_member_is_in_plain_words(factory: Factory) -> None:
    member = member_with_three_reminders(factory)
    send_member_reminders(factory.home, today=dt.date(2026, 11, 23))
    sent = [m for m in deliver() if m.to == ["mina@example.org"]]
    assert len(sent) == 3  # the meeting, the document to sign, the action
    for email in sent:
        assert reads_plainly(f"{email.subject}.\n\n{email.body}", (member.full_name,)) >= EASE


def test_the_daily_digest_of_what_is_due_is_in_plain_words(factory: Factory) -> None:
    nexus_exclusion_appealed(factory)
    case_member_name = factory.subject_record.full_name
    mail.outbox.clear()
    assert send_digests(factory.home, today=dt.date(2026, 11, 24))
    names = (case_member_name, *(str(h.user) for h in factory.home.role_holders.all()))
    for email in deliver():
        assert reads_plainly(f"{email.subject}.\n\n{email.body}", names) >= EASE
