package org.rabt.mappings.education;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The education examples and fixtures of the class path, as bytes and as JSON trees. */
final class EducationExamples {

    /** Cards a school sends (inbound). */
    static final String REPORTING_TANGIER = "carte-envoyee-signalement-tanger.json";
    static final String LINKAGE_SALE = "carte-envoyee-liaison-sale.json";
    /** The card a school receives: {@link CasablancaReintegration} as the hub writes it. */
    static final String RECEIVED_CASABLANCA = "carte-recue-reintegration-casablanca.json";
    static final String STATUS_REINTEGRATED = "statut-eleve-reintegre.json";
    static final String STATUS_REFUSED = "statut-refuse.json";
    static final String BATCH = "lot-absences-2026-11-28.csv";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EducationExamples() {
    }

    /** A file of {@code src/main/resources/education/examples}. */
    static byte[] example(String name) {
        return resource("/education/examples/" + name);
    }

    /** A fixture of {@code src/test/resources/education}. */
    static byte[] fixture(String name) {
        return resource("/education/" + name);
    }

    static JsonNode tree(byte[] json) {
        return JSON.readTree(json);
    }

    /** An example changed by {@code edit}, for variants a test states better inline than as a file. */
    static byte[] edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) tree(example(name));
        edit.accept(tree);
        return JSON.writeValueAsBytes(tree);
    }

    static byte[] resource(String path) {
        try (InputStream in = EducationExamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
