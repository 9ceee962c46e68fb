"""Background tasks of the home app (TASKS_BACKEND, docs/scaling.md). Arguments are ids:
a task must survive being stored as JSON."""

from django_tasks import task
from wagtail.models import Page

from . import renditions


@task()
def generate_renditions_task(page_id):
    """Make the image renditions of a page just published (home/renditions.py)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted before the worker got to it
        return 0
    return renditions.generate_for_page(page.specific)
