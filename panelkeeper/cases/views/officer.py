"""Officers' pages: the case list, raising a breach, a case read on a date, each step."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.cases.actions import ACTIONS, open_actions, title_and_done
from panelkeeper.cases.changes.opening import raise_breach as raise_breach_case
from panelkeeper.cases.changes.people import release_seat as release_held_seat
from panelkeeper.cases.changes.people import remove_party as remove_person
from panelkeeper.cases.changes.people import set_party_contact
from panelkeeper.cases.citing import citable_clauses, describe_clauses
from panelkeeper.cases.forms import (
    AsOfForm,
    PartyContactForm,
    RaiseForm,
    ReleaseSeatForm,
    RemovePartyForm,
)
from panelkeeper.cases.invitations import guest_parts, guest_rows
from panelkeeper.cases.listing import case_rows, listed_cases
from panelkeeper.cases.lookups import case_row, staff_case
from panelkeeper.cases.models import Case, PartyRole
from panelkeeper.cases.pending import (
    open_for_asked_to_leave,
    open_for_missed_meetings,
    pending_openings,
)
from panelkeeper.cases.procedure import assess_case
from panelkeeper.cases.reading import read_case, reading_day
from panelkeeper.cases.seats import group_problems, names_group
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.forms import add_refusal, form_result
from panelkeeper.lib.links import row_link
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.organisations.forms import bound
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.rules.ladder.case import CaseView

PAGE_SIZE = 50


def _case(request: StaffRequest, pk: int) -> Case:
    return staff_case(request, pk, "handler")


@staff(*READERS)
@require_GET
def case_list(request: StaffRequest, org: str) -> HttpResponse:
    """Cases by next due date, overdue first; a bounded number of queries a page."""
    organisation = request.organisation
    today = timezone.localdate()
    page = Paginator(listed_cases(organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = case_rows(
        page,
        today=today,
        calendar=calendar_for(organisation),
        link=row_link("cases:detail", "pk", org=organisation.slug),
    )
    return staff_page(
        request,
        "cases/list.html",
        page=page,
        rows=rows,
        today=today,
        pending=pending_openings(organisation) if OFFICER in request.roles else [],
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def raise_breach(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    today = timezone.localdate()
    version = PolicyVersion.objects.in_force(organisation, on=today)
    clauses = citable_clauses(organisation, version, on=today) if version else []
    form = RaiseForm(
        **bound(request),
        members=Member.objects.of(organisation).select_related("group"),
        clauses=clauses,
    )
    case = form_result(
        request,
        form,
        lambda: raise_breach_case(
            organisation=organisation, actor=request.user, **form.cleaned_data
        ),
        show_rule=True,
        renamed={"contact": "reporter_contact"},
    )
    if case is not None:
        messages.success(request, f"Breach {case.reference} raised")
        return redirect("cases:detail", org=org, pk=case.pk)
    context = {"organisation": organisation, "form": form, "version": version}
    return render(request, "cases/raise.html", context)


@staff(*READERS)
@require_GET
@confidential("case", "pk")
def case_detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The case as it stood on ``as_of`` (default today): timeline, due dates, next steps.
    A later ``as_of`` is a projection: what will be due and overdue then if nothing more
    is recorded, marked so on the page."""
    case = _case(request, pk)
    today = timezone.localdate()
    form = AsOfForm(request.GET if "as_of_day" in request.GET else None)
    as_of = today
    if form.is_bound and form.is_valid():
        try:
            as_of = reading_day(form.cleaned_data["as_of"], today=today)
        except Refused as refused:
            add_refusal(form, refused)
    reading = read_case(case, as_of=as_of)
    return staff_page(
        request,
        "cases/detail.html",
        case=case,
        reading=reading,
        view=reading.view,
        form=form,
        today=today,
        clauses=describe_clauses(
            case.organisation, case.policy_version, case.clauses, on=case.began_on
        ),
        parties=reading.current_parties,
        seats=reading.current_seats,
        released_seats=reading.released_seats,
        removed_parties=reading.removed_parties,
        convened=reading.group_convened,
        reporter_role=PartyRole.REPORTER,
        problems=group_problems(case) if reading.view.state == "investigating" else (),
        may_seat=reading.view.state == "investigating" and names_group(case),
        actions=open_actions(reading.view) if as_of == today else [],
        guests=guest_rows(case, now=timezone.now()),
        may_invite=bool(guest_parts(case)),
    )


def form_page(
    request: StaffRequest,
    case: Case,
    form: Form,
    *,
    title: str,
    change: Callable[[], object],
    done: str,
    view: CaseView | None = None,
) -> HttpResponse:
    """An officer's form about a case: a valid POST makes ``change`` (the one domain
    function) and says ``done``; a refusal is shown on its field (STYLE 11)."""
    if form_result(request, form, change, show_rule=True) is not None:
        messages.success(request, done)
        return redirect("cases:detail", org=case.organisation.slug, pk=case.pk)
    context = {
        "organisation": request.organisation,
        "case": case,
        "form": form,
        "title": title,
        "view": view,
    }
    return render(request, "cases/action.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def case_action(request: StaffRequest, org: str, pk: int, action: str) -> HttpResponse:
    """One step on a case: its form, then its one domain function (STYLE 11)."""
    step = ACTIONS.get(action)
    if step is None:
        raise Http404("No such step.")
    case = _case(request, pk)
    view = assess_case(case, as_of=timezone.localdate())
    try:
        form = step.form(**bound(request), view=view, case=case)
    except Refused as refused:  # a step this case's code does not have (no group to seat)
        raise Http404(refused.message) from refused
    title, done = title_and_done(action, view)
    return form_page(
        request,
        case,
        form,
        title=title,
        view=view,
        change=lambda: step.take(case, form.cleaned_data, request.user),
        done=done,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def party_contact(request: StaffRequest, org: str, pk: int, party: int) -> HttpResponse:
    """Record or change where a person known by name only agreed to be written to (BR-11).

    Members and staff are written to at their own records, so their parties answer 404.
    """
    case = _case(request, pk)
    person = case_row(
        case, case.parties.current().filter(member__isnull=True, user__isnull=True), party
    )
    initial = {"contact": person.contact, "agreed_to_letters": person.agreed_to_letters}
    form = PartyContactForm(**bound(request), initial=initial)
    return form_page(
        request,
        case,
        form,
        title=f"Where to write to {person.display_name}",
        change=lambda: set_party_contact(party=person, actor=request.user, **form.cleaned_data),
        done=f"Address for letters to {person.display_name} saved",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def release_seat(request: StaffRequest, org: str, pk: int, seat: int) -> HttpResponse:
    """Release a seat on the investigating group before it is convened, saying why (BR-6).

    A seat already released answers 404; once the group is convened the form says why not.
    """
    case = _case(request, pk)
    held = case_row(case, case.seats.current().select_related("member", "user"), seat)
    form = ReleaseSeatForm(**bound(request), case=case)
    return form_page(
        request,
        case,
        form,
        title=f"Release the seat of {held.person_name} ({held.role_title})",
        change=lambda: release_held_seat(seat=held, actor=request.user, **form.cleaned_data),
        done=f"Seat of {held.person_name} released",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def remove_party(request: StaffRequest, org: str, pk: int, party: int) -> HttpResponse:
    """Take someone added by mistake off the case, saying why (Interpretation 11).

    Whoever raised the breach, and anyone already taken off, answer 404.
    """
    case = _case(request, pk)
    person = case_row(
        case,
        case.parties.current().exclude(role=PartyRole.REPORTER).select_related("member", "user"),
        party,
    )
    form = RemovePartyForm(**bound(request), case=case)
    return form_page(
        request,
        case,
        form,
        title=f"Take {person.display_name} off the case",
        change=lambda: remove_person(party=person, actor=request.user, **form.cleaned_data),
        done=f"{person.display_name} taken off the case",
    )


def _opened(
    request: StaffRequest, org: str, what: str, open_case: Callable[[], Case]
) -> HttpResponse:
    """The case ``open_case`` opens from a meeting's record; a refusal goes back to the list."""
    try:
        case = open_case()
    except Refused as refusal:
        messages.error(request, f"{refusal.message} ({refusal.rule})")
        return redirect("cases:list", org=org)
    messages.success(request, f"{what} {case.reference} opened")
    return redirect("cases:detail", org=org, pk=case.pk)


@staff(OFFICER)
@require_POST
def open_from_meeting(request: StaffRequest, org: str, record: int) -> HttpResponse:
    """A serious-breach case from a chair's asked-to-leave record (MTG-5)."""
    organisation, actor = request.organisation, request.user
    return _opened(
        request,
        org,
        "Case",
        lambda: open_for_asked_to_leave(organisation=organisation, record=record, actor=actor),
    )


@staff(OFFICER)
@require_POST
def open_exclusion(request: StaffRequest, org: str, decision: int) -> HttpResponse:
    """An exclusion case from a missed-meetings decision that ended membership (MTG-2)."""
    organisation, actor = request.organisation, request.user
    return _opened(
        request,
        org,
        "Exclusion case",
        lambda: open_for_missed_meetings(organisation=organisation, decision=decision, actor=actor),
    )
