"""Test data and the named personas, built by one plain class (STYLE 18).

``Factory`` (the ``factory`` fixture in ``tests/conftest.py``) builds the records a test
needs, saved, with defaults that any keyword argument overrides.

- Organisations: ``home``, where the personas work, and ``other``, where they hold no
  grant.
- Staff: ``officer()`` and ``auditor()`` of home and ``outsider()`` (an officer of
  ``other``), a new user on each call (the conftest fixtures hold one each).
- Personas made once per factory, so a test that asks twice gets the same one: the
  chair, a panel member, an advocate and the member they act for; for breach cases, the
  subject of ``the_case``, an investigator seated on it and the appeal officer it is
  appealed to.
- Records: versions of the code and role holders, members and their signatures,
  meetings, interests and gifts, breach cases, letters, concerns. Members, meetings,
  cases, letters and concerns are made through their app's domain function, so they
  carry the events and audit entries the product would write; simpler records
  (versions of the code, documents, signatures, interests, gifts) are saved directly,
  as their methods' docstrings say.

To add a record, add a method under its app's heading that takes ``**fields`` for
overrides, calls the app's domain function if it has one (imported inside the method,
like the others) and pins its dates to the suite's calendar: today is 23 November 2026
unless a test says otherwise. A new persona keeps its record in ``self._personas`` so
that it is made once.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.tokens import NewToken, create_token
from panelkeeper.members.models import (
    Countersignature,
    CustomerType,
    Document,
    DocumentVersion,
    GroupRole,
    Member,
    MemberStatus,
    Signature,
    Status,
    text_hash,
)
from panelkeeper.organisations.models import (
    ClosureDay,
    Group,
    Organisation,
    PolicyVersion,
    RoleHolder,
)
from panelkeeper.rules.policy.presets import preset_text

PASSWORD = "correct horse battery staple"

_serial = itertools.count(1)


class Factory:
    """Builds saved records with sensible defaults; every argument can be overridden."""

    def __init__(self) -> None:
        self._home: Organisation | None = None
        self._other: Organisation | None = None
        self._personas: dict[str, Any] = {}

    # Organisations ---------------------------------------------------------------

    def organisation(self, **fields: Any) -> Organisation:
        n = next(_serial)
        fields.setdefault("slug", f"org-{n}")
        fields.setdefault("name", f"Housing Association {n}")
        return Organisation.objects.create(**fields)

    def group(self, organisation: Organisation | None = None, **fields: Any) -> Group:
        fields.setdefault("name", f"Scrutiny Panel {next(_serial)}")
        return Group.objects.create(organisation=organisation or self.home, **fields)

    @property
    def home(self) -> Organisation:
        """The organisation the officer and auditor work for."""
        if self._home is None:
            self._home = self.organisation(slug="home", name="Home Housing")
        return self._home

    @property
    def other(self) -> Organisation:
        """An organisation the personas hold no grant on (the outsider's)."""
        if self._other is None:
            self._other = self.organisation(slug="other", name="Other Homes")
        return self._other

    # People ----------------------------------------------------------------------

    def user(self, **fields: Any) -> User:
        n = next(_serial)
        fields.setdefault("email", f"person{n}@example.org")
        fields.setdefault("username", fields["email"])
        fields.setdefault("first_name", "Person")
        fields.setdefault("last_name", str(n))
        password = fields.pop("password", PASSWORD)
        return User.objects.create_user(password=password, **fields)

    def staff(self, role: str, organisation: Organisation | None = None, **fields: Any) -> User:
        user = self.user(**fields)
        Grant.objects.create(user=user, organisation=organisation or self.home, role=role)
        return user

    def officer(self, organisation: Organisation | None = None, **fields: Any) -> User:
        fields.setdefault("first_name", "Olive")
        fields.setdefault("last_name", "Officer")
        return self.staff(Grant.Role.OFFICER, organisation, **fields)

    def auditor(self, organisation: Organisation | None = None, **fields: Any) -> User:
        fields.setdefault("first_name", "Audrey")
        fields.setdefault("last_name", "Auditor")
        return self.staff(Grant.Role.AUDITOR, organisation, **fields)

    def outsider(self, **fields: Any) -> User:
        """The officer of another organisation: staff, but not of ``home``."""
        fields.setdefault("first_name", "Owen")
        fields.setdefault("last_name", "Outsider")
        return self.staff(Grant.Role.OFFICER, self.other, **fields)

    def admin(self, **fields: Any) -> User:
        """An installation administrator, holding no grant anywhere."""
        fields.setdefault("first_name", "Ada")
        fields.setdefault("last_name", "Administrator")
        return self.user(administers_installation=True, **fields)

    def invitation(self, organisation: Organisation | None = None, **fields: Any) -> Any:
        """An officer's invitation to ``home`` (through the domain function): its ``Sent``."""
        from panelkeeper.accounts.invitations import invite

        fields.setdefault("email", f"invited{next(_serial)}@example.org")
        fields.setdefault("role", Grant.Role.OFFICER)
        return invite(organisation=organisation or self.home, actor=None, **fields)

    def token(
        self, user: User, organisation: Organisation | None = None, name: str = "test"
    ) -> NewToken:
        return create_token(
            user=user, organisation=organisation or self.home, name=name, actor=user
        )

    # Versions of the code, role holders, closure days (organisations) -----------

    def draft_version(
        self, organisation: Organisation | None = None, preset: str = "vela", **fields: Any
    ) -> PolicyVersion:
        """A draft holding a preset's text exactly, saved without the domain function."""
        fields.setdefault("version", f"draft-{next(_serial)}")
        fields.setdefault("source", preset_text(preset))
        fields.setdefault("file_name", f"{preset}.toml")
        fields.setdefault("preset", preset)
        return PolicyVersion.objects.create(organisation=organisation or self.home, **fields)

    def published_version(
        self,
        organisation: Organisation | None = None,
        preset: str = "vela",
        in_force_from: dt.date = dt.date(2026, 2, 2),
        **fields: Any,
    ) -> PolicyVersion:
        """A published version in force from ``in_force_from`` (approved the same day)."""
        fields.setdefault("approved_on", in_force_from)
        return self.draft_version(
            organisation,
            preset,
            status=PolicyVersion.Status.PUBLISHED,
            in_force_from=in_force_from,
            published_at=timezone.now(),
            **fields,
        )

    def role_holder(
        self,
        role_key: str,
        user: User | None = None,
        organisation: Organisation | None = None,
        **fields: Any,
    ) -> RoleHolder:
        fields.setdefault("role_title", role_key.replace("_", " ").title())
        fields.setdefault("effective_from", dt.date(2026, 1, 5))
        return RoleHolder.objects.create(
            organisation=organisation or self.home,
            role_key=role_key,
            user=user or self.auditor(organisation),
            **fields,
        )

    def closure_day(self, organisation: Organisation | None = None, **fields: Any) -> ClosureDay:
        fields.setdefault("date", dt.date(2026, 1, 2) + dt.timedelta(days=next(_serial)))
        fields.setdefault("reason", "Staff training day")
        return ClosureDay.objects.create(organisation=organisation or self.home, **fields)

    # Members, their documents and signatures (members) --------------------------

    def panel(self, organisation: Organisation | None = None) -> Group:
        """The home organisation's panel, made once (or a new one for another organisation)."""
        if organisation is not None and organisation != self.home:
            return self.group(organisation)
        if "panel" not in self._personas:
            self._personas["panel"] = self.group(self.home, name="Customer Scrutiny Panel")
        return self._personas["panel"]  # type: ignore[no-any-return]

    def panel_member(self, group: Group | None = None, **fields: Any) -> Member:
        """A member record, active from 5 January 2026, added through the domain function."""
        from panelkeeper.members.records import add_member

        fields.setdefault("full_name", f"Member {next(_serial)}")
        fields.setdefault("customer_type", CustomerType.TENANT)
        fields.setdefault("started_on", dt.date(2026, 1, 5))
        return add_member(group=group or self.panel(), actor=None, **fields)

    def claims(self, member: Member, count: int, on: dt.date = dt.date(2026, 3, 1)) -> list[Any]:
        """``count`` claims by ``member`` for an activity ``on``, waiting for a decision,
        saved in bulk."""
        from panelkeeper.members.models import Expense

        return Expense.objects.bulk_create(
            Expense(
                member=member,
                kind="expense",
                activity="Panel meeting",
                activity_on=on,
                amount=Decimal("12.50"),
            )
            for _ in range(count)
        )

    def member_invitation(self, member: Member | None = None) -> Any:
        """An invitation for a new member of home to sign in (through the domain function):
        its ``Sent``."""
        from panelkeeper.members.invitations import invite_member

        member = member or self.panel_member(email=f"invitee{next(_serial)}@example.org")
        return invite_member(member=member, actor=None)

    def many_members(self, count: int, group: Group | None = None) -> list[Member]:
        """``count`` members with email addresses, active since 5 January 2026 and never
        asked to review their declaration (so due a reminder), saved in bulk: no events or
        audit entries, for volume tests and benchmarks only."""
        group = group or self.panel()
        members = Member.objects.bulk_create(
            (
                Member(
                    group=group,
                    full_name=f"Member {n:05d}",
                    email=f"member{n:05d}@example.org",
                    customer_type=CustomerType.TENANT,
                    started_on=dt.date(2026, 1, 5),
                )
                for n in range(count)
            ),
            batch_size=2000,
        )
        joined = {"status": Status.ACTIVE, "reason": "Joined", "recorded_at": timezone.now()}
        MemberStatus.objects.bulk_create(
            (MemberStatus(member=m, effective_from=m.started_on, **joined) for m in members),
            batch_size=2000,
        )
        return members

    def _persona_record(self, persona: str, **fields: Any) -> Member:
        if persona not in self._personas:
            self._personas[persona] = self.panel_member(**fields)
        return self._personas[persona]  # type: ignore[no-any-return]

    @property
    def chair_record(self) -> Member:
        """The home panel's chair, with their own sign-in."""
        user = self._personas.get("chair_user") or self.user(first_name="Chris", last_name="Chair")
        self._personas["chair_user"] = user
        return self._persona_record(
            "chair_record", full_name="Chris Chair", role=GroupRole.CHAIR, user=user
        )

    @property
    def member_record(self) -> Member:
        """A panel member of home with their own sign-in."""
        user = self._personas.get("member_user") or self.user(first_name="Mina", last_name="Member")
        self._personas["member_user"] = user
        return self._persona_record("member_record", full_name="Mina Member", user=user)

    @property
    def advocated_record(self) -> Member:
        """A panel member with no sign-in, whose advocate acts for them."""
        user = self._personas.get("advocate_user") or self.user(
            first_name="Ada", last_name="Advocate"
        )
        self._personas["advocate_user"] = user
        return self._persona_record("advocated_record", full_name="Arthur Advocated", advocate=user)

    def chair(self) -> User:
        """The chair persona: a member with a sign-in and no staff grant."""
        user = self.chair_record.user
        assert user is not None
        return user

    def member(self) -> User:
        """The panel member persona: signs in to their own record only."""
        user = self.member_record.user
        assert user is not None
        return user

    def advocate(self) -> User:
        """The advocate persona: acts for ``advocated_record`` and no one else."""
        user = self.advocated_record.advocate
        assert user is not None
        return user

    def document_version(
        self,
        key: str = "code_of_conduct",
        organisation: Organisation | None = None,
        published_on: dt.date = dt.date(2026, 1, 5),
        **fields: Any,
    ) -> DocumentVersion:
        """A version of one of the organisation's documents, saved directly."""
        document, _ = Document.objects.get_or_create(
            organisation=organisation or self.home,
            key=key,
            defaults={"title": fields.pop("title", key.replace("_", " ").title())},
        )
        fields.setdefault("label", f"{next(_serial)}")
        fields.setdefault("text", f"# {document.title}\n\nWe agree to act fairly.")
        fields["text_hash"] = text_hash(fields["text"])
        return DocumentVersion.objects.create(
            document=document, published_on=published_on, **fields
        )

    def signature(
        self,
        member: Member,
        version: DocumentVersion,
        signed_on: dt.date = dt.date(2026, 1, 6),
        **fields: Any,
    ) -> Signature:
        """An online signature, saved directly (no checks)."""
        fields.setdefault("typed_name", member.full_name)
        return Signature.objects.create(
            member=member,
            version=version,
            text_hash=version.text_hash,
            read_and_understood=True,
            signed_on=signed_on,
            recorded_at=timezone.now(),
            method=Signature.Method.ONLINE,
            **fields,
        )

    def countersignature(
        self, signature: Signature, officer: User | None = None, on: dt.date | None = None
    ) -> Countersignature:
        officer = officer or self.officer()
        return Countersignature.objects.create(
            signature=signature,
            officer=officer,
            officer_name=officer.get_full_name(),
            countersigned_on=on or signature.signed_on,
            recorded_at=timezone.now(),
        )

    def signed_up(self, member: Member, preset: str = "vela") -> Member:
        """``member`` with every document the organisation's code has members sign, signed
        on 6 January 2026 and countersigned: eligible to take part (MEM-2). The code is the
        one the organisation published last, or ``preset``'s when it has none yet.

        Each document has one version per organisation, made once, so that signing up a
        second member does not leave the first one's signatures outdated (MEM-6)."""
        from panelkeeper.cases.procedure import policy_of

        organisation = member.group.organisation
        # The code the organisation has published, however it was published (browser
        # tests publish through the pages), else ``preset``'s, published now.
        version = (
            PolicyVersion.objects.published()
            .filter(organisation=organisation)
            .order_by("-in_force_from")
            .first()
        ) or self.code_in_force(preset, organisation)
        documents = policy_of(version).documents
        grant = Grant.objects.filter(organisation=organisation, role=Grant.Role.OFFICER).first()
        officer = grant.user if grant is not None else self.officer(organisation)
        for item in documents.to_sign if documents is not None else ():
            key = f"signed_up:{organisation.pk}:{item.key}"
            if key not in self._personas:
                self._personas[key] = self.document_version(
                    item.key, organisation, title=item.title
                )
            self.countersignature(self.signature(member, self._personas[key]), officer)
        return member

    def involved_customer(
        self, group: Group | None = None, *, preset: str = "vela", **fields: Any
    ) -> Member:
        """A panel member eligible under ``preset``'s code to sit on an investigating group
        (MEM-2)."""
        return self.signed_up(self.panel_member(group, **fields), preset)

    # Meetings (meetings) ------------------------------------------------------------

    def meeting(
        self,
        group: Group | None = None,
        date: dt.date | None = None,
        *,
        held: bool | None = None,
        today: dt.date | None = None,
        **fields: Any,
    ) -> Any:
        """A meeting made through the domain function: held if dated before ``today``.

        A test that names the date works on the suite's fixed calendar (today is
        23 November 2026 unless it says otherwise). Without a date the meeting is ten
        days after the real today, so pages that read the real date see it still to come
        whenever the suite runs.
        """
        from django.utils import timezone

        from panelkeeper.meetings.schedule import schedule_meeting

        if date is None:
            today = today or timezone.localdate()
            date = today + dt.timedelta(days=10)
        else:
            today = today or dt.date(2026, 11, 23)

        fields.setdefault("starts_at", dt.time(18, 30))
        fields.setdefault("place", "Community Room, Hope Street")
        return schedule_meeting(
            group=group or self.panel(),
            date=date,
            held=date < today if held is None else held,
            actor=fields.pop("actor", None) or self.officer(),
            today=today,
            **fields,
        )

    def missed_meetings(self, member: Member | None = None) -> Any:
        """An open decision on ``member`` (``member_record``), who missed three meetings
        in a row where the code allows two (MTG-2), saved directly."""
        from panelkeeper.meetings.models import MissedMeetings

        member = member or self.member_record
        return MissedMeetings.objects.create(
            member=member,
            group=member.group,
            missed=3,
            limit=2,
            first_missed_on=dt.date(2026, 9, 1),
            last_missed_on=dt.date(2026, 11, 1),
            opened_on=dt.date(2026, 11, 2),
            opened_at=dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC),
        )

    # Registers of interests and gifts, pieces of work (registers) --------------------

    def interest(self, member: Member | None = None, **fields: Any) -> Any:
        """A declared interest, saved directly, current from 1 February 2026."""
        from panelkeeper.registers.models import Interest, InterestKind

        member = member or self.panel_member()
        fields.setdefault("kind", InterestKind.MEMBERSHIP)
        fields.setdefault("description", f"Committee of residents' association {next(_serial)}")
        fields.setdefault("starts_on", dt.date(2026, 2, 1))
        fields.setdefault("declared_at", timezone.now())
        if "declared_by" not in fields:
            fields["declared_by"] = self.officer()
        return Interest.objects.create(
            organisation=member.group.organisation, member=member, **fields
        )

    def gift(self, member: Member | None = None, **fields: Any) -> Any:
        """A gift received, declared the day it was given and waiting for the group's next
        meeting, saved directly (on no agenda yet)."""
        from panelkeeper.registers.models import Gift, GiftStatus, GiverKind

        member = member or self.panel_member()
        fields.setdefault("giver_kind", GiverKind.CONTRACTOR)
        fields.setdefault("giver_name", f"Giver Ltd {next(_serial)}")
        fields.setdefault("description", "Lunch at a supplier's open day")
        fields.setdefault("value", "25.00")
        fields.setdefault("given_on", dt.date(2026, 11, 2))
        fields.setdefault("declared_on", fields["given_on"])
        fields.setdefault("reported_to_role", "customer_involvement_team")
        fields.setdefault("reported_to_title", "Customer Involvement Team")
        fields.setdefault("declared_at", timezone.now())
        fields.setdefault("status", GiftStatus.WAITING_FOR_MEETING)
        fields.setdefault("decides_title", f"the next meeting of {member.group.name}")
        if "declared_by" not in fields:
            fields["declared_by"] = self.officer()
        return Gift.objects.create(
            organisation=member.group.organisation, member=member, group=member.group, **fields
        )

    def work_item(self, organisation: Organisation | None = None, **fields: Any) -> Any:
        """A piece of work dated 3 December 2026, saved directly."""
        from panelkeeper.registers.models import WorkItem, WorkKind

        fields.setdefault("kind", WorkKind.PROJECT)
        fields.setdefault("title", f"Scrutiny of repairs {next(_serial)}")
        fields.setdefault("on", dt.date(2026, 12, 3))
        fields.setdefault("created_at", timezone.now())
        return WorkItem.objects.create(organisation=organisation or self.home, **fields)

    # Breach cases (cases) -----------------------------------------------------------

    def code_in_force(self, preset: str = "vela", organisation: Organisation | None = None) -> Any:
        """The organisation's published code (once), with a holder for every staff title."""
        from panelkeeper.cases.procedure import policy_of

        key = f"code_in_force:{preset}:{(organisation or self.home).pk}"
        if key not in self._personas:
            version = self.published_version(organisation, preset)
            # Holders with no grant: a director an appeal is put to sees only that appeal.
            for role in policy_of(version).staff_roles:
                holder = self.user(first_name="Holder of", last_name=role.title)
                self.role_holder(role.key, holder, organisation, role_title=role.title)
            self._personas[key] = version
        return self._personas[key]

    def breach_case(
        self,
        member: Member | None = None,
        *,
        preset: str = "vela",
        effective: dt.date = dt.date(2026, 11, 2),
        today: dt.date = dt.date(2026, 11, 23),
        **fields: Any,
    ) -> Any:
        """A breach raised through ``raise_breach`` under ``preset`` (vela by default)."""
        from panelkeeper.cases.changes.opening import raise_breach

        member = member or self.subject_record
        self.code_in_force(preset, member.group.organisation)
        fields.setdefault("description", "Shared a resident's details outside the panel.")
        fields.setdefault("setting", "meeting")
        fields.setdefault("clauses", ["code_of_conduct"])
        fields.setdefault("raised_by", "staff")
        fields.setdefault("reporter_name", "Rita Reporter")
        return raise_breach(
            organisation=member.group.organisation,
            member=member,
            actor=fields.pop("actor", None),
            effective=effective,
            today=today,
            **fields,
        )

    @property
    def subject_record(self) -> Member:
        """The member a breach is about, with their own sign-in."""
        user = self._personas.get("subject_user") or self.user(
            first_name="Sam", last_name="Subject"
        )
        self._personas["subject_user"] = user
        return self._persona_record("subject_record", full_name="Sam Subject", user=user)

    @property
    def the_case(self) -> Any:
        """The persona case: a vela breach about ``subject_record``, raised 2 November 2026."""
        if "the_case" not in self._personas:
            self._personas["the_case"] = self.breach_case()
        return self._personas["the_case"]

    def subject(self) -> User:
        """The subject persona: the member ``the_case`` is about."""
        assert self.the_case is not None
        user = self.subject_record.user
        assert user is not None
        return user

    def invited_to_case(
        self,
        case: Any = None,
        *,
        part: str = "seat",
        role_key: str = "",
        user: User | None = None,
        **fields: Any,
    ) -> User:
        """Someone from outside the team who accepted an invitation to ``case`` (default
        ``the_case``): the rows an acceptance leaves, saved directly. A seat is then filled
        by the caller, on the dates the test pins."""
        from panelkeeper.accounts.models import Invitation
        from panelkeeper.cases.models import CaseInvitation

        case = case if case is not None else self.the_case
        user = user or self.user(**fields)
        now = timezone.now()
        invitation = Invitation.objects.create(
            organisation=case.organisation,
            email=user.email,
            role=Invitation.Role.CASE,
            expires_at=now + dt.timedelta(days=7),
            token_hash=f"accepted-{user.pk}",
            accepted_at=now,
            accepted_by=user,
        )
        CaseInvitation.objects.create(
            invitation=invitation,
            case=case,
            name=str(user),
            part=part,
            role_key=role_key or ("service_improvement_team" if part == "seat" else ""),
            role_title=role_key.replace("_", " ").capitalize(),
        )
        return user

    def investigator(self) -> User:
        """Someone from outside the team, invited to ``the_case`` and seated on its
        investigating group: no grant, no member record."""
        if "investigator" not in self._personas:
            from panelkeeper.cases.changes.people import seat_investigator

            user = self.invited_to_case(first_name="Ivy", last_name="Investigator")
            seat_investigator(
                case=self.the_case,
                role_key="service_improvement_team",
                user=user,
                actor=None,
                effective=dt.date(2026, 11, 3),
                today=dt.date(2026, 11, 23),
            )
            self._personas["investigator"] = user
        return self._personas["investigator"]  # type: ignore[no-any-return]

    def guest(self) -> User:
        """The persona of a person from outside the team invited to one case: tied to
        nothing until a row has made ``the_case``, then invited to it and seated on its
        group (asked again, as each persona is when it signs in, after the row's records
        are made)."""
        user = self._personas.get("guest")
        if user is None:
            user = self._personas["guest"] = self.user(first_name="Gina", last_name="Guest")
        if "the_case" in self._personas and not self.the_case.seats.filter(user=user).exists():
            from panelkeeper.cases.changes.people import seat_investigator

            self.invited_to_case(user=user, role_key="customer_involvement_team")
            seat_investigator(
                case=self.the_case,
                role_key="customer_involvement_team",
                user=user,
                actor=None,
                effective=dt.date(2026, 11, 3),
                today=dt.date(2026, 11, 23),
            )
        return user  # type: ignore[no-any-return]

    def case_invitation(self, email: str = "") -> Any:
        """An invitation to a seat on ``the_case``, waiting (through the domain function):
        its ``CaseInvitation``."""
        from panelkeeper.cases.invitations import invite_to_case
        from panelkeeper.cases.models import CaseInvitation

        sent = invite_to_case(
            case=self.the_case,
            email=email or f"invited{next(_serial)}@example.org",
            name="Gina Guest",
            part="seat:customer_involvement_team",
            actor=None,
        )
        return CaseInvitation.objects.get(invitation=sent.invitation)

    def title_invitation(self, role_key: str = "customer_involvement_team") -> Any:
        """An invitation to hold a staff title of home's code, waiting: its ``Sent``."""
        from panelkeeper.organisations.title_invitations import invite_to_title

        if not PolicyVersion.objects.filter(organisation=self.home).exists():
            self.draft_version()
        return invite_to_title(
            organisation=self.home,
            role_key=role_key,
            email=f"invited{next(_serial)}@example.org",
            actor=None,
        )

    def appeal_officer(self) -> User:
        """The holder of the appeal title with ``the_case``'s appeal put to them (vela: the
        Group Director of Operations): the case is decided, notified and appealed."""
        if "appeal_officer" not in self._personas:
            from panelkeeper.cases.changes.appeals import lodge_appeal
            from panelkeeper.cases.changes.people import seat_investigator
            from panelkeeper.cases.changes.steps import (
                convene_group,
                inform_member,
                record_determination,
                record_notice,
                record_outcome,
            )

            case, day = self.the_case, dt.date(2026, 11, 23)
            inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=day)
            for role in ("customer_involvement_team", "service_improvement_team"):
                seat_investigator(
                    case=case,
                    role_key=role,
                    user=self.invited_to_case(case, role_key=role),
                    actor=None,
                    effective=dt.date(2026, 11, 4),
                    today=day,
                )
            seat_investigator(
                case=case,
                role_key="involved_customer",
                member=self.involved_customer(),
                actor=None,
                effective=dt.date(2026, 11, 4),
                today=day,
            )
            convene_group(case=case, actor=None, effective=dt.date(2026, 11, 5), today=day)
            record_determination(
                case=case, level="minor", actor=None, effective=dt.date(2026, 11, 10), today=day
            )
            record_outcome(
                case=case,
                outcome="final_written_warning",
                actor=None,
                effective=dt.date(2026, 11, 10),
                today=day,
            )
            record_notice(
                case=case,
                sent_on=dt.date(2026, 11, 11),
                to="Sam Subject",
                channel="email",
                actor=None,
                today=day,
            )
            lodge_appeal(case=case, received_on=dt.date(2026, 11, 16), actor=None, today=day)
            case.refresh_from_db()
            self._personas["appeal_officer"] = case.appeal_officer
        return self._personas["appeal_officer"]  # type: ignore[no-any-return]

    # Letters (letters) ---------------------------------------------------------------

    def decided_case(self, outcome: str = "final_written_warning") -> Any:
        """``the_case`` (vela) decided on 10 November 2026: a minor breach and ``outcome``;
        the subject prefers email. No notice has been sent yet."""
        if "decided_case" not in self._personas:
            self._personas["decided_case"] = self.decide(self.the_case, outcome)
        return self._personas["decided_case"]

    def decide(self, case: Any, outcome: str, **outcome_fields: Any) -> Any:
        """``case`` (vela) decided on 10 November 2026 as ``decided_case`` is; an outcome
        the code does not name takes a ``reason`` and an ``effect``."""
        from panelkeeper.cases.changes.people import seat_investigator
        from panelkeeper.cases.changes.steps import (
            convene_group,
            inform_member,
            record_determination,
            record_outcome,
        )

        day = dt.date(2026, 11, 23)
        member = case.member
        member.email, member.contact_by = "sam@example.org", "email"
        member.save(update_fields=["email", "contact_by"])
        inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=day)
        for role in ("customer_involvement_team", "service_improvement_team"):
            seat_investigator(
                case=case, role_key=role, user=self.invited_to_case(case, role_key=role),
                actor=None,
                effective=dt.date(2026, 11, 4), today=day,
            )  # fmt: skip
        seat_investigator(
            case=case, role_key="involved_customer", member=self.involved_customer(),
            actor=None, effective=dt.date(2026, 11, 4), today=day,
        )  # fmt: skip
        convene_group(case=case, actor=None, effective=dt.date(2026, 11, 5), today=day)
        record_determination(
            case=case, level="minor", actor=None, effective=dt.date(2026, 11, 10), today=day
        )
        record_outcome(
            case=case, outcome=outcome, actor=None,
            effective=dt.date(2026, 11, 10), today=day, **outcome_fields,
        )  # fmt: skip
        case.refresh_from_db()
        return case

    def letter(self, case: Any = None, **fields: Any) -> Any:
        """The outcome letter of ``decided_case`` (or ``case``), emailed on 23 November 2026."""
        from panelkeeper.letters.issuing import issue_case_letter

        fields.setdefault("today", dt.date(2026, 11, 23))
        return issue_case_letter(
            case=case or self.decided_case(), kind=fields.pop("kind", None), actor=None, **fields
        )

    def member_letter(self, member: Member | None = None) -> Any:
        """A request to re-sign the code, emailed to ``member`` (``member_record``) (MEM-6)."""
        from panelkeeper.letters.issuing import issue_resign_request

        member = member or self.member_record
        if not member.email:
            member.email, member.contact_by = f"member{next(_serial)}@example.org", "email"
            member.save(update_fields=["email", "contact_by"])
        version = DocumentVersion.objects.filter(
            document__organisation=member.group.organisation, document__key="code_of_conduct"
        ).first() or self.document_version("code_of_conduct", member.group.organisation)
        return issue_resign_request(
            member=member,
            version=version,
            signed_label="1",
            actor=None,
            today=dt.date(2026, 11, 23),
        )

    # Emails (outbox) -----------------------------------------------------------------

    def undelivered_email(self, organisation: Organisation | None = None, **fields: Any) -> Any:
        """An email posted to ``organisation`` (home)'s outbox and refused by the mail
        server, as the sender leaves it: failed, with the server's reason."""
        from panelkeeper.outbox.models import Message, Status
        from panelkeeper.outbox.posting import post

        key = f"test-email:{next(_serial)}"
        post(
            key=key,
            to=fields.pop("to", "wrong@example.org"),
            name=fields.pop("name", "Mina Member"),
            subject=fields.pop("subject", "Meeting on Wednesday 25 November 2026"),
            body="Dear Mina,",
            organisation=organisation or self.home,
        )
        fields.setdefault("status", Status.FAILED)
        fields.setdefault("failed_at", timezone.now())
        fields.setdefault("attempts", 1)
        fields.setdefault(
            "reason", "The mail server refused the address: 5.1.1 No such mailbox (code 550)."
        )
        Message.objects.filter(key=key).update(**fields)
        return Message.objects.get(key=key)

    # Concerns raised on the public page (concerns) ----------------------------------

    def concern(
        self,
        organisation: Organisation | None = None,
        *,
        preset: str = "thirteen",
        today: dt.date = dt.date(2026, 11, 23),
        **fields: Any,
    ) -> Any:
        """A concern received through ``submit_concern`` under ``preset``'s code (thirteen,
        which has the anonymous route). Named unless ``anonymous=True``; the receipt code
        of an anonymous one is kept on the concern as ``code`` (for tests only)."""
        from panelkeeper.concerns.handling import Report, submit_concern
        from panelkeeper.concerns.routing import raising_for

        organisation = organisation or self.home
        self.code_in_force(preset, organisation)
        anonymous = fields.pop("anonymous", False)
        fields.setdefault("about", "conduct")
        fields.setdefault("what_happened", "Shouted at a tenant during the panel meeting.")
        fields.setdefault("happened_on", dt.date(2026, 11, 12))
        fields.setdefault("setting", "meeting")
        fields.setdefault("about_whom", "The vice chair")
        fields.setdefault("reporter_kind", "customer")
        fields.setdefault("reporter_name", "" if anonymous else "Rhona Reporter")
        fields.setdefault("reporter_contact", "" if anonymous else "rhona@example.org")
        fields.setdefault("consents_to_identity", False)
        raising = raising_for(organisation, on=today)
        assert raising is not None
        concern, code = submit_concern(
            organisation=organisation,
            raising=raising,
            report=Report(anonymous=anonymous, **fields),
            today=today,
        )
        concern.code = code
        return concern
