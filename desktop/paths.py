"""Where TinXa keeps its files: the per-user folders, or one chosen folder.

A base folder given with ``--basedir`` or the ``TINXA_BASEDIR`` environment
variable contains everything (portable use on a USB stick, tests); otherwise the
operating system's per-user data and log folders are used.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

BASEDIR_ENV = "TINXA_BASEDIR"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "tinxa.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    def create(self) -> "AppPaths":
        for folder in (self.data_dir, self.log_dir, self.cache_dir, self.media_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(basedir: str | os.PathLike | None = None) -> AppPaths:
    """Pick the folders: the argument first, then the environment, then the OS."""
    chosen = basedir or os.environ.get(BASEDIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=root / "data", log_dir=root / "logs",
                        cache_dir=root / "cache")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir("TinXa", appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir("TinXa", appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir("TinXa", appauthor=False)),
    )
