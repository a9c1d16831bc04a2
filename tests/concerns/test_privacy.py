"""Nothing about the client is kept, and the receipt code only as a keyed hash.

Requests come from a distinctive address and user agent; afterwards every text column
of every table is searched for them, for plain (unkeyed) hashes of them, and for the
receipt code and its plain hashes. The database cache may hold the rate-limit counts,
whose keys are keyed hashes that expire within the hour, and nothing else about the
client (DESIGN.md, Confidentiality by design).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from panelkeeper.concerns.models import Concern
from tests.concerns.conftest import report_data
from tests.factory import Factory

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.199"
AGENT = "Mozilla/5.0 (X11; Probe) PanelkeeperPrivacyProbe/9.9.1"
CODE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}\b")


def plain_hashes(value: str) -> set[str]:
    """Unkeyed derivatives an implementation might store in place of ``value``."""
    forms = {value, value.lower(), value.replace("-", ""), value.replace("-", "").lower()}
    return {
        getattr(hashlib, name)(form.encode()).hexdigest()
        for name in ("sha256", "sha1", "md5", "sha512")
        for form in forms
    }


def every_text_value() -> Iterator[tuple[str, str, str]]:
    """(table, column, text) for every non-null value of every table, decoded where stored
    encoded: cache entries (base64 pickles) and sessions (signed JSON) are read in full."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            names = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for name, value in zip(names, row, strict=True):
                    if value is None:
                        continue
                    if isinstance(value, (bytes, memoryview)):
                        value = bytes(value).decode("latin-1")
                    text = str(value)
                    yield table, name, text
                    if table == settings.CACHES["default"]["LOCATION"] and name == "value":
                        yield table, name, base64.b64decode(text).decode("latin-1")
                    if table == "django_session" and name == "session_data":
                        yield table, name, json.dumps(SessionStore().decode(text))


def drive_every_public_journey(factory: Factory) -> str:
    """Raise, fail and pass the code, message, use the API; return the receipt code."""
    factory.code_in_force("thirteen")
    headers = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": FORWARDED}
    client = Client(**headers)
    raise_url = reverse("concerns:raise", kwargs={"org": "home"})
    follow = reverse("concerns:follow_up", kwargs={"org": "home"})
    client.get(raise_url)
    client.post(raise_url, report_data(what_happened=""))
    sent = client.post(raise_url, report_data(), follow=True)
    code = CODE.search(sent.text)
    assert code is not None
    client.post(follow, {"code": "7KQ2-M9XD-4TPB-HC3R"})
    client.post(follow, {"code": code.group()})
    client.get(follow)
    client.post(reverse("concerns:follow_up_message", kwargs={"org": "home"}), {"body": "More."})
    with override_settings(BEHIND_PROXY=True):
        client.post(follow, {"code": "0000-0000-0000-0000"})
        client.post(raise_url, report_data(anonymous="no", reporter_name="R", reporter_contact="r"))
    api = "/api/v1/concerns/home"
    body = {
        "what_happened": "Was rude online.",
        "happened_on": "2026-11-10",
        "setting": "online",
        "reporter_kind": "staff",
        "anonymous": True,
    }
    client.post(api, body, content_type="application/json")
    client.post(
        api + "/follow-up", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ"}, content_type="application/json"
    )
    client.post(api + "/follow-up", {"code": code.group()}, content_type="application/json")
    assert Concern.objects.count() == 3
    return code.group()


def test_no_address_user_agent_or_plain_hash_of_them_is_stored_anywhere(
    factory: Factory,
) -> None:
    drive_every_public_journey(factory)
    forbidden = {ADDRESS, FORWARDED, AGENT, "PanelkeeperPrivacyProbe"}
    for secret in (ADDRESS, FORWARDED, AGENT, f"home:{ADDRESS}", f"home:{FORWARDED}"):
        forbidden |= plain_hashes(secret)
    found = [
        f"{table}.{column}"
        for table, column, text in every_text_value()
        for needle in forbidden
        if needle in text
    ]
    assert found == []


def test_the_rate_limit_cache_holds_only_keyed_hashes_that_expire_within_the_hour(
    factory: Factory,
) -> None:
    drive_every_public_journey(factory)
    table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
    in_an_hour = connection.ops.adapt_datetimefield_value(timezone.now() + dt.timedelta(hours=1))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key LIKE %s", ["%concerns:%"])
        keys = [key for (key,) in cursor.fetchall()]
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE cache_key LIKE %s AND expires > %s",
            ["%concerns:%", in_an_hour],
        )
        (later,) = cursor.fetchone()
    assert {key.split(":")[3] for key in keys} == {"submit", "code", "message"}, (
        "the limits were counted"
    )
    for key in keys:
        assert re.fullmatch(r":\d+:concerns:(submit|code|message):[0-9a-f]{64}", key), key
    assert later == 0


def test_the_receipt_code_is_stored_nowhere_plain_or_under_a_plain_hash(factory: Factory) -> None:
    code = drive_every_public_journey(factory)
    needles = plain_hashes(code) | {code, code.replace("-", "")}
    found = [
        f"{table}.{column}"
        for table, column, text in every_text_value()
        for needle in needles
        if needle in text
    ]
    assert found == []
    stored = Concern.objects.exclude(receipt_digest=None).values_list("receipt_digest", flat=True)
    assert len(stored) == 2 and all(len(value) == 64 for value in stored)
