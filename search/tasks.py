"""The search index's updates as background tasks.

With the default TASKS backend (immediate) they run inside the publishing request, as
before; with TASKS_BACKEND=database they run in `manage.py db_worker`, after the publish has
committed, and the editor does not wait for them (docs/scaling.md). Arguments are page ids:
a task must survive being stored as JSON.
"""

from django_tasks import task
from wagtail.models import Page

from . import indexer


@task()
def index_pages_task(page_ids):
    return indexer.index_pages([Page(pk=pk) for pk in page_ids])


@task()
def index_subtree_task(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted before the worker got to it
        return 0
    indexer.index_subtree(page)
    return 1


@task()
def remove_pages_task(page_ids):
    indexer.remove_pages(page_ids)
