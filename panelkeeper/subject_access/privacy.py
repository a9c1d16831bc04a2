"""An organisation's privacy notice, written from the kinds of record the product holds.

Each kind says, in plain words, what is kept, why, and who may see it; the notice lists
them all, how long each is kept (the organisation's retention schedule), how to ask for a
copy and how long that takes, and who looks after the data at the organisation. A new
kind of personal record joins ``KINDS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.schedule import schedule_of
from panelkeeper.subject_access.deadlines import MAX_EXTENSION_MONTHS
from panelkeeper.subject_access.lead import lead_of


@dataclass(frozen=True)
class Kind:
    title: str
    what: str
    why: str
    who_sees: str


KINDS: tuple[Kind, ...] = (
    Kind(
        "Members' records",
        "Name, contact details, the group you sit on, when you joined and left, and any "
        "change to your membership with its reason.",
        "To run the group and keep to its code of conduct.",
        "The organisation's officers and auditors. Other members see your contact details "
        "only if you agree.",
    ),
    Kind(
        "Documents you sign",
        "Which version of each document you signed, when, and the name you typed.",
        "To show you agreed to the code and the group's rules.",
        "Officers and auditors.",
    ),
    Kind(
        "Interests and gifts",
        "What you declare, with dates and values.",
        "So decisions are made fairly, and the register can be published.",
        "Officers and auditors; the published register if the organisation publishes it.",
    ),
    Kind(
        "Gifts and hospitality",
        "Gifts offered or received, who gave them and their value.",
        "So decisions are made fairly.",
        "Officers and auditors.",
    ),
    Kind(
        "Meeting attendance",
        "Whether you came, apologies and their reason.",
        "To keep the group's record and the code's rules on missed meetings.",
        "Officers and auditors.",
    ),
    Kind(
        "Expense claims",
        "What you claimed, for which activity, and whether it was paid.",
        "To pay you back.",
        "Officers and auditors.",
    ),
    Kind(
        "Concerns",
        "What someone reported, when, and, unless they stayed anonymous, their name and "
        "how to reach them. Anonymous reports keep no name, address or device details.",
        "To look into what was reported, fairly.",
        "Officers only. The member concerned is told who raised it only if that person agreed.",
    ),
    Kind(
        "Breach cases",
        "What happened, each step taken, by whom and when, and the outcome.",
        "To follow the code of conduct's procedure and its deadlines.",
        "Officers and auditors, the people on the investigating group, and the member the "
        "case is about (not who reported them, unless that person agreed).",
    ),
    Kind(
        "Letters",
        "Each letter sent, as sent.",
        "To show what you were told and when.",
        "Officers and auditors, and the person it was sent to.",
    ),
    Kind(
        "Who read a confidential record",
        "Which member of staff or investigator opened a case, a concern, a member's file or "
        "a letter, and when. No internet address is kept.",
        "So you can see who has read your records, and misuse can be found.",
        "The data protection lead. You see it by role and date in your copy.",
    ),
    Kind(
        "Requests for a copy of your information",
        "When you asked, what you asked for, any pause while we checked who you are, and "
        "the copy we sent you.",
        "To answer you within the time the law sets, and to show that we did.",
        "Officers. Auditors see that you asked and when it was answered, not the copy.",
    ),
)


@dataclass(frozen=True)
class Kept:
    """How long one kind of record is kept, from the organisation's retention schedule."""

    what: str
    how_long: str
    after: str


@dataclass(frozen=True)
class Notice:
    organisation: Organisation
    kinds: tuple[Kind, ...]
    kept: tuple[Kept, ...]
    lead_name: str
    extension_months: int = MAX_EXTENSION_MONTHS


def notice_for(organisation: Organisation) -> Notice:
    """The organisation's notice (a few queries, whatever the data: its retention
    schedule, the outcomes of its code in force and its data protection lead)."""
    kept = tuple(
        Kept(period.label, period.in_words, period.kind.counted_from)
        for period in schedule_of(organisation)
    )
    lead = lead_of(organisation)
    name = (lead.get_full_name() or lead.email) if lead else ""
    return Notice(organisation, KINDS, kept, name)
