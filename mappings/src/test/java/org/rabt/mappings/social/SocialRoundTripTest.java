package org.rabt.mappings.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.rabt.mappings.social.SocialCards.FORMAT;
import static org.rabt.mappings.social.SocialCards.PSEUDONYM;
import static org.rabt.mappings.social.SocialCards.addressedToSocial;
import static org.rabt.mappings.social.SocialCards.example;
import static org.rabt.mappings.social.SocialCards.exampleTree;
import static org.rabt.mappings.social.SocialCards.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card -> CPM -> card: what social services send comes back to them unchanged, on every member
 * they both send and may receive.
 */
class SocialRoundTripTest {

    @ParameterizedTest
    @FieldSource("org.rabt.mappings.social.SocialCards#CARDS")
    void comesBackEqualOnEveryMemberSocialServicesSendAndMayReceive(String example) {
        ChildProtectionMessage cpm = FORMAT.toCpm(example(example)).withPseudonym(PSEUDONYM);

        byte[] back = FORMAT.fromCpm(addressedToSocial(cpm));

        assertThat(model(back)).isEqualTo(expectedBack(example));
    }

    @ParameterizedTest
    @FieldSource("org.rabt.mappings.social.SocialCards#CARDS")
    void theCardWrittenBackPassesTheSchemaWhenCheckedIndependently(String example) {
        byte[] back = FORMAT.fromCpm(addressedToSocial(FORMAT.toCpm(example(example)).withPseudonym(PSEUDONYM)));

        assertThatCode(() -> new SectorJson(SocialFormat.SCHEMA).read(back, FicheLiaison.class))
                .doesNotThrowAnyException();
    }

    /**
     * The card as it should come back. Changed on purpose: the receiver and the services' targets
     * are re-addressed to social services (minimisation gives a sector only the services addressed
     * to it), and the child carries the hub's pseudonym. Dropped legitimately:
     * {@code priseEnCharge}, the service's own record, which the CPM does not carry. Nothing is
     * dropped by minimisation: social services may receive every identity member the format has,
     * the nature of every concern, and the social and school reports that the examples attach.
     */
    private static FicheLiaison expectedBack(String example) {
        ObjectNode expected = exampleTree(example);
        ((ObjectNode) expected.get("destinataire")).put("secteur", "social");
        for (JsonNode service : expected.withArray("servicesDemandes")) {
            ((ObjectNode) service.get("cible")).put("secteur", "social");
        }
        ((ObjectNode) expected.get("enfant")).put("pseudonyme", PSEUDONYM);
        expected.remove("priseEnCharge");
        return SectorJson.mapper().treeToValue(expected, FicheLiaison.class);
    }
}
