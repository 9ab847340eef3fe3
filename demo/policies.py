# ruff: noqa: E501  (demo prose: one sentence per line reads better than wrapped strings)
"""Demo policy lists (the 16 support measures, the investment catalogue, the 32 scenario
opportunities), written for the demo from public facts; loaded by demo/loader.py.

Document numbers, contacts and the wording of each entry are illustrative, not official texts.
"""

import datetime
import textwrap

from django.utils.html import escape

from policies.models import PolicyCategory, PolicyEntry, PolicyIndexPage, PolicyListPage

from . import pdf
from .values import both

D = datetime.date
S = PolicyEntry.Status
COMMITTEE = {
    "zh": "济南国际医学科学中心管理委员会",
    "en": "Administrative Committee of Jinan International Medical Center",
}
INVESTMENT_DESK = {
    "zh": "医学中心招商服务中心 0531-0000 0001",
    "en": "Investment Service Centre, +86 531 0000 0001",
}
SCENARIO_DESK = {
    "zh": "医学中心场景创新办公室 0531-0000 0002",
    "en": "Scenario Innovation Office, +86 531 0000 0002",
}

INDEX = {
    "slug": {"zh": "zhengce", "en": "policies"},
    "title": {"zh": "政策与机会", "en": "Policies and opportunities"},
    "intro": {
        "zh": "园区对企业的支持政策、招商目录和应用场景机会清单，均可筛选、逐条查看和下载。",
        "en": "The zone's support policies, investment catalogue and application-scenario opportunities: "
        "filter them, read each entry and download the lists.",
    },
}

# Each entry: (category slug, status, zh title, en title, zh summary, en summary); en None = Chinese only.
SUPPORT_POLICIES = {
    "slug": {"zh": "zhichi-zhengce", "en": "support-policies"},
    "title": {
        "zh": "支持高质量发展政策清单（2025年）",
        "en": "Support policies for high-quality development (2025)",
    },
    "intro": {
        "zh": "2025年1月发布的16条支持措施，覆盖产业、人才、金融和医疗服务。起草前，工作专班赴两个国家级医疗特区调研。",
        "en": "Sixteen support measures published in January 2025, covering industry, talent, finance and medical "
        "services. They were drafted after study visits to two national medical pilot zones.",
    },
    "categories": [
        ("industry", "产业发展", "Industry"),
        ("talent", "人才", "Talent"),
        ("finance", "金融", "Finance"),
        ("medical-services", "医疗服务", "Medical services"),
    ],
    "entries": [
        (
            "industry",
            S.IN_FORCE,
            "新落户企业场地补贴",
            "Rent support for newly arrived companies",
            "新落户的医疗健康企业租用园区载体，前三年可按面积获得租金补贴。",
            "Health companies that move into the zone's buildings receive rent support by floor area for their first three years.",
        ),
        (
            "industry",
            S.IN_FORCE,
            "重大产业项目“一事一议”",
            "Case-by-case terms for major projects",
            "投资规模大、带动作用强的项目，可就用地、建设和运营支持单独商定方案。",
            "Large projects that bring suppliers and jobs with them can agree their own package on land, construction and operation.",
        ),
        (
            "industry",
            S.IN_FORCE,
            "医疗器械注册奖励",
            "Awards for medical-device registrations",
            "企业取得二类、三类医疗器械注册证，按类别给予一次性奖励。",
            "Companies that obtain a Class II or Class III device registration receive a one-off award by class.",
        ),
        (
            "industry",
            S.IN_FORCE,
            "首台（套）装备应用支持",
            "Support for first-of-a-kind equipment",
            "园区医院首次采购本地企业研制的高端医疗装备，给予采购方和企业双向支持。",
            "When a hospital in the zone is the first buyer of advanced equipment made by a local company, both buyer and maker are supported.",
        ),
        (
            "talent",
            S.IN_FORCE,
            "高层次人才安居",
            "Housing for senior specialists",
            "引进的高层次人才可入住拎包入住的人才公寓，或按层次领取购房补贴。",
            "Senior specialists who join companies in the zone can move into furnished apartments or receive a housing grant by grade.",
        ),
        (
            "talent",
            S.IN_FORCE,
            "青年人才生活补贴",
            "Living allowance for young graduates",
            "到园区企业工作的硕士、博士毕业生，可连续三年领取生活补贴。",
            "Master's and doctoral graduates who take a job in the zone receive a living allowance for three years.",
        ),
        (
            "talent",
            S.IN_FORCE,
            "医学人才双聘",
            "Joint appointments for clinicians",
            "支持医院与企业双向聘任医学人才，双聘期间职称评审和待遇不受影响。",
            "Hospitals and companies may appoint clinicians jointly, without loss of grade or pay during the appointment.",
        ),
        (
            "talent",
            S.IN_FORCE,
            "国际人才服务绿色通道",
            "A fast lane for international staff",
            "为外籍专家办理工作许可、居留和子女入学提供一站式服务。",
            "One desk handles work permits, residence and school places for the children of foreign experts.",
        ),
        (
            "finance",
            S.IN_FORCE,
            "产业引导基金投资",
            "Investment from the guidance fund",
            "总规模10亿元的引导母基金与社会资本合作，投资园区重点产业项目。",
            "A guidance fund of 1 billion yuan invests alongside private capital in the zone's priority industries.",
        ),
        (
            "finance",
            S.IN_FORCE,
            "创业投资跟投",
            "Co-investment with venture funds",
            "园区创业投资基金对知名机构领投的早期项目按比例跟投。",
            "The zone's venture fund co-invests in early-stage companies when a recognised investor leads the round.",
        ),
        (
            "finance",
            S.IN_FORCE,
            "贷款贴息",
            "Interest subsidies on loans",
            "企业用于研发和产业化的银行贷款，可申请部分贴息。",
            "Part of the interest on bank loans for research and production can be refunded.",
        ),
        (
            "finance",
            S.IN_FORCE,
            "上市培育",
            "Help on the way to a listing",
            "对启动上市辅导的企业分阶段给予奖励，并提供路演和对接服务。",
            "Companies preparing for a stock-market listing receive staged awards and help with investor roadshows.",
        ),
        (
            "medical-services",
            S.IN_FORCE,
            "先行先试药械使用",
            "Early use of medicines and devices",
            "争取在园区医院先行使用境外已上市、国内尚未注册的药品和器械。",
            "The zone seeks approval for its hospitals to use medicines and devices approved abroad before they are registered in China.",
        ),
        (
            "medical-services",
            S.IN_FORCE,
            "社会办医支持",
            "Support for private hospitals",
            "社会资本举办的医疗机构在审批、医保定点和人才引进方面享受同等待遇。",
            "Hospitals founded by private investors are treated like public ones for approvals, insurance contracts and hiring.",
        ),
        (
            "medical-services",
            S.IN_FORCE,
            "临床试验机构建设",
            "Building clinical-trial capacity",
            "支持园区医院建设临床试验机构，对承接试验项目给予奖励。",
            "Hospitals in the zone are helped to set up clinical-trial units and rewarded for the trials they run.",
        ),
        (
            "medical-services",
            S.OPEN_FOR_COMMENT,
            "国际医疗服务收费办法（征求意见稿）",
            "Charges for international medical services (draft for comment)",
            "规范面向境外患者的医疗服务价格与结算方式，现公开征求意见。",
            "Draft rules on prices and payment for patients from abroad; comments are welcome.",
        ),
    ],
}

INVESTMENT_CATALOGUE = {
    "slug": {"zh": "zhaoshang-mulu", "en": "investment-catalogue"},
    "title": {"zh": "招商目录", "en": "Investment catalogue"},
    "intro": {
        "zh": "“五张清单”中的招商目录：四大领域的重点方向和园区希望引进的项目类型。",
        "en": "The investment catalogue, one of the zone's \u201cfive lists\u201d: the directions the zone wants to grow in its four fields.",
    },
    "categories": [
        ("medical-services", "高端医疗服务", "Advanced medical services"),
        ("medical-devices", "高端医疗器械", "Advanced medical devices"),
        ("biotechnology", "新一代生物技术", "New biotechnology"),
        ("digital-health", "数字医疗", "Digital health"),
    ],
    "entries": [
        (
            "medical-services",
            S.OPEN_OPPORTUNITY,
            "专科医院与国际医疗",
            "Specialist hospitals and international care",
            "引进肿瘤、眼科、康复等专科医院和面向境外患者的国际医疗服务。",
            "Specialist hospitals (cancer, eye care, rehabilitation) and care for patients from abroad.",
        ),
        (
            "medical-services",
            S.OPEN_OPPORTUNITY,
            "第三方医学检验与影像",
            "Independent laboratories and imaging",
            "第三方医学检验、病理诊断和影像中心。",
            "Independent medical laboratories, pathology and imaging centres.",
        ),
        (
            "medical-devices",
            S.OPEN_OPPORTUNITY,
            "放疗与大型影像设备",
            "Radiotherapy and large imaging equipment",
            "质子、重离子等放疗设备及核心部件，大型医学影像设备。",
            "Proton and heavy-ion therapy equipment and its key parts; large imaging systems.",
        ),
        (
            "medical-devices",
            S.OPEN_OPPORTUNITY,
            "体外诊断与高值耗材",
            "Diagnostics and high-value consumables",
            "体外诊断试剂与仪器、植介入类高值耗材。",
            "In-vitro diagnostics and implantable high-value consumables.",
        ),
        (
            "biotechnology",
            S.OPEN_OPPORTUNITY,
            "精准医学与基因技术",
            "Precision medicine and genomics",
            "基因测序、细胞治疗和生物样本库，与精准医学产业园配套。",
            "Sequencing, cell therapy and biobanks, next to the precision-medicine park.",
        ),
        (
            "biotechnology",
            S.OPEN_OPPORTUNITY,
            "创新药研发外包",
            "Contract research for new medicines",
            "药物研发外包和临床研究服务机构。",
            "Contract research and clinical-research organisations.",
        ),
        (
            "digital-health",
            S.OPEN_OPPORTUNITY,
            "医疗人工智能",
            "Artificial intelligence in medicine",
            "辅助诊断、医学影像分析和医院智能管理。",
            "Decision support, image analysis and hospital management systems.",
        ),
        (
            "digital-health",
            S.OPEN_OPPORTUNITY,
            "互联网医院",
            None,
            "依托实体医院的互联网诊疗和远程会诊平台。",
            None,
        ),  # not yet translated: left out of the English list and export
    ],
}

# The 32 opportunities in five fields: (zh title, en title, zh need, en need).
SCENARIO_FIELDS = [
    (
        "smart-hospitals",
        "智慧医院",
        "Smart hospitals",
        [
            (
                "门诊智能导诊",
                "Smart triage in outpatient clinics",
                "为门诊患者提供智能分诊和导航。",
                "Guide outpatients to the right clinic and room.",
            ),
            (
                "病房物资机器人配送",
                "Robot delivery on wards",
                "病区药品和物资的自动配送。",
                "Deliver medicines and supplies to wards automatically.",
            ),
            (
                "医疗影像云存储",
                "Cloud storage for medical images",
                "多院区影像数据的安全存储与调阅。",
                "Store and share images safely across hospital sites.",
            ),
            (
                "手术室智能排程",
                "Operating-theatre scheduling",
                "根据手术类型和资源自动排程。",
                "Plan theatre time by procedure and resources.",
            ),
            (
                "院内能耗管理",
                "Energy management in hospitals",
                "监测和优化医院建筑的能耗。",
                "Monitor and reduce hospital buildings' energy use.",
            ),
            (
                "电子病历质控",
                "Quality checks for electronic records",
                "自动检查病历书写的完整性和规范性。",
                "Check medical records for completeness automatically.",
            ),
            (
                "患者随访平台",
                "Patient follow-up platform",
                "出院患者的线上随访和健康提醒。",
                "Follow up discharged patients online with reminders.",
            ),
        ],
    ),
    (
        "medical-devices",
        "医疗器械应用",
        "Medical devices in use",
        [
            (
                "国产影像设备临床验证",
                "Clinical validation of imaging equipment",
                "园区医院为国产影像设备提供验证环境。",
                "Hospitals test domestically made imaging equipment.",
            ),
            (
                "手术机器人应用",
                "Surgical robots",
                "在骨科和泌尿外科开展手术机器人应用。",
                "Use surgical robots in orthopaedics and urology.",
            ),
            (
                "康复器械试用",
                "Trials of rehabilitation devices",
                "康复科试用新型康复训练设备。",
                "Rehabilitation wards try new training devices.",
            ),
            (
                "可穿戴监测设备",
                "Wearable monitors",
                "术后和慢病患者的可穿戴监测。",
                "Wearable monitoring after surgery and for chronic illness.",
            ),
            (
                "放疗质控设备",
                "Radiotherapy quality assurance",
                "质子中心的剂量验证与质控设备。",
                "Dose verification equipment for the proton centre.",
            ),
            (
                "消毒供应中心设备",
                "Sterilisation equipment",
                "消毒供应中心的自动化设备。",
                "Automated equipment for sterile-supply departments.",
            ),
            (
                "急救转运设备",
                "Emergency transport equipment",
                "院前急救与院间转运的监护设备。",
                "Monitoring equipment for ambulances and transfers.",
            ),
        ],
    ),
    (
        "clinical-research",
        "临床研究",
        "Clinical research",
        [
            (
                "多中心临床试验合作",
                "Multi-centre clinical trials",
                "园区医院联合开展多中心临床试验。",
                "Hospitals in the zone run trials together.",
            ),
            (
                "真实世界数据研究",
                "Real-world data studies",
                "基于园区医疗数据开展真实世界研究。",
                "Research on the zone's anonymised clinical data.",
            ),
            (
                "生物样本库共享",
                "Shared biobank",
                "样本库向企业开放合作研究。",
                "The biobank opens to joint research with companies.",
            ),
            (
                "细胞治疗临床研究",
                "Cell-therapy studies",
                "细胞治疗产品的临床研究合作。",
                "Clinical studies of cell-therapy products.",
            ),
            (
                "伦理审查协作",
                "Shared ethics review",
                "多家医院伦理审查结果互认。",
                "Hospitals recognise each other's ethics reviews.",
            ),
            (
                "罕见病研究",
                "Rare-disease research",
                "罕见病登记与研究平台建设。",
                "A registry and research platform for rare diseases.",
            ),
        ],
    ),
    (
        "health-care",
        "康养服务",
        "Health and elderly care",
        [
            (
                "社区健康管理",
                "Community health management",
                "社区居民的慢病管理服务。",
                "Manage chronic illness for local residents.",
            ),
            (
                "医养结合机构运营",
                "Care homes with medical care",
                "运营医养结合型养老机构。",
                "Run care homes that include medical care.",
            ),
            (
                "中医康养服务",
                "Traditional Chinese medicine wellness",
                "中医特色的康养与调理服务。",
                "Wellness services based on traditional Chinese medicine.",
            ),
            (
                "居家养老智能终端",
                "Smart devices for living at home",
                "老年人居家安全监测终端。",
                "Safety monitoring for older people at home.",
            ),
            (
                "健康体检中心",
                "Health check-up centre",
                "面向企业员工和境外人士的体检服务。",
                "Check-ups for employees and visitors from abroad.",
            ),
            (
                "运动康复服务",
                "Sports rehabilitation",
                "运动损伤康复与体能训练。",
                "Recovery from sports injuries and fitness training.",
            ),
        ],
    ),
    (
        "education-research",
        "医学教育",
        "Medical education",
        [
            (
                "模拟医学培训中心",
                "Simulation training centre",
                "建设模拟医学教学和技能培训中心。",
                "A centre for simulation teaching and skills training.",
            ),
            (
                "继续教育在线平台",
                "Online continuing education",
                "医务人员继续教育的线上课程。",
                "Online courses for health professionals.",
            ),
            (
                "国际医学交流项目",
                "International exchange programme",
                "与境外医学院校开展交流培训。",
                "Training exchanges with medical schools abroad.",
            ),
            (
                "医学虚拟现实教学",
                "Virtual reality in teaching",
                "解剖与手术的虚拟现实教学内容。",
                "Virtual-reality content for anatomy and surgery.",
            ),
            (
                "科研成果转化服务",
                "Technology transfer",
                "医院科研成果的评估与转化服务。",
                "Assess and license hospitals' research results.",
            ),
            (
                "医学实验动物平台",
                "Laboratory animal facility",
                "共享的实验动物平台运营。",
                "Run a shared laboratory animal facility.",
            ),
        ],
    ),
]


# Support measures (by number) whose full text and PDFs the demo carries; the others have the text only.
WITH_FILES = (1, 2, 3, 5)


def full_text(number, summary, contact):
    """An illustrative full text in articles (not an official text): {"zh": [...], "en": [...]}."""
    return {
        "zh": [
            f"第一条　为落实《支持高质量发展政策清单》第{number}条，制定本实施细则。",
            f"第二条　{summary['zh']}",
            "第三条　申请单位应在园区依法登记，诚信经营，无重大违法违规记录。",
            "第四条　申请材料提交至医学中心政务服务窗口，受理后20个工作日内答复。",
            f"第五条　咨询：{contact['zh']}。",
            "第六条　本细则自2025年2月1日起施行，有效期至2027年12月31日。",
        ],
        "en": [
            f"Article 1. These rules put measure {number} of the support policies into effect.",
            f"Article 2. {summary['en']}",
            "Article 3. Applicants must be registered in the zone, in good standing and without serious violations.",
            "Article 4. Applications go to the zone's service counter, which answers within 20 working days.",
            f"Article 5. Questions: {contact['en']}.",
            "Article 6. These rules apply from 1 February 2025 to 31 December 2027.",
        ],
    }


def as_rich_text(paragraphs):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def policy_documents(loader, row, number):
    """The Chinese and English PDF of a support measure's full text (made once, then kept)."""
    documents = {}
    for language, chinese in (("zh", True), ("en", False)):
        title = row["title"][language]
        lines = []
        for paragraph in row["full_text"][language]:
            lines += textwrap.wrap(paragraph, 42 if chinese else 88) + [""]
        heading = f"{title}（全文）" if chinese else f"{title} (full text)"
        documents[language] = loader.save_document(
            heading,
            f"support-measure-{number:02d}-{language}.pdf",
            lambda heading=heading, lines=lines, chinese=chinese: pdf.render(heading, lines, chinese),
        )
    return documents


def support_policy_rows():
    rows = []
    for number, (category, status, zh_title, en_title, zh_summary, en_summary) in enumerate(
        SUPPORT_POLICIES["entries"], start=1
    ):
        comment = status == S.OPEN_FOR_COMMENT
        rows.append(
            {
                "category": category,
                "status": status,
                "title": {"zh": zh_title, "en": en_title},
                "summary": {"zh": zh_summary, "en": en_summary},
                "document_number": {"zh": f"济医管发〔2025〕{number}号", "en": f"JIMC [2025] No. {number}"},
                "issuing_body": COMMITTEE,
                "contact": INVESTMENT_DESK,
                "issue_date": D(2025, 1, 20) if not comment else D(2025, 3, 1),
                "effective_date": D(2025, 2, 1) if not comment else None,
                "expiry_date": D(2027, 12, 31) if not comment else None,
                # A measure still open for comment has no final text yet.
                "full_text": None
                if comment
                else full_text(number, {"zh": zh_summary, "en": en_summary}, INVESTMENT_DESK),
            }
        )
    return rows


def catalogue_rows():
    return [
        {
            "category": category,
            "status": status,
            "title": {"zh": zh_title, "en": en_title or ""},
            "summary": {"zh": zh_summary, "en": en_summary or ""},
            "document_number": {"zh": "", "en": ""},
            "issuing_body": COMMITTEE if en_title else COMMITTEE | {"en": ""},
            "contact": INVESTMENT_DESK if en_title else INVESTMENT_DESK | {"en": ""},
            "issue_date": D(2024, 6, 18),
            "effective_date": None,
            "expiry_date": None,
        }
        for category, status, zh_title, en_title, zh_summary, en_summary in INVESTMENT_CATALOGUE["entries"]
    ]


def scenario_rows():
    rows = []
    number = 0
    for slug, _zh, _en, items in SCENARIO_FIELDS:
        for zh_title, en_title, zh_need, en_need in items:
            number += 1
            # The first round closed a few opportunities once a partner was found; the others
            # close by their dates (policies/status.py): the first batch at the end of 2025,
            # the second, renewed for 2026, in mid-December or next spring.
            status = S.CLOSED if number % 8 == 0 else S.OPEN_OPPORTUNITY
            first_batch = number <= 20
            expiry = D(2025, 12, 31) if first_batch else D(2026, 12, 20) if number <= 24 else D(2027, 3, 31)
            rows.append(
                {
                    "category": slug,
                    "status": status,
                    "title": {"zh": zh_title, "en": en_title},
                    "summary": {
                        "zh": f"{zh_need}欢迎有相应产品或方案的企业报名，经评审后在园区医院或机构试用。",
                        "en": f"{en_need} Companies with a product or solution may apply; "
                        "selected ones try it out in a hospital or institution in the zone.",
                    },
                    "document_number": {"zh": f"场景-2024-{number:02d}", "en": f"Scenario 2024-{number:02d}"},
                    "issuing_body": COMMITTEE,
                    "contact": SCENARIO_DESK,
                    # Published in two batches: the second a month after the first.
                    "issue_date": D(2024, 9, 10) if first_batch else D(2024, 10, 15),
                    "effective_date": None,
                    "expiry_date": expiry,
                    **(EXTENDED if number == 1 else {}),
                }
            )
    return rows


# One first-batch opportunity kept open past its date by a decision, with the reason shown.
EXTENDED = {
    "expiry_date": D(2025, 12, 31),
    "status_fixed": True,
    "status_reason": {
        "zh": "试用医院增加，管委会决定本场景继续征集至2027年6月。",
        "en": "More hospitals joined the trial, so the committee keeps this call open until June 2027.",
    },
}


SCENARIOS = {
    "slug": {"zh": "changjing-jihui", "en": "scenario-opportunities"},
    "title": {"zh": "应用场景机会清单（首批）", "en": "Application-scenario opportunities (first list)"},
    "intro": {
        "zh": "首批32项应用场景机会，分布在5大领域：园区医院、实验室和公共服务向企业开放，试用新产品和新方案。",
        "en": "The first 32 opportunities, in five fields: hospitals, laboratories and public services in the zone "
        "open their doors for companies to try new products and services.",
    },
    "categories": [(slug, zh, en) for slug, zh, en, _items in SCENARIO_FIELDS],
}

LISTS = [
    (SUPPORT_POLICIES, support_policy_rows),
    (INVESTMENT_CATALOGUE, catalogue_rows),
    (SCENARIOS, scenario_rows),
]


def entry(row, categories):
    fields = {
        "category": categories[row["category"]],
        "status": row["status"],
        "status_fixed": row.get("status_fixed", False),
    }
    for name in ("issue_date", "effective_date", "expiry_date"):
        fields[name] = row[name]
    for name in ("title", "summary", "document_number", "issuing_body", "contact", "status_reason"):
        value = row.get(name, {"zh": "", "en": ""})
        fields[f"{name}_zh_hans"] = value["zh"]
        fields[f"{name}_en"] = value["en"]
    if row.get("full_text"):
        fields["full_text_zh_hans"] = as_rich_text(row["full_text"]["zh"])
        fields["full_text_en"] = as_rich_text(row["full_text"]["en"])
    for language, document in row.get("documents", {}).items():
        fields[f"document_{'zh_hans' if language == 'zh' else language}"] = document
    obj = PolicyEntry(**fields)
    obj.has_english = obj.english_is_complete()  # as save() derives it, so rows compare equal
    return obj


def load(loader, home):
    """The policy index under the home page (in the menu) and the three lists under it.

    Categories are saved before the entries that point at them, so a list is written in two
    steps; each step publishes only when its rows differ from the data.
    """

    index = loader.save_page(
        home,
        PolicyIndexPage,
        INDEX["slug"],
        both("title", INDEX["title"]) | both("intro", INDEX["intro"]) | {"show_in_menus": True},
    )
    for data, rows in LISTS:
        rows = with_documents(loader, rows, data)
        fields = both("title", data["title"]) | both("intro", data["intro"])
        categories = [
            PolicyCategory(slug=slug, name_zh_hans=zh, name_en=en) for slug, zh, en in data["categories"]
        ]
        page = loader.save_page(index, PolicyListPage, data["slug"], fields, {"categories": categories})
        by_slug = {category.slug: category for category in page.categories.all()}
        loader.save_page(
            index, PolicyListPage, data["slug"], fields, {"entries": [entry(row, by_slug) for row in rows]}
        )


def with_documents(loader, rows, data):
    """The list's rows, the support measures in WITH_FILES carrying their PDFs."""
    rows = rows()
    if data is SUPPORT_POLICIES:
        for number, row in enumerate(rows, start=1):
            if number in WITH_FILES and row["full_text"]:
                row["documents"] = policy_documents(loader, row, number)
    return rows
