package org.rabt.config.directory;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR search semantics over the directory's resources, in memory: a string matches from its
 * start, ignoring case and accents ({@code :contains} anywhere, {@code :exact} exactly); a token
 * is {@code code} or {@code system|code}; an absent parameter matches everything.
 */
final class FhirMatch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private FhirMatch() {
    }

    static boolean string(StringParam param, List<String> values) {
        if (param == null || param.getValue() == null) {
            return true;
        }
        if (param.isExact()) {
            return values.stream().anyMatch(param.getValue()::equals);
        }
        String wanted = normalise(param.getValue());
        return values.stream().filter(Objects::nonNull).map(FhirMatch::normalise)
                .anyMatch(value -> param.isContains() ? value.contains(wanted) : value.startsWith(wanted));
    }

    static boolean id(TokenParam param, Resource resource) {
        return param == null || param.getValue() == null
                || param.getValue().equals(resource.getIdElement().getIdPart());
    }

    static boolean codings(TokenParam param, List<Coding> codings) {
        if (param == null || param.getValue() == null) {
            return true;
        }
        return codings.stream().anyMatch(coding -> param.getValue().equals(coding.getCode())
                && (param.getSystem() == null || param.getSystem().equals(coding.getSystem())));
    }

    static boolean concepts(TokenParam param, List<CodeableConcept> concepts) {
        return codings(param, concepts.stream().flatMap(c -> c.getCoding().stream()).toList());
    }

    static boolean identifiers(TokenParam param, List<Identifier> identifiers) {
        if (param == null || param.getValue() == null) {
            return true;
        }
        return identifiers.stream().anyMatch(identifier -> param.getValue().equals(identifier.getValue())
                && (param.getSystem() == null || param.getSystem().equals(identifier.getSystem())));
    }

    /** {@code Organization/x} or plain {@code x} against a reference to {@code Organization/x}. */
    static boolean reference(ReferenceParam param, String resourceType, Reference reference) {
        if (param == null || param.getIdPart() == null) {
            return true;
        }
        if (param.getResourceType() != null && !resourceType.equals(param.getResourceType())) {
            return false;
        }
        return (resourceType + "/" + param.getIdPart()).equals(reference.getReference());
    }

    /** A resource by its logical id, as a fresh copy: HAPI resources are mutable. */
    static <T extends Resource> T copyOf(Map<String, T> resources, String id) {
        T resource = resources.get(id);
        @SuppressWarnings("unchecked")
        T copy = resource == null ? null : (T) resource.copy();
        return copy;
    }

    private static String normalise(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
