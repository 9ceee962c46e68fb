from django.db import connection


def test_a(live_server, django_db_serialized_rollback):
    from wagtail.models import Page, Locale

    s = getattr(connection, "_test_serialized_contents", None)
    print("SER", None if s is None else len(s), s[:300] if s else "")
    print(list(Page.objects.values_list("id", "title")), list(Locale.objects.all()))


def test_b(live_server, django_db_serialized_rollback):
    from wagtail.models import Page, Locale

    print(list(Page.objects.values_list("id", "title")), list(Locale.objects.all()))
