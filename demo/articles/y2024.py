"""Demo news articles dated 2024 (the shape is described in articles/__init__.py)."""

# ruff: noqa: E501  (prose: long strings read better unbroken than split mid-sentence)

ARTICLES = [
    {
        "slug": {"zh": "jingzhun-yixue-chanyeyuan", "en": "precision-medicine-park-draws-20-companies"},
        "kind": "news",
        "date": (2024, 1, 5, 16, 0),
        "image": "genome-helix",
        "bylines": [("周静怡", "reporter")],
        "keywords": ["precision-medicine", "industrial-park"],
        "zh": {
            "title": "精准医学产业园一期投用，二十余家高新技术企业入驻",
            "subtitle": "全市重大项目观摩团实地察看园区进展",
            "summary": "1月4日，全市重大项目观摩团来到医学中心，察看精准医学产业园一期和一家新建医院的建设情况。"
            "产业园一期以国家人类遗传资源共享服务平台山东创新中心为龙头，已引进二十余家高新技术企业。",
            "body": [
                (
                    "paragraph",
                    "<p>1月4日，全市重大项目现场观摩团走进医学中心。观摩团在精准医学产业园一期停留最久，"
                    "参观了实验室和企业展厅。</p>"
                    "<p>产业园一期由国家人类遗传资源共享服务平台山东创新中心项目牵头，带动基因检测、"
                    "生物样本和数据服务企业聚集。目前已有二十余家高新技术企业入驻。</p>",
                ),
                ("key_figures", [{"value": "20+", "unit": "家", "label": "入驻高新技术企业"}]),
                (
                    "paragraph",
                    "<p>园区还与一家精准医学科技企业联合组建创投联合体，为入驻企业对接资本。"
                    "这家企业从初次接洽到签约落户只用了两个多月。</p>",
                ),
            ],
        },
        "en": {
            "title": "Precision-medicine park opens its first phase with more than 20 companies",
            "subtitle": "City delegation tours the zone's flagship projects",
            "summary": "A city delegation reviewing major projects visited the zone on 4 January. The first phase of the "
            "precision-medicine park, anchored by the Shandong centre of the national human genetic resources "
            "platform, already houses more than twenty technology companies.",
            "body": [
                (
                    "paragraph",
                    "<p>Officials touring the city's major projects stopped at the medical zone on 4 January and spent most "
                    "of their visit in the precision-medicine park, walking through its laboratories and showrooms.</p>"
                    "<p>The park's first phase is built around the Shandong centre of the national platform for sharing "
                    "human genetic resources. Genomics, biobanking and data-service firms have followed it in.</p>",
                ),
                ("key_figures", [{"value": "20+", "unit": "", "label": "technology companies in the park"}]),
                (
                    "paragraph",
                    "<p>The zone has also set up a venture alliance with a precision-medicine company to bring investors to "
                    "firms in the park. That company went from first contact to signing in just over two months.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "shouzhi-chuangtou-jijin", "en": "first-venture-fund-launched"},
        "kind": "news",
        "date": (2024, 2, 26, 10, 0),
        "image": "growth-chart",
        "bylines": [("高嘉宁", "correspondent")],
        "keywords": ["venture-capital", "investment-promotion"],
        "zh": {
            "title": "医学中心首只创业投资基金设立",
            "subtitle": "首个被投项目将总部落户园区",
            "summary": "医学中心首只创业投资基金近日完成设立，并已投资一家生物科技企业，该企业的总部项目将落户园区。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心首只创业投资基金近日完成设立。对于仍处在建设初期的园区来说，用基金撬动产业还是一件新事。"
                    "为此，招商团队成员一边学习、考取基金从业资格，一边在实际项目中摸索。</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "基金不只是给钱，更是把企业留下来、让企业长大的工具。",
                        "attribution": "医学中心投资促进局",
                    },
                ),
                (
                    "paragraph",
                    "<p>基金的首个投资项目是一家来自深圳的生物科技企业，其总部项目已确定落户医学中心。</p>",
                ),
            ],
        },
        "en": {
            "title": "The zone launches its first venture fund",
            "subtitle": "Its first investment brings a company headquarters to Jinan",
            "summary": "The medical zone has set up its first venture capital fund. Its first investment, in a Shenzhen "
            "biotechnology company, comes with the company's decision to move its headquarters to the zone.",
            "body": [
                (
                    "paragraph",
                    "<p>Funds were new territory for a zone still under construction. Members of the investment team studied "
                    "for fund-management qualifications while working on their first deals.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "A fund is not just money. It is how we keep companies here and help them grow.",
                        "attribution": "JIMC Investment Promotion Bureau",
                    },
                ),
                (
                    "paragraph",
                    "<p>The first investment went to a biotechnology company from Shenzhen, which is moving its headquarters "
                    "to the zone.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "2023-niandu-huigu", "en": "2023-in-review"},
        "kind": "feature",
        "date": (2024, 3, 4, 6, 43),
        "image": "new-district",
        "bylines": [("王若涵", "author")],
        "keywords": ["investment-promotion", "industrial-park", "proton-therapy"],
        "source": {
            "publication": {"zh": "《齐鲁医健》杂志", "en": "Qilu Health Review"},
            "issue": {"zh": "2024年第8期", "en": "2024, No. 8"},
        },
        "zh": {
            "title": "项目突破的一年：医学中心2023年回顾",
            "subtitle": "新开工项目15个，完成投资120亿元",
            "summary": "2023年，医学中心新开工项目15个，完成投资120亿元，质子中心进入临床，精准医学产业园一期投用。"
            "体制改革、产业链招商和金融服务是这一年的三条主线。",
            "body": [
                (
                    "paragraph",
                    "<p>对医学中心来说，2023年是“项目突破年”。按照签约一批、落地一批、建成一批、启用一批的思路，"
                    "园区全年新开工项目15个，完成投资120亿元，并入选山东省绿色低碳高质量发展先行区产业园区试点。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "15", "unit": "个", "label": "新开工项目"},
                        {"value": "120", "unit": "亿元", "label": "完成投资"},
                        {"value": "20+", "unit": "家", "label": "精准医学产业园企业"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>医疗：质子进入临床</h2><p>11月，山东省质子中心开始收治患者，满负荷时每天可治疗90至100人次；"
                    "二期重离子项目随后开工。多家国家级、省级医学平台的申报和建设也在推进。</p>"
                    "<h2>改革：大部制与“管委会＋公司”</h2><p>园区重组内设机构，面向全球招聘专业人才，"
                    "并组建医学发展集团公司，筹建子基金和创投基金，形成更灵活的投资运营平台。</p>",
                ),
                ("image", {"image": "genome-helix", "caption": ""}),
                (
                    "paragraph",
                    "<h2>招商：顺着产业链找企业</h2><p>园区编制了产业链研究与招商实施方案，通过产业招商、以商引商和以会招商，"
                    "引进了医疗器械产业园运营商和多家精准医学企业，并首次在韩国举办保健医疗合作交流会。</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "每一个开工的项目，都是医学城长高的一寸。",
                        "attribution": "园区一位项目负责人",
                    },
                ),
            ],
        },
        "en": {
            "title": "A year of breakthroughs: the medical zone in 2023",
            "subtitle": "Fifteen new projects started and 12 billion yuan invested",
            "summary": "In 2023 the zone started 15 new projects and invested 12 billion yuan; its proton therapy centre "
            "began treating patients and the precision-medicine park opened. Reform, supply-chain investment "
            "and finance were the year's three threads.",
            "body": [
                (
                    "paragraph",
                    "<p>The city called 2023 a year for breakthroughs on projects, and the medical zone took it literally: "
                    "15 new projects broke ground and 12 billion yuan was invested. The province also chose the zone as a "
                    "pilot for green, low-carbon development.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "15", "unit": "", "label": "new projects started"},
                        {"value": "12", "unit": "billion yuan", "label": "invested"},
                        {"value": "20+", "unit": "", "label": "companies in the precision-medicine park"},
                    ],
                ),
                (
                    "paragraph",
                    "<h2>Care: protons reach the clinic</h2><p>In November the proton therapy centre treated its first "
                    "patient; at full capacity it treats 90 to 100 patients a day. Work on a heavy-ion second phase "
                    "followed, and bids for several national and provincial medical platforms moved forward.</p>"
                    "<h2>Reform: fewer departments, a company alongside</h2><p>The administration merged its departments, "
                    "recruited specialists worldwide and set up a development company to run investment and new funds.</p>",
                ),
                ("image", {"image": "genome-helix", "caption": ""}),
                (
                    "paragraph",
                    "<h2>Investment: following the supply chain</h2><p>An industry-chain study told the team which firms to "
                    "court. Through sector targeting, referrals and events, it brought in a device-park operator and several "
                    "precision-medicine firms, and held its first health-cooperation meeting in Korea.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": "Every project that breaks ground makes the medical city a little taller.",
                        "attribution": "A project manager in the zone",
                    },
                ),
            ],
        },
    },
    {
        "slug": {"zh": "hanguo-hezuo-jiaoliuhui", "en": "korea-health-cooperation-meeting"},
        "kind": "news",
        "date": (2024, 4, 23, 14, 20),
        "image": "world-links",
        "bylines": [("金敏瑞", "correspondent"), ("周静怡", "editor")],
        "keywords": ["international-cooperation", "investment-promotion"],
        "zh": {
            "title": "医学中心在韩国举办保健医疗合作交流会",
            "subtitle": "与韩方机构和医院签署三份合作备忘录",
            "summary": "医学中心代表团赴韩开展招商推介，首次在韩国举办中韩保健医疗合作交流会，"
            "并与韩国的中小企业机构、医疗文化交流组织和一家医院签署合作备忘录。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心代表团近日在首尔举办中韩保健医疗合作交流会，这是园区第一次在韩国举办此类活动。"
                    "韩国医疗、医美和健康产品企业的代表参加了交流。</p>"
                    "<p>活动期间，医学中心与韩国一家中小企业促进机构、一家医疗文化交流组织和一家医院分别签署合作备忘录。</p>",
                ),
                ("key_figures", [{"value": "3", "unit": "份", "label": "签署合作备忘录"}]),
                ("paragraph", "<p>目前，韩国大健康新技术体验馆等项目已在医学中心落地。</p>"),
            ],
        },
        "en": {
            "title": "Zone holds its first health-cooperation meeting in Korea",
            "subtitle": "Three memorandums signed with Korean organisations and a hospital",
            "summary": "A delegation from the zone held its first China–Korea health-cooperation meeting in Seoul and "
            "signed memorandums with a Korean small-business agency, a medical exchange association and a hospital.",
            "body": [
                (
                    "paragraph",
                    "<p>It was the zone's first event of its kind in Korea. Representatives of Korean hospitals, aesthetic "
                    "clinics and health-product makers came to hear what the zone offers.</p>"
                    "<p>Three memorandums of understanding were signed: with an agency that supports small businesses, "
                    "an association for medical exchange, and a hospital.</p>",
                ),
                ("key_figures", [{"value": "3", "unit": "", "label": "memorandums signed"}]),
                (
                    "paragraph",
                    "<p>Several Korean projects have already opened in the zone, including a showroom for new health technology.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "zhonglizi-bingfang-kaigong", "en": "heavy-ion-ward-construction"},
        "kind": "news",
        "date": (2024, 5, 20, 11, 0),
        "image": "site-crane",
        "bylines": [("刘晓雯", "correspondent"), ("赵明轩", "photographer")],
        "keywords": ["proton-therapy", "medical-services"],
        "zh": {
            "title": "质子中心二期重离子项目病房区主体施工",
            "subtitle": "建成后将与质子治疗互为补充",
            "summary": "山东省质子中心二期重离子项目的病房区进入主体施工。重离子与质子治疗各有所长，建成后可为更多肿瘤患者提供选择。",
            "body": [
                (
                    "paragraph",
                    "<p>在质子中心东侧，二期重离子项目病房区的塔吊已经运转数月。项目建成后，"
                    "重离子治疗将与已投入临床的质子治疗互为补充。</p>",
                ),
                ("image", {"image": "site-crane", "caption": ""}),
                ("paragraph", "<p>质子中心投入临床以来运行平稳，满负荷时每天可治疗90至100人次。</p>"),
            ],
        },
        "en": {
            "title": "Heavy-ion ward rises beside the proton therapy centre",
            "subtitle": "The second phase will complement proton therapy",
            "summary": "Structural work is under way on the ward of the heavy-ion second phase of the proton therapy "
            "centre. Heavy ions and protons suit different tumours, so the pair will give patients more options.",
            "body": [
                (
                    "paragraph",
                    "<p>Cranes have been turning for months on the east side of the proton therapy centre, where the ward of "
                    "the heavy-ion phase is going up.</p>",
                ),
                ("image", {"image": "site-crane", "caption": ""}),
                (
                    "paragraph",
                    "<p>Since it opened the proton centre has run smoothly; at full capacity it treats 90 to 100 patients a day.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "chanyelian-wuzhang-qingdan", "en": "five-lists-for-investors"},
        "kind": "news",
        "date": (2024, 6, 18, 15, 30),
        "image": "calm-waves",
        "bylines": [("高嘉宁", "correspondent")],
        "keywords": ["investment-promotion", "policy"],
        "zh": {
            "title": "产业链研究完成，“五张清单”为精准招商导航",
            "subtitle": "四大领域细分赛道的投资方向一目了然",
            "summary": "历时八个月，医学中心完成产业链研究与招商实施方案，编制招商目录、招商地图、资源清单、产业政策和准入机制五张清单。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心联合智库团队，经过多轮调研和修改，用八个月完成了《产业链研究与招商实施方案》。"
                    "方案梳理了高端医疗服务、高端医疗器械、新一代生物技术和数字医疗四大领域的细分赛道。</p>"
                    "<p>五张清单分别是：</p><ol><li>招商目录</li><li>招商地图</li><li>资源清单</li>"
                    "<li>产业政策</li><li>准入机制</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "清单把“招什么、去哪招、凭什么招”说清楚了。",
                        "attribution": "投资促进局工作人员",
                    },
                ),
            ],
        },
        "en": {
            "title": "Industry-chain study gives investors five lists",
            "subtitle": "Target sectors in four fields, mapped in detail",
            "summary": "After eight months of work the zone has finished its industry-chain study and investment plan, with "
            "five lists: a target catalogue, an investment map, available resources, industry policies and entry rules.",
            "body": [
                (
                    "paragraph",
                    "<p>Working with outside think tanks through several rounds of research and revision, the zone spent "
                    "eight months on the study. It breaks four fields (medical services, devices, biotechnology and digital "
                    "health) into the niches the zone wants to fill.</p>"
                    "<p>The five lists are:</p><ol><li>a catalogue of target investments</li><li>an investment map</li>"
                    "<li>a list of available resources</li><li>the industry policies that apply</li><li>the rules for entry</li></ol>",
                ),
                (
                    "quote",
                    {
                        "quote": "The lists say what we are looking for, where to find it and why it should come here.",
                        "attribution": "A member of the Investment Promotion Bureau",
                    },
                ),
            ],
        },
    },
    {
        "slug": {"zh": "changjing-jihui-qingdan", "en": "32-application-scenarios-published"},
        "kind": "press_release",
        "date": (2024, 9, 10, 10, 0),
        "image": "scenario-grid",
        "bylines": [("周静怡", "editor")],
        "keywords": ["application-scenarios", "medical-devices", "investment-promotion"],
        "zh": {
            "title": "医学中心发布首批32项应用场景机会清单",
            "subtitle": "覆盖5大领域，向企业开放真实需求",
            "summary": "医学中心发布首批应用场景机会清单，共32项，覆盖5大领域，邀请企业在园区医院、实验室和公共服务中试用新产品。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心今天发布首批应用场景机会清单。清单共列出32项机会，分布在5大领域，"
                    "每一项都对应园区医院、实验室或公共服务中的真实需求。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "32", "unit": "项", "label": "首批场景机会"},
                        {"value": "5", "unit": "大", "label": "覆盖领域"},
                    ],
                ),
                ("paragraph", "<p>有意参与的企业可联系投资促进局，获取场景详情和对接方式。</p>"),
            ],
        },
        "en": {
            "title": "Zone publishes its first 32 application-scenario opportunities",
            "subtitle": "Real needs in five fields, open to companies",
            "summary": "The zone has published its first list of application scenarios: 32 opportunities in five fields "
            "where companies can try new products in the zone's hospitals, laboratories and public services.",
            "body": [
                (
                    "paragraph",
                    "<p>Each of the 32 opportunities on the list describes a real need in a hospital, laboratory or public "
                    "service in the zone, grouped into five fields.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "32", "unit": "", "label": "scenario opportunities"},
                        {"value": "5", "unit": "", "label": "fields covered"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Companies interested in a scenario can ask the Investment Promotion Bureau for details and a contact.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"zh": "qixie-zhucezheng", "en": "device-makers-win-registrations"},
        "kind": "news",
        "date": (2024, 11, 12, 9, 0),
        "image": "device-cross",
        "bylines": [("刘晓雯", "correspondent")],
        "keywords": ["medical-devices", "business-services"],
        "zh": {
            "title": "园区6家企业获批8张二类医疗器械注册证",
            "subtitle": "药械前置创新审批服务站帮助企业少走弯路",
            "summary": "借助园区首创的药械前置创新审批服务站，6家企业共获得8张国家二类医疗器械产品注册证。",
            "body": [
                (
                    "paragraph",
                    "<p>医学中心首创的药械前置创新审批服务站，在企业正式申报前就介入辅导，帮助企业提前发现材料问题。"
                    "截至目前，园区已有6家企业获批8张二类医疗器械产品注册证。</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "8", "unit": "张", "label": "二类医疗器械注册证"},
                        {"value": "6", "unit": "家", "label": "获证企业"},
                    ],
                ),
            ],
        },
        "en": {
            "title": "Six device makers in the zone win eight Class II registrations",
            "subtitle": "A pre-submission service station helps firms get it right first time",
            "summary": "With help from the zone's pre-submission service station for drugs and devices, six companies have "
            "obtained eight national Class II medical device registration certificates.",
            "body": [
                (
                    "paragraph",
                    "<p>The service station, the first of its kind, reviews a company's files before they are submitted, "
                    "so gaps are found early. Six companies in the zone now hold eight Class II registration certificates.</p>",
                ),
                (
                    "key_figures",
                    [
                        {"value": "8", "unit": "", "label": "Class II registrations"},
                        {"value": "6", "unit": "", "label": "companies"},
                    ],
                ),
            ],
        },
    },
]
