"""A letter really sent over SMTP, read back from a server on loopback, attachment included.

The server is aiosmtpd, started for this test only on 127.0.0.1; mail goes through the
MAILERS setting's SMTP backend exactly as in production, without TLS.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from tests.factory import Factory


class Inbox:
    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.original_content or envelope.content)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_an_outcome_letter_arrives_by_smtp_with_its_pdf_attached_br_11(
    factory: Factory, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    factory.decided_case()
    with override_settings(MAILERS=mailers):
        letter = factory.letter()
    [raw] = inbox.received
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "sam@example.org"
    assert letter.subject in message["Subject"]
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == letter.file_name
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == bytes(letter.pdf)
