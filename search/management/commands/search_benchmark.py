"""Benchmark: search latency and full reindex time over a large bilingual corpus.

Run it on a throwaway database (`make search-bench` makes one): it adds thousands of
articles. Not a test; docs/performance.md records its numbers.
"""

import random
import re
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Page, Site

from home.demo.articles import ARTICLES
from news.models import NewsArticlePage, NewsIndexPage

QUERIES = {
    "zh-hans": ["质子", "质子治疗", "招商", "精准医学", "医疗器械", "創投基金", "重离子", "产业园", "患者"],
    "en": ["proton therapy", "investment", "precision medicine", "venture fund", "patients", "heavy ion"],
}


def _sentences(html, splitter):
    text = re.sub(r"<[^>]+>", " ", html)
    return [s.strip() for s in re.split(splitter, text) if len(s.strip()) > 8]


def _pools():
    zh, en, titles = [], [], []
    for article in ARTICLES:
        for language, pool, splitter in (("zh", zh, r"[。！？]"), ("en", en, r"(?<=[.!?])\s+")):
            texts = article[language] or {}
            for block_type, value in texts.get("body", []):
                if block_type == "paragraph":
                    pool.extend(_sentences(value, splitter))
        if article["en"]:
            titles.append((article["zh"]["title"], article["en"]["title"]))
    return zh, en, titles


class Command(BaseCommand):
    help = "Adds N bilingual articles, then measures a full reindex and search latency (p50/p95)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=5, help="times each query is run")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, articles, rounds, seed, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: run migrate and load_demo first.")
        random.seed(seed)
        index = self.corpus(site.root_page, articles)
        self.stdout.write(f"corpus: {NewsArticlePage.objects.child_of(index).count()} benchmark articles")

        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        reindex = time.perf_counter() - started
        self.stdout.write(f"full reindex (update_index): {reindex:.1f} s")

        client = Client(HTTP_HOST="localhost")
        prefixes = {"zh-hans": "", "en": "/en"}
        timings = []
        for language, queries in QUERIES.items():
            for query in queries:
                client.get(f"{prefixes[language]}/search/", {"q": query})  # warm
                for _round in range(rounds):
                    started = time.perf_counter()
                    response = client.get(f"{prefixes[language]}/search/", {"q": query})
                    timings.append(time.perf_counter() - started)
                    if response.status_code != 200:
                        raise CommandError(f"{query!r} answered {response.status_code}")
        timings.sort()
        p50 = statistics.median(timings) * 1000
        p95 = timings[int(len(timings) * 0.95) - 1] * 1000
        self.stdout.write(f"search page, {len(timings)} requests: p50 {p50:.0f} ms, p95 {p95:.0f} ms")

    def corpus(self, home, count):
        """A news index holding `count` articles made of the demo's sentences (kept between runs)."""
        index = NewsIndexPage.objects.filter(slug_zh_hans="benchmark").first()
        if index is None:
            index = NewsIndexPage(title_zh_hans="基准测试", title_en="Benchmark", slug_zh_hans="benchmark")
            index.slug_en = "benchmark"
            index.title = index.title_zh_hans
            index.slug = "benchmark"
            home.add_child(instance=index)
        existing = NewsArticlePage.objects.child_of(index).count()
        zh, en, titles = _pools()
        started = time.perf_counter()
        # Indexing happens once, afterwards, in the measured full reindex.
        backends = {"default": {"BACKEND": "search.backend", "AUTO_UPDATE": False}}
        with override_settings(WAGTAILSEARCH_BACKENDS=backends), transaction.atomic():
            for n in range(existing, count):
                title_zh, title_en = random.choice(titles)
                page = NewsArticlePage(
                    title_zh_hans=f"{title_zh}（{n}）",
                    title_en=f"{title_en} ({n})",
                    slug_zh_hans=f"bench-{n}",
                    slug_en=f"bench-{n}",
                    summary_zh_hans="。".join(random.sample(zh, 2)) + "。",
                    summary_en=" ".join(random.sample(en, 2)),
                    body_zh_hans=[("paragraph", "<p>" + "。".join(random.sample(zh, 8)) + "。</p>")],
                    body_en=[("paragraph", "<p>" + " ".join(random.sample(en, 8)) + "</p>")],
                    kind=random.choice(["news", "press_release", "feature"]),
                    date=timezone.now() - timezone.timedelta(days=random.randrange(3 * 365)),
                )
                page.title = page.title_zh_hans
                page.slug = page.slug_zh_hans
                index.add_child(instance=page)
                index = Page.objects.get(pk=index.pk).specific  # add_child needs a fresh numchild
        if count > existing:
            self.stdout.write(f"created {count - existing} articles in {time.perf_counter() - started:.0f} s")
        return index
