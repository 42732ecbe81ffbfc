package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.missing;
import static org.rabt.mappings.health.FhirValues.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.Setting;

/**
 * What is asked and why, from the ServiceRequest: the requested service, the pathway stage, the
 * concerns (forms of harm) and the supporting documents.
 */
final class ServiceRequestMapping {

    static final String SERVICE_REQUEST = "Bundle.entry[ServiceRequest]";

    private ServiceRequestMapping() {
    }

    /** The ServiceRequest must be an order about the same child as the Task. */
    static void requireConsistent(MessageBundle message, ServiceRequest request, Patient child) {
        if (request.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER) {
            String actual = request.hasIntent() ? request.getIntent().toCode() : "absent";
            throw MappingException.invalid(SERVICE_REQUEST + ".intent",
                    "must be 'order' (a linkage card asks the receiver to act), it is " + actual);
        }
        Patient subject = message.require(request.getSubject(), Patient.class, SERVICE_REQUEST + ".subject");
        if (subject != child) {
            throw MappingException.invalid(SERVICE_REQUEST + ".subject", "must refer to the same Patient as Task.for");
        }
    }

    static Pathway pathway(ServiceRequest request) {
        String field = SERVICE_REQUEST + ".category";
        FhirValues.FoundCoding stage = FhirValues.coding(request.getCategory(), RabtFhir.PATHWAY_STAGE, field)
                .orElseThrow(() -> missing(field, "a coding from " + RabtFhir.PATHWAY_STAGE + " (1 to 6)"));
        String code = stage.code();
        if (!code.matches("[1-6]")) {
            throw MappingException.invalid(stage.path() + ".code", "'" + code + "' is not a stage of the pathway (1 to 6)");
        }
        EntryChannel channel = FhirValues.coding(request.getCategory(), RabtFhir.ENTRY_CHANNEL, field)
                .map(found -> found.as(EntryChannel.class))
                .orElse(null);
        return new Pathway(PathwayStage.of(Integer.parseInt(code)), channel);
    }

    /** Each reasonCode is one concern; a reasonCode without a concern coding is rejected, not dropped. */
    static List<Concern> concerns(ServiceRequest request) {
        List<Concern> concerns = new ArrayList<>();
        List<CodeableConcept> reasons = request.getReasonCode();
        for (int i = 0; i < reasons.size(); i++) {
            concerns.add(concern(reasons.get(i), SERVICE_REQUEST + ".reasonCode[" + i + "]"));
        }
        return concerns;
    }

    private static Concern concern(CodeableConcept reason, String field) {
        ConcernCode code = FhirValues.coding(reason, RabtFhir.CONCERN, field)
                .orElseThrow(() -> missing(field + ".coding", "a coding from " + RabtFhir.CONCERN))
                .as(ConcernCode.class);
        var extensions = reason.getExtension();
        String certaintyField = field + ".extension[concern-certainty]";
        Certainty certainty = FhirValues.extensionCode(extensions, RabtFhir.EXT_CONCERN_CERTAINTY, certaintyField)
                .map(value -> Coded.parse(Certainty.class, value, certaintyField))
                .orElseThrow(() -> missing(certaintyField, "suspected or confirmed"));
        String settingField = field + ".extension[concern-setting]";
        Setting setting = FhirValues.extensionCode(extensions, RabtFhir.EXT_CONCERN_SETTING, settingField)
                .map(value -> Coded.parse(Setting.class, value, settingField))
                .orElse(null);
        String riskField = field + ".extension[concern-risk]";
        RiskLevel risk = FhirValues.extensionCode(extensions, RabtFhir.EXT_CONCERN_RISK, riskField)
                .map(value -> Coded.parse(RiskLevel.class, value, riskField))
                .orElse(null);
        boolean emergency = FhirValues.extensionBoolean(extensions, RabtFhir.EXT_CONCERN_EMERGENCY,
                field + ".extension[concern-emergency]").orElse(false);
        return new Concern(code, certainty, setting, risk, emergency);
    }

    /**
     * The one service asked of the receiver. Its target is the card's receiver, with the
     * performer's name when the ServiceRequest names a performing Organization.
     */
    static RequestedService requestedService(MessageBundle message, ServiceRequest request, Header header) {
        String field = SERVICE_REQUEST + ".code";
        if (!request.hasCode()) {
            throw missing(field, "a coding from " + RabtFhir.SERVICE);
        }
        FhirValues.FoundCoding service = FhirValues.coding(request.getCode(), RabtFhir.SERVICE, field)
                .orElseThrow(() -> missing(field + ".coding", "a coding from " + RabtFhir.SERVICE));
        String serviceCode = service.code();
        if (!serviceCode.matches("[a-z0-9-]{2,64}")) {
            throw MappingException.invalid(service.path() + ".code", "'" + serviceCode
                    + "' is not a service code (2 to 64 lower-case letters, digits and hyphens)");
        }
        String reason = request.hasNote()
                ? text(request.getNote().get(0).getText(), 2000, SERVICE_REQUEST + ".note[0].text")
                : null;
        return new RequestedService(serviceCode, target(message, request, header.receiver()), reason,
                dueDate(request).orElse(header.dueBy()));
    }

    private static Party target(MessageBundle message, ServiceRequest request, Party receiver) {
        if (!request.hasPerformer()) {
            return receiver;
        }
        Optional<Organization> performer = message.optional(request.getPerformer().get(0), Organization.class,
                SERVICE_REQUEST + ".performer[0]");
        String name = performer.map(o -> text(o.getName(), 200, "Bundle.entry[Organization].name")).orElse(null);
        return name == null ? receiver
                : new Party(receiver.sector(), name, receiver.service(), receiver.provinceCode());
    }

    private static Optional<LocalDate> dueDate(ServiceRequest request) {
        if (!(request.getOccurrence() instanceof Period period) || !period.hasEnd()) {
            return Optional.empty();
        }
        return Optional.of(FhirValues.date(period.getEndElement(), SERVICE_REQUEST + ".occurrencePeriod.end"));
    }

    /**
     * The DocumentReferences among supportingInfo. Other supporting resources (the Consent, an
     * Observation) are not attachments; the Consent is mapped on its own.
     */
    static List<Attachment> attachments(MessageBundle message, ServiceRequest request) {
        List<Attachment> attachments = new ArrayList<>();
        List<Reference> supportingInfo = request.getSupportingInfo();
        for (int i = 0; i < supportingInfo.size(); i++) {
            Optional<Resource> supporting = message.any(supportingInfo.get(i),
                    SERVICE_REQUEST + ".supportingInfo[" + i + "]");
            if (supporting.isPresent() && supporting.get() instanceof DocumentReference document) {
                attachments.add(DocumentMapping.attachment(document));
            }
        }
        return attachments;
    }
}
