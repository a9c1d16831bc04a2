"""The wording of each kind of letter: the organisation's own, or ours by default.

Default wording lives in ``templates/letters/defaults/<kind>.txt``: a ``Subject:`` line,
a blank line, then the body. Officers may replace either for their organisation; what
they save is checked against the kind's placeholders first, so an unknown name is
refused with its name and nothing is half-saved.

The wording stops before the close: every letter ends with "Yours sincerely," and the
name and job title of who signs it, added by the letter's frame. A close that an
organisation's own wording still carries is left out (:func:`without_closing`), so no
letter is signed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.letters.kinds import LetterKind, placeholders
from panelkeeper.letters.models import LetterTemplate
from panelkeeper.letters.placeholders import check
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class Wording:
    subject: str
    body: str
    own: bool
    """True when the organisation has its own wording for this kind."""


# "Yours sincerely," (or faithfully, truly), then at most a few short lines to the end.
_CLOSING = re.compile(
    r"\n[ \t]*yours[ \t]+(?:sincerely|faithfully|truly)\b[^\n]*(?:\n[^\n]*){0,6}\Z", re.I
)


def without_closing(body: str) -> str:
    """``body`` without a close of its own at its end ("Yours sincerely," and a name)."""
    return _CLOSING.sub("\n", "\n" + body.rstrip()).strip() + "\n"


def defaults_dir() -> Path:
    return Path(settings.BASE_DIR) / "templates" / "letters" / "defaults"


@cache
def default_wording(kind: str) -> Wording:
    text = (defaults_dir() / f"{LetterKind(kind).value}.txt").read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    assert first.startswith("Subject: "), f"{kind}.txt must start with a Subject: line"
    return Wording(first.removeprefix("Subject: ").strip(), body.strip() + "\n", own=False)


def wording_for(organisation: Organisation, kind: str) -> Wording:
    own = LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()
    if own is None:
        return default_wording(kind)
    return Wording(own.subject, own.body, own=True)


class WordingProblem(Refused):
    """A subject or wording that cannot be saved, on the ``field`` at fault.

    Caught apart by the wording page: its message goes on the subject or body box, while
    any other refusal there (a preview that cannot be drawn) goes on the case box.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)
        self.field: str = field


def check_wording(kind: str, subject: str, body: str) -> None:
    """Raise :class:`WordingProblem` on the field with an unknown placeholder or stray brace."""
    allowed = placeholders(kind)
    for field, text in (("subject", subject), ("body", body)):
        if not text.strip():
            what = "a subject" if field == "subject" else "the wording of the letter"
            raise WordingProblem(field, f"Enter {what}")
        try:
            check(text, allowed)
        except Refused as problem:
            raise WordingProblem(field, problem.message) from None


def save_wording(
    *, organisation: Organisation, kind: str, subject: str, body: str, actor: User | None
) -> LetterTemplate:
    """Save the organisation's own wording for ``kind`` once it is checked."""
    subject = " ".join(subject.split())
    body = body.replace("\r\n", "\n").strip() + "\n"
    check_wording(kind, subject, body)
    with transaction.atomic():
        template, _ = LetterTemplate.objects.update_or_create(
            organisation=organisation,
            kind=kind,
            defaults={
                "subject": subject,
                "body": body,
                "updated_at": timezone.now(),
                "updated_by": actor,
            },
        )
        _record_wording(template, action="letter_template.saved", actor=actor)
    return template


def restore_default(*, organisation: Organisation, kind: str, actor: User | None) -> None:
    """Go back to the default wording for ``kind``."""
    with transaction.atomic():
        template = LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()
        if template is None:
            return
        _record_wording(template, action="letter_template.restored", actor=actor)
        template.delete()


def _record_wording(template: LetterTemplate, *, action: str, actor: User | None) -> None:
    """Audit ``action`` on an organisation's own wording, which is its subject and body."""
    record(
        actor=actor,
        organisation=template.organisation,
        action=action,
        obj=template,
        fields=["subject", "body"],
    )
