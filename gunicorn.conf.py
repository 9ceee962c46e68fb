"""gunicorn's settings for the portal: gunicorn reads ./gunicorn.conf.py by itself, and the
command line (workers, bind) still decides the rest (docs/scaling.md).

Python's cyclic garbage collector walks every object in its oldest generation: in a warm
portal worker that is about 225,000 objects (Django, Wagtail, the models, the compiled
templates), and walking them stalled one request in a few hundred for 60-200 ms. That was
most of the cached pages' p99 (docs/performance.md). What a worker holds after its first
requests it holds for good, so it is frozen out of the collector's way (`gc.freeze()`, as
the Python documentation advises for pre-fork servers); the collector then walks only what
requests create.
"""

import gc

# After these requests of a worker: the first loads the URLs and translations, the next
# ones the templates and the caches of what every page shows.
FREEZE_AFTER = (1, 10, 100)


def post_request(worker, req, environ, resp):
    worker.portal_requests = getattr(worker, "portal_requests", 0) + 1
    if worker.portal_requests in FREEZE_AFTER:
        gc.collect()  # what this request left behind is garbage, not for keeping
        gc.freeze()
