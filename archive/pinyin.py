"""Readings that pinyin-annotation tools put in brackets after words, `投资(tóu zī)`, taken out.

A bracket is a reading only when its letters are, syllable by syllable, a reading of the
characters right before it (pypinyin knows every reading of every character): `医疗(yīliáo)` goes,
`樹蘭(濟南)醫院` and `(DDH)` stay. A reading without tone marks (着(zhe)) goes only in an article
where the tool has left tone-marked ones too, so a real `济南(Jinan)` elsewhere stays.
"""

import functools
import re
import unicodedata

from pypinyin import Style
from pypinyin import pinyin as pinyin_readings

HAN_RUN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
ANNOTATION = re.compile(
    rf"(?P<han>{HAN_RUN}{{1,12}})[(（](?P<reading>[a-zA-Zü{TONE_MARKED}' ·-]{{1,80}})[)）]"
)
LONGEST_WORD = 12


@functools.lru_cache(maxsize=50_000)
def readings(char):
    """Every toneless reading of one character (ü written u)."""
    found = pinyin_readings(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(reading.replace("v", "u").replace("ü", "u") for reading in (found[0] if found else []))


def toneless(reading):
    decomposed = unicodedata.normalize("NFD", reading.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", letters)


def reads_as(characters, letters):
    """Whether `letters` is one reading of each of `characters`, in order."""
    positions = {0}
    for char in characters:
        positions = {p + len(r) for p in positions for r in readings(char) if letters.startswith(r, p)}
        if not positions:
            return False
    return len(letters) in positions


def reading_size(han, reading):
    """How many of the characters ending `han` `reading` reads (0: it is not their reading)."""
    letters = toneless(reading)
    if letters:
        for size in range(1, min(len(han), LONGEST_WORD) + 1):
            if reads_as(han[-size:], letters):
                return size
    return 0


def has_tone_marks(reading):
    return any(char in TONE_MARKED for char in reading.lower())


def find_annotations(text):
    """(match, tone-marked) for every bracket in `text` that reads the characters before it."""
    return [
        (match, has_tone_marks(match.group("reading")))
        for match in ANNOTATION.finditer(text)
        if reading_size(match.group("han"), match.group("reading"))
    ]


def article_is_annotated(texts):
    return any(marked for text in texts for _match, marked in find_annotations(text))


def remove_annotations(text, annotated_article):
    """`text` without the readings an annotation tool added; and the readings removed."""
    removed = []

    def replace(match):
        han, reading = match.group("han"), match.group("reading")
        size = reading_size(han, reading) if has_tone_marks(reading) or annotated_article else 0
        if not size:
            return match.group()
        removed.append(f"{han[-size:]}({reading})")
        return han

    return ANNOTATION.sub(replace, text), removed
