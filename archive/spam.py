"""Content injected into old articles: spam words, links off the allow-list, hidden text.

What is found here never reaches the page's body: the importer lists it in the report
(quarantine) and imports the article as a draft for review. Words are weighed so that one
ordinary word (免费, 贷款, 澳门, loan) in a real story does not condemn it.
"""

import re
from urllib.parse import urlsplit

from .models import AllowedDomain, normalise_domain

# Words that next to never appear in the zone's news: gambling, pornography, fake documents,
# drugs sold online, shady loans. Weight 2 each.
STRONG_WORDS = [
    "博彩", "赌场", "赌博", "娱乐城", "百家乐", "时时彩", "六合彩", "老虎机", "真人娱乐", "网赌", "彩金",
    "赌球", "棋牌游戏", "无码", "色情", "人人爽", "夜夜", "久久久", "成人视频", "一夜情", "约炮", "代孕",
    "伟哥", "春药", "迷药", "壮阳", "代开发票", "办证刻章", "秒下款", "信用卡套现", "黑户贷款", "国产精品",
    "精品国产", "日韩欧美", "亚洲欧美", "在线观看", "免费观看", "线观看",
    "casino", "poker", "roulette", "blackjack", "sportsbook", "viagra", "cialis", "levitra", "porn",
    "xxx", "escort service", "payday loan", "online pharmacy", "replica watches",
]  # fmt: skip
# Words that are ordinary alone but common in spam. Weight 1 each.
WEAK_WORDS = [
    "贷款", "彩票", "澳门", "威尼斯人", "葡京", "开户", "投注", "下注", "注册送", "免费", "高清", "国产",
    "欧美", "日韩", "亚洲", "视频", "福利", "loan", "pharmacy", "pills", "bitcoin", "betting", "bonus",
]  # fmt: skip
SPAM_SCORE = 4
STRONG_PATTERN = re.compile("|".join(map(re.escape, STRONG_WORDS)), re.IGNORECASE)
WEAK_PATTERN = re.compile("|".join(map(re.escape, WEAK_WORDS)), re.IGNORECASE)
URL_IN_TEXT = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'）)，。]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\."
    r"(?:com|net|org|cn|cc|top|xyz|info|vip|me|io|co|tv|app|club|site|online|shop)\b",
    re.IGNORECASE,
)
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])"
    r"|(?:left|top|text-indent)\s*:\s*-\d{3,}px|(?:height|width)\s*:\s*0(?:px)?\s*;.*overflow\s*:\s*hidden",
    re.IGNORECASE,
)
HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|d-none|invisible)(?:\s|$)", re.IGNORECASE)


def spam_score(text):
    return 2 * len(STRONG_PATTERN.findall(text)) + len(WEAK_PATTERN.findall(text))


def is_spam(text):
    return spam_score(text) >= SPAM_SCORE


class LinkPolicy:
    """Which hosts an imported article may link to: the allow-list, and the old site itself."""

    def __init__(self, domains=None, own_hosts=()):
        if domains is None:
            domains = list(AllowedDomain.objects.values_list("domain", flat=True))
        self.domains = {normalise_domain(domain) for domain in domains if domain.strip()}
        self.own_hosts = {normalise_domain(host) for host in own_hosts if host}

    def with_own_host(self, url):
        host = urlsplit(url).hostname if url else None
        if host:
            self.own_hosts.add(normalise_domain(host))
        return self

    def allows_host(self, host):
        host = normalise_domain(host or "")
        if not host or host in self.own_hosts:
            return True
        return any(host == domain or host.endswith("." + domain) for domain in self.domains)

    def allows_url(self, url):
        url = url.strip()
        if (
            url.startswith(("#", "/", "./", "../", "mailto:", "tel:"))
            or "://" not in url
            and not url.startswith("//")
        ):
            return not url.lower().startswith(("javascript:", "data:", "vbscript:"))
        parts = urlsplit(url if "://" in url else "http:" + url)
        if parts.scheme not in ("http", "https"):
            return False
        return self.allows_host(parts.hostname)

    def foreign_urls_in(self, text):
        found = []
        for match in URL_IN_TEXT.finditer(text):
            url = match.group()
            host = urlsplit(url if "://" in url else "http://" + url).hostname
            if not self.allows_host(host):
                found.append(url)
        return found


def is_hidden(element):
    """Whether an HTML element (lxml) is hidden from readers by its attributes."""
    if element.get("hidden") is not None:
        return True
    if HIDDEN_STYLE.search(element.get("style", "")):
        return True
    return bool(HIDDEN_CLASS.search(element.get("class", "")))
