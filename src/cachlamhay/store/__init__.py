"""SQLite store: one write connection (WAL, a transaction per batch), many readers."""

from cachlamhay.store.db import Store, open_store

__all__ = ["Store", "open_store"]
