"""Every private API in website.private_apis is still there, of the same kind, taking the
parameters the project passes, and still set or read by the library code that set or read it:
an upgrade that removes or changes one fails the test named after it."""

import inspect
from pathlib import Path

import pytest
import wagtail.admin
from django.db import connection, connections
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.template.loader import get_template
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from website.private_apis import PRIVATE_APIS, Kind, resolve

ROOT = Path(__file__).resolve().parents[2]
CALLABLE_KINDS = {Kind.FUNCTION, Kind.METHOD, Kind.CLASSMETHOD}
SERIALIZED_CONTENTS = "django.db.backends.base.base.BaseDatabaseWrapper._test_serialized_contents"

BEHAVIOUR = {}


def behaviour(name):
    """Registers the check that drives the library code using a run-time name."""

    def register(check):
        BEHAVIOUR[name] = check
        return check

    return register


def check_callable(api, owner, attribute):
    assert hasattr(owner, attribute), f"{api.name} is gone"
    found = inspect.getattr_static(owner, attribute)
    if api.kind == Kind.CLASSMETHOD:
        assert isinstance(found, classmethod), f"{api.name} is no longer a classmethod"
    else:
        assert inspect.isfunction(found), f"{api.name} is no longer a {api.kind}: {found!r}"
    signature = inspect.signature(getattr(owner, attribute))
    names = [name for name in signature.parameters if name not in ("self", "cls")]
    assert names[: len(api.parameters)] == list(api.parameters), (
        f"{api.name}: the project relies on the parameters {api.parameters}, it now takes {signature}"
    )


def params():
    for api in PRIVATE_APIS:
        marks = [pytest.mark.django_db]
        if api.name == SERIALIZED_CONTENTS:
            marks = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]
        if api.database:
            marks.append(
                pytest.mark.skipif(
                    connection.vendor != api.database, reason=f"its module imports only on {api.database}"
                )
            )
        yield pytest.param(api, id=api.name, marks=marks)


@pytest.mark.parametrize("api", list(params()))
def test_private_api_is_unchanged(api, rf):
    owner_name, _dot, attribute = api.name.rpartition(".")
    owner = resolve(owner_name)
    if api.through:
        resolve(api.through)
    if api.kind in CALLABLE_KINDS:
        check_callable(api, owner, attribute)
    else:
        # A name that exists only at run time is checked by driving the code that sets or reads it.
        assert api.name in BEHAVIOUR, f"{api.name}: write the check that drives {api.through or owner_name}"
    if api.name in BEHAVIOUR:
        BEHAVIOUR[api.name](api, rf)


@pytest.mark.parametrize("api", [pytest.param(api, id=api.name) for api in PRIVATE_APIS])
def test_the_registry_says_where_each_is_used(api):
    """So the registry follows the code when a use moves or goes."""
    attribute = api.name.rpartition(".")[2]
    for path in api.used_in:
        text = (ROOT / path).read_text()
        if api.kind != Kind.TEMPLATE:
            assert attribute in text, f"{path} no longer uses {api.name}: update website/private_apis.py"


@behaviour("django.http.HttpRequest._wagtail_site")
def site_kept_on_the_request(api, rf):
    request = rf.get("/")
    site = Site.find_for_request(request)
    assert vars(request).get("_wagtail_site", "unset") is site, "find_for_request keeps its answer elsewhere"
    request = rf.get("/")
    kept = object()
    request._wagtail_site = kept
    assert Site.find_for_request(request) is kept, "Site.find_for_request no longer reads _wagtail_site"


@behaviour("treebeard.mp_tree.MP_Node._cached_parent_obj")
def parent_kept_on_the_child(api, rf):
    child = Page(path="00010001", depth=2)
    parent = Page(path="0001", depth=1)
    child._cached_parent_obj = parent
    assert child.get_parent() is parent, "get_parent() no longer reads _cached_parent_obj"


@behaviour("wagtail_modeltranslation.patch_wagtailadmin._new_route")
def route_set_by_modeltranslation(api, rf):
    # Wagtail's Page is translated and no BasePage, so it keeps what wagtail-modeltranslation set.
    assert vars(Page).get("route") is resolve(api.name), "wagtail-modeltranslation sets another route"


@behaviour("django.http.HttpResponse._csp_config")
def response_policy(api, rf):
    response = HttpResponse()
    response._csp_config = {"default-src": ["https://private-api.invalid"]}
    sent = ContentSecurityPolicyMiddleware(lambda request: response)(rf.get("/"))
    assert sent["Content-Security-Policy"] == "default-src https://private-api.invalid", (
        "ContentSecurityPolicyMiddleware no longer sends the response's _csp_config"
    )


@behaviour("modelsearch.backends.base.BaseSearchResults._score_field")
def score_field_named_by_annotate_score(api, rf):
    results = get_search_backend().search("质子", Page).annotate_score("relevance")
    assert vars(results).get("_score_field") == "relevance", "annotate_score() keeps the name elsewhere"


@behaviour("modelsearch.backends.database.postgres.postgres.PostgresSearchQueryCompiler.search._vector_")
def vector_annotation(api, rf):
    # The annotation needs PostgreSQL's vector columns to be built, so its name is read from the source.
    assert "_vector_=" in inspect.getsource(resolve(api.through)), "the matched vector has another name"


@behaviour("wagtail.images.models.AbstractRendition._from_cache")
def renditions_from_the_cache(api, rf):
    # Driving it needs an image file, a rendition and a cache spy (tests/site/test_images.py does).
    assert "_from_cache" in inspect.getsource(resolve(api.through)), "get_renditions() no longer reads it"


@behaviour("wagtail.admin.ui.tables.pages.PageStatusColumn.cell_template_name")
def status_cell_template(api, rf):
    name = resolve(api.name)
    project_copy = api.used_in[0]
    assert project_copy.endswith("/templates/" + name), f"Wagtail's status cell is now {name}"
    wagtails = Path(wagtail.admin.__file__).parent / "templates" / name
    assert wagtails.exists(), f"Wagtail no longer ships {name}"
    for variable in api.parameters:
        assert variable in wagtails.read_text(), f"Wagtail's {name} no longer uses {variable}"
    assert Path(get_template(name).origin.name) == ROOT / project_copy


@behaviour(SERIALIZED_CONTENTS)
def serialized_test_database(api, rf):
    # This test asks for serialized rollback, so the test database was serialized when created.
    contents = getattr(connections["default"], "_test_serialized_contents", None)
    assert isinstance(contents, str) and contents, "create_test_db() keeps the serialized database elsewhere"


@behaviour("wagtail_modeltranslation.patch_wagtailadmin_forms.settings")
@behaviour("wagtail_modeltranslation.wagtail_hooks.settings")
def modeltranslation_admin_sees_the_stored_languages(api, rf):
    module = resolve(api.name.rpartition(".")[0])
    codes = [code for code, _name in vars(module)["settings"].LANGUAGES]
    assert codes == ["zh-hans", "en"], f"{api.name} is no longer the stored languages' view"
