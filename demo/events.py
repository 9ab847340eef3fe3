# ruff: noqa: E501  (demo prose: one sentence per line reads better than wrapped strings)
"""Demo events and roadshows, from the zone's public facts: its promotion team ran 19 roadshows
in one year that drew more than 50 investment institutions; loaded by demo/loader.py. The
dates and places of the coming events are illustrative."""

import datetime
import zoneinfo

from events.models import EventDocument, EventIndexPage, EventPage, EventSpeaker
from home.models import StandardPage
from policies.models import PolicyListPage

from . import pdf
from .policies import INVESTMENT_CATALOGUE
from .values import both, stream

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


INDEX = {
    "slug": {"zh": "huodong", "en": "events"},
    "title": {"zh": "活动与路演", "en": "Events and roadshows"},
    "intro": {
        "zh": "医学中心的招商路演、项目与基金对接会、展会和实地考察。报名参加，或把活动加入您的日历。",
        "en": "The zone's investment roadshows, project and fund matchmaking sessions, exhibitions and site visits. Sign up, or add an event to your calendar.",
    },
}

EVENTS = [
    {
        "slug": {"zh": "2024-jingpin-luyan", "en": "2024-roadshow-series"},
        "kind": "roadshow",
        "sectors": ["medical-devices", "biotechnology"],
        "event_language": "zh",
        "starts_at": at(2024, 11, 20, 14),
        "ends_at": at(2024, 11, 20, 17),
        "title": {"zh": "2024 年度精品项目路演", "en": "2024 project roadshow series"},
        "organiser": {"zh": "医学中心投资促进局", "en": "Investment Promotion Bureau of the medical center"},
        "venue": {
            "zh": "济南 · 医学中心招商服务中心",
            "en": "Investment Service Centre, medical center, Jinan",
        },
        "summary": {
            "zh": "全年 19 场精品路演，为园区项目寻找融资机会，50 余家头部投资机构参与。",
            "en": "Nineteen project roadshows in one year, looking for finance for the zone's companies, drew more than 50 leading investment institutions.",
        },
        "report": {
            "zh": "<p>这一年，招商团队组织了 19 场精品路演，50 余家头部投资机构参与。项目方通过路演、资本对接和交流洽谈，与产业基金和金融机构直接见面。</p>",
            "en": "<p>Over the year the promotion team ran 19 project roadshows, attended by more than 50 leading investment institutions. Companies met industry funds and financial institutions directly, through pitches, capital matchmaking and talks.</p>",
        },
    },
    {
        "slug": {"zh": "xiangmu-jijin-duijiehui", "en": "project-and-fund-matchmaking"},
        "kind": "roadshow",
        "sectors": ["medical-devices"],
        "speakers": [
            (
                "高嘉宁",
                "主持人：园区医疗器械产业与招商政策",
                "Chair: the zone's device industry and investment policies",
            ),
            (
                "金敏瑞",
                "韩国医疗器械企业在园区的落地经验",
                "What Korean device makers found on arrival in the zone",
            ),
        ],
        "documents": [("活动议程", "Programme", "programme")],
        "event_language": "zh_en",
        "starts_at": at(2027, 3, 18, 9, 30),
        "ends_at": at(2027, 3, 18, 12),
        "capacity": 80,
        "registration_deadline": at(2027, 3, 11, 18),
        "registration_open": True,
        "title": {
            "zh": "医疗器械项目与基金对接路演",
            "en": "Medical device projects meet investors: a matchmaking roadshow",
        },
        "organiser": {"zh": "医学中心投资促进局", "en": "Investment Promotion Bureau of the medical center"},
        "venue": {
            "zh": "济南 · 医学中心招商服务中心一楼路演厅",
            "en": "Roadshow hall, Investment Service Centre, medical center, Jinan",
        },
        "summary": {
            "zh": "园区医疗器械企业集中路演，产业基金与投资机构现场对接。",
            "en": "Device makers in the zone pitch to industry funds and investment institutions, who meet them on the spot.",
        },
        "agenda": {
            "zh": "<ul><li>9:30 签到</li><li>10:00 项目路演（每个项目 10 分钟）</li><li>11:30 一对一对接</li></ul>",
            "en": "<ul><li>9:30 Registration</li><li>10:00 Project pitches (10 minutes each)</li><li>11:30 One-to-one meetings</li></ul>",
        },
    },
    {
        "slug": {"zh": "touzizhe-kaocha", "en": "investor-site-visit"},
        "kind": "site_visit",
        "sectors": ["medical-services", "digital-health"],
        "event_language": "en",
        "starts_at": at(2027, 4, 22, 9),
        "ends_at": at(2027, 4, 22, 16),
        "capacity": 25,
        "registration_deadline": at(2027, 4, 8, 18),
        "registration_open": True,
        "waiting_list": True,
        "title": {"zh": "国际投资者园区考察日", "en": "Site visit for international investors"},
        "organiser": {"zh": "医学中心投资促进局", "en": "Investment Promotion Bureau of the medical center"},
        "venue": {"zh": "济南 · 医学中心", "en": "Jinan International Medical Center"},
        "summary": {
            "zh": "面向境外投资者的英文考察日：参观医院、平台和可用载体，与招商团队面谈。",
            "en": "A day in English for investors from abroad: hospitals, platforms and available buildings, and talks with the investment team.",
        },
    },
]


def load(loader, home):
    """The events index under the home page (in the menu) and its events, after the catalogue
    (an event's sectors are its categories) and the people (its speakers)."""
    catalogue = PolicyListPage.objects.get(slug_zh_hans=INVESTMENT_CATALOGUE["slug"]["zh"])
    sectors = {category.slug: category for category in catalogue.categories.all()}
    index = loader.save_page(
        home,
        EventIndexPage,
        INDEX["slug"],
        both("title", INDEX["title"]) | both("intro", INDEX["intro"]) | {"show_in_menus": True},
    )
    for data in EVENTS:
        fields = {name: data[name] for name in ("kind", "event_language", "starts_at", "ends_at")} | {
            "capacity": data.get("capacity"),
            "registration_deadline": data.get("registration_deadline"),
        }
        fields |= {name: data.get(name, False) for name in ("registration_open", "waiting_list")}
        for name in ("title", "organiser", "venue", "summary"):
            fields |= both(name, data[name])
        for name in ("agenda", "report"):
            texts = data.get(name, {"zh": "", "en": ""})
            fields |= {
                f"{name}_zh_hans": stream([("paragraph", texts["zh"])] if texts["zh"] else []),
                f"{name}_en": stream([("paragraph", texts["en"])] if texts["en"] else []),
            }
        relations = {
            "sectors": [sectors[slug] for slug in data["sectors"]],
            "speakers": [
                EventSpeaker(person=loader.people[name], role_zh_hans=zh, role_en=en)
                for name, zh, en in data.get("speakers", [])
            ],
            "documents": [
                EventDocument(document=event_document(loader, data, name), title_zh_hans=zh, title_en=en)
                for zh, en, name in data.get("documents", [])
            ],
        }
        loader.save_page(index, EventPage, data["slug"], fields, relations)


def event_document(loader, data, name):
    """A bilingual PDF for the event: its title and summary in both languages."""
    title = f"{data['title']['en']}: {name}"
    return loader.save_document(
        title,
        f"demo-event-{data['slug']['en']}-{name}.pdf",
        lambda: pdf.render(title, [data["summary"]["en"]], chinese=False),
    )


def link_privacy_notice(loader, home):
    """The registration forms' consent links to the privacy notice (demo/participation.py,
    loaded after the events so the main menu keeps its order)."""
    from .participation import PRIVACY

    privacy = StandardPage.objects.child_of(home).filter(slug_zh_hans=PRIVACY["slug"]["zh"]).first()
    index = EventIndexPage.objects.child_of(home).first()
    if privacy is None or index is None:
        return
    for data in EVENTS:
        if data.get("registration_open"):
            page = EventPage.objects.child_of(index).get(slug_zh_hans=data["slug"]["zh"])
            if page.privacy_page_id != privacy.pk:
                page.privacy_page = privacy
                page.save_revision().publish()
                loader.log("page", "updated", f"{page.url_path} (privacy_page)")
