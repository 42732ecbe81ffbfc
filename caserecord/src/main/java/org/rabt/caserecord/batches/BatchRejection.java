package org.rabt.caserecord.batches;

/** A row of a batch that did not become a card: its 1-based line (the header is line 1) and why. */
public record BatchRejection(long line, String rowId, String code, String field, String reason) {
}
