package org.rabt.mappings.labour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.rabt.mappings.labour.LabourCards.DOMESTIC_WORK;
import static org.rabt.mappings.labour.LabourCards.FORMAT;
import static org.rabt.mappings.labour.LabourCards.WORKSHOP;
import static org.rabt.mappings.labour.LabourCards.edited;
import static org.rabt.mappings.labour.LabourCards.everything;
import static org.rabt.mappings.labour.LabourCards.schema;
import static org.rabt.mappings.labour.LabourCards.tree;
import static org.rabt.mappings.labour.LabourCards.with;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every constant of every CPM enum the format carries has a code the schema accepts, both ways: a
 * constant added to the CPM fails here (or does not compile in FrenchCodes) before it reaches a
 * labour inspection system as a code it does not know.
 */
class LabourCodesTest {

    /**
     * One coded member: the CPM constants, where the value sits in the CPM and in the card (the
     * way out and the way in may use different members), and the French code of each constant.
     */
    record Member(String name, List<? extends Enum<?>> constants, String cpmOut, String cardOut, String cardIn,
            String cpmIn, Function<Enum<?>, String> french, String schemaEnum, String reportIn) {

        @SuppressWarnings("unchecked")
        static <E extends Enum<E>> Member of(String name, Class<E> type, String cpm, String card,
                Function<E, String> table, String schemaEnum) {
            return new Member(name, Arrays.asList(type.getEnumConstants()), cpm, card, card, cpm,
                    constant -> table.apply((E) constant), schemaEnum, DOMESTIC_WORK);
        }

        Member in(String card, String cpm) {
            return new Member(name, constants, cpmOut, cardOut, card, cpm, french, schemaEnum, reportIn);
        }

        /** Read in from another report than the domestic-work one (which has no birth date and no consent). */
        Member readFrom(String report) {
            return new Member(name, constants, cpmOut, cardOut, cardIn, cpmIn, french, schemaEnum, report);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Member> members() {
        return Stream.of(
                Member.of("typeCarte", CardType.class, "/header/cardType", "/typeCarte", FrenchCodes::typeCarte,
                        "/properties/typeCarte/enum"),
                Member.of("priorite", Priority.class, "/header/priority", "/priorite", FrenchCodes::priorite,
                        "/properties/priorite/enum"),
                // Out: any sector may send labour a card. In: labour is always the sender, any sector the receiver.
                Member.of("secteur", SectorId.class, "/header/sender/sector", "/emetteur/secteur", FrenchCodes::secteur,
                        "/$defs/secteur/enum").in("/destinataire/secteur", "/header/receiver/sector"),
                Member.of("finalite", PurposeOfUse.class, "/header/purposeOfUse", "/finalite", FrenchCodes::finalite,
                        "/properties/finalite/enum"),
                // In: 'consentement' needs the consent that the workshop report carries.
                Member.of("baseLegale", LegalBasis.class, "/header/legalBasis", "/baseLegale", FrenchCodes::baseLegale,
                        "/properties/baseLegale/enum").readFrom(WORKSHOP),
                Member.of("confidentialite", Confidentiality.class, "/header/confidentiality", "/confidentialite",
                        FrenchCodes::confidentialite, "/properties/confidentialite/enum"),
                Member.of("sexe", Sex.class, "/child/sex", "/enfant/sexe", FrenchCodes::sexe,
                        "/$defs/enfant/properties/sexe/enum"),
                Member.of("trancheAge", AgeBand.class, "/child/ageBand", "/enfant/trancheAge", FrenchCodes::trancheAge,
                        "/$defs/enfant/properties/trancheAge/enum"),
                Member.of("motif", ConcernCode.class, "/concerns/2/code", "/motifs/2/code", FrenchCodes::motif,
                        "/$defs/motif/properties/code/enum"),
                Member.of("certitude", Certainty.class, "/concerns/2/certainty", "/motifs/2/certitude",
                        FrenchCodes::certitude, "/$defs/motif/properties/certitude/enum"),
                Member.of("cadre", Setting.class, "/concerns/2/setting", "/motifs/2/cadre", FrenchCodes::cadre,
                        "/$defs/motif/properties/cadre/enum"),
                Member.of("niveauRisque", RiskLevel.class, "/concerns/2/riskLevel", "/motifs/2/niveauRisque",
                        FrenchCodes::niveauRisque, "/$defs/motif/properties/niveauRisque/enum"),
                Member.of("canalEntree", EntryChannel.class, "/pathway/entryChannel", "/parcours/canalEntree",
                        FrenchCodes::canalEntree, "/properties/parcours/properties/canalEntree/enum"));
    }

    /** What labour inspection receives in place of a sexual form of harm (docs/minimisation.md). */
    private static final EnumSet<ConcernCode> MASKED = EnumSet.of(ConcernCode.SEXUAL_VIOLENCE,
            ConcernCode.SEXUAL_EXPLOITATION);

    @ParameterizedTest(name = "{0}")
    @MethodSource("members")
    void theSchemaListsExactlyTheCodesOfTheTable(Member member) {
        List<String> schemaCodes = schema(LabourFormat.SCHEMA).at(member.schemaEnum()).valueStream()
                .map(JsonNode::asString).toList();

        assertThat(schemaCodes).containsExactlyInAnyOrderElementsOf(member.constants().stream().map(member.french()).toList())
                .doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> everyConstantIsWrittenWithItsFrenchCode() {
        ChildProtectionMessage cpm = everything();
        return members().flatMap(member -> member.constants().stream().map(constant -> dynamicTest(
                member + " " + constant, () -> {
                    byte[] card = FORMAT.fromCpm(with(cpm, member.cpmOut(), ((Coded) constant).code()));

                    String expected = MASKED.contains(constant) ? "situation-de-protection" : member.french().apply(constant);
                    assertThat(tree(card).at(member.cardOut()).asString()).isEqualTo(expected);
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyFrenchCodeIsReadBackAsItsConstant() {
        return members().flatMap(member -> member.constants().stream().map(constant -> dynamicTest(
                member + " " + constant, () -> {
                    String code = member.french().apply(constant);
                    byte[] report = edited(member.reportIn(), tree -> set(tree, member.cardIn(), tree.stringNode(code)));

                    JsonNode cpm = SectorJson.mapper().readTree(CpmJson.write(FORMAT.toCpm(report)));
                    assertThat(cpm.at(member.cpmIn()).asString()).isEqualTo(((Coded) constant).code());
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyPathwayStageTravelsAsItsNumber() {
        return Arrays.stream(PathwayStage.values()).map(stage -> dynamicTest(stage.name(), () -> {
            byte[] card = FORMAT.fromCpm(with(everything(), "/pathway/stage", stage.number()));
            assertThat(tree(card).at("/parcours/etape").asInt()).isEqualTo(stage.number());

            byte[] report = edited(DOMESTIC_WORK, tree -> set(tree, "/parcours/etape", tree.numberNode(stage.number())));
            assertThat(FORMAT.toCpm(report).pathway().stage()).isEqualTo(stage);
        }));
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = root.at(path.head());
        if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        }
    }
}
