"""Job errors."""

from kakeibo.core.errors import NotFound


class JobNotFound(NotFound):
    type = "/problems/job-not-found"
    title = "Job not found"
