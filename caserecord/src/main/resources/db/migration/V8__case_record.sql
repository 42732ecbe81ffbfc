-- The centre's case record (docs/case-record.md): one file per child, gathered from every sector.
-- Cards stay in `card`; a child is a pseudonym; a file is the set of pseudonyms a coordinator (or
-- the hub, for equal pseudonyms) has joined. Nothing here names the child: names live only in the
-- encrypted CPM, and the matching keys are keyed hashes.

-- What the case record, the worklists and the reports read of each card without decrypting it:
-- none of it identifies the child (the same values travel in the clear part of the CPM).
ALTER TABLE card ADD COLUMN stage          SMALLINT;
ALTER TABLE card ADD COLUMN entry_channel  VARCHAR(30);
ALTER TABLE card ADD COLUMN due_by         DATE;
ALTER TABLE card ADD COLUMN correlation_id UUID;
ALTER TABLE card ADD COLUMN sex            VARCHAR(10);
ALTER TABLE card ADD COLUMN age_band       VARCHAR(10);
ALTER TABLE card ADD COLUMN birth_year     SMALLINT;
ALTER TABLE card ADD COLUMN province       VARCHAR(60);
ALTER TABLE card ADD COLUMN concerns       VARCHAR(40)[];
-- the same concerns as bits (ConcernBits), for the reports' one-pass counts
ALTER TABLE card ADD COLUMN concern_mask   INTEGER;
-- when the receiver first reported on the card (the response time of a referral)
ALTER TABLE card ADD COLUMN answered_at    TIMESTAMPTZ;
CREATE INDEX card_child ON card (child_pseudonym, received_at);
-- the newest cards (worklist), and every count over a period (reports)
CREATE INDEX card_received ON card (received_at);
-- the overdue list: referrals not yet closed, by due date
CREATE INDEX card_open_referrals ON card (due_by)
    WHERE card_type = 'linkage' AND task_status NOT IN ('completed', 'rejected', 'cancelled', 'failed');

-- One row per child the hub has seen (per pseudonym), as its first card described the child;
-- file_id says which file it belongs to. Written once (INSERT ... ON CONFLICT DO NOTHING) and
-- never by a card again: concurrent cards about one child must not queue on its row's lock.
CREATE TABLE child (
    pseudonym     VARCHAR(64)  PRIMARY KEY,
    file_id       UUID         NOT NULL,
    -- what the pseudonym was derived from: cnie, etat-civil, name-latin, name-arabic, unidentified
    identified_by VARCHAR(20)  NOT NULL,
    sex           VARCHAR(10),
    birth_year    SMALLINT,
    first_seen    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX child_file ON child (file_id);

-- Keyed hashes (HMAC with the pseudonym key) of the child's normalised names, for near-match
-- detection and name search without keeping a name in the clear: `exact` (same spelling after
-- normalisation), `sound` (same consonant skeleton: transliteration and spelling variants) and
-- `token` (one name part's skeleton, for search).
CREATE TABLE child_match_key (
    key        VARCHAR(64)  NOT NULL,
    pseudonym  VARCHAR(64)  NOT NULL REFERENCES child (pseudonym),
    kind       VARCHAR(10)  NOT NULL,
    -- for `sound` keys: NULL until the matcher has compared the child on this key; a card that
    -- brings a new spelling brings a new key, and so a new comparison
    matched_at TIMESTAMPTZ,
    PRIMARY KEY (key, pseudonym)
);
CREATE INDEX child_match_key_child ON child_match_key (pseudonym);
CREATE INDEX child_match_key_to_match ON child_match_key (pseudonym) WHERE matched_at IS NULL AND kind = 'sound';

-- Two children who may be one: the review list. Never merged silently: a coordinator decides.
CREATE TABLE match_candidate (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pseudonym_a VARCHAR(64)  NOT NULL REFERENCES child (pseudonym),
    pseudonym_b VARCHAR(64)  NOT NULL REFERENCES child (pseudonym),
    found_at    TIMESTAMPTZ  NOT NULL,
    -- NULL while open; merged or dismissed once decided
    decision    VARCHAR(20),
    decided_at  TIMESTAMPTZ,
    decided_by  VARCHAR(300),
    merge_id    BIGINT,
    CONSTRAINT match_candidate_pair UNIQUE (pseudonym_a, pseudonym_b),
    CONSTRAINT match_candidate_ordered CHECK (pseudonym_a < pseudonym_b)
);
CREATE INDEX match_candidate_open ON match_candidate (found_at) WHERE decision IS NULL;

-- Every merge, so that it can be undone exactly: which pseudonyms moved from which file to which.
CREATE TABLE file_merge (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kept_file   UUID          NOT NULL,
    merged_file UUID          NOT NULL,
    pseudonyms  VARCHAR(64)[] NOT NULL,
    merged_by   VARCHAR(300)  NOT NULL,
    merged_at   TIMESTAMPTZ   NOT NULL,
    reason      VARCHAR(500),
    undone_by   VARCHAR(300),
    undone_at   TIMESTAMPTZ
);
CREATE INDEX file_merge_files ON file_merge (kept_file);

-- The children of the cards received before this version.
INSERT INTO child (pseudonym, file_id, identified_by, first_seen)
SELECT child_pseudonym, gen_random_uuid(), 'unknown', min(received_at)
FROM card GROUP BY child_pseudonym;
