"""Demo members for ``panelkeeper demo``: a chair and a panel member who sign in, two
members looked after by officers (one with an advocate), and the documents' texts.

Called by the demo command for each organisation after its code is published. Running
it again adds nothing already there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from panelkeeper.accounts.models import User
from panelkeeper.members.demo_texts import demo_text
from panelkeeper.members.documents import add_document_version
from panelkeeper.members.models import CustomerType, Document, GroupRole, Member, Signature
from panelkeeper.members.records import add_member
from panelkeeper.members.signing import countersign, sign_document
from panelkeeper.organisations.models import Group, Organisation
from panelkeeper.rules.policy.loader import Policy

# Fictional members: (first name, last name, role, customer type, signs in as)
PEOPLE = [
    ("Beryl", "Ashworth", GroupRole.CHAIR, CustomerType.TENANT, "chair"),
    ("Kwame", "Osei", GroupRole.MEMBER, CustomerType.LEASEHOLDER, "member"),
    ("Doreen", "Pickles", GroupRole.VICE_CHAIR, CustomerType.TENANT, ""),
    ("Stan", "Mottram", GroupRole.MEMBER, CustomerType.HOMEBUYER, ""),
]
STARTED_ON = dt.date(2026, 2, 2)

Person = Callable[[str, tuple[str, str]], User]


def load_demo_members(
    organisation: Organisation, policy: Policy, *, officer: User, today: dt.date, person: Person
) -> list[tuple[str, str]]:
    """Create the group, its demo members and the documents; (email, role) of the sign-ins.

    ``person(email, names)`` makes or finds a user who can sign in with the demo password.
    The chair has signed every document and been countersigned, so their checklist is
    complete, as has the member their advocate acts for (on joining); the panel member
    has signed nothing yet.
    """
    name = policy.groups[0].name if policy.groups else "Scrutiny Panel"
    group, _ = Group.objects.get_or_create(organisation=organisation, name=name)
    _publish_documents(organisation, policy, officer=officer, today=today)
    sign_ins: list[tuple[str, str]] = []
    advocate = person(f"advocate.{organisation.slug}@example.org", ("Ruth", "Kettlewell"))
    sign_ins.append((advocate.email, "advocate"))
    for first, last, role, kind, signs_in_as in PEOPLE:
        user = None
        if signs_in_as:
            user = person(f"{signs_in_as}.{organisation.slug}@example.org", (first, last))
            sign_ins.append((user.email, signs_in_as))
        member = Member.objects.filter(group=group, full_name=f"{first} {last}").first()
        if member is None:
            member = add_member(
                group=group,
                actor=officer,
                full_name=f"{first} {last}",
                customer_type=kind,
                role=role,
                started_on=STARTED_ON,
                user=user,
                advocate=advocate if last == "Mottram" else None,
                share_contact_details=role == GroupRole.CHAIR,
                email=f"{first.lower()}.{last.lower()}@example.org",
            )
        if role == GroupRole.CHAIR and policy.documents is not None:
            keys = [item.key for item in policy.documents.to_sign]
            _sign_everything(member, keys, officer=officer, on=today)
        elif policy.documents is not None and member.advocate_id is not None:
            # Signed with their advocate on joining, so that the demo's investigating
            # group has an eligible member to seat (MEM-2).
            keys = [item.key for item in policy.documents.to_sign]
            _sign_everything(member, keys, officer=officer, on=STARTED_ON)
    return sign_ins


def _publish_documents(
    organisation: Organisation, policy: Policy, *, officer: User, today: dt.date
) -> None:
    if policy.documents is None:
        return
    for item in policy.documents.items:
        if Document.objects.filter(organisation=organisation, key=item.key).exists():
            continue
        text = demo_text(item.key, item.title)
        clauses = [
            line.split(".", 1)[0]
            for line in text.splitlines()
            if line[:1].isdigit() and item.breach_may_cite
        ]
        add_document_version(
            organisation=organisation,
            key=item.key,
            label="demo-1",
            text=text,
            published_on=STARTED_ON,
            citable_clauses=clauses,
            actor=officer,
            today=today,
        )


def _sign_everything(member: Member, keys: list[str], *, officer: User, on: dt.date) -> None:
    """``member`` signs, and ``officer`` countersigns, every document in ``keys`` on ``on``."""
    organisation = member.group.organisation
    for document in Document.objects.filter(organisation=organisation, key__in=keys):
        version = document.versions.order_by("-published_on").first()
        if version is None or Signature.objects.filter(member=member, version=version).exists():
            continue
        signature = sign_document(
            member=member,
            version=version,
            read_and_understood=True,
            acknowledged_consequences=True,
            typed_name=member.full_name,
            actor=member.user or member.advocate or officer,
            today=on,
        )
        countersign(signature=signature, officer=officer, countersigned_on=on, today=on)
