"""Reading the HTML a reader receives."""

import re

from bs4 import BeautifulSoup

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def main_text(soup):
    return soup.find("main").get_text(" ", strip=True)


def han_outside_zh_markup(element):
    """Han characters in `element` that are not inside something marked lang="zh-Hans"."""
    found = []
    for text in element.find_all(string=HAN):
        marked = any(
            (parent.get("lang") or "").lower().startswith("zh") for parent in text.parents if parent.name
        )
        if not marked and text.parent.name not in ("script", "style"):
            found.append(text.strip())
    return found


def switcher_link(soup, hreflang):
    """The language switcher's link to the other language (in the body, not a <link> in the head)."""
    return soup.body.select_one(f'a[hreflang="{hreflang}"]')


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.head.select('link[rel="alternate"][hreflang]')}
