"""The runners in this process: the server's own threads (embedded mode) and the caller itself (tests).

Each runner starts by recovering the jobs a crash left behind, in the way that is right for it (see `recover`):
- the in-process runner on SQLite holds an OS lock on the database's jobs for the life of its process (the OS lets
  go of it however the process ends), so when it gets the lock every unfinished job is an orphan: it queues the
  interrupted ones again and runs every queued one. It runs one job at a time: each import is the one writer of
  the file for its whole transaction, and a second would give up waiting after SQLite's busy timeout;
- where several processes run jobs of one PostgreSQL database (API replicas, Celery workers), a job is interrupted
  only once its lease has run out; every such process sweeps for those now and then, so a live worker's job is
  never taken from it, and a dead one's is taken within about a lease and a half.
On SIGTERM the in-process runner starts no new job (queued ones stay queued for the next start), lets the running
one finish within the grace period, then asks it to stop: it rolls back and goes back to the queue."""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.core import clock
from kakeibo.core.settings import Settings
from kakeibo.jobs.progress import MEMORY_BOARD, ProgressBoard
from kakeibo.jobs.service import queued_jobs, recover, run_job, upload_folder

log = logging.getLogger(__name__)

# After the grace period, how long a stopped task has to roll back and hand its job back before the process goes
# anyway (an abandoned transaction dies with the process, and the job is recovered at the next start).
UNWIND_SECONDS = 10.0


class Sweeper:
    """A daemon thread that calls `sweep` every `interval` seconds until stopped."""

    def __init__(self, name: str, interval: float, sweep: Callable[[], None]) -> None:
        self._ended = threading.Event()
        self._sweep = sweep
        self._interval = interval
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> Sweeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._ended.set()

    def _loop(self) -> None:
        while not self._ended.wait(self._interval):
            try:
                self._sweep()
            except Exception:  # the database away for a moment: logged, and the next sweep tries again
                log.warning("%s: this round failed; the next one tries again", self._thread.name, exc_info=True)


def is_sqlite(factory: sessionmaker[Session]) -> bool:
    with factory() as session:
        return session.get_bind().dialect.name == "sqlite"


def _database_file(factory: sessionmaker[Session]) -> Path | None:
    with factory() as session:
        database = session.get_bind().engine.url.database
    return Path(database) if database and database != ":memory:" else None


class InProcessRunner:
    """Embedded mode: threads in the server process."""

    def __init__(self, factory: sessionmaker[Session], workers: int = 2, *, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.factory = factory
        self.board: ProgressBoard = MEMORY_BOARD
        self.sqlite = is_sqlite(factory)
        self.workers = 1 if self.sqlite else workers
        self.lease: float | None = None if self.sqlite else settings.job_lease_seconds
        self.grace = settings.shutdown_grace_seconds
        self.uploads = upload_folder(settings.data_dir)
        self.tick = settings.schedule_tick_seconds
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._pending: set[str] = set()  # queued here or running here: a sweep does not queue them twice
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()  # no job starts any more
        self._stop = threading.Event()  # running tasks stop at their next progress report
        self._owner: FileLock | None = None
        self._sweeper: Sweeper | None = None
        self._ticker: Sweeper | None = None
        self._started = False

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        if self.lease is not None:
            self._sweep()
            self._sweeper = Sweeper("kakeibo-job-sweeper", self.lease / 2, self._sweep).start()
        elif self._own_database():
            recover(self.factory, board=self.board, uploads=self.uploads, stale_before=None)
            self._submit_queued()
        # Due schedules start their jobs here (embedded mode's beat); every process may tick, each time fires once.
        self._ticker = Sweeper("kakeibo-schedules", self.tick, self._fire_due).start()

    def _fire_due(self) -> None:
        from kakeibo.jobs.schedules import fire_due

        if not self._closing.is_set():
            fire_due(self.factory, runner=self)

    def _own_database(self) -> bool:
        path = _database_file(self.factory)
        if path is None:
            return True  # an in-memory database: nobody else can have run its jobs
        lock = FileLock(path.with_name(path.name + ".jobs.lock"), thread_local=False, fallback_to_soft=False)
        try:
            lock.acquire(blocking=False)
        except Timeout:
            log.warning("another process runs the jobs of %s; this one runs only the jobs it is given", path)
            return False
        self._owner = lock
        return True

    def _sweep(self) -> None:
        assert self.lease is not None
        stale_before = clock.now() - dt.timedelta(seconds=self.lease)
        recover(self.factory, board=self.board, uploads=self.uploads, stale_before=stale_before)
        self._submit_queued()  # a dead replica's queue was in its memory

    def _submit_queued(self) -> None:
        for job_id in queued_jobs(self.factory):
            self._submit(job_id)

    def enqueue(self, job_id: str, kind: str) -> None:
        self._submit(job_id)

    def _submit(self, job_id: str) -> None:
        with self._lock:
            if self._closing.is_set() or job_id in self._pending:
                return  # it stays queued in the database: the next start runs it
            self._pending.add(job_id)
            while len(self._threads) < self.workers:
                thread = threading.Thread(target=self._work, name=f"kakeibo-job-{len(self._threads)}", daemon=True)
                thread.start()
                self._threads.append(thread)
        self._queue.put(job_id)

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None and not self._closing.is_set():
            try:
                run_job(
                    self.factory, job_id, self.board, lease_seconds=self.lease, stop=self._stop, enqueue=self.enqueue
                )
            except Exception:  # not even its failure could be recorded: the job is recovered like a crashed one
                log.exception("job %s could not be run", job_id)
            finally:
                with self._lock:
                    self._pending.discard(job_id)

    def shutdown(self, grace: float | None = None) -> None:
        with self._lock:
            if self._closing.is_set():
                return
            self._closing.set()
            threads = list(self._threads)
        for sweeper in (self._sweeper, self._ticker):
            if sweeper is not None:
                sweeper.stop()
        for _ in threads:
            self._queue.put(None)
        deadline = time.monotonic() + (self.grace if grace is None else grace)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in threads):
            log.warning("stopping the running job: it goes back to the queue")
            self._stop.set()
            for thread in threads:
                thread.join(UNWIND_SECONDS)
        if self._owner is not None:
            self._owner.release()


class ImmediateRunner:
    """Runs the job in the caller's thread, before `enqueue` returns (tests, and one-shot tools)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self.board: ProgressBoard = MEMORY_BOARD

    def start(self) -> None:
        pass

    def enqueue(self, job_id: str, kind: str) -> None:
        run_job(self.factory, job_id, self.board, enqueue=self.enqueue)

    def shutdown(self) -> None:
        pass
