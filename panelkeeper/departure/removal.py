"""Removing an organisation that leaves the installation, with everything it holds.

Refused while a legal hold stands (the records may be needed for a claim, so its data
protection lead lifts the hold first, having taken what it needs) and until an export
holds the organisation's latest change (its latest audit entry), so nothing goes that
was not first handed over. Open cases and requests do not stop it: they go with the export, to be
carried on elsewhere; the page says how many there are.

Everything goes in one transaction through the one path the database triggers allow:
the organisation (and each of its cases and signatures) is marked in ``core.Removal``,
then every kind of record in :data:`kinds.KINDS` is deleted, the latest first. The files
go from storage only after the commit. The installation's own audit trail records that
the organisation was removed, by whom and when. Accounts used only with this
organisation go too (their history went with it), unless another record still names
them, in which case they are closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.audit.log import record
from panelkeeper.cases.models import Case
from panelkeeper.core.models import Removal
from panelkeeper.departure.exports import latest_entry
from panelkeeper.departure.kinds import BY_LABEL, KINDS, SHARED
from panelkeeper.departure.models import Export
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.stored_files import delete_after_commit
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation, RoleHolder
from panelkeeper.retention.models import LegalHold
from panelkeeper.subject_access.models import DataProtectionLead, Pack, SubjectAccessRequest


@dataclass(frozen=True)
class Counted:
    label: str
    count: int


def what_goes(organisation: Organisation) -> list[Counted]:
    """How many records of each kind the organisation holds, for kinds it has any of."""
    counted = [
        Counted(kind.label, kind.rows(organisation).count())
        for kind in KINDS
        if kind.model_label not in SHARED and kind.model_label != "organisations.Organisation"
    ]
    return [item for item in counted if item.count]


def fresh_export(organisation: Organisation) -> Export | None:
    """The latest ready export that holds the organisation's latest change, if any."""
    return Export.objects.filter(
        organisation=organisation,
        ready_at__isnull=False,
        through_entry=latest_entry(organisation),
    ).first()


def reasons_to_stay(organisation: Organisation) -> list[str]:
    """Why the organisation cannot be removed now, in words; empty if it can."""
    reasons = []
    holds = LegalHold.objects.in_force().filter(organisation=organisation).count()
    if holds:
        some = "A legal hold is" if holds == 1 else f"{holds} legal holds are"
        reasons.append(
            f"{some} in force. A legal hold keeps records that may be needed for a claim, "
            "so nothing can be removed while it stands: the organisation's data protection "
            "lead must lift it first."
        )
    if fresh_export(organisation) is None:
        reasons.append(
            "Export its records first, and download the export. An export made before "
            "the organisation's latest change does not count."
        )
    return reasons


def still_open(organisation: Organisation) -> list[str]:
    """What is still under way, which goes too (the export holds it), in words."""
    notes = []
    cases = Case.objects.of(organisation).open().count()
    if cases:
        notes.append(f"{cases} breach case{'s are' if cases != 1 else ' is'} still open.")
    released = Pack.objects.filter(released_on__isnull=False).values("request")
    requests = (
        SubjectAccessRequest.objects.filter(organisation=organisation)
        .exclude(pk__in=released)
        .count()
    )
    if requests:
        notes.append(
            f"{requests} subject access request{'s have' if requests != 1 else ' has'} "
            "not been answered."
        )
    return notes


def _stored_files(organisation: Organisation) -> list[str]:
    names: list[str] = []
    for kind in KINDS:
        for field in kind.model._meta.concrete_fields:
            if isinstance(field, models.FileField) or field.name == kind.stored_file:
                rows = kind.rows(organisation).exclude(**{field.attname: ""})
                names += [str(name) for name in rows.values_list(field.attname, flat=True)]
    return names


def _mark(organisation: Organisation) -> None:
    """Mark the organisation, its cases and its signatures: the triggers then let their
    append-only rows go."""
    marked = timezone.now()
    marks = [("organisations_organisation", organisation.pk)]
    marks += [
        ("cases_case", pk)
        for pk in BY_LABEL["cases.Case"].rows(organisation).values_list("pk", flat=True)
    ]
    signatures = BY_LABEL["members.Signature"].rows(organisation)
    marks += [("members_signature", pk) for pk in signatures.values_list("pk", flat=True)]
    Removal.objects.bulk_create(
        [Removal(record_table=table, record_id=pk, marked_at=marked) for table, pk in marks],
        ignore_conflicts=True,
    )


def _close_accounts(user_ids: set[int]) -> int:
    """Delete the accounts no organisation uses any more; close those something still
    names. How many went or were closed."""
    in_use = (
        set(Grant.objects.filter(user__in=user_ids).values_list("user", flat=True))
        | set(Member.objects.filter(user__in=user_ids).values_list("user", flat=True))
        | set(Member.objects.filter(advocate__in=user_ids).values_list("advocate", flat=True))
        | set(RoleHolder.objects.filter(user__in=user_ids).values_list("user", flat=True))
        | set(DataProtectionLead.objects.filter(user__in=user_ids).values_list("user", flat=True))
    )
    unused = User.objects.filter(pk__in=user_ids - in_use, administers_installation=False)
    closed = 0
    for user in unused:
        try:
            with transaction.atomic():
                user.delete()
        except (ProtectedError, IntegrityError):
            User.objects.filter(pk=user.pk).update(is_active=False)
        closed += 1
    return closed


def remove_organisation(*, organisation: Organisation, actor: User) -> None:
    """Remove ``organisation`` and everything it holds, or refuse with every reason."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        reasons = reasons_to_stay(organisation)
        if reasons:
            raise Refused(" ".join(reasons), rule="leaving")
        files = _stored_files(organisation)
        people = set(BY_LABEL["accounts.User"].rows(organisation).values_list("pk", flat=True))
        record(
            actor=actor,
            organisation=None,
            action="organisation.removed",
            obj=organisation,
            fields=[],
        )
        _mark(organisation)
        Export.objects.filter(organisation=organisation).update(organisation=None)
        for kind in reversed(KINDS):
            if kind.model_label not in SHARED:
                rows = kind.rows(organisation).order_by()
                rows._raw_delete(rows.db)
        _close_accounts(people)
        delete_after_commit(files)
