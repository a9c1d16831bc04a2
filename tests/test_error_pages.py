"""403, 404 and 500 pages, and the accessibility statement, in panelkeeper's own look."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from panelkeeper.urls import urlpatterns as project_urls


def refuses(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def breaks(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a fault in a view")


# The project's own URLs plus two views that fail on purpose.
urlpatterns = [
    *project_urls,
    path("test-refused/", refuses),
    path("test-broken/", breaks),
]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls(__name__),
]


def our_page(html: str, heading: str) -> None:
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    assert 'class="govuk-template__header pk-header"' in html
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert 'href="/accessibility/">Accessibility statement</a>' in html
    assert "govuk-frontend-6.6.0/panelkeeper.min.css" in html


@override_settings(DEBUG=False)
def test_an_unknown_address_answers_404_with_our_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert next(t.name for t in response.templates) == "404.html"
    our_page(response.content.decode(), "Page not found")


@override_settings(DEBUG=False)
def test_a_refused_request_answers_403_with_our_page(client: Client) -> None:
    response = client.get("/test-refused/")
    assert response.status_code == 403
    assert next(t.name for t in response.templates) == "403.html"
    our_page(response.content.decode(), "You cannot do this")


@override_settings(DEBUG=False)
def test_a_fault_answers_500_with_our_page_and_no_script(client: Client) -> None:
    client.raise_request_exception = False
    response = client.get("/test-broken/")
    assert response.status_code == 500
    html = response.content.decode()
    our_page(html, "Sorry, there is a problem with the service")
    # Drawn without a request, so without a CSP nonce: no script may appear at all.
    assert "<script" not in html


def test_pages_with_a_request_load_govuk_frontend_as_a_module_with_the_csp_nonce(
    client: Client,
) -> None:
    response = client.get("/accessibility/")
    html = response.content.decode()
    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script type="module" nonce="{nonce}">' in html
    assert "initAll()" in html
    assert " style=" not in html
    assert " onclick=" not in html


def test_the_accessibility_statement_is_public_and_says_how_to_report_a_problem(
    client: Client,
) -> None:
    response = client.get("/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    our_page(html, "Accessibility statement for panelkeeper")
    for heading in ("What works", "Known gaps", "Reporting a problem"):
        assert f'<h2 class="govuk-heading-m">{heading}</h2>' in html


def test_the_accessibility_statement_declares_the_public_policy() -> None:
    from panelkeeper.accounts.permissions import PUBLIC, policy_of
    from panelkeeper.pages.views.public import accessibility_statement

    assert policy_of(accessibility_statement) == PUBLIC
