"""The letters rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

Staff pages follow the ladder: anonymous → sign in (API 401), outsider and members → 404,
auditor → 403 on changes. A member downloads only their own letters: another member's
letter answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    PERSONAS,
    SIGN_IN,
    Expected,
    Row,
    api_officers,
    api_readers,
    not_allowed,
    officers,
    readers,
)

API = "/api/v1/letters"


def org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


def letter_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.member_letter().pk}


def api_letter_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "letter_id": factory.member_letter().pk}


def case_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "case": factory.the_case.pk}


def kind_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "kind": "investigation"}


def day_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "day": "2026-11-23"}


def gift_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "gift": factory.gift(factory.member_record).pk}


def resign_kw(factory: Factory) -> dict[str, Any]:
    version = factory.document_version("code_of_conduct")
    return {"org": factory.home.slug, "member": factory.member_record.pk, "version": version.pk}


def mine_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def own_letter_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "letter": factory.member_letter().pk}


def others_letter_kw(factory: Factory) -> dict[str, Any]:
    """The member's own record in the URL, but a letter sent to somebody else."""
    other = factory.member_letter(factory.panel_member())
    return {"member": factory.member_record.pk, "letter": other.pk}


def api_own_letter_kw(factory: Factory) -> dict[str, Any]:
    found = own_letter_kw(factory)
    return {"member": found["member"], "letter_id": found["letter"]}


def api_others_letter_kw(factory: Factory) -> dict[str, Any]:
    found = others_letter_kw(factory)
    return {"member": found["member"], "letter_id": found["letter"]}


def own(ok: Expected, *, api: bool = False) -> dict[str, Expected]:
    answers: dict[str, Expected] = {**dict.fromkeys(PERSONAS, 404)}
    answers["anonymous"] = 401 if api else SIGN_IN
    answers["member"] = ok
    return answers


LETTER_ROWS = [
    Row("letters:list", "GET", readers(), org),
    Row("letters:list", "POST", not_allowed(), org),
    Row("letters:detail", "GET", readers(), letter_kw),
    Row("letters:download", "GET", readers(), letter_kw),
    Row("letters:post_batch", "GET", readers(404), day_kw, note="nothing posted that day"),
    Row(
        "letters:tell_others",
        "POST",
        officers(302),
        letter_kw,
        note="nobody else to tell: back with a message",
    ),
    Row("letters:tell_others", "GET", {**not_allowed(), "auditor": 403}, letter_kw),
    Row("letters:issue", "GET", officers(), case_kw),
    Row("letters:issue", "POST", officers(200), case_kw, note="empty form: errors shown"),
    Row("letters:templates", "GET", readers(), org),
    Row("letters:to_send", "GET", readers(), org),
    Row(
        "letters:send_gift", "POST", officers(302), gift_kw, note="not decided: back with a message"
    ),
    Row("letters:send_gift", "GET", {**not_allowed(), "auditor": 403}, gift_kw),
    Row("letters:send_resign", "POST", officers(302), resign_kw, note="nothing to re-sign"),
    Row("letters:send_resign", "GET", {**not_allowed(), "auditor": 403}, resign_kw),
    Row("letters:edit_template", "GET", officers(), kind_kw),
    Row("letters:edit_template", "POST", officers(200), kind_kw, note="empty form"),
    Row("letters:restore_template", "POST", officers(302), kind_kw),
    Row("letters:restore_template", "GET", {**not_allowed(), "auditor": 403}, kind_kw),
    Row("letters:mine", "GET", own(200), mine_kw),
    Row("letters:my_download", "GET", own(200), own_letter_kw),
    Row("letters:my_letter", "GET", own(200), own_letter_kw),
    Row(
        "letters:my_letter",
        "GET",
        own(404),
        others_letter_kw,
        note="another member's letter: 404, even to the member",
    ),
    Row("letters:my_letter", "POST", own(405), own_letter_kw),
    Row(
        "letters:my_download",
        "GET",
        own(404),
        others_letter_kw,
        note="another member's letter: 404, even to the member",
    ),
    Row(API + "/{org}", "GET", api_readers(), org),
    Row(API + "/{org}/{letter_id}", "GET", api_readers(), api_letter_kw),
    Row(API + "/{org}/{letter_id}/pdf", "GET", api_readers(), api_letter_kw),
    Row(API + "/{org}/issue", "POST", api_officers(422), org, note="no body"),
    Row(API + "/{org}/preview", "POST", api_officers(422), org, note="no body: nothing sent"),
    Row(
        API + "/{org}/{letter_id}/tell-others",
        "POST",
        api_officers(200),
        api_letter_kw,
        note="nobody else to tell: an empty list",
    ),
    Row(API + "/mine/{member}/letters", "GET", own(200, api=True), mine_kw),
    Row(
        API + "/mine/{member}/letters/{letter_id}/pdf", "GET", own(200, api=True), api_own_letter_kw
    ),
    Row(
        API + "/mine/{member}/letters/{letter_id}/pdf",
        "GET",
        own(404, api=True),
        api_others_letter_kw,
        note="another member's letter",
    ),
]
