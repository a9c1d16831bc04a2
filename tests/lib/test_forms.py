"""GovukFormRenderer draws any Django form as GOV.UK markup, errors and all."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.http import QueryDict
from django.template import engines
from django.test import override_settings

RENDERER = "panelkeeper.lib.forms.GovukFormRenderer"


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], position: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.position = position
        self.text = ""

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class Page(HTMLParser):
    """Every element of a page, in document order, with the text directly inside it."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, len(self.elements))
        self.elements.append(element)
        if tag not in ("input", "br", "meta", "link", "img"):
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data

    def by_id(self, id_: str) -> Element:
        matches = [e for e in self.elements if e.attrs.get("id") == id_]
        assert len(matches) == 1, f"expected one element with id {id_!r}, found {len(matches)}"
        return matches[0]

    def with_class(self, css_class: str) -> list[Element]:
        return [e for e in self.elements if css_class in e.classes]

    def tags(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


def meeting_form(query: str | None) -> forms.Form:
    """The form bound to a query string as a browser would post it, or unbound for None."""
    from panelkeeper.lib.widgets import GovukDateField

    class MeetingForm(forms.Form):
        title = forms.CharField(
            label="Title of the meeting",
            help_text="For example, Quarterly scrutiny review",
            error_messages={"required": "Enter the title of the meeting"},
        )
        notes = forms.CharField(
            label="Notes",
            widget=forms.Textarea,
            error_messages={"required": "Enter notes about the meeting"},
        )
        venue = forms.ChoiceField(
            label="Venue",
            choices=[("", "Choose a venue"), ("office", "Head office"), ("online", "Online")],
            error_messages={"required": "Select the venue"},
        )
        kind = forms.ChoiceField(
            label="Kind of meeting",
            widget=forms.RadioSelect,
            choices=[("ordinary", "Ordinary"), ("special", "Special")],
            error_messages={"required": "Select the kind of meeting"},
        )
        papers = forms.MultipleChoiceField(
            label="Papers sent",
            widget=forms.CheckboxSelectMultiple,
            help_text="Select all that apply",
            choices=[("agenda", "Agenda"), ("minutes", "Minutes")],
            error_messages={"required": "Select the papers sent"},
        )
        held_on = GovukDateField(label="Date of the meeting", noun="date of the meeting")

    return MeetingForm(None if query is None else QueryDict(query))


def render_page(form: forms.Form) -> str:
    template = engines["django"].from_string(
        '{% include "govuk/_error_summary.html" %}<h1>Record a meeting</h1>'
        "<form method='post' novalidate>{{ form }}</form>"
    )
    return template.render({"form": form})


@pytest.fixture
def invalid_page() -> Page:
    with override_settings(FORM_RENDERER=RENDERER):
        form = meeting_form("held_on_day=12&held_on_month=&held_on_year=2026")
        assert not form.is_valid()
        return Page(render_page(form))


EXPECTED_ERRORS = {
    "title": "Enter the title of the meeting",
    "notes": "Enter notes about the meeting",
    "venue": "Select the venue",
    "kind": "Select the kind of meeting",
    "papers": "Select the papers sent",
    "held_on": "The date of the meeting must include a month",
}

FIRST_INPUTS = {
    "title": "id_title",
    "notes": "id_notes",
    "venue": "id_venue",
    "kind": "id_kind_0",
    "papers": "id_papers_0",
    "held_on": "id_held_on_day",
}


def test_each_field_shows_its_own_error_with_a_hidden_error_prefix(invalid_page: Page) -> None:
    for name, message in EXPECTED_ERRORS.items():
        error = invalid_page.by_id(f"id_{name}_error")
        assert "govuk-error-message" in error.classes
        assert " ".join(error.text.split()) == f"Error: {message}"
        hidden = next(
            e
            for e in invalid_page.elements
            if e.position > error.position and "govuk-visually-hidden" in e.classes
        )
        assert hidden.text == "Error:"
    groups = invalid_page.with_class("govuk-form-group--error")
    assert len(groups) == len(EXPECTED_ERRORS)


def test_every_aria_describedby_names_elements_that_exist(invalid_page: Page) -> None:
    described = [e for e in invalid_page.elements if "aria-describedby" in e.attrs]
    # One per text control, and one per fieldset (radios, checkboxes, date).
    assert len(described) == 6
    for element in described:
        for id_ in element.attrs["aria-describedby"].split():
            invalid_page.by_id(id_)
    assert invalid_page.by_id("id_title").attrs["aria-describedby"] == (
        "id_title_helptext id_title_error"
    )
    fieldsets = invalid_page.tags("fieldset")
    assert [f.attrs["aria-describedby"] for f in fieldsets] == [
        "id_kind_error",
        "id_papers_helptext id_papers_error",
        "id_held_on_error",
    ]


def test_controls_carry_govuk_classes_and_error_modifiers(invalid_page: Page) -> None:
    assert invalid_page.by_id("id_title").classes == ["govuk-input", "govuk-input--error"]
    assert invalid_page.by_id("id_notes").classes == ["govuk-textarea", "govuk-textarea--error"]
    assert invalid_page.by_id("id_venue").classes == ["govuk-select", "govuk-select--error"]
    assert invalid_page.by_id("id_title_helptext").classes == ["govuk-hint"]
    label = next(e for e in invalid_page.tags("label") if e.attrs.get("for") == "id_title")
    assert "govuk-label" in label.classes
    assert label.text == "Title of the meeting"


def test_choices_render_as_govuk_radios_and_checkboxes(invalid_page: Page) -> None:
    radios = [e for e in invalid_page.tags("input") if e.attrs.get("type") == "radio"]
    assert [r.attrs["id"] for r in radios] == ["id_kind_0", "id_kind_1"]
    assert all(r.classes == ["govuk-radios__input"] for r in radios)
    boxes = [e for e in invalid_page.tags("input") if e.attrs.get("type") == "checkbox"]
    assert [(b.attrs["name"], b.attrs["value"]) for b in boxes] == [
        ("papers", "agenda"),
        ("papers", "minutes"),
    ]
    assert all(b.classes == ["govuk-checkboxes__input"] for b in boxes)
    legends = [" ".join(e.text.split()) for e in invalid_page.tags("legend")]
    assert legends == ["Kind of meeting", "Papers sent", "Date of the meeting"]


def test_error_summary_sits_above_the_heading_and_links_to_each_first_input(
    invalid_page: Page,
) -> None:
    summary = invalid_page.with_class("govuk-error-summary")[0]
    heading = invalid_page.tags("h1")[0]
    assert summary.position < heading.position
    links = [e for e in invalid_page.tags("a") if summary.position < e.position < heading.position]
    assert [(a.attrs["href"], a.text) for a in links] == [
        (f"#{FIRST_INPUTS[name]}", message) for name, message in EXPECTED_ERRORS.items()
    ]
    for link in links:
        invalid_page.by_id(link.attrs["href"][1:])


def test_date_input_has_day_month_and_year_boxes_and_marks_only_the_missing_one(
    invalid_page: Page,
) -> None:
    boxes = [invalid_page.by_id(f"id_held_on_{part}") for part in ("day", "month", "year")]
    assert [b.attrs["name"] for b in boxes] == ["held_on_day", "held_on_month", "held_on_year"]
    assert [b.attrs.get("value") for b in boxes] == ["12", None, "2026"]
    assert all(b.attrs["inputmode"] == "numeric" for b in boxes)
    assert ["govuk-input--error" in b.classes for b in boxes] == [False, True, False]
    labels = {e.attrs["for"]: e.text for e in invalid_page.tags("label")}
    assert [labels[b.attrs["id"]] for b in boxes] == ["Day", "Month", "Year"]


def test_a_form_with_no_errors_draws_no_summary_and_no_error_classes() -> None:
    with override_settings(FORM_RENDERER=RENDERER):
        form = meeting_form(None)
        page = Page(render_page(form))
    assert page.with_class("govuk-error-summary") == []
    assert page.with_class("govuk-form-group--error") == []
    assert page.by_id("id_title").classes == ["govuk-input"]


def test_a_valid_form_cleans_the_three_boxes_into_a_date() -> None:
    import datetime

    with override_settings(FORM_RENDERER=RENDERER):
        form = meeting_form(
            "title=Review&notes=Quorate&venue=online&kind=special&papers=agenda&papers=minutes"
            "&held_on_day=3&held_on_month=02&held_on_year=2027"
        )
        assert form.is_valid(), form.errors
    assert form.cleaned_data["held_on"] == datetime.date(2027, 2, 3)
    assert form.cleaned_data["papers"] == ["agenda", "minutes"]


def test_a_single_checkbox_renders_as_a_small_govuk_checkbox() -> None:
    class ConsentForm(forms.Form):
        agree = forms.BooleanField(
            label="I agree", error_messages={"required": "Confirm that you agree"}
        )

    with override_settings(FORM_RENDERER=RENDERER):
        form = ConsentForm({})
        form.is_valid()
        page = Page(str(form))
    box = page.by_id("id_agree")
    assert box.classes == ["govuk-checkboxes__input"]
    assert box.attrs["aria-describedby"] == "id_agree_error"
    assert page.with_class("govuk-checkboxes--small")
