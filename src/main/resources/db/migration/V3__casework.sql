-- The clerk desk: staff, applications (办件) with their checked-in materials, department tasks and
-- timeline, and the shared material library. Every state change of an application is one
-- transaction that bumps application.version (optimistic locking: a stale version is refused).

CREATE TABLE staff_user (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,              -- bcrypt, modular crypt format ($2a$...)
    display_name  VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,              -- comma separated: admin, clerk, reviewer, policy, tester
    department    VARCHAR(40),                        -- the department a reviewer decides for
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE SEQUENCE application_number_seq;

CREATE TABLE application (
    id                 BIGSERIAL    PRIMARY KEY,
    number             VARCHAR(40)  NOT NULL UNIQUE,  -- 受理编号 printed on the receipt
    status             VARCHAR(30)  NOT NULL,
    version            INTEGER      NOT NULL DEFAULT 0,
    applicant_type     VARCHAR(20)  NOT NULL,
    applicant_id       VARCHAR(18)  NOT NULL,         -- ID number or unified social credit code
    applicant_name     VARCHAR(100),
    credit_status      VARCHAR(20)  NOT NULL,
    matters            VARCHAR(2000) NOT NULL,        -- comma separated matter codes
    event_code         VARCHAR(80),
    situation          JSONB        NOT NULL,
    outcome            JSONB        NOT NULL,         -- the decision snapshot the application was taken on
    decision_id        BIGINT       REFERENCES decision_record (id),
    rule_set_version   VARCHAR(80)  NOT NULL,
    kiosk_reference    VARCHAR(40),
    window_code        VARCHAR(40),
    lead_department    VARCHAR(40),
    promised_days      INTEGER      NOT NULL,
    result             VARCHAR(20),                   -- approved | rejected, once every department has decided
    created_by         VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    accepted_on        DATE,
    due_on             DATE,                          -- promised time limit, in working days from acceptance
    idempotency_key    VARCHAR(200) UNIQUE,
    request_hash       VARCHAR(64),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX application_status ON application (status);
CREATE INDEX application_applicant ON application (applicant_id);

CREATE TABLE application_material (
    application_id  BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    code            VARCHAR(80)  NOT NULL,
    position        INTEGER      NOT NULL,
    name            VARCHAR(300) NOT NULL,
    key_material    BOOLEAN      NOT NULL,
    tolerable       BOOLEAN      NOT NULL,
    deadline_days   INTEGER,                          -- the tolerance deadline in working days, if tolerable
    state           VARCHAR(20)  NOT NULL,            -- pending | received | library | tolerated | missing | supplied
    received_form   VARCHAR(20),                      -- original | copy | original-and-copy
    due_on          DATE,                             -- for a tolerated item: when it must be supplied
    updated_by      VARCHAR(64),
    updated_at      TIMESTAMPTZ,
    PRIMARY KEY (application_id, code)
);

CREATE TABLE department_task (
    application_id  BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    department      VARCHAR(40)  NOT NULL,
    role            VARCHAR(20)  NOT NULL,            -- lead | parallel
    status          VARCHAR(30)  NOT NULL,            -- pending | approved | rejected | supplement-requested
    reason          VARCHAR(1000),
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMPTZ,
    PRIMARY KEY (application_id, department)
);

CREATE TABLE application_event (
    id              BIGSERIAL    PRIMARY KEY,
    application_id  BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor           VARCHAR(64)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    detail          VARCHAR(2000)
);
CREATE INDEX application_event_application ON application_event (application_id, id);

-- 审批资料共享库: materials a clerk received and verified, kept for the same applicant's later
-- applications until valid_until.
CREATE TABLE library_item (
    id                  BIGSERIAL    PRIMARY KEY,
    holder_id           VARCHAR(18)  NOT NULL,
    material            VARCHAR(80)  NOT NULL,
    source_application  BIGINT       REFERENCES application (id),
    verified_by         VARCHAR(64)  NOT NULL,
    verified_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    valid_until         DATE         NOT NULL,
    revoked             BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX library_item_holder ON library_item (holder_id, material);
