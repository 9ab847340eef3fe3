"""Short, readable slugs for Chinese pages: the pinyin of the title's words.

Wagtail slugs a Chinese title as itself, which a browser shows and a reader shares as a
150-character percent-encoded address. A new page instead gets the title's words in pinyin,
joined by hyphens (医学中心新建综合医院开始试运行 → yixuezhongxin-xinjian-zonghe-yiyuan-…),
with Latin words and numbers kept (CAR-T细胞治疗 → car-t-xibao-zhiliao); an editor can still
type any slug.
"""

import re

import rjieba
from django.utils.text import slugify
from pypinyin import lazy_pinyin

MAX_LENGTH = 60
_LATIN = re.compile(r"[A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def pinyin_slug(text, max_length=MAX_LENGTH):
    """The pinyin slug of `text`, cut at a word so it is at most `max_length` characters."""
    slug = ""
    for word in rjieba.cut(text or ""):
        if _HAN.search(word):
            part = re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(word, errors=_LATIN.findall)).lower())
        else:
            part = slugify(word)
        if not part:
            continue
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug


def is_automatic(slug, title):
    """True when `slug` is empty, what Wagtail's editor made of `title` by itself, or in Chinese
    characters (which become a percent-encoded address): such a slug is replaced."""
    return not slug or slug == slugify(title or "", allow_unicode=True) or bool(_HAN.search(slug))


def unique_among(slug, taken):
    """`slug`, or `slug-2`, `slug-3`… when siblings already use it."""
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    return candidate
