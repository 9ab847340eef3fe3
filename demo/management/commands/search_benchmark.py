"""Benchmark: search latency and full reindex time over a large bilingual corpus.

Run it on a throwaway database (`make search-bench` makes one): it adds thousands of
articles. Not a test; docs/performance.md records its numbers.
"""

import datetime
import os
import random
import re
import statistics
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from demo.articles import ARTICLES
from demo.management.commands.render_benchmark import calibration_ms
from news.models import NewsArticlePage, NewsIndexPage
from search.query import search
from search.views import _results, page_of_results

ZH, EN = "zh-hans", "en"
# (language, query), timed apart by kind: questions and mixed-script queries hold several words,
# match far more pages than one word does (any word may match), and each match's coverage of
# the words is counted, so they are the costliest searches.
QUERIES = {
    "one or two words": [
        *((ZH, q) for q in "质子 质子治疗 招商 精准医学 医疗器械 創投基金 重离子 产业园 患者".split()),
        *((EN, q) for q in ["proton therapy", "investment", "precision medicine", "venture fund"]),
        (EN, "patients"),
        (EN, "heavy ion"),
    ],
    "questions and mixed script": [
        (ZH, "济南哪家医院可以做质子治疗"),
        (ZH, "园区有哪些创业投资基金可以申请"),
        (ZH, "外资企业怎样在产业园投资医疗器械"),
        (ZH, "2025 质子 患者"),
        (ZH, "CAR-T细胞治疗"),
        (EN, "how can I get proton therapy"),
        (EN, "which venture fund invests in the zone"),
    ],
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

        started, started_cpu = time.perf_counter(), time.process_time()
        call_command("update_index", verbosity=0)
        reindex, reindex_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        load = " ".join(f"{n:.1f}" for n in os.getloadavg())
        self.stdout.write(
            f"full reindex (update_index): {reindex:.1f} s ({reindex_cpu:.1f} s CPU of this process; "
            f"load average {load})"
        )
        if connection.vendor == "postgresql":
            # What autovacuum would have done after the bulk load and the reindex (a test server
            # may run without it): the planner's statistics gathered (without them PostgreSQL
            # takes the 10,000 new rows for a handful), and the reindex's dead rows gone.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

        # How fast this machine runs at the moment, beside the timings: they move with it.
        self.stdout.write(f"calibration (3 million additions): {calibration_ms():.0f} ms")
        client = Client(HTTP_HOST="localhost")
        prefixes = {"zh-hans": "", "en": "/en"}
        timings, cpu = [], []
        every_query = [pair for pairs in QUERIES.values() for pair in pairs]
        for language, query in every_query:
            client.get(f"{prefixes[language]}/search/", {"q": query})  # warm
            for _round in range(rounds):
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(f"{prefixes[language]}/search/", {"q": query})
                timings.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
                if response.status_code != 200:
                    raise CommandError(f"{query!r} answered {response.status_code}")
        self.report("search page (whole HTML page, in-process client)", timings, cpu)

        # The search alone: ranked first page of results, their count and their pages; over
        # every query, then each kind of query apart.
        measured = {}
        for kind, pairs in QUERIES.items():
            timings, cpu = measured.setdefault(kind, ([], []))
            for language, query in pairs:
                with translation.override(language):
                    for _round in range(rounds):
                        started, started_cpu = time.perf_counter(), time.process_time()
                        page = page_of_results(search(query), 1)
                        _results(page)
                        page.paginator.count  # noqa: B018 (the count is part of the work)
                        timings.append(time.perf_counter() - started)
                        cpu.append(time.process_time() - started_cpu)
        every = [sum((measured[kind][n] for kind in QUERIES), []) for n in (0, 1)]
        self.report("search (first page of results and count)", *every)
        for kind, (timings, cpu) in measured.items():
            self.report(f"search, {kind}", timings, cpu)
        self.stdout.write(f"calibration (3 million additions): {calibration_ms():.0f} ms")

    def report(self, label, timings, cpu):
        """Wall-clock time, and this process's CPU time: on a shared machine the wall clock
        counts other programs' turns too (the database server's work is not in the CPU time)."""
        self.stdout.write(f"{label}, {len(timings)} runs:")
        for name, values in (("wall clock", timings), ("CPU of this process", cpu)):
            values = sorted(values)
            p50 = statistics.median(values) * 1000
            p95 = values[max(0, int(len(values) * 0.95) - 1)] * 1000
            self.stdout.write(f"  {name}: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {values[-1] * 1000:.0f} ms")
        self.stdout.write(f"  load average: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")

    def corpus(self, home, count):
        """A news index holding `count` articles made of the demo's sentences (kept between runs).

        Written in bulk (Wagtail's add_child takes a quarter of a second a page here), with
        the tree paths and URL paths Wagtail would give them; indexing happens afterwards,
        in the measured full reindex.
        """
        index = NewsIndexPage.objects.filter(slug_zh_hans="benchmark").first()
        if index is None:
            index = NewsIndexPage(title="基准测试", title_zh_hans="基准测试", title_en="Benchmark")
            index.slug = index.slug_zh_hans = index.slug_en = "benchmark"
            home.add_child(instance=index)
            index.refresh_from_db()
        existing = NewsArticlePage.objects.child_of(index).count()
        if existing >= count:
            return index
        zh, en, titles = _pools()
        started = time.perf_counter()
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        now = timezone.now()
        pages = []
        for n in range(existing, count):
            title_zh, title_en = random.choice(titles)
            slug = f"bench-{n}"
            date = now - datetime.timedelta(days=random.randrange(3 * 365))
            pages.append(
                NewsArticlePage(
                    path=Page._get_path(index.path, index.depth + 1, n + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    content_type=content_type,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=date,
                    last_published_at=date,
                    title=f"{title_zh}（{n}）",
                    title_zh_hans=f"{title_zh}（{n}）",
                    title_en=f"{title_en} ({n})",
                    draft_title=f"{title_zh}（{n}）",
                    slug=slug,
                    slug_zh_hans=slug,
                    slug_en=slug,
                    url_path=f"{index.url_path_zh_hans}{slug}/",
                    url_path_zh_hans=f"{index.url_path_zh_hans}{slug}/",
                    url_path_en=f"{index.url_path_en}{slug}/",
                    has_english=True,
                    summary_zh_hans="。".join(random.sample(zh, 2)) + "。",
                    summary_en=" ".join(random.sample(en, 2)),
                    body_zh_hans=[("paragraph", RichText(f"<p>{'。'.join(random.sample(zh, 8))}。</p>"))],
                    body_en=[("paragraph", RichText(f"<p>{' '.join(random.sample(en, 8))}</p>"))],
                    kind=random.choice(["news", "press_release", "feature"]),
                    date=date,
                )
            )
        with transaction.atomic():
            parents = Page.objects.bulk_create([Page(**_page_fields(page)) for page in pages], batch_size=500)
            for page, parent in zip(pages, parents, strict=True):
                page.pk = page.page_ptr_id = parent.pk
            # Django cannot bulk-create a page type's own rows (multi-table inheritance): insert them.
            local_fields = NewsArticlePage._meta.local_concrete_fields
            for batch in range(0, len(pages), 500):
                NewsArticlePage.objects._insert(pages[batch : batch + 500], fields=local_fields)
            Page.objects.filter(pk=index.pk).update(numchild=count)
        self.stdout.write(f"created {count - existing} articles in {time.perf_counter() - started:.0f} s")
        return index


def _page_fields(page):
    """The values of a page's wagtailcore_page row."""
    fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    return {field.attname: getattr(page, field.attname) for field in fields}
