"""The web server killed with SIGKILL during concurrent writes loses nothing it acknowledged.

Officers' API clients add members, many at once, through gunicorn on loopback; once some
dozens have been acknowledged, the server and all its workers are killed outright. After
a restart, every member whose addition got a 201 is there, whole (its status record and
audit entry were written in the same transaction), nothing is half-saved, and the
database passes its integrity check.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from panelkeeper.audit.models import AuditEntry
from panelkeeper.members.models import Member, MemberStatus
from tests.crash.processes import WebServer, environment, integrity_check
from tests.factory import Factory

pytestmark = pytest.mark.crash

WRITES = 200
CLIENTS = 12
KILL_AFTER = 60  # acknowledged writes
PREFIX = "Crash test member"


@dataclass
class Outcomes:
    acknowledged: dict[str, int] = field(default_factory=dict)  # name -> id
    cut_off: list[str] = field(default_factory=list)
    refused: list[tuple[str, int, str]] = field(default_factory=list)
    enough: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def request(url: str, token: str, body: dict[str, object] | None = None) -> urllib.request.Request:
    return urllib.request.Request(
        url,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="GET" if body is None else "POST",
    )


def add_member(server: WebServer, token: str, group_id: int, name: str, out: Outcomes) -> None:
    body = {
        "group_id": group_id,
        "full_name": name,
        "customer_type": "tenant",
        "started_on": "2026-01-05",
    }
    try:
        with urllib.request.urlopen(
            request(f"{server.url}/api/v1/members/home/members", token, body), timeout=30
        ) as response:
            status, member = response.status, json.loads(response.read())
    except urllib.error.HTTPError as refusal:
        with out.lock:
            out.refused.append((name, refusal.code, refusal.read().decode(errors="replace")))
        return
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError):
        with out.lock:
            out.cut_off.append(name)  # no answer: it may or may not have been saved
        return
    with out.lock:
        if status == 201:
            out.acknowledged[name] = member["id"]
        else:
            out.refused.append((name, status, str(member)))
        if len(out.acknowledged) >= KILL_AFTER:
            out.enough.set()


def test_every_acknowledged_write_survives_the_web_server_killed_mid_way(
    transactional_db: None, tmp_path: Path
) -> None:
    factory = Factory()
    token = factory.token(factory.officer()).plaintext
    group_id = factory.panel().pk
    names = [f"{PREFIX} {n:03}" for n in range(WRITES)]
    out = Outcomes()

    server = WebServer(environment(tmp_path), tmp_path / "server.log").start()
    try:
        with ThreadPoolExecutor(CLIENTS) as clients:
            writes = [
                clients.submit(add_member, server, token, group_id, name, out) for name in names
            ]
            while not out.enough.wait(0.05) and not all(write.done() for write in writes):
                pass
            server.kill()
    finally:
        server.kill()

    assert out.refused == [], out.refused
    assert len(out.acknowledged) >= KILL_AFTER
    assert out.cut_off, "the server was killed after every write had finished"

    restarted = WebServer(environment(tmp_path), tmp_path / "server.log").start()
    try:
        for name, member_id in out.acknowledged.items():
            url = f"{restarted.url}/api/v1/members/home/members/{member_id}"
            with urllib.request.urlopen(request(url, token), timeout=30) as response:
                assert json.loads(response.read())["full_name"] == name
        add_member(restarted, token, group_id, f"{PREFIX} after the restart", out)
        assert f"{PREFIX} after the restart" in out.acknowledged, out.refused
    finally:
        restarted.kill()

    saved = dict(Member.objects.filter(full_name__startswith=PREFIX).values_list("full_name", "pk"))
    assert saved.items() >= out.acknowledged.items()
    assert set(saved) - set(out.acknowledged) <= set(out.cut_off)
    # Nothing half-saved: each member came with its status record and its audit entry.
    ids = list(saved.values())
    assert set(MemberStatus.objects.filter(member__in=ids).values_list("member", flat=True)) == set(
        ids
    )
    audited = AuditEntry.objects.filter(action="member.added", object_type="members.Member")
    assert set(audited.values_list("object_id", flat=True)) >= {str(pk) for pk in ids}
    assert integrity_check() == ["ok"]
