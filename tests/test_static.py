"""The vendored GOV.UK Frontend: our own fonts, no government marks, nothing missing."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "panelkeeper" / "static"
TEMPLATES = ROOT / "templates"


def pinned_version() -> str:
    package = json.loads((ROOT / "frontend" / "package.json").read_text())
    return str(package["devDependencies"]["govuk-frontend"])


def static_files() -> list[Path]:
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert files, "panelkeeper/static is empty: run scripts/refresh-govuk-frontend.sh"
    return files


def test_the_static_tree_holds_no_web_fonts() -> None:
    fonts = [p for p in static_files() if p.suffix in (".woff", ".woff2", ".ttf", ".otf")]
    assert fonts == []


def test_the_static_tree_holds_no_crest_or_crown() -> None:
    marks = [p for p in static_files() if re.search(r"crest|crown|govuk-icon", p.name, re.I)]
    assert marks == []
    for path in static_files():
        if path.suffix in (".css", ".js", ".svg", ".txt"):
            assert "govuk-crest" not in path.read_text(), path


def test_no_static_file_names_the_gds_transport_typeface() -> None:
    for path in static_files():
        assert b"GDS Transport" not in path.read_bytes(), path


def test_govuk_frontend_is_vendored_at_the_pinned_version() -> None:
    version = pinned_version()
    assert (STATIC / f"govuk-frontend-{version}").is_dir()
    vendored = sorted(p.name for p in STATIC.glob("govuk-frontend-*"))
    assert vendored == [f"govuk-frontend-{version}"]
    script = (STATIC / f"govuk-frontend-{version}" / "govuk-frontend.min.js").read_text()
    assert f'const version="{version}"' in script
    assert "initAll" in script
    # Source maps are not shipped, so nothing may point at one.
    assert "sourceMappingURL" not in script


def test_the_stylesheet_uses_system_fonts_and_asks_for_no_missing_file() -> None:
    css_path = STATIC / f"govuk-frontend-{pinned_version()}" / "panelkeeper.min.css"
    css = css_path.read_text()
    assert "@font-face" not in css
    assert "font-family:system-ui," in css
    for url in re.findall(r"url\(([^)]*)\)", css):
        target = url.strip("\"'")
        if not target.startswith("data:"):
            assert (css_path.parent / target).is_file(), target


def test_every_static_file_a_template_names_exists() -> None:
    named = set()
    for template in TEMPLATES.rglob("*.html"):
        named.update(re.findall(r"{% static ['\"]([^'\"]+)['\"] %}", template.read_text()))
    assert "govuk-frontend-" + pinned_version() + "/govuk-frontend.min.js" in named
    for name in named:
        assert (STATIC / name).is_file(), name
