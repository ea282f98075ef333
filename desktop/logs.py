"""Logging set-up: a rotating file in the user's log folder."""

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's log records to ``log_dir/tinxa.log``, 5 files of 1 MB."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "tinxa.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # urllib3 logs every connection at DEBUG and retries at WARNING; its
    # records never contain the Authorization header.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return path
