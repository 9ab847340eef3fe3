# ruff: noqa: E501  (demo prose: one sentence per line reads better than wrapped strings)
"""Demo investment content: the officers for the catalogue's sectors, two more of the "five lists"
(the resource list and the access mechanism), the investment map on a drawn site plan and the
publications library. Written for the demo from public facts; names, numbers and parcels are
illustrative. Loaded by demo/loader.py after the policy lists."""

import datetime
from io import BytesIO

from PIL import Image, ImageDraw

from investment.models import (
    InvestmentMapPage,
    InvestmentOfficer,
    MapArea,
    Publication,
    PublicationLibraryPage,
)
from policies.models import PolicyCategory, PolicyEntry, PolicyIndexPage, PolicyListPage

from . import pdf
from .policies import COMMITTEE, INDEX, INVESTMENT_CATALOGUE, INVESTMENT_DESK, entry
from .values import both

D = datetime.date
S = PolicyEntry.Status

# (email, zh name, en name, zh title, en title, zh languages, en languages, phone, WeChat, catalogue category slugs)
OFFICERS = [
    (
        "services.desk@jimc.example.org",
        "赵晴",
        "Zhao Qing",
        "招商专员（医疗服务）",
        "Investment officer, medical services",
        "中文、英语、韩语",
        "Chinese, English, Korean",
        "+86 531 0000 0111",
        "jimc_zhaoqing",
        ["medical-services"],
    ),
    (
        "devices.desk@jimc.example.org",
        "孙悦",
        "Sun Yue",
        "招商专员（医疗器械）",
        "Investment officer, medical devices",
        "中文、英语",
        "Chinese, English",
        "+86 531 0000 0112",
        "jimc_sunyue",
        ["medical-devices"],
    ),
    (
        "bio.desk@jimc.example.org",
        "周宁",
        "Zhou Ning",
        "招商专员（生物技术与数字医疗）",
        "Investment officer, biotechnology and digital health",
        "中文、英语、德语",
        "Chinese, English, German",
        "+86 531 0000 0113",
        "jimc_zhouning",
        ["biotechnology", "digital-health"],
    ),
]

RESOURCES = {
    "slug": {"zh": "ziyuan-qingdan", "en": "resource-list"},
    "title": {"zh": "资源清单", "en": "Resource list"},
    "intro": {
        "zh": "“五张清单”中的资源清单：园区内向企业开放的医院、实验室、临床试验机构、生物样本库和中试平台。",
        "en": "The resource list, one of the zone's \u201cfive lists\u201d: hospitals, laboratories, clinical-trial institutions, biobanks and pilot platforms open to companies in the zone.",
    },
    "categories": [
        ("hospitals", "医院", "Hospitals"),
        ("laboratories", "实验室", "Laboratories"),
        ("clinical-trials", "临床试验机构", "Clinical-trial institutions"),
        ("biobanks", "生物样本库", "Biobanks"),
        ("pilot-platforms", "中试平台", "Pilot platforms"),
    ],
    "entries": [
        (
            "hospitals",
            "质子治疗中心",
            "Proton therapy centre",
            "面向肿瘤治疗的质子治疗设施，可与企业开展设备验证与临床研究合作。",
            "A proton therapy facility for cancer care, open to companies for device validation and clinical research.",
        ),
        (
            "hospitals",
            "园区综合医院",
            "The zone's general hospital",
            "多学科综合医院，设有国际医疗部，可承接研究者发起的临床研究。",
            "A general hospital with an international department that hosts investigator-initiated studies.",
        ),
        (
            "laboratories",
            "公共检测实验室",
            "Public testing laboratory",
            "提供理化、生物相容性和电磁兼容检测，按次收费。",
            "Physical, chemical, biocompatibility and EMC testing, charged per test.",
        ),
        (
            "clinical-trials",
            "药物与器械临床试验机构",
            "Drug and device clinical-trial site",
            "经备案的药物和医疗器械临床试验机构，覆盖多个专业。",
            "A registered clinical-trial site for drugs and medical devices across several specialties.",
        ),
        (
            "biobanks",
            "区域生物样本库",
            "Regional biobank",
            "按伦理审批向研究团队提供样本和数据服务。",
            "Samples and data for research teams, subject to ethics approval.",
        ),
        (
            "pilot-platforms",
            "医疗器械中试平台",
            "Medical device pilot platform",
            "洁净车间与工艺验证，支持企业从样机走向小批量生产。",
            "Clean rooms and process validation, taking a company from prototype to small-batch production.",
        ),
    ],
}

ACCESS = {
    "slug": {"zh": "zhunru-jizhi", "en": "access-mechanism"},
    "title": {"zh": "准入机制", "en": "Access mechanism"},
    "intro": {
        "zh": "“五张清单”中的准入机制：企业进入园区的步骤、所需材料、费用和办理时限。",
        "en": "The access mechanism, one of the zone's \u201cfive lists\u201d: how a company enters the zone, with the documents, fees and time limits of each step.",
    },
    "categories": [
        ("steps", "办理步骤", "Steps"),
        ("documents", "所需材料", "Documents"),
        ("fees-and-time", "费用与时限", "Fees and time limits"),
    ],
    "entries": [
        (
            "steps",
            "第一步：项目洽谈",
            "Step 1: first talks",
            "与所在领域的招商专员联系，说明项目、用地或用房需求。",
            "Contact the officer for your sector and describe the project and the land or space it needs.",
        ),
        (
            "steps",
            "第二步：项目评审",
            "Step 2: project review",
            "管理委员会组织专家评审项目，评审通过后签订投资协议。",
            "The Administrative Committee has experts review the project; an investment agreement follows approval.",
        ),
        (
            "steps",
            "第三步：注册与入驻",
            "Step 3: registration and moving in",
            "办理企业注册、用地或租赁手续，招商服务中心全程代办。",
            "Company registration and the land or lease formalities, handled with the Investment Service Centre.",
        ),
        (
            "documents",
            "项目申请材料",
            "Application documents",
            "项目建议书、企业营业执照或境外注册证明、近两年财务报表。",
            "A project proposal, a business licence or foreign registration, and two years of accounts.",
        ),
        (
            "fees-and-time",
            "办理费用",
            "Fees",
            "招商服务中心代办服务不收取费用；行政事业性收费按国家规定执行。",
            "The Investment Service Centre's help is free of charge; official fees follow national rules.",
        ),
        (
            "fees-and-time",
            "办理时限",
            "Time limits",
            "材料齐全后，企业注册一般3个工作日内完成，项目评审一般不超过20个工作日。",
            "With complete documents, registration usually takes 3 working days and the project review no more than 20.",
        ),
    ],
}

MAP = {
    "slug": {"zh": "zhaoshang-ditu", "en": "investment-map"},
    "title": {"zh": "招商地图", "en": "Investment map"},
    "intro": {
        "zh": "“五张清单”中的招商地图：园区可供投资的地块、楼宇和平台及其状态。点击图上区域或查看下方表格。",
        "en": "The investment map, one of the zone's \u201cfive lists\u201d: land, buildings and platforms open to investors, with their status. Select an area on the plan or use the table below.",
    },
}

# (zh name, en name, kind, status, m², zh use, en use, points in %, officer email, catalogue category slugs)
AREAS = [
    (
        "A1地块",
        "Parcel A1",
        "parcel",
        "available",
        32000,
        "医疗卫生用地",
        "Medical and health use",
        "6,8 34,8 34,40 6,40",
        "services.desk@jimc.example.org",
        ["medical-services"],
    ),
    (
        "A2地块",
        "Parcel A2",
        "parcel",
        "negotiating",
        24000,
        "科研用地",
        "Research use",
        "38,8 62,8 62,40 38,40",
        "bio.desk@jimc.example.org",
        ["biotechnology"],
    ),
    (
        "器械产业园3号楼",
        "Device park, building 3",
        "building",
        "available",
        9600,
        "工业厂房（医疗器械）",
        "Factory space (medical devices)",
        "66,8 94,8 94,36 66,36",
        "devices.desk@jimc.example.org",
        ["medical-devices"],
    ),
    (
        "医疗器械中试平台",
        "Medical device pilot platform",
        "platform",
        "available",
        4200,
        "中试与工艺验证",
        "Pilot production and process validation",
        "6,52 30,52 30,90 6,90",
        "devices.desk@jimc.example.org",
        ["medical-devices"],
    ),
    (
        "数字医疗孵化楼",
        "Digital health incubator",
        "building",
        "taken",
        12000,
        "研发办公",
        "Research and offices",
        "36,52 60,52 60,90 36,90",
        "bio.desk@jimc.example.org",
        ["digital-health"],
    ),
    (
        "B3地块",
        "Parcel B3",
        "parcel",
        "available",
        41000,
        "医疗卫生用地",
        "Medical and health use",
        "66,48 94,48 94,92 80,92 66,76",
        "services.desk@jimc.example.org",
        ["medical-services"],
    ),
]

LIBRARY = {
    "slug": {"zh": "ziliao-xiazai", "en": "publications"},
    "title": {"zh": "资料下载", "en": "Publications"},
    "intro": {
        "zh": "投资指南、政策文件、年度报告和宣传册，可按类型、年份和文件语言筛选。",
        "en": "Investor guides, policy documents, annual reports and brochures; filter by type, year and the language of the file.",
    },
}

# (zh title, en title, zh summary, en summary, year, kind, file language, series)
PUBLICATIONS = [
    (
        "投资指南（2025年版）",
        "Investor guide (2025 edition)",
        "园区概况、四大领域、五张清单和投资流程。",
        "The zone, its four fields, the five lists and how to invest.",
        2025,
        "guide",
        "both",
        "investor-guide",
    ),
    (
        "投资指南（2024年版）",
        "Investor guide (2024 edition)",
        "上一版投资指南，供对照参考。",
        "The previous edition of the investor guide, for reference.",
        2024,
        "guide",
        "zh-hans",
        "investor-guide",
    ),
    (
        "支持高质量发展政策清单（2025年）",
        "Support policies for high-quality development (2025)",
        "2025年1月发布的16条支持措施全文。",
        "The sixteen support measures published in January 2025, in full.",
        2025,
        "policy",
        "zh-hans",
        "",
    ),
    (
        "2024年度报告",
        "Annual report 2024",
        "全年招商、项目落地和国际合作情况。",
        "The year's investment promotion, projects landed and international cooperation.",
        2024,
        "annual-report",
        "en",
        "annual-report",
    ),
    (
        "园区宣传册",
        "The zone in brief",
        "一份介绍园区的简明宣传册，适合路演发放。",
        "A short brochure about the zone, for roadshows.",
        2025,
        "brochure",
        "both",
        "brochure",
    ),
]


def draw_site_plan():
    """A plain site plan: roads and blocks, no areas (they are drawn over it by the page)."""
    image = Image.new("RGB", (1200, 800), "#eef2ec")
    draw = ImageDraw.Draw(image)
    for x in (0.36, 0.64):
        draw.rectangle([x * 1200 - 14, 0, x * 1200 + 14, 800], fill="#c9cfc6")
    draw.rectangle([0, 0.45 * 800 - 14, 1200, 0.45 * 800 + 14], fill="#c9cfc6")
    draw.ellipse([520, 300, 680, 420], fill="#b9d7ea")  # a lake
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def load(loader, home):
    index = PolicyIndexPage.objects.child_of(home).get(slug_zh_hans=INDEX["slug"]["zh"])
    catalogue = PolicyListPage.objects.child_of(index).get(slug_zh_hans=INVESTMENT_CATALOGUE["slug"]["zh"])
    sectors = {category.slug: category for category in catalogue.categories.all()}
    officers = load_officers(loader, sectors)
    for data in (RESOURCES, ACCESS):
        load_list(loader, index, data)
    load_map(loader, index, catalogue, officers)
    load_library(loader, index)


def load_officers(loader, sectors):
    officers = {}
    for email, zh, en, zh_title, en_title, zh_lang, en_lang, phone, wechat, slugs in OFFICERS:
        fields = (
            both("name", {"zh": zh, "en": en})
            | both("title", {"zh": zh_title, "en": en_title})
            | both("languages", {"zh": zh_lang, "en": en_lang})
            | {"phone": phone, "wechat_id": wechat}
        )
        officer = loader.save_model("officer", InvestmentOfficer, {"email": email}, fields, en)
        wanted = {sectors[slug].pk for slug in slugs}
        if {category.pk for category in officer.sectors.all()} != wanted:
            officer.sectors.set(list(wanted))
            officer.save()
        officers[email] = officer
    return officers


def load_list(loader, index, data):
    rows = [
        {
            "category": category,
            "status": S.IN_FORCE,
            "title": {"zh": zh_title, "en": en_title},
            "summary": {"zh": zh_summary, "en": en_summary},
            "issuing_body": COMMITTEE,
            "contact": INVESTMENT_DESK,
            "issue_date": D(2024, 6, 18),
            "effective_date": None,
            "expiry_date": None,
        }
        for category, zh_title, en_title, zh_summary, en_summary in data["entries"]
    ]
    fields = both("title", data["title"]) | both("intro", data["intro"])
    categories = [
        PolicyCategory(slug=slug, name_zh_hans=zh, name_en=en) for slug, zh, en in data["categories"]
    ]
    page = loader.save_page(index, PolicyListPage, data["slug"], fields, {"categories": categories})
    by_slug = {category.slug: category for category in page.categories.all()}
    loader.save_page(
        index, PolicyListPage, data["slug"], fields, {"entries": [entry(row, by_slug) for row in rows]}
    )


def load_map(loader, index, catalogue, officers):
    plan = loader.save_image(
        "site-plan",
        {"zh": "园区规划图", "en": "Site plan of the zone"},
        {"zh": "园区道路和地块示意图", "en": "A plan of the zone's roads and blocks"},
        both("caption", {"zh": "", "en": ""}) | both("credit", {"zh": "", "en": ""}),
        draw_site_plan,
        "png",
    )
    areas = []
    for zh, en, kind, status, size, zh_use, en_use, points, email, _slugs in AREAS:
        area = MapArea(
            **both("name", {"zh": zh, "en": en}),
            **both("permitted_use", {"zh": zh_use, "en": en_use}),
            kind=kind,
            status=status,
            area_m2=size,
            points=points,
            officer=officers[email],
        )
        area.has_english = area.english_is_complete()
        areas.append(area)
    fields = (
        both("title", MAP["title"])
        | both("intro", MAP["intro"])
        | {"site_plan": plan, "show_in_menus": False}
    )
    page = loader.save_page(index, InvestmentMapPage, MAP["slug"], fields, {"areas": areas})
    # Each area links to the catalogue entries of its sectors; written once, as the page's rows are.
    changed = False
    for area, row in zip(page.areas.all(), AREAS, strict=True):
        wanted = set(catalogue.entries.filter(category__slug__in=row[9]).values_list("pk", flat=True))
        if {entry.pk for entry in area.catalogue_entries.all()} != wanted:
            area.catalogue_entries.set(list(wanted))
            area.save()
            changed = True
    if changed:
        page.save_revision().publish()
        loader.log("page", "updated", f"{page.url_path} (catalogue links)")


def load_library(loader, index):
    publications = []
    for zh, en, zh_summary, en_summary, year, kind, language, series in PUBLICATIONS:
        chinese = language == "zh-hans"
        title = zh if chinese else en
        document = loader.save_document(
            title,
            f"demo-publication-{year}-{kind}-{language}.pdf",
            lambda title=title, s=(zh_summary if chinese else en_summary), c=chinese: pdf.render(
                title, [s], chinese=c
            ),
        )
        publication = Publication(
            **both("title", {"zh": zh, "en": en}),
            **both("summary", {"zh": zh_summary, "en": en_summary}),
            year=year,
            kind=kind,
            file_language=language,
            series=series,
            document=document,
        )
        publication.has_english = publication.english_is_complete()
        publications.append(publication)
    fields = both("title", LIBRARY["title"]) | both("intro", LIBRARY["intro"])
    loader.save_page(index, PublicationLibraryPage, LIBRARY["slug"], fields, {"publications": publications})
