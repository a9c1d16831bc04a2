"""Helpers the staff pages and the member's own pages share (not views themselves)."""

from __future__ import annotations

from django.http import FileResponse

from panelkeeper.meetings.models import Paper


def paper_download(paper: Paper) -> FileResponse:
    """The paper's file, to save under its own name rather than the stored path; for a
    paper not removed, whose file is always there (``Paper.objects.current()``)."""
    name = (paper.file.name or "").rsplit("/", 1)[-1]
    return FileResponse(paper.file.open("rb"), as_attachment=True, filename=name)
