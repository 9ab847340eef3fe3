"""The relevance set: queries a reader types, over the demo content (`load_demo`), each with
the page that must come first (rank 1) or among the first three (rank 3).

Pages are named by their Chinese slug. `evaluate()` runs the set through the search page's
own query (search.query.search) and is shared by the test and `make search-eval`.
"""

from dataclasses import dataclass

from django.utils import translation


@dataclass(frozen=True)
class Case:
    language: str
    query: str
    expected: str  # the Chinese slug of the page
    rank: int  # 1: must come first; 3: among the first three


def zh(query, expected, rank=1):
    return Case("zh-hans", query, expected, rank)


def en(query, expected, rank=1):
    return Case("en", query, expected, rank)


PROTON = "zhizi-zhongxin-shouli-huanzhe"

CHINESE = [
    zh("质子", PROTON),
    zh("质子治疗", PROTON),
    zh("重离子", "zhonglizi-bingfang-kaigong"),
    # Since the investment map, catalogue and "five lists" joined the site, they answer 招商 first;
    # the team is found by its own name.
    zh("招商", "zhaoshang-ditu", 3),
    zh("招商团队", "zhaoshang-tuandui", 3),
    zh("精准医学", "jingzhun-yixue-chanyeyuan"),
    zh("产业园", "jingzhun-yixue-chanyeyuan", 3),
    zh("创业投资基金", "shouzhi-chuangtou-jijin"),
    zh("母基金", "yindao-mujijin"),
    zh("保健医疗", "hanguo-hezuo-jiaoliuhui"),
    zh("合作备忘录", "hanguo-hezuo-jiaoliuhui", 3),
    zh("五张清单", "chanyelian-wuzhang-qingdan"),
    zh("应用场景", "changjing-jihui-qingdan", 3),
    zh("注册证", "qixie-zhucezheng"),
    zh("医疗器械", "qixie-zhucezheng", 3),
    zh("政策清单", "zhengce-qingdan-16-tiao", 3),
    zh("以色列", "yiselie-ruishi-xiangmu", 3),
    zh("瑞士", "yiselie-ruishi-xiangmu", 3),
    # The roadshow year's event page and the article about the roadshows both answer it.
    zh("路演", "jingpin-luyan", 3),
    zh("投资指南", "2026-touzi-zhinan", 3),
    zh("试运行", "xin-yiyuan-shiyunxing"),
    zh("综合医院", "xin-yiyuan-shiyunxing"),
    zh("图片故事", "tupian-yixue-zhongxin-yinian"),
    zh("回顾", "2023-niandu-huigu"),
    zh("联系", "lianxi"),
    zh("济南国际医学科学中心", "zhengce-qingdan-16-tiao", 3),
]

TRADITIONAL = [
    zh("質子治療", PROTON),
    zh("醫療器械", "qixie-zhucezheng", 3),
    zh("精準醫學", "jingzhun-yixue-chanyeyuan"),
    zh("保健醫療", "hanguo-hezuo-jiaoliuhui"),
    zh("創投基金", "shouzhi-chuangtou-jijin", 3),
    zh("投資指南", "2026-touzi-zhinan", 3),
]

ENGLISH = [
    en("proton therapy", PROTON),
    en("treats first patient", PROTON),
    en("heavy ion", "zhonglizi-bingfang-kaigong"),
    en("precision medicine", "jingzhun-yixue-chanyeyuan"),
    en("venture fund", "shouzhi-chuangtou-jijin"),
    en("guidance fund", "yindao-mujijin"),
    en("health cooperation Korea", "hanguo-hezuo-jiaoliuhui"),
    en("five lists", "chanyelian-wuzhang-qingdan"),
    en("application scenarios", "changjing-jihui-qingdan", 3),
    en("device registrations", "qixie-zhucezheng"),
    en("sixteen measures", "zhengce-qingdan-16-tiao"),
    en("Israeli Swiss", "yiselie-ruishi-xiangmu"),
    en("Mediterranean", "yiselie-ruishi-xiangmu"),
    en("investor guide 2026", "2026-touzi-zhinan", 3),
    en("year in pictures", "tupian-yixue-zhongxin-yinian"),
    en("2023 review", "2023-niandu-huigu", 3),
    en("contact", "lianxi"),
    en("investment team", "zhaoshang-tuandui", 3),
]

# Asked the way readers ask: every word was required once, so these found nothing.
QUESTIONS = [
    zh("哪里可以做质子治疗", PROTON, 3),
    zh("济南怎样申请医疗器械注册证", "qixie-zhucezheng", 3),
    zh("园区有哪些创业投资基金", "shouzhi-chuangtou-jijin", 3),
    zh("重离子病房什么时候开工", "zhonglizi-bingfang-kaigong", 3),
    en("how can I get proton therapy", PROTON, 3),
    en("where is the heavy ion ward", "zhonglizi-bingfang-kaigong", 3),
    en("which venture fund invests in the zone", "shouzhi-chuangtou-jijin", 3),
]

CASES = CHINESE + TRADITIONAL + ENGLISH + QUESTIONS


def evaluate(cases=CASES):
    """[(case, the Chinese slugs of the first three results)] for every case."""
    from wagtail.models import Page

    from search.query import search

    outcomes = []
    for case in cases:
        with translation.override(case.language):
            top = [page.pk for page in search(case.query)[:3]]
        slugs = dict(Page.objects.filter(pk__in=top).values_list("pk", "slug_zh_hans"))
        outcomes.append((case, [slugs[pk] for pk in top]))
    return outcomes


def passed(case, slugs):
    return case.expected in slugs[: case.rank]


def report(outcomes):
    """Precision@1 and @3 over the set, and the cases that missed, as printable lines."""
    total = len(outcomes)
    at_1 = sum(slugs[:1] == [case.expected] for case, slugs in outcomes)
    at_3 = sum(case.expected in slugs[:3] for case, slugs in outcomes)
    lines = [
        f"relevance set: {total} queries",
        f"precision@1: {at_1 / total:.2f} ({at_1}/{total})",
        f"precision@3: {at_3 / total:.2f} ({at_3}/{total})",
    ]
    for case, slugs in outcomes:
        if not passed(case, slugs):
            wanted = f"{case.expected} in top {case.rank}"
            lines.append(f"MISS [{case.language}] {case.query!r}: wanted {wanted}, got {slugs}")
    return lines
