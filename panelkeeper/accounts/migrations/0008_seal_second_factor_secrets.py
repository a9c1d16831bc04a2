"""Seal the second-factor secrets stored before they were sealed (accounts.sealing)."""

from typing import Any

from django.db import migrations

from panelkeeper.accounts import sealing


def _each(apps: Any, change: Any) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        authenticator.data = sealing.transform(authenticator.data, change)
        authenticator.save(update_fields=["data"])


def seal(apps: Any, schema_editor: Any) -> None:
    _each(apps, sealing.seal)


def unseal(apps: Any, schema_editor: Any) -> None:
    _each(apps, sealing.unseal)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_sign_in_sessions"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(seal, unseal)]
