"""Reading ``[breach]`` from a code-of-conduct file into a :class:`Ladder`.

Every mistake is reported through the :class:`Table` reader at its dotted key, with
what to write instead; nothing raises. Cross-references are checked once the whole
table is read: an escalation or outcome naming an undefined level, an informal step
following an undefined step, a confidentiality outcome the file does not define.
The fields many parts share (keys, cited ids, deadlines, level names) are read by
:mod:`.parse_fields`.
"""

from __future__ import annotations

from collections.abc import Sequence

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.ladder.model import (
    DEFAULT_RECEIPT,
    Anchor,
    Appeal,
    AppealScope,
    Channel,
    Deadline,
    Effect,
    Escalation,
    EscalationMode,
    Group,
    InformalStep,
    Ladder,
    Level,
    Opening,
    Outcome,
    Party,
    Raiser,
    Raising,
    Requirement,
    Seat,
    Suspension,
)
from panelkeeper.rules.ladder.parse_fields import (
    read_deadline,
    read_ids,
    read_key,
    read_level,
    read_levels,
)
from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.roles import Roles


class _Reader:
    """Reads one ``[breach]`` table, collecting the rule ids each part cites."""

    def __init__(self, table: Table, roles: Roles) -> None:
        self.table = table
        self.roles = roles
        self.rules: dict[str, tuple[str, ...]] = {}

    def cite(self, part: str, table: Table) -> tuple[str, ...]:
        """Record the ids ``table`` cites under ``part``; return them for the item itself."""
        ids = read_ids(table)
        self.rules[part] = tuple(dict.fromkeys((*self.rules.get(part, ()), *ids)))
        return ids

    def levels(self) -> tuple[Level, ...]:
        result: list[Level] = []
        for sub in self.table.table_list("levels", required=True):
            key = read_key(sub)
            label = sub.required_str("label", example='"Minor breach"')
            marks = sub.required_str("marks", example='"for example, causing offence"')
            ids = self.cite("levels", sub)
            sub.finish()
            if key == "no_breach":
                sub.problem(
                    "key", '"no_breach" is kept for a finding of no breach; choose another.'
                )
            elif key is not None and label is not None and marks is not None:
                result.append(Level(key, label, marks, ids))
        if not result and not self.table.problems:
            self.table.problem("levels", "Define at least one level of breach (BR-7).")
        return tuple(result)

    def informal(self, levels: Sequence[str]) -> tuple[InformalStep, ...]:
        result: list[InformalStep] = []
        for sub in self.table.table_list("informal"):
            key = read_key(sub)
            label = sub.required_str("label", example='"Informal guidance"')
            taken_by = self.roles.many(sub, "taken_by", required=True)
            first = sub.optional_bool("first", True)
            after = sub.str_list("after")
            step_levels = read_levels(sub, "levels", levels, allow_empty=True)
            closes = sub.optional_bool("closes", False)
            effect = sub.optional_choice("effect", Effect, Effect.NONE)
            keep = sub.optional_duration("keep")
            written = sub.optional_bool("written", False)
            together = sub.optional_bool("together", False)
            ids = self.cite("informal", sub)
            if effect.is_exclusion or effect is Effect.SUSPENSION:
                sub.problem("effect", "An informal step cannot suspend or end membership.")
            if keep is not None and effect is Effect.NONE:
                sub.problem("keep", "Only a step that puts something on file can keep it.")
            sub.finish()
            if key is not None and label is not None:
                result.append(
                    InformalStep(
                        key,
                        label,
                        taken_by,
                        first,
                        after,
                        step_levels,
                        closes,
                        effect,
                        keep,
                        written,
                        ids,
                        together,
                    )
                )
        keys = [s.key for s in result]
        for index, step in enumerate(result):
            for later, name in enumerate(step.after):
                if name not in keys:
                    self.table.problems.add(
                        f"{self.table.key('informal')}[{index}].after[{later}]",
                        f'"{name}" is not an informal step here. Steps: '
                        + ", ".join(f'"{k}"' for k in keys)
                        + ".",
                    )
        return tuple(result)

    def escalation(self, levels: Sequence[str]) -> Escalation | None:
        sub = self.table.optional_table("escalation")
        if sub is None:
            return None
        mode = sub.required_choice("mode", EscalationMode)
        from_level = read_level(sub, "from", levels, required=True)
        to_level = read_level(sub, "to", levels, required=mode is EscalationMode.RELEVEL)
        look_back = sub.optional_duration("look_back")
        self.cite("escalation", sub)
        sub.finish()
        if mode is None or from_level is None:
            return None
        if mode is EscalationMode.RELEVEL and to_level is None:
            return None
        return Escalation(mode, from_level, to_level, look_back)

    def group(self) -> Group | None:
        sub = self.table.optional_table("group")
        if sub is None:
            return None
        label = sub.optional_str("label", "the investigating group") or ""
        convened_by = self.roles.optional(sub, "convened_by")
        seats: list[Seat] = []
        for seat_table in sub.table_list("seats"):
            role = self.roles.required(seat_table, "role")
            count = seat_table.optional_int("count", 1, minimum=1) or 1
            seat_table.finish()
            if role is not None:
                seats.append(Seat(role, count))
        may_include = self.roles.many(sub, "may_include")
        includes_convener = sub.optional_bool("includes_convener", False)
        min_impartial = sub.optional_int("min_impartial", 0, minimum=0) or 0
        no_conflicts = sub.optional_bool("no_conflicts", True)
        required = sub.optional_bool("required", True)
        self.cite("group", sub)
        if includes_convener and convened_by is None and not sub.has("convened_by"):
            sub.problem("includes_convener", "Name the convener in convened_by first.")
        if not seats and not may_include and not includes_convener:
            sub.problem(
                "seats",
                'Name at least one seat, such as [{ role = "chair" }].',
                on_form="Add at least one seat.",
            )
        sub.finish()
        return Group(
            label,
            convened_by,
            tuple(seats),
            may_include,
            includes_convener,
            min_impartial,
            no_conflicts,
            required,
        )

    def suspension(self, levels: Sequence[str]) -> Suspension | None:
        sub = self.table.optional_table("suspension")
        if sub is None:
            return None
        decided_by = self.roles.many(sub, "decided_by")
        allowed = read_levels(sub, "levels", levels)
        self.cite("suspension", sub)
        sub.finish()
        return Suspension(decided_by, allowed)

    def outcomes(self, levels: Sequence[str]) -> tuple[Outcome, ...]:
        result: list[Outcome] = []
        for sub in self.table.table_list("outcomes", required=True):
            key = read_key(sub)
            label = sub.required_str("label", example='"Final written warning"')
            outcome_levels = read_levels(sub, "levels", levels)
            effect = sub.required_choice("effect", Effect)
            keep = sub.optional_duration("keep")
            requires_value: Requirement | None = None
            if sub.has("requires"):
                requires_value = sub.required_choice("requires", Requirement)
            requires_at = read_levels(sub, "requires_at", outcome_levels, allow_empty=True)
            if requires_at and requires_value is None:
                sub.problem("requires_at", "Say what is required in requires first.")
            decided_by = self.roles.many(sub, "decided_by")
            notice = read_deadline(sub, "notice")
            ids = self.cite("outcomes", sub)
            if keep is not None and effect not in (Effect.WARNING, Effect.GUIDANCE):
                sub.problem("keep", "Only a warning or guidance stays on file for a period.")
            sub.finish()
            if key is not None and label is not None and effect is not None:
                result.append(
                    Outcome(
                        key,
                        label,
                        outcome_levels,
                        effect,
                        keep,
                        requires_value,
                        requires_at,
                        decided_by,
                        notice,
                        ids,
                    )
                )
        return tuple(result)

    def receipt(self) -> dict[Channel, Duration]:
        receipt = dict(DEFAULT_RECEIPT)
        sub = self.table.optional_table("receipt")
        if sub is None:
            return receipt
        for channel in Channel:
            value = sub.optional_duration(channel.value)
            if value is not None:
                receipt[channel] = value
        self.cite("receipt", sub)
        sub.finish()
        return receipt

    def appeal(self) -> Appeal | None:
        sub = self.table.optional_table("appeal")
        if sub is None:
            return None
        to = self.roles.required(sub, "to")
        against = sub.optional_choice("against", AppealScope, AppealScope.OUTCOMES)
        window = read_deadline(sub, "window")
        consider = read_deadline(sub, "consider")
        decide = read_deadline(sub, "decide")
        in_writing = sub.optional_bool("in_writing", True)
        late = sub.optional_bool("late_needs_officer", True)
        also_to = sub.choice_list("decision_also_to", Party)
        self.cite("appeal", sub)
        if window is not None and window.start is not Anchor.NOTICE_RECEIVED:
            sub.problem("window.from", 'An appeal window runs from "notice_received" (BR-12).')
        sub.finish()
        if to is None:
            return None
        return Appeal(to, against, window, consider, decide, in_writing, late, also_to)

    def raising(self) -> Raising:
        sub = self.table.required_table("raising")
        if sub is None:
            return Raising((), False, False, (), (), (), False)
        options = ", ".join(f'"{r.value}"' for r in Raiser)
        raised_by = sub.list_items(
            "raised_by",
            sub.str_list("raised_by"),
            read=lambda text: Raiser(text) if text in {r.value for r in Raiser} else None,
            complaint=lambda text: (
                f'"{text}" is not a kind of person here. Write one of {options}.'
            ),
        )
        witnesses = sub.optional_bool("witnesses", False)
        anonymous = sub.optional_bool("anonymous", False)
        via = self.roles.many(sub, "via")
        route_to = self.roles.many(sub, "route_to", required=True)
        monitored_by = self.roles.many(sub, "monitored_by", required=True)
        every = sub.optional_bool("every_report_investigated", False)
        self.cite("raising", sub)
        sub.finish()
        return Raising(raised_by, witnesses, anonymous, via, route_to, monitored_by, every)

    def deadlines(self) -> tuple[Deadline | None, Deadline | None]:
        sub = self.table.optional_table("deadlines")
        if sub is None:
            return None, None
        conclude = read_deadline(sub, "conclude")
        notice = read_deadline(sub, "notice")
        self.cite("deadlines", sub)
        sub.finish()
        return conclude, notice


def read_ladder(table: Table, roles: Roles) -> Ladder | None:
    """Read the whole ``[breach]`` table; ``None`` when it is too broken to use."""
    reader = _Reader(table, roles)
    reader.cite("breach", table)
    opens_with = table.optional_choice("opens_with", Opening, Opening.MEMBER_INFORMED)
    investigated_by = roles.many(table, "investigated_by", required=True)
    other_with_reason = table.optional_bool("other_outcomes_with_reason", True)
    roll = table.optional_bool("roll_calendar_days", False)
    chair_stand_in = roles.optional(table, "chair_stand_in")
    complaints_route = table.optional_str("complaints_route")
    confidentiality = table.optional_str("confidentiality_outcome")
    outcome_also_to = table.choice_list("outcome_also_to", Party)

    levels = reader.levels()
    level_keys = [lv.key for lv in levels]
    raising = reader.raising()
    informal = reader.informal(level_keys)
    escalation = reader.escalation(level_keys)
    group = reader.group()
    suspension = reader.suspension(level_keys)
    outcomes = reader.outcomes(level_keys)
    conclude, notice = reader.deadlines()
    receipt = reader.receipt()
    appeal = reader.appeal()

    outcome_keys = [o.key for o in outcomes]
    if confidentiality is not None and confidentiality not in outcome_keys:
        table.problem(
            "confidentiality_outcome",
            f'"{confidentiality}" is not an outcome here. Outcomes: '
            + ", ".join(f'"{k}"' for k in outcome_keys)
            + ".",
        )
        confidentiality = None
    if len(set(outcome_keys)) != len(outcome_keys):
        table.problem("outcomes", "Give every outcome a different key.")
    if len(set(level_keys)) != len(level_keys):
        table.problem("levels", "Give every level a different key.")
    table.finish()
    if not levels or not investigated_by:
        return None
    return Ladder(
        levels=levels,
        informal=informal,
        opens_with=opens_with,
        investigated_by=investigated_by,
        escalation=escalation,
        group=group,
        suspension=suspension,
        outcomes=outcomes,
        other_outcomes_with_reason=other_with_reason,
        confidentiality_outcome=confidentiality,
        chair_stand_in=chair_stand_in,
        conclude=conclude,
        notice=notice,
        receipts=tuple(receipt.items()),
        roll_calendar_days=roll,
        appeal=appeal,
        complaints_route=complaints_route,
        raising=raising,
        rules=tuple(reader.rules.items()),
        outcome_also_to=outcome_also_to,
    )
