package org.rabt.mappings.health;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Coded;

/**
 * Small readers of FHIR values that fail with a coded {@link MappingException} naming the field.
 *
 * <p>Several checks repeat constraints of the CPM schema (lengths, patterns) on purpose: a sender
 * must be told which FHIR element is wrong, not which CPM property the hub failed to fill.
 */
final class FhirValues {

    private static final Pattern URN_UUID = Pattern.compile(
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PROVINCE = Pattern.compile("MA-[0-9A-Z]{2,3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{6,20}");
    /** Separators people type in phone numbers; the CPM keeps digits, spaces and a leading '+'. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[-.()/]");

    private FhirValues() {
    }

    /** A coding found in a CodeableConcept, with its location for error messages. */
    record FoundCoding(Coding coding, String path) {

        /** The code, or MISSING_ELEMENT naming {@code <path>.code}. */
        String code() {
            if (!coding.hasCode()) {
                throw MappingException.missing(path + ".code");
            }
            return coding.getCode();
        }

        <E extends Enum<E> & Coded> E as(Class<E> type) {
            return Coded.parse(type, code(), path + ".code");
        }
    }

    /** The first coding of {@code system} in {@code concept} (whose location is {@code path}). */
    static Optional<FoundCoding> coding(CodeableConcept concept, String system, String path) {
        List<Coding> codings = concept.getCoding();
        for (int i = 0; i < codings.size(); i++) {
            if (system.equals(codings.get(i).getSystem())) {
                return Optional.of(new FoundCoding(codings.get(i), path + ".coding[" + i + "]"));
            }
        }
        return Optional.empty();
    }

    /** The first coding of {@code system} in any of {@code concepts} (whose location is {@code path}). */
    static Optional<FoundCoding> coding(List<CodeableConcept> concepts, String system, String path) {
        for (int i = 0; i < concepts.size(); i++) {
            Optional<FoundCoding> found = coding(concepts.get(i), system, path + "[" + i + "]");
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The first coding of {@code system} in a plain list of codings (e.g. {@code Bundle.meta.security}). */
    static Optional<FoundCoding> codingIn(List<Coding> codings, String system, String path) {
        for (int i = 0; i < codings.size(); i++) {
            if (system.equals(codings.get(i).getSystem())) {
                return Optional.of(new FoundCoding(codings.get(i), path + "[" + i + "]"));
            }
        }
        return Optional.empty();
    }

    /** MISSING_ELEMENT with a hint on what is expected there. */
    static MappingException missing(String field, String hint) {
        return new MappingException(MappingError.MISSING_ELEMENT, field,
                field + " is required and is missing: " + hint);
    }

    /** The trimmed text, {@code null} when blank; INVALID_VALUE when longer than {@code max}. */
    static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw MappingException.invalid(field, "is " + trimmed.length() + " characters long, at most " + max
                    + " are accepted");
        }
        return trimmed;
    }

    /** The UUID of a {@code urn:uuid:} value, in lower case. */
    static UUID urnUuid(String value, String field) {
        if (value == null || !URN_UUID.matcher(value).matches()) {
            throw MappingException.invalid(field, "'" + value + "' is not a urn:uuid:<UUID>");
        }
        return UUID.fromString(value.substring("urn:uuid:".length()));
    }

    static String province(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!PROVINCE.matcher(code).matches()) {
            throw MappingException.invalid(field, "'" + code + "' is not an ISO 3166-2:MA province code such as MA-TNG");
        }
        return code;
    }

    /** A phone number with the usual separators removed, e.g. {@code +212 6-61.23.45.78} becomes {@code +212 661234578}. */
    static String phone(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = PHONE_SEPARATORS.matcher(value.strip()).replaceAll("");
        if (!PHONE.matcher(phone).matches()) {
            throw MappingException.invalid(field, "'" + value + "' is not a phone number (digits and spaces,"
                    + " optionally a leading +, 6 to 20 characters)");
        }
        return phone;
    }

    /**
     * An instant from a FHIR dateTime or instant. A date without a time is read as the start of
     * that day in UTC, so that the result never depends on the hub's time zone.
     */
    static Instant instant(BaseDateTimeType value, String field) {
        if (value == null || !value.hasValue()) {
            throw MappingException.missing(field);
        }
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw MappingException.invalid(field, "'" + value.getValueAsString() + "' is not a full date or time");
        }
        String text = value.getValueAsString();
        if (value.getPrecision() == TemporalPrecisionEnum.DAY) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(field, "'" + text + "' is not a time with a time zone");
        }
    }

    /** The calendar date of a FHIR date or dateTime as written by the sender (no time-zone shift). */
    static LocalDate date(BaseDateTimeType value, String field) {
        if (value == null || !value.hasValue()) {
            throw MappingException.missing(field);
        }
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw MappingException.invalid(field, "'" + value.getValueAsString() + "' is not a full date");
        }
        return LocalDate.parse(value.getValueAsString().substring(0, "yyyy-MM-dd".length()));
    }

    /** The one extension with {@code url} among {@code extensions}, if any; INVALID_VALUE if repeated. */
    static Optional<Extension> extension(List<Extension> extensions, String url, String field) {
        List<Extension> matching = extensions.stream().filter(e -> url.equals(e.getUrl())).toList();
        if (matching.size() > 1) {
            throw MappingException.invalid(field, "appears " + matching.size() + " times, at most once is accepted");
        }
        return matching.stream().findFirst();
    }

    static Optional<String> extensionCode(List<Extension> extensions, String url, String field) {
        return extension(extensions, url, field).map(e -> {
            if (!(e.getValue() instanceof CodeType code) || !code.hasValue()) {
                throw MappingException.invalid(field, "must carry a valueCode");
            }
            return code.getValue();
        });
    }

    static Optional<Boolean> extensionBoolean(List<Extension> extensions, String url, String field) {
        return extension(extensions, url, field).map(e -> {
            if (!(e.getValue() instanceof BooleanType flag) || !flag.hasValue()) {
                throw MappingException.invalid(field, "must carry a valueBoolean");
            }
            return flag.getValue();
        });
    }

    static Optional<String> extensionString(List<Extension> extensions, String url, String field) {
        return extension(extensions, url, field).map(e -> {
            if (!(e.getValue() instanceof StringType string) || !string.hasValue()) {
                throw MappingException.invalid(field, "must carry a valueString");
            }
            return string.getValue();
        });
    }
}
