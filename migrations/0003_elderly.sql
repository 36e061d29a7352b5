-- The elderly register (DOMAIN.md, section 2): elders, their target groups, contact persons and
-- support agreements. Station-owned synced tables, declared in src/main/core/sync/tables.ts and
-- written only through the capture path. Enum columns hold the codes of src/shared/domain/elderly.ts;
-- only `sex` is checked here, so that a later release can add codes without rebuilding a table.

CREATE TABLE elders (
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
  township_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  marital_status TEXT,
  living_situation TEXT,
  capability TEXT,
  capability_score INTEGER,
  capability_assessed_on TEXT,
  disability_type TEXT,
  disability_grade TEXT,
  health_notes TEXT,
  economic_status TEXT,
  -- JSON array of benefit codes.
  benefits TEXT,
  -- The high-age allowance class on the day of the last save (bands are configurable). Readers
  -- compute today's class from birth_date; this copy is for exports and county reports.
  high_age_class TEXT,
  risk_tier TEXT,
  visitor TEXT,
  visitor_phone TEXT,
  notes TEXT
) STRICT;
-- Not UNIQUE, as for children: a repeated ID number across stations is a finding at the county.
CREATE INDEX elders_id_number ON elders (id_number);
-- The register's list: every filter and search column in one covering index in list order.
CREATE INDEX elders_list ON elders (
  deleted, name_pinyin, id, name, name_initials, id_number, township_code, village_code,
  birth_date, risk_tier, capability, economic_status, living_situation, station_code
);

CREATE TABLE elder_groups (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  elder_id TEXT NOT NULL REFERENCES elders (id),
  group_code TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  note TEXT
) STRICT;
-- Covers the list's "holds group X today" test, run per elder inside the list index walk.
CREATE INDEX elder_groups_elder ON elder_groups (elder_id, group_code, deleted, end_date);

CREATE TABLE elder_contacts (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  elder_id TEXT NOT NULL REFERENCES elders (id),
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT,
  registered_on TEXT NOT NULL,
  notes TEXT
) STRICT;
CREATE INDEX elder_contacts_elder ON elder_contacts (elder_id, deleted);

CREATE TABLE support_agreements (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  elder_id TEXT NOT NULL REFERENCES elders (id),
  -- JSON array: [{name, relationship, phone?, provides: ['money'|'food'|'care'|'medical'], amountFen?}]
  supporters TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  witness TEXT,
  review_on TEXT,
  notes TEXT
) STRICT;
CREATE INDEX support_agreements_elder ON support_agreements (elder_id, deleted);
-- Agreements due for review, across the register.
CREATE INDEX support_agreements_review ON support_agreements (deleted, review_on);
