"""The statement formats the importer reads, in a module that loads no parser (the CLI's `--format` choices)."""

FORMATS = ("csv", "ofx", "qif", "camt")
