"""The menu in the header: one for each role, the current section marked.

Officers and auditors see their organisation's sections (an auditor has no concerns,
which are for officers only) and a search box; a member, a chair and an advocate see the
member's own pages (a chair also the cases they have a part in); the installation
administrator sees the installation's pages. Which menu a page shows follows the page:
an organisation's staff page shows that organisation's staff menu, a member's page that
member's menu. Elsewhere (account pages, error pages) the person's first role decides.

The links are plain links in a list (GOV.UK service navigation), so the menu works without
JavaScript; with it, GOV.UK Frontend folds the list behind a "Menu" button on a phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import ResolverMatch, reverse

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import OFFICER, is_installation_admin
from panelkeeper.cases.models import Case
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.organisations.models import Organisation


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    sections: frozenset[str]
    """View names ("cases:detail") and namespaces ("cases") whose pages belong to it."""


@dataclass(frozen=True)
class Entry:
    text: str
    href: str
    current: str | None
    """``page`` on the page it opens, ``true`` elsewhere in its section, else None."""


@dataclass(frozen=True)
class Menu:
    label: str
    entries: tuple[Entry, ...]
    search: str | None = None
    """Where the search box sends its question, for staff."""


def _links(*rows: tuple[str, str, Iterable[str]]) -> list[Link]:
    return [Link(text, href, frozenset(sections)) for text, href, sections in rows]


_CODE = ("rulebook", "versions", "load_preset", "upload", "version", "publish", "download")
_SETTINGS = (
    "settings",
    "change_settings",
    "change_details",
    "upload_logo",
    "staff",
    "invite_staff",
    "change_staff_role",
    "remove_staff",
    "resend_invitation",
    "withdraw_invitation",
    "role_holders",
    "assign_role_holder",
    "invite_role_holder",
    "resend_title_invitation",
    "withdraw_title_invitation",
    "closure_days",
    "add_closure_day",
    "messages",
    "resend_message",
)


def staff_links(organisation: Organisation, roles: Iterable[str]) -> list[Link]:
    """An organisation's sections for its officers, or (without the officer's role) its
    auditors."""
    org = {"org": organisation.slug}
    officer = OFFICER in roles
    return _links(
        ("Today", reverse("today:today", kwargs=org), ["today:today"]),
        ("Members", reverse("members:list", kwargs=org), ["members"]),
        ("Breach cases", reverse("cases:list", kwargs=org), ["cases"]),
        *([("Concerns", reverse("concerns:list", kwargs=org), ["concerns"])] if officer else []),
        ("Meetings", reverse("meetings:list", kwargs=org), ["meetings"]),
        ("Register of interests", reverse("registers:interests", kwargs=org), ["registers"]),
        ("Letters", reverse("letters:list", kwargs=org), ["letters"]),
        ("Data protection", reverse("subject_access:list", kwargs=org), ["subject_access"]),
        (
            "Versions of the code",
            reverse("organisations:versions", kwargs=org),
            [f"organisations:{name}" for name in _CODE],
        ),
        (
            "Settings",
            reverse("organisations:settings", kwargs=org),
            [f"organisations:{name}" for name in _SETTINGS]
            + ["accounts:tokens", "accounts:create_token", "accounts:revoke_token"],
        ),
    )


def member_links(member: Member | None, *, chair: bool, has_cases: bool) -> list[Link]:
    """A member's own pages (or, for an advocate, those of the member they act for); with
    no one record, only the list of records and the cases."""
    rows: list[tuple[str, str, Iterable[str]]] = [
        ("Home", reverse("members:portal"), ["members:portal"]),
    ]
    if member is not None:
        mine = {"member": member.pk}
        rows += [
            ("Meetings", reverse("meetings:portal", kwargs=mine), ["meetings"]),
            ("Interests and gifts", reverse("registers:mine", kwargs=mine), ["registers"]),
            ("Letters", reverse("letters:mine", kwargs=mine), ["letters"]),
            (
                "Expenses and rewards",
                reverse("members:my_expenses", kwargs=mine),
                ["members:my_expenses", "members:claim_expense"],
            ),
            (
                "Record",
                reverse("members:my_record", kwargs=mine),
                ["members:my_record", "members:sign", "members:my_pdf", "members:contact_sharing"],
            ),
            ("Your information", reverse("subject_access:mine", kwargs=mine), ["subject_access"]),
        ]
    if chair or has_cases:
        rows.append(("Cases", reverse("cases:mine"), ["cases"]))
    return _links(*rows)


def installation_links() -> list[Link]:
    return _links(
        (
            "Organisations",
            reverse("organisations:installation"),
            ["organisations:installation", "organisations:found"],
        ),
    )


def _current(link: Link, match: ResolverMatch | None, path: str) -> str | None:
    if link.href == path:
        return "page"
    if match is None:
        return None
    if match.view_name in link.sections or match.namespace in link.sections:
        return "true"
    return None


def _menu(label: str, links: list[Link], request: HttpRequest, search: str | None = None) -> Menu:
    match = getattr(request, "resolver_match", None)
    entries = []
    marked = False
    for link in links:
        current = None if marked else _current(link, match, request.path)
        marked = marked or current is not None
        entries.append(Entry(link.text, link.href, current))
    return Menu(label, tuple(entries), search)


def _staff_menu(request: HttpRequest, organisation: Organisation, roles: Iterable[str]) -> Menu:
    search = reverse("today:search", kwargs={"org": organisation.slug})
    return _menu("Menu", staff_links(organisation, roles), request, search)


def _member_menu(request: HttpRequest, user: Any, member: Member | None) -> Menu:
    chair = member is not None and member.role in (GroupRole.CHAIR, GroupRole.VICE_CHAIR)
    has_cases = chair or Case.objects.involving(user).exists()
    links = member_links(member, chair=chair, has_cases=has_cases)
    acting_for = member is not None and member.user_id != user.pk
    label = f"Menu for {member.full_name}" if acting_for and member is not None else "Menu"
    return _menu(label, links, request)


def _on_installation_page(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in installation_links()[0].sections


def menu_for(request: HttpRequest) -> Menu | None:
    """The menu for the person signed in, on this page; None for anyone else."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    organisation = getattr(request, "organisation", None)
    roles = getattr(request, "roles", None)
    if isinstance(organisation, Organisation) and roles is not None:
        return _staff_menu(request, organisation, roles)
    member = getattr(request, "member", None)
    if isinstance(member, Member):
        return _member_menu(request, user, member)
    admin = is_installation_admin(user)
    if admin and _on_installation_page(request):
        return _menu("Menu", installation_links(), request)
    grants = list(Grant.objects.filter(user=user).select_related("organisation")[:20])
    if grants:
        first = grants[0].organisation
        held = {grant.role for grant in grants if grant.organisation_id == first.pk}
        if all(grant.organisation_id == first.pk for grant in grants):
            return _staff_menu(request, first, held)
        return _menu(
            "Menu", _links(("Your organisations", reverse("organisations:list"), [])), request
        )
    records = list(Member.objects.for_person(user).select_related("group")[:2])
    if records:
        return _member_menu(request, user, records[0] if len(records) == 1 else None)
    if admin:
        return _menu("Menu", installation_links(), request)
    return None


def menu(request: HttpRequest) -> dict[str, Menu | None]:
    """Template context processor: ``menu`` for the header."""
    return {"menu": menu_for(request)}
