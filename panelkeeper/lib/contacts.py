"""Reading a contact someone gave in their own words: an email address or a postal address.

People raising a concern, or named on a case, give one box of contact details. A letter
can go to an email address, or by post to an address that ends in (or contains) a UK
postcode; a phone number alone cannot take a letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

#: A UK postcode: outward code (area, district) and inward code, with or without a space.
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Contact:
    channel: Literal["email", "post"]
    address: str


def letter_contact(text: str) -> Contact | None:
    """Where a letter can go from ``text``: an email address, a postal address, or nowhere."""
    text = text.strip()
    if not text:
        return None
    if "@" in text and len(text.split()) == 1:
        try:
            validate_email(text)
        except ValidationError:
            return None
        return Contact("email", text)
    if POSTCODE.search(text):
        lines = [" ".join(part.split()) for part in re.split(r"[\n,]", text)]
        return Contact("post", "\n".join(line for line in lines if line))
    return None
