#!/bin/sh
# Rebuild panelkeeper's copy of GOV.UK Frontend from a clean checkout.
#
# Usage: scripts/refresh-govuk-frontend.sh
#
# What it does:
#   1. `npm ci` in frontend/, which installs exactly the govuk-frontend and sass versions
#      pinned in frontend/package-lock.json (node_modules/ is never committed).
#   2. Compiles frontend/panelkeeper.scss with sass into
#      panelkeeper/static/govuk-frontend-<version>/panelkeeper.min.css: GOV.UK Frontend's
#      styles with our own system font stack (no GDS Transport, no @font-face) and our own
#      pk- rules. Asset paths are relative; the build stops if GOV.UK Frontend asks for an
#      image or font we do not ship (see frontend/_url-handlers.scss).
#   3. Copies the ES module build govuk-frontend.min.js (without its source map comment, so
#      hashed static storage has nothing missing to resolve) and writes a README.txt naming
#      the package, its version and its MIT licence.
#      No fonts and no GOV.UK images are copied: the crest and crown are for government only.
#
# To move to a new version: change the two pins in frontend/package.json, run
# `npm install` in frontend/ to update the lock file, run this script, update the
# version in the static paths of templates/base.html, delete the old directory, and run
# `.venv/bin/python -m pytest tests/test_static.py`.
# Needs node and npm (Debian: apt-get install nodejs npm).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/frontend"
npm ci --no-audit --no-fund

version=$(node -p 'require("./node_modules/govuk-frontend/package.json").version')
dist="node_modules/govuk-frontend/dist/govuk"
dest="$root/panelkeeper/static/govuk-frontend-$version"

rm -rf "$dest"
mkdir -p "$dest"
node_modules/.bin/sass --no-source-map --style=compressed --pkg-importer=node --load-path=. \
    panelkeeper.scss "$dest/panelkeeper.min.css"
sed 's|//# sourceMappingURL=[^ ]*$||' "$dist/govuk-frontend.min.js" > "$dest/govuk-frontend.min.js"
cat > "$dest/README.txt" <<NOTE
GOV.UK Frontend $version (https://github.com/alphagov/govuk-frontend), MIT licence,
Crown copyright. Built by scripts/refresh-govuk-frontend.sh; do not edit by hand.
panelkeeper.min.css is compiled from frontend/panelkeeper.scss with our own fonts.
NOTE

echo "GOV.UK Frontend $version built into ${dest#"$root"/}"
