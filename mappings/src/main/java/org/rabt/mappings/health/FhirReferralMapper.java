package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a linkage card sent by the health sector, a FHIR R4 message Bundle (profile in
 * {@code docs/sectors/health.md}), to the shared child-protection message. The child's pseudonym
 * is left {@code null}: the hub assigns it after mapping.
 *
 * <p>Thread-safe and reusable: parsers are created per call, the FhirContext and the validator
 * are shared.
 */
public final class FhirReferralMapper {

    /** Only to decide whether the body is JSON at all; HAPI does the FHIR parsing. */
    private static final JsonMapper WELL_FORMED = JsonMapper.builder()
            // two members with one name read differently in different parsers: refuse the ambiguity
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final StrictErrorHandler STRICT = new StrictErrorHandler();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

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
        MessageBundle message = MessageBundle.of(parse(wellFormedJson(fhirJson)));
        if (validator != null) {
            validator.validate(message.bundle());
        }
        return map(message);
    }

    private static String wellFormedJson(byte[] body) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is not UTF-8 text", e);
        }
        if (!json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK) {
            json = json.substring(1);
        }
        if (json.isBlank()) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is empty");
        }
        // A token walk, not a tree: it checks syntax and refuses repeated members without
        // building what HAPI is about to build anyway.
        try (JsonParser tokens = WELL_FORMED.createParser(json)) {
            JsonToken first = tokens.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MappingException(MappingError.INVALID_FHIR, null,
                        "the body must be a JSON object (a FHIR Bundle), it is a JSON " + kindOf(first));
            }
            tokens.skipChildren();
            if (tokens.nextToken() != null) {
                throw new MappingException(MappingError.UNPARSEABLE, null,
                        "the body is not well-formed JSON: content after the Bundle object" + location(tokens));
            }
        } catch (JacksonException e) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is not well-formed JSON: "
                    + e.getOriginalMessage() + location(e), e);
        }
        return json;
    }

    private static String kindOf(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> token.name();
        };
    }

    private static String location(JsonParser tokens) {
        var location = tokens.currentLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Strict: an unknown element or an invalid value is an error, never silently dropped. */
    private Bundle parse(String json) {
        IParser parser = r4.newJsonParser().setParserErrorHandler(STRICT);
        try {
            return parser.parseResource(Bundle.class, json);
        } catch (DataFormatException e) {
            // HAPI's message carries its stable HAPI-nnnn code: keep it for searching
            throw new MappingException(MappingError.INVALID_FHIR, null, e.getMessage(), e);
        }
    }

    private static ChildProtectionMessage map(MessageBundle message) {
        MessageHeader messageHeader = message.messageHeader();
        Reference focus = messageHeader.hasFocus() ? messageHeader.getFocus().get(0) : null;
        Task task = message.require(focus, Task.class, HeaderMapping.MESSAGE_HEADER + ".focus");
        Patient patient = message.require(task.getFor(), Patient.class, HeaderMapping.TASK + ".for");
        ServiceRequest request = message.require(task.getFocus(), ServiceRequest.class, HeaderMapping.TASK + ".focus");
        ServiceRequestMapping.requireConsistent(message, request, patient);

        Header header = HeaderMapping.header(message, task);
        PatientMapping.Child child = PatientMapping.child(patient, LocalDate.ofInstant(header.sentAt(), ZoneOffset.UTC));
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
