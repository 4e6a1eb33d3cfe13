"""The `kakeibo` command line (Typer): see `kakeibo.cli.app`."""
