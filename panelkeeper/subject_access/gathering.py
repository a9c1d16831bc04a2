"""Everything held about one person, gathered as sections a person can read.

A section is a title and its entries; an entry is a heading, facts (a label and a value
in words) and, where there is one, a text (a letter, a signed document, a description).
The same content is shown as HTML, printed as a PDF and given as JSON.

Other people's identities are kept out: a reporter who did not agree to be named is
"not named"; witnesses and others in a case are given by their part only; every name
the records know is taken out of free text unless its person agreed (:mod:`.naming`);
investigators are given by their title; who read a case by their role and the date.
The person's own records come from their own rows only (their member record, letters
addressed to them, their signatures), never from a search by name that might find
someone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from panelkeeper.cases.models import Case, CaseParty
from panelkeeper.concerns.models import Concern
from panelkeeper.letters.models import Letter
from panelkeeper.meetings.models import Attendance
from panelkeeper.members.models import Appraisal, Expense, Member, Signature
from panelkeeper.registers.models import Gift, Interest
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder.model import key_in_words
from panelkeeper.subject_access.models import ReaderRole, RecordKind
from panelkeeper.subject_access.naming import members_of, named_in_cases, without
from panelkeeper.subject_access.reading import readings_about

NOT_NAMED = "Not named: they did not agree to be named"

type Entry = dict[str, Any]
type Section = dict[str, Any]


def _date(day: Any) -> str:
    return day_month_year(day) if day else ""


def _entry(heading: str, facts: Iterable[tuple[str, str]], text: str = "") -> Entry:
    return {"heading": heading, "facts": [[k, v] for k, v in facts if v], "text": text}


def _section(title: str, entries: list[Entry], none: str) -> Section:
    return {"title": title, "entries": entries, "none": none}


def _member_file(member: Member) -> Section:
    facts = [
        ("Name", member.full_name),
        ("Group", str(member.group)),
        ("Role", member.get_role_display()),
        ("Customer type", member.get_customer_type_display()),
        ("Email", member.email),
        ("Phone", member.phone),
        ("Address", member.address),
        ("How they are contacted", member.get_contact_by_display()),
        ("Joined", _date(member.started_on)),
        ("Left", _date(member.ended_on)),
    ]
    entries = [_entry("Member record", facts)]
    entries += [
        _entry(
            f"{status.get_status_display()} from {_date(status.effective_from)}",
            [("Reason", status.reason)],
        )
        for status in member.statuses.order_by("effective_from", "id")
    ]
    return _section("Your record as a member", entries, "")


def _signatures(member: Member) -> Section:
    signatures = (
        Signature.objects.filter(member=member)
        .select_related("version__document")
        .order_by("signed_on", "id")
    )
    entries = [
        _entry(
            f"{s.version.document.title}, version {s.version.label}",
            [("Signed", _date(s.signed_on)), ("Name typed", s.typed_name)],
            s.version.text,
        )
        for s in signatures
    ]
    return _section("Documents you signed", entries, "You have signed no documents.")


def _letters(member: Member, withheld: list[str]) -> Section:
    letters = Letter.objects.filter(member=member).to_member().order_by("issued_on", "id")
    entries = [
        _entry(
            f"{letter.reference}: {letter.subject}",
            [("Sent", _date(letter.issued_on)), ("Sent by", letter.get_channel_display())],
            without(letter.text, withheld),
        )
        for letter in letters
    ]
    return _section("Letters sent to you", entries, "No letters have been sent to you.")


def _reporter(case: Case) -> str:
    if case.anonymous:
        return "Anonymous"
    if case.reporter_consents_to_identity and case.reporter_name:
        return case.reporter_name
    return NOT_NAMED if case.reporter_name else ""


def _cases(member: Member, cases: list[Case], withheld: list[str]) -> Section:
    entries = []
    for case in cases:
        facts = [
            ("Began", _date(case.began_on)),
            ("Where it stands", case.get_state_display()),
            ("Level", key_in_words(case.level) if case.level else ""),
            ("Raised by", _reporter(case)),
        ]
        parties = [
            party.get_role_display() for party in case.parties.all() if party.role != "reporter"
        ]
        if parties:
            facts.append(("Others involved (not named)", ", ".join(parties)))
        entries.append(_entry(f"Case {case.reference}", facts, without(case.description, withheld)))
        for event in case.events.order_by("effective", "id"):
            event_facts = [
                ("Outcome", key_in_words(event.outcome) if event.outcome else ""),
                ("Reason", without(event.reason, withheld)),
            ]
            entries.append(
                _entry(f"{event.get_kind_display()}, {_date(event.effective)}", event_facts)
            )
    return _section("Breach cases about you", entries, "There are no breach cases about you.")


def _concerns(cases: list[Case], withheld: list[str]) -> Section:
    concerns = Concern.objects.filter(case__in=cases).order_by("received_at", "id")
    entries = [
        _entry(
            f"Concern that became case {concern.case.reference if concern.case else ''}",
            [
                ("It happened on", _date(concern.happened_on)),
                (
                    "Raised by",
                    "Anonymous"
                    if concern.anonymous
                    else (concern.reporter_name if concern.consents_to_identity else NOT_NAMED),
                ),
            ],
            without(concern.what_happened, withheld),
        )
        for concern in concerns.select_related("case")
    ]
    return _section("Concerns raised about you", entries, "No concerns were raised about you.")


def _registers(member: Member) -> Section:
    entries = [
        _entry(
            f"Interest: {interest.get_kind_display()}",
            [("From", _date(interest.starts_on)), ("Until", _date(interest.ends_on))],
            interest.description,
        )
        for interest in Interest.objects.filter(member=member).order_by("starts_on", "id")
    ]
    entries += [
        _entry(
            f"Gift {gift.get_direction_display().lower()}",
            [("On", _date(gift.given_on)), ("Value", f"£{gift.value}")],
            gift.description,
        )
        for gift in Gift.objects.filter(member=member).order_by("given_on", "id")
    ]
    return _section("Interests and gifts you declared", entries, "You have declared none.")


def _attendance(member: Member, withheld: list[str]) -> Section:
    rows = (
        Attendance.objects.filter(member=member)
        .select_related("meeting")
        .order_by("meeting__date", "id")
    )
    entries = [
        _entry(
            f"Meeting on {_date(row.meeting.date)}",
            [
                ("Attendance", row.get_presence_display()),
                ("Apologies given", _date(row.apologies_given_on)),
                ("Reason", without(row.reason, withheld)),
            ],
        )
        for row in rows
    ]
    return _section("Meetings", entries, "No attendance is recorded.")


def _support(member: Member) -> Section:
    entries = [
        _entry(
            f"{appraisal.get_kind_display()}, {_date(appraisal.held_on)}",
            [
                ("Training needs", appraisal.training_needs),
                ("Training given", appraisal.training_given),
            ],
            appraisal.notes,
        )
        for appraisal in Appraisal.objects.filter(member=member).order_by("held_on", "id")
    ]
    entries += [
        _entry(
            f"Expense claim: {expense.activity}",
            [
                ("For", _date(expense.activity_on)),
                ("Where it stands", expense.get_state_display()),
                ("Reason refused", expense.refusal_reason),
            ],
            expense.description,
        )
        for expense in Expense.objects.filter(member=member).order_by("activity_on", "id")
    ]
    return _section("Appraisals and expenses", entries, "None recorded.")


def _readings(member: Member) -> Section:
    entries = [
        _entry(
            f"{RecordKind(view.kind).label} read on {_date(view.viewed_at.date())}",
            [("By", ReaderRole(view.role).label)],
        )
        for view in readings_about(member.pk)
    ]
    return _section(
        "Who has read your records",
        entries,
        "No one on the staff or on an investigating group has read your records.",
    )


def about_member(member: Member) -> list[Section]:
    """Everything held about ``member``, as sections."""
    cases = list(
        Case.objects.filter(member=member)
        .select_related("handler", "appeal_officer")
        .order_by("began_on", "id")
    )
    in_cases, agreed = named_in_cases(cases)
    others = in_cases | members_of(member.group.organisation_id)
    withheld = sorted(others - agreed - {member.full_name})
    return [
        _member_file(member),
        _letters(member, withheld),
        _signatures(member),
        _cases(member, cases, withheld),
        _concerns(cases, withheld),
        _registers(member),
        _attendance(member, withheld),
        _support(member),
        _readings(member),
    ]


def about_someone_else(organisation_id: int, name: str, contact: str) -> list[Section]:
    """What is held about a person who is not a member: the concerns they raised under
    their name (or from their contact), and the cases that name them, with every other
    person those records name taken out (a reporter's agreement to be named was given to
    the member their report is about, not to anyone else who asks)."""
    concerns = Concern.objects.filter(organisation_id=organisation_id, anonymous=False).filter(
        reporter_name__iexact=name
    )
    if contact:
        concerns = concerns | Concern.objects.filter(
            organisation_id=organisation_id, anonymous=False, reporter_contact__iexact=contact
        )
    concerns = concerns.distinct().select_related("case__member").order_by("received_at", "id")
    parties = list(
        CaseParty.objects.filter(case__organisation_id=organisation_id, name__iexact=name)
        .select_related("case__member")
        .order_by("added_on", "id")
    )
    cases = [c.case for c in concerns if c.case is not None] + [p.case for p in parties]
    in_cases, agreed = named_in_cases(cases)
    others = in_cases | agreed | members_of(organisation_id)
    others |= {c.about_whom for c in concerns} | {str(case.member) for case in cases}
    withheld = [other for other in others if other.strip().lower() != name.strip().lower()]
    concern_entries = []
    for concern in concerns:
        concern_entries.append(
            _entry(
                f"Concern received {_date(concern.received_at.date())}",
                [
                    ("Your name", concern.reporter_name),
                    ("Your contact", concern.reporter_contact),
                    ("It happened on", _date(concern.happened_on)),
                    ("About", "Another person (not named here)" if concern.about_whom else ""),
                ],
                without(concern.what_happened, withheld),
            )
        )
        concern_entries += [
            _entry(f"Message, {_date(message.sent_on)}", [], without(message.body, withheld))
            for message in concern.messages.order_by("sent_on", "id")
        ]
    party_entries = [
        _entry(
            f"Named in case {party.case.reference}",
            [
                ("Your part", party.get_role_display()),
                ("Added", _date(party.added_on)),
                ("Your contact", party.contact),
            ],
        )
        for party in parties
    ]
    return [
        _section("Concerns you raised", concern_entries, "No concerns are held under your name."),
        _section("Cases that name you", party_entries, "No case names you."),
    ]
