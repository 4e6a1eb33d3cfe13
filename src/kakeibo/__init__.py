"""kakeibo: a self-hosted household ledger with an assistant that handles language, never money."""

__version__ = "0.1.0"
