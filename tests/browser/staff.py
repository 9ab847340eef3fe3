"""A member of staff in the admin, as page-object verbs over a Playwright page."""

from demo.workflow import ACCOUNTS

PASSWORDS = {username: password for username, _group, password in ACCOUNTS}


class StaffMember:
    """Someone using the admin, as verbs over a Playwright page."""

    def __init__(self, tab, site_url, username):
        self.tab = tab
        self.site_url = site_url
        self.username = username

    def log_in(self):
        self.tab.context.clear_cookies()
        self.tab.goto(self.site_url + "/admin/login/")
        self.tab.fill("input[name=username]", self.username)
        self.tab.fill("input[name=password]", PASSWORDS[self.username])
        self.tab.locator("form button[type=submit]").click()
        self.tab.wait_for_url(self.site_url + "/admin/")
        return self

    def submit_for_review(self, page):
        self.tab.goto(f"{self.site_url}/admin/pages/{page.pk}/edit/")
        # "Submit for moderation" sits in the save button's menu.
        self.tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
        with self.tab.expect_navigation():
            self.tab.locator("button[name=action-submit]").click()
        return self

    def approve_from_dashboard(self, title):
        self.tab.goto(self.site_url + "/admin/")
        row = self.tab.locator("#awaiting-review-content tr", has_text=title)
        row.get_by_role("button", name="Actions").click()
        with self.tab.expect_navigation():
            row.get_by_role("button", name="Approve", exact=True).click()
        return self
