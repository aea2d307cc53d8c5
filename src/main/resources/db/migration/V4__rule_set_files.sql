-- The full content of every rule file of every rule-set version that served decisions, so that a
-- recorded decision can always be shown with the exact rows that made it, and replayed against
-- them, after the files have changed. Content-addressed: a version is the hash of its files.

CREATE TABLE rule_set_file (
    version  VARCHAR(32)  NOT NULL REFERENCES rule_set_version (version),
    path     VARCHAR(300) NOT NULL,                  -- relative to the rules folder: materials/scjg.dmn
    content  BYTEA        NOT NULL,
    PRIMARY KEY (version, path)
);
