-- Rule-set versions that have served decisions, and every intake decision made, so that any
-- decision can be audited later: which rules, which inputs, what outcome.

CREATE TABLE rule_set_version (
    version          VARCHAR(32)  PRIMARY KEY,          -- content hash of the rule files
    name             VARCHAR(200) NOT NULL,
    effective_from   DATE         NOT NULL,
    files            TEXT         NOT NULL,             -- the files it was compiled from
    first_activated  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_activated   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE decision_record (
    id               BIGSERIAL    PRIMARY KEY,
    decided_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    inputs_hash      CHAR(64)     NOT NULL,             -- SHA-256 of the canonical request
    rule_set_version VARCHAR(32)  NOT NULL REFERENCES rule_set_version (version),
    catalogue_version VARCHAR(32) NOT NULL,
    matters          TEXT         NOT NULL,             -- matter codes decided, comma separated
    event_code       VARCHAR(100),
    window_code      VARCHAR(50),
    inputs           JSONB        NOT NULL,
    outcome          JSONB        NOT NULL
);

CREATE INDEX decision_record_inputs_hash ON decision_record (inputs_hash);
CREATE INDEX decision_record_decided_at ON decision_record (decided_at);
