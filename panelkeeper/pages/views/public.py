"""The accessibility statement and the API guide. Error pages need no view: Django's
default handlers draw templates/403.html, 404.html and 500.html."""

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from panelkeeper.accounts.permissions import public
from panelkeeper.lib.markdown import render_markdown


@public
@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """Anyone may read how accessible panelkeeper is and how to report a problem."""
    return render(request, "pages/accessibility.html")


API_GUIDE = Path(settings.BASE_DIR) / "docs" / "api.md"
"""The guide to the API, kept in the repository beside the code it describes (a test runs
its requests), and linked from the API docs."""


@public
@require_safe
def api_guide(request: HttpRequest) -> HttpResponse:
    """Anyone may read how to take a breach through the API, as the API docs are public."""
    guide = render_markdown(API_GUIDE.read_text(encoding="utf-8"))
    return render(request, "pages/api_guide.html", {"guide": guide})
