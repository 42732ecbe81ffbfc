-- Documents attached to cards (docs/case-record.md): referenced in the card's CPM by the SHA-256
-- of their content, uploaded apart by the sector, stored encrypted (FieldCipher, bound to the
-- hash) out of line without compression (see V7).
CREATE TABLE attachment (
    sha256      CHAR(64)      PRIMARY KEY,
    media_type  VARCHAR(100)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sector      VARCHAR(20)   NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL,
    content     BYTEA         NOT NULL
);
ALTER TABLE attachment ALTER COLUMN content SET STORAGE EXTERNAL;
