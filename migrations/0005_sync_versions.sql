-- County: the column lists of records taken whole from a station. Such a record's versions
-- (county_versions.vers) name their list here by id — {"": [version, origin, set id]} — instead of
-- holding one [version, origin] entry per column: one short row per record on the bulk import.
-- Rows written before this migration keep their per-field form, which every reader still takes,
-- so they need no conversion (src/main/core/sync/versions.ts).
CREATE TABLE county_field_sets (
  id INTEGER PRIMARY KEY,
  -- JSON array of column names, as the station sent them.
  fields TEXT NOT NULL UNIQUE
) STRICT;
