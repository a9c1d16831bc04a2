"""The accessibility statement. Error pages need no view: Django's default handlers draw
templates/403.html, 404.html and 500.html."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from panelkeeper.accounts.permissions import public


@public
@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """Anyone may read how accessible panelkeeper is and how to report a problem."""
    return render(request, "pages/accessibility.html")
