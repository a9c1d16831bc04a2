"""API operations for organisations, their groups, the versions of their code and the rulebook.

Mounted at ``/api/v1/organisations``. The same policies as the pages: another
organisation answers 404, the wrong role 403, an anonymous caller 401. A refusal, raised
here or by a domain function, answers 422 (the API's exception handler) with ``detail``,
the ``field`` it concerns and its ``problems``: one per mistake in an invalid file
(``field`` is the dotted key), one per staff title a publish lacks a holder for (``field``
is the title's key). Also role holders, closure days and the settings: anything the pages
do.
"""

from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.people import known_to
from panelkeeper.accounts.permissions import (
    api_officers,
    api_readers,
    api_users,
)
from panelkeeper.lib.api import PageQuery, out_of, paged, read_body, within_token
from panelkeeper.lib.filters import page_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest, StaffRequest
from panelkeeper.organisations.api.schemas import (
    ClosureDayIn,
    ClosureDayOut,
    ClosureDayPageOut,
    DraftIn,
    GroupOut,
    InterpretationOut,
    OrganisationDetailOut,
    OrganisationOut,
    PolicyVersionOut,
    PolicyVersionPageOut,
    PublishIn,
    RoleHolderIn,
    RoleHolderOut,
    RoleHolderPageOut,
    RulebookOut,
    RuleOut,
    SectionOut,
    SettingsIn,
    SettingsOut,
)
from panelkeeper.organisations.closure_days import add_closure_day
from panelkeeper.organisations.details import DETAILS, change_details
from panelkeeper.organisations.drafting import start_draft
from panelkeeper.organisations.forms import OrganisationSettingsForm
from panelkeeper.organisations.lookups import version_in
from panelkeeper.organisations.models import ClosureDay, Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.organisation_settings import change_region
from panelkeeper.organisations.policies import (
    InvalidPolicy,
    discard_draft,
    publish_policy_version,
    upload_draft,
)
from panelkeeper.organisations.role_holders import assign_role_holder
from panelkeeper.organisations.rulebooks import rulebook_of

router = Router(tags=["organisations"])


def _holder_out(holder: RoleHolder) -> RoleHolderOut:
    return out_of(RoleHolderOut, holder, user_name=str(holder.user))


@api_users.get(router, "", list[OrganisationOut])
def list_organisations(request: SignedInRequest) -> list[Organisation]:
    """The organisations you hold a grant on.

    A bearer token sees only the organisation it was made for."""
    return list(within_token(request, Organisation.objects.for_user(request.user), via="pk"))


@api_readers.get(router, "/{org}", OrganisationDetailOut)
def get_organisation(request: StaffRequest, org: str) -> OrganisationDetailOut:
    """An organisation and its groups."""
    organisation = request.organisation
    in_force = PolicyVersion.objects.in_force(organisation, on=timezone.localdate())
    return out_of(
        OrganisationDetailOut,
        organisation,
        groups=[out_of(GroupOut, g) for g in organisation.groups.all()],
        version_in_force=in_force.pk if in_force else None,
    )


@api_readers.get(router, "/{org}/policy-versions", PolicyVersionPageOut)
def list_policy_versions(
    request: StaffRequest, org: str, query: Query[PageQuery]
) -> dict[str, Any]:
    """Every version of the code, newest first."""
    versions = PolicyVersion.objects.filter(organisation=request.organisation)
    return page_of(versions, query, "versions")


@api_officers.post(router, "/{org}/policy-versions", PolicyVersionOut, status=201, body=DraftIn)
def create_draft(request: StaffRequest, org: str) -> Status[PolicyVersion]:
    """Create a draft from a preset, a published version or a TOML text.

    An invalid text is not saved: 422 lists every problem with its dotted key."""
    organisation = request.organisation
    data = read_body(request, DraftIn)
    sent = [data.preset, data.from_version, data.source]
    if sum(item is not None for item in sent) != 1:
        raise Refused("Send one of preset, from_version or source.")
    if data.preset is not None or data.from_version is not None:
        start_from = (
            f"preset:{data.preset}" if data.preset is not None else f"version:{data.from_version}"
        )
        version = start_draft(
            organisation=organisation,
            start_from=start_from,
            actor=request.user,
            today=timezone.localdate(),
            version_name=data.version_name,
        )
    else:
        version = upload_draft(
            organisation=organisation,
            text=data.source or "",
            file_name=data.file_name[:200],
            actor=request.user,
            today=timezone.localdate(),
        )
    return Status(201, version)


@api_readers.get(router, "/{org}/policy-versions/{version_id}", PolicyVersionOut)
def get_policy_version(request: StaffRequest, org: str, version_id: int) -> PolicyVersion:
    """One version's metadata."""
    return version_in(request.organisation, pk=version_id)


@api_officers.delete(router, "/{org}/policy-versions/{version_id}", None, status=204)
def delete_draft(request: StaffRequest, org: str, version_id: int) -> Status[None]:
    """Discard a draft; a published version is refused."""
    discard_draft(version=version_in(request.organisation, pk=version_id), actor=request.user)
    return Status(204, None)


@api_readers.get(
    router,
    "/{org}/policy-versions/{version_id}/source",
    None,
    openapi_extra={
        "responses": {200: {"description": "The TOML text", "content": {"application/toml": {}}}}
    },
)
def get_policy_source(request: StaffRequest, org: str, version_id: int) -> HttpResponse:
    """One version's TOML text, exactly as uploaded or loaded."""
    version = version_in(request.organisation, pk=version_id)
    return HttpResponse(version.source.encode("utf-8"), content_type="application/toml")


@api_officers.post(
    router, "/{org}/policy-versions/{version_id}/publish", PolicyVersionOut, body=PublishIn
)
def publish(request: StaffRequest, org: str, version_id: int) -> PolicyVersion:
    """Publish a draft with its approval and in-force dates.

    Refused with 422, listing them, while a declared staff title has no holder."""
    version = version_in(request.organisation, pk=version_id)
    data = read_body(request, PublishIn)
    return publish_policy_version(
        version=version,
        approved_on=data.approved_on,
        in_force_from=data.in_force_from,
        actor=request.user,
        today=timezone.localdate(),
    )


@api_readers.get(router, "/{org}/rulebook", RulebookOut)
def get_rulebook(request: StaffRequest, org: str) -> RulebookOut:
    """The rulebook of the code in force."""
    organisation = request.organisation
    version = PolicyVersion.objects.in_force(organisation, on=timezone.localdate())
    if version is None:
        raise HttpError(404, "No version of the code is in force yet.")
    return rulebook_out(version)


def rulebook_out(version: PolicyVersion) -> RulebookOut:
    """The rulebook ``version`` gives members; 409 if its text no longer loads."""
    try:
        book = rulebook_of(version)
    except InvalidPolicy as error:
        raise HttpError(409, error.message) from None
    return RulebookOut(
        organisation=version.organisation.slug,
        version=PolicyVersionOut.model_validate(version, from_attributes=True),
        title=book.title,
        sections=[
            out_of(
                SectionOut,
                section,
                rules=[out_of(RuleOut, rule, ids=list(rule.ids)) for rule in section.rules],
            )
            for section in book.sections
        ],
        interpretations=[out_of(InterpretationOut, item) for item in book.interpretations],
    )


@api_readers.get(router, "/{org}/role-holders", RoleHolderPageOut)
def list_role_holders(
    request: StaffRequest, org: str, query: Query[PageQuery]
) -> RoleHolderPageOut:
    """Who holds each staff title, current and earlier terms, by title, latest first."""
    holders = RoleHolder.objects.filter(organisation=request.organisation).select_related("user")
    rows, counts = paged(holders, query)
    return RoleHolderPageOut(**counts, role_holders=[_holder_out(holder) for holder in rows])


@api_officers.post(router, "/{org}/role-holders", RoleHolderOut, status=201, body=RoleHolderIn)
def create_role_holder(request: StaffRequest, org: str) -> Status[RoleHolderOut]:
    """Give a declared staff title to one of the organisation's people.

    The current holder, if any, stops on the day the new one starts (BR-2, BR-13)."""
    organisation = request.organisation
    data = read_body(request, RoleHolderIn)
    user = known_to(organisation).filter(pk=data.user_id).first()
    if user is None:
        raise Refused(
            "Choose one of this organisation's people (see role-holders/people), or invite "
            "someone new to hold this title.",
            field="user_id",
        )
    holder = assign_role_holder(
        organisation=organisation,
        role_key=data.role_key,
        user=user,
        effective_from=data.effective_from,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, _holder_out(holder))


@api_readers.get(router, "/{org}/closure-days", ClosureDayPageOut)
def list_closure_days(request: StaffRequest, org: str, query: Query[PageQuery]) -> dict[str, Any]:
    """Days the organisation is closed, which working-day deadlines skip, earliest first."""
    days = ClosureDay.objects.filter(organisation=request.organisation).order_by("date", "id")
    return page_of(days, query, "closure_days")


@api_officers.post(router, "/{org}/closure-days", ClosureDayOut, status=201, body=ClosureDayIn)
def create_closure_day(request: StaffRequest, org: str) -> Status[ClosureDay]:
    """Record a day the organisation is closed."""
    data = read_body(request, ClosureDayIn)
    day = add_closure_day(
        organisation=request.organisation, date=data.date, reason=data.reason, actor=request.user
    )
    return Status(201, day)


def _settings_out(organisation: Organisation) -> SettingsOut:
    return SettingsOut(
        region=Organisation.Region(organisation.region),
        region_name=organisation.get_region_display(),
        closure_days=organisation.closure_days.count(),
        has_logo=bool(organisation.logo),
        concern_form=organisation.concern_form_address(),
        **{field: getattr(organisation, field) for field in DETAILS},
    )


@api_readers.get(router, "/{org}/settings", SettingsOut)
def get_settings(request: StaffRequest, org: str) -> SettingsOut:
    """The organisation's settings: the bank holidays its working days skip."""
    return _settings_out(request.organisation)


def _change_settings(request: StaffRequest, *, partial: bool) -> SettingsOut:
    organisation = request.organisation
    sent = read_body(request, SettingsIn).model_dump(exclude_unset=partial)
    # Details not sent keep their values, on PUT too, as before they were settings.
    details = {field: sent.pop(field, None) for field in DETAILS}
    # The page's form decides what is valid, so the API refuses exactly what it refuses.
    form = OrganisationSettingsForm(data={"region": organisation.region, **sent})
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise Refused(str(errors[0]), field=field)
    with transaction.atomic():
        if any(value is not None for value in details.values()):
            # The details page's domain function decides, so both refuse the same things.
            change_details(
                organisation=organisation,
                actor=request.user,
                **{f: getattr(organisation, f) if v is None else v for f, v in details.items()},
            )
        change_region(
            organisation=organisation, region=form.cleaned_data["region"], actor=request.user
        )
    return _settings_out(organisation)


@api_officers.put(router, "/{org}/settings", SettingsOut, body=SettingsIn)
def put_settings(request: StaffRequest, org: str) -> SettingsOut:
    """Replace the organisation's settings."""
    return _change_settings(request, partial=False)


@api_officers.patch(router, "/{org}/settings", SettingsOut, body=SettingsIn)
def patch_settings(request: StaffRequest, org: str) -> SettingsOut:
    """Change some of the organisation's settings."""
    return _change_settings(request, partial=True)
