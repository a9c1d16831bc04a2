"""Erasure on request of a person who is not a member, across every record that names
them: concerns and cases (``retention.people``) and their own subject access requests,
whose packs are emptied once answered. Refused, with every reason, while a record must
stay: an open concern or case they are part of, a legal hold, or a request of theirs
not yet answered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from panelkeeper.cases.triggers import ERASED_IN_TEXT
from panelkeeper.lib.refusals import Refused
from panelkeeper.retention.people import (
    ERASED,
    Named,
    anonymise_named,
    reasons_to_keep_named,
    records_naming,
    same_person,
    save_erased,
)
from panelkeeper.retention.redaction import without
from panelkeeper.subject_access.models import Pack, SubjectAccessRequest
from panelkeeper.subject_access.requests import released

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


@dataclass
class Person:
    """Everything of one organisation that names a person who is not a member."""

    named: Named
    requests: list[SubjectAccessRequest]

    @property
    def count(self) -> int:
        return self.named.count + len(self.requests)


def find_person(organisation: Organisation, *, name: str, contact: str = "") -> Person:
    requests = SubjectAccessRequest.objects.filter(
        organisation=organisation, member__isnull=True
    ).filter(same_person(name, contact, name_field="name", contact_field="contact"))
    return Person(
        records_naming(organisation, name=name, contact=contact),
        list(requests.select_related("pack").order_by("received_on", "id")),
    )


def reasons_to_keep(organisation: Organisation, person: Person) -> list[str]:
    """Why the person's records must stay for now, in words; empty if they may go."""
    if not person.count:
        return [f"No record of {organisation.name} names {person.named.name}."]
    reasons = reasons_to_keep_named(organisation, person.named) if person.named.count else []
    reasons += [
        f"Their subject access request {request.reference} has not been answered yet."
        for request in person.requests
        if not released(request)
    ]
    return reasons


def erase_person(
    *, organisation: Organisation, name: str, contact: str = "", actor: User
) -> Person:
    """Take a person who is not a member out of every record of ``organisation`` that
    names them, or refuse with every reason a record must stay."""
    if not name.strip():
        raise Refused("Enter the name of the person to erase.", rule="validation", field="name")
    with transaction.atomic():
        person = find_person(organisation, name=name, contact=contact)
        reasons = reasons_to_keep(organisation, person)
        if reasons:
            raise Refused(" ".join(reasons), rule="erasure", field="name")
        anonymise_named(person.named, organisation=organisation, actor=actor)
        for request in person.requests:
            request.details = without(request.details, [request.name], ERASED_IN_TEXT)
            request.name, request.contact = ERASED, ""
            save_erased(request, organisation, actor, ["name", "contact", "details"])
            Pack.objects.filter(request=request).update(
                content={
                    "organisation": organisation.name,
                    "request": request.reference,
                    "person": ERASED,
                    "received_on": request.received_on.isoformat(),
                    "sections": [],
                }
            )
    return person
