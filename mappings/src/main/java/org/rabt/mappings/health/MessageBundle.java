package org.rabt.mappings.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;

/**
 * A FHIR message Bundle with its entries indexed by {@code fullUrl}, so that references between
 * entries resolve the way FHIR's bundle resolution rules say: a reference equal to an entry's
 * {@code fullUrl} ({@code urn:uuid:...} or absolute), or a relative {@code Type/id} that ends one.
 */
final class MessageBundle {

    private final Bundle bundle;
    private final Map<String, Resource> byFullUrl = new HashMap<>();

    private MessageBundle(Bundle bundle) {
        this.bundle = bundle;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.hasFullUrl() && entry.hasResource()) {
                byFullUrl.putIfAbsent(entry.getFullUrl(), entry.getResource());
            }
        }
    }

    /**
     * Checks the shape every linkage card has (a message Bundle opening with its MessageHeader).
     * Cheap, so it runs before the costly validation; a violation is {@link MappingError#INVALID_FHIR}.
     */
    static MessageBundle of(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            String actual = bundle.hasType() ? bundle.getType().toCode() : "absent";
            throw new MappingException(MappingError.INVALID_FHIR, "Bundle.type",
                    "Bundle.type must be 'message' (a linkage card is a FHIR message), it is " + actual);
        }
        if (!bundle.hasEntry() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader)) {
            throw new MappingException(MappingError.INVALID_FHIR, "Bundle.entry[0]",
                    "Bundle.entry[0] must hold the MessageHeader: FHIR messages start with it");
        }
        return new MessageBundle(bundle);
    }

    Bundle bundle() {
        return bundle;
    }

    MessageHeader messageHeader() {
        return (MessageHeader) bundle.getEntryFirstRep().getResource();
    }

    /** The entry {@code reference} (at {@code field}) points to; MISSING_ELEMENT if absent or dangling. */
    <T extends Resource> T require(Reference reference, Class<T> type, String field) {
        if (reference == null || !reference.hasReference()) {
            throw MappingException.missing(field);
        }
        return optional(reference, type, field).orElseThrow();
    }

    /**
     * The entry {@code reference} points to, or empty when there is no reference at all. A
     * reference that leads nowhere is MISSING_ELEMENT (naming the missing entry), one that leads to
     * another type of resource INVALID_VALUE.
     */
    <T extends Resource> Optional<T> optional(Reference reference, Class<T> type, String field) {
        Optional<Resource> target = resolve(reference, type.getSimpleName(), field);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (!type.isInstance(target.get())) {
            throw MappingException.invalid(field, "refers to a " + target.get().fhirType() + ", a "
                    + type.getSimpleName() + " is expected");
        }
        return Optional.of(type.cast(target.get()));
    }

    /** Like {@link #optional} for a reference that may lead to any type of resource. */
    Optional<Resource> any(Reference reference, String field) {
        return resolve(reference, "Resource", field);
    }

    /** Every entry holding a resource of {@code type}, in Bundle order. */
    <T extends Resource> List<T> all(Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private Optional<Resource> resolve(Reference reference, String expectedType, String field) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String target = reference.getReference();
        Resource exact = byFullUrl.get(target);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (!target.contains(":")) {
            for (Map.Entry<String, Resource> entry : byFullUrl.entrySet()) {
                if (entry.getKey().endsWith("/" + target)) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        String missingEntry = "Bundle.entry[" + expectedType + "]";
        throw new MappingException(MappingError.MISSING_ELEMENT, missingEntry,
                missingEntry + " is required and is missing: " + field + " refers to '" + target
                        + "' and no entry of the Bundle has that fullUrl");
    }
}
