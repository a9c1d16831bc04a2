"""Sentences of the rulebook for each part of a policy except the breach ladder.

:class:`Rule` and :class:`Section` are what the rulebook is made of, here so that the
ladder (:mod:`panelkeeper.rules.ladder.explain`) writes its sections in them too; each
``*_rules`` function returns the rules of one part, every sentence built from the
policy's figures and role titles, in plain English; no key of the file is ever shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.policy.roles import Role
from panelkeeper.rules.policy.sections import (
    ApologiesFor,
    Attendance,
    ChairBy,
    Confidentiality,
    DecisionMaking,
    Disclose,
    Documents,
    Gifts,
    GiftsDiscussed,
    Interests,
    Meetings,
    Membership,
    OnConflict,
)


@dataclass(frozen=True)
class Rule:
    """One sentence of the rulebook with the rule ids it implements.

    ``ref`` is set for a conduct standard: its citable id (such as ``vela.app.14``).
    """

    ids: tuple[str, ...]
    text: str
    ref: str | None = None


@dataclass(frozen=True)
class Section:
    title: str
    rules: tuple[Rule, ...]


def listing(words: Sequence[str], joiner: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = [w for w in words if w]
    if len(words) <= 1:
        # The separator joins nothing: there is at most one word.
        return "".join(words)  # pragma: no mutate
    return ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def the(title: str) -> str:
    """A role title ready for a sentence: "the Chief Executive", "the Panel", "another ..."."""
    first = title.partition(" ")[0].lower()
    return title if first in {"the", "a", "an", "another", "any"} else f"the {title}"


def titles(roles: Sequence[Role], joiner: str = "or") -> str:
    return listing([the(r.title) for r in roles], joiner) or "nobody named"


def sentence(text: str) -> str:
    """Capitalise the first letter, leaving the rest alone."""
    return text[:1].upper() + text[1:]


def duration(value: Duration) -> str:
    """A duration in words, saying "calendar days" where plain days are meant."""
    if value.unit is Unit.DAYS:
        return f"{value.amount} calendar day{'' if value.amount == 1 else 's'}"
    return str(value)


class Sentences:
    """The rules of one part of a policy, in the order they are written.

    ``cites`` is what the part cites (stated or adopted). Each sentence says which rule
    ids it implements; it names those the part cites and stays silent on the rest, so a
    code that does not cite a rule never shows its id.
    """

    def __init__(self, cites: Sequence[str] = ()) -> None:
        self.cites = tuple(cites)
        self.rules: list[Rule] = []

    def cited(self, *wanted: str) -> tuple[str, ...]:
        """Those of ``wanted`` the part cites, in the order wanted."""
        return tuple(i for i in wanted if i in self.cites)

    def add(self, *wanted: str, text: str) -> None:
        """A sentence implementing ``wanted``, naming those of them the part cites."""
        self.add_citing(self.cited(*wanted), text=text)

    def add_citing(self, ids: Sequence[str], *, text: str) -> None:
        """A sentence naming exactly ``ids``."""
        self.rules.append(Rule(tuple(ids), text))

    def section(self, title: str) -> Section:
        return Section(title, tuple(self.rules))


def documents_rules(d: Documents) -> list[Rule]:
    said = Sentences(d.cites.all)
    to_sign = [doc.title for doc in d.to_sign]
    if to_sign:
        said.add("MEM-2", text=f"Each member signs the {listing(to_sign)}.")
    else:
        said.add("MEM-2", "GOV-3", text="Members are not asked to sign anything.")
    if d.read_in_full:
        said.add(
            "MEM-3",
            text="Before signing, a member confirms they have read and understood every "
            "document in full; the version signed is recorded.",
        )
    if d.acknowledge_consequences:
        said.add(
            "MEM-3",
            text="By signing, a member accepts the actions the organisation may take if the "
            "code is broken; the version signed is recorded.",
        )
    if d.countersigned_by is not None:
        promise = listing(list(d.organisation_provides)) or "its support"
        when = listing(list(d.needs_identified_at))
        who = sentence(the(d.countersigned_by.title))
        text = f"{who} countersigns for the organisation, promising {promise}"
        text += f", with needs identified at {when}." if when else "."
        said.add("MEM-4", text=text)
    citable = [doc.title for doc in d.citable]
    if citable:
        extra = []
        if d.breach_covers_spirit:
            extra.append("acting against the spirit of these documents")
        if d.breach_covers_co_regulation:
            extra.append("going against co-regulation and partnership working")
        text = f"A breach report may cite the {listing(citable, 'or')}"
        text += f", or {listing(extra, 'or')}." if extra else "."
        said.add("BR-0", text=text)
    associated = [doc.title for doc in d.items]
    said.add("GOV-3", text=f"Documents that go with the code: {listing(associated)}.")
    return said.rules


def membership_rules(m: Membership) -> list[Rule]:
    said = Sentences(m.cites.all)
    if m.customers:
        said.add("MEM-1", text=f"Customers include {listing(list(m.customers))}.")
    if m.voluntary and m.rewards_and_expenses:
        pay = (
            "Members are volunteers and unpaid; only rewards and expenses for taking part are paid."
        )
    elif m.rewards_and_expenses:
        pay = "Members receive nothing for their role beyond rewards and expenses for taking part."
    else:
        pay = "Members may make no financial gain or win any advantage from their role."
    said.add("MEM-5", text=pay)
    if m.applies_when:
        said.add("MEM-9", text=f"The code applies {m.applies_when}.")
    return said.rules


def attendance_rules(a: Attendance) -> list[Rule]:
    said = Sentences(a.cites.all)
    to = f" to {titles(a.apologies_to)}" if a.apologies_to else ""
    if ApologiesFor.ABSENCE in a.apologies_for:
        when = (
            f"at least {duration(a.apologies_notice)} before the meeting"
            if a.apologies_notice
            else "before the meeting"
        )
        reasons = " with reasons" if a.apologies_with_reasons else ""
        late = " Apologies given later still count, marked late." if a.apologies_notice else ""
        said.add(
            "MTG-1", text=f"A member who cannot attend sends apologies{reasons}{to} {when}.{late}"
        )
    if ApologiesFor.LATE_ARRIVAL in a.apologies_for:
        time = " saying when they expect to arrive" if a.apologies_with_arrival_time else ""
        said.add("MTG-1", text=f"A member who will be late sends word{to} beforehand{time}.")
    absences = a.consecutive_absences
    if absences is not None:
        counted = (
            "with or without apologies" if absences.count_with_apologies else "without apologies"
        )
        decider = the(absences.decided_by.title) if absences.decided_by else "the group"
        said.add_citing(
            absences.cites.all or said.cited("MTG-2"),
            text=f"Missing more than {absences.limit} meetings in a row ({counted}; "
            "cancelled meetings and time suspended do not count) ends membership: "
            f"absence number {absences.opens_decision_at} opens a decision for "
            f"{decider}, who may accept exceptional circumstances such as serious "
            "illness instead.",
        )
    return said.rules


_DECISIONS = {
    DecisionMaking.MAJORITY: "Members accept the decision of the majority.",
    DecisionMaking.CONSENSUS: "The group seeks a consensus: a decision everyone can fully support.",
}


def meetings_rules(m: Meetings, panel: str) -> list[Rule]:
    """``panel`` is how the group is named in a sentence, such as "the Panel"."""
    said = Sentences(m.cites.all)
    if m.decisions is not None:
        said.add("MTG-3", text=_DECISIONS[m.decisions])
    parts = []
    if m.chair_by is ChairBy.ROTA_OR_STANDING:
        parts.append(f"{panel} agrees a rota of chairs or one chair for a period")
    if m.speak_through is not None:
        parts.append(f"members speak through {the(m.speak_through.title)}")
    if m.keep_to_agenda:
        parts.append("meetings keep to the agenda")
    if m.regular_breaks:
        parts.append("there are regular breaks")
    if parts:
        said.add("MTG-4", text=sentence(listing(parts)) + ".")
    if m.chair_may_send_out:
        said.add(
            "MTG-5",
            text="For a serious breach during a meeting, the Chair asks the member to leave "
            "at once; this is recorded and opens a serious breach case.",
        )
    if m.come_prepared:
        said.add(
            "MTG-6",
            text="Members come prepared; work allocated at a meeting is recorded with who "
            "does it and by when.",
        )
    return said.rules


_DISCLOSE = {
    Disclose.PERSONAL: "their own",
    Disclose.GROUPS: "any held on behalf of a tenant or customer group they belong to",
    Disclose.CLOSE_RELATIVES: "a close relative's",
    Disclose.ORGANISATIONS: "any through an organisation they belong to",
}
_ON_CONFLICT = {
    OnConflict.WITHDRAW: "withdraws from the work, in whole or in part",
    OnConflict.OFFER_TO_WITHDRAW: "offers to withdraw from the work",
    OnConflict.DISCLOSE_ONLY: "declares it; the code asks for nothing more",
}


def interests_rules(i: Interests) -> list[Rule]:
    said = Sentences(i.cites.all)
    said.add(
        "COI-1",
        text="Each member declares any interest that could affect their approach to the "
        f"work: {listing([_DISCLOSE[d] for d in i.disclose])}. The register is dated and "
        "kept current.",
    )
    if said.cited("COI-2"):
        said.add(
            "COI-2",
            text="Where a conflict is clear and substantial, the member "
            f"{_ON_CONFLICT[i.on_conflict]}.",
        )
    if i.tell:
        now = " straight away" if i.tell_immediately else ""
        said.add(
            "COI-3",
            text="A member who thinks a conflict has arisen or may arise tells "
            f"{titles(i.tell)}{now}.",
        )
    said.add_citing(
        said.cited("COI-2") or said.cited("COI-1"),
        text=f"{sentence(titles(i.decided_by))} records the decision: no conflict, partial "
        "withdrawal (naming the parts) or full withdrawal.",
    )
    return said.rules


def confidentiality_rules(c: Confidentiality, panel: str) -> list[Rule]:
    said = Sentences(c.cites.all)
    if c.protect_identities:
        said.add(
            "CONF-1",
            text="Personal information stays confidential, and members never mention a case "
            "in a way that could identify someone.",
        )
    if c.disclose_only_to is not None:
        said.add(
            "CONF-2",
            text="Sharing within the work for its purpose is allowed; outside it, confidential "
            f"information goes only to {the(c.disclose_only_to.title)}.",
        )
    if c.information_belongs_to_scrutinised:
        said.add(
            "CONF-3",
            text="What a scrutiny gathers belongs to the organisation inspected and is never "
            "passed to anyone else.",
        )
    speaking = []
    if c.speak_for_group_needs_agreement:
        speaking.append(f"nobody speaks or writes for {panel} without its prior agreement")
    if c.findings_by_whole_group:
        speaking.append(f"findings are reported by {panel} as a whole or by those it appoints")
    if c.correspondence_shared:
        speaking.append(f"letters sent for {panel} are shared with every member")
    if speaking:
        said.add("CONF-4", text=sentence(listing(speaking)) + ".")
    if c.requests_through_plan:
        said.add(
            "CONF-6",
            text="Requests for reports and data follow the Access to Information Protocol and "
            "the agreed scrutiny plan.",
        )
    if c.contact_details_private:
        said.add(
            "CONF-7",
            text="Members' contact details are hidden from other members unless they agree; "
            f"{panel} settles how members contact each other.",
        )
    return said.rules


def gifts_rules(g: Gifts, panel: str) -> list[Rule]:
    said = Sentences(g.cites.all)
    what = (
        "any gift or hospitality offered or received"
        if g.offered_too
        else "any gift or hospitality received"
    )
    if g.declare_over is not None:
        what = f"{what} worth more than £{g.declare_over}"
    said.add("GIFT-1", text=f"A member declares {what} to {titles(g.declare_to, 'and')}.")
    if g.declare_over is not None:
        said.add(
            "GIFT-1",
            text=f"One worth £{g.declare_over} or less need not be declared, though a member "
            "may declare it.",
        )
    if g.discuss is GiftsDiscussed.NEXT_MEETING:
        said.add(
            "GIFT-2",
            text=f"What happens to it is discussed at the next meeting of {panel}; it goes on "
            "that agenda automatically.",
        )
    else:
        who = the(g.discuss_with.title) if g.discuss_with else "the organisation"
        said.add("GIFT-2", text=f"What happens to it is agreed with {who}.")
    if g.register:
        declined = ", declined offers included" if g.offered_too else ""
        every = (
            "Every gift and all hospitality"
            if g.declare_over is None
            else "Every gift and all hospitality declared"
        )
        said.add(
            "GIFT-3",
            text=f"{every} go in the organisation's gifts and hospitality register{declined}.",
        )
    return said.rules
