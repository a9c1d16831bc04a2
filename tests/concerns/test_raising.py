"""Raising a concern on the public page, without signing in (BR-1, BR-2)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.concerns import receipts
from panelkeeper.concerns.models import Concern
from tests.concerns.conftest import report_data
from tests.factory import Factory

CODE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}\b")


def raise_url(org: str = "home") -> str:
    return reverse("concerns:raise", kwargs={"org": org})


def send(client: Client, **overrides: Any) -> Any:
    return client.post(raise_url(), report_data(**overrides), follow=True)


def test_an_organisation_that_does_not_exist_answers_404(factory: Factory) -> None:
    assert Client().get(raise_url("no-such-landlord")).status_code == 404
    url = reverse("concerns:follow_up", kwargs={"org": "no-such-landlord"})
    assert Client().get(url).status_code == 404


def test_without_a_code_in_force_the_page_says_to_contact_them_directly(
    factory: Factory,
) -> None:
    response = Client().get(raise_url(factory.home.slug))
    assert response.status_code == 200
    assert "You cannot raise a concern online yet" in response.text
    assert Concern.objects.count() == 0


def test_thirteen_offers_anonymity_and_concerns_about_involvement_br_1(thirteen: Any) -> None:
    response = Client().get(raise_url())
    assert response.status_code == 200
    assert 'name="anonymous"' in response.text
    assert "How customer involvement works" in response.text
    assert "Customer Experience Manager" in response.text  # where it goes (BR-2)


def test_vela_has_no_anonymous_route_and_names_who_may_raise_br_1(factory: Factory) -> None:
    factory.code_in_force("vela")
    response = Client().get(raise_url())
    assert 'name="anonymous"' not in response.text
    assert "anonymous" not in response.text.lower()  # not offered, nor mentioned
    assert "How customer involvement works" not in response.text
    # "Any aggrieved person", customers, staff and Board named as examples (BR-1).
    assert "A member of the public" in response.text
    assert "A Board member" in response.text
    assert "Customer Involvement Team" in response.text


def test_a_member_of_the_public_raises_a_named_concern_under_vela_br_1(factory: Factory) -> None:
    factory.code_in_force("vela")
    data = report_data(reporter_kind="public", reporter_name="Pat Passer-by")
    del data["anonymous"]
    data["reporter_contact"] = "pat@example.org"
    response = Client().post(raise_url(), data, follow=True)
    assert "Concern sent" in response.text
    concern = Concern.objects.get()
    assert (concern.reporter_kind, concern.anonymous) == ("public", False)
    assert concern.reporter_name == "Pat Passer-by"


def test_a_named_reporter_must_say_whether_they_may_be_named(factory: Factory) -> None:
    factory.code_in_force("vela")
    data = report_data(reporter_name="Pat", reporter_contact="pat@example.org")
    del data["anonymous"], data["consents_to_identity"]
    response = Client().post(raise_url(), data)
    assert "Select yes if we can tell them who raised it" in response.text
    assert Concern.objects.count() == 0


def test_an_anonymous_reporter_is_not_asked_whether_they_may_be_named(thirteen: Any) -> None:
    page = Client().get(raise_url()).text
    assert "Leave this if you stay anonymous" in page
    data = report_data()
    del data["consents_to_identity"]
    response = Client().post(raise_url(), data, follow=True)
    assert "Concern sent" in response.text
    assert Concern.objects.get().consents_to_identity is False
    named = report_data(anonymous="no", reporter_name="Pat", reporter_contact="pat@example.org")
    del named["consents_to_identity"]
    assert "Select yes if we can tell them" in Client().post(raise_url(), named).text


def test_an_anonymous_concern_is_saved_with_only_a_keyed_hash_of_its_code(thirteen: Any) -> None:
    client = Client()
    response = send(client, reporter_name="Typed By Mistake", reporter_contact="me@example.org")
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("concerns:submitted", kwargs={"org": "home"})
    code = CODE.search(response.text)
    assert code is not None, "the confirmation shows the receipt code"
    concern = Concern.objects.get()
    assert concern.anonymous
    assert concern.reporter_name == "" and concern.reporter_contact == ""
    assert concern.receipt_digest == receipts.digest(code.group())
    assert concern.routed_to == "Customer Experience Manager"
    assert concern.status == Concern.Status.RECEIVED
    assert AuditEntry.objects.filter(action="concern.received").count() == 1


def test_the_code_is_shown_once_only_on_the_confirmation(thirteen: Any) -> None:
    client = Client()
    first = send(client)
    assert CODE.search(first.text)
    again = client.get(reverse("concerns:submitted", kwargs={"org": "home"}))
    assert again.status_code == 200
    assert CODE.search(again.text) is None
    assert "shown only once" in again.text


def test_the_code_never_appears_in_a_url(thirteen: Any) -> None:
    response = send(Client())
    code = CODE.search(response.text)
    assert code is not None
    for url, _ in response.redirect_chain:
        assert code.group() not in url and code.group().replace("-", "") not in url


def test_a_named_concern_keeps_the_name_and_gets_no_code(thirteen: Any) -> None:
    response = send(
        Client(),
        anonymous="no",
        reporter_name="Rhona Reporter",
        reporter_contact="rhona@example.org",
        consents_to_identity="yes",
    )
    assert CODE.search(response.text) is None
    assert "contact you using the details you gave" in response.text
    concern = Concern.objects.get()
    assert not concern.anonymous and concern.receipt_digest is None
    assert concern.reporter_name == "Rhona Reporter"
    assert concern.consents_to_identity


def test_the_receipt_pdf_carries_the_code_and_no_identity(thirteen: Any) -> None:
    response = send(Client())
    code = CODE.search(response.text)
    assert code is not None
    pdf = Client().post(reverse("concerns:receipt", kwargs={"org": "home"}), {"code": code.group()})
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Cache-Control"] == "no-store"


def test_the_receipt_page_is_print_friendly(thirteen: Any) -> None:
    response = send(Client())
    assert "govuk-!-display-none-print" in response.text
    assert "Shouted at a tenant" not in response.text  # the receipt repeats nothing reported


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"what_happened": ""}, "what_happened", "Enter what happened"),
        ({"happened_on_day": ""}, "happened_on", "The date it happened must include a day"),
        ({"setting": ""}, "setting", "Select where it happened"),
        ({"reporter_kind": ""}, "reporter_kind", "Select which of these describes you"),
        ({"anonymous": ""}, "anonymous", "Select yes if you want to stay anonymous"),
        (
            {"anonymous": "no", "reporter_contact": "x@example.org"},
            "reporter_name",
            "Enter your name, or choose to stay anonymous",
        ),
        (
            {"anonymous": "no", "reporter_name": "Rhona"},
            "reporter_contact",
            "Enter an email address, phone number or postal address",
        ),
        ({"reporter_kind": "panel_member"}, "reporter_kind", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_message_and_nothing_is_saved(
    thirteen: Any, overrides: dict[str, str], field: str, message: str
) -> None:
    response = Client().post(raise_url(), report_data(**overrides))
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert message in response.text
    assert field in response.context["form"].errors
    assert Concern.objects.count() == 0
    assert not AuditEntry.objects.filter(action="concern.received").exists()


def test_a_date_in_the_future_is_refused(thirteen: Any) -> None:
    response = Client().post(raise_url(), report_data(happened_on_year="2099"))
    assert "The date it happened must be today or in the past" in response.text
    assert Concern.objects.count() == 0


def test_a_member_of_the_public_is_refused_where_the_code_does_not_list_them_br_1(
    factory: Factory,
) -> None:
    factory.code_in_force("nexus")  # members, staff, Board members and other customers
    data = report_data(
        reporter_kind="public", anonymous="no", reporter_name="P", reporter_contact="p"
    )
    response = Client().post(raise_url(), data)
    assert "Select a valid choice" in response.text
    assert Concern.objects.count() == 0


def test_the_sixth_concern_from_one_client_in_the_window_is_refused(thirteen: Any) -> None:
    client = Client(REMOTE_ADDR="198.51.100.23")
    for _ in range(5):
        assert send(client).status_code == 200
    refused = client.post(raise_url(), report_data())
    assert refused.status_code == 429
    assert "You have tried too many times" in refused.text
    assert Concern.objects.count() == 5
    # Another client is not held back by the first one's count.
    assert Client(REMOTE_ADDR="198.51.100.24").post(raise_url(), report_data()).status_code == 302


def test_an_anonymous_reporter_is_never_recorded_as_agreeing_to_be_known(thirteen: Any) -> None:
    send(Client(), consents_to_identity="yes")
    assert Concern.objects.get().consents_to_identity is False
