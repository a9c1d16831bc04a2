"""The field builders forms share: what each accepts and the error it gives."""

from django import forms

from panelkeeper.lib.forms import optional_line_field


class NameForm(forms.Form):
    name = optional_line_field("Your name", limit=5, what="Your name", hint="Or leave it")


def test_an_optional_line_may_be_left_empty() -> None:
    form = NameForm(data={"name": ""})
    assert form.is_valid()
    assert form.cleaned_data["name"] == ""


def test_an_optional_line_names_itself_in_the_error_when_too_long() -> None:
    form = NameForm(data={"name": "Sam Jones"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Your name must be 5 characters or fewer"]


def test_an_optional_line_carries_its_label_and_hint() -> None:
    field = NameForm().fields["name"]
    assert (field.label, field.help_text, field.required) == ("Your name", "Or leave it", False)
