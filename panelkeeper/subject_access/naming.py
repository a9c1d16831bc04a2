"""Other people's names kept out of a subject access pack.

A pack gives a person what is held about them, not who else is in their records. The
names the records know (the members of the organisation, whoever raised a concern or a
case, the witnesses and others on a case, the members and staff on its investigating
group, the staff who handled it or heard its appeal) are taken out of every free text
(descriptions, reasons, messages, letters) wherever they appear, whatever their case,
unless that person agreed to be named: only a reporter can, and only for the case or
concern they raised.
"""

from __future__ import annotations

from collections.abc import Iterable

from panelkeeper.accounts.models import User
from panelkeeper.cases.models import Case, CaseParty, PartyRole, Seat
from panelkeeper.concerns.models import Concern
from panelkeeper.members.models import Member
from panelkeeper.retention import redaction

WITHHELD = "[name withheld]"


def without(text: str, names: Iterable[str]) -> str:
    """``text`` with each of ``names`` withheld (:func:`retention.redaction.without`)."""
    return redaction.without(text, names, WITHHELD)


def _user_name(user: User | None) -> str:
    return user.get_full_name() if user is not None else ""


def named_in_cases(cases: Iterable[Case]) -> tuple[set[str], set[str]]:
    """The names of the people in ``cases`` and the concerns they came from, as two sets:
    those who did not agree to be named, and the reporters who did."""
    cases = list(cases)
    withheld: set[str] = set()
    agreed: set[str] = set()
    for case in cases:
        if case.reporter_name:
            (agreed if case.reporter_consents_to_identity else withheld).add(case.reporter_name)
        withheld |= {_user_name(case.handler), _user_name(case.appeal_officer)}
    parties = CaseParty.objects.filter(case__in=cases).select_related("member", "user", "case")
    for party in parties:
        name = {party.name, str(party.member) if party.member_id else "", _user_name(party.user)}
        reporter_agreed = (
            party.role == PartyRole.REPORTER and party.case.reporter_consents_to_identity
        )
        (agreed if reporter_agreed else withheld).update(name)
    for seat in Seat.objects.filter(case__in=cases).select_related("member", "user"):
        withheld |= {str(seat.member) if seat.member_id else "", _user_name(seat.user)}
    for concern in Concern.objects.filter(case__in=cases, anonymous=False):
        if concern.reporter_name:
            (agreed if concern.consents_to_identity else withheld).add(concern.reporter_name)
    withheld.discard("")
    agreed.discard("")
    return withheld - agreed, agreed


def members_of(organisation_id: int) -> set[str]:
    """Every member's name the organisation holds (a former member's is already gone)."""
    return set(
        Member.objects.filter(group__organisation_id=organisation_id).values_list(
            "full_name", flat=True
        )
    )
