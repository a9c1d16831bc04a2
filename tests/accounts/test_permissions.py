"""The permission decorators, on throwaway views: the ladder of DESIGN.md."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.permissions import (
    AccessPolicy,
    get_object_for,
    policy_of,
    public,
    signed_in,
    staff,
)
from panelkeeper.organisations.models import Group
from tests.factory import Factory


@staff(Grant.Role.OFFICER)
def officers_only(request: HttpRequest, org: str) -> HttpResponse:
    return HttpResponse(f"{request.organisation.slug} {sorted(request.roles)}")  # type: ignore[attr-defined]


@staff(Grant.Role.OFFICER, Grant.Role.AUDITOR)
def staff_page(request: HttpRequest, org: str) -> HttpResponse:
    return HttpResponse("ok")


@signed_in
def anyone_signed_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def request_as(rf: RequestFactory, user: User | None) -> HttpRequest:
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/home/page/?tab=1")
    request.user = user or AnonymousUser()
    return request


def test_each_decorator_records_its_policy() -> None:
    assert policy_of(officers_only) == AccessPolicy("staff", ("officer",))
    assert policy_of(staff_page) == AccessPolicy("staff", ("officer", "auditor"))
    assert policy_of(anyone_signed_in) == AccessPolicy("signed_in")
    assert policy_of(public(lambda request: HttpResponse())) == AccessPolicy("public")
    assert policy_of(lambda request: HttpResponse()) is None


def test_a_misspelt_role_is_refused_when_the_view_is_declared() -> None:
    with pytest.raises(ValueError):
        staff("officr")


def test_anonymous_users_are_sent_to_sign_in_and_back(rf: RequestFactory, db: None) -> None:
    response = officers_only(request_as(rf, None), org="home")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/home/page/%3Ftab%3D1"
    assert anyone_signed_in(request_as(rf, None)).status_code == 302


def test_the_right_role_gets_the_page_with_the_organisation_set(
    rf: RequestFactory, factory: Factory, officer: User
) -> None:
    response = officers_only(request_as(rf, officer), org="home")
    assert response.content == b"home ['officer']"


def test_own_organisation_without_the_role_is_forbidden(rf: RequestFactory, auditor: User) -> None:
    with pytest.raises(PermissionDenied):
        officers_only(request_as(rf, auditor), org="home")
    assert staff_page(request_as(rf, auditor), org="home").status_code == 200


def test_another_organisation_looks_exactly_like_a_missing_one(
    rf: RequestFactory, factory: Factory, outsider: User
) -> None:
    assert factory.home.slug == "home"  # exists, but the outsider holds no grant there
    with pytest.raises(Http404):
        officers_only(request_as(rf, outsider), org="home")
    with pytest.raises(Http404):
        officers_only(request_as(rf, outsider), org="no-such-organisation")


def test_get_object_for_refuses_another_organisations_record(factory: Factory) -> None:
    ours = factory.group(factory.home)
    theirs = factory.group(factory.other)
    assert get_object_for(factory.home, Group.objects.all(), pk=ours.pk) == ours
    with pytest.raises(Http404):
        get_object_for(factory.home, Group.objects.all(), pk=theirs.pk)
