"""The breach ladder as data: what one code of conduct says about breaches and appeals.

These dataclasses are what ``[breach]`` in a code-of-conduct file becomes (see
:func:`panelkeeper.rules.ladder.parse_breach`). They describe; they decide nothing. A case
is read against the ladder by :mod:`panelkeeper.rules.ladder.case`.

Rule ids (``../shared/codes/CLAUSES.md``): BR-1 and BR-2 raising and routing, BR-3 the
informal steps, BR-4 the preliminary investigation, BR-5 and BR-11 deadlines, BR-6 and
COI-4 the investigating group, BR-7 and BR-8 levels and escalation, BR-9 suspension,
BR-10 outcomes, BR-12 appeals, BR-13 monitoring; Interpretations 1 to 5 and 8 to 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.labels import LabelledEnum
from panelkeeper.rules.policy.roles import Role


class Anchor(LabelledEnum):
    """The events a deadline may run from (counting starts the day after, Interpretation 1)."""

    REPORT_RECEIVED = "report_received", "the report is received"
    MEMBER_INFORMED = "member_informed", "the member is told of the investigation"
    MEETING_HELD = "meeting_held", "the private meeting is held"
    DECISION_MADE = "decision_made", "the decision is made"
    NOTICE_RECEIVED = "notice_received", "the member receives written notice of the decision"
    APPEAL_RECEIVED = "appeal_received", "the appeal is received"
    APPEAL_CONSIDERED = "appeal_considered", "the appeal has been considered"


class Opening(StrEnum):
    """The dated step that opens the formal stage of a case (BR-4)."""

    MEMBER_INFORMED = "member_informed"
    INVESTIGATION_OPENED = "investigation_opened"
    MEETING_HELD = "meeting_held"


class Effect(StrEnum):
    """What an outcome or informal step does to the member (BR-10)."""

    NONE = "none"
    REMINDER = "reminder"
    GUIDANCE = "guidance"
    WARNING = "warning"
    TRAINING = "training"
    SUSPENSION = "suspension"
    MEMBERSHIP_ENDED = "membership_ended"
    STEPPING_DOWN = "stepping_down"

    @property
    def is_exclusion(self) -> bool:
        """Ending membership, however it is named, is an exclusion (Interpretations 4, 9)."""
        return self in (Effect.MEMBERSHIP_ENDED, Effect.STEPPING_DOWN)

    @property
    def goes_on_file(self) -> bool:
        return self is not Effect.NONE


class Requirement(StrEnum):
    """A condition that must hold before an outcome is on offer."""

    EARLIER_FINDING = "earlier_finding"
    WARNING_ON_FILE = "warning_on_file"
    TRAINING_REFUSED = "training_refused"


class EscalationMode(StrEnum):
    """How a further minor finding escalates (BR-8, Interpretation 5)."""

    RELEVEL = "relevel"
    OPEN_OUTCOMES = "open_outcomes"


class AppealScope(StrEnum):
    """Which outcomes can be appealed (BR-12; nexus: exclusions only, Interpretation 4)."""

    OUTCOMES = "outcomes"
    EXCLUSIONS = "exclusions"


class Channel(StrEnum):
    """How written notice was sent (Interpretation 2)."""

    EMAIL = "email"
    POST = "post"
    HAND = "hand"


class Party(LabelledEnum):
    """Someone besides the member who is also told of a decision in writing (BR-11, BR-12)."""

    REPORTER = "reporter", "whoever raised the breach"
    INVESTIGATORS = "investigators", "the people who investigated it"


class Raiser(LabelledEnum):
    """Who may raise a breach (BR-1)."""

    CUSTOMER = "customer", "customers"
    STAFF = "staff", "staff"
    BOARD_MEMBER = "board_member", "Board members"
    PANEL_MEMBER = "panel_member", "fellow members of the group"
    PUBLIC = "public", "members of the public"


#: Interpretation 2 defaults: email is received the day it is sent; post on the second
#: working day after posting; notice handed over is received the same day.
DEFAULT_RECEIPT: dict[Channel, Duration] = {
    Channel.EMAIL: Duration(0, Unit.DAYS),
    Channel.POST: Duration(2, Unit.WORKING_DAYS),
    Channel.HAND: Duration(0, Unit.DAYS),
}

#: The pseudo-level a determination names when no breach was found.
NO_BREACH = "no_breach"


def key_in_words(key: str) -> str:
    """A key the code does not name (another outcome, recorded with a reason), as words:
    "extra_training" reads "Extra training"; "Training with the CIT" stays as written."""
    if key == NO_BREACH:
        return "No breach"
    words = key.replace("_", " ")
    return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class Deadline:
    """``within`` counted from the day after ``start`` (BR-5, BR-11, BR-12)."""

    within: Duration
    start: Anchor
    target: bool = False
    """A target to aim for (insight's "aim to conclude") rather than a limit."""


@dataclass(frozen=True)
class Level:
    """One level of breach and what marks it (BR-7, BR-8)."""

    key: str
    label: str
    marks: str
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class InformalStep:
    """A step taken before, or instead of, the formal process (BR-3).

    ``first`` says it may open the ladder; ``after`` lists the steps it may follow.
    ``closes`` ends the case (herefordshire's verbal warning). An ``effect`` other than
    NONE puts an entry on the member's file for ``keep`` (no expiry when ``None``).
    """

    key: str
    label: str
    taken_by: tuple[Role, ...]
    first: bool
    after: tuple[str, ...]
    levels: tuple[str, ...]
    closes: bool
    effect: Effect
    keep: Duration | None
    written: bool
    rules: tuple[str, ...] = ()
    together: bool = False
    """Every role in ``taken_by`` takes the step jointly (herefordshire), not any one."""


@dataclass(frozen=True)
class Escalation:
    """A further minor finding escalates (BR-8, Interpretation 5).

    RELEVEL: the new breach is determined at ``to_level`` with the earlier case named.
    OPEN_OUTCOMES: the level stays; the outcomes of ``to_level`` (if any) and every
    outcome requiring an earlier finding are offered as well. Only findings count, never
    guidance or warnings given informally; ``look_back`` ignores older findings.
    """

    mode: EscalationMode
    from_level: str
    to_level: str | None
    look_back: Duration | None


@dataclass(frozen=True)
class Seat:
    """A seat on the investigating group: ``count`` holders of ``role``."""

    role: Role
    count: int


@dataclass(frozen=True)
class Group:
    """Who determines the level and outcome (BR-6) and who may not sit (COI-4)."""

    label: str
    convened_by: Role | None
    seats: tuple[Seat, ...]
    may_include: tuple[Role, ...]
    includes_convener: bool
    min_impartial: int
    no_conflicts: bool
    required: bool
    """The group must be convened before the level is determined."""


@dataclass(frozen=True)
class Suspension:
    """Suspension while a breach is investigated (BR-9)."""

    decided_by: tuple[Role, ...]
    levels: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """An outcome the code names, for the levels it names it for (BR-10).

    ``keep`` is how long a warning or guidance stays on file (no expiry when ``None``).
    ``notice`` overrides the ladder's notice deadline for this outcome (nexus: a first
    minor breach is confirmed from the meeting, the others from the decision).
    ``requires`` holds the outcome back until a condition holds: an earlier finding
    (nexus's formal warning), a warning on file (herefordshire's suspension or removal
    for a breach that is not serious), training refused (nexus's final warning).
    """

    key: str
    label: str
    levels: tuple[str, ...]
    effect: Effect
    keep: Duration | None
    requires: Requirement | None
    requires_at: tuple[str, ...]
    """The levels ``requires`` applies at; empty means every level of the outcome."""
    decided_by: tuple[Role, ...]
    notice: Deadline | None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Appeal:
    """The appeal (BR-12) and its deadlines; no ``window`` means no appeal is late."""

    to: Role
    against: AppealScope
    window: Deadline | None
    consider: Deadline | None
    decide: Deadline | None
    in_writing: bool
    late_needs_officer: bool
    """Interpretation 3: a late appeal waits for an officer's decision with a reason."""
    decision_also_to: tuple[Party, ...] = ()
    """Who besides the member is sent the appeal decision in writing (insight: all parties)."""


@dataclass(frozen=True)
class Raising:
    """Who may raise a breach (BR-1), where it goes (BR-2), who monitors (BR-13)."""

    raised_by: tuple[Raiser, ...]
    witnesses: bool
    anonymous: bool
    via: tuple[Role, ...]
    route_to: tuple[Role, ...]
    monitored_by: tuple[Role, ...]
    every_report_investigated: bool


@dataclass(frozen=True)
class Ladder:
    """Everything one code says about breaches and appeals.

    ``rules`` pairs each part ("levels", "escalation", "appeal", ...) with the rule ids
    the file cites for it, so the rulebook can name them. Pairs rather than dicts keep
    the ladder (and the policy holding it) hashable.
    """

    levels: tuple[Level, ...]
    informal: tuple[InformalStep, ...]
    opens_with: Opening
    investigated_by: tuple[Role, ...]
    escalation: Escalation | None
    group: Group | None
    suspension: Suspension | None
    outcomes: tuple[Outcome, ...]
    other_outcomes_with_reason: bool
    confidentiality_outcome: str | None
    chair_stand_in: Role | None
    conclude: Deadline | None
    notice: Deadline | None
    receipts: tuple[tuple[Channel, Duration], ...]
    """When notice sent by each channel counts as received (Interpretation 2)."""
    roll_calendar_days: bool
    appeal: Appeal | None
    complaints_route: str | None
    raising: Raising
    rules: tuple[tuple[str, tuple[str, ...]], ...]
    outcome_also_to: tuple[Party, ...] = ()
    """Who besides the member is sent the outcome in writing (BR-11; insight: all parties)."""

    # -- lookups --------------------------------------------------------------

    def level(self, key: str) -> Level | None:
        return next((lv for lv in self.levels if lv.key == key), None)

    def step(self, key: str) -> InformalStep | None:
        return next((s for s in self.informal if s.key == key), None)

    def outcome(self, key: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.key == key), None)

    def cites(self, part: str) -> tuple[str, ...]:
        return dict(self.rules).get(part, ())

    def receipt(self, channel: Channel) -> Duration:
        """How long after sending a notice by ``channel`` counts as received."""
        return dict(self.receipts).get(channel, DEFAULT_RECEIPT[channel])

    def appealable(self, effect: Effect) -> bool:
        """Whether an outcome with ``effect`` can be appealed (BR-12, Interpretation 4)."""
        if self.appeal is None or effect is Effect.NONE:
            return False
        if self.appeal.against is AppealScope.EXCLUSIONS:
            return effect.is_exclusion
        return True

    def acting_role(self, role: Role, *, subject_is_chair: bool) -> Role:
        """The role that acts in ``role``'s place (Interpretation 10, BR-3, BR-6).

        When the member a case is about is the chair and the code names a stand-in, the
        stand-in acts wherever the chair would.
        """
        if subject_is_chair and self.chair_stand_in is not None and role.key == "chair":
            return self.chair_stand_in
        return role
