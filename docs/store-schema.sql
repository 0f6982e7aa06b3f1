-- demarche event store, schema version 1 (SQLite 3, bundled with rusqlite).
--
-- This file is the contract between the SQLite sink (`demarche code --db FILE`), `demarche
-- dedup FILE` and `demarche serve FILE`. The sink creates exactly these tables; every reader
-- checks `meta.schema_version` and refuses any other version with a clear error.
-- docs/output.md documents each column. Spans are [start, end) byte offsets into the
-- document's original bytes, as in the JSONL output.

PRAGMA foreign_keys = ON;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- rows: ('schema_version', '1'), ('demarche_version', '0.x.y'), ('created', RFC 3339 time)

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL UNIQUE,     -- the `doc` of the JSONL output
    date         TEXT,                     -- document date, YYYY-MM-DD, or NULL
    outlet       TEXT,                     -- the record's outlet when its metadata names one
                                           -- (first of: source, outlet, publisher, media, domain)
    metadata     TEXT NOT NULL DEFAULT '{}', -- the record's other fields, a JSON object
    text         BLOB NOT NULL,            -- the original bytes (TEXT when valid UTF-8)
    content_hash TEXT NOT NULL,            -- hex SHA-256 of date (or empty) + 0x00 + text bytes
    coded_at     TEXT NOT NULL             -- RFC 3339 time of coding
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,          -- 0-based sentence index in the document
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,             -- the sentence (lossy UTF-8 of its bytes)
    UNIQUE (document_id, idx)
);

-- Full-text search over sentence text; kept in step with `sentences` by the triggers below.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Places that events happened at (an event's `location`).
CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    country      TEXT NOT NULL,            -- CAMEO country code
    admin1       TEXT,
    lat          REAL,
    lon          REAL,
    feature_type TEXT NOT NULL,
    precision    TEXT NOT NULL,
    geonameid    INTEGER,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL
);
CREATE INDEX places_country ON places(country);

-- Event clusters: one real-world event reported by several sentences/documents (`dedup`).
CREATE TABLE clusters (
    id                 INTEGER PRIMARY KEY,
    canonical_event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    cameo              TEXT NOT NULL,      -- the canonical event's code
    root               TEXT NOT NULL,
    source_code        TEXT,
    target_code        TEXT,
    first_date         TEXT,
    last_date          TEXT,
    mentions           INTEGER NOT NULL,   -- events in the cluster
    documents          INTEGER NOT NULL,   -- distinct documents
    outlets            INTEGER NOT NULL    -- distinct non-null documents.outlet
);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id      INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,     -- position of the event in the document's output
    date             TEXT,                 -- YYYY-MM-DD, YYYY-MM or YYYY
    date_precision   TEXT,                 -- day / month / year
    day              TEXT,                 -- first day of `date` (YYYY-MM-DD), for ranges
    cameo            TEXT NOT NULL,
    root             TEXT NOT NULL,        -- first two digits of cameo
    event_name       TEXT NOT NULL,
    goldstein        REAL,
    quad_class       INTEGER NOT NULL,
    plover           TEXT,
    plover_mode      TEXT,
    plover_context   TEXT,
    source_code      TEXT,
    target_code      TEXT,
    evidence_text    TEXT NOT NULL,
    evidence_start   INTEGER NOT NULL,
    evidence_end     INTEGER NOT NULL,
    evidence_entry   TEXT NOT NULL,        -- verb dictionary file:line
    evidence_pattern TEXT NOT NULL,
    quote_text       TEXT,
    quote_start      INTEGER,
    quote_end        INTEGER,
    place_id         INTEGER REFERENCES places(id) ON DELETE SET NULL,
    rules            TEXT NOT NULL DEFAULT '[]', -- JSON array of rule names
    record           TEXT NOT NULL,        -- the event exactly as the JSONL sink writes it
    cluster_id       INTEGER REFERENCES clusters(id) ON DELETE SET NULL
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_cluster ON events(cluster_id);

-- The source and target of each event.
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
    code     TEXT NOT NULL,                -- full CAMEO actor code (USAGOV)
    country  TEXT NOT NULL,                -- first three letters: country/organisation root or ---
    agent    TEXT,                         -- the rest (GOV), NULL when none
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    entry    TEXT NOT NULL,                -- dictionary entries that fired
    via      TEXT,
    UNIQUE (event_id, role)
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_country ON actors(country);
