"""The documents a code names (GOV-3), their versions, and who must re-sign (MEM-6).

An organisation publishes its own text of each document as Markdown; a version may
declare the clauses a breach report may cite (BR-0). Where the code switches re-signing
on, a newer version outdates signatures of earlier ones from its publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.safestring import SafeString, mark_safe

from panelkeeper.audit.log import record
from panelkeeper.lib.markdown import keep_paragraphs, render_markdown
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Document, DocumentVersion, Member, Signature, text_hash
from panelkeeper.organisations import in_force
from panelkeeper.organisations.in_force import policy_of_version, version_on
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.sections import Document as CodeDocument
from panelkeeper.rules.policy.sections import Documents

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.rules.policy.loader import Policy

CLAUSE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$")
MAX_TEXT = 200_000


def _date(value: dt.date) -> str:
    return day_month_year(value)


def documents_of_code(organisation: Organisation, *, on: dt.date) -> Documents | None:
    """The documents section of the code in force on ``on``, else of the newest published
    version, else None."""
    return documents_of_version(organisation, version_on(organisation, on=on))


def documents_of_version(
    organisation: Organisation, in_force: PolicyVersion | None
) -> Documents | None:
    """:func:`documents_of_code` where the caller has read the version in force."""
    version = in_force or (
        PolicyVersion.objects.published().filter(organisation=organisation).first()
    )
    if version is None:
        return None
    try:
        return policy_of_version(version).documents
    except InvalidPolicy:
        return None


def current_version(document: Document, *, on: dt.date) -> DocumentVersion | None:
    return document.versions.filter(published_on__lte=on).order_by("-published_on", "-id").first()


def add_document_version(
    *,
    organisation: Organisation,
    key: str,
    label: str,
    text: str,
    published_on: dt.date,
    citable_clauses: list[str],
    actor: User | None,
    today: dt.date,
) -> DocumentVersion:
    """Publish the organisation's own text (Markdown) of one of its code's documents.

    The key must be a document the code names (GOV-3). Versions come in date order; the
    newest on a date is the one members sign, and where the code switches re-signing on
    (MEM-6) it outdates signatures of earlier versions from ``published_on``.
    """
    documents = documents_of_code(organisation, on=today)
    items = {item.key: item for item in documents.items} if documents else {}
    if key not in items:
        raise Refused("Choose a document the code of conduct names", field="key")
    label = label.strip()
    text = text.replace("\r\n", "\n").strip()
    if not label:
        raise Refused("Enter the version, for example 2026-1", field="label")
    if len(label) > 50:
        raise Refused("The version must be 50 characters or fewer", field="label")
    if not text:
        raise Refused("Enter the text of the document", field="text")
    if len(text) > MAX_TEXT:
        raise Refused("The text must be 200,000 characters or fewer", field="text")
    bad = [clause for clause in citable_clauses if not CLAUSE_ID.match(clause)]
    if bad:
        raise Refused(
            f"Write each clause number like 2.1 or 4a, separated by commas (not {bad[0]!r})",
            field="citable_clauses",
        )
    if citable_clauses and not items[key].breach_may_cite:
        raise Refused(
            "The code does not let a breach cite this document; leave the clauses empty",
            field="citable_clauses",
        )
    if published_on > today + dt.timedelta(days=366):
        raise Refused("Enter a publication date within the next year", field="published_on")
    with transaction.atomic():
        document, _ = Document.objects.get_or_create(
            organisation=organisation, key=key, defaults={"title": items[key].title}
        )
        latest = document.versions.order_by("-published_on").first()
        if latest is not None and published_on <= latest.published_on:
            raise Refused(
                f"Enter a date after {_date(latest.published_on)}, when version "
                f"{latest.label} was published",
                field="published_on",
            )
        if document.versions.filter(label=label).exists():
            raise Refused(f"Version {label} already exists; give this one its own", field="label")
        version = DocumentVersion.objects.create(
            document=document,
            label=label,
            text=text,
            text_hash=text_hash(text),
            published_on=published_on,
            citable_clauses=list(dict.fromkeys(citable_clauses)),
            created_by=actor,
        )
        record(
            actor=actor,
            organisation=organisation,
            action="document_version.published",
            obj=version,
            fields=["label", "text", "published_on", "citable_clauses"],
        )
    return version


@dataclass(frozen=True)
class ToResign:
    member: Member
    title: str
    signed_label: str
    current_label: str | None


type Resigned = tuple[tuple[CodeDocument, ...], dict[str, Document], dict[str, DocumentVersion]]


def documents_to_resign(organisation: Organisation, *, on: dt.date) -> Resigned | None:
    """What the code in force on ``on`` asks members to sign again when a new version is
    published (MEM-6): its documents to sign, the organisation's documents by key, and
    the version of each members sign on ``on``; None when the code asks no re-signing.
    Two queries, and one for the versions of the documents."""
    policy = in_force.loadable_policy_on(organisation, on=on)
    return documents_to_resign_under(policy, lambda: documents_with_versions(organisation), on=on)


def documents_with_versions(organisation: Organisation) -> list[Document]:
    """The organisation's documents by title, each with its versions: two queries (one
    without a document). Of one organisation, so sorted by title alone, which needs no
    join to sort by the organisation's name as the table's own order would."""
    documents = Document.objects.filter(organisation=organisation).order_by("title")
    return list(documents.prefetch_related("versions"))


def documents_to_resign_under(
    policy: Policy | None, documents: Callable[[], list[Document]], *, on: dt.date
) -> Resigned | None:
    """:func:`documents_to_resign` where the caller has read ``policy``, the code in force
    on ``on``, and gives the organisation's ``documents`` with their versions (read only
    when the code asks re-signing)."""
    if (
        policy is None
        or policy.documents is None
        or not policy.behaviours.eligibility_needs_signatures
        or not policy.behaviours.resign_new_versions
    ):
        return None
    items = policy.documents.to_sign
    keys = {i.key for i in items}
    to_sign = {d.key: d for d in documents() if d.key in keys}
    current = {
        key: newest
        for key, document in to_sign.items()
        if (newest := newest_version([v for v in document.versions.all() if v.published_on <= on]))
    }
    return items, to_sign, current


def must_resign(organisation: Organisation, *, on: dt.date) -> list[ToResign]:
    """Active members whose signature a newer version has outdated on ``on`` (MEM-6).

    The same answer as each member's :func:`~.eligibility.eligibility` gives (a document
    it counts as outdated), read in a fixed number of queries whatever the number of
    members: the code in force, the documents with their versions, the members, and
    their signatures."""
    resigned = documents_to_resign(organisation, on=on)
    if resigned is None:
        return []
    items, documents, current = resigned
    members = list(
        Member.objects.of(organisation).active(on=on).select_related("group__organisation")
    )
    latest: dict[tuple[int, str], Signature] = {}
    on_current: set[tuple[int, str]] = set()
    signatures = (
        Signature.objects.filter(
            member__in=[m.pk for m in members],
            signed_on__lte=on,
            version__document__in=[d.pk for d in documents.values()],
        )
        .select_related("version__document")
        .order_by("-signed_on", "-recorded_at", "-id")
    )
    for signature in signatures:
        key = (signature.member_id, signature.version.document.key)
        latest.setdefault(key, signature)
        if key[1] in current and signature.version_id == current[key[1]].pk:
            on_current.add(key)
    return [
        ToResign(member, documents[item.key].title, signed.version.label, current[item.key].label)
        for member in members
        for item in items
        if item.key in current
        and (member.pk, item.key) not in on_current
        and (signed := latest.get((member.pk, item.key))) is not None
    ]


def newest_version(versions: Iterable[DocumentVersion]) -> DocumentVersion | None:
    """The version members sign among ``versions``: the latest published, the later
    saved of two published on one day."""
    return max(versions, key=lambda v: (v.published_on, v.pk), default=None)


_HEADING = re.compile(r"<(/?)h([1-6])>")


def render_document(text: str) -> SafeString:
    """A document's text as safe HTML: Markdown, or text pasted from a word processor with
    its paragraphs and bulleted lists kept; its headings one level down, so that the
    page's own heading stays the only level-one heading."""
    html = render_markdown(keep_paragraphs(text))
    shifted = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}>", html)
    return mark_safe(shifted)  # only tag names change in HTML already sanitised
