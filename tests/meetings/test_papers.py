"""Removing a paper from a meeting: members lose sight of it, its file goes, the record stays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import Meeting, Paper
from panelkeeper.meetings.papers import attach_paper, remove_paper
from tests.factory import Factory
from tests.meetings.conftest import TODAY


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def _paper(factory: Factory, meeting: Meeting | None = None, title: str = "Draft budget") -> Paper:
    return attach_paper(
        meeting=meeting or factory.meeting(date=dt.date(2026, 12, 3)),
        title=title,
        file=SimpleUploadedFile("budget.txt", b"Figures"),
        actor=factory.officer(),
    )


def _remove_url(paper: Paper) -> str:
    return reverse("meetings:remove_paper", kwargs={"org": "home", "pk": paper.pk})


def _portal_url(factory: Factory, paper: Paper) -> str:
    kwargs = {"member": factory.member_record.pk, "pk": paper.meeting_id, "paper": paper.pk}
    return reverse("meetings:portal_paper", kwargs=kwargs)


def _member_client(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.member())
    return client


def test_it_asks_the_officer_to_confirm_and_removes_nothing_on_get(
    factory: Factory, officer_client: Client
) -> None:
    paper = _paper(factory)
    response = officer_client.get(_remove_url(paper))
    assert response.status_code == 200
    assert "Remove “Draft budget” from the meeting on 3 December 2026?" in response.content.decode()
    paper.refresh_from_db()
    assert paper.removed_at is None and paper.file
    assert not AuditEntry.objects.filter(action="meeting_paper.removed").exists()


def test_an_officer_removes_a_paper_and_members_can_no_longer_download_it(
    factory: Factory,
    officer_client: Client,
    officer: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    paper = _paper(factory)
    stored = Path(paper.file.path)
    member = _member_client(factory)
    assert member.get(_portal_url(factory, paper)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(_remove_url(paper))

    meeting_url = reverse("meetings:detail", kwargs={"org": "home", "pk": paper.meeting_id})
    assert (response.status_code, response["Location"]) == (302, meeting_url)
    page = officer_client.get(meeting_url).content.decode()
    assert "Paper removed: Draft budget" in page
    assert "Removed papers" in page and "Draft budget: removed on" in page
    paper.refresh_from_db()
    assert (paper.title, paper.file.name, paper.removed_by) == ("Draft budget", "", officer)
    assert paper.removed_at is not None
    assert not stored.exists()
    entry = AuditEntry.objects.get(action="meeting_paper.removed")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        officer,
        "meetings.Paper",
        str(paper.pk),
    )
    assert member.get(_portal_url(factory, paper)).status_code == 404
    portal_page = member.get(
        reverse(
            "meetings:portal_meeting",
            kwargs={"member": factory.member_record.pk, "pk": paper.meeting_id},
        )
    )
    assert "Draft budget" not in portal_page.content.decode()
    staff_download = reverse("meetings:paper", kwargs={"org": "home", "pk": paper.pk})
    assert officer_client.get(staff_download).status_code == 404


def test_a_paper_of_a_meeting_already_held_can_be_removed_and_keeps_its_title(
    factory: Factory, officer_client: Client
) -> None:
    held = factory.meeting(date=dt.date(2026, 11, 12))
    paper = _paper(factory, held, title="Minutes, wrong month")
    assert officer_client.post(_remove_url(paper)).status_code == 302
    paper.refresh_from_db()
    assert paper.removed_at is not None
    assert Paper.objects.get(pk=paper.pk).title == "Minutes, wrong month"


def test_the_other_papers_of_the_meeting_stay(factory: Factory, officer_client: Client) -> None:
    meeting = factory.meeting(date=dt.date(2026, 12, 3))
    wrong = _paper(factory, meeting, title="Wrong file")
    right = _paper(factory, meeting, title="Agenda pack")
    officer_client.post(_remove_url(wrong))
    assert list(meeting.papers.current()) == [right]
    assert _member_client(factory).get(_portal_url(factory, right)).status_code == 200


def test_a_paper_already_removed_is_refused_and_nothing_more_is_recorded(
    factory: Factory, officer: User
) -> None:
    paper = _paper(factory)
    remove_paper(paper=paper, actor=officer)
    with pytest.raises(Refused, match="already been removed"):
        remove_paper(paper=Paper.objects.get(pk=paper.pk), actor=officer)
    assert AuditEntry.objects.filter(action="meeting_paper.removed").count() == 1


def test_the_remove_page_answers_404_for_a_paper_already_removed(
    factory: Factory, officer_client: Client, officer: User
) -> None:
    paper = _paper(factory)
    remove_paper(paper=paper, actor=officer)
    assert officer_client.get(_remove_url(paper)).status_code == 404
    assert officer_client.post(_remove_url(paper)).status_code == 404


def test_an_auditor_is_refused_and_the_paper_stays(
    factory: Factory, auditor_client: Client
) -> None:
    paper = _paper(factory)
    assert auditor_client.get(_remove_url(paper)).status_code == 403
    assert auditor_client.post(_remove_url(paper)).status_code == 403
    paper.refresh_from_db()
    assert paper.removed_at is None and Path(paper.file.path).exists()


def test_a_member_gets_404_and_the_paper_stays(factory: Factory) -> None:
    paper = _paper(factory)
    assert _member_client(factory).post(_remove_url(paper)).status_code == 404
    paper.refresh_from_db()
    assert paper.removed_at is None


def test_another_organisations_paper_answers_404(factory: Factory, outsider_client: Client) -> None:
    paper = _paper(factory)
    assert outsider_client.post(_remove_url(paper)).status_code == 404
    theirs = factory.meeting(group=factory.panel(factory.other), date=dt.date(2026, 12, 3))
    their_paper = _paper(factory, theirs)
    home_officer = Client()
    home_officer.force_login(factory.officer())
    assert home_officer.post(_remove_url(their_paper)).status_code == 404
    paper.refresh_from_db()
    their_paper.refresh_from_db()
    assert paper.removed_at is None and their_paper.removed_at is None


# -- the API ---------------------------------------------------------------------------


def test_the_api_removes_a_paper_and_the_meeting_no_longer_lists_it(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    paper = _paper(factory)
    url = f"/api/v1/meetings/home/papers/{paper.pk}"
    assert auditor_client.delete(url).status_code == 403
    assert officer_client.delete(url).status_code == 204
    meeting = officer_client.get(f"/api/v1/meetings/home/meetings/{paper.meeting_id}").json()
    assert meeting["papers"] == []
    assert officer_client.delete(url).status_code == 404
    assert AuditEntry.objects.filter(action="meeting_paper.removed").count() == 1
