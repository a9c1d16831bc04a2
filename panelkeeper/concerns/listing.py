"""The concerns list, as the officers' page and the API both filter it."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from panelkeeper.concerns.models import Concern, ConcernQuerySet
from panelkeeper.lib.filters import within_days
from panelkeeper.organisations.models import Organisation

PAGE_SIZE = 50
"""Concerns on a page of the officers' list, and of the API's."""


def concerns_chosen(organisation: Organisation | int, chosen: dict[str, Any]) -> ConcernQuerySet:
    """The organisation's concerns the filters of a ``ConcernFilterForm`` chose, newest
    first, each with its count of messages (and of those from the reporter) in the same
    query."""
    concerns = Concern.objects.filter(organisation=organisation)
    if chosen.get("status"):
        concerns = concerns.filter(status=chosen["status"])
    return (
        within_days(concerns, "received_at", chosen)
        .annotate(
            message_count=Count("messages"),
            from_reporter=Count("messages", filter=Q(messages__sender="reporter")),
        )
        .newest_first()
    )
