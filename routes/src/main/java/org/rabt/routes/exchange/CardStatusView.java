package org.rabt.routes.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What a sender or receiver sees at a card's status URL: where the hub stands with it, the
 * referral's status, and the history; never the child's data.
 *
 * @param status     the hub's delivery status: accepted, delivered, failed (retrying), dead-lettered,
 *                   replayed (put back on its queue by an operator)
 * @param taskStatus the referral's status (FHIR Task.status) as the receiver reported it
 * @param businessStatus the receiver's own words for it, as it reported them
 * @param statusReason   the reason (a refusal) or the outcome (a completion) the receiver gave
 * @param waiting    why an accepted card has not moved yet, when the hub knows
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardStatusView(
        String cardId,
        String cardType,
        String sender,
        String receiver,
        String status,
        String taskStatus,
        String businessStatus,
        String statusReason,
        int deliveryAttempts,
        Instant receivedAt,
        Instant updatedAt,
        String queue,
        String waiting,
        List<Event> history) {

    /** @param taskStatus set when the event is a status report from the receiver */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Instant at, String status, String taskStatus, String detail) {
    }
}
