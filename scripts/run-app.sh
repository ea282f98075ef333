#!/usr/bin/env bash
# Install TinXa on a fresh Debian machine and start it. Works offline once
# installed; a site account can be added later from the window.
# Extra arguments go to tinxa, e.g. --basedir DIR or --language en.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/common.sh"

install_debian_packages "${APP_RUNTIME_PACKAGES[@]}"
install_python_packages ""
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No graphical session found (DISPLAY is not set). Run this from the" \
         "desktop, or use 'xvfb-run bash scripts/run-app.sh' to try it headless." >&2
    exit 1
fi
exec "$ROOT/.venv/bin/tinxa" "$@"
