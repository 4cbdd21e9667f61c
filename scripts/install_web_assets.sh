#!/usr/bin/env bash
# Install the web UI's third-party files (Leaflet, topojson-client, world-atlas) from the npm
# registry at the versions and sha512 integrities of src/dateline/server/assets.lock.json,
# into src/dateline/server/static/vendor/. Without npm the UI still runs, minus the map;
# under CI (CI=true) a missing npm is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: the web UI's map needs its assets. Install Node.js and npm" \
         "(Debian: apt-get install npm), then run: bash scripts/install_web_assets.sh" >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
    exit 0
fi
PYTHONPATH="src${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" -m dateline.server.assets
