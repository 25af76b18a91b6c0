"""The schema, as an ordered list of named migrations.

Each migration runs once, inside a transaction, and is recorded in ``schema_migrations``.
Never edit a migration that has shipped: append a new one. Names start with the stage
that owns the tables (core, copies, events, fuse, control), then a sequence number.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


CORE_0001 = Migration(
    "core.0001",
    """
    CREATE TABLE articles (
        id             TEXT PRIMARY KEY,      -- content-derived: sha256(identity, raw body)
        external_id    TEXT,                  -- the id the source gave (JSONL id, feed guid)
        source         TEXT NOT NULL,         -- path or URL the input came from
        position       TEXT,                  -- line, record offset or item index inside it
        input_format   TEXT NOT NULL,         -- text, markdown, html, jsonl, warc, rss, atom
        url            TEXT,
        title          TEXT,
        outlet         TEXT,
        author         TEXT,
        published      TEXT,                  -- ISO 8601; NULL when nothing says
        published_from TEXT,                  -- feed, html-meta, byline, dateline, url
        language       TEXT,
        text           TEXT NOT NULL,         -- clean text, what later stages read
        removed_lines  TEXT NOT NULL,         -- JSON list of {line, reason}
        metadata       TEXT NOT NULL,         -- JSON object: every other field the source gave
        raw            BLOB NOT NULL,         -- zlib-compressed raw item, to re-run any stage
        raw_kind       TEXT NOT NULL,         -- html or text
        version        INTEGER NOT NULL DEFAULT 1,
        supersedes     TEXT REFERENCES articles(id),
        ingested_at    TEXT NOT NULL
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_external_id ON articles(external_id);
    CREATE INDEX articles_supersedes ON articles(supersedes);

    CREATE TABLE rejections (
        id          TEXT PRIMARY KEY,         -- sha256(source, position, reason)
        source      TEXT NOT NULL,
        position    TEXT,
        stage       TEXT NOT NULL,            -- ingest, clean
        reason      TEXT NOT NULL,            -- short code: binary, empty, too-large, ...
        detail      TEXT NOT NULL,            -- what happened and what to do
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL
    );

    -- One row per input file whose every item has been stored or rejected, so that a
    -- re-run skips it at once. A crash leaves the file unrecorded and the re-run redoes
    -- it; content ids make that idempotent.
    CREATE TABLE inputs (
        sha256      TEXT PRIMARY KEY,
        path        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        format      TEXT NOT NULL,
        articles    INTEGER NOT NULL,
        rejections  INTEGER NOT NULL,
        finished_at TEXT NOT NULL
    );
    """,
)

FUSE_0001 = Migration(
    "fuse.0001",
    """
    CREATE TABLE events (
        id                  TEXT PRIMARY KEY,   -- sha256 of the founding mention: stable
        bucket              TEXT NOT NULL,      -- kind|country:place, the unit of re-fusion
        place_key           TEXT,               -- the control timeline this event belongs to
        kind                TEXT NOT NULL,      -- captured, recaptured, entered, besieged, ..., or another event kind
        event_type          TEXT,
        sub_event_type      TEXT,
        place_id            TEXT,
        place_name          TEXT,
        place_level         TEXT,
        place_feature       TEXT,
        admin1              TEXT,
        admin2              TEXT,
        country             TEXT,
        lat                 REAL,
        lon                 REAL,
        geo_precision       INTEGER,
        date                TEXT,               -- YYYY-MM-DD, YYYY-MM or YYYY; NULL undated
        date_precision      TEXT,
        date_basis          TEXT,
        date_low            TEXT,               -- the span the sources allow
        date_high           TEXT,
        actor1              TEXT,
        actor2              TEXT,
        new_controller      TEXT,
        previous_controller TEXT,
        fatalities          INTEGER,            -- lowest credible figure
        factuality          TEXT NOT NULL,      -- asserted, attributed, uncertain
        attributed_to       TEXT NOT NULL,      -- JSON list
        disputed            INTEGER NOT NULL,
        confidence          REAL NOT NULL,
        n_articles          INTEGER NOT NULL,
        n_independent       INTEGER NOT NULL,
        conflicts           TEXT NOT NULL,      -- JSON list of notes
        updated_at          TEXT NOT NULL
    );
    CREATE INDEX events_bucket ON events(bucket);
    CREATE INDEX events_place_key ON events(place_key);
    CREATE INDEX events_date ON events(date);

    -- Every statement behind an event: reports, and denials kept beside them.
    CREATE TABLE event_sources (
        event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        mention_id     TEXT NOT NULL,
        role           TEXT NOT NULL,           -- report or denial
        article_id     TEXT NOT NULL,
        outlet         TEXT,
        source         TEXT,
        url            TEXT,
        published      TEXT,
        copy_cluster   TEXT,
        factuality     TEXT,
        attributed_to  TEXT,
        date           TEXT,
        date_precision TEXT,
        date_basis     TEXT,
        fatalities     INTEGER,
        sentence       TEXT,
        evidence       TEXT,                    -- JSON
        PRIMARY KEY (event_id, mention_id)
    );
    CREATE INDEX event_sources_article ON event_sources(article_id);

    -- What fusion last saw of each mention, so a re-run redoes only changed buckets.
    CREATE TABLE fuse_state (
        mention_id  TEXT PRIMARY KEY,
        bucket      TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    );
    CREATE INDEX fuse_state_bucket ON fuse_state(bucket);
    """,
)

CONTROL_0001 = Migration(
    "control.0001",
    """
    CREATE TABLE control_states (
        place_key     TEXT NOT NULL,
        seq           INTEGER NOT NULL,
        place_id      TEXT,
        place_name    TEXT NOT NULL,
        place_level   TEXT,
        place_feature TEXT,
        admin1        TEXT,
        admin2        TEXT,
        country       TEXT,
        lat           REAL,
        lon           REAL,
        date_from     TEXT NOT NULL,
        date_to       TEXT,                     -- NULL: still the current state
        state         TEXT NOT NULL,            -- held, contested, besieged
        controller    TEXT,
        holder        TEXT,
        uncertain     INTEGER NOT NULL,
        event_ids     TEXT NOT NULL,            -- JSON list
        PRIMARY KEY (place_key, seq)
    );
    CREATE INDEX control_states_from ON control_states(date_from);
    """,
)

COPIES_0001 = Migration(
    "copies.0001",
    """
    -- Per-article features of the copies stage, so new articles are compared with stored
    -- ones without reading their text again. One row per article that has been processed.
    CREATE TABLE copy_signatures (
        article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        method       TEXT NOT NULL,           -- feature/threshold version; a change redoes all
        fingerprint  TEXT NOT NULL,           -- sha256 of the normalized words (exact copies)
        n_words      INTEGER NOT NULL,
        shingle_sig  BLOB NOT NULL,           -- MinHash over word 5-shingles (uint32 values)
        anchor_sig   BLOB NOT NULL            -- MinHash over names, figures and their pairs
    );
    CREATE INDEX copy_signatures_fingerprint ON copy_signatures(fingerprint);

    -- Every pair ever compared (a < b), copy or not, so no pair is compared twice.
    CREATE TABLE copy_pairs (
        a          TEXT NOT NULL,
        b          TEXT NOT NULL,
        kind       TEXT,                      -- exact, verbatim, near-verbatim, rewrite; NULL: no copy
        related    INTEGER NOT NULL,          -- passes the relaxed test of the cluster guard
        strength   REAL NOT NULL,             -- max(shingle containment, sentence coverage)
        scores     TEXT NOT NULL,             -- JSON: jaccard, containment, aligned, coverage, ...
        alignment  TEXT,                      -- JSON [[sentence of a, sentence of b, sim], ...]
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX copy_pairs_b ON copy_pairs(b);

    CREATE TABLE copy_clusters (
        id         TEXT PRIMARY KEY,          -- sha256("copies:" + origin_id)[:32]
        origin_id  TEXT NOT NULL,
        size       INTEGER NOT NULL
    );
    CREATE TABLE copy_members (
        article_id TEXT PRIMARY KEY,          -- an article is in at most one cluster
        cluster_id TEXT NOT NULL REFERENCES copy_clusters(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,             -- strength of its link to the origin (1 for it)
        kind       TEXT                       -- kind of that link; NULL for the origin
    );
    CREATE INDEX copy_members_cluster ON copy_members(cluster_id);
    """,
)

EVENTS_0001 = Migration(
    "events.0001",
    """
    CREATE TABLE mentions (
        id                  TEXT PRIMARY KEY,   -- sha256(article, sentence, span, kind, place, date)
        article_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_index      INTEGER NOT NULL,
        start               INTEGER NOT NULL,   -- trigger span, offsets into evidence.field
        "end"               INTEGER NOT NULL,
        kind                TEXT NOT NULL,      -- captured, recaptured, ..., clash, ..., statistic
        event_type          TEXT,
        sub_event_type      TEXT,
        actor1              TEXT,
        actor2              TEXT,
        new_controller      TEXT,
        previous_controller TEXT,
        place_name          TEXT,
        place_id            TEXT,
        place_level         TEXT,
        place_admin1        TEXT,
        place_admin2        TEXT,
        place_country       TEXT,
        place_lat           REAL,
        place_lon           REAL,
        place_precision     INTEGER,
        place_feature       TEXT,
        date                TEXT,               -- YYYY-MM-DD, YYYY-MM or YYYY; NULL unresolved
        date_precision      TEXT,               -- day, week, month, year
        date_basis          TEXT,               -- explicit, relative, publication, unknown
        factuality          TEXT NOT NULL,      -- asserted, attributed, uncertain, negated, future, hypothetical, historical
        attributed_to       TEXT,
        fatalities          INTEGER,            -- lowest credible figure
        fatalities_json     TEXT NOT NULL,      -- JSON object: side -> killed
        sentence            TEXT NOT NULL,
        evidence            TEXT NOT NULL,      -- JSON: field, trigger text and offsets, sentence offsets
        extractor_version   TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_kind ON mentions(kind);
    CREATE INDEX mentions_place ON mentions(place_name);

    -- Which article was extracted by which extractor version: a re-run skips these.
    CREATE TABLE extractions (
        article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        extractor_version TEXT NOT NULL,
        mentions          INTEGER NOT NULL,
        extracted_at      TEXT NOT NULL
    );
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    CORE_0001,
    FUSE_0001,
    CONTROL_0001,
    COPIES_0001,
    EVENTS_0001,
)
