-- Issue 15 (HTTP, eighth round): the decisions the writer commits together are stored as one row.
-- A row per decision cost PostgreSQL ~40–50 µs of CPU per decision even after V71–V74 (heap tuple,
-- primary key, the unique reference index, the jsonb parse of the situation, the reference check);
-- one row per group commit shares that among the batch's decisions.
--
-- A batch record's id is 2^34 + batch id × 128 + its place in the batch (a batch holds at most
-- 128), so a record is found from its id by the batch's primary key. Its reference is the id
-- enciphered with a key only the database holds (a keyed permutation of 40 bits: eight base-32
-- characters after the day, as before), so it is unique by construction and as unguessable as a
-- random one, and a record is found from its reference without an index entry per decision.
-- decision_record keeps the decisions recorded inside a caller's transaction (casework, whose
-- application row refers to them by a foreign key) and every record written before; its ids stay
-- far below 2^34. Every reader reads the view decision_record_outcome, which now shows both.

CREATE TABLE decision_reference_key (
    only_one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_one),
    key      BYTEA   NOT NULL CHECK (octet_length(key) = 16)   -- AES-128; drawn once, never changed
);
-- gen_random_uuid draws from the server's strong random source (122 random bits each)
INSERT INTO decision_reference_key (key)
SELECT substring(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')) FROM 1 FOR 16);

-- batch ids: (2^40 - 2^34) / 128 of them, so that every record id fits the 40 bits a reference holds
CREATE SEQUENCE decision_batch_id MINVALUE 1 MAXVALUE 8455716863 NO CYCLE;

CREATE TABLE decision_batch (
    id               BIGINT       PRIMARY KEY CHECK (id BETWEEN 1 AND 8455716863),
    decided_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- one rule-set version and console release per batch (the writer splits a batch that spans two):
    -- a foreign key checked once per batch
    rule_set_version VARCHAR(32)  NOT NULL REFERENCES rule_set_version (version),
    rule_set_release BIGINT       REFERENCES rule_set_release (id),
    -- each record's outcome (stored once in decision_outcome, V73), in the order of the records:
    -- checked by a trigger
    outcome_hashes   BYTEA[]      NOT NULL CHECK (cardinality(outcome_hashes) BETWEEN 1 AND 128),
    -- the records, in order, as a JSON array in UTF-8: [{"id", "reference", "inputs_hash",
    -- "catalogue_version", "matters", "event_code", "window_code", "inputs" (the situation)}].
    -- Bytes, not json or jsonb: PostgreSQL does not parse them on insert (a parse cost more CPU than
    -- the rest of the row); the view below reads them as JSON. Only DecisionBatches writes them.
    records          BYTEA        NOT NULL
);
-- a batch's records are larger than a page: out of line, without a pglz attempt
ALTER TABLE decision_batch ALTER COLUMN records SET STORAGE EXTERNAL;
-- the latest batches (the policy console's change impact reads recent intakes): by time, not by id —
-- each node takes batch ids 64 at a time, so a quiet node's newest batch can have a low id. One
-- index entry per batch, not per decision.
CREATE INDEX decision_batch_decided_at ON decision_batch (decided_at);

-- what a batch names exists, locked FOR KEY SHARE as a foreign key does (a delete waits). Once
-- per batch, each distinct outcome once.
CREATE FUNCTION decision_batch_check_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing BYTEA;
BEGIN
    PERFORM 1 FROM decision_outcome o WHERE o.hash = ANY (NEW.outcome_hashes) FOR KEY SHARE;
    SELECT h INTO missing FROM unnest(NEW.outcome_hashes) h
     WHERE NOT EXISTS (SELECT 1 FROM decision_outcome o WHERE o.hash = h) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'decision_batch refers to outcome_hash % which does not exist', encode(missing, 'hex')
            USING ERRCODE = 'foreign_key_violation', TABLE = 'decision_batch';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_batch_outcomes AFTER INSERT OR UPDATE ON decision_batch
    FOR EACH ROW EXECUTE FUNCTION decision_batch_check_outcomes();

-- an outcome a batch names can be neither deleted nor re-keyed (rule-set versions and releases have
-- the foreign keys above), and none of the three tables can be truncated while batches exist (a
-- TRUNCATE … CASCADE would otherwise empty decision_batch with them). Triggers of their own beside
-- V74's, which keep decision_record's references; the same SQLSTATE as a foreign key.
CREATE FUNCTION decision_batch_keep_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.hash = OLD.hash THEN RETURN NULL; END IF;
    IF EXISTS (SELECT 1 FROM decision_batch b WHERE OLD.hash = ANY (b.outcome_hashes)) THEN
        RAISE EXCEPTION 'decision_outcome is still referenced from decision_batch'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'decision_outcome';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_batch_keeps_outcome AFTER DELETE OR UPDATE OF hash ON decision_outcome
    FOR EACH ROW EXECUTE FUNCTION decision_batch_keep_outcome();

CREATE FUNCTION decision_batch_keep_all_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM decision_batch) THEN
        RAISE EXCEPTION 'cannot truncate %: decision_batch refers to it', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_batch_keeps_versions BEFORE TRUNCATE ON rule_set_version
    FOR EACH STATEMENT EXECUTE FUNCTION decision_batch_keep_all_referenced();
CREATE TRIGGER decision_batch_keeps_releases BEFORE TRUNCATE ON rule_set_release
    FOR EACH STATEMENT EXECUTE FUNCTION decision_batch_keep_all_referenced();
CREATE TRIGGER decision_batch_keeps_outcomes BEFORE TRUNCATE ON decision_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION decision_batch_keep_all_referenced();

-- Every record, one row each, as before: batch_id is the batch a record is stored in (NULL for a
-- row of decision_record). Look a batch record up with batch_id (its primary key), not id alone:
-- id of a batch record is read out of the batch's JSON. batch_id = (id - 2^34) / 128.
DROP VIEW decision_record_outcome;
CREATE VIEW decision_record_outcome AS
SELECT r.id, r.decided_at, r.inputs_hash::text AS inputs_hash, r.rule_set_version::text AS rule_set_version,
       r.catalogue_version::text AS catalogue_version, r.matters, r.event_code::text AS event_code,
       r.window_code::text AS window_code, r.inputs, r.outcome, r.reference::text AS reference, r.rule_set_release,
       COALESCE(o.outcome_zlib, r.outcome_zlib) AS outcome_zlib, r.outcome_hash, NULL::bigint AS batch_id
FROM decision_record r LEFT JOIN decision_outcome o ON o.hash = r.outcome_hash
UNION ALL
SELECT (e.value ->> 'id')::bigint, b.decided_at, e.value ->> 'inputs_hash', b.rule_set_version::text,
       e.value ->> 'catalogue_version', e.value ->> 'matters', e.value ->> 'event_code', e.value ->> 'window_code',
       (e.value -> 'inputs')::jsonb, NULL::jsonb, e.value ->> 'reference', b.rule_set_release, o.outcome_zlib, o.hash,
       b.id
FROM decision_batch b
     CROSS JOIN LATERAL json_array_elements(convert_from(b.records, 'UTF8')::json) WITH ORDINALITY AS e (value, n)
     JOIN decision_outcome o ON o.hash = b.outcome_hashes[e.n];
