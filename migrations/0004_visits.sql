-- Visits (探访) of children, elders and left-behind women; major changes that make a visit due
-- within a day; the left-behind women register; drowning prevention (防溺水); and the county's
-- configurable rules. Station-owned synced tables except `rules`, which is county reference data
-- every station receives. All are declared in src/main/core/sync/tables.ts and written only
-- through the capture path. Enum columns hold codes from src/shared/domain; none is CHECKed, so
-- that a later release can add codes without rebuilding a table.

-- One visit model for every kind of person: subject_kind names the register
-- ('child' | 'elder' | 'woman') and subject_id the row in it.
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  -- The subject's village, copied at save time so that counts by village and township need no
  -- join across three registers.
  village_code TEXT NOT NULL,
  township_code TEXT NOT NULL,
  visited_on TEXT NOT NULL,
  -- JSON array of names.
  visitors TEXT NOT NULL,
  method TEXT NOT NULL,
  -- JSON object: {speech, mobility, responsiveness, mental} codes, plus free-text illness.
  health TEXT,
  illness TEXT,
  living_difficulties TEXT,
  money_difficulties TEXT,
  benefits_received TEXT,
  supporters_visit TEXT,
  -- JSON arrays of codes.
  hazards TEXT,
  hazard_note TEXT,
  needs TEXT,
  actions TEXT,
  referrals TEXT,
  next_visit_on TEXT,
  notes TEXT
) STRICT;
-- A person's timeline and last visit.
CREATE INDEX visits_subject ON visits (subject_id, deleted, visited_on);
-- Counts by month, village and township.
CREATE INDEX visits_month ON visits (deleted, visited_on, subject_kind, village_code);

-- The due list reads, per person, the groups or categories held today and the earliest start:
-- covering indexes, so that walk never reads the table.
CREATE INDEX elder_groups_held ON elder_groups (elder_id, deleted, start_date, end_date, group_code);
CREATE INDEX child_categories_held ON child_categories (child_id, deleted, start_date, end_date, category);

-- A major change (hospital stay, loss of a carer, a death in the family): a visit is due by the
-- next day, whatever the person's usual frequency.
CREATE TABLE major_changes (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT;
CREATE INDEX major_changes_subject ON major_changes (subject_id, deleted, occurred_on);

-- 农村留守妇女: married, 20–59, husband working away (DOMAIN.md, section 1).
CREATE TABLE women (
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
  township_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  husband_name TEXT NOT NULL,
  husband_phone TEXT,
  husband_work_province TEXT,
  husband_work_city TEXT,
  children_at_home INTEGER,
  elders_at_home INTEGER,
  health TEXT,
  -- JSON array of need codes.
  needs TEXT,
  -- Left-behind since; ended when the husband returns or she leaves the village.
  since_on TEXT NOT NULL,
  ended_on TEXT,
  notes TEXT
) STRICT;
CREATE INDEX women_id_number ON women (id_number);
CREATE INDEX women_list ON women (
  deleted, name_pinyin, id, name, name_initials, id_number, township_code, village_code, birth_date, ended_on, station_code
);

-- 防溺水 publicity per child and year: the letter to parents (一封信) handed out, the pledge
-- (承诺书) signed.
CREATE TABLE drowning_publicity (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  child_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  letter_on TEXT,
  pledge_on TEXT,
  handed_by TEXT,
  notes TEXT
) STRICT;
-- Not UNIQUE (child_id, year): two stations may both record a child moved between them; the
-- core keeps one live row per child and year at each station.
CREATE INDEX drowning_publicity_child ON drowning_publicity (child_id, deleted, year);
CREATE INDEX drowning_publicity_year ON drowning_publicity (deleted, year);

-- 防溺水 water-area inspections (督查).
CREATE TABLE water_inspections (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  township_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  place TEXT NOT NULL,
  inspected_on TEXT NOT NULL,
  inspectors TEXT NOT NULL,
  findings TEXT NOT NULL,
  hazard_found INTEGER NOT NULL DEFAULT 0,
  actions TEXT,
  notes TEXT
) STRICT;
CREATE INDEX water_inspections_date ON water_inspections (deleted, inspected_on);

-- The county's configurable rules (visit frequencies, high-age allowance bands). id is the rule's
-- key; value is JSON checked by the contract's schema for that key. A key without a row means
-- the national default.
CREATE TABLE rules (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  value TEXT NOT NULL
) STRICT;
