-- Rule-set versions of the policy console (issue 11). A version is a draft (its files live in
-- rule_set_draft_file and may change) until it is published: then its files are the content-addressed
-- rule_set_file rows of rule_set_version `version` (V1/V4), and it is scheduled, active or superseded
-- by its effective date. Every change is in the audit trail.

CREATE TABLE rule_set_release (
    id               BIGSERIAL    PRIMARY KEY,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('draft', 'scheduled', 'active', 'superseded')),
    version          VARCHAR(32)  REFERENCES rule_set_version (version),   -- set when published
    based_on         BIGINT       REFERENCES rule_set_release (id),
    rolled_back_from BIGINT       REFERENCES rule_set_release (id),
    effective_from   DATE,                                               -- set when published
    author           VARCHAR(100) NOT NULL,
    last_editor      VARCHAR(100) NOT NULL,
    published_by     VARCHAR(100),
    published_at     TIMESTAMPTZ,
    comment          TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((status = 'draft') = (version IS NULL))
);
CREATE INDEX rule_set_release_published ON rule_set_release (effective_from, id) WHERE status <> 'draft';

CREATE TABLE rule_set_draft_file (
    release_id BIGINT       NOT NULL REFERENCES rule_set_release (id) ON DELETE CASCADE,
    path       VARCHAR(300) NOT NULL,
    content    BYTEA        NOT NULL,
    PRIMARY KEY (release_id, path)
);

CREATE TABLE rule_set_audit (
    id         BIGSERIAL    PRIMARY KEY,
    release_id BIGINT       NOT NULL REFERENCES rule_set_release (id),
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor      VARCHAR(100) NOT NULL,
    action     VARCHAR(30)  NOT NULL,   -- created, edited, validated, published, rolled-back, seeded, reloaded
    comment    TEXT,
    detail     JSONB
);
CREATE INDEX rule_set_audit_release ON rule_set_audit (release_id, id);

-- a decision names the console version that made it (null for decisions before the console)
ALTER TABLE decision_record ADD COLUMN rule_set_release BIGINT REFERENCES rule_set_release (id);
