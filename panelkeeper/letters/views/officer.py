"""Officers' letter pages: letters sent, issuing one about a case, the day's post, wording.

Officers and auditors read; only officers issue letters or change wording. A member
reads and downloads their own letters in the portal (:mod:`.portal`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.cases.models import Case
from panelkeeper.letters.case_letters import counted_as_received
from panelkeeper.letters.dispatch import posted_on, print_batch, sent_in_words
from panelkeeper.letters.forms import IssueForm, LetterFilterForm, WordingForm
from panelkeeper.letters.issuing import issue_case_letter, tell_others
from panelkeeper.letters.kinds import FOR_OTHERS, LetterKind, placeholders
from panelkeeper.letters.listing import PAGE_SIZE, letters_chosen
from panelkeeper.letters.models import Letter, Recipient
from panelkeeper.letters.others import Other, others_to_tell, parties_named
from panelkeeper.letters.previews import preview, preview_case_letter
from panelkeeper.letters.rendering import letter_as_html
from panelkeeper.letters.wording import (
    Wording,
    WordingProblem,
    check_wording,
    restore_default,
    save_wording,
    wording_for,
)
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.downloads import pdf_download
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, button_change, form_result
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.in_force import calendar_for


@staff(*READERS)
@require_GET
def letter_list(request: StaffRequest, org: str) -> HttpResponse:
    """The organisation's letters, newest first, 50 to a page, filtered by kind, whether
    sent, the days they were sent, and (from a member's page) the member."""
    organisation = request.organisation
    filters, chosen = page_filters(LetterFilterForm, request, organisation=organisation)
    letters = (
        letters_chosen(organisation, chosen)
        .select_related("member", "case")
        .defer("pdf", "html", "text")
    )
    return staff_page(
        request,
        "letters/letter_list.html",
        filters=filters,
        member=chosen.get("member"),
        filtered=any(chosen.values()),
        page_obj=Paginator(letters, PAGE_SIZE).get_page(request.GET.get("page")),
        today=timezone.localdate(),
    )


def _letter(request: StaffRequest, pk: int) -> Letter:
    return get_object_for(
        request.organisation,
        Letter.objects.select_related("member", "case__policy_version", "corrects"),
        pk=pk,
    )


@staff(*READERS)
@require_GET
@confidential("letter", "pk")
def letter_detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    return staff_page(
        request,
        "letters/letter_detail.html",
        letter=letter,
        article=letter_as_html(letter.html),
        sent_in_words=sent_in_words(letter),
        dispatches=letter.dispatches.all(),
        corrections=letter.corrections.all(),
        others=_others(letter),
        counts_as_received=counted_as_received(letter, calendar_for(request.organisation)),
    )


def _others(letter: Letter) -> list[tuple[Other, Letter | None]]:
    """Each person the code says is told of ``letter``, with the letter they were sent."""
    if letter.case is None or letter.addressed_to != Recipient.MEMBER or letter.corrects_id:
        return []
    sent = {(t.party_id, t.seat_id): t for t in letter.told_to_others.all()}
    return [(other, sent.get(other.key)) for other in others_to_tell(letter.case, letter.kind)]


@staff(OFFICER)
@require_POST
def tell_others_view(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Write to those the code says are told who could not be reached when it was sent."""
    letter = _letter(request, pk)
    sent = button_change(
        request, lambda: tell_others(letter, actor=request.user, today=timezone.localdate())
    )
    if sent:
        messages.success(request, f"Sent to {', '.join(t.to_name for t in sent)}")
    elif sent is not None:
        messages.error(
            request, "Nobody could be written to: everyone who can be reached already has a letter"
        )
    return redirect("letters:detail", org=org, pk=letter.pk)


@staff(*READERS)
@require_GET
@confidential("letter", "pk")
def letter_download(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    return pdf_download(bytes(letter.pdf), letter.file_name)


@staff(*READERS)
@require_GET
def post_batch(request: StaffRequest, org: str, day: str) -> HttpResponse:
    """The day's posted letters in one PDF; 404 for a day with none."""
    organisation = request.organisation
    try:
        on = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404("No such day.") from None
    if not posted_on(organisation, on):
        raise Http404("No letters were posted that day.")
    return pdf_download(print_batch(organisation, on), f"post-{on.isoformat()}.pdf")


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def issue(request: StaffRequest, org: str, case: int) -> HttpResponse:
    """Send a letter about a case; "Preview" shows it as it would be sent, sending nothing."""
    organisation = request.organisation
    the_case = get_object_for(organisation, Case.objects.select_related("member"), pk=case)
    form = IssueForm(**bound(request), case=the_case)

    def chosen() -> dict[str, Any]:
        """What the form chose, as both sending and previewing take it."""
        return {
            "case": the_case,
            "kind": form.letter_kind,
            "reasons": form.cleaned_data["reasons"],
            "actions": form.cleaned_data["actions"],
            "review_on": form.cleaned_data["review_on"],
            "channel": form.channel,
        }

    shown = None
    if "preview" in request.POST:
        today = timezone.localdate()
        shown = form_result(request, form, lambda: preview_case_letter(**chosen(), today=today))
    else:
        letter = form_result(
            request,
            form,
            lambda: issue_case_letter(
                **chosen(), actor=request.user, corrects=form.cleaned_data["corrects"]
            ),
        )
        if letter is not None:
            messages.success(request, sent_in_words(letter))
            return redirect("letters:detail", org=org, pk=letter.pk)
    return staff_page(
        request,
        "letters/issue.html",
        case=the_case,
        form=form,
        preview=shown,
        preview_html=letter_as_html(shown.html) if shown is not None else None,
        tells_others=any(parties_named(the_case, kind) for kind in FOR_OTHERS),
    )


@staff(*READERS)
@require_GET
def template_list(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    own = set(organisation.letter_templates.values_list("kind", flat=True))
    kinds = [(kind, kind in own) for kind in LetterKind]
    return staff_page(request, "letters/template_list.html", kinds=kinds)


def _kind(kind: str) -> LetterKind:
    try:
        return LetterKind(kind)
    except ValueError:
        raise Http404("No such letter.") from None


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def edit_template(request: StaffRequest, org: str, kind: str) -> HttpResponse:
    """Edit the wording; "Preview" shows it filled for a real case without saving."""
    organisation = request.organisation
    letter_kind = _kind(kind)
    current = wording_for(organisation, letter_kind)
    of_organisation = Case.objects.filter(organisation=organisation).select_related("member")
    cases = [(c.pk, f"{c.reference}: {c.member}") for c in of_organisation[:50]]
    initial = {"subject": current.subject, "body": current.body}
    data = request.POST if request.method == "POST" else None
    form = WordingForm(data, initial=initial, cases=cases)
    shown = None
    if request.method == "POST" and form.is_valid():
        subject, body = form.cleaned_data["subject"], form.cleaned_data["body"]
        try:
            if "preview" in request.POST:
                check_wording(letter_kind, subject, body)
                case_pk = form.cleaned_data["case"]
                the_case = None if case_pk is None else of_organisation.get(pk=case_pk)
                shown = mark_safe(  # our frame; the officer's text and values escaped
                    preview(
                        organisation,
                        letter_kind,
                        Wording(subject, body, own=True),
                        case=the_case,
                        today=timezone.localdate(),
                    )
                )
            else:
                save_wording(
                    organisation=organisation,
                    kind=letter_kind,
                    subject=subject,
                    body=body,
                    actor=request.user,
                )
                messages.success(request, f"Wording saved: {letter_kind.label}")
                return redirect("letters:templates", org=org)
        except WordingProblem as problem:
            form.add_error(problem.field, problem.message)
        except Refused as refusal:
            form.add_error("case", refusal.message)
    context = {
        "organisation": organisation,
        "kind": letter_kind,
        "form": form,
        "own": current.own,
        "placeholders": placeholders(letter_kind),
        "preview": shown,
    }
    return render(request, "letters/edit_template.html", context)


@staff(OFFICER)
@require_POST
def restore_template(request: StaffRequest, org: str, kind: str) -> HttpResponse:
    restore_default(
        organisation=request.organisation,
        kind=_kind(kind),
        actor=request.user,
    )
    messages.success(request, "Default wording restored")
    return redirect("letters:templates", org=org)
