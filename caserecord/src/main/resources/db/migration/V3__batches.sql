-- Batches of reporting cards (education's dropouts and long absences): the signed file is the
-- evidence of every card it brings; each bad row is kept with its line and reason.
CREATE TABLE batch (
    id             UUID          PRIMARY KEY,
    sender_sector  VARCHAR(20)   NOT NULL,
    -- how it came: http (the exchange API) or drop (the watched directory)
    source         VARCHAR(10)   NOT NULL,
    file_name      VARCHAR(300),
    body_sha256    CHAR(64)      NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    signature      BYTEA         NOT NULL,
    -- the signed file, kept under the data directory
    stored_path    VARCHAR(1000) NOT NULL,
    -- received -> processing -> completed | failed (a whole-batch error after the rows before it)
    state          VARCHAR(20)   NOT NULL,
    lines_done     BIGINT        NOT NULL DEFAULT 0,
    admitted       BIGINT        NOT NULL DEFAULT 0,
    rejected       BIGINT        NOT NULL DEFAULT 0,
    error_code     VARCHAR(20),
    error_detail   VARCHAR(2000),
    received_at    TIMESTAMPTZ   NOT NULL,
    -- the processing node's heartbeat: a batch whose node died is taken over once this is stale
    claimed_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ
);
-- The same file sent twice by the same sector is one batch.
CREATE UNIQUE INDEX batch_sender_body ON batch (sender_sector, body_sha256);
CREATE INDEX batch_pending ON batch (received_at) WHERE state IN ('received', 'processing');

CREATE TABLE batch_rejection (
    batch_id  UUID          NOT NULL REFERENCES batch (id),
    line      BIGINT        NOT NULL,
    row_id    VARCHAR(100),
    code      VARCHAR(20)   NOT NULL,
    field     VARCHAR(200),
    reason    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (batch_id, line)
);

-- A card that came in a batch names it and its line (its evidence is the batch's signed file).
ALTER TABLE card ADD COLUMN batch_id   UUID REFERENCES batch (id);
ALTER TABLE card ADD COLUMN batch_line BIGINT;
CREATE INDEX card_batch ON card (batch_id) WHERE batch_id IS NOT NULL;
