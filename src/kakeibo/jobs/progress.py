"""Live progress of running jobs: what the task reports, and the boards (memory or Redis) every API process reads.

A long import on SQLite holds the write lock for its whole transaction, so its running count cannot go to the job
row while it runs: it goes to a board. The row gets what can be written around that transaction (the total, known
before the import starts writing) and the final figures. A board entry names the attempt it belongs to, so the
entry of an attempt that died is never shown as the progress of the job run again."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)


class StopRequested(BaseException):
    """Raised inside a running task when its process is shutting down and the grace period is over.

    A BaseException, like KeyboardInterrupt: the task's own `except Exception` must not swallow it; its
    transaction rolls back and the job is handed back to the queue."""


class ProgressBoard(Protocol):
    """Where a running job's progress lives, so that any API process can read it while the job writes."""

    def put(self, progress: Progress) -> None: ...
    def get(self, job_id: str) -> Progress | None: ...
    def drop(self, job_id: str) -> None: ...


@dataclass
class Progress:
    """Live progress of one attempt at a job; the task updates it, the board publishes it."""

    job_id: str
    done: int = 0
    total: int | None = None
    message: str = ""
    attempt: int = 0
    board: ProgressBoard | None = field(default=None, repr=False, compare=False)
    # Writes a newly known total to the job row (set by the runner); see `update`.
    on_total: Callable[[Progress], None] | None = field(default=None, repr=False, compare=False)
    # Set when the process is stopping and the grace period is over: the next checkpoint raises StopRequested.
    stop: threading.Event | None = field(default=None, repr=False, compare=False)
    # Hands a job the task started to the runner (job id, kind); see `jobs.service.follow_up`.
    enqueue: Callable[[str, str], None] | None = field(default=None, repr=False, compare=False)

    def checkpoint(self) -> None:
        """A point where the task may be stopped (raises StopRequested): call it where rolling back is harmless."""
        if self.stop is not None and self.stop.is_set():
            raise StopRequested(self.job_id)

    def update(self, *, done: int | None = None, total: int | None = None, message: str | None = None) -> None:
        """Report progress. A task reports its total as soon as it knows it, before it opens its write transaction:
        the total is written to the job row at once, which on SQLite cannot wait for a writer that is the task
        itself."""
        if done is not None:
            self.done = done
        if message is not None:
            self.message = message
        if total is not None and total != self.total:
            self.total = total
            if self.on_total is not None:
                self.on_total(self)
        if self.board is not None:
            self.board.put(self)


class MemoryBoard:
    """Embedded mode: jobs run in the server's own threads, so its memory is the board."""

    def __init__(self) -> None:
        self._live: dict[str, Progress] = {}
        self._lock = threading.Lock()

    def put(self, progress: Progress) -> None:
        with self._lock:
            self._live[progress.job_id] = progress

    def get(self, job_id: str) -> Progress | None:
        with self._lock:
            return self._live.get(job_id)

    def drop(self, job_id: str) -> None:
        with self._lock:
            self._live.pop(job_id, None)


class RedisBoard:
    """Scale mode: workers write progress to Redis, every API replica reads it."""

    def __init__(self, url: str, prefix: str = "kakeibo:job:") -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, decode_responses=True)
        self.prefix = prefix

    def put(self, progress: Progress) -> None:
        key = self.prefix + progress.job_id
        fields = {
            "done": progress.done,
            "message": progress.message,
            "total": -1 if progress.total is None else progress.total,
            "attempt": progress.attempt,
        }
        with self.client.pipeline(transaction=False) as pipe:
            pipe.hset(key, mapping=fields)
            pipe.expire(key, 86_400)
            pipe.execute()

    def get(self, job_id: str) -> Progress | None:
        found: dict[str, str] = self.client.hgetall(self.prefix + job_id)  # type: ignore[assignment]
        if not found:
            return None
        total = int(found.get("total", -1))
        return Progress(
            job_id,
            done=int(found.get("done", 0)),
            total=None if total < 0 else total,
            message=found.get("message", ""),
            attempt=int(found.get("attempt", 0)),
        )

    def drop(self, job_id: str) -> None:
        import redis

        try:
            self.client.delete(self.prefix + job_id)
        except redis.RedisError:  # harmless: the entry names an attempt that is over, and expires within a day
            log.warning("the progress of job %s could not be removed from Redis", job_id, exc_info=True)


MEMORY_BOARD = MemoryBoard()
