"""What a breach may cite (BR-0): the documents the code names, and their clauses.

A value is a document key (the document as a whole, or acting against its spirit),
``key:clause`` for a clause the organisation's current text marks citable, or the id of
one of the code's standards of conduct as the rulebook shows it (``nexus.3.5.d``).
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.cases.procedure import policy_of
from panelkeeper.members.models import DocumentVersion
from panelkeeper.organisations.models import Organisation, PolicyVersion


def citable_clauses(
    organisation: Organisation, version: PolicyVersion, *, on: dt.date
) -> list[tuple[str, str]]:
    """(value, label) for everything a breach raised on ``on`` may cite, in the code's order:
    its documents and their clauses, then its standards of conduct."""
    policy = policy_of(version)
    standards = [
        (s.id, f"{s.id}: {s.text}") for s in (policy.conduct.standards if policy.conduct else ())
    ]
    if policy.documents is None:
        return standards
    documents = policy.documents.citable
    # Each document's citable clauses as its texts list them (not the texts themselves).
    clauses: dict[str, list[str]] = {}
    for key, citable in (
        DocumentVersion.objects.filter(
            document__organisation=organisation,
            document__key__in=[d.key for d in documents],
            published_on__lte=on,
        )
        .order_by("published_on", "id")
        .values_list("document__key", "citable_clauses")
    ):
        clauses[key] = citable  # the latest published on or before ``on`` wins
    choices: list[tuple[str, str]] = []
    for document in documents:
        choices.append((document.key, f"{document.title} (as a whole, or its spirit)"))
        for clause in clauses.get(document.key, []):
            choices.append((f"{document.key}:{clause}", f"{document.title}, clause {clause}"))
    return choices + standards


def describe_clauses(
    organisation: Organisation, version: PolicyVersion, values: list[str], *, on: dt.date
) -> list[str]:
    if not values:
        return []
    labels = dict(citable_clauses(organisation, version, on=on))
    return [labels.get(value, value) for value in values]
