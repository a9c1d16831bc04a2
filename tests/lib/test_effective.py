"""The one check that a date something took effect is not in the future."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.lib.effective import future_date, refuse_future
from panelkeeper.lib.refusals import VALIDATION, Refused

TODAY = dt.date(2026, 11, 23)


def test_today_and_earlier_are_accepted() -> None:
    assert future_date(TODAY, today=TODAY, what="The date signed") is None
    assert future_date(dt.date(2020, 2, 29), today=TODAY, what="The date signed") is None


def test_a_later_date_is_refused_with_what_to_write() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    assert (
        future_date(tomorrow, today=TODAY, what="The date signed")
        == "The date signed must be today or in the past"
    )
    assert (
        future_date(tomorrow, today=TODAY, what="The date it took effect", name_it=True)
        == "The date it took effect must be today or in the past, not 24 November 2026"
    )


def test_refuse_future_refuses_a_later_date_on_its_field_as_a_sentence() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    refuse_future(TODAY, TODAY, what="The date paid", field="paid_on")
    with pytest.raises(Refused) as refused:
        refuse_future(tomorrow, TODAY, what="The date paid", field="paid_on")
    assert refused.value.message == "The date paid must be today or in the past."
    assert (refused.value.field, refused.value.rule) == ("paid_on", VALIDATION)


def test_refuse_future_keeps_the_callers_rule_and_may_leave_out_the_full_stop() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    with pytest.raises(Refused) as refused:
        refuse_future(
            tomorrow, TODAY, what="The date", field="on", rule="BR-8", name_it=True, full_stop=False
        )
    assert refused.value.message == "The date must be today or in the past, not 24 November 2026"
    assert refused.value.rule == "BR-8"
