package org.rabt.mappings.forces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The police and gendarmerie examples of the class path, read as bytes or as JSON trees. */
public final class ForcesExamples {

    public static final String TANGIER_BEGGING = "/police/examples/signalement-mendicite-port-tanger.json";
    public static final String SALE_VIOLENCE = "/police/examples/signalement-violence-sale.json";
    public static final String CASABLANCA_TO_GENDARMERIE = "/police/examples/liaison-recherche-famille-gendarmerie.json";
    public static final String POLICE_FAMILY_FOUND = "/police/examples/statut-famille-localisee.json";
    public static final String POLICE_NOT_COMPETENT = "/police/examples/statut-hors-competence.json";

    public static final String MEKNES_DOMESTIC_WORK = "/gendarmerie/examples/liaison-travail-domestique-meknes.json";
    public static final String HAD_GHARBIA_RUNAWAY = "/gendarmerie/examples/signalement-fugue-had-gharbia.json";
    public static final String HAD_GHARBIA_TO_POLICE = "/gendarmerie/examples/liaison-fugue-vers-police-tanger.json";
    public static final String GENDARMERIE_SENT_TO_PROSECUTOR = "/gendarmerie/examples/statut-transmis-au-parquet.json";
    public static final String GENDARMERIE_SEARCHING = "/gendarmerie/examples/statut-recherches-en-cours.json";

    /** A pseudonym as the hub would set it, for CPM schema validation. */
    public static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private ForcesExamples() {
    }

    public static byte[] resource(String path) {
        try (InputStream in = ForcesExamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode tree(String path) {
        return (ObjectNode) JSON.readTree(resource(path));
    }

    public static ObjectNode tree(byte[] json) {
        return (ObjectNode) JSON.readTree(json);
    }

    /** An example changed by {@code edit}: variants a test states better inline than as a file. */
    public static byte[] edited(String path, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(path);
        edit.accept(tree);
        return JSON.writeValueAsBytes(tree);
    }

    /** The object at {@code pointer} of a tree, to edit it. */
    public static ObjectNode at(JsonNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }
}
