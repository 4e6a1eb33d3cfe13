"""Turning an utterance into an intent; the offline parser is the default."""

from kakeibo.assistant.parsing.offline import Vocabulary, parse

__all__ = ["Vocabulary", "parse"]
