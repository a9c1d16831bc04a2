"""The attendance form's compact rows offer what the GOV.UK field templates would draw
for each member's fields (MTG-1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from panelkeeper.lib.forms import GovukBoundField
from panelkeeper.meetings.forms import AttendanceForm
from panelkeeper.members.models import Member

MEMBERS = [Member(pk=7, full_name="Ann O'Neil"), Member(pk=8, full_name="Bo <b>Brown</b>")]
INITIAL = {
    "presence_7": "apologies",
    "given_7": dt.date(2026, 3, 27),
    "reason_7": "Ill & away",
    "presence_8": "present",
}


def posted(**fields: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update(fields)
    return data


FORMS = {
    "empty": lambda: AttendanceForm(members=MEMBERS),
    "as recorded": lambda: AttendanceForm(members=MEMBERS, initial=INITIAL),
    "as posted": lambda: AttendanceForm(
        posted(
            presence_7="absent",
            presence_8="nonsense",
            given_8_day="31",
            given_8_month="2",
            given_8_year="2026",
        ),
        members=MEMBERS,
        initial=INITIAL,
    ),
}


@pytest.mark.parametrize("made", FORMS.values(), ids=FORMS.keys())
def test_each_row_offers_the_radios_the_field_template_draws_mtg_1(made: object) -> None:
    form = made()  # type: ignore[operator]  # (each a form's maker)
    form.is_valid()
    for member, row in zip(MEMBERS, form.rows(), strict=True):
        presence = form[f"presence_{member.pk}"]
        assert isinstance(presence, GovukBoundField)
        drawn = [
            {k: v for k, v in option.items() if k != "disabled"} for option in presence.options
        ]
        assert row["presence"]["options"] == drawn


def test_a_row_shows_the_presence_recorded_and_the_date_given_mtg_1() -> None:
    row = AttendanceForm(members=MEMBERS, initial=INITIAL).rows()[0]
    assert [o["value"] for o in row["presence"]["options"] if o["checked"]] == ["apologies"]
    assert [row[part]["value"] for part in ("day", "month", "year")] == ["27", "3", "2026"]
    assert row["year"] == {
        "id": "id_given_7_year",
        "name": "given_7_year",
        "value": "2026",
        "error": False,
    }


def test_only_the_box_at_fault_is_marked_in_error() -> None:
    form = FORMS["as posted"]()
    assert not form.is_valid()
    html = render_to_string("meetings/_attendance_rows.html", {"form": form})
    assert 'govuk-input--width-2 govuk-input--error" id="id_given_8_day"' in html
    assert 'govuk-input--width-2" id="id_given_8_month" name="given_8_month"' in html
    assert 'govuk-input--width-4" id="id_given_8_year" name="given_8_year"' in html
    assert 'id="id_given_7_day" name="given_7_day" type="text" inputmode="numeric" value=""' in html
    assert ">Bo &lt;b&gt;Brown&lt;/b&gt;</legend>" in html
