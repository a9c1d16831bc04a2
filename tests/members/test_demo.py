"""The demo's members, documents and signatures; its document texts copy no code (MEM-2)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.members.demo_texts import TEXTS, demo_text
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.models import DocumentVersion, GroupRole, Member, Signature
from tests.rules.copying import copied_runs


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_no_demo_document_text_copies_a_run_of_the_codes(key: str) -> None:
    assert copied_runs(TEXTS[key]) == []


def test_an_unnamed_document_gets_a_short_text_naming_its_title() -> None:
    assert demo_text("other", "Volunteer Agreement").startswith("# Volunteer Agreement")


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_signs_in_a_chair_a_member_and_an_advocate(db: None) -> None:
    output = run_demo()
    for role in ("chair", "member", "advocate"):
        assert f"{role}.vela@example.org" in output
    chair = Member.objects.get(user__email="chair.vela@example.org")
    assert chair.role == GroupRole.CHAIR
    assert eligibility(chair, on=timezone.localdate()).eligible
    member = Member.objects.get(user__email="member.vela@example.org")
    reasons = eligibility(member, on=timezone.localdate()).reasons
    assert len(reasons) == 4  # vela's four documents, none signed yet
    cared_for = Member.objects.get(advocate__email="advocate.vela@example.org")
    assert cared_for.user is None


@override_settings(DEMO=True, DEBUG=True)
def test_every_demo_version_copies_no_run_and_nexus_asks_for_no_signature(db: None) -> None:
    run_demo()
    versions = DocumentVersion.objects.all()
    assert versions.count() == 4 + 4 + 5 + 2 + 2
    assert all(copied_runs(v.text) == [] for v in versions)
    nexus_chair = Member.objects.get(user__email="chair.nexus@example.org")
    assert not Signature.objects.filter(member=nexus_chair).exists()
    assert eligibility(nexus_chair, on=timezone.localdate()).eligible


@override_settings(DEMO=True, DEBUG=True)
def test_running_the_demo_again_adds_no_members_or_signatures(db: None) -> None:
    run_demo()
    before = (Member.objects.count(), Signature.objects.count(), DocumentVersion.objects.count())
    run_demo()
    after = (Member.objects.count(), Signature.objects.count(), DocumentVersion.objects.count())
    assert before == after


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_member_signs_in_to_their_own_record(db: None) -> None:
    run_demo()
    client = Client()
    assert client.login(username="member.vela@example.org", password="demo-panelkeeper")
    response = client.get(reverse("members:portal"), follow=True)
    assert "Read and sign the Code of Conduct" in response.content.decode()
    assert User.objects.filter(email="advocate.vela@example.org").exists()
