"""The table of kinds covers every model that belongs to an organisation, in an order
the removal can delete them in."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from panelkeeper.departure.kinds import KINDS
from panelkeeper.organisations.models import Organisation

# Models that reach an organisation but are not its records.
NOT_ITS_RECORDS = {
    # the export itself: it outlives the organisation, and is deleted after a week
    "departure.Export",
}


def _parents(model: type[models.Model]) -> set[type[models.Model]]:
    """The models ``model`` refers to, other than accounts (shared by organisations)."""
    user = apps.get_model("accounts.User")
    return {
        field.related_model
        for field in model._meta.concrete_fields
        if field.is_relation
        and isinstance(field.related_model, type)
        and field.related_model not in (model, user)
    }


def _reaches_an_organisation(model: type[models.Model], seen: frozenset[str] = frozenset()) -> bool:
    if model is Organisation:
        return True
    label = model._meta.label
    return any(
        _reaches_an_organisation(parent, seen | {label})
        for parent in _parents(model)
        if parent._meta.label not in seen
    )


def test_every_model_that_belongs_to_an_organisation_is_a_kind() -> None:
    belonging = {
        model._meta.label
        for model in apps.get_models()
        if not model._meta.abstract and _reaches_an_organisation(model)
    }
    kinds = {kind.model_label for kind in KINDS}
    assert belonging - NOT_ITS_RECORDS - kinds == set()
    # Records that refer to nothing of the organisation's, but that one of its records
    # refers to: accounts (exported, never removed with it) and a case event's words.
    assert kinds - belonging == {"accounts.User", "cases.CaseEventText"}


def test_each_kind_comes_after_the_kinds_it_refers_to() -> None:
    position = {kind.model_label: index for index, kind in enumerate(KINDS)}
    for index, kind in enumerate(KINDS):
        for parent in _parents(kind.model):
            assert position[parent._meta.label] < index, (kind.model_label, parent)


def test_each_kind_has_files_of_its_own_and_words_for_people() -> None:
    stems = [kind.stem for kind in KINDS]
    assert len(set(stems)) == len(stems)
    for kind in KINDS:
        assert "_" not in kind.label and kind.label[0].isupper()
        assert kind.holds and not kind.holds.endswith(".")
        for name in kind.secret:
            assert name in {field.name for field in kind.model._meta.concrete_fields}
