"""Versions of an organisation's code of conduct: drafts, publishing, reading (GOV-1).

Every change goes through one keyword-only function here (STYLE 7), runs in one
transaction and writes an audit entry. Refusals raise :class:`Refused` (or a subclass)
with a message in GOV.UK voice saying what to do; nothing is saved when they do.

Drafts that fail validation are not saved. A draft is a candidate for publication; a
text the loader rejects can never become one, and keeping it would add an "invalid"
state every list and every API client must filter out. The author sees every problem
at once (file, dotted key, what to write), fixes the file and uploads it again. A saved
draft is re-checked whenever it is shown or published, because a later release of the
rules may reject a text an earlier one accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, delete_recorded, record
from panelkeeper.lib.effective import future_date
from panelkeeper.lib.refusals import Problem, Refused
from panelkeeper.organisations.models import Group, Organisation, PolicyVersion, RoleHolder
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.editing.catalogue import part as editing_part
from panelkeeper.rules.policy.editing.document import parse, to_toml, with_values
from panelkeeper.rules.policy.editing.version_names import next_version_name
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.presets import PRESETS, preset_text
from panelkeeper.rules.policy.problems import Problem as PolicyProblem

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


class InvalidPolicy(Refused):
    """The text is not a valid code of conduct; ``file_problems`` lists every mistake.

    Caught apart by whoever reads a stored version (a version that no longer loads is
    skipped or shown with its problems) and by the upload page, which lists each
    problem's file and dotted key; ``problems`` carries the same for the API.
    """

    def __init__(self, problems: Sequence[PolicyProblem], *, message: str = "") -> None:
        count = len(problems)
        super().__init__(
            message
            or (
                f"The file has {count} problem{'s' if count != 1 else ''}. "
                "Correct each one and upload the file again."
            ),
            problems=[Problem(str(p), p.key) for p in problems],
        )
        self.file_problems: tuple[PolicyProblem, ...] = tuple(problems)


@dataclass(frozen=True)
class StaffTitle:
    """A staff title a code declares (``[roles.staff]``), which needs a holder."""

    key: str
    title: str


class MissingRoleHolders(Refused):
    """Publishing needs a holder for every declared staff title; these have none.

    Caught apart by the publish page, which lists the titles; ``problems`` names each
    title's key (the ``role_key`` to assign) for the API.
    """

    def __init__(self, missing: Sequence[StaffTitle]) -> None:
        titles = ", ".join(t.title for t in missing)
        super().__init__(
            f"Assign someone to each staff title before publishing: {titles}.",
            problems=[Problem(f"Assign someone as {t.title}.", t.key) for t in missing],
        )
        self.missing: tuple[StaffTitle, ...] = tuple(missing)


# -- reading ------------------------------------------------------------------


# The readers below parse through :mod:`.in_force`, which imports the refusals declared
# here; importing it inside each function keeps that one-way at import time.


def problems_of(version: PolicyVersion) -> tuple[PolicyProblem, ...]:
    """Every problem the loader finds in a stored version today (empty when valid).

    A draft is checked as new text: one saved before ``[calendar]`` moved to the
    organisation shows that it must go before it can be published.
    """
    from panelkeeper.organisations.in_force import check_new_text, policy_of_version

    try:
        if version.is_published:
            policy_of_version(version)
        else:
            check_new_text(version.source, file_name=version.file_name)
    except InvalidPolicy as error:
        return error.file_problems
    return ()


def staff_titles(policy: Policy) -> tuple[StaffTitle, ...]:
    """The staff titles ``policy`` declares, in the file's order."""
    return tuple(StaffTitle(role.key, role.title) for role in policy.staff_roles)


def declared_staff_titles(organisation: Organisation, *, on: dt.date) -> tuple[StaffTitle, ...]:
    """Titles that may be given a holder: those of the code in force and of every draft.

    The code in force comes first; a draft adds the titles it introduces. A draft that no
    longer loads declares nothing.
    """
    from panelkeeper.organisations.in_force import policy_of_version, version_on

    versions: list[PolicyVersion] = []
    in_force = version_on(organisation, on=on)
    if in_force is not None:
        versions.append(in_force)
    versions.extend(PolicyVersion.objects.drafts().filter(organisation=organisation))
    found: dict[str, StaffTitle] = {}
    for version in versions:
        try:
            policy = policy_of_version(version)
        except InvalidPolicy:
            continue
        for title in staff_titles(policy):
            found.setdefault(title.key, title)
    return tuple(found.values())


def missing_role_holders(version: PolicyVersion) -> tuple[StaffTitle, ...]:
    """The staff titles ``version`` declares that have no current holder."""
    from panelkeeper.organisations.in_force import policy_of_version

    held = set(
        RoleHolder.objects.current()
        .filter(organisation=version.organisation_id)
        .values_list("role_key", flat=True)
    )
    return tuple(t for t in staff_titles(policy_of_version(version)) if t.key not in held)


def review_due(version: PolicyVersion, policy: Policy) -> dt.date | None:
    """When the code should next be reviewed (GOV-1).

    The review date the file states, if it states one; otherwise the version's approval
    date plus the review period. ``None`` for a draft with neither, or a code that sets
    no review at all.
    """
    governance = policy.governance
    if governance is None:
        return None
    if governance.review_due is not None:
        return governance.review_due
    if version.approved_on is None or governance.review_every is None:
        return None
    from panelkeeper.organisations.in_force import plain_calendar

    return plain_calendar().add(version.approved_on, governance.review_every)


# -- drafts -------------------------------------------------------------------


def checked_draft_text(text: str, *, file_name: str, message: str = "") -> Policy:
    """The policy of a draft's text, which the loader accepts as new text and whose version
    label fits; :class:`InvalidPolicy` (with ``message``, if given) listing every problem."""
    from panelkeeper.organisations.in_force import check_new_text

    try:
        policy = check_new_text(text, file_name=file_name)
    except InvalidPolicy as error:
        if not message:
            raise
        raise InvalidPolicy(error.file_problems, message=message) from None
    limit = PolicyVersion._meta.get_field("version").max_length or 0
    if len(policy.code.version) > limit:
        problem = PolicyProblem(
            file_name, "code.version", f"Write a version of {limit} characters or fewer."
        )
        raise InvalidPolicy([problem], message=message)
    return policy


def _create_draft(
    *,
    organisation: Organisation,
    text: str,
    file_name: str,
    preset: str,
    actor: User,
    based_on: PolicyVersion | None = None,
) -> PolicyVersion:
    policy = checked_draft_text(text, file_name=file_name)
    return create_recorded(
        PolicyVersion,
        organisation=organisation,
        actor=actor,
        action="policy_version.draft_created",
        logged={
            "version": policy.code.version,
            "source": text,
            "file_name": file_name,
            "preset": preset,
            "based_on": based_on,
            "status": PolicyVersion.Status.DRAFT,
        },
        created_by=actor,
    )


def load_preset_draft(*, organisation: Organisation, preset: str, actor: User) -> PolicyVersion:
    """Start a draft from one of the shipped presets, its text exactly as shipped."""
    if preset not in PRESETS:
        names = ", ".join(PRESETS)
        raise Refused(f"Choose one of the presets: {names}.", field="preset")
    return _create_draft(
        organisation=organisation,
        text=preset_text(preset),
        file_name=f"{preset}.toml",
        preset=preset,
        actor=actor,
    )


def start_from_version(
    *, version: PolicyVersion, actor: User, today: dt.date, version_name: str = ""
) -> PolicyVersion:
    """Start a draft from a published version of the organisation's code: the one in
    force or an earlier one, its text as published but for its version name, so its
    only difference from it is that name.

    Publishing needs a name no published version has: ``version_name`` if given, else
    one suggested from the version's own ("2.0" gives "2.1"), which the officer may
    change on the draft's forms like any other setting.
    """
    if not version.is_published:
        raise Refused(
            "Start a draft from a published version, or change this draft itself.",
            field="start_from",
        )
    taken = PolicyVersion.objects.filter(organisation=version.organisation_id)
    name = version_name.strip() or next_version_name(
        version.version, set(taken.values_list("version", flat=True)), today=today
    )
    names = editing_part("names")
    text = to_toml(with_values(parse(version.source), names, {"code.version": name}))
    return _create_draft(
        organisation=version.organisation,
        text=text,
        file_name=version.file_name,
        preset="",
        actor=actor,
        based_on=version,
    )


def upload_draft(
    *, organisation: Organisation, text: str, file_name: str, actor: User, today: dt.date
) -> PolicyVersion:
    """Save an uploaded TOML text as a draft, unchanged, if the loader accepts it; its
    differences are shown against the version in force on ``today``, if any.

    Raises :class:`InvalidPolicy` with every problem, and saves nothing, if it does not.
    """
    from panelkeeper.organisations.in_force import version_on

    if not text.strip():
        raise Refused("The selected file is empty. Choose a TOML file.", field="file")
    return _create_draft(
        organisation=organisation,
        text=text,
        file_name=file_name,
        preset="",
        actor=actor,
        based_on=version_on(organisation, on=today),
    )


def discard_draft(*, version: PolicyVersion, actor: User) -> None:
    """Delete a draft nobody needs; a published version is never deleted."""
    with transaction.atomic():
        locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_published:
            raise Refused("A published version cannot be discarded: it stays on record.")
        delete_recorded(
            locked,
            action="policy_version.draft_discarded",
            actor=actor,
            organisation=locked.organisation,
            fields=["status"],
        )


# -- publishing ---------------------------------------------------------------


def _format(day: dt.date) -> str:
    return day_month_year(day)


def publish_policy_version(
    *,
    version: PolicyVersion,
    approved_on: dt.date,
    in_force_from: dt.date,
    actor: User,
    today: dt.date,
) -> PolicyVersion:
    """Publish a draft: approved on ``approved_on``, in force from ``in_force_from`` (GOV-1).

    Refuses, saving nothing, unless the draft still loads; approval is not in the future;
    it comes into force on or after approval and after every published version; its
    version label is new; and every declared staff title has a current holder
    (:class:`MissingRoleHolders` lists the ones that do not). Creates the groups the
    code names that the organisation lacks. Once published the version never changes.
    """
    from panelkeeper.organisations.in_force import check_new_text

    with transaction.atomic():
        locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if locked.is_published:
            raise Refused(
                "This version is already published and cannot be changed. "
                "Load a preset or upload a file to start a new draft."
            )
        policy = check_new_text(locked.source, file_name=locked.file_name)
        problem = future_date(approved_on, today=today, what="The approval date")
        if problem is not None:
            raise Refused(f"{problem}.", field="approved_on")
        if in_force_from < approved_on:
            raise Refused(
                "The date it comes into force must be the same as or after the approval date.",
                field="in_force_from",
            )
        published = PolicyVersion.objects.published().filter(organisation=locked.organisation_id)
        latest = published.order_by("-in_force_from").first()
        previous = latest.in_force_from if latest is not None else None
        if latest is not None and previous is not None and in_force_from <= previous:
            raise Refused(
                f"The date it comes into force must be after {_format(previous)}, "
                f"when version “{latest.version}” came into force.",
                field="in_force_from",
            )
        if published.filter(version=locked.version).exists():
            raise Refused(
                f"Version “{locked.version}” is already published. Give this draft a new "
                "version name under Names and words, or change version under [code] in a file "
                "and upload it again."
            )
        missing = missing_role_holders(locked)
        if missing:
            raise MissingRoleHolders(missing)

        locked.status = PolicyVersion.Status.PUBLISHED
        locked.approved_on = approved_on
        locked.in_force_from = in_force_from
        locked.published_at = timezone.now()
        locked.published_by = actor
        fields = ["status", "approved_on", "in_force_from", "published_at", "published_by"]
        try:
            with transaction.atomic():
                locked.save(update_fields=fields)
        except IntegrityError:
            # Another request published a clashing version between our checks and here.
            raise Refused(
                "Another version was published at the same time. Check the list of versions "
                "and try again."
            ) from None
        record(
            actor=actor,
            organisation=locked.organisation,
            action="policy_version.published",
            obj=locked,
            fields=fields,
        )
        _ensure_groups(organisation=locked.organisation, policy=policy, actor=actor)
    return locked


def _ensure_groups(*, organisation: Organisation, policy: Policy, actor: User) -> None:
    """Create the groups the code names that the organisation does not have yet.

    Groups are never removed here: records of meetings and members point at them.
    """
    existing = set(organisation.groups.values_list("name", flat=True))
    for name in group_names(policy):
        if name not in existing:
            create_recorded(
                Group,
                organisation=organisation,
                actor=actor,
                action="group.created",
                logged={"name": name},
            )


def group_names(policy: Policy) -> tuple[str, ...]:
    """The names of the groups a code covers."""
    return tuple(group.name for group in policy.groups)
