"""Import errors."""

from kakeibo.core.errors import NotFound, ValidationFailed


class UnreadableFile(ValidationFailed):
    type = "/problems/unreadable-file"
    title = "The file cannot be read as a statement"


class ImportHasProblems(ValidationFailed):
    type = "/problems/import-has-problems"
    title = "Rows of the file have problems"


class ImportNotFound(NotFound):
    type = "/problems/import-not-found"
    title = "Import not found"
