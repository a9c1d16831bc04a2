"""Every organisations page, in Chromium, checked by axe for WCAG 2.2 AA (DESIGN bars)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from panelkeeper.organisations.models import PolicyVersion
from tests.browser.conftest import (  # noqa: F401 (fixtures used by name)
    _allow_orm_beside_playwright,
    assert_accessible,
    browser_type_launch_args,
    code_in_force,
    page_with_js,
)
from tests.organisations.test_policies import BROKEN

pytestmark = pytest.mark.browser


def sign_in(page: Page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.fill("#id_email", email)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_every_organisations_page_passes_axe_in_its_normal_and_error_states(
    page_with_js: Page,  # noqa: F811
    live_server: object,
    code_in_force: dict[str, str],  # noqa: F811
) -> None:
    page, base = page_with_js, f"{live_server}"
    sign_in(page, base, code_in_force["email"], code_in_force["password"])
    org = f"{base}/organisations/home"
    published = PolicyVersion.objects.get()
    broken = PolicyVersion.objects.create(
        organisation=published.organisation, version="broken", source=BROKEN, file_name="b.toml"
    )
    for path in [
        "/",
        "/rulebook/",
        "/versions/",
        f"/versions/{published.pk}/",
        f"/versions/{broken.pk}/",
        "/role-holders/",
        "/closure-days/",
    ]:
        page.goto(f"{org}{path}" if path != "/" else f"{org}/")
        assert_accessible(page)

    page.goto(f"{org}/versions/new/")
    page.get_by_role("button", name="Start the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select a preset or a version to start from"
    )
    assert_accessible(page)
    page.get_by_label("Preset insight", exact=False).check()
    page.get_by_role("button", name="Start the draft").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Draft")
    assert_accessible(page)
    draft = page.url

    # The draft's parts, a part's form with a refused change, and what changes.
    page.get_by_role("link", name="Change the code, part by part").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Parts of the code")
    assert_accessible(page)
    page.get_by_role("link", name="Change deadlines").click()
    assert_accessible(page)
    page.locator("#id_breach__deadlines__conclude").fill("0")
    page.locator("main form button.govuk-button", has_text="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("1 or more")
    assert_accessible(page)
    page.goto(f"{draft}changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What changes")
    assert_accessible(page)
    page.goto(draft)

    page.get_by_role("link", name="Publish this version").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{org}/versions/upload/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "ours.toml", "mimeType": "application/toml", "buffer": BROKEN.encode()}],
    )
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.locator(".pk-problem")).to_have_count(3)
    assert_accessible(page)

    page.goto(f"{org}/role-holders/customer_involvement_team/")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
