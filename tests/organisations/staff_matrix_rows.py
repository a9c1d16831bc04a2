"""Permission-matrix rows for the Staff pages and their API operations. The installation
administrator ("admin") holds no grant, so it gets what the outsider gets: 404."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    ORGS_API,
    PERSONAS,
    SIGN_IN,
    Expected,
    Row,
    api_officers,
    api_readers,
    home_org,
    not_allowed,
    officers,
    readers,
)


def invitation_pk(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.invitation().invitation.pk}


def api_invitation(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "invitation_id": factory.invitation().invitation.pk}


def colleague_pk(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.auditor().pk}


def api_colleague(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "user_id": factory.auditor().pk}


POST_ONLY = {**not_allowed(), "auditor": 403}

STAFF_ROWS = [
    Row("organisations:staff", "GET", readers(), home_org),
    Row("organisations:invite_staff", "GET", officers(), home_org),
    Row("organisations:invite_staff", "POST", officers(200), home_org, note="form errors"),
    Row("organisations:resend_invitation", "POST", officers(302), invitation_pk),
    Row("organisations:resend_invitation", "GET", POST_ONLY, invitation_pk),
    Row("organisations:withdraw_invitation", "POST", officers(302), invitation_pk),
    Row("organisations:withdraw_invitation", "GET", POST_ONLY, invitation_pk),
    Row("organisations:change_staff_role", "GET", officers(), colleague_pk),
    Row("organisations:change_staff_role", "POST", officers(200), colleague_pk, note="no role"),
    Row("organisations:remove_staff", "GET", officers(), colleague_pk),
    Row("organisations:remove_staff", "POST", officers(302), colleague_pk),
    Row(ORGS_API + "/{org}/staff", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/staff/{user_id}", "PUT", api_officers(422), api_colleague),
    Row(ORGS_API + "/{org}/staff/{user_id}", "DELETE", api_officers(200), api_colleague),
    Row(ORGS_API + "/{org}/invitations", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/invitations", "POST", api_officers(422), home_org, note="no body"),
    Row(
        ORGS_API + "/{org}/invitations/{invitation_id}/resend",
        "POST",
        api_officers(200),
        api_invitation,
    ),
    Row(
        ORGS_API + "/{org}/invitations/{invitation_id}/withdraw",
        "POST",
        api_officers(200),
        api_invitation,
    ),
]


def admin_only(ok: Expected, *, api: bool = False) -> dict[str, Expected]:
    """Only the installation administrator; any other signed-in person gets 403."""
    others = dict.fromkeys(PERSONAS, 403)
    return {**others, "anonymous": 401 if api else SIGN_IN, "admin": ok}


INSTALLATION_API = "/api/v1/installation/organisations"

STAFF_ROWS += [
    Row("organisations:installation", "GET", admin_only(200)),
    Row("organisations:found", "GET", admin_only(200)),
    Row("organisations:found", "POST", admin_only(200), note="form errors"),
    Row(INSTALLATION_API, "GET", admin_only(200, api=True)),
    Row(INSTALLATION_API, "POST", admin_only(422, api=True), note="no body"),
]

STAFF_ROWS += [
    Row("organisations:change_details", "GET", officers(), home_org),
    Row("organisations:change_details", "POST", officers(200), home_org, note="no name"),
    Row("organisations:upload_logo", "GET", officers(), home_org),
    Row("organisations:upload_logo", "POST", officers(200), home_org, note="no file"),
    Row("organisations:logo", "GET", readers(404), home_org, note="none uploaded"),
]


def role_invite_kwargs(factory: Factory) -> dict[str, Any]:
    factory.draft_version()  # declares customer_involvement_team (vela)
    return {"org": factory.home.slug, "role": "customer_involvement_team"}


def title_invitation_pk(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.title_invitation().invitation.pk}


def api_title_invitation(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "invitation_id": factory.title_invitation().invitation.pk}


TITLES_API = ORGS_API + "/{org}/title-invitations"

STAFF_ROWS += [
    Row("organisations:invite_role_holder", "GET", officers(), role_invite_kwargs),
    Row(
        "organisations:invite_role_holder",
        "POST",
        officers(200),
        role_invite_kwargs,
        note="form errors",
    ),
    Row("organisations:resend_title_invitation", "POST", officers(302), title_invitation_pk),
    Row("organisations:resend_title_invitation", "GET", POST_ONLY, title_invitation_pk),
    Row("organisations:withdraw_title_invitation", "POST", officers(302), title_invitation_pk),
    Row("organisations:withdraw_title_invitation", "GET", POST_ONLY, title_invitation_pk),
    Row(ORGS_API + "/{org}/role-holders/people", "GET", api_readers(), home_org),
    Row(TITLES_API, "GET", api_readers(), home_org),
    Row(TITLES_API, "POST", api_officers(422), home_org, note="no body"),
    Row(TITLES_API + "/{invitation_id}/resend", "POST", api_officers(200), api_title_invitation),
    Row(TITLES_API + "/{invitation_id}/withdraw", "POST", api_officers(200), api_title_invitation),
]
