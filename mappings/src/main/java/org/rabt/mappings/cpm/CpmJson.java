package org.rabt.mappings.cpm;

import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CPM's JSON form: ISO-8601 dates, codes as strings, absent values left out. */
public final class CpmJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CpmJson() {
    }

    public static String write(ChildProtectionMessage message) {
        return MAPPER.writeValueAsString(message);
    }

    /** The message as a JSON tree, e.g. to validate it and then write it without parsing it back. */
    public static JsonNode tree(ChildProtectionMessage message) {
        return MAPPER.valueToTree(message);
    }

    public static String write(JsonNode tree) {
        return MAPPER.writeValueAsString(tree);
    }

    public static byte[] writeBytes(ChildProtectionMessage message) {
        return MAPPER.writeValueAsBytes(message);
    }

    public static ChildProtectionMessage read(String json) {
        try {
            return MAPPER.readValue(json, ChildProtectionMessage.class);
        } catch (MappingException e) {
            throw e;
        } catch (JacksonException e) {
            if (e.getCause() instanceof MappingException coded) {
                throw coded;
            }
            throw new MappingException(MappingError.UNPARSEABLE, e.getPathReference(),
                    "not a CPM message: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper used for CPM JSON, for code that needs a tree view (e.g. schema validation). */
    static JsonMapper mapper() {
        return MAPPER;
    }
}
