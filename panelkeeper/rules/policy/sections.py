"""The sections of a code of conduct a member lives with day to day.

Documents and what a breach may cite (MEM-2, MEM-3, MEM-4, BR-0, GOV-3); membership
(MEM-1, MEM-5, MEM-9); attendance (MTG-1, MTG-2, Interpretations 6 and 7); meetings
(MTG-3 to MTG-6); interests (COI-1 to COI-3, Interpretation 12); confidentiality
(CONF-1 to CONF-4, CONF-6, CONF-7, Interpretation 13); gifts (GIFT-1 to GIFT-3).

Every section names the rule ids it implements in ``rules`` (what the organisation's
code says) and ``adopted`` (what the organisation applies though its code is silent).
A section that is absent means the code says nothing on the point.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.policy.clauses import clauses
from panelkeeper.rules.policy.problems import Table, suggestion
from panelkeeper.rules.policy.roles import Role, Roles


@dataclass(frozen=True)
class Cites:
    """The rule ids a section implements, as the code states them or as adopted."""

    rules: tuple[str, ...] = ()
    adopted: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.rules, *self.adopted)


@dataclass(frozen=True)
class Section:
    """A section of the code, naming the rule ids it implements."""

    cites: Cites


def read_rule_ids(table: Table, name: str) -> tuple[str, ...]:
    """A list of CLAUSES.md rule ids; an unknown id is a problem with a suggestion."""
    known = clauses()
    return table.list_items(
        name,
        table.str_list(name),
        read=lambda rule_id: rule_id if rule_id in known else None,
        complaint=lambda rule_id: (
            f'"{rule_id}" is not a rule id of CLAUSES.md; write one '
            'such as "MEM-2".' + suggestion(rule_id, list(known))
        ),
    )


def read_cites(table: Table) -> Cites:
    return Cites(read_rule_ids(table, "rules"), read_rule_ids(table, "adopted"))


# -- documents (MEM-2, MEM-3, MEM-4, BR-0, GOV-3) -----------------------------


@dataclass(frozen=True)
class Document:
    """A document of the code: signed by members, citable by a breach, or associated only."""

    key: str
    title: str
    sign: bool
    breach_may_cite: bool


@dataclass(frozen=True)
class Documents(Section):
    items: tuple[Document, ...]
    read_in_full: bool  # MEM-3: confirmed read and understood before signing
    acknowledge_consequences: bool  # MEM-3: the member accepts the actions open on a breach
    countersigned_by: Role | None  # MEM-4
    organisation_provides: tuple[str, ...]  # MEM-4: what the countersignature promises
    needs_identified_at: tuple[str, ...]  # MEM-4: when training needs are identified
    breach_covers_spirit: bool  # BR-0: acting against the spirit of the documents
    breach_covers_co_regulation: bool  # BR-0: going against co-regulation and partnership

    @property
    def to_sign(self) -> tuple[Document, ...]:
        """What each member signs (MEM-2); empty when the code asks for no signature."""
        return tuple(d for d in self.items if d.sign)

    @property
    def citable(self) -> tuple[Document, ...]:
        """What a breach report may cite (BR-0)."""
        return tuple(d for d in self.items if d.breach_may_cite)


def parse_documents(table: Table, roles: Roles) -> Documents:
    items: list[Document] = []
    seen: set[str] = set()
    for item in table.table_list("items", required=True):
        key = item.required_str("key", example='"code_of_conduct"')
        title = item.required_str("title", example='"Code of Conduct"')
        sign = item.optional_bool("sign", False)
        cite = item.optional_bool("breach_may_cite", False)
        if key is not None and key in seen:
            item.problem("key", f'"{key}" is used by an earlier document; give each its own key.')
        elif key is not None and title is not None:
            seen.add(key)
            items.append(Document(key, title, sign, cite))
        item.finish()
    return Documents(
        cites=read_cites(table),
        items=tuple(items),
        read_in_full=table.optional_bool("read_in_full", False),
        acknowledge_consequences=table.optional_bool("acknowledge_consequences", False),
        countersigned_by=roles.optional(table, "countersigned_by"),
        organisation_provides=table.str_list("organisation_provides"),
        needs_identified_at=table.str_list("needs_identified_at"),
        breach_covers_spirit=table.optional_bool("breach_covers_spirit", False),
        breach_covers_co_regulation=table.optional_bool("breach_covers_co_regulation", False),
    )


# -- membership (MEM-1, MEM-5, MEM-9) ----------------------------------------


@dataclass(frozen=True)
class Membership(Section):
    customers: tuple[str, ...]  # MEM-1: who counts as a customer
    rewards_and_expenses: bool  # MEM-5: the only payments
    voluntary: bool  # MEM-5: the role itself is unpaid
    applies_when: str | None  # MEM-9: when the code applies, in our words


def parse_membership(table: Table, roles: Roles) -> Membership:
    return Membership(
        cites=read_cites(table),
        customers=table.str_list("customers"),
        rewards_and_expenses=table.optional_bool("rewards_and_expenses", False),
        voluntary=table.optional_bool("voluntary", False),
        applies_when=table.optional_str("applies_when"),
    )


# -- attendance (MTG-1, MTG-2) -----------------------------------------------


class ApologiesFor(StrEnum):
    ABSENCE = "absence"
    LATE_ARRIVAL = "late_arrival"


@dataclass(frozen=True)
class ConsecutiveAbsences:
    """MTG-2 (Interpretation 6): ``limit`` absences in a row are allowed; the next one
    opens a decision for ``decided_by`` to accept exceptional circumstances or end
    membership."""

    cites: Cites
    limit: int
    count_with_apologies: bool
    decided_by: Role | None

    @property
    def opens_decision_at(self) -> int:
        return self.limit + 1


@dataclass(frozen=True)
class Attendance(Section):
    apologies_for: tuple[ApologiesFor, ...]
    apologies_notice: Duration | None  # MTG-1, Interpretation 7: how long before
    apologies_with_reasons: bool
    apologies_with_arrival_time: bool
    apologies_to: tuple[Role, ...]
    consecutive_absences: ConsecutiveAbsences | None


def parse_attendance(table: Table, roles: Roles) -> Attendance:
    absences: ConsecutiveAbsences | None = None
    sub = table.optional_table("consecutive_absences")
    if sub is not None:
        limit = sub.required_int("limit", minimum=1)
        absences_cites = read_cites(sub)
        count = sub.optional_bool("count_with_apologies", True)
        decided_by = roles.required(sub, "decided_by")
        if limit is not None:
            absences = ConsecutiveAbsences(absences_cites, limit, count, decided_by)
        sub.finish()
    return Attendance(
        cites=read_cites(table),
        apologies_for=table.choice_list("apologies_for", ApologiesFor) or (ApologiesFor.ABSENCE,),
        apologies_notice=table.optional_duration("apologies_notice"),
        apologies_with_reasons=table.optional_bool("apologies_with_reasons", False),
        apologies_with_arrival_time=table.optional_bool("apologies_with_arrival_time", False),
        apologies_to=roles.many(table, "apologies_to"),
        consecutive_absences=absences,
    )


# -- meetings (MTG-3, MTG-4, MTG-5, MTG-6) -----------------------------------


class DecisionMaking(StrEnum):
    MAJORITY = "majority"
    CONSENSUS = "consensus"


class ChairBy(StrEnum):
    STANDING = "standing"
    ROTA_OR_STANDING = "rota_or_standing"


@dataclass(frozen=True)
class Meetings(Section):
    decisions: DecisionMaking | None  # MTG-3
    chair_by: ChairBy  # MTG-4
    speak_through: Role | None  # MTG-4
    keep_to_agenda: bool  # MTG-4
    regular_breaks: bool  # MTG-4
    chair_may_send_out: bool  # MTG-5: for a serious breach during a meeting
    come_prepared: bool  # MTG-6


def parse_meetings(table: Table, roles: Roles) -> Meetings:
    decisions = (
        table.required_choice("decisions", DecisionMaking) if table.has("decisions") else None
    )
    return Meetings(
        cites=read_cites(table),
        decisions=decisions,
        chair_by=table.optional_choice("chair_by", ChairBy, ChairBy.STANDING),
        speak_through=roles.optional(table, "speak_through"),
        keep_to_agenda=table.optional_bool("keep_to_agenda", False),
        regular_breaks=table.optional_bool("regular_breaks", False),
        chair_may_send_out=table.optional_bool("chair_may_send_out", False),
        come_prepared=table.optional_bool("come_prepared", False),
    )


# -- interests (COI-1, COI-2, COI-3) -----------------------------------------


class Disclose(StrEnum):
    PERSONAL = "personal"
    GROUPS = "groups"
    CLOSE_RELATIVES = "close_relatives"
    ORGANISATIONS = "organisations"


class OnConflict(StrEnum):
    WITHDRAW = "withdraw"
    OFFER_TO_WITHDRAW = "offer_to_withdraw"
    DISCLOSE_ONLY = "disclose_only"


@dataclass(frozen=True)
class Interests(Section):
    disclose: tuple[Disclose, ...]  # COI-1
    on_conflict: OnConflict  # COI-2
    tell: tuple[Role, ...]  # COI-3
    tell_immediately: bool  # COI-3
    decided_by: tuple[Role, ...]  # Interpretation 12


def parse_interests(table: Table, roles: Roles) -> Interests:
    disclose = table.choice_list("disclose", Disclose)
    return Interests(
        cites=read_cites(table),
        disclose=disclose or (Disclose.PERSONAL,),
        on_conflict=table.optional_choice("on_conflict", OnConflict, OnConflict.WITHDRAW),
        tell=roles.many(table, "tell"),
        tell_immediately=table.optional_bool("tell_immediately", False),
        decided_by=roles.many(table, "decided_by", required=True),
    )


# -- confidentiality (CONF-1 to CONF-4, CONF-6, CONF-7) ----------------------


@dataclass(frozen=True)
class Confidentiality(Section):
    protect_identities: bool  # CONF-1
    disclose_only_to: Role | None  # CONF-2, Interpretation 13
    information_belongs_to_scrutinised: bool  # CONF-3
    speak_for_group_needs_agreement: bool  # CONF-4
    findings_by_whole_group: bool  # CONF-4
    correspondence_shared: bool  # CONF-4
    requests_through_plan: bool  # CONF-6
    contact_details_private: bool  # CONF-7


def parse_confidentiality(table: Table, roles: Roles) -> Confidentiality:
    return Confidentiality(
        cites=read_cites(table),
        protect_identities=table.optional_bool("protect_identities", False),
        disclose_only_to=roles.optional(table, "disclose_only_to"),
        information_belongs_to_scrutinised=table.optional_bool(
            "information_belongs_to_scrutinised", False
        ),
        speak_for_group_needs_agreement=table.optional_bool(
            "speak_for_group_needs_agreement", False
        ),
        findings_by_whole_group=table.optional_bool("findings_by_whole_group", False),
        correspondence_shared=table.optional_bool("correspondence_shared", False),
        requests_through_plan=table.optional_bool("requests_through_plan", False),
        contact_details_private=table.optional_bool("contact_details_private", False),
    )


# -- gifts and hospitality (GIFT-1, GIFT-2, GIFT-3) --------------------------


class GiftsDeclared(StrEnum):
    RECEIVED = "received"
    RECEIVED_OR_OFFERED = "received_or_offered"


class GiftsDiscussed(StrEnum):
    NEXT_MEETING = "next_meeting"
    WITH_ROLE = "with_role"


@dataclass(frozen=True)
class Gifts(Section):
    declare: GiftsDeclared  # GIFT-1
    declare_to: tuple[Role, ...]  # GIFT-1
    discuss: GiftsDiscussed  # GIFT-2
    discuss_with: Role | None  # GIFT-2, when discussed with a role
    register: bool  # GIFT-3
    # GIFT-1: whole pounds; one worth this or less need not be declared. None: every one is.
    declare_over: int | None

    @property
    def offered_too(self) -> bool:
        return self.declare is GiftsDeclared.RECEIVED_OR_OFFERED


def parse_gifts(table: Table, roles: Roles) -> Gifts:
    discuss = table.optional_choice("discuss", GiftsDiscussed, GiftsDiscussed.NEXT_MEETING)
    discuss_with = roles.optional(table, "discuss_with")
    if discuss is GiftsDiscussed.WITH_ROLE and not table.has("discuss_with"):
        table.problem(
            "discuss_with",
            'Name the role the gift is discussed with, such as "customer_involvement_team".',
            on_form="Choose who it is talked about with.",
        )
    return Gifts(
        cites=read_cites(table),
        declare=table.optional_choice("declare", GiftsDeclared, GiftsDeclared.RECEIVED),
        declare_to=roles.many(table, "declare_to", required=True),
        discuss=discuss,
        discuss_with=discuss_with,
        register=table.optional_bool("register", False),
        declare_over=table.optional_int("declare_over", minimum=1),
    )
