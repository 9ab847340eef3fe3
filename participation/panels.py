"""The moderators' dashboard panel: how much reader input waits, per queue the user may act on."""

from wagtail.admin.ui.components import Component

from .moderation import QUEUES


class ModerationPanel(Component):
    name = "reader_input"
    order = 95  # beside the translators' panel, above Wagtail's own (workflow queues are at 100+)
    template_name = "participation/admin/moderation_panel.html"

    def __init__(self, queues):
        self.queues = queues

    def get_context_data(self, parent_context):
        return {"rows": [(queue.kind, queue.waiting(), queue.url()) for queue in self.queues]}


def panel_for(user):
    """The panel with the queues this user may act on, or None when there are none."""
    queues = [queue for queue in QUEUES.values() if user.has_perm(queue.permission)]
    return ModerationPanel(queues) if queues else None
