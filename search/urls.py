from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path(pgettext_lazy("URL path", "suggestions/"), views.suggest, name="search_suggest"),
]
