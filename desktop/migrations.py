"""Ordered schema migrations for the local store.

``PRAGMA user_version`` is the number of migrations applied. Append new
steps at the end and never edit one that has shipped: a clerk's database may
be at any earlier version.
"""

MIGRATIONS: list[str] = [
    # 1: articles, the outbox of pending sends, site accounts, search index.
    """
    CREATE TABLE articles (
        uuid TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        lead TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        categories TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        author TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        local_status TEXT NOT NULL DEFAULT 'draft',
        send_as TEXT NOT NULL DEFAULT 'pending',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        site_id INTEGER,
        server_id INTEGER,
        server_status TEXT NOT NULL DEFAULT '',
        server_link TEXT NOT NULL DEFAULT '',
        server_modified TEXT NOT NULL DEFAULT '',
        last_error TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX articles_updated ON articles (updated_at);

    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        article_uuid TEXT NOT NULL REFERENCES articles (uuid) ON DELETE CASCADE,
        site_id INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'ready',
        attempts INTEGER NOT NULL DEFAULT 0,
        uncertain INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        error_code TEXT NOT NULL DEFAULT '',
        error_detail TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

    CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        username TEXT NOT NULL,
        api_root TEXT NOT NULL DEFAULT '',
        display_name TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL DEFAULT 0,
        roles TEXT NOT NULL DEFAULT '[]',
        capabilities TEXT NOT NULL DEFAULT '[]',
        has_companion INTEGER NOT NULL DEFAULT 0,
        categories TEXT NOT NULL DEFAULT '{}',
        UNIQUE (url, username)
    );

    CREATE VIRTUAL TABLE article_search USING fts5 (
        uuid UNINDEXED, title, lead, body,
        tokenize = "unicode61 remove_diacritics 2"
    );
    """,
    # 2: photos and attachments with their upload state, the copy of a post
    # that changed on the site since the last sync, and local revisions.
    """
    CREATE TABLE media (
        uuid TEXT PRIMARY KEY,
        article_uuid TEXT NOT NULL REFERENCES articles (uuid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        source_path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        prepared_path TEXT NOT NULL DEFAULT '',
        mime_type TEXT NOT NULL DEFAULT '',
        alt_text TEXT NOT NULL DEFAULT '',
        caption TEXT NOT NULL DEFAULT '',
        is_cover INTEGER NOT NULL DEFAULT 0,
        upload_started INTEGER NOT NULL DEFAULT 0,
        shrunk INTEGER NOT NULL DEFAULT 0,
        server_id INTEGER,
        server_url TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX media_article ON media (article_uuid);
    CREATE INDEX outbox_article ON outbox (article_uuid, state);

    ALTER TABLE outbox ADD COLUMN step TEXT NOT NULL DEFAULT '';
    ALTER TABLE outbox ADD COLUMN bytes_sent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE outbox ADD COLUMN bytes_total INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN conflict TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN server_fingerprint TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';

    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_uuid TEXT NOT NULL REFERENCES articles (uuid) ON DELETE CASCADE,
        saved_at TEXT NOT NULL,
        content TEXT NOT NULL
    );
    CREATE INDEX revisions_article ON revisions (article_uuid, id);
    """,
    # 3: a link from each article to its search row, so a save replaces the
    # row without scanning the search table, and an index that contains the
    # list's columns, so the list and search results skip the article text.
    """
    ALTER TABLE articles ADD COLUMN search_rowid INTEGER;
    UPDATE articles SET search_rowid = search.rowid
        FROM (SELECT rowid, uuid FROM article_search) AS search
        WHERE search.uuid = articles.uuid;
    CREATE UNIQUE INDEX articles_search_rowid ON articles (search_rowid, uuid,
        title, local_status, server_status, updated_at, last_error);
    """,
]
