-- Issue 15 (HTTP, fourth round): an outcome is stored once, and each decision record points to it.
-- Repeated situations get the same outcome (same rule set, knowledge base, day): storing its ~3.4 KB
-- zlib copy in every record cost PostgreSQL most of its CPU per evaluate (heap, WAL, full-page
-- writes of a ~3.9 KB row). decision_outcome holds each distinct outcome's zlib bytes under their
-- SHA-256; the record keeps its id, reference, time, situation and that hash. The outcome row
-- commits in the same transaction as the first record that needs it (INSERT ... ON CONFLICT DO
-- NOTHING), and the foreign key makes a record without its outcome impossible.
CREATE TABLE decision_outcome (
    hash         BYTEA PRIMARY KEY CHECK (octet_length(hash) = 32), -- sha256(outcome_zlib)
    outcome_zlib BYTEA NOT NULL                                       -- the outcome's JSON, zlib (RFC 1950)
);
-- already compressed: kept in the row, no pglz attempt while the row fits in a page (as V71)
ALTER TABLE decision_outcome ALTER COLUMN outcome_zlib SET STORAGE MAIN;
ALTER TABLE decision_outcome SET (toast_tuple_target = 8160);

ALTER TABLE decision_record ADD COLUMN outcome_hash BYTEA REFERENCES decision_outcome (hash);

-- the records written since V71 move their outcome into decision_outcome (once per distinct outcome)
INSERT INTO decision_outcome (hash, outcome_zlib)
SELECT DISTINCT ON (sha256(outcome_zlib)) sha256(outcome_zlib), outcome_zlib
FROM decision_record WHERE outcome_zlib IS NOT NULL
ON CONFLICT DO NOTHING;
ALTER TABLE decision_record DROP CONSTRAINT decision_record_one_outcome;
UPDATE decision_record SET outcome_hash = sha256(outcome_zlib), outcome_zlib = NULL WHERE outcome_zlib IS NOT NULL;

-- outcome_zlib stays (always NULL from this version on) so that a node of the previous version can
-- still record during a rolling update; such a record is read through the view like any other.
-- records before V71: outcome (jsonb); V71–V72 (and a previous version's node during an update):
-- outcome_zlib; since V73: outcome_hash. Exactly one of them.
ALTER TABLE decision_record ADD CONSTRAINT decision_record_one_outcome
    CHECK (num_nonnulls(outcome, outcome_zlib, outcome_hash) = 1);
-- no index on outcome_hash: nothing looks records up by their outcome, and every index costs each insert

-- What every reader of a record's outcome reads (DecisionLog, the policy console, SQL by hand):
-- the record with its outcome as before V73, in whichever form it is stored — outcome (jsonb,
-- records before V71) or outcome_zlib (the zlib JSON, from decision_outcome or the record itself).
CREATE VIEW decision_record_outcome AS
SELECT r.id, r.decided_at, r.inputs_hash, r.rule_set_version, r.catalogue_version, r.matters, r.event_code,
       r.window_code, r.inputs, r.outcome, r.reference, r.rule_set_release,
       COALESCE(o.outcome_zlib, r.outcome_zlib) AS outcome_zlib, r.outcome_hash
FROM decision_record r LEFT JOIN decision_outcome o ON o.hash = r.outcome_hash;
