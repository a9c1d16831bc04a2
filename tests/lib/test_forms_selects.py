"""Selects: drawn as Django draws them, and a model's choices read with one query; texts
escaped once drawn as the template would draw them."""

import pytest
from django import forms
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from django.utils.safestring import mark_safe

from panelkeeper.lib.forms import ChoosingForm, GovukFormRenderer, escaped
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


@pytest.mark.parametrize(
    "text", ["id_presence_12_0", "Absent without apologies", "Tom & <b>Jerry</b>", "'\"", ""]
)
def test_a_text_escaped_once_draws_as_the_template_would_draw_it(text: str) -> None:
    source = "{{ value }}"
    drawn = engines["django"].from_string(source).render({"value": text})
    assert engines["django"].from_string(source).render({"value": escaped(text)}) == drawn
    assert escaped(text) == escape(text)


def test_only_plain_texts_are_escaped_once() -> None:
    marked = mark_safe("<b>kept</b>")
    assert escaped(marked) is marked
    assert escaped(None) is None and escaped(3) == 3


def test_a_radio_label_with_markup_in_it_is_still_escaped() -> None:
    class Choice(forms.Form):
        pick = forms.ChoiceField(choices=[("a", "A & <b>"), ("b", "B")], widget=forms.RadioSelect)

    html = str(Choice())
    assert ">A &amp; &lt;b&gt;</label>" in html
    assert 'id="id_pick_0" name="pick" type="radio" value="a"' in html
