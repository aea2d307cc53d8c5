-- Casework integrity (issue 12): the credit registry, overrides approved by a supervisor,
-- supervision cards written by the scheduled job, escalations (督办), service ratings (好差评),
-- and the dates statistics are computed from. Dates are the district's calendar days, written by
-- the application from its clock, never by the database's now().

-- 失信 (dishonest-subject) listings imported from CSV by an administrator; one import replaces the
-- earlier rows of the same source.
CREATE TABLE credit_import (
    id            BIGSERIAL    PRIMARY KEY,
    source        VARCHAR(200) NOT NULL,
    rows_imported INTEGER      NOT NULL,
    imported_by   VARCHAR(64)  NOT NULL,
    imported_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE credit_listing (
    id           BIGSERIAL    PRIMARY KEY,
    import_id    BIGINT       NOT NULL REFERENCES credit_import (id) ON DELETE CASCADE,
    subject_id   VARCHAR(18)  NOT NULL,                -- ID number or unified social credit code
    list_name    VARCHAR(200) NOT NULL,
    listed_from  DATE         NOT NULL,
    listed_to    DATE,                                 -- open-ended when null
    source       VARCHAR(200) NOT NULL
);
CREATE INDEX credit_listing_subject ON credit_listing (subject_id);

-- where the application's credit status came from (the registry's answer, as JSON)
ALTER TABLE application ADD COLUMN credit_source JSONB;
-- the district day the application was started on (statistics count by it)
ALTER TABLE application ADD COLUMN created_on DATE;
UPDATE application SET created_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;
-- how it was accepted (accepted | accepted-with-tolerance) and by whom, kept when the status moves on
ALTER TABLE application ADD COLUMN acceptance VARCHAR(30);
ALTER TABLE application ADD COLUMN accepted_by VARCHAR(64);
UPDATE application SET acceptance = status WHERE status IN ('accepted', 'accepted-with-tolerance');
ALTER TABLE application ADD COLUMN delivered_on DATE;
-- the supervision card the job last wrote: none | green | yellow | red
ALTER TABLE application ADD COLUMN card VARCHAR(10) NOT NULL DEFAULT 'none';

-- idempotency keys are scoped per member of staff: two clerks' keys never collide
ALTER TABLE application DROP CONSTRAINT application_idempotency_key_key;
CREATE UNIQUE INDEX application_idempotency ON application (created_by, idempotency_key);

ALTER TABLE application_material ADD COLUMN supplied_on DATE;

-- the timeline entry's parameters (material and department codes, dates), shown in words
ALTER TABLE application_event ADD COLUMN data JSONB;

-- an override proposed by a clerk and approved or rejected by a supervisor (two people)
CREATE TABLE application_override (
    application_id  BIGINT        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    n               INTEGER       NOT NULL,
    status          VARCHAR(20)   NOT NULL,            -- proposed | approved | rejected
    materials       VARCHAR(2000) NOT NULL,            -- the material codes to tolerate, comma separated
    reason          VARCHAR(40)   NOT NULL,            -- a code from OverrideReason
    note            VARCHAR(1000),
    basis           VARCHAR(1000) NOT NULL,
    proposed_by     VARCHAR(64)   NOT NULL,
    proposed_at     TIMESTAMPTZ   NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMPTZ,
    comment         VARCHAR(1000),
    PRIMARY KEY (application_id, n)
);

-- 督办: a red case escalated to the supervisors, acknowledged with a comment
CREATE TABLE escalation (
    id               BIGSERIAL     PRIMARY KEY,
    application_id   BIGINT        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    raised_on        DATE          NOT NULL,
    level            VARCHAR(10)   NOT NULL,
    acknowledged_by  VARCHAR(64),
    acknowledged_at  TIMESTAMPTZ,
    comment          VARCHAR(1000),
    UNIQUE (application_id, level)
);

-- 好差评: one rating per application after delivery; a bad one opens a follow-up
CREATE TABLE service_rating (
    id                  BIGSERIAL     PRIMARY KEY,
    application_id      BIGINT        NOT NULL UNIQUE REFERENCES application (id) ON DELETE CASCADE,
    score               INTEGER       NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment             VARCHAR(500),
    channel             VARCHAR(10)   NOT NULL,        -- qr | kiosk
    window_code         VARCHAR(40),
    clerk               VARCHAR(64),
    rule_set_version    VARCHAR(80),
    rated_on            DATE          NOT NULL,
    rated_at            TIMESTAMPTZ   NOT NULL,
    follow_up_due       DATE,                          -- set for a bad rating: 15 working days
    follow_up_closed_by VARCHAR(64),
    follow_up_closed_at TIMESTAMPTZ,
    follow_up_comment   VARCHAR(1000)
);
