"""Run TinXa with ``python -m ui``; also the PyInstaller bundle's entry script."""

import sys

from ui.app import main

sys.exit(main())
