"""Reading the contact details someone gave: which can take a letter, and how."""

from __future__ import annotations

import pytest

from panelkeeper.lib.contacts import Contact, letter_contact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  sam@example.org ", Contact("email", "sam@example.org")),
        ("12 Mill Lane, Leeds LS1 4AP", Contact("post", "12 Mill Lane\nLeeds LS1 4AP")),
        (
            "Flat 2\n 9 High St\n\nHereford hr11aa",
            Contact("post", "Flat 2\n9 High St\nHereford hr11aa"),
        ),
        ("07700 900123", None),
        ("sam at example dot org", None),
        ("not@an email", None),
        ("bad@@example.org", None),
        ("", None),
    ],
)
def test_an_email_or_an_address_with_a_postcode_can_take_a_letter(
    text: str, expected: Contact | None
) -> None:
    assert letter_contact(text) == expected
