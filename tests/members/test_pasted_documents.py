"""A document pasted from a word processor keeps its paragraphs, headings and lists on
every page that shows it: the member's signing page and the officers' document page."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from panelkeeper.members.documents import render_document
from tests.factory import Factory

PASTED = (
    "Role Profile\r\n"
    "Members take part in meetings and read the papers first.\r\n"
    "They also:\r\n"
    "• visit schemes\r\n"
    "• report back to the panel\r\n"
    "## Time\r\n"
    "About four hours a month."
)


def kept(page: str) -> bool:
    return (
        "<p>Role Profile</p>" in page
        and "<p>Members take part in meetings and read the papers first.</p>" in page
        and "<ul>\n<li>visit schemes</li>\n<li>report back to the panel</li>\n</ul>" in page
        and "<h3>Time</h3>" in page  # one level down, under the page's own headings
        and "<p>About four hours a month.</p>" in page
    )


def test_a_pasted_document_keeps_its_paragraphs_and_bullets_as_html() -> None:
    assert kept(render_document(PASTED))


def test_the_member_reads_a_pasted_document_in_paragraphs_before_signing(
    factory: Factory,
) -> None:
    version = factory.document_version("role_profile", text=PASTED)
    client = Client()
    client.force_login(factory.member())
    url = reverse(
        "members:sign", kwargs={"member": factory.member_record.pk, "version": version.pk}
    )
    assert kept(client.get(url).content.decode())


def test_officers_read_a_pasted_document_in_paragraphs(
    factory: Factory, officer_client: Client
) -> None:
    version = factory.document_version("role_profile", text=PASTED)
    url = reverse(
        "members:document", kwargs={"org": factory.home.slug, "key": version.document.key}
    )
    assert kept(officer_client.get(url).content.decode())
