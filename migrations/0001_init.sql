-- Station Ledger schema, version 1. Frozen once released: later changes go in new files.
-- Synced tables carry id, station_code (owner), created_at, updated_at, deleted; they are
-- declared in src/main/core/sync/tables.ts and written only through the capture path.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Administrative divisions. id is the division code: the row is born in the national list,
-- so every station and the county name it alike.
CREATE TABLE places (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village')),
  name TEXT NOT NULL,
  parent_code TEXT
) STRICT;
CREATE INDEX places_parent ON places (parent_code);

CREATE TABLE children (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  ethnicity TEXT,
  hukou_registered INTEGER,
  hukou_type TEXT,
  township_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  registered_address TEXT,
  current_address TEXT,
  health_status TEXT,
  disability_type TEXT,
  disability_grade TEXT,
  illness TEXT,
  schooling TEXT,
  boarding INTEGER,
  paternal_grandfather TEXT,
  paternal_grandmother TEXT,
  maternal_grandfather TEXT,
  maternal_grandmother TEXT,
  father TEXT,
  mother TEXT,
  guardian TEXT,
  guardianship_type TEXT,
  income_sources TEXT,
  assistance TEXT,
  child_director TEXT,
  child_director_phone TEXT,
  report_date TEXT,
  report_agency TEXT,
  report_note TEXT,
  notes TEXT
) STRICT;
-- Not UNIQUE: when stations' data meet at the county a repeated ID number is a finding to show,
-- not a constraint failure; the core refuses duplicates inside its write transaction.
CREATE INDEX children_id_number ON children (id_number);
-- The register's list: rows are wide (JSON groups), so every filter and search column is in one
-- covering index in list order; a page then reads only its own rows from the table. Without
-- statistics SQLite walks this index for every list query, testing filters inside it.
CREATE INDEX children_list ON children (
  deleted, name_pinyin, id, name, name_initials, id_number, township_code, village_code,
  birth_date, guardianship_type, schooling, sex, report_date
);

CREATE TABLE child_categories (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  child_id TEXT NOT NULL REFERENCES children (id),
  category TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  reason TEXT,
  reasons TEXT,
  care TEXT
) STRICT;
-- Covers the list's "holds category X today" test, run per child inside the list index walk.
CREATE INDEX child_categories_child ON child_categories (child_id, category, deleted, end_date);

-- Change capture: one row per write of a synced row, in the write's own transaction.
-- fields: {column: new value}; base_vers: {column: county version last seen}.
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  epoch INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  base_vers TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

-- County versions of each row's fields, as last received from the county: {column: version}.
CREATE TABLE sync_versions (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  vers TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  operation TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  fields TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_row ON audit_log (tbl, row_id);
