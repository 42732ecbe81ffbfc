package org.rabt.mappings;

import java.util.UUID;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * What a receiving sector reports about a card: the card it is about, the referral's status in
 * CPM terms (FHIR Task.status), the sector's own words for it, and the reason or outcome where
 * there is one.
 *
 * @param cardId         the card the report names ({@code identifiantCarte}, health's
 *                       {@code Task.identifier}); the hub checks it against the card of the URL
 * @param businessStatus the sector's own status word, as sent ({@code "en-cours"}, {@code "classé sans suite"} ...)
 * @param reason         why it was rejected or failed, or what came of it once completed
 */
public record StatusReport(UUID cardId, TaskStatus status, String businessStatus, String reason) {
}
