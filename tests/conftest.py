"""Shared test set-up: Qt runs offscreen, and the WordPress fixtures load."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.wordpress_fixtures"]
