-- The applicants' own channel (issue 13): 不见面审批 online. Applicants sign in with a phone number
-- and a one-time code; a verified identity number ties them to their shared material library;
-- they upload materials, submit, supplement and follow progress. Times are written by the
-- application from its clock.

-- every message the application sends (one-time codes); the default MessageGateway only writes
-- here and operators read it (docs/operator.md says how a real SMS provider plugs in)
CREATE TABLE message_outbox (
    id          BIGSERIAL    PRIMARY KEY,
    phone       VARCHAR(20)  NOT NULL,
    purpose     VARCHAR(30)  NOT NULL,
    body        VARCHAR(500) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX message_outbox_phone ON message_outbox (phone, id);

-- the one-time code last sent to a phone, kept as a hash; a few wrong tries use it up
CREATE TABLE online_code (
    phone       VARCHAR(20)  PRIMARY KEY,
    code_hash   VARCHAR(64)  NOT NULL,
    sent_at     TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    attempts    INTEGER      NOT NULL DEFAULT 0
);

-- an applicant's account: the phone that signs in, and the identity they declared
CREATE TABLE online_account (
    phone       VARCHAR(20)  PRIMARY KEY,
    id_number   VARCHAR(18),
    name        VARCHAR(100),
    created_at  TIMESTAMPTZ  NOT NULL
);

-- a signed-in browser: the cookie holds a random token, the table only its SHA-256; the answers
-- given in this session are offered again in the next interview
CREATE TABLE online_session (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    phone       VARCHAR(20)  NOT NULL REFERENCES online_account (phone) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    answers     JSONB        NOT NULL DEFAULT '{}'
);

-- identities verified for a phone: by a clerk who saw the ID card, or by a real-name service
CREATE TABLE verified_identity (
    id_number    VARCHAR(18)  NOT NULL,
    phone        VARCHAR(20)  NOT NULL,
    name         VARCHAR(100),
    verified_by  VARCHAR(64)  NOT NULL,
    verified_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id_number, phone)
);

-- an application submitted online, and the phone that submitted it
CREATE TABLE online_submission (
    application_id  BIGINT       PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    phone           VARCHAR(20)  NOT NULL,
    reference       VARCHAR(40)  NOT NULL,
    submitted_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX online_submission_phone ON online_submission (phone);

-- uploaded materials: typed by their content, with their SHA-256, kept in the database (backed up
-- with it). Before submission a file belongs to the applicant's decision (reference); after, to
-- the application.
CREATE TABLE online_upload (
    id              BIGSERIAL    PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    reference       VARCHAR(40)  NOT NULL,
    application_id  BIGINT       REFERENCES application (id) ON DELETE CASCADE,
    material        VARCHAR(80)  NOT NULL,
    purpose         VARCHAR(20)  NOT NULL,            -- submission | supplement
    file_name       VARCHAR(200),
    content_type    VARCHAR(40)  NOT NULL,            -- application/pdf | image/jpeg | image/png
    size_bytes      INTEGER      NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    content         BYTEA        NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX online_upload_reference ON online_upload (phone, reference);
CREATE INDEX online_upload_application ON online_upload (application_id);

-- a decision taken in an online interview, and whose it is: only that phone may upload to it and
-- submit it (once)
CREATE TABLE online_draft (
    reference       VARCHAR(40)  PRIMARY KEY,
    phone           VARCHAR(20)  NOT NULL,
    application_id  BIGINT       REFERENCES application (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX online_draft_phone ON online_draft (phone);
