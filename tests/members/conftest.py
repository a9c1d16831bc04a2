"""Uploaded scans go to a temporary folder, never the project's media directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def _media_in_tmp(tmp_path: Path) -> object:
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield
