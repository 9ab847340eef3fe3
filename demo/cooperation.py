# ruff: noqa: E501  (demo prose: one sentence per line reads better than wrapped strings)
"""Demo cooperation showcases (partners from Korea, Israel, Switzerland and more), written for
the demo from public facts; loaded by demo/loader.py. Partners described without a name
are illustrative."""

import datetime

from cooperation.models import (
    CooperationIndexPage,
    CooperationShowcasePage,
    ShowcaseGalleryImage,
    ShowcaseNewsLink,
)
from cooperation.models import (
    CooperationKind as K,
)
from cooperation.models import (
    CooperationStatus as St,
)
from cooperation.models import (
    Country as C,
)
from cooperation.models import (
    Sector as Se,
)

from .values import both, stream

D = datetime.date

INDEX = {
    "slug": {"zh": "guoji-hezuo", "en": "international-cooperation"},
    "title": {"zh": "国际合作", "en": "International cooperation"},
    "intro": {
        "zh": "医学中心的国际合作从韩国起步，正在拓展到以色列、瑞士等更多国家。这里是已经签约和落地的项目。",
        "en": "The zone's work with partners abroad began in Korea and now reaches Israel, Switzerland and beyond. "
        "These are the projects signed and under way.",
    },
}

# slug, country, sector, kind, status, signing date, images, news (zh slugs), zh, en (None: Chinese only)
SHOWCASES = [
    {
        "slug": {"zh": "hanguo-da-jiankang-tiyanguan", "en": "korean-health-technology-showroom"},
        "country": C.KR,
        "sector": Se.HEALTH_WELLNESS,
        "kind": K.LANDED_PROJECT,
        "status": St.OPERATING,
        "signing_date": D(2023, 5, 18),
        "images": ["world-links"],
        "news": ["hanguo-hezuo-jiaoliuhui"],
        "zh": (
            "韩国大健康新技术体验馆",
            "韩国健康产业企业联合体",
            "集中展示韩国健康产品和技术的体验馆，是医学中心第一个落地的韩国项目。",
            "体验馆展示韩国企业的健康监测、美容护理和康复产品，参观者可以现场试用。它也是韩国企业了解园区的第一站。",
        ),
        "en": (
            "Korean health technology showroom",
            "A consortium of Korean health companies",
            "A showroom of Korean health products and technology: the first Korean project to open in the zone.",
            "Visitors can try Korean health monitors, skin-care and rehabilitation products on the spot. For Korean "
            "companies the showroom is also the first stop when they come to look at the zone.",
        ),
    },
    {
        "slug": {"zh": "hanguo-mengxiang-yiyuan", "en": "korean-aesthetic-hospital"},
        "country": C.KR,
        "sector": Se.MEDICAL_SERVICES,
        "kind": K.HOSPITAL,
        "status": St.UNDER_CONSTRUCTION,
        "signing_date": D(2024, 4, 22),
        "images": ["hospital-dawn"],
        "news": ["zhaoshang-tuandui", "hanguo-hezuo-jiaoliuhui"],
        "zh": (
            "韩国医美医院项目",
            "韩国一家医美医院",
            "经过十余轮跨时差谈判，一家韩国医美医院决定在医学中心开设分院。",
            "韩方最初担心市场适应性和合规风险。招商团队多次修改合作方案，双方线上线下谈判十余次，医院正在装修，预计年内开业。",
        ),
        "en": (
            "Korean aesthetic-medicine hospital",
            "A Korean aesthetic-medicine hospital",
            "After more than ten rounds of talks across time zones, a Korean aesthetic hospital is opening a branch in the zone.",
            "The Korean side first worried about the market and about compliance. The zone's team reworked its offer "
            "several times over more than ten meetings; the hospital is now being fitted out.",
        ),
    },
    {
        "slug": {"zh": "hanguo-zhongxiao-qiye-beiwanglu", "en": "korean-small-business-agency-mou"},
        "country": C.KR,
        "sector": Se.MEDICAL_DEVICES,
        "kind": K.MOU,
        "status": St.SIGNED,
        "signing_date": D(2024, 4, 22),
        "images": [],
        "news": ["hanguo-hezuo-jiaoliuhui"],
        "zh": (
            "与韩国中小企业促进机构签署合作备忘录",
            "韩国中小企业振兴机构",
            "双方约定共同组织韩国医疗器械中小企业来园区考察和对接。",
            "备忘录在首尔举办的中韩保健医疗合作交流会上签署，双方将每年组织企业互访。",
        ),
        "en": (
            "Memorandum with a Korean small-business agency",
            "A Korean agency for small and medium enterprises",
            "Both sides will bring small Korean medical-device makers to visit the zone and meet partners.",
            "The memorandum was signed at the zone's first health-cooperation meeting in Seoul; company visits are to take place every year.",
        ),
    },
    {
        "slug": {"zh": "hanguo-yiliao-wenhua-jiaoliu", "en": "korean-medical-exchange-mou"},
        "country": C.KR,
        "sector": Se.MEDICAL_SERVICES,
        "kind": K.MOU,
        "status": St.SIGNED,
        "signing_date": D(2024, 4, 22),
        "images": [],
        "news": ["hanguo-hezuo-jiaoliuhui"],
        "zh": (
            "与韩国医疗文化交流组织签署合作备忘录",
            "韩国国际医疗文化交流组织",
            "双方将在医务人员培训和学术交流方面合作。",
            "根据备忘录，双方每年互派医务人员进修，并联合举办学术会议。",
        ),
        "en": (
            "Memorandum on medical exchange with Korea",
            "A Korean association for international medical exchange",
            "Both sides will cooperate on training for health professionals and academic exchange.",
            "Under the memorandum, staff from each side will train with the other every year and the two will hold joint conferences.",
        ),
    },
    {
        "slug": {"zh": "yiselie-xinfei-ct", "en": "israeli-cardiopulmonary-ct"},
        "country": C.IL,
        "sector": Se.MEDICAL_DEVICES,
        "kind": K.LANDED_PROJECT,
        "status": St.OPERATING,
        "signing_date": D(2024, 8, 6),
        "images": ["device-cross"],
        "news": ["yiselie-ruishi-xiangmu"],
        "zh": (
            "以色列心肺CT项目",
            "一家以色列背景的影像技术企业",
            "一家以色列背景的企业把心肺CT技术带到医学中心，为园区医院提供心肺影像检查。",
            "项目依托园区医院的临床资源，开展心肺疾病的早期筛查。企业负责人说，这里的医院和临床资源是他们选择落户的原因。",
        ),
        "en": (
            "Israeli cardiopulmonary CT",
            "An imaging-technology company with Israeli roots",
            "A company with Israeli roots brings heart-and-lung CT imaging to the zone's hospitals.",
            "The project works with the zone's hospitals on early screening for heart and lung disease. Its head says the "
            "hospitals and their clinical expertise are what brought the company here.",
        ),
    },
    {
        "slug": {"zh": "ruishi-yixue-yingyang", "en": "swiss-medical-nutrition"},
        "country": C.CH,
        "sector": Se.HEALTH_WELLNESS,
        "kind": K.LANDED_PROJECT,
        "status": St.UNDER_CONSTRUCTION,
        "signing_date": D(2024, 11, 12),
        "images": ["calm-waves"],
        "news": ["yiselie-ruishi-xiangmu"],
        "zh": (
            "瑞士医学营养项目",
            "一家瑞士背景的医学营养企业",
            "一家瑞士背景的医学营养企业在医学中心建设生产和研发基地。",
            "项目生产特殊医学用途配方食品，为住院和康复患者提供营养支持，一期厂房正在建设。",
        ),
        "en": (
            "Swiss medical nutrition",
            "A medical-nutrition company with Swiss roots",
            "A medical-nutrition company with Swiss roots is building a production and research base in the zone.",
            "It will make foods for special medical purposes for patients in hospital and in rehabilitation. "
            "The first building is under construction.",
        ),
    },
    {
        "slug": {"zh": "deguo-kangfu-yanfa", "en": "german-rehabilitation-research-centre"},
        "country": C.DE,
        "sector": Se.MEDICAL_DEVICES,
        "kind": K.RESEARCH_CENTRE,
        "status": St.NEGOTIATING,
        "signing_date": None,
        "images": ["team-circles"],
        "news": [],
        "zh": (
            "德国康复器械研发中心",
            "一家德国康复技术企业",
            "一家德国康复技术企业正在商谈在园区设立研发中心。",
            "双方正在商谈研发中心的规模和与园区医院康复科的临床合作方式。",
        ),
        "en": (
            "German rehabilitation research centre",
            "A German rehabilitation-technology company",
            "A German maker of rehabilitation equipment is in talks to open a research centre in the zone.",
            "The talks cover the size of the centre and how it will work with the rehabilitation departments of the zone's hospitals.",
        ),
    },
    {
        "slug": {"zh": "xinjiapo-shuzi-jiankang", "en": "singapore-digital-health-venture"},
        "country": C.SG,
        "sector": Se.DIGITAL_HEALTH,
        "kind": K.JOINT_VENTURE,
        "status": St.SIGNED,
        "signing_date": D(2025, 3, 28),
        "images": ["scenario-grid"],
        "news": [],
        "zh": (
            "新加坡数字健康合资企业",
            "一家新加坡数字健康公司",
            "与一家新加坡数字健康公司合资，建设面向园区医院的患者随访平台。",
            "合资企业将参与首批应用场景机会中的患者随访平台项目，在园区医院试点。",
        ),
        "en": (
            "Singapore digital-health joint venture",
            "A Singapore digital-health company",
            "A joint venture with a Singapore company will build a patient follow-up platform for the zone's hospitals.",
            "The venture takes up one of the first application-scenario opportunities and will pilot it in the zone's hospitals.",
        ),
    },
    {
        "slug": {"zh": "yiselie-chuangxin-jijin", "en": "israeli-health-innovation-fund"},
        "country": C.IL,
        "sector": Se.INVESTMENT,
        "kind": K.FUND,
        "status": St.NEGOTIATING,
        "signing_date": None,
        "images": ["growth-chart"],
        "news": ["shouzhi-chuangtou-jijin"],
        "zh": (
            "以色列健康创新基金",
            "一家以色列创业投资机构",
            "与一家以色列创投机构商谈设立健康科技子基金，投资有意进入中国的以色列企业。",
            "子基金拟由园区引导母基金参与出资，双方正在商谈规模和投资方向。",
        ),
        "en": (
            "Israeli health innovation fund",
            "An Israeli venture-capital firm",
            "Talks with an Israeli venture firm on a health-technology fund for Israeli companies entering China.",
            "The zone's guidance fund would take a share; the two sides are discussing its size and focus.",
        ),
    },
    {
        "slug": {"zh": "riben-yanke-hezuo", "en": ""},
        "country": C.JP,
        "sector": Se.MEDICAL_SERVICES,
        "kind": K.MOU,
        "status": St.NEGOTIATING,
        "signing_date": None,
        "images": [],
        "news": [],
        "zh": (
            "日本眼科合作",
            "一家日本眼科医疗集团",
            "与一家日本眼科医疗集团商谈合作，英文介绍稍后发布。",
            "双方正在商谈在国际眼科与眼视光临床中心开展合作。",
        ),
        "en": None,
    },
]


def load(loader, home):
    """The cooperation index under the home page (in the menu) and its showcases."""

    index = loader.save_page(
        home,
        CooperationIndexPage,
        INDEX["slug"],
        both("title", INDEX["title"]) | both("intro", INDEX["intro"]) | {"show_in_menus": True},
    )
    for data in SHOWCASES:
        zh = dict(zip(("title", "partner", "summary", "story"), data["zh"], strict=True))
        en = dict(zip(("title", "partner", "summary", "story"), data["en"] or ("", "", "", ""), strict=True))
        fields = {
            "country": data["country"],
            "sector": data["sector"],
            "kind": data["kind"],
            "status": data["status"],
            "signing_date": data["signing_date"],
        }
        for name in ("title", "partner", "summary"):
            fields |= both(name, {"zh": zh[name], "en": en[name]})
        fields |= {
            "story_zh_hans": stream([("paragraph", f"<p>{zh['story']}</p>")]),
            "story_en": stream([("paragraph", f"<p>{en['story']}</p>")] if en["story"] else []),
        }
        relations = {
            "gallery_images": [ShowcaseGalleryImage(image=loader.images[key]) for key in data["images"]],
            "news_links": [ShowcaseNewsLink(article=loader.articles[slug]) for slug in data["news"]],
        }
        loader.save_page(index, CooperationShowcasePage, data["slug"], fields, relations)
