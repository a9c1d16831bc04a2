"""A letter really sent over SMTP, read back from a server on loopback, attachment included.

The server is aiosmtpd, started for this test only on 127.0.0.1; mail goes through the
MAILERS setting's SMTP backend exactly as in production, without TLS.
"""

from __future__ import annotations

import email
import email.policy

from django.test import override_settings

from tests.delivery import deliver
from tests.factory import Factory
from tests.smtp_sink import Inbox, mailers_for


def test_an_outcome_letter_arrives_by_smtp_with_its_pdf_attached_br_11(
    factory: Factory, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    factory.decided_case()
    with override_settings(MAILERS=mailers_for(port)):
        letter = factory.letter()
        deliver()
    [raw] = inbox.received
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "sam@example.org"
    assert letter.subject in message["Subject"]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == letter.file_name
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == bytes(letter.pdf)
