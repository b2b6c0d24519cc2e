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
    # 3: the knowledge base: place mentions, and facts consolidated across articles (one person
    # per name with their offices, one visit per event with its sources, typed fact tables).
    # `documents.consolidated` is 0 until the document's facts are in these tables; the writer
    # consolidates in the same transaction as the insert, and a store migrated from v2 catches up
    # on its next write.
    """
    ALTER TABLE documents ADD COLUMN consolidated INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX documents_unconsolidated ON documents(consolidated) WHERE consolidated = 0;
    CREATE TABLE mentions (
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        kind TEXT NOT NULL,          -- province | central | foreign
        name TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_rowid);
    CREATE INDEX mentions_name ON mentions(name, kind);
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        province TEXT
    );
    CREATE TABLE offices (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        title TEXT NOT NULL,
        province TEXT,
        fact_id INTEGER NOT NULL REFERENCES facts(id),
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        seen TEXT                    -- the document's publication date, when known
    );
    CREATE INDEX offices_person ON offices(person_id);
    CREATE INDEX offices_province ON offices(province);
    CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        visitor_kind TEXT NOT NULL,
        visitor TEXT NOT NULL,
        host_kind TEXT NOT NULL,
        host TEXT NOT NULL,
        date TEXT,                   -- ISO, partial ISO ("--02-05", "2017-02") or NULL
        year TEXT,                   -- from the date, else from the first source's publication
        match_date TEXT,             -- the date compared with new reports: "--MM-DD" when the
                                     -- year was only inferred from the text (no publication date)
        purpose TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        leader TEXT,
        leader_title TEXT
    );
    CREATE INDEX visits_pair ON visits(visitor, host);
    CREATE INDEX visits_host ON visits(host);
    CREATE TABLE visit_sources (
        visit_id INTEGER NOT NULL REFERENCES visits(id),
        fact_id INTEGER NOT NULL UNIQUE REFERENCES facts(id),
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid)
    );
    CREATE INDEX visit_sources_visit ON visit_sources(visit_id);
    CREATE TABLE indicators (
        fact_id INTEGER PRIMARY KEY REFERENCES facts(id),
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        province TEXT NOT NULL,
        indicator TEXT NOT NULL,
        label TEXT,
        value REAL NOT NULL,
        unit TEXT,
        period TEXT,
        qualifier TEXT,
        scope TEXT
    );
    CREATE INDEX indicators_key ON indicators(indicator, province, period);
    CREATE INDEX indicators_province ON indicators(province);
    CREATE TABLE transfers (
        fact_id INTEGER PRIMARY KEY REFERENCES facts(id),
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        from_kind TEXT NOT NULL,
        from_name TEXT NOT NULL,
        to_kind TEXT NOT NULL,
        to_name TEXT NOT NULL,
        amount REAL,
        currency TEXT,
        purpose TEXT
    );
    CREATE INDEX transfers_from ON transfers(from_name);
    CREATE INDEX transfers_to ON transfers(to_name);
    CREATE TABLE practices (
        fact_id INTEGER PRIMARY KEY REFERENCES facts(id),
        doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
        province TEXT NOT NULL,
        topic TEXT NOT NULL,
        praised_by TEXT
    );
    CREATE INDEX practices_topic ON practices(topic, province);
    CREATE INDEX practices_province ON practices(province);
    """,
    # 4: crawl state. Sources (feeds, sitemaps and the sitemaps an index lists) with their
    # conditional-GET validators and cursor; every URL the crawl has met, from "queued" (listed,
    # not fetched yet: the frontier, which survives a crash) to its outcome; hosts' health; runs.
    """
    CREATE TABLE crawl_sources (
        url TEXT PRIMARY KEY,
        parent TEXT,                 -- the sitemap index that listed it; NULL for a listed source
        kind TEXT,                   -- feed | sitemap | sitemapindex, as last seen
        etag TEXT,
        last_modified TEXT,
        cursor TEXT,                 -- newest entry date the source has listed
        last_run_at TEXT,
        last_status TEXT,            -- ok | not-modified | error
        last_error TEXT,
        listed INTEGER NOT NULL DEFAULT 0,   -- entries in its last answer
        queued INTEGER NOT NULL DEFAULT 0,   -- new URLs it brought, in all
        stored INTEGER NOT NULL DEFAULT 0,   -- articles stored from them, in all
        errors INTEGER NOT NULL DEFAULT 0    -- failed fetches of it or its articles, in all
    );
    CREATE TABLE crawl_urls (
        url TEXT PRIMARY KEY,
        source TEXT,                 -- the top-level source that listed it
        state TEXT NOT NULL,         -- queued | stored | duplicate | rejected | failed
        canonical TEXT,
        published TEXT,              -- the date its listing gave
        title TEXT,
        status INTEGER,              -- last HTTP status
        code TEXT,                   -- why it was rejected or failed
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        doc_id TEXT,
        queued_at TEXT NOT NULL,
        fetched_at TEXT
    );
    CREATE INDEX crawl_urls_state ON crawl_urls(state);
    CREATE INDEX crawl_urls_canonical ON crawl_urls(canonical);
    CREATE TABLE crawl_hosts (
        host TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0,
        paused_until REAL,           -- epoch seconds
        last_error TEXT
    );
    CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 5: the administrative unit each province in a fact meant on its article's date (63 units
    # before 1 July 2025, 34 after; old and new Tuyên Quang share code 08, the era tells them
    # apart). Resolved by the writer with consolidation; `units_resolved` is 0 until then, so a
    # store migrated from v4 resolves its older facts on its next write.
    """
    CREATE TABLE fact_units (
        fact_id INTEGER NOT NULL REFERENCES facts(id),
        role TEXT NOT NULL,          -- visitor | host | from | to | province | praised_by
        name TEXT NOT NULL,          -- the unit's name ("Huế" for Thừa Thiên Huế from 2025)
        code TEXT NOT NULL,
        era TEXT NOT NULL,           -- 63 | 34
        successor TEXT,              -- an old unit changed by the merger: the unit it joined
        PRIMARY KEY (fact_id, role)
    );
    CREATE INDEX fact_units_unit ON fact_units(code, era);
    ALTER TABLE documents ADD COLUMN units_resolved INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX documents_units_pending ON documents(units_resolved) WHERE units_resolved = 0;
    """,
    # 6: the knowledge base's rows by document. Consolidation deletes a document's rows before
    # writing them again (so it can be re-run); without these, each document scanned four whole
    # tables, a cost that grew with the store: quadratic over an ingest.
    """
    CREATE INDEX offices_doc ON offices(doc_rowid);
    CREATE INDEX indicators_doc ON indicators(doc_rowid);
    CREATE INDEX transfers_doc ON transfers(doc_rowid);
    CREATE INDEX practices_doc ON practices(doc_rowid);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
