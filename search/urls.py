from django.urls import path

from .views import search_view

# Included at search/ inside i18n_patterns (website/urls.py): /search/ and /en/search/.
urlpatterns = [path("", search_view, name="search")]
