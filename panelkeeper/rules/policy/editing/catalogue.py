"""The code editor's catalogue: every setting a landlord may change, grouped as the rulebook is.

``PARTS`` lists the forms in the rulebook's order; ``part(slug)`` finds one. Each
:class:`Part` says in plain words what it governs and names its rule ids (CLAUSES.md).
The breach ladder's parts are declared in :mod:`.catalogue_breach`. Choices that come
from the document itself (roles, levels, informal steps, outcomes) are listed by
``choices_for(field, document)`` and ``role_choices(document)`` (from :mod:`.document`).

Keys a landlord does not change, each with its reason, are in :data:`FIXED_KEYS`; a
test compares the two with what the loader reads.
"""

from __future__ import annotations

from panelkeeper.rules.policy.editing import words
from panelkeeper.rules.policy.editing.catalogue_breach import BREACH_PARTS, role_field
from panelkeeper.rules.policy.editing.document import choices_for, role_choices
from panelkeeper.rules.policy.editing.entries import (
    ORIGIN,
    Entry,
    Field,
    Kind,
    Names,
    Part,
    Row,
    Rows,
    Value,
)

__all__ = [
    "FIXED_KEYS",
    "ORIGIN",
    "PARTS",
    "Entry",
    "Field",
    "Kind",
    "Names",
    "Part",
    "Row",
    "Rows",
    "Value",
    "choices_for",
    "part",
    "role_choices",
]

_YES, _NO = True, False


def _switch(key: str, label: str, hint: str = "", *, default: bool = _NO) -> Field:
    return Field(key, label, Kind.YES_NO, hint, default=default)


NAMES = Part(
    "names",
    "Names and words",
    "The organisation's name, the groups this code covers, and the words used for the "
    "chair, the vice chair and the group as a whole.",
    (),
    (
        Field("code.organisation", "Organisation", Kind.TEXT, required=True),
        Field("code.title", "Title of the code", Kind.TEXT, "Shown at the top of the rulebook."),
        Field(
            "code.version",
            "Version name",
            Kind.TEXT,
            "A short name for this version, such as 2027-1.",
            required=True,
        ),
        Names(
            "groups",
            "Groups this code covers",
            "group",
            "The panels or groups whose members sign this code.",
            required=True,
        ),
        Field("roles.members.chair", "What the chair is called", Kind.TEXT, default="Chair"),
        Field(
            "roles.members.vice_chair",
            "What the vice chair is called",
            Kind.TEXT,
            default="Vice Chair",
        ),
        Field(
            "roles.members.panel",
            "What the group as a whole is called",
            Kind.TEXT,
            "Used in sentences, such as: the Panel decides.",
            default="the Panel",
        ),
        Field(
            "roles.members.involved_customer",
            "What another member is called",
            Kind.TEXT,
            default="another involved customer",
        ),
        Field(
            "roles.members.project_lead",
            "What the officer leading a piece of work is called",
            Kind.TEXT,
            default="the officer leading the scrutiny project",
        ),
        Field(
            "roles.members.lead_officer_scrutinised",
            "What the lead officer of the service looked at is called",
            Kind.TEXT,
            default="the lead officer of the organisation scrutinised",
        ),
    ),
)

TITLES = Part(
    "titles",
    "Staff titles and what each does",
    "The staff titles this code names, and which of them receives reports of a breach, "
    "investigates, countersigns documents and decides appeals. Each title needs a person "
    "holding it before the code is published.",
    ("BR-2", "BR-6", "BR-12", "BR-13", "MEM-4"),
    (
        Names(
            "roles.staff",
            "Staff titles",
            "staff title",
            "Rename a title to match your organisation; a title nothing uses cannot be kept.",
        ),
        role_field("breach.raising.route_to", "Who receives reports of a breach", many=True),
        role_field("breach.investigated_by", "Who investigates a breach", many=True),
        role_field(
            "breach.raising.monitored_by", "Who keeps watch on how breaches are handled", many=True
        ),
        role_field("documents.countersigned_by", "Who countersigns members' documents"),
        role_field("breach.appeal.to", "Who decides an appeal"),
    ),
)

DOCUMENTS = Part(
    "documents",
    "Documents and signing",
    "The documents members sign, what signing confirms, whether the organisation "
    "countersigns, and what happens when a document changes.",
    ("MEM-2", "MEM-3", "MEM-4", "MEM-6", "BR-0", "GOV-3"),
    (
        Rows(
            "documents.items",
            "Documents",
            "document",
            (
                Field("title", "Title", Kind.TEXT, required=True),
                _switch("sign", "Members sign it"),
                _switch("breach_may_cite", "A breach report may say it was broken"),
            ),
            key_field="key",
            title_field="title",
            required=True,
            inline=True,
        ),
        _switch("documents.read_in_full", "Members confirm they have read every document in full"),
        _switch(
            "documents.acknowledge_consequences",
            "Members confirm they know what may happen if they break the code",
        ),
        role_field("documents.countersigned_by", "Who countersigns members' documents"),
        Field(
            "documents.organisation_provides",
            "What the organisation promises when it countersigns",
            Kind.TEXTS,
            "One on each line, such as training.",
        ),
        Field(
            "documents.needs_identified_at",
            "When members' training needs are looked at",
            Kind.TEXTS,
            "One on each line, such as when they join.",
        ),
        _switch(
            "documents.breach_covers_spirit",
            "Going against the spirit of the documents is a breach",
        ),
        _switch(
            "documents.breach_covers_co_regulation",
            "Working against co-regulation and partnership is a breach",
        ),
        _switch(
            "behaviours.eligibility_needs_signatures",
            "Members take no part until they have signed every document",
            default=_YES,
        ),
        _switch(
            "behaviours.resign_new_versions",
            "Members sign again when a new version of a document is published",
            default=_YES,
        ),
    ),
)

MEMBERSHIP = Part(
    "membership",
    "Membership",
    "Who may become a member, what members may be paid, and when the code applies to them.",
    ("MEM-1", "MEM-5", "MEM-9"),
    (
        Field(
            "membership.customers",
            "Who counts as a customer",
            Kind.TEXTS,
            "One kind of customer on each line, such as tenants and leaseholders.",
        ),
        _switch(
            "membership.rewards_and_expenses",
            "Members may receive rewards and expenses, and nothing else",
        ),
        _switch("membership.voluntary", "The role is unpaid"),
        Field(
            "membership.applies_when",
            "When the code applies",
            Kind.PARAGRAPH,
            "In a few words, such as: whenever members act for the group.",
        ),
    ),
)

ATTENDANCE = Part(
    "attendance",
    "Attendance and apologies",
    "How members send apologies, how much notice they give, and whether missing "
    "meetings in a row can end membership.",
    ("MTG-1", "MTG-2"),
    (
        Field(
            "attendance.apologies_for",
            "Members send apologies for",
            Kind.CHOICES,
            choices=words.APOLOGIES_FOR,
            default=("absence",),
        ),
        Field(
            "attendance.apologies_notice",
            "How long before the meeting apologies are due",
            Kind.DURATION,
            "Leave empty if the code sets no notice.",
        ),
        _switch("attendance.apologies_with_reasons", "Members give a reason"),
        _switch(
            "attendance.apologies_with_arrival_time",
            "Members arriving late say when they will arrive",
        ),
        role_field("attendance.apologies_to", "Who receives apologies", many=True),
        Field(
            "attendance.consecutive_absences.limit",
            "Meetings in a row a member may miss",
            Kind.WHOLE_NUMBER,
            "Missing one more than this leads to a decision on their membership. Leave empty "
            "if missed meetings never end membership.",
        ),
        _switch(
            "attendance.consecutive_absences.count_with_apologies",
            "Meetings missed with apologies count too",
            default=_YES,
        ),
        role_field(
            "attendance.consecutive_absences.decided_by", "Who decides whether membership ends"
        ),
    ),
)

MEETINGS = Part(
    "meetings",
    "Decisions and the chair",
    "How the group makes decisions, how its chair is chosen, and how meetings are run.",
    ("MTG-3", "MTG-4", "MTG-5", "MTG-6"),
    (
        Field("meetings.decisions", "How decisions are made", Kind.CHOICE, choices=words.DECISIONS),
        Field(
            "meetings.chair_by",
            "How the chair is chosen",
            Kind.CHOICE,
            choices=words.CHAIR_BY,
            default="standing",
        ),
        role_field("meetings.speak_through", "Who members speak through at meetings"),
        _switch("meetings.keep_to_agenda", "Members keep to the agenda"),
        _switch("meetings.regular_breaks", "Meetings have regular breaks"),
        _switch(
            "meetings.chair_may_send_out",
            "The chair may ask a member to leave at once for a serious breach",
        ),
        _switch("meetings.come_prepared", "Members come prepared, with their tasks done"),
    ),
)

INTERESTS = Part(
    "interests",
    "Interests and conflicts",
    "Which interests members declare, what happens when one conflicts with the work, "
    "and who is told and decides.",
    ("COI-1", "COI-2", "COI-3", "COI-4"),
    (
        Field(
            "interests.disclose",
            "Members declare",
            Kind.CHOICES,
            choices=words.DISCLOSE,
            default=("personal",),
        ),
        Field(
            "interests.on_conflict",
            "When an interest conflicts with the work",
            Kind.CHOICE,
            choices=words.ON_CONFLICT,
            default="withdraw",
        ),
        role_field("interests.tell", "Who members tell about a possible conflict", many=True),
        _switch("interests.tell_immediately", "Members tell them straight away"),
        role_field(
            "interests.decided_by",
            "Who decides whether there is a conflict",
            many=True,
            required=True,
        ),
        _switch(
            "behaviours.conflict_check_every_seat",
            "Nobody with a conflict, or involved in a breach, may help decide it",
            default=_YES,
        ),
    ),
)

CONFIDENTIALITY = Part(
    "confidentiality",
    "Confidentiality",
    "What members keep private, who they may share it with, and who speaks for the group.",
    ("CONF-1", "CONF-2", "CONF-3", "CONF-4", "CONF-6", "CONF-7"),
    (
        _switch("confidentiality.protect_identities", "Members keep people's details private"),
        role_field(
            "confidentiality.disclose_only_to",
            "The only person members may pass private details to",
        ),
        _switch(
            "confidentiality.information_belongs_to_scrutinised",
            "What members learn in a review belongs to the service reviewed",
        ),
        _switch(
            "confidentiality.speak_for_group_needs_agreement",
            "Members speak for the group only when it has agreed",
        ),
        _switch(
            "confidentiality.findings_by_whole_group", "Findings are reported by the whole group"
        ),
        _switch(
            "confidentiality.correspondence_shared",
            "Letters to the group are shared with all members",
        ),
        _switch(
            "confidentiality.requests_through_plan",
            "Requests for reports and figures go through the agreed plan",
        ),
        _switch(
            "confidentiality.contact_details_private",
            "Members' contact details are kept from each other",
        ),
    ),
)

GIFTS = Part(
    "gifts",
    "Gifts and hospitality",
    "Which gifts and hospitality members report, to whom, and where they are talked about.",
    ("GIFT-1", "GIFT-2", "GIFT-3"),
    (
        Field(
            "gifts.declare",
            "Members report",
            Kind.CHOICE,
            choices=words.GIFTS_DECLARED,
            default="received",
        ),
        role_field("gifts.declare_to", "Who members report them to", many=True, required=True),
        Field(
            "gifts.discuss",
            "Where what happens to a gift is talked about",
            Kind.CHOICE,
            choices=words.GIFTS_DISCUSSED,
            default="next_meeting",
        ),
        role_field("gifts.discuss_with", "Who it is talked about with"),
        _switch("gifts.register", "Every gift goes in the organisation's register"),
    ),
)

GOVERNANCE = Part(
    "governance",
    "The code itself",
    "When the code was approved, how often it is reviewed and by whom, and its equality "
    "impact assessment.",
    ("GOV-1", "GOV-2", "MEM-6"),
    (
        Field(
            "governance.approved_on",
            "Date approved",
            Kind.DATE,
            "Suggested as the approval date when you publish.",
        ),
        Field("governance.review_every", "How often the code is reviewed", Kind.DURATION),
        Field("governance.review_due", "Next review due", Kind.DATE),
        role_field("governance.reviewed_by", "Who reviews it", many=True),
        role_field("governance.early_review_proposed_by", "Who may ask for an earlier review"),
        _switch(
            "governance.revisions_jointly_agreed", "Changes are agreed by everyone who reviews it"
        ),
        _switch("governance.equality_impact_assessment", "It has an equality impact assessment"),
        Field(
            "governance.equality_impact_assessed_on",
            "Date of the equality impact assessment",
            Kind.DATE,
        ),
    ),
)

CONDUCT = Part(
    "conduct",
    "Standards of conduct",
    "The standards members sign up to, in groups, each of which a breach report can name.",
    ("MTG-7", "MTG-8", "MTG-9", "MTG-10", "MEM-7", "MEM-8", "MEM-10", "CONF-5"),
    (
        Rows(
            "conduct.parts",
            "Groups of standards",
            "group of standards",
            (
                Field("title", "Heading", Kind.TEXT, required=True),
                Rows(
                    "standards",
                    "Standards",
                    "standard",
                    (Field("text", "Standard", Kind.PARAGRAPH, required=True),),
                    key_field="id",
                    title_field="text",
                    required=True,
                    inline=True,
                ),
            ),
            title_field="title",
            required=True,
        ),
    ),
)

PARTS: tuple[Part, ...] = (
    NAMES,
    TITLES,
    GOVERNANCE,
    DOCUMENTS,
    MEMBERSHIP,
    ATTENDANCE,
    MEETINGS,
    INTERESTS,
    CONFIDENTIALITY,
    GIFTS,
    CONDUCT,
    *BREACH_PARTS,
)

_BY_SLUG = {p.slug: p for p in PARTS}


def part(slug: str) -> Part:
    """The part called ``slug``; KeyError if there is none."""
    return _BY_SLUG[slug]


#: Keys the loader reads that no form changes, each with its reason.
FIXED_KEYS: dict[str, str] = {
    "code.slug": "The code's short name ties its standards' ids together; it never changes.",
    "rules": "The rule ids a table implements say where each setting comes from, not what it is.",
    "adopted": "Rule ids the organisation applies though its code is silent: as for rules.",
    "calendar": "Bank holidays and closure days are set on the organisation's own pages.",
    "interpretations.relies_on": "The product's readings of unclear wording come with the preset.",
    "not_modelled": "Notes on rules the software does not handle; they come with the preset.",
}
