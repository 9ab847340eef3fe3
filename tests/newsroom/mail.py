"""A real SMTP server on localhost (aiosmtpd) for the email-alert tests, and reading what it got."""

import email
import email.policy
import re
import socket
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Inbox:
    """Every message the server accepted, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def send_mail_through_localhost(settings):
    """Point the site's mailer at a free port on localhost; returns the port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    return port


@contextmanager
def smtp_server(port, inbox=None):
    """An SMTP server on 127.0.0.1:`port` for the duration of the block, delivering into `inbox`."""
    inbox = inbox or Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@contextmanager
def mail_server_down(port):
    """Nothing answers on 127.0.0.1:`port` for the duration of the block, and nothing else can
    listen there: the port is held, bound but not listening, so a connection is refused (another
    test worker's server, given the same free port, would otherwise take the mail)."""
    with socket.socket() as held:
        held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        held.bind(("127.0.0.1", port))
        yield


def raw_header(message, name):
    """A header as it went over the wire, before the parser decodes RFC 2047 encoded words."""
    return dict(message.raw_items())[name]


def body_of(message, subtype="plain"):
    return message.get_body(preferencelist=(subtype,)).get_content()


def link_in(message, path):
    """The first absolute link to `path…` in the plain-text body."""
    return re.search(rf"https?://[^\s]+{path}[^\s]+/", body_of(message)).group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)
