#!/usr/bin/env bash
# Collect the UI's strings into the Vietnamese catalogue and compile it.
# Run from anywhere after changing a tr() string; then translate the new
# entries (Qt Linguist: pyside6-linguist tinxa_vi.ts) and run it again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(dirname "$(command -v python)")"
"$bin/pyside6-lupdate" -no-obsolete "$root"/ui/*.py -ts "$here/tinxa_vi.ts"
"$bin/pyside6-lrelease" "$here/tinxa_vi.ts" -qm "$here/tinxa_vi.qm"
