-- The reference printed on a one-time notice (and in its QR code): random, so that it cannot be
-- guessed from another applicant's. Decisions recorded before this migration have none.
ALTER TABLE decision_record ADD COLUMN reference VARCHAR(40);
CREATE UNIQUE INDEX decision_record_reference ON decision_record (reference);
