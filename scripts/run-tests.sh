#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine and run them:
# Qt's libraries, WordPress with PHP and MariaDB (started by the tests
# themselves on 127.0.0.1), gnome-keyring for the vault test, and the Python
# packages. Extra arguments go to pytest, e.g. -k outage or tests/desktop.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/common.sh"
cd "$ROOT"

# The WordPress packages are listed once, in the test server module.
read -r -a wordpress_packages < <(python3 -c \
    'from tests.wpserver import DEBIAN_PACKAGES; print(*DEBIAN_PACKAGES)')
install_debian_packages "${APP_RUNTIME_PACKAGES[@]}" "${wordpress_packages[@]}" \
    gnome-keyring dbus-daemon dbus-bin
install_python_packages "[test]"

echo "== Running the tests"
exec "$ROOT/.venv/bin/python" -m pytest -p no:cacheprovider -ra "$@"
