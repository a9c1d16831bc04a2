"""API operations for letters: list, read, download and issue; a member's own letters.

Mounted at ``/api/v1/letters``. The same policies as the pages: another organisation
answers 404, the wrong role 403, an anonymous caller 401. A member (or their advocate)
reads only their own letters under ``/mine/{member}``; any other letter answers 404.
A refusal from issuing answers 422 with ``detail`` and the ``field`` it concerns.
"""

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import (
    api_members,
    api_officers,
    api_readers,
    get_object_for,
)
from panelkeeper.cases.models import Case
from panelkeeper.letters.api.schemas import (
    IssueIn,
    LetterOut,
    LetterPageOut,
    MyLetterOut,
    MyLetterPageOut,
    PreviewOut,
)
from panelkeeper.letters.case_letters import counted_as_received
from panelkeeper.letters.forms import LetterFilterForm, Sent
from panelkeeper.letters.issuing import Chosen, issue_case_letter, tell_others
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.listing import MY_PAGE_SIZE, PAGE_SIZE, letters_chosen, mine
from panelkeeper.letters.models import Channel, Letter
from panelkeeper.letters.previews import preview_case_letter
from panelkeeper.letters.rendering import article_of
from panelkeeper.lib.api import PageQuery, out_of, paged, read_body
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.downloads import pdf_download
from panelkeeper.lib.filters import DateRangeQuery, query_filters
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import MemberRequest, StaffRequest
from panelkeeper.organisations.in_force import calendar_for

router = Router(tags=["letters"])


def _letters(request: StaffRequest) -> QuerySet[Letter]:
    return (
        Letter.objects.filter(organisation=request.organisation)
        .defer("pdf", "html", "text")
        .select_related("case__policy_version")
        .prefetch_related("dispatches")
    )


def _out(request: StaffRequest, letters: list[Letter]) -> list[LetterOut]:
    """``letters`` as the API gives them, each notice with the day it counts as received."""
    calendar = calendar_for(request.organisation)
    return [
        out_of(
            LetterOut,
            letter,
            dispatches=list(letter.dispatches.all()),
            counts_as_received=counted_as_received(letter, calendar),
        )
        for letter in letters
    ]


class LetterQuery(DateRangeQuery):
    """A page of the letters list: about one ``member`` (their id), of one ``kind``,
    ``sent`` or not, issued from ``since`` up to ``until``. The filters validate as the
    letters page's do."""

    member: int | None = None
    kind: LetterKind | None = None
    sent: Sent | None = None


@api_readers.get(router, "/{org}", LetterPageOut)
def list_letters(request: StaffRequest, org: str, query: Query[LetterQuery]) -> LetterPageOut:
    """Letters, newest first, 50 to a page, filtered as the letters page filters them."""
    organisation = request.organisation
    chosen = query_filters(LetterFilterForm, query, organisation=organisation)
    letters = letters_chosen(organisation, chosen).defer("pdf", "html", "text")
    rows, counts = paged(
        letters.select_related("case__policy_version").prefetch_related("dispatches"),
        query,
        size=PAGE_SIZE,
    )
    return LetterPageOut(**counts, letters=_out(request, rows))


def _case(request: StaffRequest, data: IssueIn) -> Case:
    return get_object_for(
        request.organisation, Case.objects.select_related("member"), pk=data.case_id
    )


def _chosen(data: IssueIn) -> Chosen:
    """What the body chose, as both sending and previewing take it."""
    return Chosen(
        channel=Channel.HAND if data.by_hand else None,
        reasons=data.reasons,
        actions=data.actions,
        review_on=data.review_on,
    )


# Declared before "/{org}/{letter_id}": that path parameter would also match "issue".
@api_officers.post(router, "/{org}/issue", LetterOut, status=201, body=IssueIn)
def issue_letter(request: StaffRequest, org: str) -> Status[LetterOut]:
    """Send a letter about a case (the outcome letter unless kind says otherwise)."""
    data = read_body(request, IssueIn)
    case = _case(request, data)
    corrects = None
    if data.corrects_id is not None:
        corrects = Letter.objects.filter(case=case, pk=data.corrects_id).to_member().first()
        if corrects is None:
            raise Refused("corrects_id is not a letter about this case", field="corrects_id")
    letter = issue_case_letter(
        case=case, kind=data.kind or None, actor=request.user, corrects=corrects, **_chosen(data)
    )
    return Status(201, _out(request, [letter])[0])


@api_officers.post(router, "/{org}/preview", PreviewOut, body=IssueIn)
def preview_letter(request: StaffRequest, org: str) -> PreviewOut:
    """Preview a letter about a case as it would be sent today, sending nothing."""
    data = read_body(request, IssueIn)
    case = _case(request, data)
    shown = preview_case_letter(
        case=case, kind=data.kind or None, today=timezone.localdate(), **_chosen(data)
    )
    return PreviewOut(
        kind=LetterKind(shown.kind),
        subject=shown.subject,
        text=shown.text,
        html=article_of(shown.html),
        channel=Channel(shown.to.channel),
        to_name=shown.to.name,
        to_address=shown.to.address,
        signed_by=shown.signatory.name,
        signed_as=shown.signatory.title,
        going=shown.going,
    )


@api_officers.post(router, "/{org}/{letter_id}/tell-others", list[LetterOut])
def tell_others_op(request: StaffRequest, org: str, letter_id: int) -> list[LetterOut]:
    """Write to those the code says are told of a letter who have no letter yet."""
    letter = get_object_for(request.organisation, Letter.objects.all(), pk=letter_id)
    return _out(request, tell_others(letter, actor=request.user, today=timezone.localdate()))


@api_readers.get(router, "/{org}/{letter_id}", LetterOut)
@confidential("letter", "letter_id")
def get_letter(request: StaffRequest, org: str, letter_id: int) -> LetterOut:
    """One letter and where it went."""
    letter = get_object_for(request.organisation, _letters(request), pk=letter_id)
    return _out(request, [letter])[0]


@api_readers.get(router, "/{org}/{letter_id}/pdf", None)
@confidential("letter", "letter_id")
def download_letter(request: StaffRequest, org: str, letter_id: int) -> HttpResponse:
    """The letter's PDF, exactly as sent."""
    letter = get_object_for(request.organisation, Letter.objects.all(), pk=letter_id)
    return pdf_download(bytes(letter.pdf), letter.file_name)


@api_members.get(router, "/mine/{member}/letters", MyLetterPageOut)
def my_letters(request: MemberRequest, member: int, query: Query[PageQuery]) -> MyLetterPageOut:
    """Your own letters, newest first, as many to a page as the portal shows."""
    rows, counts = paged(mine(request.member), query, size=MY_PAGE_SIZE)
    return MyLetterPageOut(
        **counts, letters=[MyLetterOut.model_validate(r, from_attributes=True) for r in rows]
    )


@api_members.get(router, "/mine/{member}/letters/{letter_id}/pdf", None)
def my_letter_pdf(request: MemberRequest, member: int, letter_id: int) -> HttpResponse:
    """One of your letters (PDF)."""
    letter = Letter.objects.filter(member=request.member, pk=letter_id).to_member().first()
    if letter is None:
        raise HttpError(404, "Not Found")
    return pdf_download(bytes(letter.pdf), letter.file_name)
