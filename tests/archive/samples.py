"""Small made-up exports of each kind the importer reads (own words, not the seeds)."""

# ruff: noqa: E501  (sample markup reads better one element a line than wrapped)

import json

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>质子治疗中心每天治疗百名患者_园区新闻_国际医学中心</title>
<meta name="keywords" content="质子治疗,精准医学"><link rel="canonical" href="http://old.example.cn/news/show.php?id=123">
<meta property="article:published_time" content="2023-11-08T09:30:00+08:00"></head>
<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<div class="banner">“健康园区故事”征集开始啦!速来!</div>
<div class="article"><h1>质子治疗中心每天治疗百名患者</h1>
<div class="info">来源：大众日报 记者 王明 通讯员 赵丽</div>
<p onclick="steal()">11月7日，质子治疗系统收治第一例临床治疗病人，山东省质子中心进入临床治疗新阶段。</p>
<p><img src="../images/proton.png" alt="质子中心外景"></p><p>质子中心外景（摄影 陈光）</p>
<p style="color:red">质子中心<b>每天</b>可以完成九十至一百例患者的治疗，每年预计治疗患者超过一千例。<a href="http://casino.example.com/">best casino</a></p>
<p style="display:none">博彩 娱乐城 注册送彩金 http://spam.example/</p>
<h2>未来规划</h2><p>重离子项目病房区已经开工建设，更多患者不出国门即可接受放疗。详见<a href="http://www.jinan.gov.cn/notice.html">市政府通知</a>。</p>
<p><img src="../images/not-there.jpg" alt="缺失的图片"></p><p>病房区效果图</p>
<script>alert(1)</script><iframe src="http://evil.example/"></iframe>
</div>
<div class="share">分享到：微信 微博</div>
<div class="related"><h3>相关推荐</h3><ul><li><a href="http://old.example.cn/news/show.php?id=124">精准医学产业园建成使用</a></li><li><a href="/news/999.html">不在本次导入中的文章</a></li></ul></div>
<div id="comments">评论列表 暂无评论,快抢沙发吧~</div>
<div class="footer">版权所有 鲁ICP备00000000号</div></body></html>"""

SECOND_PAGE = """<html><head><meta charset="{charset}"><title>精准医学产业园建成使用</title>
<link rel="canonical" href="http://old.example.cn/news/show.php?id=124"></head><body>
<div class="content"><h1>精准医学产业园建成使用</h1><p>发布时间：2023-06-01 10:00</p>
<p>精准医学产业园一期建成使用，已引进二十余家高新技术企业，涵盖基因检测、细胞治疗等领域。</p>
<p>园区将继续完善服务，为入驻企业提供实验室、人才公寓等配套。</p></div></body></html>"""

WXR = """<?xml version="1.0" encoding="{charset}"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>旧网站</title><wp:base_site_url>http://blog.example.cn</wp:base_site_url>
<wp:author><wp:author_login>wangming</wp:author_login><wp:author_display_name>王明</wp:author_display_name></wp:author>
<item><title>园区新开工项目十五个</title><link>http://blog.example.cn/2024/01/xinkaigong/</link>
<pubDate>Mon, 08 Jan 2024 02:00:00 +0000</pubDate><dc:creator>wangming</dc:creator>
<guid isPermaLink="false">http://blog.example.cn/?p=12</guid>
<content:encoded><![CDATA[2023年，园区新开工项目十五个，完成投资一百二十亿元。

重大项目是园区发展的引擎，各项目进展顺利。]]></content:encoded>
<excerpt:encoded><![CDATA[园区新开工项目十五个。]]></excerpt:encoded>
<wp:post_id>12</wp:post_id><wp:post_date>2024-01-08 10:00:00</wp:post_date><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><category domain="post_tag" nicename="zhaoshang">招商</category>
<category domain="category" nicename="news">新闻</category></item>
<item><title>园区照片</title><wp:post_id>13</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>http://blog.example.cn/wp-content/uploads/2024/01/yuanqu.png</wp:attachment_url></item>
<item><title>基金破茧而出</title><link>http://blog.example.cn/2024/02/jijin/</link>
<dc:creator>wangming</dc:creator><guid isPermaLink="false">http://blog.example.cn/?p=14</guid>
<content:encoded><![CDATA[<p>首只创业投资基金破茧而出，总规模十亿元的引导基金正在推进。</p>]]></content:encoded>
<wp:post_id>14</wp:post_id><wp:post_date>2024-02-20 09:00:00</wp:post_date><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>13</wp:meta_value></wp:postmeta>
<category domain="post_tag" nicename="jijin">基金</category></item>
</channel></rss>"""

CSV_ROWS = [
    {
        "old_url": "http://old.example.cn/article.asp?id=501",
        "old_url_en": "http://old.example.cn/en/article.asp?id=501",
        "title": "韩国合作项目落地",
        "date": "2024-05-06 08:30",
        "body_text": "韩国大健康新技术体验馆落地园区。\n多个合作项目正在洽谈。",
        "reporter": "王明",
        "correspondent": "赵丽、周强",
        "keywords": "国际合作;招商",
        "summary_en": "A Korean health technology centre opened in the zone.",
        "images": "pictures/korea.png",
    },
    {
        "old_url": "http://old.example.cn/article.asp?id=502",
        "title": "政策清单出台",
        "date": "2025年1月10日",
        "body_html": "<p>支持高质量发展的<b>十六条</b>政策清单出台。</p>",
        "author": "周强",
        "keywords": "政策",
    },
]


def csv_text():
    import csv
    import io

    out = io.StringIO()
    columns = [
        "old_url",
        "old_url_en",
        "title",
        "date",
        "body_text",
        "body_html",
        "reporter",
        "correspondent",
        "author",
        "keywords",
        "summary_en",
        "images",
    ]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in CSV_ROWS:
        writer.writerow(row)
    return out.getvalue()


def json_text():
    return json.dumps({"articles": CSV_ROWS}, ensure_ascii=False)


def jsonl_text():
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in CSV_ROWS)


XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>&lol3;</title></item></channel></rss>"""
