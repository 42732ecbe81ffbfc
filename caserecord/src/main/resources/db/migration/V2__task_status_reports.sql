-- What receivers report about a card: their own words and the reason or outcome; and, in the
-- history, which events are status reports (task_status) rather than delivery steps.
ALTER TABLE card ADD COLUMN business_status VARCHAR(200);
ALTER TABLE card ADD COLUMN status_reason   VARCHAR(2000);
ALTER TABLE card_event ADD COLUMN task_status VARCHAR(20);
