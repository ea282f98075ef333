"""User settings, each declared once with its type and default.

Settings live in a small JSON file next to the database. The file carries a
format version; ``_UPGRADES`` turns an older file into the current shape.
"""

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str
    minimum: int | None = None  # for int options: values outside fall back
    maximum: int | None = None


OPTIONS = {
    option.name: option
    for option in (
        Option("language", str, "vi", "UI language code: vi or en"),
        Option("sync_interval_s", int, 30,
               "Seconds between connection checks while articles wait",
               minimum=1, maximum=3600),
        Option("image_max_side", int, 1600,
               "Longest side in pixels of photos sent to the site",
               minimum=320, maximum=8000),
        Option("active_site_id", int, 0, "Site account used for sending, 0 if none"),
        Option("font_point_size", int, 11,
               "Smallest text size of the window, in points; Qt's default of "
               "9 is hard to read for many clerks", minimum=6, maximum=32),
    )
}

# Each entry upgrades a file of version N (the key) to version N + 1.
_UPGRADES: dict[int, Any] = {}


class Settings:
    """Typed access to the settings file; writes go to disk at once, atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._values = self._load()

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self._values.get(name, option.default)
        if not isinstance(value, option.type) or isinstance(value, bool) \
                and option.type is not bool:
            return option.default
        if option.minimum is not None and value < option.minimum or \
                option.maximum is not None and value > option.maximum:
            return option.default
        return value

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} expects {option.type.__name__}, "
                            f"got {type(value).__name__}")
        self._values[name] = value
        self._save()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            # A damaged settings file must not stop the app: fall back to defaults.
            log.warning("settings file %s unreadable, using defaults: %s",
                        self._path, error)
            return {}
        if not isinstance(raw, dict):
            return {}
        version = raw.pop("format_version", FORMAT_VERSION)
        if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
            log.warning("settings file %s has format %r, using defaults",
                        self._path, version)
            return {}
        while version < FORMAT_VERSION:
            raw = _UPGRADES[version](raw)
            version += 1
        return raw

    def _save(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._path.with_suffix(".tmp")
        payload = {"format_version": FORMAT_VERSION, **self._values}
        temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1),
                             encoding="utf-8")
        os.replace(temporary, self._path)
