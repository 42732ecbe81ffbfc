-- The national level (docs/reports.md, "National aggregation"): the provinces' signed provincial
-- reports, imported once per province and period. De-identified aggregates only: a national hub
-- holds no card and no child, just these rows.
CREATE TABLE national_report_import (
    province           VARCHAR(60)  NOT NULL,
    period             VARCHAR(10)  NOT NULL,
    imported_at        TIMESTAMPTZ  NOT NULL,
    imported_by        VARCHAR(200) NOT NULL,
    -- the report exactly as its province signed it (the canonical bytes the signature covers)
    report             TEXT         NOT NULL,
    -- hex SHA-256 of the DER signing certificate, and its subject, to tell which hub signed it
    signer_fingerprint VARCHAR(64)  NOT NULL,
    signer_subject     VARCHAR(500) NOT NULL,
    CONSTRAINT national_report_import_once UNIQUE (province, period)
);
