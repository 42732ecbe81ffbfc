package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.SectorId;

/**
 * Maps a linkage card sent by the health sector, a FHIR R4 message Bundle (profile in
 * {@code docs/sectors/health.md}), to the shared child-protection message. The child's pseudonym
 * is left {@code null}: the hub assigns it after mapping.
 *
 * <p>Thread-safe and reusable: parsers are created per call, the FhirContext and the validator
 * are shared.
 */
public final class FhirReferralMapper {

    private final FhirContext r4;
    /** {@code null}: no instance validation, only the strict parse and the profile's own checks. */
    private final FhirBundleValidator validator;

    /**
     * A mapper without the instance validator: HAPI's strict parser still refuses unknown
     * elements, wrong types and codes outside the bindings it knows, and the profile checks every
     * element the mapping relies on; cardinality and invariants of elements the hub does not read
     * are not checked.
     */
    public FhirReferralMapper(FhirContext r4) {
        this(r4, null);
    }

    /**
     * @param validator HAPI's instance validator, to validate each Bundle against base R4 before
     *                  mapping (costly: tens of milliseconds and hundreds of MB of definitions), or
     *                  {@code null} for the strict parse and the profile's checks only
     */
    public FhirReferralMapper(FhirContext r4, FhirBundleValidator validator) {
        Objects.requireNonNull(r4, "r4");
        if (r4.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("an R4 FhirContext is required, not " + r4.getVersion().getVersion());
        }
        this.r4 = r4;
        this.validator = validator;
    }

    /**
     * Parses, validates against base FHIR R4, and maps. Fails with a coded
     * {@link MappingException}: UNPARSEABLE (not JSON), INVALID_FHIR (not valid FHIR R4, or not a
     * message Bundle), MISSING_ELEMENT or INVALID_VALUE (valid FHIR that breaks the profile),
     * each naming the field where it can.
     */
    public ChildProtectionMessage toCpm(byte[] fhirJson) {
        Objects.requireNonNull(fhirJson, "fhirJson");
        MessageBundle message = MessageBundle.of(StrictFhirJson.parse(r4, fhirJson, Bundle.class));
        if (validator != null) {
            validator.validate(message.bundle());
        }
        return map(message, Expectations.INBOUND);
    }

    /**
     * What the profile expects of a Bundle beyond its shape: the sector that sent it, and whether
     * the Patient must carry a name or an identifier the hub can link on.
     *
     * @param sender         the only sector {@code MessageHeader.source.endpoint} may name
     * @param childIdentified whether a Patient without name and without identifier is refused
     */
    record Expectations(SectorId sender, boolean childIdentified) {

        /** A card health sends: from health, about a child the hub can link. */
        static final Expectations INBOUND = new Expectations(SectorId.HEALTH, true);

        /**
         * A card the hub writes for health: from the card's sender; the Patient may be known only
         * by the hub's pseudonym (an anonymous report from the free line, for instance).
         */
        static Expectations outbound(SectorId sender) {
            return new Expectations(sender, false);
        }
    }

    /**
     * Reads a Bundle the hub wrote for health back through the profile, so that the writer can
     * check it sends nothing the profile would refuse. Strict parse, no instance validation.
     */
    ChildProtectionMessage readBack(byte[] fhirJson, Expectations expectations) {
        return map(MessageBundle.of(StrictFhirJson.parse(r4, fhirJson, Bundle.class)), expectations);
    }

    private static ChildProtectionMessage map(MessageBundle message, Expectations expectations) {
        MessageHeader messageHeader = message.messageHeader();
        Reference focus = messageHeader.hasFocus() ? messageHeader.getFocus().get(0) : null;
        Task task = message.require(focus, Task.class, HeaderMapping.MESSAGE_HEADER + ".focus");
        Patient patient = message.require(task.getFor(), Patient.class, HeaderMapping.TASK + ".for");
        ServiceRequest request = message.require(task.getFocus(), ServiceRequest.class, HeaderMapping.TASK + ".focus");
        ServiceRequestMapping.requireConsistent(message, request, patient);

        Header header = HeaderMapping.header(message, task, expectations.sender());
        PatientMapping.Child child = PatientMapping.child(patient, LocalDate.ofInstant(header.sentAt(), ZoneOffset.UTC),
                expectations.childIdentified());
        return new ChildProtectionMessage(
                header,
                child.shared(),
                child.identity(),
                ServiceRequestMapping.concerns(request),
                ServiceRequestMapping.pathway(request),
                List.of(ServiceRequestMapping.requestedService(message, request, header)),
                ConsentMapping.consent(message, header.legalBasis(), patient),
                ServiceRequestMapping.attachments(message, request),
                HeaderMapping.status(task));
    }
}
