"""From an article's blocks to a clean Article: repaired, in Simplified script, without pinyin
readings, banners, comment boxes or injected lines, with its facts (title, date, bylines,
source, keywords, English abstract) read from the lines around the text.

Every step records what it did as a message for the report: a repair, a removal, a quarantine
(injected content, which makes the article a draft for review), a check for an editor.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import opencc

from . import metadata, pinyin, repair, spam
from .extract import TRAILER_HEADINGS, Block, excerpt

TRAILER_MARKERS = re.compile(
    r"^(?:猜你喜欢|相关推荐|相关阅读|相关文章|相关新闻|延伸阅读|推荐阅读|热门推荐|更多新闻|评论列表|发表评论|网友评论|我要评论"
    r"|分享到.{0,20}|上一篇.*|下一篇.*|返回顶部|打印本页|关闭窗口|【打印】|【关闭】)[:：]?$"
)
COMMENT_CHROME = re.compile(
    r"暂无评论|抢沙发|发表评论|评论列表|我要评论|^欢迎$|^欢迎.{0,12}评论|验证码|^提交$|^登录$|^你$"
)
BANNER = re.compile(
    r"征集|开始啦|速来|点击(?:进入|查看|报名|下载)|扫码|扫一扫|关注(?:我们|公众号)|下载.{0,6}APP|抽奖|礼品"
)
SENTENCE_END = re.compile(r"[。！？!?]$")
LATIN = re.compile(r"[A-Za-z]")
HAN = re.compile(r"[\u4e00-\u9fff]")
LOCAL_PAPERS = {"本报", "本台", "本网", "本刊", "本站"}
TRADITIONAL_SHARE = 0.02  # of Han characters that t2s changes: above it, the text is Traditional


@dataclass
class Article:
    title: str = ""
    subtitle: str = ""
    date: object = None
    summary: str = ""
    summary_en: str = ""
    publication: str = ""
    issue: str = ""
    kind: str = "news"
    bylines: list = field(default_factory=list)  # (name, role)
    keywords: list = field(default_factory=list)
    blocks: list = field(default_factory=list)
    lead_image: dict | None = None
    related: list = field(default_factory=list)  # (title, url)
    script: str = "simplified"
    repairs: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    quarantined: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def needs_review(self):
        return bool(self.quarantined or self.checks)

    def add_byline(self, name, role):
        if name and (name, role) not in self.bylines:
            self.bylines.append((name, role))


@cache
def t2s():
    return opencc.OpenCC("t2s")


def to_simplified(text):
    return t2s().convert(text) if text and HAN.search(text) else text


def is_traditional(texts):
    han = "".join(HAN.findall("".join(texts)))
    if not han:
        return False
    changed = sum(1 for a, b in zip(han, t2s().convert(han), strict=False) if a != b)
    return changed / len(han) > TRADITIONAL_SHARE


def is_english(text):
    letters = len(LATIN.findall(text))
    return len(text) >= 60 and letters > 0.6 * len(text) and not HAN.search(text)


def message(code, **params):
    return {"code": code, "params": params}


def analyse(blocks, facts, known_keywords=(), policy=None):
    """An Article from extracted `blocks` and the `facts` a format gave (title, date, author…)."""
    article = Article()
    policy = policy or spam.LinkPolicy(domains=[])
    blocks = repaired(blocks, article)
    texts = [block.text for block in blocks] + [
        str(value) for value in facts.values() if isinstance(value, str)
    ]
    if is_traditional(texts):
        article.script = "traditional"
        article.repairs.append(message("repair_script"))
        for block in blocks:
            for segment in block.segments:
                segment.text = to_simplified(segment.text)
        facts = {
            key: to_simplified(value) if isinstance(value, str) else value for key, value in facts.items()
        }
    blocks = without_pinyin(blocks, article)
    blocks = without_repeated_lines(blocks, article)
    blocks = without_trailer(blocks, article, facts)
    blocks = without_spam(blocks, article, policy)
    blocks = read_header(blocks, article, facts, known_keywords)
    blocks = read_credits_and_abstract(blocks, article)
    blocks = with_captions(blocks, article)
    article.blocks = blocks
    mark_lost_characters(article)
    if not article.title:
        first = next((block.text for block in blocks if block.kind != "image"), "")
        sentence = re.split(r"[。！？，,]", first, maxsplit=1)[0].strip()
        article.title = excerpt(sentence or first, 40) or "?"
        article.checks.append(message("check_title_missing", title=article.title))
    if article.date is None:
        article.checks.append(message("check_date_missing"))
    if not any(block.kind != "image" for block in blocks):
        article.checks.append(message("check_body_empty"))
    return article


def repaired(blocks, article):
    repairs = repair.Repairs()
    kept = []
    for number, block in enumerate(blocks, 1):
        if block.kind == "image":
            kept.append(block)
            continue
        if repair.is_debris(block.text):
            repairs.append(message("repair_debris", line=number, text=block.text.strip()))
            continue
        for segment in block.segments:
            segment.text = repair.repair_line(segment.text, number, repairs)
        kept.append(block)
    article.repairs.extend(repairs)
    return kept


def without_pinyin(blocks, article):
    annotated = pinyin.article_is_annotated(block.text for block in blocks)
    removed = []
    for block in blocks:
        for segment in block.segments:
            segment.text, found = pinyin.remove_annotations(segment.text, annotated)
            removed.extend(found)
    if removed:
        article.repairs.append(
            message(
                "repair_pinyin",
                count=len(removed),
                examples="、".join(removed[:6]) + ("…" if len(removed) > 6 else ""),
            )
        )
    return blocks


def without_repeated_lines(blocks, article):
    """Lines an old page repeated (a campaign banner above the story, three times) and banners."""
    counts = Counter(
        block.text.strip() for block in blocks if block.kind != "image" and len(block.text.strip()) >= 8
    )
    kept = []
    reported = set()
    edge = 3
    for index, block in enumerate(blocks):
        text = block.text.strip()
        at_edge = index < edge or index >= len(blocks) - edge
        is_banner = at_edge and BANNER.search(text) and text.count("!") + text.count("！") >= 2
        if block.kind != "image" and (counts.get(text, 0) > 1 or is_banner):
            if text not in reported:
                article.removed.append(
                    message("removed_banner", text=excerpt(text), count=max(1, counts.get(text, 1)))
                )
                reported.add(text)
            continue
        kept.append(block)
    return kept


def without_trailer(blocks, article, facts):
    """Everything after the article's end: related lists (kept as links), comment boxes, and
    lines that have no business there (quarantined)."""
    end = next(
        (index for index, block in enumerate(blocks) if index and TRAILER_MARKERS.match(block.text.strip())),
        None,
    )
    if end is None:
        return blocks
    keyword_lines = [metadata.keyword_text(block.text) for block in blocks[:end]]
    keyword_echo = {
        re.sub(r"\s", "", line) for line in [str(facts.get("keywords", "")), *keyword_lines] if line
    }
    in_comments = False
    related = comments = 0
    for block in blocks[end:]:
        text = block.text.strip()
        if block.kind == "image" or not text:
            continue
        if TRAILER_MARKERS.match(text):
            in_comments = not TRAILER_HEADINGS.match(text) and not text.startswith(("上一篇", "下一篇"))
            comments += in_comments
            continue
        if spam.is_spam(text):
            article.quarantined.append(message("quarantine_spam_words", text=excerpt(text)))
        elif in_comments or COMMENT_CHROME.search(text):
            comments += 1
        elif re.sub(r"\s", "", text) in keyword_echo or metadata.keyword_text(text) is not None:
            continue
        elif credits := metadata.parse_credits(text):
            for name, role in credits[0]:
                article.add_byline(name, role)
        elif len(text) <= 50 and not SENTENCE_END.search(text):
            href = next((segment.href for segment in block.segments if segment.href), "")
            article.related.append((text, href))
            related += 1
        else:
            article.quarantined.append(message("quarantine_after_end", text=excerpt(text)))
    if related:
        article.removed.append(message("removed_related", count=related))
    if comments:
        article.removed.append(message("removed_comments"))
    return blocks[:end]


def without_spam(blocks, article, policy):
    kept = []
    for block in blocks:
        text = block.text
        if block.kind != "image" and spam.is_spam(text):
            article.quarantined.append(message("quarantine_spam_words", text=excerpt(text)))
            continue
        foreign = policy.foreign_urls_in(text) if block.kind != "image" else []
        if foreign:
            article.quarantined.append(
                message("quarantine_link", text=excerpt(text), url=excerpt(foreign[0]))
            )
            continue
        kept.append(block)
    return kept


def read_header(blocks, article, facts, known_keywords):
    """Title, date, source, bylines and keywords from `facts` and the article's first lines."""
    article.title = (facts.get("title") or "").strip()
    article.subtitle = (facts.get("subtitle") or "").strip()
    article.summary = (facts.get("summary") or "").strip()
    article.summary_en = (facts.get("summary_en") or "").strip()
    article.kind = facts.get("kind") or "news"
    article.date = metadata.parse_date(facts.get("date"))
    article.publication = (facts.get("publication") or "").strip()
    article.issue = (facts.get("issue") or "").strip()
    for role, names in (facts.get("bylines") or {}).items():
        for name in metadata.names_in(names) if isinstance(names, str) else names:
            article.add_byline(name, role)
    if facts.get("keywords"):
        article.keywords = metadata.split_keywords(facts["keywords"], known_keywords)
    authors = {name for name, _role in article.bylines}
    start = 0
    for index, block in enumerate(blocks[:10]):
        text = block.text.strip()
        if block.kind == "image":
            break
        if article.title and text == article.title:
            start = index + 1
            continue
        if (keywords := metadata.keyword_text(text)) is not None:
            if not article.keywords:
                article.keywords = metadata.split_keywords(keywords, known_keywords)
            start = index + 1
            continue
        if credits := metadata.parse_credits(text):
            for name, role in credits[0]:
                article.add_byline(name, role)
                authors.add(name)
            if credits[1] not in LOCAL_PAPERS:
                article.publication = article.publication or credits[1]
            start = index + 1
            continue
        if source := metadata.parse_source(text):
            article.publication = article.publication or source[0]
            article.issue = article.issue or source[1]
            start = index + 1
            continue
        if len(text) <= 40 and (date := metadata.parse_date(text)):
            # A line's date and time beat a bare day the page's metadata gave for the same day.
            if article.date is None or (
                article.date.date() == date.date() and (article.date.hour, article.date.minute) == (0, 0)
            ):
                article.date = date
            rest = metadata.DATE.sub("", text)
            rest = re.sub(r"(?:发布|时间|日期|来源)[:：]?", " ", rest)
            for name in metadata.names_in(rest):
                if metadata.NAME.fullmatch(name):
                    article.add_byline(name, "author")
                    authors.add(name)
            start = index + 1
            continue
        if text in authors:
            start = index + 1
            continue
        if not article.title and index == start and len(text) <= 64 and not SENTENCE_END.search(text):
            article.title = text
            start = index + 1
            continue
        if article.title and not article.subtitle and index == start and text.startswith(("——", "—", "--")):
            article.subtitle = text.lstrip("—- ")
            start = index + 1
            continue
        break
    return blocks[start:]


def read_credits_and_abstract(blocks, article):
    """Credit lines and an English abstract at the end of the text, moved to the byline and the
    English summary."""
    while blocks and blocks[-1].kind != "image":
        text = blocks[-1].text.strip()
        if credits := metadata.parse_credits(text):
            for name, role in credits[0]:
                article.add_byline(name, role)
            if credits[1] not in LOCAL_PAPERS:
                article.publication = article.publication or credits[1]
            blocks = blocks[:-1]
        elif is_english(text) and any(HAN.search(block.text) for block in blocks[:-1]):
            abstract = re.sub(r"^(?:abstract|summary)\s*[:：]\s*", "", text, flags=re.IGNORECASE)
            article.summary_en = (
                (abstract + " " + article.summary_en).strip() if article.summary_en else abstract
            )
            article.notes.append(message("note_english_abstract"))
            blocks = blocks[:-1]
        else:
            break
    return blocks


def with_captions(blocks, article):
    """A short line right after a picture is its caption; a picture before any text leads."""
    kept = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "image":
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            caption_text = following.text.strip() if following is not None and following.kind == "p" else ""
            if caption_text and len(caption_text) <= 60 and not SENTENCE_END.search(caption_text):
                block.image["caption"] = caption_text
                credit = re.search(
                    r"[（(]?(?:摄影|摄|图|供图)\s*[:：/]?\s*([\u4e00-\u9fff·]{2,4})[)）]?", caption_text
                )
                if credit:
                    block.image["credit"] = credit.group(1)
                index += 1
            block.image["caption"] = to_simplified(block.image.get("caption", ""))
            block.image["alt"] = to_simplified(block.image.get("alt", ""))
            if not kept and article.lead_image is None:
                article.lead_image = block.image
            else:
                kept.append(block)
        else:
            kept.append(block)
        index += 1
    return kept


def mark_lost_characters(article):
    number = 0
    for block in article.blocks:
        if block.kind == "image":
            continue
        number += 1
        if repair.has_lost_characters(block.text):
            article.checks.append(
                message("check_lost_characters", paragraph=number, text=excerpt(block.text, 60))
            )
    for name in ("title", "subtitle"):
        if repair.has_lost_characters(getattr(article, name)):
            article.checks.append(message("check_lost_characters_title", text=getattr(article, name)))


def body_html(block):
    """One block's inline HTML: escaped text with <b>, <i> and <a href>."""
    from django.utils.html import escape

    parts = []
    for segment in block.segments:
        text = escape(segment.text)
        if segment.bold:
            text = f"<b>{text}</b>"
        if segment.italic:
            text = f"<i>{text}</i>"
        if segment.href:
            text = f'<a href="{escape(segment.href)}">{text}</a>'
        parts.append(text)
    return "".join(parts).strip()


__all__ = ["Article", "Block", "analyse", "body_html", "to_simplified"]
