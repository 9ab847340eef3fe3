"""Questions and several words: any word may match, more of them first; passages from the body
with whole words highlighted; editors' synonyms; "did you mean"; dates only where they mean something."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from wagtail.search.index import insert_or_update_object

from search.templatetags.search_tags import highlight

from ..factories import NewsArticlePageFactory, StandardPageFactory, body
from ..html import parse
from ..policies.factories import PolicyEntryFactory, PolicyIndexPageFactory, PolicyListPageFactory
from ..workflow.factories import StaffFactory

pytestmark = pytest.mark.django_db


def result_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [a.get_text() for a in parse(response).select(".search-result__title a")]


def article(news_index, **fields):
    """An article whose summary and body hold none of the test's words unless told."""
    neutral = {
        "title_en": "Zone news",
        "summary_zh_hans": "园区动态。",
        "summary_en": "Zone news.",
        "body_zh_hans": body("正文。"),
    }
    return NewsArticlePageFactory(parent=news_index, **{**neutral, **fields})


def chinese_list(home, title, entries, **fields):
    """A policy list of entries in Chinese only ((title, summary) each), indexed with them."""
    page = PolicyListPageFactory(parent=PolicyIndexPageFactory(parent=home), title_zh_hans=title, **fields)
    for entry_title, summary in entries:
        PolicyEntryFactory(page=page, title_zh_hans=entry_title, summary_zh_hans=summary, english=False)
    insert_or_update_object(page)
    return page


def test_a_question_finds_the_pages_holding_most_of_its_words_first(client, news_index):
    now = timezone.now()
    article(news_index, title_zh_hans="济南新闻一则", date=now)
    article(news_index, title_zh_hans="细胞治疗产业论坛举行", date=now - datetime.timedelta(days=1))
    article(
        news_index, title_zh_hans="济南市中心医院开展CAR-T细胞治疗", date=now - datetime.timedelta(days=300)
    )
    article(news_index, title_zh_hans="园区招商会", title_en="Proton therapy centre opens")
    # Every word was required before: the question found nothing.
    assert result_titles(client, "/search/?q=济南哪家医院可以做CAR-T细胞治疗") == [
        "济南市中心医院开展CAR-T细胞治疗",
        "细胞治疗产业论坛举行",
        "济南新闻一则",
    ]
    # CAR-T is one term, not "car" and a dropped "t".
    assert result_titles(client, "/search/?q=CAR-T") == ["济南市中心医院开展CAR-T细胞治疗"]
    # Question words carry no weight; alone, they are still searched for.
    assert result_titles(client, "/en/search/?q=how+can+I+get+proton+therapy") == [
        "Proton therapy centre opens"
    ]
    assert result_titles(client, "/search/?q=怎样") == []


def test_a_rare_word_outweighs_common_ones(client, news_index):
    """Coverage weighs each word by its rarity (BM25's idf): a page holding the rare 干细胞
    ranks above one holding the common 临床 and 研究, as for 幹細胞臨床研究 in the evaluation;
    a page holding every word still comes first."""
    for number in range(6):
        article(news_index, title_zh_hans=f"园区动态{number}", body_zh_hans=body("临床研究持续推进。"))
    article(news_index, title_zh_hans="园区资源清单", body_zh_hans=body("临床试验机构与研究平台一览。"))
    article(news_index, title_zh_hans="园区建成细胞库", body_zh_hans=body("干细胞库投入使用。"))
    article(news_index, title_zh_hans="园区新闻", body_zh_hans=body("干细胞临床研究获批。"))
    titles = result_titles(client, "/search/?q=幹細胞臨床研究")
    assert titles[:2] == ["园区新闻", "园区建成细胞库"]
    assert titles.index("园区建成细胞库") < titles.index("园区资源清单")


def test_a_question_finds_a_long_word_by_its_parts(client, news_index):
    """BM25 finds 康复训练 by 康复; the site does too when the reader asks a question, and
    ranks the page holding the whole word first. Without a question word, a word needs all of
    its characters' pairs."""
    article(news_index, title_zh_hans="德国康复器械研发中心落户")
    article(news_index, title_zh_hans="园区新闻", body_zh_hans=body("卒中患者在此接受康复训练。"))
    assert result_titles(client, "/search/?q=卒中患者去哪里做康复训练") == [
        "园区新闻",
        "德国康复器械研发中心落户",
    ]
    assert result_titles(client, "/search/?q=康复训练方案") == ["园区新闻"]


def test_a_body_match_shows_its_sentence_with_whole_words_highlighted(client, news_index):
    article(
        news_index,
        title_zh_hans="园区新闻",
        summary_zh_hans="园区一周动态。",
        body_zh_hans=body("机器人走进病房。园区首例质子治疗患者出院，医护人员送别。其他消息。"),
    )
    summary = parse(client.get("/search/?q=质子")).select_one(".search-result__summary")
    assert summary.get_text() == "园区首例质子治疗患者出院，医护人员送别。"
    assert [m.get_text() for m in summary.select("mark")] == ["质子"]
    # A term is marked as a whole word, never as a character inside another word.
    assert "<mark>" not in highlight("机器人上岗", ["人"])
    assert str(highlight("新来了三人", ["人"])).count("<mark>") <= 1


def test_editors_add_synonyms_in_the_admin_and_the_search_uses_them(client, news_index):
    article(
        news_index, title_zh_hans="园区首家互联网医院上线", title_en="The zone's first online clinic opens"
    )
    assert result_titles(client, "/search/?q=网络医院") == ["园区首家互联网医院上线"]  # 医院 alone
    assert result_titles(client, "/en/search/?q=internet+hospital") == []
    editor = StaffFactory(role="Editors")
    client.force_login(editor)
    url = "/admin/snippets/site_search/synonym/add/"
    refused = client.post(url, {"words": "网络医院", "note": ""})
    assert refused.status_code == 200
    assert "at least two words" in refused.content.decode() or "至少" in refused.content.decode()
    saved = client.post(
        url, {"words": "互联网医院 = 网络医院 = internet hospital, online clinic", "note": ""}
    )
    assert saved.status_code == 302
    client.logout()
    assert result_titles(client, "/en/search/?q=internet+hospital") == [
        "The zone's first online clinic opens"
    ]
    summary_marks = parse(client.get("/search/?q=网络医院")).select(".search-result__title mark")
    assert "互联网" in [m.get_text() for m in summary_marks] or "医院" in [
        m.get_text() for m in summary_marks
    ]


def test_a_synonym_counts_where_a_page_holds_it_as_written(client, home, news_index):
    client.force_login(StaffFactory(role="Editors"))
    saved = client.post(
        "/admin/snippets/site_search/synonym/add/",
        {"words": "互联网医院 = 网络医院 = internet hospital", "note": ""},
    )
    assert saved.status_code == 302
    client.logout()
    # 网络 in one sentence and 医院 in another are not 网络医院: this page holds only the
    # reader's common 医院.
    article(
        news_index,
        title_zh_hans="县域远程会诊",
        title_en="County consultations",
        body_zh_hans=body("手术画面经5G网络传回，县医院医生配合。"),
    )
    # A list of entries holding the word in one of them.
    chinese_list(
        home,
        "招商目录",
        [("互联网医院", "依托实体医院的在线诊疗。"), ("专科医院", "肿瘤、眼科专科医院。")],
        title_en="Investment catalogue",
    )
    # The word itself, with its English synonym and without.
    article(
        news_index,
        title_zh_hans="复诊服务上线",
        body_zh_hans=body("园区互联网医院开通复诊。"),
        body_en=body("The zone's internet hospital now offers follow-up visits."),
        date=timezone.now(),
    )
    article(
        news_index,
        title_zh_hans="续方服务上线",
        summary_zh_hans="互联网医院可以续方。",
        body_zh_hans=body("园区互联网医院开通续方。"),
        date=timezone.now() - datetime.timedelta(days=30),
    )
    titles = result_titles(client, "/search/?q=互联网医院")
    assert set(titles[:3]) == {"招商目录", "复诊服务上线", "续方服务上线"}
    assert titles[-1] == "县域远程会诊"
    # Asked in English, the Chinese synonyms count where a page holds them as written.
    titles = result_titles(client, "/en/search/?q=internet+hospital")
    assert titles.index("Investment catalogue") < titles.index("County consultations")


def add_synonyms(client, words):
    client.force_login(StaffFactory(role="Editors"))
    saved = client.post("/admin/snippets/site_search/synonym/add/", {"words": words, "note": ""})
    assert saved.status_code == 302
    client.logout()


def said_twice_and_once(client, news_index, word):
    """A page saying `word` and, in its English, the synonym "online hospital"; an older one
    saying `word` alone, in its summary too, which ranks first where both count `word` once."""
    add_synonyms(client, "互联网医院 = 网络医院 = online hospital")
    article(
        news_index,
        title_zh_hans="两种说法",
        title_en="Follow-up visits",
        body_zh_hans=body(f"园区{word}开通复诊。"),
        body_en=body("The zone's online hospital now offers follow-up visits."),
    )
    article(
        news_index,
        title_zh_hans="一种说法",
        summary_zh_hans=f"{word}可以续方。",
        body_zh_hans=body(f"园区{word}开通续方。"),
        date=timezone.now() - datetime.timedelta(days=30),
    )


def test_a_synonym_adds_nothing_to_a_page_that_holds_the_readers_word(client, news_index):
    # The reader's word, and in the page's English the synonym, is the same thing said twice,
    # in two languages: it counted once more than the word, and that page came first.
    said_twice_and_once(client, news_index, "互联网医院")
    # A page that says it only another way is still found, by the synonym.
    article(news_index, title_zh_hans="网上看病", body_zh_hans=body("网络医院让患者在家看病。"))
    assert result_titles(client, "/search/?q=互联网医院") == ["一种说法", "两种说法", "网上看病"]


def test_the_synonyms_of_one_word_count_once(client, news_index):
    # Neither page holds the reader's word; one says it another way in both its languages,
    # which counted twice.
    said_twice_and_once(client, news_index, "网络医院")
    # "online" and "hospital" are common here, 网络医院 is not: the best synonym is 网络医院.
    for n in range(3):
        article(news_index, title_zh_hans=f"医院动态{n}", body_en=body("Hospital staff put forms online."))
    titles = result_titles(client, "/search/?q=互联网医院")
    assert titles.index("一种说法") < titles.index("两种说法"), titles


def test_a_list_holding_the_whole_query_as_written_counts_it_in_full(client, home, news_index):
    # The words scattered over an article, and a list holding them together in one entry: a
    # list's coverage counts half (its entries hold words apart), but not where it holds the
    # query's run as written, which is in one entry.
    article(
        news_index,
        title_zh_hans="园区动态",
        body_zh_hans=body("园区推进互联网建设。"),
        body_en=body("The zone builds its network."),
    )
    NewsArticlePageFactory(
        parent=news_index,
        title_zh_hans="医院新闻",
        summary_zh_hans="园区动态。",
        body_zh_hans=body("新医院开诊。"),
    )
    article(news_index, title_zh_hans="两者皆有", body_zh_hans=body("互联网企业入驻，新医院开诊。"))
    chinese_list(
        home, "招商目录", [("数字医疗", "引进互联网医院和远程会诊平台。"), ("专科医院", "肿瘤专科。")]
    )
    assert result_titles(client, "/search/?q=互联网医院")[:2] == ["招商目录", "两者皆有"]


def test_a_lists_entry_titles_rank_as_its_summary(client, home, news_index):
    # One word, in no title and no summary: the list whose entry is named by it comes before
    # an article that only mentions it, newer and about little else.
    article(news_index, title_zh_hans="园区新闻", body_zh_hans=body("康复。康复训练。"), date=timezone.now())
    chinese_list(
        home, "场景机会", [("康复器械试用", "医院试用新设备和新方法，包括各类器械与系统的临床验证。")]
    )
    assert result_titles(client, "/search/?q=康复") == ["场景机会", "园区新闻"]


def test_did_you_mean_offers_the_sites_spelling_and_keeps_the_readers(client, news_index):
    article(news_index, title_en="Rehabilitation centre opens", title_zh_hans="康复中心开业")
    StandardPageFactory(
        parent=news_index.get_parent(), title_zh_hans="康复指南", title_en="Rehabilitation guide"
    )
    soup = parse(client.get("/en/search/?q=rehabilitaion"))
    assert soup.select_one("#search-q")["value"] == "rehabilitaion"
    offer = soup.select_one(".search__did-you-mean a")
    assert offer.get_text() == "rehabilitation"
    assert offer["href"] == "?q=rehabilitation"
    found = parse(client.get("/en/search/?q=rehabilitation"))
    times = {
        r.select_one("h2").get_text(): r.select_one("time") is not None
        for r in found.select(".search-result")
    }
    # An article shows its date; a standard page's first publication means nothing to a reader.
    assert times == {"Rehabilitation centre opens": True, "Rehabilitation guide": False}


def test_editors_pin_a_best_answer_for_a_query_in_both_languages(client, news_index):
    now = timezone.now()
    newer = article(news_index, title_zh_hans="质子治疗新闻", title_en="Proton therapy news", date=now)
    guide = article(
        news_index,
        title_zh_hans="质子治疗就医指南",
        title_en="Proton therapy: a guide for patients",
        date=now - datetime.timedelta(days=500),
    )
    client.force_login(StaffFactory(role="Editors"))
    for query in ("质子治疗", "proton therapy"):
        response = client.post(
            "/admin/searchpicks/add/",
            {
                "query_string": query,
                "editors_picks-TOTAL_FORMS": 1,
                "editors_picks-INITIAL_FORMS": 0,
                "editors_picks-MAX_NUM_FORMS": 1000,
                "editors_picks-0-DELETE": "",
                "editors_picks-0-ORDER": 0,
                "editors_picks-0-page": guide.pk,
                "editors_picks-0-description": "",
            },
        )
        assert response.status_code == 302
    client.logout()
    for url, title in [
        ("/search/?q=质子治疗", "质子治疗就医指南"),
        ("/en/search/?q=Proton+Therapy", "Proton therapy: a guide for patients"),
    ]:
        soup = parse(client.get(url))
        assert [a.get_text() for a in soup.select(".search-promoted a")] == [title]
    assert newer.pk  # the results themselves keep their own order


def test_a_policy_lists_entries_are_not_its_title(home):
    policy_list = PolicyListPageFactory(
        parent=PolicyIndexPageFactory(parent=home), title_zh_hans="支持政策", title_en="Support policies"
    )
    PolicyEntryFactory(page=policy_list, title_zh_hans="肿瘤药物补贴", title_en="Oncology drug grants")
    insert_or_update_object(policy_list)
    entry = apps.get_model("wagtailsearch", "IndexEntry").objects.get(object_id=str(policy_list.pk))
    postgres = connection.vendor == "postgresql"
    title, body_text = (entry.title_text, entry.body_text) if postgres else (entry.title, entry.body)
    assert "support" in title and "oncolog" not in title and "肿瘤" not in title
    assert "oncolog" in body_text and "肿瘤" in body_text
