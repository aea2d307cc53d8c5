-- Issue 15 (HTTP): the outcome of a new decision record is stored as its JSON compressed by the
-- application (zlib, RFC 1950), not as jsonb. Storing the 11 KB outcome as jsonb cost PostgreSQL
-- ~450 µs of CPU per decision (parse into jsonb, then pglz; the embedded build has no lz4); the
-- compressed 3.4 KB cost ~80 µs. Nothing queries inside the outcome; window, matters, event and the
-- versions stay in their own columns. Records written before keep their jsonb outcome and stay
-- readable: exactly one of the two columns holds a record's outcome.
ALTER TABLE decision_record ALTER COLUMN outcome DROP NOT NULL;
ALTER TABLE decision_record ADD COLUMN outcome_zlib BYTEA;
-- already compressed: no second compression attempt by PostgreSQL, and kept in the row (not in the
-- TOAST table) while the row fits in a page
ALTER TABLE decision_record ALTER COLUMN outcome_zlib SET STORAGE MAIN;
ALTER TABLE decision_record SET (toast_tuple_target = 8160);
ALTER TABLE decision_record ADD CONSTRAINT decision_record_one_outcome
    CHECK ((outcome IS NULL) <> (outcome_zlib IS NULL)) NOT VALID;
ALTER TABLE decision_record VALIDATE CONSTRAINT decision_record_one_outcome;
