"""The search evaluation: the site search against an offline BM25 reference over the same text.

The corpus is whatever the database holds (the demo content, in `make search-eval`) plus the
articles of articles.toml; the queries and their judged pages are in queries.toml. Each query
runs through the site's own search (search.query.search, with "did you mean" followed when the
search page would offer it) and through rank-bm25's BM25Okapi over the very terms the site
indexed for each page (its index entry's title and body: segmented Chinese, stemmed English),
asked with the site's analysis of the query (search.analysis.query_terms), any term may match.
The reference knows no synonyms and no spelling. docs/search.md records the scores.
"""

import datetime
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.utils import timezone, translation
from rank_bm25 import BM25Okapi
from wagtail.models import Page
from wagtail.rich_text import RichText

from search.analysis import query_terms
from search.query import search, searchable_pages
from search.ranking import LANGUAGE_SEPARATOR
from search.suggest import did_you_mean
from search.synonyms import with_synonyms

HERE = Path(__file__).parent
CUTOFF = 10  # results read per query: the search page's first page
FEW_RESULTS = 3  # as search.views.FEW_RESULTS
CLASSES = ("question", "words", "phrase", "mixed", "traditional", "typo", "synonym", "english")


@dataclass(frozen=True)
class Query:
    kind: str
    language: str
    text: str
    relevant: dict  # Chinese slug -> 2 (the answer) or 1 (helps)


def articles():
    return tomllib.loads((HERE / "articles.toml").read_text(encoding="utf-8"))["article"]


def queries():
    data = tomllib.loads((HERE / "queries.toml").read_text(encoding="utf-8"))["query"]
    found = [Query(q["class"], q["language"], q["text"], dict(q["relevant"])) for q in data]
    unknown = {query.kind for query in found} - set(CLASSES)
    assert not unknown, f"queries.toml: unknown classes {unknown}"
    return found


def _paragraphs(paragraphs):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]


def add_articles(news_index):
    """The articles of articles.toml, published under `news_index` as an editor would leave them
    (saved and indexed by the site's own signals)."""
    from ...factories import NewsArticlePageFactory

    for article in articles():
        date = datetime.datetime.combine(
            article["date"], datetime.time(9), tzinfo=timezone.get_current_timezone()
        )
        NewsArticlePageFactory(
            parent=news_index,
            slug_zh_hans=article["slug"],
            slug_en=article["slug"],
            title_zh_hans=article["title_zh"],
            title_en=article["title_en"],
            summary_zh_hans=article["summary_zh"],
            summary_en=article["summary_en"],
            body_zh_hans=_paragraphs(article["body_zh"]),
            body_en=_paragraphs(article["body_en"]),
            date=date,
            lead_image=None,
        )


# The two searches: each gives the Chinese slugs of its first CUTOFF results.


def _slugs(pks):
    slugs = dict(Page.objects.filter(pk__in=pks).values_list("pk", "slug_zh_hans"))
    return [slugs[pk] for pk in pks]


def site_results(query):
    """The site search's first page for `query`; where the search page offers "did you mean"
    (nothing found, or fewer than FEW_RESULTS for several words), the first page of the
    suggestion when it finds more: the link a reader would follow."""
    with translation.override(query.language):
        found = [page.pk for page in search(query.text)[:CUTOFF]]
        several_words = len(query_terms(with_synonyms(query.text))) > 1
        if not found or (len(found) < FEW_RESULTS and several_words):
            suggestion = did_you_mean(query.text)
            if suggestion and suggestion.casefold() != query.text.casefold():
                better = [page.pk for page in search(suggestion)[:CUTOFF]]
                if len(better) > len(found):
                    found = better
    return _slugs(found)


class Reference:
    """BM25 (rank-bm25's Okapi, its default k1 1.5, b 0.75) over the terms the site indexed for
    every page a reader of `language` may find, one document a page."""

    def __init__(self, language):
        pages = searchable_pages(english=language == "en").values_list("pk", "content_type_id")
        entries = apps.get_model("wagtailsearch", "IndexEntry").objects.filter(
            object_id__in=[str(pk) for pk, _ in pages]
        )
        wanted = {(str(pk), content_type) for pk, content_type in pages}
        title, body = ("title", "body") if connection.vendor == "sqlite" else ("title_text", "body_text")
        documents = {}
        for object_id, content_type, title_terms, body_terms in entries.values_list(
            "object_id", "content_type_id", title, body
        ):
            if (object_id, content_type) in wanted:
                # The separator between an indexed field's languages is not a term.
                text = f"{title_terms or ''} {body_terms or ''}".replace(LANGUAGE_SEPARATOR, " ")
                documents[int(object_id)] = text.split()
        self.pks = list(documents)
        self.bm25 = BM25Okapi([documents[pk] for pk in self.pks])

    def results(self, query):
        terms = query_terms(query.text)
        scores = self.bm25.get_scores(terms)
        matched = [i for i, counts in enumerate(self.bm25.doc_freqs) if any(term in counts for term in terms)]
        best = sorted(matched, key=lambda i: (-scores[i], -self.pks[i]))[:CUTOFF]
        return _slugs([self.pks[i] for i in best])


# The measures, per query; a class's score is the mean over its queries.


def precision_at(results, relevant, k):
    return sum(1 for slug in results[:k] if relevant.get(slug)) / k


def recall_at(results, relevant, k):
    wanted = [slug for slug, grade in relevant.items() if grade]
    return sum(1 for slug in results[:k] if slug in wanted) / len(wanted)


def ndcg_at(results, relevant, k):
    """Normalised discounted cumulative gain, gains 2^grade − 1."""

    def dcg(grades):
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:k]))

    ideal = dcg(sorted(relevant.values(), reverse=True))
    return dcg([relevant.get(slug, 0) for slug in results]) / ideal if ideal else 0.0


MEASURES = {
    "P@1": lambda results, relevant: precision_at(results, relevant, 1),
    "P@5": lambda results, relevant: precision_at(results, relevant, 5),
    "R@10": lambda results, relevant: recall_at(results, relevant, 10),
    "nDCG@10": lambda results, relevant: ndcg_at(results, relevant, 10),
}


@dataclass
class Evaluation:
    """Each query's results from the site and from the reference, and their scores."""

    runs: list = field(default_factory=list)  # (query, site results, reference results)

    def scores(self, system, kinds=None):
        """{measure: mean} over the queries of `kinds` (all if None), for "site" or "bm25"."""
        column = 1 if system == "site" else 2
        chosen = [run for run in self.runs if kinds is None or run[0].kind in kinds]
        return {
            name: sum(measure(run[column], run[0].relevant) for run in chosen) / len(chosen)
            for name, measure in MEASURES.items()
        }

    def classes(self):
        return [kind for kind in CLASSES if any(run[0].kind == kind for run in self.runs)]

    def report(self):
        """The table `make search-eval` prints: per class and overall, site beside BM25."""
        header = " ".join(f"{name:>7}" for name in MEASURES)
        lines = [
            f"search evaluation: {len(self.runs)} queries, site | BM25 reference (rank-bm25)",
            f"{'class':<12}{'n':>3}  {header}  | {header}",
        ]
        rows = [(kind, [kind]) for kind in self.classes()] + [("overall", None)]
        for label, kinds in rows:
            count = len([run for run in self.runs if kinds is None or run[0].kind in kinds])
            site, bm25 = self.scores("site", kinds), self.scores("bm25", kinds)
            lines.append(
                f"{label:<12}{count:>3}  "
                + " ".join(f"{site[name]:>7.2f}" for name in MEASURES)
                + "  | "
                + " ".join(f"{bm25[name]:>7.2f}" for name in MEASURES)
            )
        for query, site, bm25 in self.runs:
            if ndcg_at(site, query.relevant, CUTOFF) < ndcg_at(bm25, query.relevant, CUTOFF):
                lines.append(
                    f"BEHIND [{query.kind}, {query.language}] {query.text!r}: "
                    f"site {site[:3]}, BM25 {bm25[:3]}"
                )
        return lines


def evaluate(chosen=None):
    """Runs `chosen` queries (all of queries.toml if None) through the site and the reference."""
    chosen = queries() if chosen is None else chosen
    references = {}
    evaluation = Evaluation()
    for query in chosen:
        if query.language not in references:
            references[query.language] = Reference(query.language)
        evaluation.runs.append((query, site_results(query), references[query.language].results(query)))
    return evaluation
