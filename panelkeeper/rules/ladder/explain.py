"""The breach ladder in plain English, for the rulebook (``rules explain``).

Every sentence is built from the ladder's data: figures, role titles and the labels the
file gives its levels, steps and outcomes. No key from the file (snake_case) appears.
"""

from __future__ import annotations

from collections.abc import Sequence

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.explain.sections import Section, Sentences, sentence
from panelkeeper.rules.explain.sections import listing as _listing
from panelkeeper.rules.ladder.model import (
    AppealScope,
    Channel,
    Deadline,
    Effect,
    EscalationMode,
    Group,
    Ladder,
    Opening,
    Outcome,
    Party,
    Requirement,
)
from panelkeeper.rules.policy.roles import Role


def _the(title: str) -> str:
    """A role title as it reads in a sentence: "the Customer Involvement Team"."""
    return f"the {title}" if title[:1].isupper() else title


def _titles(roles: Sequence[Role], joiner: str = "or") -> str:
    return _listing([_the(r.title) for r in roles], joiner) or "nobody named"


def _pick(ladder: Ladder, part: str, *wanted: str) -> tuple[str, ...]:
    """The ids ``part`` cites among ``wanted``; all its ids if it cites none of them."""
    ids = ladder.cites(part)
    return tuple(i for i in ids if i in wanted) or ids


def _deadline(deadline: Deadline) -> str:
    verb = "aiming for" if deadline.target else "within"
    return f"{verb} {deadline.within} of the day {deadline.start.label}"


def _keep(keep: Duration | None) -> str:
    return f"stays on file for {keep}" if keep is not None else "stays on file (no expiry is set)"


def _level_labels(ladder: Ladder, keys: Sequence[str]) -> str:
    labels = []
    for key in keys:
        level = ladder.level(key)
        labels.append(level.label.lower() if level is not None else key)
    return _listing(labels, "or")


_EFFECTS = {
    Effect.NONE: "nothing changes for the member",
    Effect.REMINDER: "the member is reminded of the code and asked not to repeat the breach",
    Effect.GUIDANCE: "guidance is recorded on the member's file",
    Effect.WARNING: "a warning is recorded on the member's file",
    Effect.TRAINING: "training and support are arranged",
    Effect.SUSPENSION: "the member is suspended and may not take part until it ends or is lifted",
    Effect.MEMBERSHIP_ENDED: "membership ends",
    Effect.STEPPING_DOWN: "the member steps down from the group",
}

_REQUIREMENTS = {
    Requirement.EARLIER_FINDING: "only when an earlier minor breach has been found",
    Requirement.WARNING_ON_FILE: "only when a warning is already on the member's file",
    Requirement.TRAINING_REFUSED: "only when the member has refused the training offered",
}


class _Sentences(Sentences):
    """The sentences of one section, naming the ids the ladder cites for what they tell."""

    def __init__(self, ladder: Ladder) -> None:
        super().__init__()
        self.ladder = ladder

    def about(self, part: str, *, text: str) -> None:
        """A sentence about ``part`` of the ladder ("raising", "appeal", ...)."""
        self.add_citing(self.ladder.cites(part), text=text)


def _raising(ladder: Ladder) -> Section:
    r = ladder.raising
    said = _Sentences(ladder)
    if r.raised_by:
        who = _listing([p.label for p in r.raised_by])
        extra = ", whether they were wronged or saw it happen" if r.witnesses else ""
        said.about("raising", text=f"A breach may be raised by {who}{extra}.")
    if r.anonymous:
        said.about("raising", text="A concern may also be raised anonymously, with a receipt.")
    route = f"It goes to {_titles(r.route_to)}"
    if r.via:
        route += f" directly, or first to {_titles(r.via)}; they pass it on at once"
    said.about("raising", text=route + ".")
    if r.every_report_investigated:
        said.about("raising", text="Every breach reported is investigated.")
    said.about(
        "raising",
        text="Watching over how the code is applied and enforced falls to "
        f"{_titles(r.monitored_by, 'and')}.",
    )
    if ladder.complaints_route:
        said.about("appeal", text=f"At any stage the member may use {ladder.complaints_route}.")
    return said.section("Raising a breach")


def _informal(ladder: Ladder) -> Section | None:
    if not ladder.informal:
        return None
    said = Sentences()
    for step in ladder.informal:
        joiner = "together with" if step.together else "or"
        text = f"{step.label}: taken by {_titles(step.taken_by, joiner)}"
        if step.levels:
            text += f", for a {_level_labels(ladder, step.levels)} only"
        follows = [s.label.lower() for k in step.after if (s := ladder.step(k)) is not None]
        if follows and step.first:
            text += f"; it may come first or after {_listing(follows, 'or')}"
        elif follows:
            text += f"; it follows {_listing(follows, 'or')}"
        if step.written:
            text += "; confirmed to the member in writing"
        if step.effect.goes_on_file:
            text += f"; it {_keep(step.keep)}"
        if step.closes:
            text += "; it closes the case"
        said.add_citing(step.rules or ladder.cites("informal"), text=text + ".")
    return said.section("Before the formal process")


_OPENINGS = {
    Opening.MEMBER_INFORMED: "a preliminary investigation, and telling the member about it",
    Opening.INVESTIGATION_OPENED: "a preliminary investigation",
    Opening.MEETING_HELD: "a private meeting with the member",
}


def _investigation(ladder: Ladder) -> Section:
    said = _Sentences(ladder)
    said.add_citing(
        _pick(ladder, "breach", "BR-4"),
        text=f"The formal process begins with {_OPENINGS[ladder.opens_with]}, by "
        f"{_titles(ladder.investigated_by)}.",
    )
    if ladder.conclude is not None:
        said.about("deadlines", text=f"The breach is dealt with {_deadline(ladder.conclude)}.")
    group = ladder.group
    if group is not None:
        said.about("group", text=_group(group))
        if group.no_conflicts:
            said.about(
                "group",
                text="Nobody with a conflict of interest in the breach, or implicated by it, "
                "may sit on it.",
            )
    if ladder.chair_stand_in is not None:
        said.add_citing(
            _pick(ladder, "breach", "BR-3", "BR-6", "COI-4"),
            text=f"When the breach is by the Chair, {_the(ladder.chair_stand_in.title)} acts "
            "in the Chair's place at every stage.",
        )
    if ladder.suspension is not None:
        s = ladder.suspension
        decider = _titles(s.decided_by) if s.decided_by else _group_label(ladder)
        every = {lv.key for lv in ladder.levels} <= set(s.levels)
        which = "at any level" if every else f"for a {_level_labels(ladder, s.levels)} only"
        said.about(
            "suspension",
            text=f"{sentence(decider)} may suspend the member while the breach is dealt "
            f"with, {which}.",
        )
    return said.section("Investigating a breach")


def _group(group: Group) -> str:
    """Who sits on the investigating group, and who convenes it."""
    parts = [f"{'one' if s.count == 1 else s.count} for {_the(s.role.title)}" for s in group.seats]
    if group.includes_convener and group.convened_by is not None:
        parts.insert(0, f"one for {_the(group.convened_by.title)}, who convenes it")
    text = f"The level and the outcome are decided by {group.label}"
    if group.convened_by is not None and not group.includes_convener:
        text += f", convened by {_the(group.convened_by.title)}"
    if parts:
        text += f", with a seat {_listing(parts)}"
    if group.min_impartial:
        text += f", with at least {group.min_impartial} impartial member"
        text += "s" if group.min_impartial > 1 else ""
    if group.may_include:
        text += f"; it may include {_titles(group.may_include)}"
    return text + "."


def _group_label(ladder: Ladder) -> str:
    return sentence(ladder.group.label if ladder.group is not None else "the decider")


def _levels(ladder: Ladder) -> Section:
    said = _Sentences(ladder)
    for level in ladder.levels:
        said.add_citing(
            level.rules or ladder.cites("levels"), text=f"{level.label}: {level.marks}."
        )
    esc = ladder.escalation
    if esc is not None:
        base = _level_labels(ladder, [esc.from_level])
        if esc.mode is EscalationMode.RELEVEL and esc.to_level is not None:
            text = (
                f"A further {base} found after an earlier one is treated as a "
                f"{_level_labels(ladder, [esc.to_level])}, naming the earlier case"
            )
        else:
            opened = [
                o.label.lower()
                for o in ladder.outcomes
                if o.requires is Requirement.EARLIER_FINDING
                or (esc.to_level is not None and esc.to_level in o.levels)
            ]
            text = (
                f"A further {base} found after an earlier one keeps its level, and these "
                f"outcomes become open: {_listing(opened, 'and')}"
            )
        text += (
            "; only breaches found by the decider count, never guidance or warnings "
            "given informally"
        )
        if esc.look_back is not None:
            text += f", and only those found in the {esc.look_back} before"
        said.about("escalation", text=text + ".")
    return said.section("Levels of breach")


def _outcome(ladder: Ladder, outcome: Outcome) -> str:
    text = f"{outcome.label}, for a {_level_labels(ladder, outcome.levels)}"
    if outcome.requires is not None:
        text += f" ({_REQUIREMENTS[outcome.requires]})"
    text += f": {_EFFECTS[outcome.effect]}"
    if outcome.effect in (Effect.WARNING, Effect.GUIDANCE):
        text += f"; it {_keep(outcome.keep)}"
    if outcome.decided_by:
        text += f"; decided by {_titles(outcome.decided_by)}"
    elif ladder.group is not None:
        text += f"; decided by {ladder.group.label}"
    if ladder.appealable(outcome.effect) and ladder.appeal is not None:
        text += f"; it can be appealed to {_the(ladder.appeal.to.title)}"
    else:
        text += "; it cannot be appealed"
    if outcome.notice is not None:
        text += f"; written notice goes {_deadline(outcome.notice)}"
    return text + "."


def _outcomes(ladder: Ladder) -> Section:
    said = _Sentences(ladder)
    for outcome in ladder.outcomes:
        said.add_citing(outcome.rules or ladder.cites("outcomes"), text=_outcome(ladder, outcome))
    if ladder.confidentiality_outcome is not None:
        chosen = ladder.outcome(ladder.confidentiality_outcome)
        if chosen is not None:
            said.about(
                "outcomes",
                text="A confirmed breach of confidentiality leads to this outcome: "
                f"{chosen.label.lower()}.",
            )
    if ladder.other_outcomes_with_reason:
        said.about(
            "outcomes",
            text="The list is not complete: another outcome may be recorded with a reason.",
        )
    if ladder.notice is not None:
        said.about(
            "deadlines",
            text=f"The member is told the result in writing {_deadline(ladder.notice)}.",
        )
    if ladder.outcome_also_to:
        others = _parties(ladder.outcome_also_to)
        said.about(
            "breach", text=f"Besides the member, {others} also receive the outcome in writing."
        )
    return said.section("Outcomes")


def _parties(parties: Sequence[Party]) -> str:
    return _listing([party.label for party in parties])


def _appeal(ladder: Ladder) -> Section | None:
    appeal = ladder.appeal
    if appeal is None:
        return None
    said = _Sentences(ladder)
    what = (
        "an exclusion from the group"
        if appeal.against is AppealScope.EXCLUSIONS
        else "the outcome of a breach, or an exclusion"
    )
    how = ", in writing," if appeal.in_writing else ""
    said.about("appeal", text=f"Appeals go to {_the(appeal.to.title)}{how} against {what}.")
    if appeal.window is not None:
        said.about("appeal", text=f"The appeal is made {_deadline(appeal.window)}.")
        if appeal.late_needs_officer:
            said.about(
                "appeal",
                text="A late appeal is marked late, with the date the window closed, and an "
                "officer accepts or refuses it with a reason.",
            )
    else:
        said.about("appeal", text="No time limit is set, so no appeal is late.")
    if appeal.consider is not None:
        said.about("appeal", text=f"The appeal is considered {_deadline(appeal.consider)}.")
    if appeal.decide is not None:
        said.about("appeal", text=f"The decision is sent in writing {_deadline(appeal.decide)}.")
    if appeal.decision_also_to:
        others = _parties(appeal.decision_also_to)
        said.about(
            "appeal",
            text=f"The appeal decision goes in writing to {others} as well as to the member.",
        )
    return said.section("Appeals")


def _notice(ladder: Ladder) -> Section:
    def when(channel: Channel) -> str:
        d = ladder.receipt(channel)
        return "the same day" if d.amount == 0 else f"{d} after it is sent"

    said = Sentences()
    said.add_citing(
        ladder.cites("receipt") or ladder.cites("appeal"),
        text=f"Written notice counts as received: by email {when(Channel.EMAIL)}; by post "
        f"{when(Channel.POST)}; by hand {when(Channel.HAND)}.",
    )
    roll = "moves to the next working day." if ladder.roll_calendar_days else "stays there."
    said.add_citing(
        _pick(ladder, "deadlines", "BR-5", "BR-11") or _pick(ladder, "appeal", "BR-12"),
        text="Deadlines count from the day after the event. A deadline in calendar days that "
        f"falls on a weekend or bank holiday {roll}",
    )
    return said.section("Notices and counting days")


def explain_ladder(ladder: Ladder) -> tuple[Section, ...]:
    """The breach sections of the rulebook, in the order a case meets them.

    Every sentence uses the file's labels, role titles and figures; none shows a key.
    """
    sections = [
        _raising(ladder),
        _informal(ladder),
        _investigation(ladder),
        _levels(ladder),
        _outcomes(ladder),
        _appeal(ladder),
        _notice(ladder),
    ]
    return tuple(s for s in sections if s is not None)
