-- Issue 15 (fifth round): the durable write of a decision is most of its cost over HTTP. Measured on
-- the load test's 2-core machine, the three per-row foreign keys of decision_record cost ~35 µs of
-- PostgreSQL CPU per decision (each is a look-up with a row lock, run once per inserted row), the two
-- indexes nothing reads ~9 µs more, against ~60 µs for everything else of the record.
--
-- The same references are now checked once per INSERT or UPDATE statement, over all its rows, by a
-- statement trigger with a transition table; the writer inserts a whole batch in one statement
-- (DecisionWriter), so a batch of decisions pays for one check. What a foreign key guaranteed still
-- holds for every path, the application's and SQL by hand:
--   * a record names a rule-set version, a release (or none) and an outcome (or none) that exist —
--     the check locks those rows FOR KEY SHARE like a foreign key does, so a concurrent delete waits;
--   * a referenced version, release or outcome cannot be deleted or have its key changed — a row
--     trigger on each refuses it (as the foreign key's NO ACTION did), after the lock above is free;
--     nor can its table be truncated while records exist.
-- Errors keep the SQLSTATE of a foreign key violation (23503).

ALTER TABLE decision_record
    DROP CONSTRAINT decision_record_rule_set_version_fkey,
    DROP CONSTRAINT decision_record_rule_set_release_fkey,
    DROP CONSTRAINT decision_record_outcome_hash_fkey;

CREATE FUNCTION decision_record_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing TEXT;
BEGIN
    -- lock what the statement's rows refer to (each distinct row once), as a foreign key does
    PERFORM 1 FROM rule_set_version v
     WHERE v.version IN (SELECT DISTINCT n.rule_set_version FROM new_records n) FOR KEY SHARE;
    PERFORM 1 FROM rule_set_release r
     WHERE r.id IN (SELECT DISTINCT n.rule_set_release FROM new_records n) FOR KEY SHARE;
    PERFORM 1 FROM decision_outcome o
     WHERE o.hash IN (SELECT DISTINCT n.outcome_hash FROM new_records n) FOR KEY SHARE;

    SELECT 'rule_set_version ' || n.rule_set_version INTO missing FROM new_records n
     WHERE NOT EXISTS (SELECT 1 FROM rule_set_version v WHERE v.version = n.rule_set_version) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'rule_set_release ' || n.rule_set_release INTO missing FROM new_records n
         WHERE n.rule_set_release IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM rule_set_release r WHERE r.id = n.rule_set_release) LIMIT 1;
    END IF;
    IF missing IS NULL THEN
        SELECT 'outcome_hash ' || encode(n.outcome_hash, 'hex') INTO missing FROM new_records n
         WHERE n.outcome_hash IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM decision_outcome o WHERE o.hash = n.outcome_hash) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'decision_record refers to % which does not exist', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'decision_record';
    END IF;
    RETURN NULL;
END $$;

-- (a trigger with a transition table takes one event: one for INSERT, one for UPDATE)
CREATE TRIGGER decision_record_references_inserted AFTER INSERT ON decision_record
    REFERENCING NEW TABLE AS new_records FOR EACH STATEMENT EXECUTE FUNCTION decision_record_check_references();
CREATE TRIGGER decision_record_references_updated AFTER UPDATE ON decision_record
    REFERENCING NEW TABLE AS new_records FOR EACH STATEMENT EXECUTE FUNCTION decision_record_check_references();

-- the other side: what a record refers to stays. A row trigger per referenced table; the scans of
-- decision_record run only when a version, release or outcome is deleted (never, in the application;
-- the foreign keys scanned the same way: none of these columns has an index).
CREATE FUNCTION decision_record_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    used BOOLEAN;
BEGIN
    IF TG_TABLE_NAME = 'rule_set_version' THEN
        IF TG_OP = 'UPDATE' AND NEW.version = OLD.version THEN RETURN NULL; END IF;
        used := EXISTS (SELECT 1 FROM decision_record d WHERE d.rule_set_version = OLD.version);
    ELSIF TG_TABLE_NAME = 'rule_set_release' THEN
        IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN RETURN NULL; END IF;
        used := EXISTS (SELECT 1 FROM decision_record d WHERE d.rule_set_release = OLD.id);
    ELSE
        IF TG_OP = 'UPDATE' AND NEW.hash = OLD.hash THEN RETURN NULL; END IF;
        used := EXISTS (SELECT 1 FROM decision_record d WHERE d.outcome_hash = OLD.hash);
    END IF;
    IF used THEN
        RAISE EXCEPTION '% is still referenced from decision_record', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_record_keeps_version AFTER DELETE OR UPDATE OF version ON rule_set_version
    FOR EACH ROW EXECUTE FUNCTION decision_record_keep_referenced();
CREATE TRIGGER decision_record_keeps_release AFTER DELETE OR UPDATE OF id ON rule_set_release
    FOR EACH ROW EXECUTE FUNCTION decision_record_keep_referenced();
CREATE TRIGGER decision_record_keeps_outcome AFTER DELETE OR UPDATE OF hash ON decision_outcome
    FOR EACH ROW EXECUTE FUNCTION decision_record_keep_referenced();

-- TRUNCATE fires no row trigger: a referenced table cannot be emptied while any record exists (a
-- foreign key refused it too; to empty both, truncate decision_record first).
CREATE FUNCTION decision_record_keep_all_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM decision_record) THEN
        RAISE EXCEPTION 'cannot truncate %: decision_record refers to it', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER decision_record_keeps_versions BEFORE TRUNCATE ON rule_set_version
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_keep_all_referenced();
CREATE TRIGGER decision_record_keeps_releases BEFORE TRUNCATE ON rule_set_release
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_keep_all_referenced();
CREATE TRIGGER decision_record_keeps_outcomes BEFORE TRUNCATE ON decision_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_keep_all_referenced();

-- Indexes nothing in the application reads: inputs_hash (the SHA-256 of the situation; look it up by
-- hand with a scan, or create the index again CONCURRENTLY where an audit needs it often) and a
-- B-tree on decided_at, replaced by a BRIN index — records are appended in time order, so a range of
-- days still finds its pages, for a fraction of the cost per insert.
DROP INDEX decision_record_inputs_hash;
DROP INDEX decision_record_decided_at;
CREATE INDEX decision_record_decided_at ON decision_record USING brin (decided_at);
