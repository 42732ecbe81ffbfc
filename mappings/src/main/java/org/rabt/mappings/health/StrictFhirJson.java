package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Resource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.json.JsonLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a FHIR JSON body the strict way, for cards and status reports alike: UTF-8, one JSON
 * object with no member repeated, within {@link JsonLimits} and at most {@link #MAX_BUNDLE_ENTRIES}
 * entries, then HAPI's parser with the strict error handler, so that an unknown element or an
 * invalid value is an error and never silently dropped. The limits are checked on a token walk
 * before HAPI builds anything: HAPI's own parser (Jackson 2) has looser defaults.
 */
final class StrictFhirJson {

    /**
     * A card is one referral: a Bundle of a MessageHeader, a Task, a ServiceRequest, a Patient, a
     * Consent and one DocumentReference per document. A hundred entries leave room; ten thousand
     * would make the validator work for minutes.
     */
    static final int MAX_BUNDLE_ENTRIES = 100;

    /** Only to decide whether the body is JSON at all, and within the limits; HAPI does the FHIR parsing. */
    private static final JsonMapper WELL_FORMED = JsonMapper.builder(JsonLimits.factory())
            // two members with one name read differently in different parsers: refuse the ambiguity
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final StrictErrorHandler STRICT = new StrictErrorHandler();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictFhirJson() {
    }

    /**
     * Parses {@code body} as a resource of {@code type}: UNPARSEABLE when it is not UTF-8 JSON,
     * INVALID_FHIR when it is not one JSON object or not valid FHIR R4 of that type.
     */
    static <T extends Resource> T parse(FhirContext r4, byte[] body, Class<T> type) {
        String json = wellFormedJson(body, type.getSimpleName());
        IParser parser = r4.newJsonParser().setParserErrorHandler(STRICT);
        try {
            return parser.parseResource(type, json);
        } catch (DataFormatException e) {
            // HAPI's message carries its stable HAPI-nnnn code: keep it for searching
            throw new MappingException(MappingError.INVALID_FHIR, null, e.getMessage(), e);
        }
    }

    private static String wellFormedJson(byte[] body, String resourceType) {
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
                        "the body must be a JSON object (a FHIR " + resourceType + "), it is a JSON " + kindOf(first));
            }
            walkMembers(tokens);
            if (tokens.nextToken() != null) {
                throw new MappingException(MappingError.UNPARSEABLE, null, "the body is not well-formed JSON: content"
                        + " after the " + resourceType + " object" + location(tokens));
            }
        } catch (StreamConstraintsException e) {
            throw JsonLimits.exceeded(e);
        } catch (JacksonException e) {
            throw new MappingException(MappingError.UNPARSEABLE, null, "the body is not well-formed JSON: "
                    + e.getOriginalMessage() + location(e), e);
        }
        return json;
    }

    /** Reads through the top-level members, counting the elements of {@code entry} on the way. */
    private static void walkMembers(JsonParser tokens) {
        while (tokens.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = tokens.currentName();
            JsonToken value = tokens.nextToken();
            if ("entry".equals(name) && value == JsonToken.START_ARRAY) {
                int entries = 0;
                while (tokens.nextToken() != JsonToken.END_ARRAY) {
                    if (++entries > MAX_BUNDLE_ENTRIES) {
                        throw new MappingException(MappingError.LIMIT_EXCEEDED, "Bundle.entry", "the Bundle has more"
                                + " than " + MAX_BUNDLE_ENTRIES + " entries, the most a card may hold");
                    }
                    readThrough(tokens);
                }
            } else {
                readThrough(tokens);
            }
        }
    }

    /**
     * Reads the current value to its end. Not {@code skipChildren()}: a skipped string is never
     * decoded, so its length would escape {@link JsonLimits#MAX_STRING_LENGTH}.
     */
    private static void readThrough(JsonParser tokens) {
        JsonToken token = tokens.currentToken();
        int open = token != null && token.isStructStart() ? 1 : 0;
        while (true) {
            if (token == JsonToken.VALUE_STRING) {
                tokens.getString();
            }
            if (open == 0) {
                return;
            }
            token = tokens.nextToken();
            if (token == null) {
                return;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
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
}
