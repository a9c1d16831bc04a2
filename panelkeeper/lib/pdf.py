"""PDF rendering with WeasyPrint: the one way the product makes a PDF.

Nothing is fetched from the network: a document may use ``data:`` URIs and files
under the project's static directories (stylesheets, images, fonts), and any other
reference is refused and left out of the PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def _allowed_roots() -> list[Path]:
    roots = [Path(root) for root in settings.STATICFILES_DIRS]
    roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


class LocalOnlyFetcher(URLFetcher):
    """Fetches ``data:`` URIs and files under the static directories; refuses the rest."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        super().__init__(allowed_protocols={"data", "file"})
        self._roots = _allowed_roots() if roots is None else roots

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if url.lower().startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"Refusing a file outside the static directories: {path}")
        return super().fetch(url, headers)


def render_pdf(html: str, *, base_url: str | None = None, tagged: bool = False) -> bytes:
    """Render an HTML document to PDF bytes.

    ``base_url`` resolves relative references (a ``file://`` URL of a static
    directory, usually). ``tagged`` makes a tagged PDF, with the document's structure
    for screen readers: letters to members will want it.
    """
    document = HTML(string=html, base_url=base_url, url_fetcher=LocalOnlyFetcher())
    pdf = document.write_pdf(pdf_tags=tagged)
    assert isinstance(pdf, bytes)
    return pdf
