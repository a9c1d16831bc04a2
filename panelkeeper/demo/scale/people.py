"""Organisations in bulk: each with its officer and auditor, its code (a preset,
published), a holder for every staff title, its groups and their members.

Everything an organisation's pages read is there as the domain functions would have
left it: the version is published with its dates, every staff title the code declares
has a holder, each member has the status row that makes them active from the day they
joined, and each record has its audit entry.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from django.contrib.auth.hashers import make_password

from panelkeeper.accounts.models import Grant, User
from panelkeeper.cases.models import Case
from panelkeeper.demo.scale.bulk import Trail, insert, insert_values
from panelkeeper.demo.scale.names import full_name, place_name, street_address
from panelkeeper.members.models import CustomerType, GroupRole, Member, MemberStatus, Status
from panelkeeper.organisations.models import Group, Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.policies import group_names, staff_titles
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.presets import load_preset, preset_text

#: The generated organisations' codes were approved and came into force on these dates,
#: so their history (meetings, cases) can run for years before today.
APPROVED_ON = dt.date(2023, 12, 4)
IN_FORCE_FROM = dt.date(2024, 1, 8)
#: The most members one group holds; a larger organisation has several groups.
GROUP_SIZE = 275
_CUSTOMER_TYPES = [CustomerType.TENANT] * 6 + [CustomerType.LEASEHOLDER] * 2 + list(CustomerType)


@cache
def preset_policy(slug: str) -> Policy:
    """A preset, loaded once for every organisation generated under it."""
    return load_preset(slug)


def moment(day: dt.date, hour: int = 10) -> dt.datetime:
    """A time on ``day`` (UTC), for when something was recorded."""
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


@dataclass
class Made:
    """One generated organisation, as the later parts need it."""

    organisation: Organisation
    preset: str
    policy: Policy
    version: PolicyVersion
    officer: User
    #: How many members it is to have.
    member_count: int
    groups: list[Group] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    #: Those of its cases in their formal stage, of which the letters tell.
    formal: list[Case] = field(default_factory=list)
    trail: Trail = field(init=False)

    def __post_init__(self) -> None:
        self.trail = Trail(self.organisation.pk, self.officer.pk)


class Staff:
    """The officer and auditor of each organisation: one password hash for all, as
    hashing one per person would take the generator hours."""

    def __init__(self, password: str) -> None:
        self._hash = make_password(password)

    def make(self, slug: str, names: tuple[str, str], role: str) -> User:
        email = f"{role}.{slug}@example.org"
        return User(
            email=email,
            username=email,
            first_name=names[0],
            last_name=names[1],
            password=self._hash,
        )


#: An organisation with its preset, officer and auditor.
type Skeleton = tuple[Organisation, str, User, User]


def organisations(count: int, *, prefix: str, staff: Staff, rng: random.Random) -> list[Skeleton]:
    """``count`` organisations with their preset, officer and auditor (and grants)."""
    presets = ("vela", "insight", "nexus", "herefordshire", "thirteen")
    rows: list[tuple[Organisation, str]] = []
    for index in range(count):
        preset = presets[index % len(presets)]
        policy = preset_policy(preset)
        place = place_name(rng)
        rows.append(
            (
                Organisation(
                    slug=f"{prefix}-{index + 1:04d}",
                    name=f"{place} Homes",
                    region=policy.calendar.region.value,
                    postal_address=street_address(rng, place),
                    contact_email=f"involvement{index + 1}@example.org",
                ),
                preset,
            )
        )
    made = insert([organisation for organisation, _ in rows])
    officers = insert([staff.make(o.slug, full_name(rng), "officer") for o in made])
    auditors = insert([staff.make(o.slug, full_name(rng), "auditor") for o in made])
    grants = [
        Grant(user=u, organisation=o, role=Grant.Role.OFFICER)
        for o, u in zip(made, officers, strict=True)
    ]
    grants += [
        Grant(user=u, organisation=o, role=Grant.Role.AUDITOR)
        for o, u in zip(made, auditors, strict=True)
    ]
    insert(grants)
    return [
        (organisation, preset, officer, auditor)
        for (organisation, (_, preset), officer, auditor) in zip(
            made, rows, officers, auditors, strict=True
        )
    ]


def codes_and_groups(batch: Sequence[tuple[Skeleton, int]]) -> list[Made]:
    """Each organisation's code, published, with its officer holding every staff title,
    and enough groups for its number of members (the code's own first)."""
    published_at = moment(IN_FORCE_FROM - dt.timedelta(days=14))
    versions = insert(
        [
            PolicyVersion(
                organisation=organisation,
                version=preset_policy(preset).code.version,
                source=preset_text(preset),
                file_name=f"{preset}.toml",
                preset=preset,
                status=PolicyVersion.Status.PUBLISHED,
                created_by=officer,
                approved_on=APPROVED_ON,
                in_force_from=IN_FORCE_FROM,
                published_at=published_at,
                published_by=officer,
            )
            for (organisation, preset, officer, _), _ in batch
        ]
    )
    made = [
        Made(organisation, preset, preset_policy(preset), version, officer, count)
        for ((organisation, preset, officer, _), count), version in zip(
            batch, versions, strict=True
        )
    ]
    holders: list[RoleHolder] = []
    groups: list[Group] = []
    for one in made:
        one.trail.add(
            one.version,
            action="policy_version.draft_created",
            fields=["version", "file_name", "preset"],
            at=published_at - dt.timedelta(days=30),
        )
        one.trail.add(
            one.version,
            action="policy_version.published",
            fields=["status", "approved_on", "in_force_from", "published_at", "published_by"],
            at=published_at,
        )
        held = {
            "organisation": one.organisation,
            "user": one.officer,
            "effective_from": APPROVED_ON,
        }
        holders += [
            RoleHolder(role_key=title.key, role_title=title.title, **held)
            for title in staff_titles(one.policy)
        ]
        names = list(group_names(one.policy)) or ["Scrutiny Panel"]
        wanted = max(1, -(-one.member_count // GROUP_SIZE))
        names += [f"Area Panel {n}" for n in range(len(names) + 1, wanted + 1)]
        one.groups = [Group(organisation=one.organisation, name=name) for name in names]
        groups += one.groups
    insert(holders)
    insert(groups)
    trails = {one.organisation.pk: one.trail for one in made}
    for holder in holders:
        trails[holder.organisation_id].add(
            holder,
            action="role_holder.assigned",
            fields=["role_key", "role_title", "user", "effective_from"],
            at=published_at - dt.timedelta(days=1),
        )
    for group in groups:
        trails[group.organisation_id].add(
            group, action="group.created", fields=["name"], at=published_at
        )
    return made


_MEMBER_FIELDS = [
    "address",
    "contact_by",
    "customer_type",
    "email",
    "full_name",
    "large_print",
    "role",
    "started_on",
]
_STATUS_FIELDS = ["status", "reason", "effective_from"]


def members(made: Sequence[Made], *, rng: random.Random) -> int:
    """Each organisation's members, spread over its groups, each active from the day
    they joined: each group's first member is its Chair, the second its Vice Chair; how
    many."""
    rows: list[Member] = []
    for one in made:
        place = one.organisation.name.removesuffix(" Homes")
        for index in range(one.member_count):
            group = one.groups[index % len(one.groups)]
            in_group = index // len(one.groups)
            role = (
                GroupRole.CHAIR
                if in_group == 0
                else GroupRole.VICE_CHAIR
                if in_group == 1
                else GroupRole.MEMBER
            )
            name = full_name(rng)
            by_email = rng.random() < 0.6
            one.members.append(
                Member(
                    group=group,
                    full_name=f"{name[0]} {name[1]}",
                    customer_type=rng.choice(_CUSTOMER_TYPES),
                    role=role,
                    email=f"{name[0]}.{name[1]}.{one.organisation.pk}.{index}@example.org".lower()
                    if by_email
                    else "",
                    address=street_address(rng, place),
                    contact_by="email" if by_email else "post",
                    large_print=rng.random() < 0.05,
                    started_on=APPROVED_ON - dt.timedelta(days=rng.randrange(30, 900)),
                )
            )
        rows += one.members
    insert(rows)
    statuses = insert_values(
        MemberStatus,
        ["member_id", "status", "reason", "effective_from", "recorded_at", "recorded_by_id"],
        [
            (
                member.pk,
                Status.ACTIVE,
                "Joined the group",
                member.started_on,
                moment(member.started_on),
                one.officer.pk,
            )
            for one in made
            for member in one.members
        ],
    )
    keys = iter(statuses)
    for one in made:
        for member in one.members:
            at = moment(member.started_on)
            one.trail.add(member, action="member.added", fields=_MEMBER_FIELDS, at=at)
            one.trail.record(
                MemberStatus._meta.label,
                next(keys),
                action="member_status.recorded",
                fields=_STATUS_FIELDS,
                at=at,
            )
    return len(rows)
