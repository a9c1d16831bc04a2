"""Issuing letters: kept as sent, dispatched to every party, notice recorded (BR-11, BR-12)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core import mail

from panelkeeper.cases.models import CaseEvent
from panelkeeper.cases.procedure import assess_case
from panelkeeper.letters.dispatch import print_batch
from panelkeeper.letters.facts import long_date
from panelkeeper.letters.issuing import issue_case_letter, issue_gift_letter
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Dispatch, Letter
from panelkeeper.lib.refusals import Refused
from tests.delivery import deliver
from tests.factory import Factory
from tests.lib.test_pdf import pdf_text

TODAY = dt.date(2026, 11, 23)


def test_an_outcome_letter_is_emailed_and_records_the_notice_that_starts_the_appeal_br_11_br_12(
    factory: Factory,
) -> None:
    letter = factory.letter()
    assert letter.kind == LetterKind.WARNING
    assert letter.channel == "email"
    [email] = deliver()
    assert email.to == ["sam@example.org"]
    [(name, content, mimetype)] = email.attachments
    assert (name, mimetype) == (letter.file_name, "application/pdf")
    assert content == bytes(letter.pdf)
    notice = CaseEvent.objects.get(case=letter.case, kind="notice_sent")
    assert (notice.effective, notice.channel) == (TODAY, "email")
    # The date printed is the procedure's, now the notice is on the case (Interpretation 2).
    window = assess_case(letter.case, as_of=TODAY).appeal_window
    assert window is not None and window.closes is not None
    assert window.closes == dt.date(2026, 12, 7)  # ten working days from Monday 23 November
    assert f"must reach them by {long_date(window.closes)}" in " ".join(letter.text.split())
    [dispatch] = Dispatch.objects.filter(letter=letter)
    assert (dispatch.channel, dispatch.recipient, dispatch.to_address) == (
        "email",
        "member",
        "sam@example.org",
    )


def test_the_bytes_issued_are_kept_with_their_hash_and_never_rendered_again(
    factory: Factory,
) -> None:
    letter = factory.letter()
    stored = Letter.objects.get(pk=letter.pk)
    assert hashlib.sha256(bytes(stored.pdf)).hexdigest() == stored.sha256
    assert b"/StructTreeRoot" in pdf_text(bytes(stored.pdf))


def test_a_correction_is_a_new_letter_naming_the_old_and_records_no_second_notice(
    factory: Factory,
) -> None:
    first = factory.letter()
    second = factory.letter(corrects=first, reasons="The breach was at the November meeting.")
    assert second.pk != first.pk and second.corrects == first
    assert Letter.objects.get(pk=first.pk).sha256 == first.sha256
    assert CaseEvent.objects.filter(case=first.case, kind="notice_sent").count() == 1
    assert "The breach was at the November meeting." in second.text


def test_a_member_who_asked_for_large_print_and_a_copy_to_their_advocate_gets_both(
    factory: Factory,
) -> None:
    case = factory.decided_case()
    member = case.member
    advocate = factory.user(first_name="Ada", last_name="Advocate", email="ada@example.org")
    member.large_print, member.copy_to_advocate, member.advocate = True, True, advocate
    member.save(update_fields=["large_print", "copy_to_advocate", "advocate"])
    letter = factory.letter()
    assert letter.large_print and 'class="letter large-print"' in letter.html
    assert sorted(Dispatch.objects.filter(letter=letter).values_list("recipient", flat=True)) == [
        "advocate",
        "member",
    ]
    deliver()
    assert [m.to for m in mail.outbox] == [["sam@example.org"], ["ada@example.org"]]
    assert mail.outbox[1].subject.startswith("Copy for you:")


def test_posted_letters_go_in_the_days_print_batch_and_count_from_deemed_receipt_interpretation_2(
    factory: Factory,
) -> None:
    case = factory.decided_case()
    member = case.member
    member.contact_by, member.address = "post", "1 High Street\nHartlepool\nTS24 7AA"
    member.save(update_fields=["contact_by", "address"])
    letter = factory.letter()
    deliver()
    assert letter.channel == "post" and not mail.outbox
    window = assess_case(case, as_of=TODAY).appeal_window
    assert window is not None
    assert window.received == dt.date(2026, 11, 25)  # the second working day after posting
    assert window.closes == dt.date(2026, 12, 9)
    assert "must reach them by Wednesday 9 December 2026" in " ".join(letter.text.split())
    batch = print_batch(case.organisation, TODAY)
    assert batch.startswith(b"%PDF-")
    with pytest.raises(ValueError):
        print_batch(case.organisation, TODAY + dt.timedelta(days=1))


def test_a_member_with_no_address_at_all_is_refused_with_what_to_do(factory: Factory) -> None:
    case = factory.decided_case()
    member = case.member
    member.email, member.address = "", ""
    member.save(update_fields=["email", "address"])
    with pytest.raises(Refused, match="Add an email address or a postal address"):
        factory.letter()
    assert not Letter.objects.exists()


def test_an_outcome_letter_before_any_outcome_is_refused(factory: Factory) -> None:
    case = factory.the_case
    with pytest.raises(Refused, match="record the outcome first"):
        issue_case_letter(case=case, kind=None, actor=None, today=TODAY)


def test_the_member_is_told_of_the_investigation_with_who_looks_into_it_br_4(
    factory: Factory,
) -> None:
    case = factory.decided_case()
    letter = factory.letter(kind=LetterKind.INVESTIGATION)
    text = " ".join(letter.text.split())
    assert "We have received a report that you may not have kept to the code" in text
    assert case.description in text
    assert not CaseEvent.objects.filter(case=case, kind="notice_sent").exists()


def test_an_appeal_acknowledgement_names_who_considers_it_br_12(factory: Factory) -> None:
    from panelkeeper.cases.changes.appeals import lodge_appeal

    case = factory.decided_case()
    factory.letter()
    lodge_appeal(
        case=case, received_on=dt.date(2026, 11, 30), actor=None, today=TODAY + dt.timedelta(days=7)
    )
    letter = factory.letter(kind=LetterKind.APPEAL_ACKNOWLEDGED, today=dt.date(2026, 11, 30))
    text = " ".join(letter.text.split())
    assert "which we received on Monday 30 November 2026" in text
    assert "Group Director of Operations" in text


def test_a_gift_letter_says_what_was_decided_gift_2(factory: Factory) -> None:
    from panelkeeper.registers.gifts import decide_gift

    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    gift = factory.gift(member)
    decide_gift(
        gift=gift,
        outcome="returned",
        decided_on=TODAY,
        note="Returned with thanks.",
        actor=factory.officer(),
        today=TODAY,
    )
    gift.refresh_from_db()
    letter = issue_gift_letter(gift=gift, actor=None, today=TODAY)
    text = " ".join(letter.text.split())
    assert "it should be returned" in text and "Returned with thanks." in text
