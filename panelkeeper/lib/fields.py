"""Model fields every app declares the same way.

Records keep the people who made them: a user with history is deactivated, never
deleted, so every reference to a user protects it (``PROTECT``). Most are "who did
this", with no reverse accessor (``related_name="+"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

    from panelkeeper.accounts.models import User


def user_key(
    *, related_name: str = "+", help_text: str = ""
) -> models.ForeignKey[User | Combinable, User]:
    """The user who did something; always known."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name=related_name,
        help_text=help_text,
    )


def optional_user_key(
    *, related_name: str = "+", help_text: str = ""
) -> models.ForeignKey[User | Combinable | None, User | None]:
    """A user who may be missing: the system acted, or no one has yet."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        help_text=help_text,
    )
