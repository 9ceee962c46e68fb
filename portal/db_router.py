"""Database router for DATABASE_REPLICA_URL (portal/settings/scaling.py).

The portal's search reads its index (search.SearchDocument and SearchTitle) from the read
replica: those are the heaviest reads and they tolerate a replica's lag of a second or so.
Everything else reads and writes the primary, so an editor always sees what they just saved.
"""

REPLICA_MODELS = {"search.searchdocument", "search.searchtitle"}


class SearchReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.label_lower in REPLICA_MODELS:
            return "replica"
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != "replica"  # the replica follows the primary's schema
