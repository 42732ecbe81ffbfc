package org.rabt.mappings.health;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A card addressed to health, as HAPI resources ready for the health system: the same referral
 * as a {@code transaction} Bundle to create on the health system's FHIR server (what
 * {@code HealthFormat.fromCpm} writes) and as a message Bundle of the profile (what
 * {@code HealthFormat.messageBundle} writes). Resources are mutable HAPI objects: one instance per
 * card, not shared.
 *
 * @param message        the message Bundle (MessageHeader, Task, ServiceRequest, Patient,
 *                       Organizations, DocumentReferences, Consent), with the card's own status
 * @param transaction    the referral to create: every entry a conditional create
 *                       ({@code ifNoneExist} on an identifier), so posting it twice creates nothing twice;
 *                       its Task starts {@code requested}
 * @param task           the transaction's Task: {@code for} and {@code focus} refer to the Patient and
 *                       ServiceRequest entries by their {@code urn:uuid:} fullUrls
 * @param serviceRequest the transaction's ServiceRequest
 * @param patient        the transaction's Patient, created only if none has the hub's pseudonym
 */
public record HealthReferral(Bundle message, Bundle transaction, Task task, ServiceRequest serviceRequest,
                             Patient patient) {
}
