#!/usr/bin/env bash
# Run every benchmark in tests/bench; each prints its figures as the last line.
# Needs the test environment: run scripts/run-tests.sh once first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
for bench in tests/bench/*.py; do
    echo "== $bench"
    "$ROOT/.venv/bin/python" "$bench" | tail -n 1
done
