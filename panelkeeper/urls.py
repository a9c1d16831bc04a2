"""Top-level URL configuration: each app includes its own patterns."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
