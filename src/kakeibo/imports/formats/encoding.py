"""The text encoding of a statement file: byte-order marks, UTF-8, UTF-16 without a mark, Japanese Shift-JIS and
EUC-JP, the other CJK and non-Latin code pages by charset-normalizer, else Windows-1252 (Western European banks).

A detector is good at telling scripts apart (Japanese from Cyrillic from Latin) and poor at telling one Latin code
page from another on a few accented letters: it calls a German export Central European (cp1250) and a short
Shift-JIS sample Korean (cp949). So its answer is taken only where it changes which script the text is in; Latin
text keeps Windows-1252, and Japanese is recognized first by its kana, which no other encoding's text turns into."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["decode_document", "sniff_encoding", "utf16_encoding"]

# Japanese codecs, tried strictly before the detector; kana in the result is what makes a file Japanese.
_JAPANESE = ("cp932", "euc_jp")
_DETECTOR_SAMPLE = 16 * 1024  # enough text to tell a script; the detector's time grows with the sample


def sniff_encoding(head: bytes, *, complete: bool) -> str:
    """The encoding of a file from its first bytes (`complete`: they are the whole file)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    utf16 = utf16_encoding(head)
    if utf16 is not None:
        return utf16
    if _reads_as(head, "utf-8", complete=complete) is not None:
        return "utf-8"
    for encoding in _JAPANESE:
        text = _reads_as(head, encoding, complete=complete)
        if text is not None and _has_kana(text):
            return encoding
    detected = _non_latin(head[:_DETECTOR_SAMPLE])
    if detected is not None:
        return detected
    if _reads_as(head, "cp1252", complete=True) is not None:
        return "cp1252"
    return "latin-1"


def decode_document(data: bytes, *, declared: str | None = None) -> str:
    """A whole small file (OFX, QIF) as text: in the encoding it declares when it is a Western one, else sniffed."""
    if declared in ("1252", "windows-1252", "cp1252"):
        return data.decode("cp1252", errors="replace")
    if declared in ("8859-1", "iso-8859-1", "latin-1", "latin1"):
        return data.decode("latin-1")
    encoding = sniff_encoding(data, complete=True)
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")


def _reads_as(head: bytes, encoding: str, *, complete: bool) -> str | None:
    try:
        # Not final unless the sample is the whole file: the cut may fall inside a multi-byte character.
        return codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
    except UnicodeDecodeError:
        return None


def utf16_encoding(head: bytes) -> str | None:
    """ "utf-16" for a file with its byte-order mark; "utf-16-le"/"-be" for one without (mostly ASCII text, so
    every other byte is zero); None for anything else."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _has_kana(text: str) -> bool:
    # Hiragana and full-width katakana. Half-width katakana proves nothing: Korean and Chinese bytes read as
    # Shift-JIS come out as half-width katakana.
    return any("\u3041" <= char <= "\u30ff" for char in text)


def _non_latin(sample: bytes) -> str | None:
    """The detector's best reading, when it is in a non-Latin script (and, for Japanese, has kana)."""
    for match in from_bytes(sample):
        if match.encoding.startswith(("cp932", "shift_jis", "euc_j", "iso2022_jp")):
            continue  # a Japanese reading without kana was ruled out above; the next guess is better
        letters = [char for char in str(match) if ord(char) > 0x7F and char.isalpha()]
        if not letters:
            return None
        latin = sum(unicodedata.name(char, "").startswith("LATIN") for char in letters)
        return match.encoding if latin < len(letters) / 2 else None
    return None
