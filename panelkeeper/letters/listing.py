"""The letters list, as the officers' page and the API both filter it."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from panelkeeper.letters.forms import Sent
from panelkeeper.letters.models import Dispatch, Letter, Recipient
from panelkeeper.lib.filters import within_days
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation

PAGE_SIZE = 50
"""Letters on a page of the officers' list, and of the API's."""

MY_PAGE_SIZE = 25
"""Letters on a page of a member's own list, in the portal and the API."""


def letters_chosen(organisation: Organisation | int, chosen: dict[str, Any]) -> QuerySet[Letter]:
    """The organisation's letters the filters of a ``LetterFilterForm`` chose, newest first.

    A letter is sent once it has gone to the person it is addressed to (a copy to an
    advocate alone does not count)."""
    letters = Letter.objects.filter(organisation=organisation)
    if chosen.get("member") is not None:
        letters = letters.filter(member=chosen["member"])
    if chosen.get("kind"):
        letters = letters.filter(kind=chosen["kind"])
    if chosen.get("sent"):
        gone = Exists(
            Dispatch.objects.filter(letter=OuterRef("pk")).exclude(recipient=Recipient.ADVOCATE)
        )
        letters = letters.filter(gone) if chosen["sent"] == Sent.SENT else letters.exclude(gone)
    return within_days(letters, "issued_on", chosen).order_by("-issued_at", "-id")


def mine(member: Member) -> QuerySet[Letter]:
    """The letters addressed to ``member``, newest first, without their contents."""
    letters = Letter.objects.filter(member=member).to_member()
    return letters.defer("pdf", "html", "text").order_by("-issued_at", "-id")
