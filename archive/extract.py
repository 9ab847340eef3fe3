"""The article inside a saved page: its blocks of text and images, taken out of the page chrome.

Before the extractor (trafilatura) sees a page, what must not pass is taken out and recorded:
scripts, frames and forms; hidden text and links off the allow-list (quarantined as injected);
comment boxes, share buttons, banners; "related articles" lists (their links kept, to become
related-article links when the targets are imported too). Text files are read line by line.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura

from .spam import is_hidden

UNSAFE_TAGS = [
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "svg", "canvas", "template", "link", "meta", "base",
]  # fmt: skip
# Page chrome, by the class or id words old CMSs give it: kind -> pattern over one class/id token.
CHROME = {
    "comments": re.compile(r"^(?:comments?|comment[-_]?(?:list|box|area|form|wrap)|pinglun|reply|replies)$"),
    "share": re.compile(r"^(?:share|share[-_]\w+|bdshare\w*|jiathis\w*|fenxiang)$"),
    "related": re.compile(
        r"^(?:related|related[-_]\w+|relate|xiangguan\w*|recommend\w*|tuijian\w*|more[-_]news)$"
    ),
    "banner": re.compile(r"^(?:banner|ad|ads|advert\w*|guanggao|promo\w*|campaign|popup)$"),
}
TRAILER_HEADINGS = re.compile(
    r"^(?:猜你喜欢|相关推荐|相关阅读|相关文章|相关新闻|延伸阅读|推荐阅读|热门推荐|更多新闻)$"
)
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "table",
    "ul",
    "ol",
    "section",
}


@dataclass
class Segment:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Block:
    """A paragraph, heading or list item (`segments`), or a picture (`image`)."""

    kind: str = "p"  # p, h2, h3, li, image
    segments: list = field(default_factory=list)
    image: dict | None = None

    @property
    def text(self):
        return "".join(segment.text for segment in self.segments)

    @classmethod
    def plain(cls, text, kind="p"):
        return cls(kind=kind, segments=[Segment(text)])


@dataclass
class Page:
    """What extraction found: blocks, facts from the page's head, and what it took out."""

    blocks: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    quarantined: list = field(default_factory=list)  # {"code", "params"}
    removed: list = field(default_factory=list)  # {"code", "params"}
    related: list = field(default_factory=list)  # (title, url)


def text_blocks(text):
    """A plain-text article: one paragraph a line."""
    return [Block.plain(line.strip()) for line in text.splitlines() if line.strip()]


def class_tokens(element):
    return (element.get("class", "") + " " + element.get("id", "")).lower().split()


def chrome_kind(element):
    for token in class_tokens(element):
        for kind, pattern in CHROME.items():
            if pattern.match(token):
                return kind
    first_text = next((t.strip() for t in element.itertext() if t.strip()), "")
    if element.tag in ("div", "section", "aside", "ul") and TRAILER_HEADINGS.match(first_text):
        return "related"
    return None


def parse_html(html_text):
    html_text = re.sub(r"^\s*<\?xml[^>]*\?>", "", html_text)
    try:
        return lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def head_facts(document, html_text):
    """Title, date, author, keywords and the page's own address, from its head."""

    def meta(*names):
        for name in names:
            for attribute in ("property", "name", "itemprop", "http-equiv"):
                found = document.xpath(f'//meta[@{attribute}="{name}"]/@content')
                if found and found[0].strip():
                    return found[0].strip()
        return ""

    h1 = document.xpath("//h1")
    title_tag = document.xpath("//title")
    facts = {
        "title": meta("og:title", "title", "ArticleTitle")
        or (h1[0].text_content().strip() if h1 else "")
        or (re.split(r"\s*[_|–—-]\s*", title_tag[0].text_content().strip())[0] if title_tag else ""),
        "date": meta("article:published_time", "pubdate", "publishdate", "PubDate", "date", "datePublished"),
        "author": meta("author", "Author", "article:author"),
        "keywords": meta("keywords", "Keywords", "news_keywords"),
        "url": "",
    }
    canonical = document.xpath('//link[@rel="canonical"]/@href')
    saved_from = SAVED_FROM.search(html_text[:2000])
    facts["url"] = (
        (canonical[0] if canonical else "") or meta("og:url") or (saved_from.group(1) if saved_from else "")
    )
    return facts


def excerpt(text, limit=120):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def take_out(element):
    """Remove `element`, keeping the text that follows it in its parent."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()


def clean_document(document, policy, page):
    """Take out, in place, everything that must not reach the extractor; record it on `page`."""
    for element in document.xpath("|".join(f"//{tag}" for tag in UNSAFE_TAGS)):
        if element.tag in ("iframe", "script", "object", "embed", "frame"):
            page.removed.append({"code": "removed_unsafe", "params": {"tag": element.tag}})
        take_out(element)
    body = document.body if document.find("body") is not None else document
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if is_hidden(element):
            text = element.text_content().strip()
            if text:
                page.quarantined.append({"code": "quarantine_hidden", "params": {"text": excerpt(text)}})
            take_out(element)
            continue
        kind = chrome_kind(element) if element.tag != "body" else None
        if kind == "related":
            for link in element.xpath(".//a[@href]"):
                title = link.text_content().strip()
                if title and not TRAILER_HEADINGS.match(title):
                    page.related.append((title, link.get("href")))
            page.removed.append(
                {"code": "removed_related", "params": {"count": len(element.xpath(".//a[@href]"))}}
            )
            take_out(element)
        elif kind:
            page.removed.append(
                {"code": f"removed_{kind}", "params": {"text": excerpt(element.text_content())}}
            )
            take_out(element)
    for link in body.xpath(".//a[@href]"):
        href = link.get("href", "").strip()
        if not policy.allows_url(href):
            page.quarantined.append(
                {
                    "code": "quarantine_link",
                    "params": {"text": excerpt(link.text_content()), "url": excerpt(href)},
                }
            )
            take_out(link)
    for element in body.iter():
        if isinstance(element.tag, str):
            for attribute in list(element.attrib):
                if attribute.lower().startswith("on") or attribute.lower() == "style":
                    del element.attrib[attribute]


PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
KEPT_PRIVATE_USE = re.compile("\u27e6([0-9a-f]{4})\u27e7")
CHARACTER_REFERENCE = re.compile(r"&#(?:(\d{5})|[xX]([0-9a-fA-F]{4}));")


def kept_reference(match):
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    return f"\u27e6{code:04x}\u27e7" if 0xE000 <= code <= 0xF8FF else match.group()


def from_html(html_text, policy, base_url="", whole_page=True):
    """The article of a saved page (`whole_page`) or of a body already cut out (WXR, manifest)."""
    page = Page()
    # Private-use characters are often the bytes of damaged GBK, which the repair step re-reads;
    # the extractor would drop them, so they travel through it as marks.
    html_text = PRIVATE_USE.sub(lambda m: f"\u27e6{ord(m.group()):04x}\u27e7", html_text)
    html_text = CHARACTER_REFERENCE.sub(kept_reference, html_text)
    document = parse_html(html_text)
    page.meta = head_facts(document, html_text) if whole_page else {}
    if page.meta.get("url"):
        policy.with_own_host(page.meta["url"])
    clean_document(document, policy, page)
    tree = None
    if whole_page:
        extracted = trafilatura.extract(
            lxml.html.tostring(document, encoding="unicode"),
            output_format="xml",
            include_images=True,
            include_links=True,
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=True,
        )
        if extracted:
            tree = lxml.etree.fromstring(extracted.encode("utf-8"))
            page.meta.setdefault("date", "")
            page.meta["date"] = page.meta["date"] or tree.get("date", "")
            page.meta["title"] = page.meta["title"] or tree.get("title", "")
    page.blocks = (
        blocks_from_tree(tree, base_url) if tree is not None else blocks_from_html(document, base_url)
    )
    for block in page.blocks:
        for segment in block.segments:
            segment.text = KEPT_PRIVATE_USE.sub(lambda m: chr(int(m.group(1), 16)), segment.text)
    return page


def blocks_from_tree(tree, base_url):
    """Blocks from trafilatura's XML (p, head, list/item, graphic, quote, hi, ref, lb)."""
    blocks = []
    main = tree.find("main")
    for element in (main if main is not None else tree).iter("p", "head", "item", "graphic", "quote", "cell"):
        if element.tag == "graphic":
            blocks.append(
                image_block(
                    element.get("src", ""), element.get("alt", ""), element.get("title", ""), base_url
                )
            )
            continue
        if (
            element.tag in ("p", "quote")
            and element.getparent() is not None
            and element.getparent().tag in ("item", "quote")
        ):
            continue
        segments = inline_segments(element, {"hi": "rend", "ref": "target"})
        kind = {"head": "h3" if element.get("rend") in ("h3", "h4", "h5", "h6") else "h2", "item": "li"}.get(
            element.tag, "p"
        )
        for block in split_on_breaks(kind, segments):
            blocks.append(block)
    return blocks


def blocks_from_html(document, base_url):
    """Blocks straight from HTML (a body cut out already, or a page the extractor gave up on)."""
    body = document.body if document.find("body") is not None else document
    if not any(element.tag in BLOCK_TAGS for element in body.iter() if isinstance(element.tag, str)):
        # WordPress keeps paragraphs as blank lines; wpautop makes them <p> when shown.
        text = lxml.html.tostring(body, encoding="unicode")
        text = re.sub(r"</?body[^>]*>", "", text)
        paragraphs = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
        body = lxml.html.fragment_fromstring(
            "".join(f"<p>{part}</p>" for part in paragraphs), create_parent="div"
        )
    blocks = []
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "img":
            blocks.append(
                image_block(
                    element.get("src", ""), element.get("alt", ""), element.get("title", ""), base_url
                )
            )
            continue
        if element.tag not in BLOCK_TAGS or element.tag in ("ul", "ol", "table", "section"):
            continue
        if any(child.tag in BLOCK_TAGS for child in element.iterdescendants() if isinstance(child.tag, str)):
            own = (element.text or "").strip()
            if own:
                blocks.append(Block.plain(own))
            continue
        kind = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3", "li": "li"}.get(
            element.tag, "p"
        )
        segments = inline_segments(element, {"b": None, "strong": None, "i": None, "em": None, "a": "href"})
        blocks.extend(split_on_breaks(kind, segments))
        for image in element.iter("img"):
            blocks.append(
                image_block(image.get("src", ""), image.get("alt", ""), image.get("title", ""), base_url)
            )
    return blocks


def image_block(src, alt, title, base_url):
    return Block(
        kind="image",
        image={
            "src": urljoin(base_url, src.strip()) if base_url else src.strip(),
            "alt": alt.strip(),
            "caption": title.strip(),
        },
    )


def inline_segments(element, inline_tags):
    """The text of `element` as segments with bold, italic and link marks; <br>/<lb> as "\\n"."""
    segments = []

    def walk(node, bold, italic, href):
        if node.text:
            segments.append(Segment(node.text, bold, italic, href))
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag in ("br", "lb"):
                segments.append(Segment("\n"))
            elif child.tag in ("img", "graphic"):
                pass
            else:
                rend = child.get("rend", "") if child.tag == "hi" else ""
                walk(
                    child,
                    bold or child.tag in ("b", "strong") or "b" in rend.replace("#", ""),
                    italic or child.tag in ("i", "em") or "i" in rend.replace("#", ""),
                    child.get("href") or child.get("target") or href if child.tag in ("a", "ref") else href,
                )
            if isinstance(child.tag, str) and child.tail:
                segments.append(Segment(child.tail, bold, italic, href))

    walk(element, False, False, "")
    return segments


def split_on_breaks(kind, segments):
    """One block per line of a paragraph broken with <br> (old CMSs made whole articles so)."""
    blocks = [Block(kind=kind)]
    for segment in segments:
        parts = segment.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                blocks.append(Block(kind=kind))
            if part:
                blocks[-1].segments.append(Segment(part, segment.bold, segment.italic, segment.href))
    return [block for block in blocks if block.text.strip()]
