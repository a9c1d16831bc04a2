"""Model fields every app declares the same way.

Records keep the people who made them and the records they name: a user with history
is deactivated, never deleted, and a record is not deleted while another names it, so
every such reference protects what it points at (``PROTECT``). Most have no reverse
accessor (``related_name="+"``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


#: What makes a reference optional: it may be empty, on forms too; what it names is kept.
_OPTIONAL: dict[str, Any] = {"on_delete": models.PROTECT, "null": True, "blank": True}


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
        settings.AUTH_USER_MODEL, related_name=related_name, help_text=help_text, **_OPTIONAL
    )


def optional_key[M: models.Model](
    to: type[M], *, related_name: str = "+", help_text: str = ""
) -> models.ForeignKey[M | Combinable | None, M | None]:
    """A link to another record that may be empty; the record it names is kept (``PROTECT``)."""
    return models.ForeignKey(to, related_name=related_name, help_text=help_text, **_OPTIONAL)


def optional_one_to_one[M: models.Model](
    to: type[M], *, related_name: str = "+", help_text: str = ""
) -> models.OneToOneField[M | Combinable | None, M | None]:
    """As :func:`optional_key`, for a record that at most one row may name."""
    return models.OneToOneField(to, related_name=related_name, help_text=help_text, **_OPTIONAL)


def organisation_or_installation(
    *, on_delete: Callable[..., None], related_name: str = "+"
) -> models.ForeignKey[Organisation | Combinable | None, Organisation | None]:
    """The organisation a row belongs to, or none for the installation's own (its audit
    chain, its own emails, an invitation to administer it). ``on_delete`` says whether the
    row goes with its organisation or keeps it from being deleted."""
    return models.ForeignKey(
        "organisations.Organisation",
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
    )


class Recorded(models.Model):
    """A record someone entered: when (``recorded_at``) and who (``recorded_by``). When it
    took effect, where that matters, is a field of its own: records are often entered late."""

    recorded_at = models.DateTimeField()
    recorded_by = user_key()

    class Meta:
        abstract = True


class RecordedOrAutomatic(models.Model):
    """As :class:`Recorded`, for a record the system also writes on its own (a daily task, a
    step that follows from another): ``recorded_by`` is then empty."""

    recorded_at = models.DateTimeField()
    recorded_by = optional_user_key()

    class Meta:
        abstract = True
