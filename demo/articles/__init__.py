"""The demo news articles, one module per year.

Each article is a dict: the slug per language (the Chinese slug is its stable key), kind,
date (a tuple, Asia/Shanghai), lead image key (content.IMAGES), bylines as (Chinese name
of a person in content.PEOPLE, role), keyword slugs, optionally a source (publication and
issue) and picked related articles (Chinese slugs), then the texts per language:
title, subtitle, summary and body, a list of (block type, value) as BodyBlock stores it,
with image keys in place of image ids. `"en": None` marks an article in Chinese only.
"""

from . import y2023, y2024, y2025, y2026

ARTICLES = y2023.ARTICLES + y2024.ARTICLES + y2025.ARTICLES + y2026.ARTICLES
