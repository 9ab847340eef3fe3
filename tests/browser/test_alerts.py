"""A journalist subscribes to email alerts in English, confirms from the mail a real SMTP server
on localhost received, and later unsubscribes with the link every mail carries."""

import pytest

from newsroom.models import Subscriber

from ..newsroom.mail import link_in, path_of, send_mail_through_localhost, smtp_server
from .reader import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Journalist(Reader):
    def subscribe_from_the_newsroom(self, address):
        self.open("/en/newsroom/")
        self.tab.get_by_role("link", name="Get press releases by email").click()
        self.tab.get_by_role("textbox", name="Email").fill(address)
        self.tab.get_by_label("Press releases", exact=True).check()
        self.tab.get_by_role("checkbox", name="I agree").check()
        self.tab.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
        self.tab.get_by_role("button", name="Subscribe").click()
        self.tab.wait_for_load_state()
        return self

    def follow(self, url):
        """Open a link from a mail: the mail names the site's public host, here the live server."""
        return self.open(path_of(url))

    def unsubscribe(self):
        self.tab.get_by_role("button", name="Unsubscribe").click()
        self.tab.wait_for_load_state()
        return self

    @property
    def message(self):
        return self.tab.locator(".alerts__message").inner_text()


def test_journalist_subscribes_confirms_and_unsubscribes_in_english(tab, demo_site, settings):
    port = send_mail_through_localhost(settings)
    journalist = Journalist(tab, demo_site)
    with smtp_server(port) as inbox:
        journalist.subscribe_from_the_newsroom("reporter@example.com")
        assert journalist.html_lang == "en" and journalist.heading == "Check your email"
        assert "reporter@example.com" in journalist.message
        (confirmation,) = inbox.to("reporter@example.com")
    assert confirmation["Subject"] == "Confirm your subscription to news alerts"
    assert not Subscriber.objects.get(email="reporter@example.com").active

    journalist.follow(link_in(confirmation, "/en/alerts/confirm/"))
    assert journalist.html_lang == "en" and journalist.heading == "Email alerts"
    assert journalist.message == "Thank you: your subscription is confirmed."
    assert journalist.chinese_in_main_content() == []
    subscriber = Subscriber.objects.get(email="reporter@example.com")
    assert subscriber.active and subscriber.language == "en"

    # The link every mail carries (and its List-Unsubscribe header) asks once, then unsubscribes.
    assert confirmation["List-Unsubscribe"] == f"<{subscriber.unsubscribe_url()}>"
    journalist.follow(link_in(confirmation, "/en/alerts/unsubscribe/"))
    assert "reporter@example.com" in journalist.message
    journalist.unsubscribe()
    assert journalist.message == "You are unsubscribed. You will get no more alerts."
    assert journalist.html_lang == "en" and journalist.chinese_in_main_content() == []
    assert not Subscriber.objects.get(email="reporter@example.com").active
