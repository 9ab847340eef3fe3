"""Hostile text stays inert: every payload of a public XSS list (tests/browser/xss_payloads.txt),
put into every field that reaches a public page, runs nothing in a real Chromium.

The payloads go where people put text: every translated text field (page titles, summaries,
SEO titles and descriptions, image titles, alt text, captions and credits, people, media
contacts, keywords, policy entries, cooperation showcases, site settings and footer), rich text
through the admin's own converter (what Draftail sends, a hostile editor's forged request
included), every StreamField block that holds text, approved reader comments, the public forms
(comment, inquiry, story) as a reader submits them, and the search box. Then every public page,
in both languages, and the pages they link to, is opened.

Chromium runs with the Content-Security-Policy bypassed: the policy would block an injected
inline script, and the test is about the templates not letting one in. A payload that ran would
call alert/confirm/prompt/print (stubbed by a tripwire), open a dialog, fetch from another host,
or leave an on* attribute, a javascript: URL, an inline <script>, a <style>, a frame or an
object in the page: each of these fails the test.
"""

import json
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("# ")
]
CORPUS = "\n".join(PAYLOADS)
NOT_TEXT = {"slug", "url_path", "draft_title"}  # addresses and Wagtail's own bookkeeping
SKIPPED_LINKS = ("/admin", "/django-admin", "/documents/", "/media/", "mailto:", "tel:", "#")
DOWNLOADS = (".xml", ".csv", ".xlsx", ".zip", ".pdf", "/feed/", "/rss/", "/atom/", "/export/")
MAX_PAGES = 90  # the start pages and the first links of each shape; keeps the test near a minute
PER_SHAPE = 2  # pages of one type (or links of one shape) opened: more would repeat a template

TRIPWIRE = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
"""

# Markup a payload would leave behind if a template let it through. The site itself has none:
# no inline handlers or scripts, no frames, no <style> (its Content-Security-Policy forbids them).
INJECTED_MARKUP = """() => {
    const found = [];
    const urlAttributes = ["href", "src", "action", "formaction", "data", "background",
                           "dynsrc", "lowsrc", "xlink:href"];
    for (const element of document.querySelectorAll("*")) {
        const tag = element.tagName.toLowerCase();
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
            if (name.startsWith("on")) found.push(`<${tag} ${name}>`);
            const scheme = /^(javascript|vbscript|data:text\\/html)/;
            if (urlAttributes.includes(name) && scheme.test(value)) {
                found.push(`<${tag} ${name}="${attribute.value}">`);
            }
        }
        if (tag === "meta" && element.httpEquiv) found.push(`<meta http-equiv="${element.httpEquiv}">`);
        const inline = tag === "script" && !element.src && element.type !== "application/ld+json";
        const foreign = ["style", "iframe", "frame", "frameset", "object", "embed", "base", "bgsound"];
        if (inline || foreign.includes(tag)) found.push(`<${tag}>`);
        if (tag === "link" && element.rel === "stylesheet" && !element.href.startsWith(location.origin)) {
            found.push(`<link href="${element.href}">`);
        }
    }
    return found;
}"""


def packed(limit):
    """The payloads that fit in `limit` characters (PostgreSQL enforces max_length), in strings
    of at most `limit` characters, one payload per line; longer ones go into longer fields."""
    chunks, current = [], ""
    for payload in (payload for payload in PAYLOADS if len(payload) <= limit):
        candidate = f"{current}\n{payload}" if current else payload
        if len(candidate) > limit and current:
            chunks.append(current)
            candidate = payload
        current = candidate
    return chunks + [current]


def hostile_rich_text():
    """The corpus as a hostile editor's Draftail would send it, each payload as the text of a
    paragraph and as the address of a link around it, through the admin's converter."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.rich_text import features

    blocks = [
        {
            "key": f"x{index}",
            "type": "unstyled",
            "depth": 0,
            "text": payload,
            "inlineStyleRanges": [{"offset": 0, "length": len(payload), "style": "BOLD"}],
            "entityRanges": [{"offset": 0, "length": len(payload), "key": index}],
        }
        for index, payload in enumerate(PAYLOADS)
    ]
    entities = {
        str(index): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": payload}}
        for index, payload in enumerate(PAYLOADS)
    }
    converter = ContentstateConverter(features=features.get_default_features())
    return converter.to_database_format(json.dumps({"blocks": blocks, "entityMap": entities}))


def hostile_text(field):
    """Every payload (on SQLite, which does not enforce max_length; elsewhere as many as fit)."""
    from django.db import connection

    if field.max_length and connection.vendor != "sqlite":
        return packed(field.max_length)[0]
    return CORPUS


def hostile_block_value(block, rich_text, image_id):
    """A raw value for `block` with hostile text wherever it holds text; None if it cannot hold
    any (embeds, documents, tables) or needs something this test does not make."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageChooserBlock

    if isinstance(block, blocks.RichTextBlock):
        return rich_text
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return CORPUS
    if isinstance(block, ImageChooserBlock):
        return image_id
    if isinstance(block, blocks.ListBlock):
        item = hostile_block_value(block.child_block, rich_text, image_id)
        return None if item is None else [item, item]
    if isinstance(block, blocks.StructBlock):
        values = {}
        for name, child in block.child_blocks.items():
            value = hostile_block_value(child, rich_text, image_id)
            if value is None and child.required:
                return None
            if value is not None:
                values[name] = value
        return values
    return None


def hostile_stream(field, rich_text, image_id):
    raw = []
    for name, block in field.stream_block.child_blocks.items():
        value = hostile_block_value(block, rich_text, image_id)
        if value is not None:
            raw.append({"type": name, "value": value})
    return field.stream_block.to_python(raw)


def poison_every_text_field():
    """Hostile values in every translated text, rich text and StreamField column, both languages."""
    from django.db import models
    from modeltranslation.translator import translator
    from wagtail.fields import RichTextField, StreamField

    from media_library.models import CustomImage

    rich_text = hostile_rich_text()
    image_id = CustomImage.objects.values_list("pk", flat=True).first()
    for model in translator.get_registered_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        values = {}
        for name in translator.get_options_for_model(model).fields:
            for field in (model._meta.get_field(f"{name}_{code}") for code in ("zh_hans", "en")):
                if field.model is not model or name in NOT_TEXT or field.choices:
                    continue
                if isinstance(field, StreamField):
                    values[field.name] = hostile_stream(field, rich_text, image_id)
                elif isinstance(field, RichTextField):
                    values[field.name] = rich_text
                elif isinstance(field, (models.CharField, models.TextField)):
                    values[field.name] = hostile_text(field)
        if values:
            model.objects.update(**values)


def poison_untranslated_settings():
    """The footer's and contact block's one-language fields."""
    from website.models import SiteSettings

    fields = [SiteSettings._meta.get_field(name) for name in ("phone", "public_security_code")]
    SiteSettings.objects.update(**{field.name: hostile_text(field) for field in fields})


def approve_hostile_comments():
    """Reader comments as a moderator leaves them once approved: every payload, in both languages."""
    from news.models import NewsArticlePage
    from participation.models import Comment

    for article in NewsArticlePage.objects.live().filter(comments_enabled=True)[:2]:
        for language in ("zh-hans", "en"):
            for name, text in zip(packed(100) * 10, packed(3000), strict=False):
                Comment.objects.create(
                    article=article, name=name, text=text, language=language, status=Comment.Status.APPROVED
                )


def start_paths():
    """Two live pages of every page type (and article kind), in both languages, and the search
    page asked for every payload."""
    from urllib.parse import quote

    from wagtail.models import Page

    from website.languages import page_url_in

    paths, per_type = [], {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        kind = (type(page).__name__, getattr(page, "kind", None))
        per_type[kind] = per_type.get(kind, 0) + 1
        if per_type[kind] <= PER_SHAPE:
            paths += [page_url_in(page, "zh-hans"), page_url_in(page, "en")]
    for query in packed(1500):
        paths += [f"/search/?q={quote(query)}", f"/en/search/?q={quote(query)}"]
    return paths


def shape(path):
    """What pages of one kind share: /news/a-story/ and /news/another/ are both /news/*,
    /news/?page=2 and /news/?page=3 both /news/?page."""
    base, _, query = path.partition("?")
    names = sorted(part.partition("=")[0] for part in query.split("&") if part)
    return re.sub(r"[^/]+/?$", "*", base) if not names else base + "?" + "&".join(names)


class Inspector:
    """A Chromium tab that opens public pages and says what, if anything, ran or was injected."""

    def __init__(self, browser, site_url):
        self.site_url = site_url
        self.context = browser.new_context(bypass_csp=True)
        self.context.add_init_script(TRIPWIRE)
        self.context.route("**/*", self.keep_local)
        self.tab = self.context.new_page()
        self.tab.on("dialog", self.record_dialog)
        self.events = []
        self.pages_with_forms = []

    def keep_local(self, route):
        if route.request.url.startswith(self.site_url):
            route.continue_()
        else:
            self.events.append(f"request to {route.request.url}")
            route.abort()

    def record_dialog(self, dialog):
        self.events.append(f"{dialog.type} dialog: {dialog.message}")
        dialog.dismiss()

    def check(self, where):
        """Fail if anything ran or was injected on the page now shown."""
        self.tab.wait_for_load_state("load")
        problems = self.events + self.tab.evaluate("window.__xss || []") + self.tab.evaluate(INJECTED_MARKUP)
        assert problems == [], f"{where}: {problems}"

    def open(self, path):
        self.tab.goto(self.site_url + path)
        self.check(path)
        if "?" not in path and self.tab.locator("form.participation-form").count():
            self.pages_with_forms.append(path)
        return self.links()

    def links(self):
        hrefs = self.tab.eval_on_selector_all(
            "a[href]:not([download])",
            "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)",
        )  # an SVG <a> (the investment map) has no string href
        local = [href.removeprefix(self.site_url) for href in hrefs if href.startswith(self.site_url)]
        return [
            path
            for path in local
            if path.startswith("/")
            and not path.startswith(SKIPPED_LINKS)
            and not any(d in path for d in DOWNLOADS)
        ]

    def submit_public_forms(self, path):
        """Fill every reader's form on the page with the corpus and send it, as a reader would."""
        self.tab.goto(self.site_url + path)
        count = self.tab.locator("form.participation-form").count()
        for index in range(count):
            if index:
                self.tab.goto(self.site_url + path)
            form = self.tab.locator("form.participation-form").nth(index)
            with self.tab.expect_navigation():
                form.evaluate(
                    """(form, corpus) => {
                        for (const field of form.querySelectorAll("input, textarea")) {
                            const skipped = ["hidden", "file", "submit", "button"].includes(field.type);
                            if (field.tabIndex === -1 || skipped) continue;  // -1: the honeypot
                            if (field.type === "checkbox" || field.type === "radio") field.checked = true;
                            else field.value = corpus;
                        }
                        form.requestSubmit();
                    }""",
                    CORPUS,
                )
            self.check(f"{path}, form {index + 1} sent")
        return count


def test_no_payload_runs_on_any_public_page(browser, demo_site):
    from django.core.cache import caches
    from django.core.management import call_command

    assert len(PAYLOADS) >= 50
    poison_every_text_field()
    poison_untranslated_settings()
    approve_hostile_comments()
    call_command("update_index", verbosity=0)
    for cache in caches.all():
        cache.clear()

    inspector = Inspector(browser, demo_site)
    to_visit = list(dict.fromkeys(start_paths()))
    assert len(to_visit) < MAX_PAGES, "raise MAX_PAGES: some page types would go unchecked"
    queued, shapes, opened, forms = set(to_visit), {}, 0, 0
    while to_visit and opened < MAX_PAGES:
        opened += 1
        for link in inspector.open(to_visit.pop(0)):
            if link not in queued and shapes.get(shape(link), 0) < PER_SHAPE:
                shapes[shape(link)] = shapes.get(shape(link), 0) + 1
                queued.add(link)
                to_visit.append(link)
    for path in inspector.pages_with_forms:
        forms += inspector.submit_public_forms(path)
    inspector.context.close()

    print(f"{len(PAYLOADS)} payloads, {opened} pages, {forms} forms sent")
    assert forms >= 2  # a comment form and the inquiry form at least
