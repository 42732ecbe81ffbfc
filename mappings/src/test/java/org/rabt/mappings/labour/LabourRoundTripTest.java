package org.rabt.mappings.labour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.rabt.mappings.labour.LabourCards.FORMAT;
import static org.rabt.mappings.labour.LabourCards.PSEUDONYM;
import static org.rabt.mappings.labour.LabourCards.addressedToLabour;
import static org.rabt.mappings.labour.LabourCards.example;
import static org.rabt.mappings.labour.LabourCards.exampleTree;
import static org.rabt.mappings.labour.LabourCards.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Report -> CPM -> card: what labour inspection sends comes back to it unchanged, on every member
 * it both sends and may receive.
 */
class LabourRoundTripTest {

    @ParameterizedTest
    @FieldSource("org.rabt.mappings.labour.LabourCards#REPORTS")
    void comesBackEqualOnEveryMemberLabourSendsAndMayReceive(String example) {
        ChildProtectionMessage cpm = FORMAT.toCpm(example(example)).withPseudonym(PSEUDONYM);

        byte[] back = FORMAT.fromCpm(addressedToLabour(cpm));

        assertThat(model(back)).isEqualTo(expectedBack(example));
    }

    @ParameterizedTest
    @FieldSource("org.rabt.mappings.labour.LabourCards#REPORTS")
    void theCardWrittenBackPassesTheSchemaWhenCheckedIndependently(String example) {
        byte[] back = FORMAT.fromCpm(addressedToLabour(FORMAT.toCpm(example(example)).withPseudonym(PSEUDONYM)));

        assertThatCode(() -> new SectorJson(LabourFormat.SCHEMA).read(back, RapportRetrait.class))
                .doesNotThrowAnyException();
    }

    /**
     * The report as it should come back. Changed on purpose: the receiver and the services'
     * targets are re-addressed to labour (minimisation gives a sector only the services addressed
     * to it), and the child carries the hub's pseudonym. Dropped legitimately:
     * {@code situationTravail}, labour inspection's own record, which the CPM does not carry.
     * Nothing is dropped by minimisation: the format has no member for what labour may not receive,
     * and the examples carry no sexual concern.
     */
    private static RapportRetrait expectedBack(String example) {
        ObjectNode expected = exampleTree(example);
        ((ObjectNode) expected.get("destinataire")).put("secteur", "travail");
        for (JsonNode service : expected.withArray("servicesDemandes")) {
            ((ObjectNode) service.get("cible")).put("secteur", "travail");
        }
        ((ObjectNode) expected.get("enfant")).put("pseudonyme", PSEUDONYM);
        expected.remove("situationTravail");
        return SectorJson.mapper().treeToValue(expected, RapportRetrait.class);
    }
}
