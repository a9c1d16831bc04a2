"""API operations for installation administrators: every organisation, and starting one.

Mounted at ``/api/v1/installation``. Only an installation administrator signed in by
session may call them (a token acts for one organisation); anyone else gets 403. The
officer's invitation link is only emailed, never returned.
"""

from django.core.paginator import Paginator
from ninja import Query, Router, Schema, Status

from panelkeeper.accounts.permissions import api_installation_admin
from panelkeeper.lib.api import REFUSED, body_doc, read_body
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.organisations.api.schemas import OrganisationOut
from panelkeeper.organisations.api.staff_schemas import FoundingIn, FoundingOut, OrganisationPageOut
from panelkeeper.organisations.founding import found_organisation
from panelkeeper.organisations.models import Organisation

router = Router(tags=["installation"])
PAGE_SIZE = 50


class PageQuery(Schema):
    page: int = 1


@router.get("/organisations", response=OrganisationPageOut, summary="Every organisation, by name")
@api_installation_admin
def list_all_organisations(
    request: SignedInRequest, query: Query[PageQuery]
) -> OrganisationPageOut:
    page = Paginator(Organisation.objects.order_by("name"), PAGE_SIZE).get_page(query.page)
    return OrganisationPageOut(
        page=page.number,
        pages=page.paginator.num_pages,
        count=page.paginator.count,
        organisations=[OrganisationOut.model_validate(o) for o in page],
    )


@router.post(
    "/organisations",
    response={201: FoundingOut, **REFUSED},
    summary="Start an organisation from a preset and invite its first officer",
    openapi_extra=body_doc(FoundingIn),
)
@api_installation_admin
def create_organisation(request: SignedInRequest) -> Status[FoundingOut]:
    data = read_body(request, FoundingIn)
    founded = found_organisation(
        name=data.name,
        slug=data.slug,
        region=data.region,
        preset=data.preset,
        officer_email=data.officer_email,
        actor=request.user,
    )
    organisation = founded.organisation
    return Status(
        201,
        FoundingOut(
            slug=organisation.slug,
            name=organisation.name,
            region=organisation.region,
            draft_version_id=founded.draft.pk,
            invitation_id=founded.officer_invitation.invitation.pk,
        ),
    )
