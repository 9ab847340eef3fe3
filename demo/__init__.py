"""The demo content and one account per role, loaded by `manage.py load_demo` (`make demo`).

Depends on every app and is imported by none of them (docs/architecture.md): the top of the
import graph, beside the root URLconf.
"""
