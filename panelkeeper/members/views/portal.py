"""The member portal: a member (or their advocate) sees their own record, signs, and
claims expenses and rewards (MEM-5).

Every page but the first carries the record's id and is guarded by ``member_self``:
another member's record answers 404. Other members appear by name and role only, with
contact details only where that member consented (CONF-7).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import member_self, signed_in
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.documents import documents_of_code, render_document
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.forms import ContactSharingForm, SignForm
from panelkeeper.members.models import DocumentVersion, Member, Signature
from panelkeeper.members.records import share_contact_details
from panelkeeper.members.signing import sign_document
from panelkeeper.members.support import submit_expense
from panelkeeper.members.support_forms import ExpenseForm
from panelkeeper.members.views.common import added_to, member_page, records_page
from panelkeeper.members.views.officer_documents import signature_pdf_response


@signed_in
@require_GET
def portal(request: SignedInRequest) -> HttpResponse:
    """Where a member lands after signing in: their home, or with several records (an
    advocate, or a member who also acts for others) the list of them."""
    return records_page(request, one="pages:home", template="members/portal.html")


@member_self
@require_GET
def my_record(request: MemberRequest, member: int) -> HttpResponse:
    record = request.member
    today = timezone.localdate()
    answer = eligibility(record, on=today)
    return member_page(
        request,
        "members/my_record.html",
        eligibility=answer,
        to_sign=[check for check in answer.documents if check.state in _SIGNABLE],
        signatures=record.signatures.select_related("version__document").prefetch_related(
            "countersignatures"
        ),
        appraisals=record.appraisals.all(),
        expenses=record.expenses.all(),
    )


_SIGNABLE = ("unsigned", "outdated")


@member_self
@require_http_methods(["GET", "POST"])
def sign(request: MemberRequest, member: int, version: int) -> HttpResponse:
    """Read the document, confirm it is read and understood, type the full name, sign (MEM-3)."""
    record = request.member
    document_version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=version,
        document__organisation=record.group.organisation,
    )
    today = timezone.localdate()
    code = documents_of_code(record.group.organisation, on=today)
    acknowledge = bool(code and code.acknowledge_consequences)
    form = SignForm(
        **bound(request), acknowledge=acknowledge, initial={"text_hash": document_version.text_hash}
    )
    if form_applied(
        request,
        form,
        lambda: sign_document(
            member=record,
            version=document_version,
            read_and_understood=form.cleaned_data["read_and_understood"],
            typed_name=form.cleaned_data["typed_name"],
            acknowledged_consequences=form.cleaned_data.get("acknowledged_consequences", False),
            different_name=form.cleaned_data["different_name"],
            hash_seen=form.cleaned_data["text_hash"],
            actor=request.user,
            today=today,
        ),
    ):
        messages.success(request, f"You signed the {document_version.document.title}")
        return redirect("pages:home", member=record.pk)
    return member_page(
        request,
        "members/sign.html",
        version=document_version,
        html=render_document(document_version.text),
        form=form,
    )


@member_self
@require_GET
def my_signature_pdf(request: MemberRequest, member: int, signature: int) -> HttpResponse:
    record = request.member
    found = Signature.objects.filter(member=record, pk=signature).select_related(
        "version__document", "member"
    )
    if not found:
        raise Http404("No such signature.")
    return signature_pdf_response(found[0])


@member_self
@require_GET
def my_group(request: MemberRequest, member: int) -> HttpResponse:
    """The other members of the group by name and role; contact details only with consent."""
    record = request.member
    today = timezone.localdate()
    others = Member.objects.active(on=today).filter(group=record.group).exclude(pk=record.pk)
    return member_page(request, "members/my_group.html", others=others)


@member_self
@require_http_methods(["GET", "POST"])
def contact_sharing(request: MemberRequest, member: int) -> HttpResponse:
    """The member gives or withdraws their consent to show their contact details to the
    other members of their group (CONF-7)."""
    record = request.member
    initial = {"share": "yes" if record.share_contact_details else "no"}
    form = ContactSharingForm(**bound(request), initial=initial)
    if form_applied(
        request,
        form,
        lambda: share_contact_details(member=record, share=form.sharing, actor=request.user),
    ):
        shown = "are now shown to" if record.share_contact_details else "are now hidden from"
        messages.success(request, f"Contact details {shown} the other members")
        return redirect("members:my_record", member=record.pk)
    return member_page(request, "members/my_contact_sharing.html", form=form)


@member_self
@require_GET
def my_expenses(request: MemberRequest, member: int) -> HttpResponse:
    """The record's claims for expenses and rewards and where each has got to (MEM-5)."""
    record = request.member
    return member_page(request, "members/my_expenses.html", expenses=record.expenses.all())


@member_self
@require_http_methods(["GET", "POST"])
def claim_expense(request: MemberRequest, member: int) -> HttpResponse:
    """Claim an expense or a reward for one activity; an officer then decides it (MEM-5)."""
    record = request.member
    form = ExpenseForm(**bound(request))
    expense = added_to(request, form, record, submit_expense)
    if expense is not None:
        messages.success(request, f"{expense.get_kind_display()} of £{expense.amount} claimed")
        return redirect("members:my_expenses", member=record.pk)
    return member_page(request, "members/my_expense_form.html", form=form)
