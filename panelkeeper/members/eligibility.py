"""May this member take part on this date? The one question meetings and cases ask.

:func:`eligibility` answers with a flag and every reason against, never just the first:

- membership not yet started, or ended (the member's dates or an "ended" status);
- suspended on that date;
- where the code in force on that date makes signing a condition (MEM-2), each
  document it names for signing that has no text yet, is unsigned, was signed only in
  a version a newer one has replaced while re-signing is switched on (MEM-6), or waits
  for the organisation's countersignature where the code asks for one (MEM-4).

Nexus asks for nothing to be signed, so only the status counts there. With no code in
force on the date there is nothing known to sign, and only the status counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.members.documents import newest_version
from panelkeeper.members.models import Document, DocumentVersion, Member, Signature, Status
from panelkeeper.members.status import end_of, status_record_on
from panelkeeper.organisations import in_force
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.loader import Policy


class Hurdle(StrEnum):
    """Why a member may not take part; each reason carries one of these."""

    NOT_STARTED = "not_started"
    ENDED = "ended"
    SUSPENDED = "suspended"
    NO_TEXT = "no_text"
    UNSIGNED = "unsigned"
    OUTDATED = "outdated"
    NOT_COUNTERSIGNED = "not_countersigned"
    CODE_UNREADABLE = "code_unreadable"


@dataclass(frozen=True)
class Reason:
    hurdle: Hurdle
    message: str
    document_key: str | None = None


@dataclass(frozen=True)
class DocumentCheck:
    """One line of the checklist: a document the member must sign, and where it stands."""

    key: str
    title: str
    state: Hurdle | None  # None when complete
    current_label: str | None
    current_pk: int | None
    signature: Signature | None
    countersigned: bool
    needs_countersignature: bool

    @property
    def complete(self) -> bool:
        return self.state is None


@dataclass(frozen=True)
class Eligibility:
    member: Member
    on: dt.date
    status: Status | None
    reasons: tuple[Reason, ...]
    documents: tuple[DocumentCheck, ...]
    signing_required: bool
    policy: Policy | None
    """The code in force on ``on`` the answer read, if any (None too when it no longer
    loads), for a page that shows more of it than eligibility asks."""

    @property
    def eligible(self) -> bool:
        return not self.reasons

    def __bool__(self) -> bool:
        return self.eligible


def _date(value: dt.date) -> str:
    return day_month_year(value)


def policy_on(member: Member, on: dt.date) -> Policy | None:
    """The policy of the code in force for the member's organisation on ``on``, if any.

    Raises InvalidPolicy when the version in force no longer loads."""
    return in_force.policy_on(member.group.organisation, on=on)


def eligibility(member: Member, *, on: dt.date, known_on: dt.date | None = None) -> Eligibility:
    """Whether ``member`` may take part on ``on``, and every reason why not.

    ``known_on`` limits the answer to records made by the end of that day (a late
    suspension, a late signature), for reports of what was known at the time.
    """
    reasons: list[Reason] = []
    entry = status_record_on(member, on=on, known_on=known_on)
    status = None if entry is None else Status(entry.status)
    if on < member.started_on or status is None:
        reasons.append(
            Reason(Hurdle.NOT_STARTED, f"Membership starts on {_date(member.started_on)}")
        )
    elif member.ended_on is not None and on >= member.ended_on:
        reasons.append(Reason(Hurdle.ENDED, f"Membership ended on {_date(member.ended_on)}"))
    elif entry is not None and status == Status.ENDED:
        reasons.append(
            Reason(
                Hurdle.ENDED, f"Membership ended on {_date(entry.effective_from)}: {entry.reason}"
            )
        )
    elif entry is not None and status == Status.SUSPENDED:
        reasons.append(
            Reason(
                Hurdle.SUSPENDED, f"Suspended from {_date(entry.effective_from)}: {entry.reason}"
            )
        )
    try:
        policy = policy_on(member, on)
    except InvalidPolicy:
        reasons.append(
            Reason(
                Hurdle.CODE_UNREADABLE, "The code in force cannot be read; an officer must fix it"
            )
        )
        policy = None
    checks: tuple[DocumentCheck, ...] = ()
    required = bool(
        policy is not None
        and policy.documents is not None
        and policy.behaviours.eligibility_needs_signatures
        and policy.documents.to_sign
    )
    if required:
        assert policy is not None and policy.documents is not None
        checks = _document_checks(member, policy, on=on, known_on=known_on)
        for check in checks:
            if check.state is not None:
                reasons.append(Reason(check.state, _document_message(check), check.key))
    return Eligibility(member, on, status, tuple(reasons), checks, required, policy)


def _document_message(check: DocumentCheck) -> str:
    match check.state:
        case Hurdle.NO_TEXT:
            return f"{check.title}: the organisation has not yet published its text"
        case Hurdle.UNSIGNED:
            return f"{check.title} is not signed"
        case Hurdle.OUTDATED:
            signed = check.signature.version.label if check.signature else "an earlier version"
            return (
                f"{check.title} was signed in version {signed}; "
                f"version {check.current_label} needs signing"
            )
        case _:
            return f"{check.title} is signed but not yet countersigned"


def _published_versions(
    member: Member, keys: Collection[str], *, on: dt.date
) -> tuple[dict[str, str], dict[str, list[DocumentVersion]]]:
    """The titles of the member's organisation's documents with these ``keys``, and the
    versions of each published by ``on``, by key: read together, each document joined to
    its versions (one query).

    Of a version only what a check tells of it is read: its label and the day it was
    published, not its text."""
    rows = (
        Document.objects.filter(organisation=member.group.organisation, key__in=list(keys))
        .order_by()  # kept by key, so read in no order (the listing order joins to sort)
        .values_list("key", "title", "versions__id", "versions__label", "versions__published_on")
    )
    titles: dict[str, str] = {}
    versions: dict[str, list[DocumentVersion]] = {}
    for key, title, pk, label, published_on in rows:
        titles[key] = title
        found = versions.setdefault(key, [])
        if pk is not None and published_on <= on:
            found.append(DocumentVersion(pk=pk, label=label, published_on=published_on))
    return titles, versions


def _document_checks(
    member: Member, policy: Policy, *, on: dt.date, known_on: dt.date | None
) -> tuple[DocumentCheck, ...]:
    assert policy.documents is not None
    resign = policy.behaviours.resign_new_versions
    countersign = policy.documents.countersigned_by is not None
    keys = [item.key for item in policy.documents.to_sign]
    titles, published = _published_versions(member, keys, on=on)
    # Signatures are read without their versions' texts, which a check of who signed what
    # never reads.
    signatures = Signature.objects.filter(member=member, signed_on__lte=on)
    if known_on is not None:
        signatures = signatures.filter(recorded_at__lt=end_of(known_on))
    signed = list(
        signatures.select_related("version__document")
        .defer("version__text")
        .prefetch_related("countersignatures")
        .order_by("-signed_on", "-recorded_at", "-id")
    )
    checks = []
    for item in policy.documents.to_sign:
        current = newest_version(published.get(item.key, ()))
        mine = [s for s in signed if s.version.document.key == item.key]
        latest = mine[0] if mine else None
        on_current = next((s for s in mine if current and s.version_id == current.pk), None)
        chosen = on_current if resign else latest
        countersigned = chosen is not None and any(
            c.countersigned_on <= on and (known_on is None or c.recorded_at < end_of(known_on))
            for c in chosen.countersignatures.all()
        )
        state: Hurdle | None
        if current is None:
            state = Hurdle.NO_TEXT
        elif chosen is None:
            state = Hurdle.OUTDATED if latest is not None else Hurdle.UNSIGNED
        elif countersign and not countersigned:
            state = Hurdle.NOT_COUNTERSIGNED
        else:
            state = None
        checks.append(
            DocumentCheck(
                key=item.key,
                title=titles.get(item.key, item.title),
                state=state,
                current_label=current.label if current else None,
                current_pk=current.pk if current else None,
                signature=chosen or latest,
                countersigned=countersigned,
                needs_countersignature=countersign,
            )
        )
    return tuple(checks)
