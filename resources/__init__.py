"""Data files shipped with TinXa: translations, styles, category lists, the
WordPress companion plugin."""

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, in a source tree or a bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) / "resources" if bundle else Path(__file__).parent
    return root.joinpath(*parts)
