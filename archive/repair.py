"""Repairing text damaged on the old site, one line at a time, listing every span changed.

- ftfy fixes mojibake of the Latin kind (UTF-8 read as Windows-1252 and the like), with its
  quote-straightening and width-folding switched off: those are the damage, not the cure.
- UTF-8 read as GBK (鏂伴椈 for 新闻) is read back.
- GBK read one byte out of step after a lost byte (`?;赝?023年` for `。回望2023年`) is re-read
  from its bytes; characters whose bytes are partly lost stay `?`.
- Straight double quotes in text that uses curly ones (or in Chinese) become curly again.
- What is lost beyond repair (U+FFFD, 锟斤拷, a bare `?` inside Chinese that is not a question
  mark) becomes `?` and the line is marked for an editor: nothing is made up.
"""

import functools
import re
import unicodedata

import ftfy

FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, unescape_html=False, explain=True
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LOST_SEQUENCES = re.compile("\ufffd|锟斤拷|烫烫烫|屯屯屯")
# Words that make a sentence a question, in either script: its `?` is punctuation, not a loss.
QUESTION_WORDS = re.compile(
    "吗|嗎|呢|什么|什麼|怎么|怎麼|怎样|怎樣|如何|为何|為何|为什么|為什麼|哪|谁|誰|是否|难道|難道|多少|几|幾|何"
)
SENTENCE_END = re.compile(r"[。！？!；;\n]")
# An old CMS folded full-width punctuation to ASCII: back to the bytes GBK had.
TO_FULL_WIDTH = str.maketrans({";": "；", "!": "！", ",": "，", ":": "：", "(": "（", ")": "）"})
MAX_REALIGNED = 16


def is_han(char):
    return bool(char) and bool(HAN.match(char))


@functools.cache
def common_characters():
    """The characters of everyday Chinese: GB2312's first level (3,755 Simplified) and Big5's
    frequent block (5,401 Traditional). Damage shows as characters outside them."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            if (lead, trail) > (0xC6, 0x7E):
                break
            try:
                chars.add(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def badness(text):
    """How unlike ordinary text `text` is: rare characters, symbols, stray single letters."""
    common = common_characters()
    score = 0
    for index, char in enumerate(text):
        if is_han(char):
            score += char not in common
        elif char.isascii():
            if char.isalpha():
                before = text[index - 1] if index else ""
                after = text[index + 1] if index + 1 < len(text) else ""
                score += not (before.isascii() and before.isalpha()) and not (
                    after.isascii() and after.isalpha()
                )
        elif "\ue000" <= char <= "\uf8ff" or char == "\ufffd":
            score += 2
        elif unicodedata.category(char) in ("So", "Sk", "Co", "Cn") or "\u2500" <= char <= "\u257f":
            score += 2
    return score


class Repairs(list):
    """The repairs made to one article: {"code", "params"} for the report."""

    def add(self, code, before, after, line):
        before, after = changed_span(before, after)
        self.append({"code": code, "params": {"before": before, "after": after, "line": line}})


def changed_span(before, after, context=4, limit=80):
    """The part of `before` that changed into `after`, with a few characters either side."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    start = max(0, start - context)
    return (
        excerpt(before[start : len(before) - max(0, end - context)], limit),
        excerpt(after[start : len(after) - max(0, end - context)], limit),
    )


def excerpt(text, limit=80):
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def repair_line(text, line, repairs):
    """`text` repaired; each change recorded in `repairs` with the line number."""
    fixed, explanation = ftfy.fix_and_explain(text, config=FTFY_CONFIG)
    if fixed != text and explanation:
        repairs.add("repair_mojibake", text, fixed, line)
        text = fixed
    text = read_utf8_read_as_gbk(text, line, repairs)
    text = realign_gbk(text, line, repairs)
    lost = LOST_SEQUENCES.sub("?", text)
    if lost != text:
        repairs.add("repair_lost_marked", text, lost, line)
        text = lost
    return curl_quotes(text, line, repairs)


def read_utf8_read_as_gbk(text, line, repairs):
    """UTF-8 bytes the old site decoded as GBK, run by run of non-ASCII text."""

    def fix(match):
        run = match.group()
        if badness(run) * 3 < len(run):  # mostly everyday characters: not this damage
            return run
        try:
            candidate = run.encode("gb18030").decode("utf-8", errors="replace")
        except UnicodeEncodeError:
            return run
        if candidate.count("\ufffd") * 4 > len(candidate) or badness(candidate) >= badness(run):
            return run
        repairs.add("repair_utf8_as_gbk", run, candidate, line)
        return candidate

    return re.sub(r"[^\x00-\x7f\s“”，。：；！？、（）]{4,}", fix, text)


def lost_marker_runs(text):
    """(start, end) of each run of `?` inside Chinese text that stands for lost characters."""
    for match in re.finditer(r"\?+", text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (is_han(before) or is_han(after) or before in "“”，。" or after in "“”，。"):
            continue
        if end - start == 1:
            sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
            if QUESTION_WORDS.search(text, sentence_start, start):
                continue  # a question mark
        yield start, end


def realign_gbk(text, line, repairs):
    """Re-read GBK that was decoded one byte out of step after a lost byte (shown as `?`)."""
    result = []
    position = 0
    for start, end in list(lost_marker_runs(text)):
        if start < position:
            continue
        best = best_realignment(text, end)
        if best is None:
            continue
        length, decoded, lead_lost = best
        replacement = decoded
        follows = text[end + length : end + length + 1]
        if lead_lost and follows != "?":
            replacement += "?"  # a character whose second byte is lost
        result.append(text[position:end])
        result.append(replacement)
        repairs.add("repair_realigned", text[start : end + length], text[start:end] + replacement, line)
        position = end + length
    if not result:
        return text
    result.append(text[position:])
    return "".join(result)


def best_realignment(text, index):
    """The span after a lost byte at `index` read one byte back: (length, text, last lead lost)."""
    best = None
    best_score = 0
    common = common_characters()
    for length in range(1, MAX_REALIGNED + 1):
        span = text[index : index + length]
        if len(span) < length or span[-1] in "?\n":
            break
        try:
            raw = span.translate(TO_FULL_WIDTH).encode("gb18030")
        except UnicodeEncodeError:
            break
        body = raw[1:]  # the first byte completed a character whose first byte was lost
        lead_lost = len(body) % 2 == 1
        if lead_lost:
            if body[-1] < 0x81:
                continue
            body = body[:-1]
        if any(body[i] < 0x81 for i in range(0, len(body), 2)):
            continue
        try:
            decoded = body.decode("gb18030")
        except UnicodeDecodeError:
            continue
        if len(decoded) * 2 != len(body) or not all(c in common or not is_han(c) for c in decoded):
            continue
        if badness(decoded):
            continue
        score = badness(span) - badness(decoded)
        if score > best_score:
            best, best_score = (length, decoded, lead_lost), score
    return best


def curl_quotes(text, line, repairs):
    """Straight double quotes made curly where the text uses curly ones or is Chinese."""
    if '"' not in text or not ("“" in text or "”" in text or HAN.search(text)):
        return text
    quoted = []
    is_open = False
    for char in text:
        if char == "“":
            is_open = True
        elif char == "”":
            is_open = False
        elif char == '"':
            char = "”" if is_open else "“"
            is_open = not is_open
        quoted.append(char)
    curled = "".join(quoted)
    repairs.add("repair_quotes", text, curled, line)
    return curled


def has_lost_characters(text):
    return any(True for _ in lost_marker_runs(text))


def is_debris(text):
    """A line holding nothing but lost-character marks."""
    return bool(text.strip()) and not text.strip().strip("?\ufffd")
