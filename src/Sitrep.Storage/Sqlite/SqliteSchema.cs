namespace Sitrep.Storage.Sqlite;

/// <summary>SQLite migrations, applied in order on open. Never edit a released one: add the next.</summary>
internal static class SqliteSchema
{
    public static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "ledger", """
            CREATE TABLE reports (
              id INTEGER PRIMARY KEY,
              url_key TEXT NOT NULL,
              content_hash TEXT NOT NULL,
              version INTEGER NOT NULL,
              url TEXT, title TEXT, published TEXT, source TEXT, language TEXT,
              article_id TEXT NOT NULL, origin TEXT NOT NULL, metadata TEXT NOT NULL, body TEXT NOT NULL,
              ingested_at TEXT NOT NULL,
              status TEXT NOT NULL,
              extractor TEXT, extracted_by TEXT, extracted_at TEXT,
              event_count INTEGER NOT NULL DEFAULT 0
            );
            CREATE UNIQUE INDEX reports_identity ON reports(content_hash, url_key);
            CREATE INDEX reports_url ON reports(url_key, version);
            CREATE INDEX reports_pending ON reports(id) WHERE status = 'pending';

            CREATE TABLE events (
              id INTEGER PRIMARY KEY,
              report_id INTEGER NOT NULL REFERENCES reports(id),
              ordinal INTEGER NOT NULL,
              kind TEXT NOT NULL,
              date TEXT, date_start TEXT, date_precision TEXT NOT NULL, date_text TEXT NOT NULL,
              date_span_start INTEGER NOT NULL, date_span_end INTEGER NOT NULL,
              attacker TEXT NOT NULL, target_country TEXT NOT NULL,
              launched INTEGER, destroyed INTEGER, suppressed INTEGER, killed INTEGER, injured INTEGER,
              categories INTEGER NOT NULL, primary_family TEXT,
              weapons_text TEXT NOT NULL, places_text TEXT NOT NULL, claimed_by TEXT,
              location_text TEXT, location_name TEXT, location_country TEXT, location_admin1 TEXT,
              latitude REAL, longitude REAL, geo_precision INTEGER
            );
            CREATE INDEX events_date ON events(date, id);
            CREATE INDEX events_report ON events(report_id);
            CREATE INDEX events_attacker_date ON events(attacker, date);
            CREATE INDEX events_target_date ON events(target_country, date);

            CREATE TABLE weapons (
              id INTEGER PRIMARY KEY,
              event_id INTEGER NOT NULL REFERENCES events(id),
              report_id INTEGER NOT NULL,
              ordinal INTEGER NOT NULL,
              category TEXT NOT NULL, family TEXT NOT NULL, model TEXT, model_key TEXT,
              evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
              launched INTEGER, destroyed INTEGER, suppressed INTEGER
            );
            CREATE INDEX weapons_event ON weapons(event_id);
            CREATE INDEX weapons_model ON weapons(model_key, event_id);
            CREATE INDEX weapons_report ON weapons(report_id);

            CREATE TABLE figures (
              id INTEGER PRIMARY KEY,
              event_id INTEGER NOT NULL REFERENCES events(id),
              report_id INTEGER NOT NULL,
              weapon_id INTEGER REFERENCES weapons(id),
              ordinal INTEGER NOT NULL,
              kind TEXT NOT NULL, value INTEGER NOT NULL, qualifier TEXT NOT NULL,
              claimant_name TEXT, claimant_side TEXT, claimant_start INTEGER, claimant_end INTEGER,
              evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
              is_current INTEGER NOT NULL, weapon_category TEXT, weapon_model TEXT, rule TEXT NOT NULL
            );
            CREATE INDEX figures_event ON figures(event_id);
            CREATE INDEX figures_report ON figures(report_id);

            CREATE TABLE places (
              id INTEGER PRIMARY KEY,
              event_id INTEGER NOT NULL REFERENCES events(id),
              report_id INTEGER NOT NULL,
              ordinal INTEGER NOT NULL,
              text TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
              name TEXT, gazetteer_id TEXT, feature TEXT, admin1 TEXT, country TEXT,
              latitude REAL, longitude REAL, geo_precision INTEGER, where_precision INTEGER,
              occupied INTEGER NOT NULL, is_target INTEGER NOT NULL, is_location INTEGER NOT NULL,
              text_key TEXT, name_key TEXT, admin1_key TEXT
            );
            CREATE INDEX places_event ON places(event_id);
            CREATE INDEX places_report ON places(report_id);
            CREATE INDEX places_text_key ON places(text_key, event_id);
            CREATE INDEX places_name_key ON places(name_key, event_id);
            CREATE INDEX places_admin1_key ON places(admin1_key, event_id);

            CREATE TABLE claimants (
              id INTEGER PRIMARY KEY,
              event_id INTEGER NOT NULL REFERENCES events(id),
              report_id INTEGER NOT NULL,
              ordinal INTEGER NOT NULL,
              name TEXT NOT NULL, side TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
            );
            CREATE INDEX claimants_event ON claimants(event_id);
            CREATE INDEX claimants_report ON claimants(report_id);

            CREATE TABLE quotes (
              id INTEGER PRIMARY KEY,
              event_id INTEGER NOT NULL REFERENCES events(id),
              report_id INTEGER NOT NULL,
              ordinal INTEGER NOT NULL,
              span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL
            );
            CREATE INDEX quotes_event ON quotes(event_id);
            CREATE INDEX quotes_report ON quotes(report_id);

            CREATE TABLE diagnostics (
              id INTEGER PRIMARY KEY,
              report_id INTEGER NOT NULL REFERENCES reports(id),
              ordinal INTEGER NOT NULL,
              code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, span_start INTEGER, span_end INTEGER
            );
            CREATE INDEX diagnostics_report ON diagnostics(report_id);

            CREATE TABLE extraction_runs (
              id INTEGER PRIMARY KEY,
              report_id INTEGER NOT NULL REFERENCES reports(id),
              worker TEXT NOT NULL, extractor TEXT NOT NULL, events INTEGER NOT NULL, at TEXT NOT NULL
            );
            CREATE INDEX extraction_runs_report ON extraction_runs(report_id);
            """),
        (2, "attacks", """
            ALTER TABLE events ADD COLUMN anchor TEXT;
            ALTER TABLE events ADD COLUMN report_latest TEXT;
            CREATE INDEX events_anchor ON events(anchor, id) WHERE kind = 'strike';

            CREATE TABLE attacks (
              id INTEGER PRIMARY KEY,
              home TEXT,
              date TEXT, date_precision TEXT NOT NULL, attacker TEXT NOT NULL, target_country TEXT NOT NULL,
              events INTEGER NOT NULL, reports INTEGER NOT NULL, sources INTEGER NOT NULL,
              location_name TEXT, location_admin1 TEXT, location_country TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
              places_text TEXT NOT NULL, weapons_text TEXT NOT NULL, categories INTEGER NOT NULL, primary_family TEXT,
              launched INTEGER, destroyed INTEGER, killed INTEGER, injured INTEGER,
              contested INTEGER NOT NULL, updated_at TEXT NOT NULL, digest TEXT NOT NULL
            );
            CREATE INDEX attacks_date ON attacks(date, id);
            CREATE INDEX attacks_home ON attacks(home);
            CREATE INDEX attacks_attacker_date ON attacks(attacker, date);
            CREATE INDEX attacks_target_date ON attacks(target_country, date);

            CREATE TABLE attack_members (
              event_id INTEGER PRIMARY KEY,
              attack_id INTEGER NOT NULL REFERENCES attacks(id),
              report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,
              kind TEXT NOT NULL, score REAL NOT NULL, partial INTEGER NOT NULL, decision INTEGER,
              features TEXT NOT NULL, explain TEXT NOT NULL
            );
            CREATE INDEX attack_members_attack ON attack_members(attack_id);
            CREATE INDEX attack_members_report ON attack_members(report_id);

            CREATE TABLE attack_figures (
              attack_id INTEGER NOT NULL REFERENCES attacks(id),
              ordinal INTEGER NOT NULL,
              figure TEXT NOT NULL, kind TEXT NOT NULL, family TEXT, model TEXT,
              best INTEGER NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL, conservative INTEGER NOT NULL, contested INTEGER NOT NULL,
              rule TEXT NOT NULL, reason TEXT NOT NULL, best_event_id INTEGER, claims TEXT NOT NULL,
              PRIMARY KEY (attack_id, ordinal)
            );

            CREATE TABLE attack_aliases (old_id INTEGER PRIMARY KEY, attack_id INTEGER NOT NULL, at TEXT NOT NULL);

            CREATE TABLE merge_decisions (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL, event_id INTEGER NOT NULL, other_event_id INTEGER,
              note TEXT, made_by TEXT NOT NULL, made_at TEXT NOT NULL
            );

            CREATE TABLE ledger_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO ledger_state (key, value) SELECT 'attacks', 'rebuild' WHERE EXISTS (SELECT 1 FROM events);
            """),
        (3, "attack places", $"""
            CREATE TABLE attack_places (attack_id INTEGER NOT NULL, place_key TEXT NOT NULL, PRIMARY KEY (attack_id, place_key));
            CREATE INDEX attack_places_key ON attack_places(place_key, attack_id);
            {Tables.AttackPlaceRows("TRUE")};
            """),
        (4, "attack figure totals", Tables.AttackFigureTotalsIndex),
        (5, "registered claimants", """
            ALTER TABLE figures ADD COLUMN claimant_id TEXT;
            ALTER TABLE figures ADD COLUMN claimant_person INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE claimants ADD COLUMN canonical TEXT;
            ALTER TABLE claimants ADD COLUMN is_person INTEGER NOT NULL DEFAULT 0;
            """),
        (6, "attack location", Tables.AttackLocationColumns(("TEXT", "INTEGER", "INTEGER", "INTEGER"), "")),
    ];
}
