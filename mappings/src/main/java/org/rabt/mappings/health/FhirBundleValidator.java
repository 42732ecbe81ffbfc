package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.UrlType;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;

/**
 * Validates a resource against base FHIR R4 (cardinality, data types, invariants, required
 * bindings) with HAPI's instance validator. Only errors reject: the hub's own code systems and
 * extensions are unknown to base R4 and yield warnings, which are ignored on purpose.
 *
 * <p>Thread-safe; build one per application and share it. The first validation loads the R4
 * definitions (about ten seconds), so call {@link #warmUp()} in the background at start-up.
 */
public final class FhirBundleValidator {

    private static final Pattern RESOURCE_COMMENT = Pattern.compile("/\\*(\\w+)/[^*]*\\*/");

    private final FhirValidator validator;

    public FhirBundleValidator(FhirContext r4) {
        Objects.requireNonNull(r4, "r4");
        if (r4.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("an R4 FhirContext is required, not " + r4.getVersion().getVersion());
        }
        // No remote terminology service in the chain: validation never leaves the process.
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(r4),
                new InMemoryTerminologyServerValidationSupport(r4),
                new CommonCodeSystemsTerminologyService(r4),
                new SnapshotGeneratingValidationSupport(r4));
        this.validator = r4.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /**
     * Throws {@link MappingError#INVALID_FHIR} naming the location of the first error; warnings
     * and information messages are ignored.
     */
    public void validate(IBaseResource resource) {
        Objects.requireNonNull(resource, "resource");
        ValidationResult result = validator.validateWithResult(resource);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(FhirBundleValidator::isError)
                .toList();
        if (errors.isEmpty()) {
            return;
        }
        SingleValidationMessage first = errors.get(0);
        String location = readableLocation(first.getLocationString());
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        throw new MappingException(MappingError.INVALID_FHIR, location,
                location + ": " + first.getMessage() + more);
    }

    /**
     * Validates a small built-in message Bundle once, so that the R4 definitions are loaded
     * before the first card arrives. Throws like {@link #validate} if that bundle were invalid
     * (a defect of this class, not of any sender).
     */
    public void warmUp() {
        validate(warmUpBundle());
    }

    private static boolean isError(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
    }

    /** The smallest message Bundle that exercises the Bundle and MessageHeader definitions. */
    private Bundle warmUpBundle() {
        MessageHeader header = new MessageHeader()
                .setEvent(new Coding("https://rabt.ma/fhir/CodeSystem/card-type", "linkage", null))
                .setSource(new MessageHeader.MessageSourceComponent(new UrlType("urn:rabt:sector:health")));
        header.addDestination().setEndpoint("urn:rabt:sector:centre");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:3f0c4f57-7a8e-4b1a-9d55-0c6f1e2b9a10");
        bundle.setTimestampElement(new InstantType("2026-01-01T00:00:00Z"));
        bundle.addEntry().setFullUrl("urn:uuid:a1d2c3b4-5e6f-4a7b-8c9d-0e1f2a3b4c5d").setResource(header);
        return bundle;
    }

    /**
     * The validator names an entry's resource type in a FHIRPath comment after {@code resource}
     * (slash, star, {@code Task/id}, star, slash); {@code resource.ofType(Task)} says the same and
     * reads better in an error message.
     */
    static String readableLocation(String location) {
        if (location == null) {
            return null;
        }
        return RESOURCE_COMMENT.matcher(location).replaceAll(".ofType($1)");
    }
}
