"""The breach ladder's parts of the code editor's catalogue (BR-0 to BR-13, COI-4).

Raising a breach, the informal steps, the levels and escalation, the investigating
group, the outcomes, the deadlines and the appeal: each a :class:`Part`, in the order
the rulebook explains them.
"""

from __future__ import annotations

from panelkeeper.rules.ladder.model import DEFAULT_RECEIPT, Channel
from panelkeeper.rules.policy.editing import words
from panelkeeper.rules.policy.editing.entries import Field, Kind, Part, Rows, yes_no

__all__ = ["BREACH_PARTS"]


_KEEP_HINT = "How long it stays on the member's record. Leave empty to keep it for good."

RAISING = Part(
    "raising",
    "Raising a breach",
    "Who may report a breach, how, who receives the report and who looks into it.",
    ("BR-1", "BR-2", "BR-4", "BR-13"),
    (
        Field(
            "breach.raising.raised_by",
            "Who may report a breach",
            Kind.CHOICES,
            choices=words.RAISERS,
        ),
        yes_no("breach.raising.witnesses", "Someone who saw a breach may report it"),
        yes_no("breach.raising.anonymous", "Reports may be made without giving a name"),
        Field("breach.raising.via", "Who members may pass a report through", Kind.ROLES),
        Field(
            "breach.raising.route_to", "Who receives reports of a breach", Kind.ROLES, required=True
        ),
        Field(
            "breach.raising.monitored_by",
            "Who keeps watch on how breaches are handled",
            Kind.ROLES,
            required=True,
        ),
        yes_no("breach.raising.every_report_investigated", "Every report is looked into"),
        Field(
            "breach.opens_with",
            "What starts the formal stage",
            Kind.CHOICE,
            choices=words.OPENINGS,
            default="member_informed",
        ),
        Field("breach.investigated_by", "Who investigates a breach", Kind.ROLES, required=True),
        Field(
            "breach.complaints_route",
            "Where a complaint about a member goes instead",
            Kind.TEXT,
            "Such as: the customer complaints procedure. Leave empty if the code names none.",
        ),
    ),
)

INFORMAL = Part(
    "informal",
    "Informal steps",
    "What can be done about a breach before, or instead of, the formal process.",
    ("BR-3",),
    (
        Rows(
            "breach.informal",
            "Informal steps",
            "informal step",
            (
                Field("label", "What the step is", Kind.TEXT, required=True),
                Field("taken_by", "Who takes it", Kind.ROLES, required=True),
                yes_no("together", "They take it together, not any one of them"),
                yes_no("first", "It can be the first step", default=True),
                Field("after", "It can follow", Kind.STEPS),
                Field(
                    "levels",
                    "For these levels of breach",
                    Kind.LEVELS,
                    "Leave all unticked for any level.",
                ),
                yes_no("closes", "It closes the matter"),
                Field(
                    "effect",
                    "What it puts on the member's record",
                    Kind.CHOICE,
                    choices=words.INFORMAL_EFFECTS,
                    default="none",
                ),
                Field("keep", "How long it stays on record", Kind.DURATION, _KEEP_HINT),
                yes_no("written", "It is confirmed in writing"),
            ),
            key_field="key",
            new_rules=("BR-3",),
        ),
    ),
)

LEVELS = Part(
    "levels",
    "Levels of breach and escalation",
    "The levels a breach can be found at, what marks each, and when a further breach "
    "is treated more seriously.",
    ("BR-7", "BR-8"),
    (
        Rows(
            "breach.levels",
            "Levels of breach",
            "level",
            (
                Field("label", "Name", Kind.TEXT, required=True),
                Field("marks", "What marks it", Kind.PARAGRAPH, required=True),
            ),
            key_field="key",
            new_rules=("BR-7",),
            required=True,
        ),
        Field(
            "breach.escalation.mode",
            "When a member is found in breach again",
            Kind.CHOICE,
            "Leave empty if a further breach is treated like any other.",
            choices=words.ESCALATION_MODES,
        ),
        Field("breach.escalation.from", "Level of the further breach", Kind.LEVEL),
        Field("breach.escalation.to", "Level it is treated as", Kind.LEVEL),
        Field(
            "breach.escalation.look_back",
            "How far back earlier breaches count",
            Kind.DURATION,
            "Leave empty to count every earlier breach.",
        ),
    ),
)

GROUP = Part(
    "group",
    "Investigating group and suspension",
    "Who decides a breach, who may sit on the group that investigates it, and who may "
    "suspend a member meanwhile.",
    ("BR-6", "BR-9", "COI-4"),
    (
        Field(
            "breach.group.label",
            "What the group is called",
            Kind.TEXT,
            "Leave empty if the code names no group.",
            default="the investigating group",
        ),
        Field("breach.group.convened_by", "Who brings the group together", Kind.ROLE),
        yes_no("breach.group.includes_convener", "That person sits on the group"),
        Rows(
            "breach.group.seats",
            "Seats on the group",
            "seat",
            (
                Field("role", "Who sits", Kind.ROLE, required=True),
                Field("count", "How many", Kind.WHOLE_NUMBER, default=1),
            ),
            title_field="role",
            inline=True,
        ),
        Field("breach.group.may_include", "Who else may sit", Kind.ROLES),
        Field(
            "breach.group.min_impartial",
            "How many seats go to someone with no part in the matter",
            Kind.WHOLE_NUMBER,
            default=0,
        ),
        yes_no("breach.group.no_conflicts", "Nobody with a conflict may sit", default=True),
        yes_no(
            "breach.group.required", "The group meets before the level is decided", default=True
        ),
        Field(
            "breach.chair_stand_in",
            "Who acts for the chair when the chair is the member concerned",
            Kind.ROLE,
        ),
        Field(
            "breach.suspension.decided_by",
            "Who may suspend a member during an investigation",
            Kind.ROLES,
        ),
        Field("breach.suspension.levels", "Suspension is possible for", Kind.LEVELS),
    ),
)

OUTCOMES = Part(
    "outcomes",
    "Outcomes",
    "What can follow a finding of breach at each level, what each does to the member, "
    "how long it stays on record, and who is told.",
    ("BR-10", "BR-11"),
    (
        Rows(
            "breach.outcomes",
            "Outcomes",
            "outcome",
            (
                Field("label", "What the outcome is", Kind.TEXT, required=True),
                Field("levels", "For these levels of breach", Kind.LEVELS, required=True),
                Field("effect", "What it does", Kind.CHOICE, choices=words.EFFECTS, required=True),
                Field("keep", "How long it stays on record", Kind.DURATION, _KEEP_HINT),
                Field(
                    "requires",
                    "Only when",
                    Kind.CHOICE,
                    "Leave empty if it is always possible.",
                    choices=words.REQUIREMENTS,
                ),
                Field(
                    "requires_at",
                    "That condition applies at",
                    Kind.LEVELS,
                    "Leave all unticked for every level.",
                ),
                Field("decided_by", "Who decides it", Kind.ROLES),
                Field(
                    "notice",
                    "Written notice of it is due",
                    Kind.DEADLINE,
                    "Leave empty to use the usual notice deadline.",
                    choices=words.ANCHORS,
                ),
            ),
            key_field="key",
            new_rules=("BR-10",),
            required=True,
        ),
        yes_no(
            "breach.other_outcomes_with_reason",
            "Another outcome may be chosen, with a reason",
            default=True,
        ),
        Field(
            "breach.confidentiality_outcome",
            "The outcome for a breach of confidentiality",
            Kind.OUTCOME,
        ),
        Field(
            "breach.outcome_also_to",
            "Also told of the outcome in writing",
            Kind.CHOICES,
            choices=words.PARTIES,
        ),
    ),
)

DEADLINES = Part(
    "deadlines",
    "Deadlines",
    "How long the process may take, when written notice is due, when notice counts as "
    "received, and how days are counted.",
    ("BR-5", "BR-11", "BR-12"),
    (
        Field(
            "breach.deadlines.conclude",
            "The process ends within",
            Kind.DEADLINE,
            choices=words.ANCHORS,
        ),
        Field(
            "breach.deadlines.notice",
            "Written notice of the outcome is due",
            Kind.DEADLINE,
            choices=words.ANCHORS,
        ),
        yes_no(
            "breach.roll_calendar_days",
            "A deadline in calendar days that ends on a day off moves to the next working day",
        ),
        Field(
            "breach.receipt.email",
            "An email counts as received after",
            Kind.DURATION,
            default=DEFAULT_RECEIPT[Channel.EMAIL],
        ),
        Field(
            "breach.receipt.post",
            "A letter counts as received after",
            Kind.DURATION,
            default=DEFAULT_RECEIPT[Channel.POST],
        ),
        Field(
            "breach.receipt.hand",
            "A letter handed over counts as received after",
            Kind.DURATION,
            default=DEFAULT_RECEIPT[Channel.HAND],
        ),
    ),
)

APPEALS = Part(
    "appeals",
    "Appeals",
    "Who decides an appeal, which outcomes can be appealed, and how long each stage may take.",
    ("BR-12",),
    (
        Field("breach.appeal.to", "Who decides an appeal", Kind.ROLE, required=True),
        Field(
            "breach.appeal.against",
            "What can be appealed",
            Kind.CHOICE,
            choices=words.APPEAL_SCOPES,
            default="outcomes",
        ),
        Field(
            "breach.appeal.window",
            "Appeal window",
            Kind.DEADLINE,
            "Counted from when the member receives written notice of the decision.",
            choices=words.ANCHORS,
        ),
        Field(
            "breach.appeal.consider",
            "The appeal is considered within",
            Kind.DEADLINE,
            choices=words.ANCHORS,
        ),
        Field(
            "breach.appeal.decide",
            "The appeal is decided within",
            Kind.DEADLINE,
            choices=words.ANCHORS,
        ),
        yes_no("breach.appeal.in_writing", "Appeals are made in writing", default=True),
        yes_no(
            "breach.appeal.late_needs_officer",
            "A late appeal waits for an officer to decide whether to hear it",
            default=True,
        ),
        Field(
            "breach.appeal.decision_also_to",
            "Also told of the appeal decision in writing",
            Kind.CHOICES,
            choices=words.PARTIES,
        ),
    ),
)

BREACH_PARTS: tuple[Part, ...] = (RAISING, INFORMAL, LEVELS, GROUP, OUTCOMES, DEADLINES, APPEALS)
