"""Receipt codes for anonymous reporters: made once, stored only as a keyed hash.

A code is 80 random bits written as 16 characters of Crockford's base32 (digits and
capitals without I, L, O and U, so nothing reads as something else), grouped in fours:
``7KQ2-M9XD-4TPB-HC3R``. Typing is forgiving: case, spaces and hyphens do not matter,
and O, I and L are read as 0, 1 and 1.

The database keeps ``digest(code)``: an HMAC-SHA256 under a key derived from
SECRET_KEY. A plain hash of an 80-bit code could not be reversed either, but a keyed
one also cannot be checked against guesses by anyone holding a copy of the database
without the key.
"""

from __future__ import annotations

import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BITS = 80
LENGTH = BITS // 5  # 16 characters, 5 bits each
GROUP = 4
_SALT = "panelkeeper.concerns.receipt"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh code, grouped for reading: 80 bits from the operating system's CSPRNG."""
    number = secrets.randbits(BITS)
    chars = []
    for _ in range(LENGTH):
        number, index = divmod(number, 32)
        chars.append(ALPHABET[index])
    return group("".join(chars))


def group(code: str) -> str:
    """``7KQ2M9XD4TPBHC3R`` → ``7KQ2-M9XD-4TPB-HC3R``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(typed: str) -> str | None:
    """The code as typed, in canonical form (16 characters, no hyphens), or None.

    None when it cannot be a code at all (wrong length or a character outside the
    alphabet). Callers treat None exactly like a code that matches nothing.
    """
    cleaned = "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)
    if len(cleaned) != LENGTH or any(c not in ALPHABET for c in cleaned):
        return None
    return cleaned


def digest(code: str) -> str:
    """The keyed hash stored for ``code`` (any typed form of it gives the same digest)."""
    canonical = normalise(code)
    if canonical is None:
        raise ValueError("Not a receipt code.")
    return salted_hmac(_SALT, canonical, algorithm="sha256").hexdigest()


def matches(code: str, stored: str) -> bool:
    canonical = normalise(code)
    return canonical is not None and constant_time_compare(digest(canonical), stored)
