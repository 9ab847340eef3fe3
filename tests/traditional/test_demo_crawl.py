"""The whole Traditional demo site: every page answers, none keeps Simplified text, the glossary holds."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from opencc import OpenCC

from ..html import parse

pytestmark = pytest.mark.django_db

S2HK = OpenCC("s2hk")
# Downloads and feeds are checked on their own; here, the pages a reader browses.
SKIP = re.compile(r"/(export|press-kit|feeds?|rss|atom)/|/documents/|/media/|\.(xml|csv|xlsx|zip|pdf)$")
AT_MOST = 250


def simplified_left(text):
    """Characters OpenCC would still change, read in context (准 stays in 批准; 準 in 標準)."""
    converted = S2HK.convert(text)
    return sorted({a for a, b in zip(text, converted, strict=False) if a != b}) if converted != text else []


def main_text(soup):
    main = soup.find("main")
    for marked in main.select('[lang="zh-Hans"], [translate="no"]'):
        marked.decompose()  # kept Simplified on purpose (the switcher, a quoted source)
    return main.get_text(" ")


def test_every_traditional_demo_page_answers_in_traditional(client, demo_content):
    seen, queue, problems = set(), deque(["/zh-hant/"]), []
    while queue and len(seen) < AT_MOST:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            problems.append((url, response.status_code))
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue  # a calendar file, a download: converted where they are built, tested there
        soup = parse(response)
        assert soup.html["lang"] == "zh-Hant", url
        left = simplified_left(main_text(soup))
        if left:
            problems.append((url, "".join(left)))
        for link in soup.find_all("a", href=True):
            path = urlsplit(link["href"])
            if not path.netloc and path.path.startswith("/zh-hant/") and not SKIP.search(path.path):
                queue.append(path.path + (f"?{path.query}" if path.query else ""))

    assert len(seen) > 30
    assert problems == []


def test_glossary_terms_appear_as_the_glossary_says(client, demo_content):
    text = parse(client.get("/zh-hant/yinsi-shengming/")).find("main").get_text()

    assert "個人資料" in text and "個人信息" not in text
