"""Second-factor secrets, sealed before they reach the database.

allauth keeps an authenticator app's shared secret and the seed of the recovery codes in
``Authenticator.data``; anyone holding a copy of the database (a backup, a restore test)
could otherwise mint sign-in codes. They are sealed with Fernet (AES and an HMAC) under a
key derived from ``SECRET_KEY``, so the database alone never gives them up.

Rotating ``SECRET_KEY``: put the old key first in ``SECRET_KEY_FALLBACKS``, deploy, run
``panelkeeper second_factors reseal`` to seal every secret under the new key, then drop the
fallback.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Iterable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

# What the derived key is for, so it never equals a key derived from SECRET_KEY elsewhere.
_PURPOSE = b"panelkeeper: second-factor secrets"


class Unreadable(Exception):
    """A sealed secret that none of the current keys opens."""


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


@functools.cache
def _keys(current: str, fallbacks: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([_fernet(current), *(_fernet(old) for old in fallbacks)])


def _keyring() -> MultiFernet:
    return _keys(settings.SECRET_KEY, tuple(getattr(settings, "SECRET_KEY_FALLBACKS", ())))


def seal(text: str) -> str:
    """``text`` sealed under the current key."""
    return _keyring().encrypt(text.encode()).decode("ascii")


def unseal(sealed: str) -> str:
    """What :func:`seal` sealed, under the current key or a fallback."""
    try:
        return _keyring().decrypt(sealed.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError):
        raise Unreadable(
            "A second-factor secret cannot be opened with SECRET_KEY or SECRET_KEY_FALLBACKS."
        ) from None


def reseal(sealed: str) -> str:
    """``sealed`` sealed again under the current key (for rotating ``SECRET_KEY``)."""
    try:
        return _keyring().rotate(sealed.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise Unreadable(
            "A second-factor secret cannot be opened with SECRET_KEY or SECRET_KEY_FALLBACKS."
        ) from None


# Where allauth keeps a secret in an authenticator's data: a key holding one secret, or
# (recovery codes carried over from an older scheme) a key holding a list of them.
SEALED_KEYS = ("secret", "seed")
SEALED_LISTS = ("migrated_codes",)


def transform(data: dict[str, Any], change: Any) -> dict[str, Any]:
    """``data`` with every secret it holds passed through ``change``."""
    changed = dict(data)
    for key in SEALED_KEYS:
        if isinstance(changed.get(key), str):
            changed[key] = change(changed[key])
    for key in SEALED_LISTS:
        if isinstance(changed.get(key), list):
            changed[key] = [change(value) for value in changed[key]]
    return changed


def reseal_all(authenticators: Iterable[Any]) -> int:
    """Seal every secret of ``authenticators`` under the current key; how many changed."""
    count = 0
    for authenticator in authenticators:
        resealed = transform(authenticator.data, reseal)
        if resealed != authenticator.data:
            authenticator.data = resealed
            authenticator.save(update_fields=["data"])
            count += 1
    return count
