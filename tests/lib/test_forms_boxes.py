"""One-line boxes and text areas: drawn by our own templates, exactly as Django's draw them."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from panelkeeper.lib.forms import GovukFormRenderer

WIDGETS = [
    (forms.TextInput(attrs={"class": "govuk-input", "maxlength": 500}), "Tom & <b>Jerry</b>"),
    (forms.TextInput(attrs={"required": True, "disabled": False}), None),
    (forms.TextInput(attrs={"aria-describedby": 'id_a_helptext "b"'}), ""),
    (forms.NumberInput(), 3),
    (forms.EmailInput(), "chair@example.org"),
    (forms.URLInput(), "https://example.org/?a=1&b=2"),
    (forms.ColorInput(), "#ff0000"),
    (forms.SearchInput(), "apologies"),
    (forms.TelInput(), "+44 20 7946 0000"),
    (forms.PasswordInput(render_value=True), "secret"),
    (forms.HiddenInput(), "12"),
    (forms.FileInput(), None),
    (forms.DateInput(), datetime.date(2026, 12, 25)),
    (forms.DateTimeInput(), datetime.datetime(2026, 12, 25, 9, 30)),
    (forms.TimeInput(attrs={"class": "govuk-input govuk-input--error"}), datetime.time(19, 15)),
    (forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}), True),
    (forms.CheckboxInput(), False),
    (
        forms.Textarea(attrs={"rows": 5, "class": "govuk-textarea"}),
        "First line\n<second> & 'third'",
    ),
    (forms.Textarea(), ""),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS)
def test_a_box_is_drawn_exactly_as_djangos_own_templates_draw_it(
    widget: forms.Widget, value: object
) -> None:
    ours = GovukFormRenderer()
    djangos = DjangoTemplates()
    assert widget.render("box", value, renderer=ours) == widget.render(
        "box", value, renderer=djangos
    )


@pytest.mark.parametrize(("widget", "value"), WIDGETS)
def test_a_box_is_drawn_by_one_template_of_our_own(widget: forms.Widget, value: object) -> None:
    template = GovukFormRenderer().get_template(widget.template_name)
    assert template.origin.template_name.startswith("govuk/widgets/")
    assert "{% include" not in template.template.source


def test_a_widget_with_a_template_of_its_own_keeps_it() -> None:
    template = GovukFormRenderer().get_template("django/forms/widgets/clearable_file_input.html")
    assert template.origin.template_name == "django/forms/widgets/clearable_file_input.html"
