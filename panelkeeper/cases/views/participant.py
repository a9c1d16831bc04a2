"""Pages for people with a part in one case: the member it is about, an investigator,
the appeal officer. Each sees that case alone (DESIGN "Confidentiality by design")."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import appeal_officer, case_participant, signed_in
from panelkeeper.cases.actions import ACTIONS
from panelkeeper.cases.changes.appeals import lodge_own_appeal
from panelkeeper.cases.forms import OnlineAppealForm
from panelkeeper.cases.invitations import STAFF_PARTS
from panelkeeper.cases.member_words import can_appeal, case_in_words
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case
from panelkeeper.cases.reading import read_case, reporter_for_subject
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.forms import form_applied, form_result
from panelkeeper.lib.requests import CaseRequest, SignedInRequest
from panelkeeper.members.status import status_on
from panelkeeper.organisations.forms import bound


@signed_in
@require_GET
def my_cases(request: SignedInRequest) -> HttpResponse:
    """The cases the signed-in person has a part in, and what that part is."""
    user = request.user
    cases = (
        Case.objects.involving(user)
        .select_related("member", "organisation")
        .order_by("-began_on", "-id")
    )
    return render(request, "cases/mine.html", {"cases": cases})


@case_participant
@require_GET
@confidential("case", "case")
def my_case(request: CaseRequest, case: int) -> HttpResponse:
    """The subject sees their status and letters; investigators and the appeal officer the
    case; nobody here sees who raised it unless the reporter agreed to be named."""
    record: Case = request.case
    roles = request.case_roles
    today = timezone.localdate()
    reading = read_case(record, as_of=today)
    context = {
        "member_status": status_on(record.member, on=today) if "subject" in roles else None,
        "case": record,
        "reading": reading,
        "view": reading.view,
        "roles": roles,
        "is_subject": "subject" in roles,
        "staff_view": bool(STAFF_PARTS & roles),
        "reporter": reporter_for_subject(record),
        "notices": [e for e in reading.events if e.kind == "notice_sent"],
        "words": case_in_words(record, today=today) if "subject" in roles else None,
    }
    return render(request, "cases/my_case.html", context)


@appeal_officer
@require_http_methods(["GET", "POST"])
def decide_appeal(request: CaseRequest, case: int) -> HttpResponse:
    """The appeal officer records their decision on the appeal put to them (BR-12)."""
    record: Case = request.case
    step = ACTIONS["decide-appeal"]
    view = assess_case(record, as_of=timezone.localdate())
    form = step.form(**bound(request), view=view, case=record)
    done = form_result(
        request, form, lambda: step.take(record, form.cleaned_data, request.user), show_rule=True
    )
    if done is not None:
        messages.success(request, done)
        return redirect("cases:my_case", case=record.pk)
    return render(
        request, "cases/appeal_decision.html", {"case": record, "form": form, "view": view}
    )


@case_participant
@require_http_methods(["GET", "POST"])
def appeal_online(request: CaseRequest, case: int) -> HttpResponse:
    """The member a case is about (or their advocate) appeals its decision on a form, where
    the code lets the decision be appealed; dated the day it is sent (BR-12)."""
    record: Case = request.case
    if "subject" not in request.case_roles:
        raise Http404("No such case.")
    today = timezone.localdate()
    if not can_appeal(assess_case(record, as_of=today)):
        return render(request, "cases/appeal_online.html", {"case": record, "form": None})
    form = OnlineAppealForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: lodge_own_appeal(
            case=record, grounds=form.cleaned_data["grounds"], actor=request.user, today=today
        ),
    ):
        messages.success(request, "Your appeal has been sent")
        return redirect("cases:my_case", case=record.pk)
    return render(request, "cases/appeal_online.html", {"case": record, "form": form})
