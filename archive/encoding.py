"""Which encoding an exported file is in, decided and reported, never guessed silently.

A byte-order mark decides first, then strict UTF-8 (other CJK encodings almost never pass as
UTF-8), then charset-normalizer. A file no encoding reads coherently is refused with a message.
GBK and GB2312 are read as GB18030, their superset; Big5 as CP950, which adds what Windows wrote.
"""

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from .report import Problem

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
]
# charset-normalizer's names -> (the codec that reads them best, the name the report shows)
READ_AS = {
    "utf_8": ("utf-8", "UTF-8"),
    "gb18030": ("gb18030", "GB18030"),
    "gbk": ("gb18030", "GBK"),
    "gb2312": ("gb18030", "GB2312"),
    "big5": ("cp950", "Big5"),
    "big5hkscs": ("big5hkscs", "Big5-HKSCS"),
    "cp950": ("cp950", "Big5"),
    "utf_16": ("utf-16", "UTF-16"),
    "utf_16_le": ("utf-16-le", "UTF-16LE"),
    "utf_16_be": ("utf-16-be", "UTF-16BE"),
    "utf_32": ("utf-32", "UTF-32"),
}
# More chaos than this (charset-normalizer's mess ratio) is not text in any encoding.
MAX_CHAOS = 0.25
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
XML_DECLARED = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)["']""")


@dataclass
class Decoded:
    text: str
    encoding: str  # as the report shows it
    codec: str  # as Python reads it
    note: str = ""  # a message code when the choice deserves a look


def declared_encoding(data):
    match = DECLARED.search(data[:4096]) or XML_DECLARED.search(data[:200])
    return match.group(1).decode("ascii").lower() if match else None


def detect(data):
    """(codec, report name, note code) of `data`, or raise Problem."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return codec, name, ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", "UTF-8", ""
    results = charset_normalizer.from_bytes(data[:200_000])
    best = results.best()
    if best is None or best.chaos > MAX_CHAOS or best.encoding not in READ_AS:
        raise Problem("encoding_unknown")
    codec, name = READ_AS[best.encoding]
    # Short texts read sensibly in several encodings: say which others were possible.
    note = "encoding_uncertain" if len(data) < 200 and len(list(results)) > 1 else ""
    return codec, name, note


def decode(data):
    """The text of `data` with the encoding found; raises Problem when none reads it."""
    codec, name, note = detect(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # charset-normalizer judged a sample: a bad byte further on is damage, shown as U+FFFD
        # (a lost character the repair step marks for an editor), not a reason to refuse the file.
        text = data.decode(codec, errors="replace")
        note = note or "encoding_damaged_bytes"
    return Decoded(text.lstrip("\ufeff"), name, codec, note)
