package org.rabt.mappings.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sector's JSON format: its JSON Schema (2020-12, formats asserted) and the strict reading and
 * writing every JSON sector shares. Reading refuses what is not UTF-8, repeated members (two
 * parsers could read them differently, and the signature covers the bytes), trailing content and
 * unknown members, and whatever passes {@link JsonLimits} (RABT-M008); writing leaves absent values
 * out. Thread-safe; build one per format.
 */
public final class SectorJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String resource;
    private final Schema schema;

    /** @param schemaResource class-path location of the sector's JSON Schema, e.g. {@code /education/carte-v1.schema.json} */
    public SectorJson(String schemaResource) {
        this.resource = schemaResource;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SectorJson.class.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("sector schema missing from the class path: " + schemaResource);
            }
            this.schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema.initializeValidators();
    }

    /**
     * Reads an inbound document: strict UTF-8 JSON, valid against the sector's schema
     * ({@link MappingError#SECTOR_SCHEMA_VIOLATION} naming the location otherwise), bound to
     * {@code type} (the sector's model, records with the format's member names).
     */
    public <T> T read(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw violation(MappingError.SECTOR_SCHEMA_VIOLATION, errors);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (MappingException e) {
            throw e;
        } catch (JacksonException e) {
            if (e.getCause() instanceof MappingException coded) {
                throw coded;
            }
            throw new MappingException(MappingError.SECTOR_SCHEMA_VIOLATION, e.getPathReference(),
                    "the document does not fit the format: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes an outbound document and checks it against the sector's schema before it leaves: a
     * failure is a defect of the hub ({@link MappingError#OUTBOUND_SCHEMA_VIOLATION}).
     */
    public byte[] write(Object document) {
        JsonNode tree = MAPPER.valueToTree(document);
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            throw violation(MappingError.OUTBOUND_SCHEMA_VIOLATION, errors);
        }
        return MAPPER.writeValueAsBytes(tree);
    }

    /** The mapper every JSON sector reads and writes with. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Strict UTF-8 JSON to a tree: {@link MappingError#UNPARSEABLE} when it is not. */
    public static JsonNode tree(byte[] body) {
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
        try {
            return MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw JsonLimits.exceeded(e);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MappingException(MappingError.UNPARSEABLE, null,
                    "the body is not well-formed JSON: " + e.getOriginalMessage() + where, e);
        }
    }

    private MappingException violation(MappingError error, List<Error> errors) {
        Error first = errors.get(0);
        String location = String.valueOf(first.getInstanceLocation());
        return new MappingException(error, location, location + ": " + first.getMessage()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + " [" + resource + "]");
    }
}
