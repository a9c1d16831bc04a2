"""The template filters write exactly what Django's ``date`` filter wrote before."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template

DAY = dt.date(2026, 9, 4)


def render(text: str, **context: object) -> str:
    return Template(text).render(Context(context))


def test_each_filter_matches_the_date_pattern_it_replaces() -> None:
    for pattern, name in (
        ("j F Y", "day_month_year"),
        ("l j F Y", "long_date"),
        ("j M Y", "short_date"),
    ):
        before = render(f'{{{{ d|date:"{pattern}" }}}}', d=DAY)
        assert render(f"{{{{ d|{name} }}}}", d=DAY) == before


def test_a_date_time_is_written_in_the_local_time_zone_as_before() -> None:
    late = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)  # 1 July, 00:30 in London
    assert render("{{ t|day_month_year }}", t=late) == render('{{ t|date:"j F Y" }}', t=late)
    assert render("{{ t|day_month_year }}", t=late) == "1 July 2026"


def test_a_missing_date_writes_nothing() -> None:
    assert render("{{ d|day_month_year }}", d=None) == ""
    assert render("{{ d|long_date }}") == ""
