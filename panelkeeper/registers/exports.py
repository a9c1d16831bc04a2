"""Files of the registers (CSV, and PDF for the Board), built at once or by a task.

A register of up to :data:`CSV_AT_ONCE` rows (:data:`PDF_AT_ONCE` for a PDF) is
downloaded straight from its page. A longer
one is built by :func:`build_export`, a task enqueued when the transaction that asks for
it commits: the page says the file is being prepared and offers it once it is ready.
The file is kept on the default storage under a name no one can guess, served only to
the organisation's staff who may read the register, and removed with its row by the
daily job :func:`remove_old_exports` once :data:`KEPT_DAYS` have passed.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from panelkeeper.audit.log import create_recorded
from panelkeeper.core.daily import run_once
from panelkeeper.lib.downloads import CSV, PDF
from panelkeeper.lib.filters import bound_filters, refusal
from panelkeeper.lib.forms import OrganisationForm
from panelkeeper.lib.pdf import render_pdf
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.stored_files import delete_after_commit
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.list_forms import GiftFilterForm, InterestFilterForm, filter_data
from panelkeeper.registers.listing import (
    Filters,
    gift_lines,
    gift_register,
    gifts_csv,
    interest_register,
    interests_csv,
)
from panelkeeper.registers.models import Export, ExportKind, ExportState

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

logger = logging.getLogger(__name__)

CSV_AT_ONCE = 5000
PDF_AT_ONCE = 100
"""The most rows a register's CSV, or PDF, is built for in the request that asks for it.

Measured on a 2-core server: WeasyPrint takes about 12 ms of CPU a row (6 s for 500
rows), a CSV about 0.06 ms; at these lengths either is done in about a second, and
anything longer would hold a web worker too long, so it goes to a task."""

KEPT_DAYS = 3
"""Days an export's file is kept after it was asked for: long enough to download it
after a weekend, short enough that copies of people's declarations do not linger."""


@dataclass(frozen=True)
class ListFile:
    """How to build one kind of export: the list's filter ``form``, its ``rows`` for the
    filters on a day, the file's bytes from those rows, its name and content type, and
    the page (URL name) of the list it is a copy of."""

    form: type[OrganisationForm]
    rows: Callable[[Organisation, Filters, dt.date], QuerySet[Any]]
    render: Callable[[Organisation, QuerySet[Any], dt.date], bytes]
    name: str
    content_type: str
    page: str

    def file_name(self, organisation: Organisation) -> str:
        return f"{organisation.slug}-{self.name}"

    @property
    def at_once(self) -> int:
        """The most rows this file is built for in the request that asks for it."""
        return PDF_AT_ONCE if self.content_type == PDF else CSV_AT_ONCE


def _interests(organisation: Organisation, filters: Filters, today: dt.date) -> QuerySet[Any]:
    return interest_register(organisation, filters, today=today)


def _gifts(organisation: Organisation, filters: Filters, today: dt.date) -> QuerySet[Any]:
    return gift_register(organisation, filters)


def _csv(write: Callable[[QuerySet[Any]], str]) -> Callable[..., bytes]:
    """CSV with a byte order mark, so spreadsheets read accented names as UTF-8."""
    return lambda organisation, rows, today: write(rows).encode("utf-8-sig")


def _pdf(template: str, rows_as: str, lines: Callable[[Any], Any] = list) -> Callable[..., bytes]:
    def render(organisation: Organisation, rows: QuerySet[Any], today: dt.date) -> bytes:
        context = {"organisation": organisation, rows_as: lines(rows), "today": today}
        return render_pdf(render_to_string(template, context), tagged=True)

    return render


INTERESTS, GIFTS = "register-of-interests", "gifts-and-hospitality"
FILES: dict[str, ListFile] = {
    ExportKind.INTERESTS_CSV: ListFile(
        InterestFilterForm,
        _interests,
        _csv(interests_csv),
        f"{INTERESTS}.csv",
        CSV,
        "registers:interests",
    ),
    ExportKind.INTERESTS_PDF: ListFile(
        InterestFilterForm,
        _interests,
        _pdf("registers/pdf_interests.html", "interests"),
        f"{INTERESTS}.pdf",
        PDF,
        "registers:interests",
    ),
    ExportKind.GIFTS_CSV: ListFile(
        GiftFilterForm, _gifts, _csv(gifts_csv), f"{GIFTS}.csv", CSV, "registers:gifts"
    ),
    ExportKind.GIFTS_PDF: ListFile(
        GiftFilterForm,
        _gifts,
        _pdf("registers/pdf_gifts.html", "lines", gift_lines),
        f"{GIFTS}.pdf",
        PDF,
        "registers:gifts",
    ),
}


def stored_file(export: Export) -> FileResponse | None:
    """The export's file as a download, or None while it is not ready."""
    if export.state != ExportState.READY or not default_storage.exists(export.stored_as):
        return None
    spec = FILES[export.kind]
    return FileResponse(
        default_storage.open(export.stored_as, "rb"),
        as_attachment=True,
        filename=spec.file_name(export.organisation),
        content_type=spec.content_type,
    )


def expires_on(export: Export) -> dt.date:
    """The last day the export's file may be downloaded."""
    return timezone.localdate(export.requested_at) + dt.timedelta(days=KEPT_DAYS)


def start_export(
    *, organisation: Organisation, kind: str, data: Mapping[str, Any], actor: User
) -> Export:
    """Ask for a file of a register with the filters in ``data`` (as the list's filter
    form takes them); it is built by a task once this transaction commits.

    Refuses an unknown kind and filters the list's form does not accept."""
    if kind not in FILES:
        raise Refused("Choose CSV or PDF.", field="format")
    form, _ = bound_filters(FILES[kind].form, data, organisation=organisation)
    if not form.is_valid():
        raise refusal(form)
    extension = FILES[kind].name.rsplit(".", 1)[1]
    with transaction.atomic():
        export = create_recorded(
            Export,
            organisation=organisation,
            actor=actor,
            action="register.exported",
            logged={"kind": kind, "filters": filter_data(form)},
            stored_as=f"exports/{secrets.token_urlsafe(32)}.{extension}",
            requested_at=timezone.now(),
            requested_by=actor,
        )
        transaction.on_commit(functools.partial(build_export.enqueue, export.pk), robust=True)
    return export


def build(export_id: int, *, today: dt.date) -> bool:
    """Build the export's file unless it is built already; True if it was built now.

    The file is rendered outside any transaction (a long PDF would otherwise hold the
    database's write lock on SQLite), then saved and marked ready in a short one that
    first checks no other run got there before: run twice, the second does nothing.
    A list that cannot be built marks the export failed, so its page says so rather
    than preparing for ever."""
    waiting = Export.objects.filter(pk=export_id, state=ExportState.PREPARING)
    export = waiting.select_related("organisation").first()
    if export is None:
        return False
    spec, organisation = FILES[export.kind], export.organisation
    _, filters = bound_filters(spec.form, export.filters, organisation=organisation)
    rows = spec.rows(organisation, filters, today)
    try:
        content, count = spec.render(organisation, rows, today), rows.count()
    except Exception:
        logger.exception("Export %s could not be built", export.pk)
        waiting.update(state=ExportState.FAILED)
        return False
    with transaction.atomic():
        if not waiting.select_for_update().exists():
            return False
        if default_storage.exists(export.stored_as):
            default_storage.delete(export.stored_as)
        stored = default_storage.save(export.stored_as, ContentFile(content))
        waiting.update(
            stored_as=stored, state=ExportState.READY, rows=count, ready_at=timezone.now()
        )
    return True


@task()
def build_export(export_id: int) -> bool:
    """Build one export's file (see :func:`build`)."""
    return build(export_id, today=timezone.localdate())


def remove_old(today: dt.date) -> dict[str, int]:
    """Delete the exports asked for more than :data:`KEPT_DAYS` before ``today``, and
    their files once the rows are gone."""
    cutoff = today - dt.timedelta(days=KEPT_DAYS)
    with transaction.atomic():
        old = Export.objects.filter(requested_at__date__lt=cutoff)
        names = list(old.values_list("stored_as", flat=True))
        old.delete()
        delete_after_commit(names)
    return {"removed": len(names)}


@task()
def remove_old_exports(day: str) -> bool:
    """The daily job: remove the exports past their days (see :func:`remove_old`)."""
    return run_once("remove_old_exports", day, lambda: remove_old(dt.date.fromisoformat(day)))
