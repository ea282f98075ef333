"""Slow local work (preparing photos, reading documents) off the GUI thread.

Jobs run in order on one lane; their results come back on the GUI thread
through a queued signal, so callbacks may touch widgets.
"""

import gc
import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from desktop.errors import TinXaError
from desktop.tasks import Lane

log = logging.getLogger(__name__)


class BackgroundTasks(QObject):
    _finished = Signal(object, object)  # callback, argument

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane("files", idle_s=3600)
        self._finished.connect(self._deliver)
        self._lane.start()

    def run(self, job: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[TinXaError], None]) -> None:
        """Run ``job`` on the lane; call back with its result or its error."""

        def work() -> None:
            # lxml (Word import, paste cleaning) crashes when the GUI thread's
            # garbage collector frees its objects while this thread uses
            # lxml: seen here about once in eight runs. Automatic collection
            # is paused during the job, and the job's garbage is collected
            # here, on the thread that made it.
            gc.disable()
            try:
                result = job()
            except TinXaError as error:
                self._finished.emit(on_failure, error)
                return
            except Exception:
                log.exception("background job failed with a bug")
                self._finished.emit(on_failure, TinXaError("bug"))
                return
            finally:
                gc.enable()
                gc.collect()
            self._finished.emit(on_success, result)

        self._lane.submit(work)

    def shutdown(self) -> None:
        self.blockSignals(True)
        self._lane.stop(timeout=2.0)

    @staticmethod
    def _deliver(callback: Callable[[Any], None], argument: Any) -> None:
        callback(argument)
