-- The CPM and the signed original bytes are now encrypted by the hub before they are written
-- (FieldCipher). Ciphertext does not compress, and PostgreSQL's own compression of long values
-- (TOAST, pglz) would anyway hide clear text from a search of the raw files, making a test of
-- encryption at rest pass without it: store these columns out of line without compression.
ALTER TABLE card ALTER COLUMN cpm SET STORAGE EXTERNAL;
ALTER TABLE card_evidence ALTER COLUMN body SET STORAGE EXTERNAL;
