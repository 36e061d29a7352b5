-- Sync state (see ARCHITECTURE.md, "Sync"). The county numbers every change it accepts.

-- Who made each captured change, so the county can show it beside a conflict.
ALTER TABLE sync_outbox ADD COLUMN actor TEXT NOT NULL DEFAULT '';

-- County: the version of every field of every row it holds, and who wrote it last.
-- vers: {column: [county version, origin]} with origin a station code or 'county'.
-- scope: the station whose records these are, or '*' for reference data every station receives.
CREATE TABLE county_versions (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  max_ver INTEGER NOT NULL,
  vers TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX county_versions_scope ON county_versions (scope, max_ver);

-- County: the stations it exchanges bundles with.
CREATE TABLE sync_stations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'enrolled', 'revoked')),
  -- SHA-256 of the one-time enrolment token, while the station has not yet used it.
  token_hash TEXT,
  sign_public TEXT,
  age_recipient TEXT,
  fingerprint TEXT,
  enrolled_at TEXT,
  revoked_at TEXT,
  -- {epoch: highest sequence number stored, contiguous from the first}
  acks TEXT NOT NULL DEFAULT '{}',
  -- The county version the station last reported having applied.
  applied_ver INTEGER NOT NULL DEFAULT 0,
  last_received_at TEXT,
  last_sent_at TEXT
) STRICT;

-- County: concurrent edits of one field; the county value stays until a person decides.
CREATE TABLE sync_conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  county_value TEXT,
  county_origin TEXT NOT NULL,
  station_code TEXT NOT NULL,
  station_value TEXT,
  station_actor TEXT NOT NULL,
  station_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  resolution TEXT CHECK (resolution IN ('county', 'station'))
) STRICT;
CREATE INDEX sync_conflicts_row ON sync_conflicts (tbl, row_id);

-- Both sides: bundles already imported, so a second import is a no-op that says so.
CREATE TABLE sync_bundles (
  bundle_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  peer TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  summary TEXT NOT NULL
) STRICT;

-- The list index gains the owner: the county filters by station, and a station lists only its
-- own records (a child transferred to another township stays, read-only, with its history).
DROP INDEX children_list;
CREATE INDEX children_list ON children (
  deleted, name_pinyin, id, name, name_initials, id_number, township_code, village_code,
  birth_date, guardianship_type, schooling, sex, report_date, station_code
);

-- County: rows that left a station's scope (transfers), so that station learns of the move.
CREATE TABLE county_scope_moves (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  from_scope TEXT NOT NULL,
  ver INTEGER NOT NULL,
  PRIMARY KEY (tbl, row_id, from_scope)
) STRICT, WITHOUT ROWID;
CREATE INDEX county_scope_moves_from ON county_scope_moves (from_scope, ver);

-- County: a digest of every station change it stored. A station restored from an old backup
-- reuses sequence numbers; a reused number with different content is a new change, not a repeat.
CREATE TABLE sync_inbox (
  station_code TEXT NOT NULL,
  epoch INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (station_code, epoch, seq)
) STRICT, WITHOUT ROWID;
