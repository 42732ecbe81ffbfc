-- The audit log (docs/audit.md). An entry is written in the transaction of the action it records;
-- the sealer then gives it its place in the one hash chain (seq, prev_hash, hash), and the hub
-- signs a checkpoint every so often. Never the payload or the child's identity: the payload's
-- SHA-256 and the child's pseudonym only.
CREATE TABLE audit_entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at              TIMESTAMPTZ    NOT NULL,
    actor           VARCHAR(300)   NOT NULL,
    role            VARCHAR(40)    NOT NULL,
    action          VARCHAR(60)    NOT NULL,
    sector          VARCHAR(20),
    card_id         VARCHAR(40),
    child_pseudonym VARCHAR(64),
    outcome         VARCHAR(20)    NOT NULL,
    error_code      VARCHAR(20),
    payload_sha256  CHAR(64),
    detail          VARCHAR(300),
    -- set by the sealer: the entry's place in the chain and its hashes
    seq             BIGINT         UNIQUE,
    prev_hash       CHAR(64),
    hash            CHAR(64)
);
CREATE INDEX audit_entry_unsealed ON audit_entry (id) WHERE seq IS NULL;
CREATE INDEX audit_entry_card ON audit_entry (card_id);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE TABLE audit_checkpoint (
    seq       BIGINT       PRIMARY KEY,
    hash      CHAR(64)     NOT NULL,
    at        TIMESTAMPTZ  NOT NULL,
    -- base64 detached CMS signature by the hub's key over the checkpoint's canonical form
    signature TEXT         NOT NULL
);

-- Every step of a card is an event in card_event; the database itself writes its audit entry, in
-- the same transaction, whatever statement wrote the event. Receivers' free-text reasons are not
-- copied (they may name the child); the hub's own step details are.
CREATE FUNCTION audit_card_event() RETURNS trigger AS $$
DECLARE
    c card%ROWTYPE;
    status_report BOOLEAN := NEW.task_status IS NOT NULL;
    hub_step BOOLEAN;
BEGIN
    SELECT * INTO c FROM card WHERE id = NEW.card_id;
    hub_step := NOT status_report AND NEW.delivery_status <> 'accepted';
    INSERT INTO audit_entry (at, actor, role, action, sector, card_id, child_pseudonym, outcome, payload_sha256, detail)
    VALUES (
        NEW.at,
        CASE WHEN hub_step OR (status_report AND c.receiver_sector = 'centre') THEN 'hub'
             WHEN status_report THEN 'sector:' || c.receiver_sector
             ELSE 'sector:' || c.sender_sector END,
        CASE WHEN hub_step OR (status_report AND c.receiver_sector = 'centre') THEN 'hub' ELSE 'sector' END,
        CASE WHEN status_report THEN 'status-' || NEW.task_status ELSE 'card-' || NEW.delivery_status END,
        CASE WHEN hub_step OR status_report THEN c.receiver_sector ELSE c.sender_sector END,
        NEW.card_id::text,
        c.child_pseudonym,
        CASE WHEN NEW.delivery_status IN ('failed', 'dead-lettered') AND NOT status_report THEN 'failure' ELSE 'success' END,
        c.body_sha256,
        CASE WHEN status_report THEN NULL ELSE left(NEW.detail, 300) END);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER card_event_audited AFTER INSERT ON card_event FOR EACH ROW EXECUTE FUNCTION audit_card_event();
