"""Private files and folders: the database, uploads, backups and the secret key are 0600 and 0700, whatever the umask."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """`path` as a folder, creating it and any missing parents 0700 (only the folders made here: a folder that
    already exists is the operator's and keeps its mode)."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made by another process a moment ago
        # mkdir's mode is masked by the umask, which can only take bits away; chmod makes it exact.
        folder.chmod(DIR_MODE)
    return path


def create_private_file(path: Path) -> int:
    """A new file, 0600 from the moment it exists (never readable by others, even briefly), open for writing; its
    descriptor is returned. Fails with FileExistsError when it is already there."""
    private_dir(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)
    return descriptor


def ensure_private_file(path: Path) -> Path:
    """`path` exists and is 0600: made empty when missing, its mode tightened when it is there (a database that
    SQLite is about to open; SQLite gives its -wal and -shm files the database file's mode)."""
    try:
        os.close(create_private_file(path))
    except FileExistsError:
        if path.stat().st_mode & 0o777 != FILE_MODE:
            with contextlib.suppress(PermissionError):  # someone else's file: theirs to look after
                path.chmod(FILE_MODE)
    return path
