"""Job errors."""

from kakeibo.core.errors import Conflict, KakeiboError, NotFound


class JobNotFound(NotFound):
    type = "/problems/job-not-found"
    title = "Job not found"


class JobInterrupted(KakeiboError):
    """Recorded on a job whose process died while it ran, when it is not run again."""

    status_code = 500
    type = "/problems/job-interrupted"
    title = "Job interrupted"


class UploadGone(Conflict):
    type = "/problems/upload-gone"
    title = "The uploaded file is gone"


class ScheduleNotFound(NotFound):
    type = "/problems/schedule-not-found"
    title = "No such schedule"
