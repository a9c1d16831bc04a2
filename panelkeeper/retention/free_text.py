"""A person's name taken out of what others wrote about them, and out of the emails sent
to them: the one way erasure, and the schedule's anonymising of a member long gone, reach
free text.

Free text that may name someone: what the steps of cases say (a reason, whom a written
notice went to), a case's description, what a concern says happened and about whom, the
notes of each contact about a concern, and the emails the outbox sent. An event is never
changed (its triggers refuse it); its words are in a row of their own, ``CaseEventText``,
whose triggers let a text change only by losing words to the erasure mark. Each text
changed has an audit entry, except an email's, which is not a record of the organisation's
own but the copy of what was sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from panelkeeper.audit.log import save_recorded
from panelkeeper.cases.models import Case, CaseEventText
from panelkeeper.cases.triggers import ERASED_IN_TEXT
from panelkeeper.concerns.models import Concern, Message
from panelkeeper.outbox.models import Attachment, Status
from panelkeeper.outbox.models import Message as Email
from panelkeeper.retention.redaction import SHORTEST, without

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

# An address that can never be delivered to (RFC 2606), for an email sent to them.
ERASED_ADDRESS = "erased@erased.invalid"
# An email in these states is still to be sent: erasing its address would lose it.
WAITING = [Status.WAITING, Status.SENDING]


@dataclass(frozen=True)
class Written:
    """Free text of one model: its rows in an organisation (``within``, a lookup to the
    organisation) and the fields that may name someone; ``audited`` if each change is an
    audit entry."""

    model: type[models.Model]
    within: str
    fields: tuple[str, ...]
    audited: bool = True


WRITTEN = (
    Written(CaseEventText, "event__case__organisation", ("reason", "to")),
    Written(Case, "organisation", ("description",)),
    Written(Concern, "organisation", ("what_happened", "about_whom")),
    Written(Message, "concern__organisation", ("body",)),
    Written(Email, "organisation", ("body",), audited=False),
)


def _may_name(names: Sequence[str], fields: Iterable[str]) -> Q:
    """Rows whose ``fields`` may hold one of ``names``: each holds its first word, at least."""
    found = Q(pk__in=[])
    for name in names:
        parts = name.split()
        if parts and len(" ".join(parts)) >= SHORTEST:
            for field in fields:
                found |= Q(**{f"{field}__icontains": parts[0]})
    return found


def erase_from_text(
    names: Sequence[str], *, organisation: Organisation, actor: User | None, action: str
) -> int:
    """Put the erasure mark in place of each of ``names`` wherever ``organisation``'s free
    text gives it; how many rows changed. The caller holds the transaction and has checked
    that the person may be erased."""
    changed = 0
    for written in WRITTEN:
        rows = written.model._default_manager.filter(**{written.within: organisation})
        for row in rows.filter(_may_name(names, written.fields)).order_by("pk"):
            before = [getattr(row, field) for field in written.fields]
            after = [without(text, names, ERASED_IN_TEXT) for text in before]
            if after == before:
                continue
            for field, text in zip(written.fields, after, strict=True):
                setattr(row, field, text)
            if written.audited:
                save_recorded(
                    obj=row,
                    fields=list(written.fields),
                    action=action,
                    actor=actor,
                    organisation=organisation,
                )
            else:
                row.save(update_fields=list(written.fields))
            changed += 1
    return changed


def emails_to(organisation: Organisation, addresses: Iterable[str]) -> models.QuerySet[Email]:
    """The emails of ``organisation``'s outbox addressed to any of ``addresses``."""
    to_them = Q(pk__in=[])
    for address in {address.strip().lower() for address in addresses if "@" in address}:
        to_them |= Q(to_address__iexact=address)
    return Email.objects.filter(organisation=organisation).filter(to_them)


def erase_from_emails(organisation: Organisation, addresses: Iterable[str]) -> None:
    """The emails sent to ``addresses`` lose the address, the name and what was attached
    (letters' PDFs); what they said loses the name with :func:`erase_from_text`."""
    sent = emails_to(organisation, addresses)
    Attachment.objects.filter(message__in=sent).delete()
    sent.update(to_name="", to_address=ERASED_ADDRESS)
