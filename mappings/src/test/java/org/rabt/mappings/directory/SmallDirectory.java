package org.rabt.mappings.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test directory {@code src/test/resources/directory/small-directory.json}: three Tangier
 * services (UIPC, parquet, police and gendarmerie), Salé's education directorate and the national
 * free line; and variants of it edited inline.
 */
final class SmallDirectory {

    static final String RESOURCE = "/directory/small-directory.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SmallDirectory() {
    }

    static byte[] bytes() {
        try (InputStream in = SmallDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Directory read() {
        return new DirectoryJson().read(bytes());
    }

    /** The file changed by {@code edit}. */
    static byte[] edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) JSON.readTree(bytes());
        edit.accept(tree);
        return JSON.writeValueAsBytes(tree);
    }

    /** The {@code i}-th organisation of a tree being edited. */
    static ObjectNode organisation(ObjectNode tree, int i) {
        return (ObjectNode) tree.get("organisations").get(i);
    }

    /** The {@code j}-th service of the {@code i}-th organisation of a tree being edited. */
    static ObjectNode service(ObjectNode tree, int i, int j) {
        return (ObjectNode) organisation(tree, i).get("services").get(j);
    }
}
