package org.rabt.mappings.cpm;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import tools.jackson.databind.JsonNode;

/**
 * Validation of CPM JSON against {@code cpm/cpm-v1.schema.json} (JSON Schema 2020-12, formats
 * asserted). Thread-safe; build one and share it, loading the schema is the costly part.
 */
public final class CpmSchema {

    public static final String RESOURCE = "/cpm/cpm-v1.schema.json";

    private final Schema schema;

    public CpmSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = CpmSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("CPM schema missing from the class path: " + RESOURCE);
            }
            this.schema = registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema.initializeValidators();
    }

    /** Throws a {@link MappingError#CPM_SCHEMA_VIOLATION} naming the first offending location. */
    public void validate(String cpmJson) {
        report(schema.validate(cpmJson, InputFormat.JSON));
    }

    private static void report(List<Error> errors) {
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String location = String.valueOf(first.getInstanceLocation());
            throw new MappingException(MappingError.CPM_SCHEMA_VIOLATION, location,
                    location + ": " + first.getMessage()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
    }

    /** Validates a message already in tree form (saves parsing the JSON text again). */
    public void validate(JsonNode cpmTree) {
        report(schema.validate(cpmTree));
    }

    public void validate(ChildProtectionMessage message) {
        validate(CpmJson.tree(message));
    }
}
