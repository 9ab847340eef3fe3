"""Demo news articles dated 2025 (the shape is described in articles/__init__.py)."""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)

from ..content import table

ARTICLES = [
    {
        "slug": {"zh": "zhengce-qingdan-16-tiao", "en": "sixteen-support-measures"},
        "kind": "press_release",
        "date": (2025, 1, 20, 10, 0),
        "image": "policy-bars",
        "bylines": [("周静怡", "editor")],
        "keywords": ["policy", "investment-promotion"],
        "zh": {
            "title": "《支持济南国际医学科学中心高质量发展政策清单》发布",
            "subtitle": "16条措施覆盖审批、人才、金融和开放",
            "summary": "支持医学中心高质量发展的政策清单正式出台，共16条措施。清单借鉴了国家级医疗特区的经验，"
            "在审批服务、人才引进、金融支持和对外开放等方面为园区企业提供支持。",
            "body": [
                (
                    "paragraph",
                    "<p>2025年1月，《支持济南国际医学科学中心高质量发展政策清单》正式发布，共16条措施。</p>"
                    "<p>起草期间，工作专班赴两个国家级医疗特区实地调研，逐条研究上百份政策文件，形成了一万五千字的调研报告。"
                    "清单几易其稿，最终定稿。</p>",
                ),
                (
                    "table",
                    table(
                        "政策清单主要方向",
                        [
                            ["方向", "举例"],
                            ["审批服务", "药械注册前置辅导、审批事项集中办理"],
                            ["人才", "高层次人才引进、人才公寓"],
                            ["金融", "引导基金、创投基金参投园区项目"],
                            ["开放", "国际医疗合作项目落地支持"],
                        ],
                    ),
                ),
                (
                    "key_figures",
                    [
                        {"value": "16", "unit": "条", "label": "支持措施"},
                        {"value": "1.5", "unit": "万字", "label": "前期调研报告"},
                    ],
                ),
                (
                    "paragraph",
                    '<p>16条措施的全文和实施细则见本网站<a href="/zhengce/zhichi-zhengce/">“支持高质量发展政策清单”</a>，'
                    "可逐条查看、下载PDF，也可将整份清单下载为表格。</p>",
                ),
            ],
        },
        "en": {
            "title": "Sixteen measures to support the medical zone published",
            "subtitle": "Approvals, talent, finance and opening up",
            "summary": "A list of sixteen measures supporting the medical zone has been issued. Drawing on the experience "
            "of China's national medical pilot zones, it covers approvals, talent, finance and international cooperation.",
            "body": [
                (
                    "paragraph",
                    "<p>The policy list, issued in January 2025, holds sixteen measures.</p>"
                    "<p>While drafting it, a task force visited two national medical pilot zones, studied more than a hundred "
                    "policy documents line by line and wrote a 15,000-character report. The list went through many drafts.</p>",
                ),
                (
                    "table",
                    table(
                        "What the measures cover",
                        [
                            ["Area", "For example"],
                            [
                                "Approvals",
                                "Coaching before device registration; approvals handled in one place",
                            ],
                            ["Talent", "Recruiting senior experts; apartments for new staff"],
                            ["Finance", "Guidance and venture funds co-investing in local projects"],
                            ["Opening up", "Support for international medical projects"],
                        ],
                    ),
                ),
                (
                    "key_figures",
                    [
                        {"value": "16", "unit": "", "label": "support measures"},
                        {
                            "value": "15,000",
                            "unit": "characters",
                            "label": "in the research report behind them",
                        },
                    ],
                ),
                (
                    "paragraph",
                    "<p>The full text of each measure, with its implementing rules and PDF files, is in the "
                    '<a href="/en/policies/support-policies/">support policies list</a>; the whole list can be downloaded as a spreadsheet.</p>',
                ),
            ],
        },
    },
    {
        "slug": {"zh": "zhaoshang-tuandui", "en": "the-team-behind-130-projects"},
        "kind": "feature",
        "date": (2025, 3, 8, 8, 0),
        "image": "team-circles",
        "bylines": [("陈思远", "reporter"), ("高嘉宁", "correspondent")],
        "keywords": ["investment-promotion", "international-cooperation", "business-services"],
        "source": {
            "publication": {"zh": "泉城健康报", "en": "Spring City Health Daily"},
            "issue": {"zh": "2025年3月8日 第5版", "en": "8 March 2025, page 5"},
        },
        "related": ["hanguo-hezuo-jiaoliuhui", "zhengce-qingdan-16-tiao", "chanyelian-wuzhang-qingdan"],
        "zh": {
            "title": "一个项目、一名负责人：医学中心招商团队的“五个一”",
            "subtitle": "这支队伍已助力130多个项目签约落地",
            "summary": "从产业链研究到跨国谈判，医学中心的招商团队摸索出“五个一”工作法，已助力130多个项目签约落地。",
            "body": [
                (
                    "paragraph",
                    "<p>在医学中心管委会，招商被称作园区的生命线。负责这条线的团队，给每个项目配一名负责人、"
                    "一套定制方案、一张倒排节点的推进清单、一个全天候响应的交流群和一本随时更新的政策汇编。"
                    "大家把这套做法叫作“五个一”工作法。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "130+", "unit": "个", "label": "签约落地项目"},
                        {"value": "10+", "unit": "场", "label": "与韩方医院的跨国谈判"},
                        {"value": "60+", "unit": "件", "label": "协调解决的企业诉求"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>跨越时差的谈判</h2><p>在引进一家韩国医院时，韩方对市场适应性和合规风险心存顾虑。"
                    "团队把合作方案改了又改，前后进行了十多场线上线下谈判，医院开业已近在眼前。</p>"
                    "<h2>当好企业的“娘家人”</h2><p>公交线路、员工就餐，这些看似琐碎的问题，团队也当成自己的事来办。</p>",
                ),
                ("quote", {"quote": "企业的难处就是我们的待办事项。", "attribution": "招商团队成员"}),
            ],
        },
        "en": {
            "title": "One project, one contact: the team behind 130 signed projects",
            "subtitle": "How the zone's investment team works",
            "summary": "From supply-chain research to negotiations across time zones, the zone's investment team has a "
            "five-part routine for every project. It has helped more than 130 projects sign and settle.",
            "body": [
                (
                    "paragraph",
                    "<p>Every project that comes to the team gets five things: one person in charge, a plan made for it, a "
                    "schedule worked back from the opening date, a chat group that answers around the clock, and a "
                    "handbook of policies kept up to date. The team calls it its five-ones method.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "130+", "unit": "", "label": "projects signed"},
                        {"value": "10+", "unit": "", "label": "rounds of talks with one Korean hospital"},
                        {"value": "60+", "unit": "", "label": "everyday problems solved for companies"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>Talks across time zones</h2><p>A Korean hospital worried about the local market and regulation. "
                    "The team rewrote its proposal again and again over more than ten rounds of talks, online and in person; "
                    "the hospital is now close to opening.</p>"
                    "<h2>Small things count</h2><p>Bus routes and staff canteens are not in any investment brochure, "
                    "but the team treats them as part of the job.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "A company's problem goes straight onto our to-do list.",
                        "attribution": "A member of the investment team",
                    },
                ),
            ],
        },
    },
    {
        "slug": {"zh": "yiselie-ruishi-xiangmu", "en": "israeli-and-swiss-projects-settle-in"},
        "kind": "feature",
        "date": (2025, 4, 16, 9, 0),
        "image": "world-links",
        "bylines": [("王若涵", "author"), ("赵明轩", "photographer")],
        "keywords": ["international-cooperation", "medical-devices"],
        "zh": {
            "title": "从地中海到阿尔卑斯：以色列、瑞士项目在医学中心扎根",
            "subtitle": "心肺CT和医学营养项目相继落地",
            "summary": "在聚焦韩国合作的同时，医学中心也把目光投向以色列和瑞士，引进了心肺CT和医学营养等项目。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心的国际合作版图最早从韩国展开，多个韩国健康产业项目已经落地。近两年，"
                    "园区开始主动对接以色列和瑞士的创新资源。</p>"
                    "<p>一家以色列背景的心肺CT项目和一家瑞士背景的医学营养项目相继落户。"
                    "招商人员在国际展会和论坛上反复推介，才换来这些合作。</p>",
                ),
                ("image", {"image": "device-cross", "caption": "心肺影像设备是以色列合作项目的重点"}),
                (
                    "quote",
                    {"quote": "我们看重的是这里的医院和临床资源。", "attribution": "一家外资合作企业负责人"},
                ),
            ],
        },
        "en": {
            "title": "From the Mediterranean to the Alps: Israeli and Swiss projects settle in",
            "subtitle": "A cardiopulmonary CT venture and a medical-nutrition firm arrive",
            "summary": "Korea came first, but the zone now also works with partners from Israel and Switzerland, "
            "bringing in a cardiopulmonary CT project and a medical-nutrition business.",
            "body": [
                (
                    "paragraph",
                    "<p>The zone's international work began with Korea, and several Korean health projects have opened here. "
                    "In the last two years the zone has also gone looking for partners in Israel and Switzerland.</p>"
                    "<p>A cardiopulmonary CT project with Israeli roots and a medical-nutrition company with Swiss roots have "
                    "followed, after many presentations at trade fairs and forums.</p>",
                ),
                (
                    "image",
                    {
                        "image": "device-cross",
                        "caption": "Heart and lung imaging is the focus of the Israeli venture",
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "What drew us here is the hospitals and their clinical expertise.",
                        "attribution": "Head of a foreign partner company",
                    },
                ),
            ],
        },
    },
    {
        "slug": {"zh": "jingpin-luyan", "en": ""},
        "kind": "news",
        "date": (2025, 6, 12, 15, 0),
        "image": "growth-chart",
        "bylines": [("高嘉宁", "correspondent")],
        "keywords": ["venture-capital", "investment-promotion"],
        "zh": {
            "title": "19场精品路演吸引50余家投资机构",
            "subtitle": "园区企业与资本面对面",
            "summary": "医学中心今年以来举办19场精品路演，吸引50余家头部投资机构参与，帮助园区企业对接融资。",
            "body": [
                (
                    "paragraph",
                    "<p>今年以来，医学中心围绕医疗器械、生物技术和数字医疗等方向举办了19场精品路演。"
                    "50余家头部投资机构到场，与园区企业面对面交流。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "19", "unit": "场", "label": "精品路演"},
                        {"value": "50+", "unit": "家", "label": "参与投资机构"},
                    ],
                ),
                ("paragraph", "<p>下半年，路演将向数字医疗和康复器械领域延伸。</p>"),
            ],
        },
        "en": None,
    },
    {
        "slug": {"zh": "yindao-mujijin", "en": "one-billion-yuan-guidance-fund"},
        "kind": "press_release",
        "date": (2025, 9, 2, 10, 0),
        "image": "growth-chart",
        "bylines": [("周静怡", "editor")],
        "keywords": ["venture-capital", "policy"],
        "zh": {
            "title": "总规模10亿元的医疗健康引导母基金启动设立",
            "subtitle": "与首只创投基金形成接力",
            "summary": "医学中心总规模10亿元的引导母基金启动设立，将通过子基金投向医疗器械、生物技术和数字医疗项目。",
            "body": [
                (
                    "paragraph",
                    "<p>继2024年初首只创业投资基金设立之后，医学中心总规模10亿元的医疗健康引导母基金启动设立。"
                    "母基金将与社会资本合作设立子基金，重点投向园区主导产业。</p>",
                ),
                ("key_figures", [{"value": "10", "unit": "亿元", "label": "引导母基金总规模"}]),
                ("paragraph", "<p>有意合作的基金管理机构可与医学发展集团联系。</p>"),
            ],
        },
        "en": {
            "title": "A one-billion-yuan guidance fund for the medical zone",
            "subtitle": "The next step after the first venture fund",
            "summary": "The zone is setting up a guidance fund of one billion yuan, which will invest through sub-funds in "
            "medical devices, biotechnology and digital health.",
            "body": [
                (
                    "paragraph",
                    "<p>The guidance fund follows the zone's first venture fund, launched in early 2024. It will set up "
                    "sub-funds with private investors and put money into the zone's lead industries.</p>",
                ),
                ("key_figures", [{"value": "1", "unit": "billion yuan", "label": "guidance fund"}]),
                (
                    "paragraph",
                    "<p>Fund managers interested in working with it can contact the zone's development company.</p>",
                ),
            ],
        },
    },
]
