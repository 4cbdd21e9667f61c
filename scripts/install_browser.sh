#!/usr/bin/env bash
# Install Chromium for the browser tests (tests/browser/) from Debian's packages.
# Needs root; otherwise it only says how. The tests skip without Chromium,
# except under CI (CI=true), where they fail.
set -euo pipefail
if [ -n "${DATELINE_CHROMIUM:-}" ] && [ -x "$DATELINE_CHROMIUM" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 \
    || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    echo "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
    echo "Chromium not found at /usr/bin/chromium: the browser tests will be skipped." \
         "To run them: sudo apt-get install chromium (or set DATELINE_CHROMIUM to a Chromium binary)." >&2
fi
