-- A child's visit asks its own questions (guardianship, schooling, health, mental state, contact
-- with the parents, safety) instead of the elder's: one JSON object, null on other people's visits
-- and on visits recorded before this release. Added nullable, so stations on the previous release
-- keep exchanging visits in their old shape.
ALTER TABLE visits ADD COLUMN child_check TEXT;
