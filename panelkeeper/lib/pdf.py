"""PDF rendering with WeasyPrint: the one way the product makes a PDF.

Nothing is fetched from the network: a document may use ``data:`` URIs and files
under the project's static directories (stylesheets, images, fonts), and any other
reference is refused and left out of the PDF.

WeasyPrint is imported on first use, not with this module: loading it (and Pango
behind it) takes seconds, which every command and web process would otherwise pay.
"""

from __future__ import annotations

import ssl
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings


def _allowed_roots() -> list[Path]:
    roots = [Path(root) for root in settings.STATICFILES_DIRS]
    roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


@cache
def _idle_tls_context() -> ssl.SSLContext:
    """A TLS context for the fetcher's opener, which never uses it (https is refused).

    urllib builds an opener's HTTPS handler with a fresh default context unless given
    one, and loading the system's certificates for it took about a third of the time
    to render a letter.
    """
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


@cache
def _fetcher_class() -> type[Any]:
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped: its base is Any
        """Fetches ``data:`` URIs and files under ``roots``; refuses everything else."""

        def __init__(self, roots: list[Path]) -> None:
            super().__init__(allowed_protocols={"data", "file"}, ssl_context=_idle_tls_context())
            self._roots = roots

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if url.lower().startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in self._roots):
                    raise ValueError(f"Refusing a file outside the static directories: {path}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher


def local_only_fetcher(roots: list[Path] | None = None) -> Any:
    """A WeasyPrint URL fetcher limited to ``roots`` (default: the static directories)."""
    return _fetcher_class()(_allowed_roots() if roots is None else roots)


#: The PDF variant for documents people read with a screen reader: tagged, with the
#: document's language and title, and declared as PDF/UA-1 in its XMP metadata.
ACCESSIBLE = "pdf/ua-1"


def render_pdf(
    html: str, *, base_url: str | None = None, tagged: bool = False, variant: str | None = None
) -> bytes:
    """Render an HTML document to PDF bytes.

    ``base_url`` resolves relative references (a ``file://`` URL of a static
    directory, usually). ``tagged`` makes a tagged PDF, with the document's structure
    for screen readers. ``variant`` names a PDF standard WeasyPrint writes to
    (:data:`ACCESSIBLE` for letters to people), which also tags the PDF.
    """
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url, url_fetcher=local_only_fetcher())
    pdf = document.write_pdf(pdf_tags=tagged or None, pdf_variant=variant)
    assert isinstance(pdf, bytes)
    return pdf
