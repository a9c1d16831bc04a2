"""Names taken out of what the steps of cases say: the one way a case event's words change.

An event is never changed (its triggers refuse it); its words (the reason given, whom a
written notice went to) are in a row of their own, ``CaseEventText``, whose triggers let
a text change only by losing words to the erasure mark. This is the code that does so,
for erasure on request of a member or of someone who is not one, and for a member the
schedule anonymises, with an audit entry for each text it changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Q

from panelkeeper.audit.log import save_recorded
from panelkeeper.cases.models import CaseEventText
from panelkeeper.cases.triggers import ERASED_IN_TEXT
from panelkeeper.retention.redaction import SHORTEST, without

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

FIELDS = ["reason", "to"]


def _may_name(names: Sequence[str]) -> Q:
    """Texts that may hold one of ``names``: each holds its first word, at least."""
    found = Q(pk__in=[])
    for name in names:
        parts = name.split()
        if parts and len(" ".join(parts)) >= SHORTEST:
            found |= Q(reason__icontains=parts[0]) | Q(to__icontains=parts[0])
    return found


def erase_from_steps(
    names: Sequence[str], *, organisation: Organisation, actor: User | None, action: str
) -> int:
    """Put the erasure mark in place of each of ``names`` in the words of every step of
    ``organisation``'s cases; how many texts changed. The caller holds the transaction
    and has checked that the person may be erased."""
    texts = CaseEventText.objects.filter(event__case__organisation=organisation).filter(
        _may_name(names)
    )
    changed = 0
    for text in texts.order_by("pk"):
        reason = without(text.reason, names, ERASED_IN_TEXT)
        to = without(text.to, names, ERASED_IN_TEXT)
        if (reason, to) == (text.reason, text.to):
            continue
        text.reason, text.to = reason, to
        save_recorded(
            obj=text, fields=FIELDS, action=action, actor=actor, organisation=organisation
        )
        changed += 1
    return changed
