-- Elderly meal assistance (老年助餐): sites, the diners enrolled at them, a row per meal, and the
-- month's settlement state. Station-owned synced tables, declared in src/main/core/sync/tables.ts
-- and written only through the capture path. Codes come from src/shared/domain/meals.ts and are
-- not CHECKed, so a later release can add codes without rebuilding a table. Amounts are integer
-- fen. The subsidy standard is county reference data in `rules` (key 'mealSubsidy').

-- A site: 老年食堂, 老年助餐点 or 老年餐桌.
CREATE TABLE meal_sites (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  area TEXT NOT NULL,
  township_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  address TEXT,
  operating_model TEXT NOT NULL,
  operator TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  seats INTEGER,
  daily_capacity INTEGER NOT NULL,
  -- JSON lists: meal time codes, and ISO weekdays '1' (Monday) to '7'.
  meal_times TEXT NOT NULL,
  serving_days TEXT NOT NULL,
  delivery INTEGER NOT NULL DEFAULT 0,
  task_year INTEGER,
  built_on TEXT,
  status TEXT NOT NULL,
  status_since TEXT NOT NULL,
  licence_no TEXT,
  licence_expires_on TEXT,
  notes TEXT
) STRICT;
CREATE INDEX meal_sites_place ON meal_sites (deleted, township_code, village_code);

-- Who may eat at a site. elder_id names the elder in the register; null is someone outside it,
-- who eats as 普通 (counted, never subsidised) under the name and optional ID number given here.
CREATE TABLE meal_diners (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  site_id TEXT NOT NULL,
  elder_id TEXT,
  name TEXT,
  id_number TEXT,
  -- The category the worker chose over the derived ones, and why.
  category_override TEXT,
  override_reason TEXT,
  start_on TEXT NOT NULL,
  stop_on TEXT,
  delivery INTEGER NOT NULL DEFAULT 0,
  diet_notes TEXT
) STRICT;
CREATE INDEX meal_diners_site ON meal_diners (site_id, deleted);
CREATE INDEX meal_diners_elder ON meal_diners (elder_id, deleted);

-- One meal. The id is '<diner id>/<day>/<meal time>': one meal per person, site, meal time and
-- day whoever ticks it, on whichever PC. Unticking is a soft delete. The day's price, subsidy and
-- the category it came from are kept on the row, so a new standard never rewrites a past month.
CREATE TABLE meal_attendance (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  site_id TEXT NOT NULL,
  diner_id TEXT NOT NULL,
  day TEXT NOT NULL,
  meal_time TEXT NOT NULL,
  method TEXT NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  category TEXT NOT NULL,
  price_fen INTEGER NOT NULL,
  subsidy_fen INTEGER NOT NULL,
  paid_fen INTEGER NOT NULL,
  delivery_fee_fen INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX meal_attendance_site_day ON meal_attendance (site_id, day, deleted);

-- A site's month: locked once settled (only the county unlocks, with a reason). The id is
-- '<site id>/<YYYY-MM>'. confirmed_checks is a JSON list of the settlement checks a person confirmed.
CREATE TABLE meal_months (
  id TEXT PRIMARY KEY,
  station_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  site_id TEXT NOT NULL,
  month TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0,
  locked_by TEXT,
  locked_at TEXT,
  unlock_reason TEXT,
  confirmed_checks TEXT
) STRICT;
CREATE INDEX meal_months_site ON meal_months (site_id, month);
