"""Render any Django form as GOV.UK Frontend markup, so no form needs HTML of its own.

Set `FORM_RENDERER = "panelkeeper.lib.forms.GovukFormRenderer"`. Then `{{ form }}` renders
every field in a GOV.UK form group: label (or legend), hint from `help_text`, error message
with a visually hidden "Error:", `aria-describedby` naming the hint and the error, and the
error modifier classes. Radio and checkbox choices become GOV.UK radios and checkboxes, and
`panelkeeper.lib.widgets.GovukDateInput` becomes the GOV.UK date input.

A page with a form puts `{% include "govuk/_error_summary.html" %}` above its `<h1>`; the
summary links each error to the field's first box (`GovukBoundField.first_input_id`).
Messages come from each form's fields, written in GOV.UK's voice ("Enter the date of the
meeting"), never from the renderer.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.forms.boundfield import BoundField
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.forms.widgets import Input
from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.utils.safestring import SafeString

from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.widgets import PARTS, GovukDateInput

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from panelkeeper.organisations.models import Organisation

# The GOV.UK class each kind of text control takes; its error modifier adds "--error".
_CONTROL_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.Textarea, "govuk-textarea"),
    (forms.Select, "govuk-select"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (Input, "govuk-input"),
]


# The GOV.UK component each kind of widget is drawn as, the first match winning (Django's
# CheckboxSelectMultiple is a RadioSelect, so it comes first). Any other visible widget
# is a text input.
_KINDS: list[tuple[type[forms.Widget], str]] = [
    (GovukDateInput, "date"),
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Select, "select"),
    (forms.Textarea, "textarea"),
    (forms.FileInput, "file"),
]


class GovukBoundField(BoundField):
    """A bound field that knows which GOV.UK component draws it and the ids it uses.

    The ids of the hint and the error are Django's own (`<id>_helptext`, `<id>_error`), so
    the `aria-describedby` Django puts on a single control and the one this field puts on a
    fieldset name the same elements the templates draw.
    """

    @cached_property
    def govuk_kind(self) -> str:
        """One of: hidden, date, radios, checkboxes, checkbox, select, textarea, file, input."""
        widget = self.field.widget
        if widget.is_hidden:
            return "hidden"
        kinds = (kind for widget_class, kind in _KINDS if isinstance(widget, widget_class))
        return next(kinds, "input")

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}_helptext" if self.auto_id else ""

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}_error" if self.auto_id else ""

    @property
    def first_input_id(self) -> str:
        """The id an error summary links to: the first radio, checkbox or day box, else the box."""
        if self.govuk_kind in ("radios", "checkboxes"):
            options = self.subwidgets
            return str(options[0].id_for_label) if options else self.auto_id
        return self.id_for_label

    @property
    def error_parts(self) -> list[str]:
        """For a date, the boxes to mark in error: those the error names, or all three."""
        parts: list[str] = []
        for error in self.form.errors.as_data().get(self.name, []):
            named = (error.params or {}).get("parts")
            parts.extend(named if named else PARTS)
        return [part for part in PARTS if part in parts]

    @property
    def options(self) -> list[dict[str, Any]]:
        """Each radio or checkbox as id, name, value, label (texts already escaped) and
        whether it is chosen."""
        return [
            {
                "id": escaped(option.data["attrs"].get("id", "")),
                "name": escaped(option.data["name"]),
                "value": escaped(option.data["value"]),
                "label": escaped(option.choice_label),
                "checked": option.data["selected"],
                "disabled": bool(option.data["attrs"].get("disabled")),
            }
            for option in self.subwidgets
        ]

    def control(self) -> SafeString:
        """The control itself, with GOV.UK classes, for the kinds drawn by Django's widgets."""
        attrs: dict[str, Any] = {}
        if self.govuk_kind == "date":
            attrs["data-error-parts"] = " ".join(self.error_parts)
        else:
            attrs["class"] = self._control_class()
        return self.as_widget(attrs=attrs)

    def _control_class(self) -> str:
        widget = self.field.widget
        classes = [widget.attrs.get("class", "")]
        if self.govuk_kind == "checkbox":
            # A lone checkbox shows its error on the group, not with a modifier of its own.
            return " ".join(c for c in [*classes, "govuk-checkboxes__input"] if c)
        for widget_type, css_class in _CONTROL_CLASSES:
            if isinstance(widget, widget_type):
                classes.append(css_class)
                if self.errors:
                    classes.append(f"{css_class}--error")
                break
        return " ".join(c for c in classes if c)


# Django draws each of these boxes through three templates (text.html includes input.html,
# which includes attrs.html); ours draw the same markup in one, which a page of boxes feels.
_OWN_TEMPLATES = {
    **dict.fromkeys(
        (
            widget.template_name
            for widget in (
                forms.TextInput,
                forms.NumberInput,
                forms.EmailInput,
                forms.URLInput,
                forms.ColorInput,
                forms.SearchInput,
                forms.TelInput,
                forms.PasswordInput,
                forms.HiddenInput,
                forms.FileInput,
                forms.DateInput,
                forms.DateTimeInput,
                forms.TimeInput,
                forms.CheckboxInput,
            )
        ),
        "govuk/widgets/input.html",
    ),
    forms.Textarea.template_name: "govuk/widgets/textarea.html",
}


class GovukFormRenderer(TemplatesSetting):
    """Draws forms with templates/govuk/forms/ and binds every field as a `GovukBoundField`.

    Templates come from the project's template settings, so `templates/govuk/` is found;
    one-line boxes and text areas are drawn by `templates/govuk/widgets/`, with the markup
    Django's own templates give them, and Django's other widget templates, which those
    settings do not list, come from Django's built-in form templates.
    """

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField

    @cached_property
    def _builtin(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        template_name = _OWN_TEMPLATES.get(template_name, template_name)
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self._builtin.get_template(template_name)


def escaped(value: Any) -> Any:
    """A text escaped as a template escapes it, anything else as it is.

    For values a template draws many times over (every option of every radio group on a
    page): escaped once here, the template draws them as they are, without passing each
    through Django's escaping again, which is most of the cost of drawing a plain value.
    """
    if not isinstance(value, str) or isinstance(value, SafeString):
        return value
    # Most are names and ids (letters, digits and underscores), which escape to themselves.
    return SafeString(value if value.isidentifier() else html.escape(value))


# -- binding a form to a request and an organisation -------------------------------


def bound(request: HttpRequest) -> dict[str, Any]:
    """Keyword arguments binding a form to a POST (even an empty one), or none for a GET."""
    if request.method == "POST":
        return {"data": request.POST, "files": request.FILES}
    return {}


def add_refusal(
    form: forms.Form,
    refusal: Refused,
    *,
    show_rule: bool = False,
    renamed: dict[str, str] | None = None,
) -> None:
    """Show a domain refusal on the field it concerns, or above the form.

    ``renamed`` maps a domain function's field name to the form's where they differ;
    ``show_rule`` adds the rule the refusal applies, "(BR-10)", as the case pages do.
    """
    field = (renamed or {}).get(refusal.field or "", refusal.field)
    field = field if field in form.fields else None
    form.add_error(field, f"{refusal.message} ({refusal.rule})" if show_rule else refusal.message)


def form_result[T](
    request: HttpRequest,
    form: forms.Form,
    change: Callable[[], T],
    *,
    show_rule: bool = False,
    renamed: dict[str, str] | None = None,
) -> T | None:
    """What ``change`` (a domain function call) returned for a POSTed, valid ``form``.

    ``None`` for a GET, an invalid form or a refusal (then on the form, through
    :func:`add_refusal`), so the page is shown again. For a view whose redirect or message
    needs the record the change made::

        expense = form_result(request, form, lambda: submit_expense(member=m, ...))
        if expense is not None:
            messages.success(request, f"{expense} submitted")
            return redirect(...)
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return change()
    except Refused as refused:
        add_refusal(form, refused, show_rule=show_rule, renamed=renamed)
        return None


def form_applied(request: HttpRequest, form: forms.Form, change: Callable[[], object]) -> bool:
    """Whether a POSTed, valid ``form`` was applied by ``change`` (a domain function call).

    As :func:`form_result`, for a change whose result the view does not need::

        form = PaperForm(**bound(request))
        if form_applied(request, form, lambda: attach_paper(meeting=m, **form.cleaned_data)):
            return redirect(...)
        return render(...)
    """

    def applied() -> bool:
        change()
        return True

    return form_result(request, form, applied) is not None


def button_change[T](
    request: HttpRequest, change: Callable[[], T], *, done: str | None = None
) -> T | None:
    """Apply ``change`` (a domain function call) from a button that posts no form of its
    own, and say how it went on the page the caller redirects to: ``done`` as a success
    message, or the refusal's own message. ``None`` when it was refused.
    """
    try:
        result = change()
    except Refused as refused:
        messages.error(request, refused.message)
        return None
    if done:
        messages.success(request, done)
    return result


# -- forms whose choices are known only when they are built ------------------------


class ChoosingForm(forms.Form):
    """A form some of whose choices are known only when it is built (the code in force, an
    organisation's people); these set them on fields declared as choice fields."""

    def offer(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        """Offer ``choices`` in the choice field ``name``."""
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField), f"{name} is declared as a choice field"
        field.choices = choices

    def offer_only(self, name: str, queryset: QuerySet[Any]) -> None:
        """Offer only the rows of ``queryset`` in the model choice field ``name``."""
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField), f"{name} chooses a model"
        field.iterator = ReadOnce
        field.queryset = queryset


class ReadOnce(ModelChoiceIterator[Any]):
    """A model choice field's choices read with one plain query and kept for the life of
    its form (one request). Django's own reads them through a server-side cursor each
    time the field is drawn: three round trips to PostgreSQL instead of one."""

    def __iter__(self) -> Iterator[tuple[ModelChoiceIteratorValue | str, str]]:
        if self.field.empty_label is not None:
            yield ("", str(self.field.empty_label))
        for row in self.queryset:
            yield self.choice(row)


def radios_field(
    label: str,
    *,
    missing: str,
    choices: Sequence[tuple[str, str]] | Callable[[], Sequence[tuple[str, str]]] = (),
    hint: str = "",
    initial: str | None = None,
) -> forms.ChoiceField:
    """A question answered by choosing one radio; ``missing`` is the error when none is.
    ``choices`` may be a function, read each time the form is drawn; choices known only
    when the form is built are set by :meth:`ChoosingForm.offer`."""
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        initial=initial,
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )


def line_field(label: str, *, limit: int, missing: str, hint: str = "") -> forms.CharField:
    """A line of text of at most ``limit`` characters; ``missing`` is the error when empty."""
    return forms.CharField(
        label=label, help_text=hint, max_length=limit, error_messages={"required": missing}
    )


def optional_line_field(label: str, *, limit: int, what: str, hint: str = "") -> forms.CharField:
    """A line of text that may be left empty, of at most ``limit`` characters; ``what``
    names it in the error."""
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=limit,
        error_messages={"max_length": f"{what} must be {limit:,} characters or fewer"},
    )


def text_field(
    label: str, *, rows: int, limit: int, missing: str, what: str, hint: str = ""
) -> forms.CharField:
    """A box of text of at most ``limit`` characters; ``what`` names it in the error."""
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=limit,
        error_messages={
            "required": missing,
            "max_length": f"{what} must be {limit:,} characters or fewer",
        },
    )


class OrganisationForm(ChoosingForm):
    """A form whose choices come from one organisation, given as ``organisation=``.

    Subclasses narrow their querysets in :meth:`for_organisation`, so no form reads the
    request and every one is built the same way:
    ``SomeForm(**bound(request), organisation=request.organisation)``.
    """

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.for_organisation(organisation)

    def for_organisation(self, organisation: Organisation) -> None:
        """Limit the form's choices to ``organisation``; nothing to limit by default."""
