"""The demo's search synonyms and promoted results (docs/search.md), both languages."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search.models import Synonym

SYNONYMS = [
    ("互联网医院 = 网络医院 = internet hospital = online hospital", "互联网诊疗的几种说法"),
    ("MAH = 药品上市许可持有人 = marketing authorisation holder", "药品上市许可持有人制度"),
    ("质子重离子 = 质子和重离子 = proton and heavy ion", "粒子治疗"),
    ("创投 = 创业投资 = venture capital", "基金新闻常用简称"),
]

# (query, the Chinese slug of the page pinned as its best answer)
PROMOTIONS = [
    ("质子治疗", "zhizi-zhongxin-shouli-huanzhe"),
    ("proton therapy", "zhizi-zhongxin-shouli-huanzhe"),
]


def load(loader):
    for words, note in SYNONYMS:
        loader.save_model("synonym", Synonym, {"words": words}, {"note": note}, words)
    for query_string, slug in PROMOTIONS:
        page = Page.objects.filter(slug_zh_hans=slug).first()
        if page is None:
            continue
        query = Query.get(query_string)
        loader.save_model(
            "search promotion",
            SearchPromotion,
            {"query": query, "page": page},
            {},
            f"{query_string} → {slug}",
        )
