package org.rabt.mappings.forces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.police.PoliceFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * The police and the gendarmerie publish a schema each, and one mapping reads both: the two must
 * stay the same document apart from their identity and the numbering of procès-verbaux, or the
 * shared mapping would be wrong for one of them.
 */
class ForcesSchemasTest {

    private static final String PV_NUMBER = "/$defs/pieceJointe/properties/numeroProcesVerbal";

    @Test
    void theCardSchemasDifferOnlyInTheirIdentityAndTheProcesVerbalNumbering() {
        ObjectNode police = ForcesExamples.tree(PoliceFormat.CARD_SCHEMA);
        ObjectNode gendarmerie = ForcesExamples.tree(GendarmerieFormat.CARD_SCHEMA);

        assertThat(police.get("$id").asString()).isEqualTo("https://rabt.ma/schemas/police/v1/carte-v1.schema.json");
        assertThat(gendarmerie.get("$id").asString())
                .isEqualTo("https://rabt.ma/schemas/gendarmerie/v1/carte-v1.schema.json");
        assertThat(police.at(PV_NUMBER + "/pattern")).isNotEqualTo(gendarmerie.at(PV_NUMBER + "/pattern"));

        assertThat(withoutDifferences(police)).isEqualTo(withoutDifferences(gendarmerie));
    }

    @Test
    void theStatusSchemasDifferOnlyInTheirIdentity() {
        ObjectNode police = ForcesExamples.tree(PoliceFormat.STATUS_SCHEMA);
        ObjectNode gendarmerie = ForcesExamples.tree(GendarmerieFormat.STATUS_SCHEMA);

        assertThat(police.get("$id")).isNotEqualTo(gendarmerie.get("$id"));
        assertThat(withoutDifferences(police)).isEqualTo(withoutDifferences(gendarmerie));
    }

    private static ObjectNode withoutDifferences(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove(List.of("$id", "title", "description"));
        if (copy.at(PV_NUMBER) instanceof ObjectNode number) {
            number.remove(List.of("pattern", "description"));
        }
        return copy;
    }
}
