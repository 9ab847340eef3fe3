"""Demo content for the site itself: images, people, keywords, settings and the fixed pages.

Plain data, read by `manage.py load_demo`. Every translated text is a pair
`{"zh": ..., "en": ...}`; the Chinese is the source, the English is written for
English readers rather than translated word for word. Facts come from public
reporting on the zone; the wording, names of people and publications are invented.
"""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)


def table(caption, rows):
    """A TableBlock value whose first row is the header row."""
    return {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
    }


# Images: key -> how to draw it and what it shows. The key is also the file name
# (demo-<key>.jpg) and the stable identity the loader looks the image up by.
IMAGES = {
    "proton-gantry": {
        "motif": "rings",
        "colours": ("#0b3d5c", "#1c8c8c", "#e6fffa"),
        "title": {"zh": "质子治疗舱示意图", "en": "Proton therapy gantry (illustration)"},
        "alt": {
            "zh": "深青色背景上的同心圆环和一道水平光束，象征质子治疗设备",
            "en": "Concentric rings crossed by a horizontal beam on a teal background, suggesting a proton therapy gantry",
        },
        "caption": {
            "zh": "质子治疗系统以旋转机架将射线精准送达肿瘤",
            "en": "A rotating gantry steers the proton beam to the tumour",
        },
    },
    "genome-helix": {
        "motif": "helix",
        "colours": ("#3b1f5c", "#8a4fbf", "#f3e8ff"),
        "title": {"zh": "精准医学主题图", "en": "Precision medicine (illustration)"},
        "alt": {"zh": "紫色背景上的双螺旋结构", "en": "A double helix on a purple background"},
        "caption": {
            "zh": "精准医学产业园聚集基因检测与生物技术企业",
            "en": "The precision-medicine park brings genomics and biotech firms together",
        },
    },
    "new-district": {
        "motif": "skyline",
        "colours": ("#c2571a", "#f2b84b", "#5a2a0c"),
        "title": {"zh": "医学中心城市天际线", "en": "Skyline of the medical zone (illustration)"},
        "alt": {
            "zh": "橙色天空下高低错落的楼宇剪影",
            "en": "Silhouettes of tower blocks of different heights against an orange sky",
        },
        "caption": {
            "zh": "济南西部新城的医学中心片区",
            "en": "The medical zone in Jinan's new western district",
        },
    },
    "growth-chart": {
        "motif": "bars",
        "colours": ("#7a1020", "#d4473a", "#ffd98a"),
        "title": {"zh": "投资增长示意图", "en": "Investment growth (illustration)"},
        "alt": {
            "zh": "红色背景上逐级升高的柱状图和上扬的折线",
            "en": "Rising bars and an upward trend line on a red background",
        },
        "caption": {
            "zh": "产业基金为园区企业拓宽融资渠道",
            "en": "Industry funds widen the financing options of companies in the zone",
        },
    },
    "scenario-grid": {
        "motif": "grid",
        "colours": ("#0d2b6b", "#2f7ed8", "#dcefff"),
        "title": {"zh": "应用场景清单主题图", "en": "Application scenarios (illustration)"},
        "alt": {
            "zh": "蓝色背景上排列整齐的六边形，部分被点亮",
            "en": "Rows of hexagons on a blue background, some of them lit",
        },
        "caption": {
            "zh": "场景机会清单向企业开放真实的应用需求",
            "en": "The scenario list opens real-world needs to companies",
        },
    },
    "world-links": {
        "motif": "globe",
        "colours": ("#0f4d2e", "#3aa76d", "#eafff2"),
        "title": {"zh": "国际合作主题图", "en": "International cooperation (illustration)"},
        "alt": {
            "zh": "绿色背景上的地球经纬线和连接两端的弧线",
            "en": "A wireframe globe on a green background, with arcs linking distant points",
        },
        "caption": {
            "zh": "来自韩国、以色列和瑞士的合作项目陆续落地",
            "en": "Partner projects from Korea, Israel and Switzerland have settled in the zone",
        },
    },
    "device-cross": {
        "motif": "cross",
        "colours": ("#0a4f63", "#39b3c9", "#073642"),
        "title": {"zh": "医疗器械主题图", "en": "Medical devices (illustration)"},
        "alt": {
            "zh": "青色背景上的白色十字和电路纹路",
            "en": "A white cross over circuit-board traces on a cyan background",
        },
        "caption": {
            "zh": "高端医疗器械是医学中心的主导产业之一",
            "en": "High-end medical devices are one of the zone's lead industries",
        },
    },
    "calm-waves": {
        "motif": "waves",
        "colours": ("#1d3557", "#457b9d", "#f1faee"),
        "title": {"zh": "企业服务主题图", "en": "Business services (illustration)"},
        "alt": {
            "zh": "深蓝色背景上层层叠叠的浅色波浪",
            "en": "Layers of pale waves on a deep blue background",
        },
        "caption": {
            "zh": "从注册到投产，园区为企业提供全程代办服务",
            "en": "From registration to production, the zone handles the paperwork alongside companies",
        },
    },
    "team-circles": {
        "motif": "circles",
        "colours": ("#a23b5b", "#f08a7a", "#fff1ec"),
        "title": {"zh": "招商团队主题图", "en": "The investment-promotion team (illustration)"},
        "alt": {"zh": "珊瑚色背景上相互交叠的圆形", "en": "Overlapping circles on a coral background"},
        "caption": {
            "zh": "招商团队为每个项目配备专人跟进",
            "en": "The investment team gives every project its own contact person",
        },
    },
    "site-crane": {
        "motif": "crane",
        "colours": ("#4a4e57", "#d9a520", "#202020"),
        "title": {"zh": "施工现场示意图", "en": "Construction site (illustration)"},
        "alt": {
            "zh": "金色天空下的塔吊和正在升起的楼层框架",
            "en": "A tower crane above a rising building frame under a golden sky",
        },
        "caption": {
            "zh": "重离子治疗项目病房区进入主体施工",
            "en": "Structural work under way on the heavy-ion therapy ward",
        },
    },
    "hospital-dawn": {
        "motif": "cross",
        "colours": ("#1d4e89", "#7fc8f8", "#0b2545"),
        "title": {"zh": "新建医院主题图", "en": "New hospital (illustration)"},
        "alt": {"zh": "浅蓝色背景上的白色十字", "en": "A white cross on a pale blue background"},
        "caption": {"zh": "新建综合医院进入试运行", "en": "A new general hospital starts trial operation"},
    },
    "policy-bars": {
        "motif": "bars",
        "colours": ("#5c3d0b", "#c98b2b", "#fff4d6"),
        "title": {"zh": "政策清单主题图", "en": "Policy list (illustration)"},
        "alt": {"zh": "金棕色背景上的柱状图", "en": "A bar chart on a golden brown background"},
        "caption": {
            "zh": "16条政策覆盖审批、人才、金融和用地",
            "en": "Sixteen measures cover approvals, talent, finance and land",
        },
    },
}

LOGO = {
    "key": "logo",
    "title": {"zh": "济南国际医学中心标志", "en": "Jinan International Medical Center logo"},
    "alt": {
        "zh": "济南国际医学中心标志：蓝色圆环中的白色十字",
        "en": "Jinan International Medical Center logo: a white cross inside a blue ring",
    },
}

IMAGE_CREDIT = {"zh": "医学中心新闻中心", "en": "JIMC newsroom"}

# People named in bylines. The key is the Chinese name, which the loader looks them up by.
PEOPLE = [
    {
        "name": {"zh": "陈思远", "en": "Chen Siyuan"},
        "organisation": {"zh": "泉城健康报", "en": "Spring City Health Daily"},
    },
    {
        "name": {"zh": "刘晓雯", "en": "Liu Xiaowen"},
        "organisation": {"zh": "医学中心管委会", "en": "JIMC Administrative Committee"},
    },
    {
        "name": {"zh": "王若涵", "en": "Wang Ruohan"},
        "organisation": {"zh": "《齐鲁医健》杂志", "en": "Qilu Health Review"},
    },
    {
        "name": {"zh": "赵明轩", "en": "Zhao Mingxuan"},
        "organisation": {"zh": "医学中心新闻中心", "en": "JIMC newsroom"},
    },
    {
        "name": {"zh": "周静怡", "en": "Zhou Jingyi"},
        "organisation": {"zh": "医学中心新闻中心", "en": "JIMC newsroom"},
    },
    {
        "name": {"zh": "高嘉宁", "en": "Gao Jianing"},
        "organisation": {"zh": "医学中心投资促进局", "en": "JIMC Investment Promotion Bureau"},
    },
    {
        "name": {"zh": "金敏瑞", "en": "Kim Min-seo"},
        "organisation": {"zh": "驻首尔联络处", "en": "Seoul liaison office"},
    },
]

# Keywords: the slug is the keyword page's address in both languages and its stable key.
KEYWORDS = [
    {
        "slug": "proton-therapy",
        "name": {"zh": "质子治疗", "en": "Proton therapy"},
        "description": {
            "zh": "山东省质子中心及其二期重离子项目的建设与临床进展。",
            "en": "Progress at the Shandong proton therapy centre and its heavy-ion second phase.",
        },
    },
    {
        "slug": "precision-medicine",
        "name": {"zh": "精准医学", "en": "Precision medicine"},
        "description": {
            "zh": "基因检测、遗传资源平台和精准医学产业园的企业与项目。",
            "en": "Genomics, the genetic-resources platform and the firms of the precision-medicine park.",
        },
    },
    {
        "slug": "investment-promotion",
        "name": {"zh": "招商引资", "en": "Investment promotion"},
        "description": {
            "zh": "签约项目、招商方法和产业链招商。",
            "en": "Signed projects, how the zone courts investors, and supply-chain targeting.",
        },
    },
    {
        "slug": "international-cooperation",
        "name": {"zh": "国际合作", "en": "International cooperation"},
        "description": {
            "zh": "与韩国、以色列、瑞士等国家的机构和企业开展的合作。",
            "en": "Work with organisations and companies from Korea, Israel, Switzerland and elsewhere.",
        },
    },
    {
        "slug": "venture-capital",
        "name": {"zh": "创投基金", "en": "Venture capital"},
        "description": {
            "zh": "创业投资基金、引导基金和项目路演。",
            "en": "Venture funds, the guidance fund and investor roadshows.",
        },
    },
    {
        "slug": "industrial-park",
        "name": {"zh": "产业园区", "en": "Industrial parks"},
        "description": {
            "zh": "医学中心内各专业产业园的建设和招商。",
            "en": "Building and filling the specialised parks inside the zone.",
        },
    },
    {
        "slug": "policy",
        "name": {"zh": "政策", "en": "Policy"},
        "description": {
            "zh": "支持医学中心发展的各级政策及解读。",
            "en": "National, provincial and city policies that support the zone, and what they mean.",
        },
    },
    {
        "slug": "medical-devices",
        "name": {"zh": "医疗器械", "en": "Medical devices"},
        "description": {
            "zh": "医疗器械企业、产品注册和产业园。",
            "en": "Device makers, product registration and the device park.",
        },
    },
    {
        "slug": "medical-services",
        "name": {"zh": "医疗服务", "en": "Medical services"},
        "description": {
            "zh": "园区医院和诊疗服务的建设与运营。",
            "en": "Hospitals and clinical services opening in the zone.",
        },
    },
    {
        "slug": "application-scenarios",
        "name": {"zh": "应用场景", "en": "Application scenarios"},
        "description": {
            "zh": "向企业开放的创新应用场景机会。",
            "en": "Real settings the zone opens to companies to try out new products.",
        },
    },
    {
        "slug": "business-services",
        "name": {"zh": "企业服务", "en": "Business services"},
        "description": {
            "zh": "代办帮办、审批服务和企业服务中心。",
            "en": "Hands-on help with registration, approvals and day-to-day problems.",
        },
    },
]

SITE_SETTINGS = {
    "organisation_name": {"zh": "济南国际医学科学中心", "en": "Jinan International Medical Center"},
    "address": {
        "zh": "山东省济南市槐荫区医学中心大道 1 号",
        "en": "1 Medical Center Avenue, Huaiyin District, Jinan, Shandong, China",
    },
    "phone": "+86 531 0000 0000",
    "email": "press@example.org",
    "press_boilerplate": {
        "zh": "<p><b>关于济南国际医学科学中心</b>：医学中心位于济南西部新城，以医疗为核心，推动医、教、研、产、养融合发展，"
        "重点发展高端医疗服务、高端医疗器械、新一代生物技术和数字医疗。</p>",
        "en": "<p><b>About Jinan International Medical Center</b>: the zone, in Jinan's new western district, is built "
        "around hospitals and links care, teaching, research, industry and elderly care. Its lead industries "
        "are high-end medical services, advanced medical devices, biotechnology and digital health.</p>",
    },
    "social_links": [
        {"name": "微信", "name_en": "WeChat", "url": "https://weixin.qq.com/"},
        {"name": "微博", "name_en": "Weibo", "url": "https://weibo.com/"},
        {"name": "领英", "name_en": "LinkedIn", "url": "https://www.linkedin.com/"},
    ],
    "icp_number": {"zh": "鲁ICP备2024000000号-1", "en": "Shandong ICP Filing No. 2024000000-1"},
    "public_security_number": {
        "zh": "鲁公网安备37010402000000号",
        "en": "Shandong Public Security Filing No. 37010402000000",
    },
    "public_security_code": "37010402000000",
}

HOME = {
    "title": {"zh": "济南国际医学科学中心", "en": "Jinan International Medical Center"},
    "intro": {
        "zh": "在济南西部新城，一座以医疗为核心、医教研产养融合发展的医学城正在成形。这里汇集国家级医学平台、"
        "专科医院和医疗健康企业，也向各地投资者敞开大门。",
        "en": "In Jinan's new western district, a medical city is taking shape: hospitals at its heart, with teaching, "
        "research, industry and elderly care around them. National medical platforms, specialist hospitals and "
        "health companies already work here, and the zone is open to investors from everywhere.",
    },
    "key_figures": {
        "zh": [
            {"value": "130+", "unit": "个", "label": "签约落地项目"},
            {"value": "120", "unit": "亿元", "label": "2023年完成投资"},
            {"value": "15", "unit": "个", "label": "2023年新开工项目"},
            {"value": "90–100", "unit": "人次/天", "label": "质子中心日治疗量"},
            {"value": "20+", "unit": "家", "label": "精准医学产业园入驻企业"},
        ],
        "en": [
            {"value": "130+", "unit": "", "label": "projects signed"},
            {"value": "12", "unit": "billion yuan", "label": "invested in 2023"},
            {"value": "15", "unit": "", "label": "new projects started in 2023"},
            {"value": "90–100", "unit": "a day", "label": "patients treated at the proton centre"},
            {"value": "20+", "unit": "", "label": "companies in the precision-medicine park"},
        ],
    },
    # Slugs of articles shown first on the home page, in order.
    "featured": ["zhizi-zhongxin-shouli-huanzhe", "2023-niandu-huigu", "zhengce-qingdan-16-tiao"],
}

NEWS_INDEX = {
    "slug": {"zh": "news", "en": "news"},
    # Not 新闻中心 / Newsroom: that is the journalists' page (demo.newsroom), beside it in the menu.
    "title": {"zh": "新闻动态", "en": "News"},
    "intro": {
        "zh": "医学中心的最新动态、新闻发布和深度报道。",
        "en": "News, press releases and features from the medical zone.",
    },
}
