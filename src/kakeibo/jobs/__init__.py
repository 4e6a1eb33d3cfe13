"""Jobs: records of long work with progress, run in-process (embedded) or by workers (scale mode)."""
