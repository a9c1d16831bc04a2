"""API operations for installation administrators: every organisation, and starting one.

Mounted at ``/api/v1/installation``. Only an installation administrator signed in by
session may call them (a token acts for one organisation); anyone else gets 403. The
officer's invitation link is only emailed, never returned.
"""

from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import api_installation_admins
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.organisations.api.schemas import OrganisationOut
from panelkeeper.organisations.api.staff_schemas import FoundingIn, FoundingOut, OrganisationPageOut
from panelkeeper.organisations.founding import found_organisation
from panelkeeper.organisations.models import Organisation

router = Router(tags=["installation"])


@api_installation_admins.get(router, "/organisations", OrganisationPageOut)
def list_all_organisations(
    request: SignedInRequest, query: Query[PageQuery]
) -> OrganisationPageOut:
    """Every organisation, by name."""
    organisations, counts = paged(Organisation.objects.order_by("name"), query)
    return OrganisationPageOut(
        **counts, organisations=[OrganisationOut.model_validate(o) for o in organisations]
    )


@api_installation_admins.post(router, "/organisations", FoundingOut, status=201, body=FoundingIn)
def create_organisation(request: SignedInRequest) -> Status[FoundingOut]:
    """Start an organisation from a preset and invite its first officer."""
    data = read_body(request, FoundingIn)
    founded = found_organisation(**data.model_dump(), actor=request.user)
    organisation = founded.organisation
    return Status(
        201,
        FoundingOut(
            slug=organisation.slug,
            name=organisation.name,
            region=Organisation.Region(organisation.region),
            draft_version_id=founded.draft.pk,
            invitation_id=founded.officer_invitation.invitation.pk,
        ),
    )
