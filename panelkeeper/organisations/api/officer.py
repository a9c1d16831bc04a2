"""API operations for organisations, their groups, the versions of their code and the rulebook.

Mounted at ``/api/v1/organisations``. The same policies as the pages: another
organisation answers 404, the wrong role 403, an anonymous caller 401. A refusal, raised
here or by a domain function, answers 422 (the API's exception handler) with ``detail``,
the ``field`` it concerns and its ``problems``: one per mistake in an invalid file
(``field`` is the dotted key), one per staff title a publish lacks a holder for (``field``
is the title's key). Also role holders, closure days and the settings: anything the pages
do.
"""

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import (
    OFFICER,
    READERS,
    api_signed_in,
    api_staff,
    get_object_for,
)
from panelkeeper.lib.api import REFUSED, body_doc, read_body, within_token
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest, StaffRequest
from panelkeeper.organisations.api.schemas import (
    ClosureDayIn,
    ClosureDayOut,
    DraftIn,
    GroupOut,
    InterpretationOut,
    OrganisationDetailOut,
    OrganisationOut,
    PolicyVersionOut,
    PublishIn,
    RoleHolderIn,
    RoleHolderOut,
    RulebookOut,
    RuleOut,
    SectionOut,
    SettingsIn,
    SettingsOut,
)
from panelkeeper.organisations.closure_days import add_closure_day
from panelkeeper.organisations.details import DETAILS, change_details
from panelkeeper.organisations.forms import OrganisationSettingsForm
from panelkeeper.organisations.models import ClosureDay, Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.organisation_settings import change_region
from panelkeeper.organisations.policies import (
    InvalidPolicy,
    discard_draft,
    load_preset_draft,
    publish_policy_version,
    upload_draft,
)
from panelkeeper.organisations.role_holders import assign_role_holder
from panelkeeper.organisations.rulebooks import rulebook_of

router = Router(tags=["organisations"])


def _holder_out(holder: RoleHolder) -> RoleHolderOut:
    return RoleHolderOut(
        id=holder.pk,
        role_key=holder.role_key,
        role_title=holder.role_title,
        user_id=holder.user_id,
        user_name=str(holder.user),
        effective_from=holder.effective_from,
        effective_until=holder.effective_until,
    )


def _version(request: StaffRequest, version_id: int) -> PolicyVersion:
    return get_object_for(request.organisation, PolicyVersion.objects.all(), pk=version_id)


@router.get("", response=list[OrganisationOut], summary="The organisations you hold a grant on")
@api_signed_in
def list_organisations(request: SignedInRequest) -> list[Organisation]:
    """A bearer token sees only the organisation it was made for."""
    return list(within_token(request, Organisation.objects.for_user(request.user), via="pk"))


@router.get("/{org}", response=OrganisationDetailOut, summary="An organisation and its groups")
@api_staff(*READERS)
def get_organisation(request: StaffRequest, org: str) -> OrganisationDetailOut:
    organisation = request.organisation
    in_force = PolicyVersion.objects.in_force(organisation, on=timezone.localdate())
    return OrganisationDetailOut(
        slug=organisation.slug,
        name=organisation.name,
        region=organisation.region,
        groups=[GroupOut(id=g.pk, name=g.name) for g in organisation.groups.all()],
        version_in_force=in_force.pk if in_force else None,
    )


@router.get(
    "/{org}/policy-versions",
    response=list[PolicyVersionOut],
    summary="Every version of the code, newest first",
)
@api_staff(*READERS)
def list_policy_versions(request: StaffRequest, org: str) -> list[PolicyVersion]:
    return list(PolicyVersion.objects.filter(organisation=request.organisation))


@router.post(
    "/{org}/policy-versions",
    response={201: PolicyVersionOut, **REFUSED},
    summary="Create a draft from a preset or a TOML text",
    openapi_extra=body_doc(DraftIn),
)
@api_staff(OFFICER)
def create_draft(request: StaffRequest, org: str) -> Status[PolicyVersion]:
    """An invalid text is not saved: 422 lists every problem with its dotted key."""
    organisation = request.organisation
    data = read_body(request, DraftIn)
    if (data.preset is None) == (data.source is None):
        raise Refused("Send either preset or source, not both.")
    if data.preset is not None:
        version = load_preset_draft(
            organisation=organisation, preset=data.preset, actor=request.user
        )
    else:
        version = upload_draft(
            organisation=organisation,
            text=data.source or "",
            file_name=data.file_name[:200],
            actor=request.user,
        )
    return Status(201, version)


@router.get(
    "/{org}/policy-versions/{version_id}",
    response=PolicyVersionOut,
    summary="One version's metadata",
)
@api_staff(*READERS)
def get_policy_version(request: StaffRequest, org: str, version_id: int) -> PolicyVersion:
    return _version(request, version_id)


@router.delete(
    "/{org}/policy-versions/{version_id}",
    response={204: None, **REFUSED},
    summary="Discard a draft; a published version is refused",
)
@api_staff(OFFICER)
def delete_draft(request: StaffRequest, org: str, version_id: int) -> Status[None]:
    discard_draft(version=_version(request, version_id), actor=request.user)
    return Status(204, None)


@router.get(
    "/{org}/policy-versions/{version_id}/source",
    summary="One version's TOML text, exactly as uploaded or loaded",
    openapi_extra={
        "responses": {200: {"description": "The TOML text", "content": {"application/toml": {}}}}
    },
)
@api_staff(*READERS)
def get_policy_source(request: StaffRequest, org: str, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    return HttpResponse(version.source.encode("utf-8"), content_type="application/toml")


@router.post(
    "/{org}/policy-versions/{version_id}/publish",
    response={200: PolicyVersionOut, **REFUSED},
    summary="Publish a draft with its approval and in-force dates",
    openapi_extra=body_doc(PublishIn),
)
@api_staff(OFFICER)
def publish(request: StaffRequest, org: str, version_id: int) -> PolicyVersion:
    """Refused with 422, listing them, while a declared staff title has no holder."""
    version = _version(request, version_id)
    data = read_body(request, PublishIn)
    return publish_policy_version(
        version=version,
        approved_on=data.approved_on,
        in_force_from=data.in_force_from,
        actor=request.user,
        today=timezone.localdate(),
    )


@router.get("/{org}/rulebook", response=RulebookOut, summary="The rulebook of the code in force")
@api_staff(*READERS)
def get_rulebook(request: StaffRequest, org: str) -> RulebookOut:
    organisation = request.organisation
    version = PolicyVersion.objects.in_force(organisation, on=timezone.localdate())
    if version is None:
        raise HttpError(404, "No version of the code is in force yet.")
    try:
        book = rulebook_of(version)
    except InvalidPolicy as error:
        raise HttpError(409, error.message) from None
    return RulebookOut(
        organisation=organisation.slug,
        version=PolicyVersionOut.model_validate(version, from_attributes=True),
        title=book.title,
        sections=[
            SectionOut(
                title=section.title,
                rules=[
                    RuleOut(ids=list(rule.ids), ref=rule.ref, text=rule.text)
                    for rule in section.rules
                ],
            )
            for section in book.sections
        ],
        interpretations=[
            InterpretationOut(number=item.number, text=item.text) for item in book.interpretations
        ],
    )


@router.get(
    "/{org}/role-holders",
    response=list[RoleHolderOut],
    summary="Who holds each staff title, current and earlier terms",
)
@api_staff(*READERS)
def list_role_holders(request: StaffRequest, org: str) -> list[RoleHolderOut]:
    holders = RoleHolder.objects.filter(organisation=request.organisation).select_related("user")
    return [_holder_out(holder) for holder in holders]


@router.post(
    "/{org}/role-holders",
    response={201: RoleHolderOut, **REFUSED},
    summary="Give a declared staff title to someone with a grant here",
    openapi_extra=body_doc(RoleHolderIn),
)
@api_staff(OFFICER)
def create_role_holder(request: StaffRequest, org: str) -> Status[RoleHolderOut]:
    """The current holder, if any, stops on the day the new one starts (BR-2, BR-13)."""
    organisation = request.organisation
    data = read_body(request, RoleHolderIn)
    user = User.objects.filter(pk=data.user_id, grants__organisation=organisation).first()
    if user is None:
        raise Refused(
            "Choose someone with an officer or auditor grant at this organisation.",
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


@router.get(
    "/{org}/closure-days",
    response=list[ClosureDayOut],
    summary="Days the organisation is closed, which working-day deadlines skip",
)
@api_staff(*READERS)
def list_closure_days(request: StaffRequest, org: str) -> list[ClosureDay]:
    return list(ClosureDay.objects.filter(organisation=request.organisation))


@router.post(
    "/{org}/closure-days",
    response={201: ClosureDayOut, **REFUSED},
    summary="Record a day the organisation is closed",
    openapi_extra=body_doc(ClosureDayIn),
)
@api_staff(OFFICER)
def create_closure_day(request: StaffRequest, org: str) -> Status[ClosureDay]:
    data = read_body(request, ClosureDayIn)
    day = add_closure_day(
        organisation=request.organisation, date=data.date, reason=data.reason, actor=request.user
    )
    return Status(201, day)


def _settings_out(organisation: Organisation) -> SettingsOut:
    return SettingsOut(
        region=organisation.region,
        region_name=organisation.get_region_display(),
        closure_days=organisation.closure_days.count(),
        has_logo=bool(organisation.logo),
        **{field: getattr(organisation, field) for field in DETAILS},
    )


@router.get(
    "/{org}/settings",
    response=SettingsOut,
    summary="The organisation's settings: the bank holidays its working days skip",
)
@api_staff(*READERS)
def get_settings(request: StaffRequest, org: str) -> SettingsOut:
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


@router.put(
    "/{org}/settings",
    response={200: SettingsOut, **REFUSED},
    summary="Replace the organisation's settings",
    openapi_extra=body_doc(SettingsIn),
)
@api_staff(OFFICER)
def put_settings(request: StaffRequest, org: str) -> SettingsOut:
    return _change_settings(request, partial=False)


@router.patch(
    "/{org}/settings",
    response={200: SettingsOut, **REFUSED},
    summary="Change some of the organisation's settings",
    openapi_extra=body_doc(SettingsIn),
)
@api_staff(OFFICER)
def patch_settings(request: StaffRequest, org: str) -> SettingsOut:
    return _change_settings(request, partial=True)
