"""Background lanes: a thread that runs jobs one after another, in order.

The UI keeps one lane for the network, so no request ever runs on the GUI
thread, and jobs on one lane never race each other for the same connection.
"""

import logging
import queue
import threading
from typing import Callable

log = logging.getLogger(__name__)

Job = Callable[[], None]


class Lane:
    """A daemon thread with a job queue; ``on_idle`` runs every ``idle_s``."""

    def __init__(self, name: str, on_idle: Job | None = None,
                 idle_s: float = 30.0) -> None:
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._on_idle = on_idle
        self.idle_s = idle_s
        # A daemon thread: a request hanging at quit must not keep the app
        # alive. The outbox state on disk makes an interrupted send safe.
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Job) -> None:
        self._jobs.put(job)

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the lane to finish; return False if a job was still running."""
        if not self._thread.is_alive():
            return True  # never started, or already finished
        self._jobs.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            try:
                job = self._jobs.get(timeout=self.idle_s)
            except queue.Empty:
                job = self._on_idle
                if job is None:
                    continue
            if job is None:
                return
            try:
                job()
            except Exception:  # a failing job must not end the lane
                log.exception("background job on %s failed", self._thread.name)
