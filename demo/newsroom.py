"""Demo content for journalists: media contacts, the newsroom page, and one embargoed press release.

Loaded by DemoLoader.run through load_newsroom(); as idempotent as the rest of the demo.
"""

import datetime

from django.utils import timezone

from news.models import ArticleByline, NewsArticlePage
from newsroom.models import (
    ArticleAttachment,
    ArticleMediaContact,
    MediaContact,
    NewsroomMediaContact,
    NewsroomPage,
    PressKitImage,
)

from . import images, pdf

MEDIA_CONTACTS = [
    {
        "email": "press@example.org",
        "name": {"zh": "孙雅琳", "en": "Sun Yalin"},
        "role": {"zh": "新闻发言人", "en": "Spokesperson"},
        "phone": "+86 531 0000 0001",
    },
    {
        "email": "media@example.org",
        "name": {"zh": "高文博", "en": "Gao Wenbo"},
        "role": {"zh": "媒体联络（英文）", "en": "Media relations (English)"},
        "phone": "+86 531 0000 0002",
    },
]

NEWSROOM = {
    "slug": {"zh": "xinwen-zhongxin", "en": "newsroom"},
    "title": {"zh": "新闻中心", "en": "Newsroom"},
    "intro": {
        "zh": "面向媒体：最新新闻稿、媒体联系人和可下载的新闻资料包（标志、高清图片和机构简介）。",
        "en": "For journalists: the latest press releases, whom to call, and a press kit to download "
        "(logo, full-resolution photos and the boilerplate).",
    },
    "press_kit_images": ["proton-gantry", "hospital-dawn", "new-district"],
}

EMBARGOED_IMAGE = {
    "key": "embargo-campus",
    "motif": "rings",
    "colours": ("#12355b", "#d4a017", "#fff8e1"),
    "title": {"zh": "国际医学交流中心效果图", "en": "International medical exchange centre (rendering)"},
    "alt": {
        "zh": "深蓝色背景上的金色圆环，象征国际医学交流中心",
        "en": "Golden rings on a dark blue background, suggesting the international medical exchange centre",
    },
    "caption": {"zh": "国际医学交流中心效果图", "en": "The international medical exchange centre as planned"},
}

# Scheduled a few days after the demo is first loaded: until then it is under embargo.
EMBARGOED_RELEASE = {
    "slug": {"zh": "guoji-jiaoliu-zhongxin-qidong", "en": "international-exchange-centre-launch"},
    "kind": "press_release",
    "image": EMBARGOED_IMAGE["key"],
    "bylines": [("周静怡", "editor")],
    "zh": {
        "title": "医学中心启动建设国际医学交流中心",
        "subtitle": "面向海外患者和医学人才",
        "summary": "医学中心将建设国际医学交流中心，为海外患者提供就医服务，并承办国际医学会议和培训。",
        "body": [("paragraph", "<p>国际医学交流中心计划两年内建成，设有国际门诊、会议中心和培训基地。</p>")],
    },
    "en": {
        "title": "The zone starts building an international medical exchange centre",
        "subtitle": "For patients and medical talent from abroad",
        "summary": "The zone will build an international medical exchange centre that serves patients "
        "from abroad and hosts international conferences and training.",
        "body": [
            (
                "paragraph",
                "<p>The centre is planned to open within two years, with an international clinic, a "
                "conference centre and a training base.</p>",
            )
        ],
    },
}
EMBARGO_DAYS = 3

# The 2026 investor guide's release offers the guide itself, in each language.
GUIDE_RELEASE = "investor-guide-2026"
GUIDE = {
    "zh": {
        "title": "济南国际医学科学中心投资指南（2026年版）",
        "filename": "investor-guide-2026-zh.pdf",
        "link": "投资指南（中文版，PDF）",
        "lines": [
            "一、园区概况：医疗、科研、教育与康养一体的国际医学中心。",
            "二、五张清单：招商目录、招商地图、资源清单、产业政策、准入机制。",
            "三、应用场景机会：首批32项，分布在五大领域。",
            "四、支持政策：16条措施，覆盖产业、人才、金融和医疗服务。",
            "五、服务窗口：医学中心招商服务中心 0531-0000 0001。",
        ],
    },
    "en": {
        "title": "Jinan International Medical Center: Investor guide 2026",
        "filename": "investor-guide-2026-en.pdf",
        "link": "Investor guide (English, PDF)",
        "lines": [
            "1. The zone: care, research, education and health services in one international medical centre.",
            "2. Five lists: investment catalogue, map, resources, industrial policies and market access.",
            "3. Application-scenario opportunities: the first 32, in five fields.",
            "4. Support policies: sixteen measures on industry, talent, finance and medical services.",
            "5. Whom to ask: Investment Service Centre, +86 531 0000 0001.",
        ],
    },
}


def both(column, pair):
    return {f"{column}_zh_hans": pair["zh"], f"{column}_en": pair["en"]}


def load_newsroom(loader, home, news_index):
    contacts = [
        loader.save_model(
            "media contact",
            MediaContact,
            {"email": data["email"]},
            both("name", data["name"]) | both("role", data["role"]) | {"phone": data["phone"]},
            data["email"],
        )
        for data in MEDIA_CONTACTS
    ]
    guide = guide_attachments(loader)
    for page in (
        NewsArticlePage.objects.child_of(news_index).live().filter(kind=NewsArticlePage.Kind.PRESS_RELEASE)
    ):
        relations = {"media_contacts": [ArticleMediaContact(contact=contact) for contact in contacts]}
        if page.slug_en == GUIDE_RELEASE:
            relations["attachments"] = guide
        loader.save_page(
            news_index, NewsArticlePage, {"zh": page.slug_zh_hans, "en": page.slug_en}, {}, relations
        )
    loader.save_page(
        home,
        NewsroomPage,
        NEWSROOM["slug"],
        both("title", NEWSROOM["title"]) | both("intro", NEWSROOM["intro"]) | {"show_in_menus": True},
        {
            "media_contacts": [NewsroomMediaContact(contact=contact) for contact in contacts],
            "press_kit_images": [
                PressKitImage(image=loader.images[key]) for key in NEWSROOM["press_kit_images"]
            ],
        },
    )
    load_embargoed_release(loader, news_index, contacts)


def guide_attachments(loader):
    """The investor guide in Chinese and English, as the release's attachments (unsaved rows)."""
    rows = []
    for language in ("zh", "en"):
        data = GUIDE[language]
        document = loader.save_document(
            data["title"],
            data["filename"],
            lambda data=data, language=language: pdf.render(data["title"], data["lines"], language == "zh"),
        )
        rows.append(ArticleAttachment(document=document, title_zh_hans=data["link"], title_en=data["link"]))
    return rows


def load_embargoed_release(loader, news_index, contacts):
    """A press release scheduled a few days ahead; once created it is left alone, embargo and all."""
    data = EMBARGOED_RELEASE
    spec = EMBARGOED_IMAGE
    loader.images[spec["key"]] = loader.save_image(
        spec["key"],
        spec["title"],
        spec["alt"],
        both("caption", spec["caption"]) | both("credit", {"zh": "医学中心新闻中心", "en": "JIMC newsroom"}),
        lambda: images.render(spec["motif"], spec["colours"], seed=sum(map(ord, spec["key"]))),
        "jpg",
    )
    existing = NewsArticlePage.objects.child_of(news_index).filter(slug_zh_hans=data["slug"]["zh"]).first()
    if existing is not None:
        loader.log("page", "unchanged", existing.url_path)
        return existing
    release_at = (timezone.localtime() + datetime.timedelta(days=EMBARGO_DAYS)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    fields = loader.article_fields({**data, "date": release_at.timetuple()[:5]})
    page = NewsArticlePage(**both("slug", data["slug"]), **fields, go_live_at=release_at)
    page.bylines = [ArticleByline(person=loader.people[name], role=role) for name, role in data["bylines"]]
    page.media_contacts = [ArticleMediaContact(contact=contact) for contact in contacts]
    news_index.add_child(instance=page)
    # Publishing with a future go-live time schedules it: the page stays not live until then.
    page.save_revision().publish()
    loader.log("page", "scheduled", f"{page.url_path} (embargoed until {release_at:%Y-%m-%d %H:%M %Z})")
    return page
