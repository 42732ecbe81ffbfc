package org.rabt.caserecord.cards;

import java.time.Instant;

/**
 * A card waiting in a dead-letter queue, as an operator sees it: its metadata, when it was last
 * dead-lettered, and the last failure its history records (the hub's own words, e.g. "not
 * retried: HTTP 400"), both {@code null} when its history has none.
 */
public record UndeliveredCard(CardRecord card, Instant deadLetteredAt, String lastFailure) {
}
