from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import compare

        compare.install()
