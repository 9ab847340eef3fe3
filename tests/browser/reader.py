"""A reader of the public site, as page-object verbs over a Playwright page."""

from ..html import HAN


class Reader:
    def __init__(self, tab, site_url):
        self.tab = tab
        self.site_url = site_url

    def open(self, path):
        response = self.tab.goto(self.site_url + path)
        assert response.ok, f"{path} answered {response.status}"
        return self

    def open_home(self):
        return self.open("/")

    def switch_language(self, hreflang):
        self.tab.locator(f'body a[hreflang="{hreflang}"]').first.click()
        self.tab.wait_for_load_state()
        return self

    def open_first_article(self):
        self.tab.locator("main article a[href]").first.click()
        self.tab.wait_for_load_state()
        return self

    @property
    def html_lang(self):
        return self.tab.locator("html").get_attribute("lang")

    @property
    def heading(self):
        return self.tab.locator("h1").inner_text()

    def chinese_in_main_content(self):
        """Han characters in <main> outside elements marked lang="zh-Hans"."""
        texts = self.tab.evaluate(
            """() => {
                const main = document.querySelector('main');
                const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
                const found = [];
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const marked = node.parentElement.closest('[lang^="zh"]');
                    if (!marked && node.textContent.trim()) found.push(node.textContent.trim());
                }
                return found;
            }"""
        )
        return [text for text in texts if HAN.search(text)]
