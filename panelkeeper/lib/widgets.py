"""The GOV.UK date input: three boxes for day, month and year, and the field that reads them.

Almost every record in a code of conduct carries a date (a meeting, a declaration, the day a
member was told of a breach), and people type dates more reliably into three labelled boxes
than into one free-text box or a browser date picker. The field turns the three boxes into a
`datetime.date` and, when it cannot, says exactly what is wrong in GOV.UK's voice.
"""

import calendar
import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

from panelkeeper.lib.inputs import year_in_range

PARTS = ("day", "month", "year")


class GovukDateInput(forms.MultiWidget):
    """Day, month and year text boxes named `<name>_day`, `<name>_month` and `<name>_year`.

    Their ids follow the names (`id_<name>_day`, ...), so a label or an error summary link
    can point at the day box. The boxes are plain text with a numeric keyboard: GOV.UK
    advises against `type="number"`, which mangles leading zeros and scrolls on the wheel.
    """

    template_name = "govuk/widgets/date_input.html"
    use_fieldset = True

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        numeric = {"inputmode": "numeric"}
        super().__init__({part: forms.TextInput(attrs=numeric) for part in PARTS}, attrs)

    def decompress(self, value: datetime.date | None) -> list[int | None]:
        if value is None:
            return [None, None, None]
        return [value.day, value.month, value.year]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for part, subwidget in zip(PARTS, context["widget"]["subwidgets"], strict=True):
            subwidget["part"] = part
            subwidget["label"] = part.capitalize()
            subwidget["width"] = 4 if part == "year" else 2
            if id_:
                subwidget["attrs"]["id"] = f"{id_}_{part}"
        # The renderer marks the boxes at fault through this attribute; it never reaches HTML.
        error_parts = context["widget"]["attrs"].pop("data-error-parts", "")
        for subwidget in context["widget"]["subwidgets"]:
            subwidget["attrs"].pop("data-error-parts", None)
            subwidget["error"] = subwidget["part"] in error_parts.split()
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""

    def value_from_datadict(
        self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str
    ) -> list[str | None]:
        return [data.get(f"{name}_{part}") for part in PARTS]

    def value_omitted_from_data(
        self, data: Mapping[str, Any], files: MultiValueDict[str, Any], name: str
    ) -> bool:
        return all(f"{name}_{part}" not in data for part in PARTS)


class GovukDateField(forms.Field):
    """A date typed as day, month and year; cleans to a `datetime.date` or None.

    `noun` names the date in the messages, so a form for meetings passes
    `noun="date of the meeting"` and its reader sees "Enter the date of the meeting",
    "The date of the meeting must include a month" or "The date of the meeting must be a
    real date". `error_messages` still overrides any of them. An error raised for missing
    or impossible parts carries `params["parts"]`, the parts at fault, so the renderer
    highlights only those boxes.
    """

    widget = GovukDateInput

    def __init__(self, *, noun: str = "date", **kwargs: Any) -> None:
        self.noun = noun
        messages = {
            "required": f"Enter the {noun}",
            "incomplete": f"The {noun} must include a %(missing)s",
            "invalid": f"The {noun} must be a real date",
        }
        messages.update(kwargs.pop("error_messages", None) or {})
        super().__init__(error_messages=messages, **kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if value is None or isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            # A date typed into one box elsewhere (an API, a test) in ISO form.
            try:
                day = datetime.date.fromisoformat(value) if value.strip() else None
            except ValueError:
                raise self._invalid(PARTS) from None
            if day is not None and not year_in_range(day.year):
                raise self._invalid(("year",))
            return day
        parts = dict(zip(PARTS, _texts(value), strict=True))
        if not any(parts.values()):
            return None
        missing = tuple(part for part in PARTS if not parts[part])
        if missing:
            raise ValidationError(
                self.error_messages["incomplete"],
                code="incomplete",
                params={"missing": " and ".join(missing), "parts": missing},
            )
        wrong = _impossible_parts(parts)
        if wrong:
            raise self._invalid(wrong)
        return datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))

    def _invalid(self, parts: Sequence[str]) -> ValidationError:
        return ValidationError(
            self.error_messages["invalid"], code="invalid", params={"parts": tuple(parts)}
        )


def _texts(value: Sequence[Any]) -> list[str]:
    texts = [str(item).strip() if item is not None else "" for item in value]
    return ([*texts, "", "", ""])[:3]


def _impossible_parts(parts: Mapping[str, str]) -> tuple[str, ...]:
    """The parts that make the date impossible, each judged as far as the others allow."""
    if not all(parts[part].isdigit() for part in PARTS):
        return tuple(part for part in PARTS if not parts[part].isdigit())
    day, month, year = (int(parts[part]) for part in PARTS)
    wrong = []
    # "24" is more likely a slip than the first century, and 2206 than a date to plan for.
    if not year_in_range(year):
        wrong.append("year")
    if not 1 <= month <= 12:
        wrong.append("month")
    if "month" in wrong:
        last_day = 31
    else:
        # 2000 was a leap year, so 29 February is not blamed on the day when the year is wrong.
        last_day = calendar.monthrange(2000 if "year" in wrong else year, month)[1]
    if not 1 <= day <= last_day:
        wrong.insert(0, "day")
    return tuple(wrong)
