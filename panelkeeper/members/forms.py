"""Forms for members, their status and their documents.

Forms validate and normalise; the functions in ``records`` and ``signing`` decide
(STYLE 13). Messages are in GOV.UK voice and say what to do.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from panelkeeper.accounts.invitations import BAD_EMAIL
from panelkeeper.accounts.models import User
from panelkeeper.lib.forms import OrganisationForm, line_field, radios_field
from panelkeeper.lib.widgets import GovukDateField
from panelkeeper.members.models import (
    ContactBy,
    CustomerType,
    DocumentVersion,
    GroupRole,
    SignInState,
    Status,
)
from panelkeeper.organisations.models import Group, Organisation

MAX_SCAN_BYTES = 10 * 1024 * 1024


def _email_field(label: str, *, hint: str = "") -> forms.EmailField:
    """An email address that may be left empty, refused when it is not one."""
    return forms.EmailField(
        label=label, required=False, help_text=hint, error_messages={"invalid": BAD_EMAIL}
    )


class SearchForm(forms.Form):
    q = forms.CharField(label="Search by name", required=False, max_length=100)
    sign_in = forms.ChoiceField(
        label="Sign-in", required=False, choices=[("", "Everyone"), *SignInState.choices]
    )


class OnDateForm(forms.Form):
    """Which date to ask the eligibility question for (GET); today when left empty."""

    on = GovukDateField(noun="date to check", label="Check another date", required=False)


class MemberForm(OrganisationForm):
    full_name = line_field("Full name", limit=200, missing="Enter the member's full name")
    group = forms.ModelChoiceField(
        queryset=Group.objects.none(),
        label="Group",
        empty_label=None,
        error_messages={"required": "Select the group", "invalid_choice": "Select the group"},
    )
    customer_type = forms.ChoiceField(
        label="What kind of customer are they?",
        choices=CustomerType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the kind of customer",
            "invalid_choice": "Select the kind of customer from the list",
        },
    )
    role = radios_field(
        "Role on the group",
        choices=GroupRole.choices,
        initial=GroupRole.MEMBER,
        missing="Select chair, vice chair or member",
    )
    email = _email_field("Email address")
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    address = forms.CharField(label="Postal address", required=False, widget=forms.Textarea)
    contact_by = radios_field(
        "How do they want to hear from us?",
        choices=ContactBy.choices,
        initial=ContactBy.POST,
        missing="Select email or post",
    )
    large_print = forms.BooleanField(label="Large print", required=False)
    copy_to_advocate = forms.BooleanField(label="Send a copy to their advocate", required=False)
    share_contact_details = forms.BooleanField(
        label="They agree that other members may see their contact details", required=False
    )
    started_on = GovukDateField(noun="date they started", label="Start date")
    ended_on = GovukDateField(noun="date their membership ends", label="End date", required=False)
    user_email = _email_field(
        "Their own sign-in (email)",
        hint="Someone who already signs in. Leave empty if an officer looks after their "
        "record, or to invite them from the member's page.",
    )
    advocate_email = _email_field(
        "Advocate's sign-in (email)",
        hint="Someone who acts for them and already signs in. Leave empty if none, or "
        "to invite them from the member's page.",
    )

    def for_organisation(self, organisation: Organisation) -> None:
        self.offer_only("group", Group.objects.filter(organisation=organisation))

    def _person(self, name: str, what: str) -> User | None:
        email = self.cleaned_data.get(name)
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(
                f"No one signs in with that email. Leave {what} empty, save, and invite "
                "them from the member's page instead"
            )
        return user

    def clean_user_email(self) -> User | None:
        return self._person("user_email", "their sign-in")

    def clean_advocate_email(self) -> User | None:
        return self._person("advocate_email", "the advocate")

    def fields_for_domain(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["user"] = data.pop("user_email")
        data["advocate"] = data.pop("advocate_email")
        data.pop("group")
        return data


class StatusForm(forms.Form):
    status = radios_field(
        "New status",
        choices=Status.choices,
        missing="Select active, suspended or ended",
    )
    effective_from = GovukDateField(noun="date it takes effect", label="From when?")
    reason = forms.CharField(
        label="Reason",
        max_length=500,
        widget=forms.Textarea,
        help_text="For example, suspension lifted on appeal",
        error_messages={"required": "Enter the reason for the change"},
    )


class DocumentVersionForm(forms.Form):
    key = forms.ChoiceField(label="Document", error_messages={"required": "Choose a document"})
    label = line_field(
        "Version",
        limit=50,
        missing="Enter the version, for example 2026-1",
        hint="For example, 2026-1",
    )
    published_on = GovukDateField(noun="date it was published", label="Published on")
    text = forms.CharField(
        label="Text of the document",
        widget=forms.Textarea(attrs={"rows": 15}),
        required=False,
        help_text="Markdown: # for headings, blank lines between paragraphs.",
    )
    file = forms.FileField(
        label="Or upload a Markdown or text file", required=False, help_text="Saved as UTF-8."
    )
    citable_clauses = forms.CharField(
        label="Clauses a breach may cite",
        required=False,
        help_text="Clause numbers separated by commas, for example 2.1, 2.4",
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        key = self.fields["key"]
        assert isinstance(key, forms.ChoiceField)
        key.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload:
            try:
                data["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", "The selected file must be a text file saved as UTF-8")
        if not (data.get("text") or "").strip() and "file" not in self.errors:
            self.add_error("text", "Enter the text of the document, or upload a file")
        return data

    def clean_citable_clauses(self) -> list[str]:
        text: str = self.cleaned_data["citable_clauses"]
        return [c.strip() for c in text.split(",") if c.strip()]

    def chosen(self) -> dict[str, Any]:
        """The version as ``add_document_version`` takes it: an uploaded file is its text."""
        return {name: value for name, value in self.cleaned_data.items() if name != "file"}


class SignForm(forms.Form):
    read_and_understood = forms.BooleanField(
        label="I have read and understood this document",
        error_messages={"required": "Confirm that you have read and understood the document"},
    )
    typed_name = line_field(
        "Type your full name to sign", limit=200, missing="Enter your full name to sign"
    )
    different_name = forms.BooleanField(
        label="I sign with a different name",
        help_text="Tick this if the name you type is not the name on the record.",
        required=False,
    )
    text_hash = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, acknowledge: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if acknowledge:
            self.fields["acknowledged_consequences"] = forms.BooleanField(
                label="I accept what the organisation may do if I breach the code",
                error_messages={
                    "required": "Confirm that you accept what may happen if the code is breached"
                },
            )


class ContactSharingForm(forms.Form):
    """A member's own answer on sharing their contact details with their group (CONF-7)."""

    share = radios_field(
        "Do you agree to share your contact details with the other members?",
        missing="Select yes if you agree to share your contact details",
        choices=[("yes", "Yes, show them to the other members"), ("no", "No, keep them hidden")],
    )

    @property
    def sharing(self) -> bool:
        return bool(self.cleaned_data["share"] == "yes")


class PaperSignatureForm(OrganisationForm):
    """A signature on paper; the documents offered are the organisation's own."""

    version = forms.ModelChoiceField(
        queryset=DocumentVersion.objects.none(),
        label="Document signed",
        empty_label=None,
        error_messages={"required": "Choose the document signed"},
    )
    typed_name = line_field("Name as signed", limit=200, missing="Enter the name as signed")
    signed_on = GovukDateField(noun="date it was signed", label="Date signed")
    acknowledged_consequences = forms.BooleanField(
        label="The paper includes the member's acceptance of what may follow a breach",
        required=False,
    )
    scan = forms.FileField(
        label="Scan of the signed paper",
        help_text="A PDF or an image, up to 10 MB.",
        error_messages={"required": "Select the scan of the signed paper"},
    )

    def for_organisation(self, organisation: Organisation) -> None:
        versions = DocumentVersion.objects.filter(document__organisation=organisation)
        self.offer_only("version", versions.select_related("document"))

    def clean_scan(self) -> UploadedFile[bytes]:
        scan: UploadedFile[bytes] = self.cleaned_data["scan"]
        if scan.size is not None and scan.size > MAX_SCAN_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10 MB")
        return scan


class CountersignForm(forms.Form):
    """The date of a countersignature; today when the button is pressed without one."""

    countersigned_on = GovukDateField(
        noun="date of the countersignature", label="Date countersigned", required=False
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Saved from Excel or any spreadsheet; UTF-8 or Windows (Excel) encoding.",
        error_messages={"required": "Select a CSV file"},
    )
    invite = forms.BooleanField(
        label="Invite the imported members to sign in",
        help_text="We will email each of them a link. Every row then needs its own email address.",
        required=False,
    )
