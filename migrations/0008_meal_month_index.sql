-- The month's meals of every site in one pass of an index (the county's month, a site's
-- settlement counts): diner and subsidy ride in the index, so no meal row is read from the table.
CREATE INDEX meal_attendance_month ON meal_attendance (site_id, day, deleted, diner_id, subsidy_fen);
