"""Reading an article's facts from the lines around its text: dates, bylines with roles, the
source publication and issue, keywords. All patterns read Simplified text (cleanup converts
Traditional first).
"""

import datetime
import email.utils
import re
import zoneinfo
from functools import cache

import rjieba
from django.conf import settings
from django.utils.dateparse import parse_datetime

DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<hour>\d{1,2})\s*[:：时]\s*(?P<minute>\d{2})(?:\s*[:：分]\s*(?P<second>\d{2}))?)?"
)
# A role word and the role it gives the names after it.
ROLES = [
    ("摄影记者", "photographer"),
    ("实习记者", "reporter"),
    ("全媒体记者", "reporter"),
    ("特约记者", "reporter"),
    ("记者", "reporter"),
    ("通讯员", "correspondent"),
    ("责任编辑", "editor"),
    ("编辑", "editor"),
    ("责编", "editor"),
    ("摄影", "photographer"),
    ("摄", "photographer"),
    ("图", "photographer"),
    ("撰文", "author"),
    ("作者", "author"),
    ("文", "author"),
]
# One-character role words count only before a slash or colon (文/张三), not inside names (孙业文).
ROLE_WORD = re.compile(
    "("
    + "|".join(re.escape(word) for word, _role in ROLES if len(word) > 1)
    + r"|(?:文|图|摄)(?=\s*[/／:：]))"
)
ROLE_OF = dict(ROLES)
NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")
SOURCE = re.compile(r"(?:来源|来自|出处)\s*[:：]\s*(?P<publication>[^\s|｜，,]{2,30})")
ISSUE = re.compile(
    r"^(?P<publication>[^\d\s:：]{2,20})\s+(?P<issue>(?:19|20)\d\d年\s*(?:第)?\s*\d{1,3}\s*期)$"
)
KEYWORDS = re.compile(r"^(?:关键词|关键字|标签|Tags?|Keywords?)\s*[:：]\s*(?P<keywords>.+)$", re.IGNORECASE)
KEYWORD_SEPARATORS = re.compile(r"[,，;；、|｜/\s]+")


@cache
def local_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def parse_date(text):
    """The first date (and time) in `text` as an aware datetime in the site's time zone, or None."""
    if not text:
        return None
    text = str(text).strip()
    parsed = parse_datetime(text.replace(" ", "T", 1)) if re.match(r"^\d{4}-\d\d-\d\d[ T]\d", text) else None
    if parsed is None and re.match(r"^[A-Z][a-z]{2}, \d", text):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=local_zone())
    match = DATE.search(text)
    if not match:
        return None
    parts = {name: int(value) for name, value in match.groupdict().items() if value}
    try:
        return datetime.datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts.get("hour", 0),
            parts.get("minute", 0),
            parts.get("second", 0),
            tzinfo=local_zone(),
        )
    except ValueError:
        return None


def names_in(text):
    return [name for name in re.split(r"[\s、，,]+", text.strip()) if name]


def parse_credits(text):
    """(bylines [(name, role)], source publication) when `text` is a credit line, else None.

    A credit line is nothing but role words and names, perhaps in brackets and after the
    publication's name: `(大众新闻记者 孙业文 通讯员 李阳)`, `责任编辑：王五`, `文/张三 图/李四`.
    """
    inner = text.strip().strip("()（）[]【】 ")
    if not inner or len(inner) > 80:
        return None
    tokens = ROLE_WORD.split(inner)
    publication = tokens[0].strip(" ：:|｜,，")
    if publication:
        source = SOURCE.fullmatch(publication)
        publication = source.group("publication") if source else publication
        if len(publication) > 20 or not re.fullmatch(r"[\w·]+", publication):
            return None
    bylines = []
    for role_word, names in zip(tokens[1::2], tokens[2::2], strict=True):
        found = names_in(names.strip(" ：:/／|｜"))
        if not found or not all(NAME.fullmatch(name) for name in found):
            return None
        bylines.extend((name, ROLE_OF[role_word]) for name in found)
    return (bylines, publication) if bylines else None


def parse_source(text):
    """(publication, issue) when `text` names where the story appeared, else None."""
    text = text.strip()
    if match := ISSUE.match(text):
        return match.group("publication"), re.sub(r"\s+", "", match.group("issue"))
    if (match := SOURCE.search(text)) and len(text) < 60:
        return match.group("publication"), ""
    return None


def keyword_text(line):
    match = KEYWORDS.match(line.strip())
    return match.group("keywords") if match else None


@cache
def _segmenter():
    return rjieba.Jieba()


def split_keywords(text, known_names=()):
    """Keywords from a keyword line, whose separators the old page may have lost
    (医学中心招商产业园): known keywords first, the rest cut into words."""
    known = sorted({name for name in known_names if name}, key=len, reverse=True)
    keywords = []
    for part in KEYWORD_SEPARATORS.split(text.strip()):
        if not part:
            continue
        while part:
            match = next((name for name in known if part.startswith(name)), None)
            if match:
                keywords.append(match)
                part = part[len(match) :]
                continue
            following = min(
                (index for name in known if (index := part.find(name)) > 0),
                default=len(part),
            )
            piece, part = part[:following], part[following:]
            if len(piece) <= 4 or not re.search(r"[\u4e00-\u9fff]", piece):
                keywords.append(piece)
            else:
                keywords.extend(word for word in _segmenter().cut(piece) if len(word) >= 2)
    seen = []
    for keyword in keywords:
        if keyword not in seen and len(keyword) <= 50:
            seen.append(keyword)
    return seen
