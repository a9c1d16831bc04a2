"""The code editor's parts for the sections members live with day to day.

Membership (MEM-1, MEM-5, MEM-9), attendance (MTG-1, MTG-2), meetings (MTG-3 to MTG-6),
interests (COI-1 to COI-4), confidentiality (CONF-1 to CONF-7), gifts (GIFT-1 to GIFT-3)
and the conduct standards, in the order the rulebook gives them.
"""

from __future__ import annotations

from panelkeeper.rules.policy.editing import words
from panelkeeper.rules.policy.editing.entries import Field, Kind, Part, Rows, yes_no

__all__ = ["SECTION_PARTS"]

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
        yes_no(
            "membership.rewards_and_expenses",
            "Members may receive rewards and expenses, and nothing else",
        ),
        yes_no("membership.voluntary", "The role is unpaid"),
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
        yes_no("attendance.apologies_with_reasons", "Members give a reason"),
        yes_no(
            "attendance.apologies_with_arrival_time",
            "Members arriving late say when they will arrive",
        ),
        Field("attendance.apologies_to", "Who receives apologies", Kind.ROLES),
        Field(
            "attendance.consecutive_absences.limit",
            "Meetings in a row a member may miss",
            Kind.WHOLE_NUMBER,
            "Missing one more than this leads to a decision on their membership. Leave empty "
            "if missed meetings never end membership.",
        ),
        yes_no(
            "attendance.consecutive_absences.count_with_apologies",
            "Meetings missed with apologies count too",
            default=True,
        ),
        Field(
            "attendance.consecutive_absences.decided_by",
            "Who decides whether membership ends",
            Kind.ROLE,
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
        Field("meetings.speak_through", "Who members speak through at meetings", Kind.ROLE),
        yes_no("meetings.keep_to_agenda", "Members keep to the agenda"),
        yes_no("meetings.regular_breaks", "Meetings have regular breaks"),
        yes_no(
            "meetings.chair_may_send_out",
            "The chair may ask a member to leave at once for a serious breach",
        ),
        yes_no("meetings.come_prepared", "Members come prepared, with their tasks done"),
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
        Field("interests.tell", "Who members tell about a possible conflict", Kind.ROLES),
        yes_no("interests.tell_immediately", "Members tell them straight away"),
        Field(
            "interests.decided_by",
            "Who decides whether there is a conflict",
            Kind.ROLES,
            required=True,
        ),
        yes_no(
            "behaviours.conflict_check_every_seat",
            "Nobody with a conflict, or involved in a breach, may help decide it",
            default=True,
        ),
    ),
)

CONFIDENTIALITY = Part(
    "confidentiality",
    "Confidentiality",
    "What members keep private, who they may share it with, and who speaks for the group.",
    ("CONF-1", "CONF-2", "CONF-3", "CONF-4", "CONF-6", "CONF-7"),
    (
        yes_no("confidentiality.protect_identities", "Members keep people's details private"),
        Field(
            "confidentiality.disclose_only_to",
            "The only person members may pass private details to",
            Kind.ROLE,
        ),
        yes_no(
            "confidentiality.information_belongs_to_scrutinised",
            "What members learn in a review belongs to the service reviewed",
        ),
        yes_no(
            "confidentiality.speak_for_group_needs_agreement",
            "Members speak for the group only when it has agreed",
        ),
        yes_no(
            "confidentiality.findings_by_whole_group", "Findings are reported by the whole group"
        ),
        yes_no(
            "confidentiality.correspondence_shared",
            "Letters to the group are shared with all members",
        ),
        yes_no(
            "confidentiality.requests_through_plan",
            "Requests for reports and figures go through the agreed plan",
        ),
        yes_no(
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
        Field(
            "gifts.declare_over",
            "Gifts worth this much or less need not be reported",
            Kind.POUNDS,
            "In whole pounds, such as 25. Leave it empty if every gift and all "
            "hospitality are reported, whatever they are worth.",
        ),
        Field("gifts.declare_to", "Who members report them to", Kind.ROLES, required=True),
        Field(
            "gifts.discuss",
            "Where what happens to a gift is talked about",
            Kind.CHOICE,
            choices=words.GIFTS_DISCUSSED,
            default="next_meeting",
        ),
        Field("gifts.discuss_with", "Who it is talked about with", Kind.ROLE),
        yes_no("gifts.register", "Every gift goes in the organisation's register"),
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

SECTION_PARTS: tuple[Part, ...] = (
    MEMBERSHIP,
    ATTENDANCE,
    MEETINGS,
    INTERESTS,
    CONFIDENTIALITY,
    GIFTS,
    CONDUCT,
)
