"""Every kind of record an organisation holds, once: what the export writes and the
removal deletes.

One :class:`Kind` per model that belongs to an organisation, directly or through its
parent, in an order where each comes after every kind it refers to: the export writes
them in this order and the removal deletes them in the reverse. ``tests/departure/
test_kinds.py`` reads every model the project has and fails when one that reaches an
organisation is missing here, so a new model cannot be left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation


@dataclass(frozen=True)
class Kind:
    """``model`` (an app label and name) reaches its organisation through ``via``.

    ``stem`` names its files in the export, ``label`` and ``holds`` say in plain words
    what they are. ``secret`` fields (hashes of codes and tokens) are never exported;
    ``text_file`` names a text field also written as a file of its own, with its suffix;
    ``stored_file`` a text field holding the name of a file on the default storage, which
    the export copies and the removal deletes, as it does the files of file fields.
    """

    model_label: str
    via: str
    stem: str
    label: str
    holds: str
    secret: tuple[str, ...] = ()
    text_file: tuple[str, str] | None = None
    stored_file: str | None = None
    rows_of: Callable[[Organisation], Q] | None = field(default=None, compare=False)

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def rows(self, organisation: Organisation) -> models.QuerySet[Any]:
        """This kind's records of ``organisation``, in the order they were made."""
        where = (
            self.rows_of(organisation)
            if self.rows_of is not None
            else Q(**{self.via: organisation.pk})
        )
        return self.model._base_manager.filter(where).order_by("pk")


def _people(organisation: Organisation) -> Q:
    """The accounts that sign in to ``organisation``: its staff, members, advocates, role
    holders and data protection leads."""

    def users_of(label: str, via: str, *fields: str) -> Q:
        rows = apps.get_model(label)._base_manager.filter(**{via: organisation.pk})
        return Q(*(Q(id__in=rows.values(name)) for name in fields), _connector=Q.OR)

    return (
        users_of("accounts.Grant", "organisation", "user")
        | users_of("members.Member", "group__organisation", "user", "advocate")
        | users_of("organisations.RoleHolder", "organisation", "user")
        | users_of("subject_access.DataProtectionLead", "organisation", "user")
    )


ORGANISATION = "organisation"
MEMBER = "member__group__organisation"
MEETING = "meeting__group__organisation"
CASE = "case__organisation"

KINDS: tuple[Kind, ...] = (
    Kind(
        "organisations.Organisation",
        "pk",
        "organisation",
        "The organisation",
        "its name, contact details, bank holiday region and logo",
    ),
    Kind(
        "accounts.User",
        "",
        "accounts",
        "People who sign in",
        "the name and email address of each account used with the organisation: staff, "
        "members, advocates and role holders (passwords and second factors are not exported)",
        secret=("password",),
        rows_of=_people,
    ),
    Kind(
        "organisations.Group",
        ORGANISATION,
        "groups",
        "Groups",
        "its panels and groups of involved customers",
    ),
    Kind(
        "organisations.PolicyVersion",
        ORGANISATION,
        "code-versions",
        "Versions of the code",
        "every version of its code of conduct, each also as a TOML file in files/code-versions",
        text_file=("source", ".toml"),
    ),
    Kind(
        "organisations.RoleHolder",
        ORGANISATION,
        "role-holders",
        "Role holders",
        "who holds each staff title its code names",
    ),
    Kind(
        "organisations.ClosureDay",
        ORGANISATION,
        "closure-days",
        "Closure days",
        "the days its offices are closed, on top of bank holidays",
    ),
    Kind(
        "accounts.Grant",
        ORGANISATION,
        "staff-roles",
        "Staff roles",
        "who works for it as an officer or an auditor",
    ),
    Kind(
        "accounts.ApiToken",
        ORGANISATION,
        "api-tokens",
        "API tokens",
        "the names and dates of its API tokens (never the tokens themselves)",
        secret=("secret_hash",),
    ),
    Kind(
        "members.Member",
        "group__organisation",
        "members",
        "Members",
        "its members and their contact details",
    ),
    Kind(
        "members.MemberStatus",
        MEMBER,
        "member-statuses",
        "Member statuses",
        "each member's status over time: joined, suspended, ended",
    ),
    Kind(
        "accounts.Invitation",
        ORGANISATION,
        "invitations",
        "Invitations",
        "invitations to sign in sent to staff, members and others (never their links)",
        secret=("token_hash",),
    ),
    Kind(
        "organisations.TitleInvitation",
        "invitation__organisation",
        "title-invitations",
        "Invitations to hold a title",
        "invitations to hold a staff title its code names",
    ),
    Kind(
        "members.Document",
        ORGANISATION,
        "documents",
        "Documents",
        "the documents members sign, such as the code of conduct",
    ),
    Kind(
        "members.DocumentVersion",
        "document__organisation",
        "document-versions",
        "Versions of documents",
        "the wording of each version of each document",
    ),
    Kind(
        "members.Signature",
        MEMBER,
        "signatures",
        "Signatures",
        "each signature of a document, with the scan of a paper copy in files/signatures",
    ),
    Kind(
        "members.Countersignature",
        "signature__member__group__organisation",
        "countersignatures",
        "Countersignatures",
        "officers' countersignatures",
    ),
    Kind("members.Appraisal", MEMBER, "appraisals", "Appraisals", "members' appraisals"),
    Kind("members.Expense", MEMBER, "expenses", "Expense claims", "members' expense claims"),
    Kind(
        "registers.RegisterSettings",
        ORGANISATION,
        "register-settings",
        "Register settings",
        "how its registers of interests and gifts are published",
    ),
    Kind(
        "registers.WorkItem",
        ORGANISATION,
        "work-items",
        "Pieces of work",
        "the pieces of work members may have a conflict of interest in",
    ),
    Kind(
        "registers.Interest",
        ORGANISATION,
        "declarations",
        "Declarations of interest",
        "members' declarations of interest",
    ),
    Kind(
        "registers.Review",
        ORGANISATION,
        "declaration-reviews",
        "Reviews of declarations",
        "when members confirmed their declarations were up to date",
    ),
    Kind(
        "registers.ReviewReminder",
        MEMBER,
        "declaration-reminders",
        "Reminders to review declarations",
        "reminders sent to review declarations",
    ),
    Kind(
        "registers.ConflictDecision",
        ORGANISATION,
        "conflict-decisions",
        "Decisions on conflicts",
        "decisions on members' conflicts of interest",
    ),
    Kind(
        "registers.Gift",
        ORGANISATION,
        "gifts",
        "Gifts and hospitality",
        "gifts and hospitality members declared, and what was decided",
    ),
    Kind(
        "registers.Export",
        ORGANISATION,
        "register-files",
        "Files of the registers",
        "files of its registers made for staff to download, each in files/register-files",
        stored_file="stored_as",
    ),
    Kind("meetings.Meeting", "group__organisation", "meetings", "Meetings", "its meetings"),
    Kind(
        "meetings.Paper",
        MEETING,
        "meeting-papers",
        "Meeting papers",
        "papers uploaded for meetings, each file in files/meeting-papers",
    ),
    Kind(
        "meetings.MissedMeetings",
        "group__organisation",
        "missed-meetings",
        "Decisions on missed meetings",
        "what was decided when members missed meetings",
    ),
    Kind("meetings.AgendaItem", MEETING, "agenda-items", "Agenda items", "meetings' agendas"),
    Kind(
        "meetings.Attendance",
        MEETING,
        "attendance",
        "Attendance",
        "who attended each meeting, and apologies with their reasons",
    ),
    Kind("meetings.Decision", MEETING, "decisions", "Decisions", "decisions made at meetings"),
    Kind(
        "meetings.VoteCast",
        "decision__meeting__group__organisation",
        "votes",
        "Votes",
        "how members voted on decisions",
    ),
    Kind("meetings.Action", MEETING, "actions", "Actions", "actions agreed at meetings"),
    Kind(
        "meetings.AskedToLeave",
        MEETING,
        "asked-to-leave",
        "Members asked to leave",
        "members asked to leave a meeting",
    ),
    Kind(
        "meetings.CalendarFeed",
        ORGANISATION,
        "calendar-feeds",
        "Calendar feeds",
        "calendar feeds made for members (never their secret links)",
        secret=("secret_hash",),
    ),
    Kind("cases.Case", ORGANISATION, "cases", "Breach cases", "its breach cases"),
    Kind(
        "cases.CaseEventText",
        "event__case__organisation",
        "case-event-texts",
        "What case events say",
        "the reasons given for steps taken on cases, and whom written notices went to",
    ),
    Kind(
        "cases.CaseEvent",
        CASE,
        "case-events",
        "Case events",
        "every step taken on each case, in order",
    ),
    Kind(
        "cases.CaseParty",
        CASE,
        "case-parties",
        "People on cases",
        "the people each case names: witnesses, reporters and others",
    ),
    Kind(
        "cases.Seat",
        CASE,
        "case-seats",
        "Seats on investigating groups",
        "who sat on each case's investigating group",
    ),
    Kind(
        "cases.SeatRelease",
        "seat__case__organisation",
        "case-seat-releases",
        "Seats given up",
        "when someone left a case's investigating group, and why",
    ),
    Kind(
        "cases.CaseInvitation",
        CASE,
        "case-invitations",
        "Invitations to cases",
        "people from outside invited to help with a case",
    ),
    Kind(
        "concerns.Concern",
        ORGANISATION,
        "concerns",
        "Concerns",
        "concerns raised with it, anonymous reports among them (never their receipt codes)",
        secret=("receipt_digest",),
    ),
    Kind(
        "concerns.Message",
        "concern__organisation",
        "concern-messages",
        "Messages about concerns",
        "messages between officers and the people who raised concerns",
    ),
    Kind(
        "letters.LetterTemplate",
        ORGANISATION,
        "letter-templates",
        "Letter templates",
        "the wording of its letters",
    ),
    Kind(
        "letters.Letter",
        ORGANISATION,
        "letters",
        "Letters",
        "every letter issued, each as a PDF in files/letters",
    ),
    Kind(
        "letters.Dispatch",
        "letter__organisation",
        "letter-dispatches",
        "Letters sent",
        "how and when each letter was sent",
    ),
    Kind("letters.Reminder", ORGANISATION, "reminders", "Reminders", "reminders it sent"),
    Kind("outbox.Message", ORGANISATION, "emails", "Emails", "every email it sent"),
    Kind(
        "outbox.Attachment",
        "message__organisation",
        "email-attachments",
        "Email attachments",
        "files attached to emails, each in files/email-attachments",
    ),
    Kind(
        "retention.RetentionPeriod",
        ORGANISATION,
        "retention-schedule",
        "Retention schedule",
        "how long it keeps each kind of record, where it changed it",
    ),
    Kind(
        "retention.LegalHold",
        ORGANISATION,
        "legal-holds",
        "Legal holds",
        "legal holds placed and lifted",
    ),
    Kind(
        "subject_access.DataProtectionLead",
        ORGANISATION,
        "data-protection-leads",
        "Data protection leads",
        "who it named as its data protection lead",
    ),
    Kind(
        "subject_access.SubjectAccessRequest",
        ORGANISATION,
        "subject-access-requests",
        "Subject access requests",
        "requests from people for the records held about them",
    ),
    Kind(
        "subject_access.Pause",
        "request__organisation",
        "subject-access-pauses",
        "Pauses of subject access requests",
        "when a request's deadline was paused, and why",
    ),
    Kind(
        "subject_access.Pack",
        "request__organisation",
        "subject-access-packs",
        "Subject access packs",
        "the packs built for requests, and when they were released",
    ),
    Kind(
        "subject_access.RecordView",
        ORGANISATION,
        "access-log",
        "Access log",
        "who read which confidential record, and when",
    ),
    Kind(
        "audit.AuditEntry",
        ORGANISATION,
        "audit-trail",
        "Audit trail",
        "who changed which record, when, and which of its fields",
    ),
    Kind(
        "audit.AuditCheckpoint",
        ORGANISATION,
        "audit-checkpoints",
        "Audit checkpoints",
        "where its audit trail starts again after its oldest entries were removed",
    ),
    Kind(
        "audit.AuditChain",
        ORGANISATION,
        "audit-chain",
        "Audit chain",
        "the seal on the latest entry of its audit trail",
    ),
)

# Kinds that are the installation's rather than the organisation's: exported with it,
# never removed with it (an account may serve another organisation too).
SHARED = frozenset({"accounts.User"})
BY_LABEL = {kind.model_label: kind for kind in KINDS}
