"""Selects: drawn as Django draws them, and a model's choices read with one query."""

import pytest
from django import forms
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.test.utils import CaptureQueriesContext

from panelkeeper.lib.forms import ChoosingForm, GovukFormRenderer
from panelkeeper.organisations.models import Group
from tests.factory import Factory

WIDGETS = [
    (forms.Select(choices=[("", "Any"), ("a", "A & <b>"), (1, "One")]), "a"),
    (forms.Select(choices=[("", "Any"), ("a", "A")], attrs={"class": "govuk-select"}), None),
    (forms.SelectMultiple(choices=[("Letters", [("a", "A"), ("b", "B")]), ("c", "C")]), ["a", "c"]),
    (forms.NullBooleanSelect(attrs={"disabled": True, "hidden": False}), True),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS)
def test_a_select_is_drawn_exactly_as_djangos_own_templates_draw_it(
    widget: forms.Widget, value: object
) -> None:
    ours = widget.render("choice", value, renderer=GovukFormRenderer())
    djangos = widget.render("choice", value, renderer=DjangoTemplates())
    assert ours == djangos
    assert "<option" in ours


class GroupForm(ChoosingForm):
    group = forms.ModelChoiceField(queryset=Group.objects.none(), empty_label="All groups")


@pytest.mark.django_db
def test_a_model_choice_offered_reads_its_rows_once_in_one_query() -> None:
    org = Factory().organisation()
    Group.objects.create(organisation=org, name="Scrutiny panel")
    form = GroupForm()
    form.offer_only("group", Group.objects.filter(organisation=org).order_by("name"))
    with CaptureQueriesContext(connection) as drawn:
        first, again = str(form["group"]), str(form["group"])
    assert len(drawn) == 1
    assert first == again
    assert ">All groups</option>" in first and ">Scrutiny panel</option>" in first
