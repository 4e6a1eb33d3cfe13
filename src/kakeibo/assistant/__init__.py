"""The assistant: plain-language capture, questions and safe changes (issue 4)."""
