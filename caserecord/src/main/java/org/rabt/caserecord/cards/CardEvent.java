package org.rabt.caserecord.cards;

import java.time.Instant;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * One step of a card's history: a delivery step, or a status report from the receiver.
 *
 * @param status     the delivery status after the step
 * @param taskStatus the referral's status the receiver reported, or {@code null} for a delivery step
 */
public record CardEvent(Instant at, DeliveryStatus status, TaskStatus taskStatus, String detail) {
}
