"""Emails the mail server did not deliver, for the organisation's officers.

The outbox keeps every email; this module is what officers may do with an
organisation's: read the ones the server refused (or that may have arrived twice, see
:mod:`panelkeeper.outbox`), and send a refused one again to a corrected address. The
pages and the API both call :func:`resend_message`, so they accept and refuse the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet

from panelkeeper.audit.log import record
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.resending import send_again

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

BAD_ADDRESS = "Enter an email address in the correct format, like name@example.com"
MAX_ADDRESS = Message._meta.get_field("to_address").max_length or 254


def undelivered(organisation: Organisation) -> QuerySet[Message]:
    """The organisation's messages an officer should see, most recent first: those the
    server refused, and those possibly sent twice."""
    return (
        Message.objects.filter(organisation=organisation)
        .for_officers()
        .defer("body")
        .order_by("-failed_at", "-posted_at", "-pk")
    )


def resend_message(*, message: Message, to: str, actor: User) -> Message:
    """Send the refused ``message`` again, to ``to``: the address as it was, or corrected.

    Refuses a message that was not refused (it is waiting, being sent or was sent) and an
    address that is not one. The new address and the fresh send are audited.
    """
    to = entered(
        to,
        field="to",
        most=MAX_ADDRESS,
        missing="Enter the email address to send it to",
        too_long=f"Enter an email address of {MAX_ADDRESS} characters or fewer",
    )
    try:
        validate_email(to)
    except ValidationError:
        raise Refused(BAD_ADDRESS, field="to") from None
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.status != Status.FAILED:
            raise Refused(
                "Only an email the mail server refused can be sent again. "
                f"This one is {locked.get_status_display().lower()}."
            )
        send_again(locked, to=to)
        record(
            actor=actor,
            organisation=locked.organisation,
            action="outbox_message.sent_again",
            obj=locked,
            fields=["to_address", "status"],
        )
    return locked
