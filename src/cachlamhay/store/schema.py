"""Schema migrations. ``PRAGMA user_version`` is the number of migrations applied.

Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, folded full-text index, near-duplicate signatures and LSH bands.
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        author TEXT,
        origin TEXT NOT NULL,
        text TEXT NOT NULL,
        raw_text BLOB NOT NULL,          -- zlib-compressed UTF-8 of the text as read
        captions TEXT NOT NULL DEFAULT '[]',  -- JSON [[start, end], ...] into text
        meta TEXT NOT NULL DEFAULT '{}',
        content_hash TEXT NOT NULL,
        cluster_id INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE INDEX documents_cluster ON documents(cluster_id);
    CREATE INDEX documents_published ON documents(published);
    -- Folded (no diacritics, lower case) copies of title and text; rowid = documents.rowid.
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE minhash (
        doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid),
        signature BLOB NOT NULL
    );
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        doc_rowid INTEGER NOT NULL
    );
    CREATE INDEX minhash_bands_key ON minhash_bands(band, key);
    """,
    # 2: extracted facts, one row per fact, with the extractor that made it and its evidence.
    """
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        type TEXT NOT NULL,          -- visit | person | indicator | transfer | practice
        extractor TEXT NOT NULL,     -- e.g. "visits.v1"
        start INTEGER,               -- first evidence span in documents.text
        end INTEGER,
        data TEXT NOT NULL           -- the fact as in `cachlamhay extract` (SPEC JSON)
    );
    CREATE INDEX facts_doc ON facts(doc_rowid);
    CREATE INDEX facts_type ON facts(type);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
