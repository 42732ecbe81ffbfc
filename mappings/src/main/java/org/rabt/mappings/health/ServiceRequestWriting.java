package org.rabt.mappings.health;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.RequestedService;

/**
 * What is asked of health and why, as the ServiceRequest: the requested service, the pathway,
 * the concerns and the supporting documents. The inverse of {@link ServiceRequestMapping}.
 */
final class ServiceRequestWriting {

    private ServiceRequestWriting() {
    }

    /**
     * @param performer      the organisation expected to act, or {@code null} when it is the receiver as a whole
     * @param supportingInfo the fullUrls of the DocumentReferences, then of the Consent
     */
    static ServiceRequest serviceRequest(ChildProtectionMessage card, RequestedService service, String patientUrl,
                                         Reference requester, Reference performer, List<String> supportingInfo) {
        Header header = card.header();
        ServiceRequest request = new ServiceRequest()
                .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setPriority(HeaderWriting.requestPriority(header.priority()));
        // the card id here too: a resend finds the ServiceRequest it created the first time
        request.addIdentifier(HeaderWriting.cardId(header.messageId()));
        category(request, card.pathway());
        request.setCode(new CodeableConcept(new Coding(RabtFhir.SERVICE, service.serviceCode(), null)));
        request.setSubject(new Reference(patientUrl));
        if (service.dueDate() != null) {
            request.setOccurrence(new Period().setEndElement(HeaderWriting.date(service.dueDate())));
        }
        request.setAuthoredOnElement(HeaderWriting.dateTime(header.sentAt()));
        if (requester != null) {
            request.setRequester(requester);
        }
        if (performer != null) {
            request.addPerformer(performer);
        }
        card.concerns().forEach(concern -> request.addReasonCode(reason(concern)));
        supportingInfo.forEach(url -> request.addSupportingInfo(new Reference(url)));
        if (service.reason() != null) {
            request.addNote().setText(service.reason());
        }
        return request;
    }

    private static void category(ServiceRequest request, Pathway pathway) {
        request.addCategory(new CodeableConcept(new Coding(RabtFhir.PATHWAY_STAGE,
                String.valueOf(pathway.stage().number()), null)));
        if (pathway.entryChannel() != null) {
            request.addCategory(new CodeableConcept(new Coding(RabtFhir.ENTRY_CHANNEL, pathway.entryChannel().code(),
                    null)));
        }
    }

    /** One concern: the code with its French label, and its qualifiers as the profile's extensions. */
    private static CodeableConcept reason(Concern concern) {
        CodeableConcept reason = new CodeableConcept(new Coding(RabtFhir.CONCERN, concern.code().code(),
                concern.code().french()));
        reason.addExtension(RabtFhir.EXT_CONCERN_CERTAINTY, new CodeType(concern.certainty().code()));
        if (concern.setting() != null) {
            reason.addExtension(RabtFhir.EXT_CONCERN_SETTING, new CodeType(concern.setting().code()));
        }
        if (concern.riskLevel() != null) {
            reason.addExtension(RabtFhir.EXT_CONCERN_RISK, new CodeType(concern.riskLevel().code()));
        }
        reason.addExtension(RabtFhir.EXT_CONCERN_EMERGENCY, new BooleanType(concern.emergency()));
        return reason;
    }
}
