package org.rabt.caserecord.cards;

import java.time.Instant;

/** One step of a card's delivery history. */
public record CardEvent(Instant at, DeliveryStatus status, String detail) {
}
