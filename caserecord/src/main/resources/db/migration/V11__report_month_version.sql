-- A version per month of receipt, raised in the statement that records a receiver's status on a
-- card received that month (CardStore.reportTaskStatus). The figures of a closed reporting period
-- are kept by the hub (KeptFigures) and read again only when the sum of its months' versions, or
-- the count of file merges and undos, has moved: a late answer to an old referral changes last
-- year's response times, and nothing else about a closed period's cards can change.
CREATE TABLE report_month_version (
    month   DATE   PRIMARY KEY,
    version BIGINT NOT NULL
);
