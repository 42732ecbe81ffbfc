package org.rabt.config.audit;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.rabt.security.audit.AuditRecord;

/**
 * Audit entries as FHIR R4 {@code AuditEvent} resources, in the spirit of IHE Basic Audit Log
 * Patterns: type "rest"/transmit, the actor as agent (requestor for a sector, the hub for its own
 * steps), the card and the child's pseudonym as entities, the chain's hashes as extensions of
 * nothing — they travel as the entry's identifier ({@code seq}) and the entity's query-free
 * description, so a FHIR reader can match an event to the chain.
 */
final class AuditEvents {

    private static final String SYSTEM = "https://rabt.ma/fhir/CodeSystem/audit-action";

    private AuditEvents() {
    }

    static byte[] bundle(List<AuditRecord> entries) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(entries.size());
        for (AuditRecord entry : entries) {
            bundle.addEntry().setResource(event(entry));
        }
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    }

    static AuditEvent event(AuditRecord entry) {
        AuditEvent event = new AuditEvent();
        event.setId("rabt-audit-" + entry.seq());
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        event.addSubtype(new Coding(SYSTEM, entry.action(), null));
        event.setAction(entry.action().startsWith("status-") ? AuditEvent.AuditEventAction.U : AuditEvent.AuditEventAction.C);
        event.setRecorded(Date.from(entry.at()));
        event.setOutcome("success".equals(entry.outcome()) ? AuditEvent.AuditEventOutcome._0
                : AuditEvent.AuditEventOutcome._8);
        if (entry.errorCode() != null) {
            event.setOutcomeDesc(entry.errorCode());
        }
        AuditEvent.AuditEventAgentComponent agent = event.addAgent();
        agent.setRequestor(!"hub".equals(entry.role()));
        agent.setWho(new Reference().setIdentifier(new Identifier().setSystem("https://rabt.ma/fhir/sid/actor")
                .setValue(entry.actor())).setDisplay(entry.sector()));
        event.setSource(new AuditEvent.AuditEventSourceComponent()
                .setObserver(new Reference().setDisplay("Rabt hub")).setSite("rabt"));
        if (entry.cardId() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier()
                    .setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + entry.cardId())))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                    .setDescription("seq " + entry.seq() + " hash " + entry.hash()
                            + (entry.payloadSha256() == null ? "" : " payload-sha256 " + entry.payloadSha256()));
        }
        if (entry.childPseudonym() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier()
                    .setSystem("https://rabt.ma/fhir/sid/pseudonym").setValue(entry.childPseudonym())))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
        }
        return event;
    }
}
