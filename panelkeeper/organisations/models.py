"""Organisations, their groups, and their working calendar."""

from django.db import models


class Organisation(models.Model):
    """A landlord that binds its involved customers to a code of conduct."""

    class Region(models.TextChoices):
        ENGLAND = "ENG", "England"
        WALES = "WLS", "Wales"
        SCOTLAND = "SCT", "Scotland"
        NORTHERN_IRELAND = "NIR", "Northern Ireland"

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    region = models.CharField(
        "bank holiday region", max_length=3, choices=Region.choices, default=Region.ENGLAND
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    """A panel or other group of involved customers under the organisation's code."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_group_name"),
        ]

    def __str__(self) -> str:
        return self.name
