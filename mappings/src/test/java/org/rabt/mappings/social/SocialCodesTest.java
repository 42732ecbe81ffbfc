package org.rabt.mappings.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.rabt.mappings.social.SocialCards.ENQUIRY;
import static org.rabt.mappings.social.SocialCards.FORMAT;
import static org.rabt.mappings.social.SocialCards.SHELTER;
import static org.rabt.mappings.social.SocialCards.edited;
import static org.rabt.mappings.social.SocialCards.everything;
import static org.rabt.mappings.social.SocialCards.schema;
import static org.rabt.mappings.social.SocialCards.tree;
import static org.rabt.mappings.social.SocialCards.with;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.AttachmentType;
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
 * social services system as a code it does not know.
 */
class SocialCodesTest {

    /**
     * One coded member: the CPM constants, where the value sits in the CPM and in the card (the
     * way out and the way in may use different members), and the French code of each constant.
     */
    record Member(String name, List<? extends Enum<?>> constants, String cpmOut, String cardOut, String cardIn,
            String cpmIn, Function<Enum<?>, String> french, String schemaEnum, String sourceCard) {

        @SuppressWarnings("unchecked")
        static <E extends Enum<E>> Member of(String name, Class<E> type, String cpm, String card,
                Function<E, String> table, String schemaEnum) {
            return new Member(name, Arrays.asList(type.getEnumConstants()), cpm, card, card, cpm,
                    constant -> table.apply((E) constant), schemaEnum, SHELTER);
        }

        Member in(String card, String cpm) {
            return new Member(name, constants, cpmOut, cardOut, card, cpm, french, schemaEnum, sourceCard);
        }

        /** Read in from another card than the Tangier one (which has no birth date and no consent). */
        Member readFrom(String card) {
            return new Member(name, constants, cpmOut, cardOut, cardIn, cpmIn, french, schemaEnum, card);
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
                // Out: any sector may send social services a card. In: social is always the sender, any sector the receiver.
                Member.of("secteur", SectorId.class, "/header/sender/sector", "/emetteur/secteur", FrenchCodes::secteur,
                        "/$defs/secteur/enum").in("/destinataire/secteur", "/header/receiver/sector"),
                Member.of("finalite", PurposeOfUse.class, "/header/purposeOfUse", "/finalite", FrenchCodes::finalite,
                        "/properties/finalite/enum"),
                // In: 'consentement' needs the consent that the Meknès card carries.
                Member.of("baseLegale", LegalBasis.class, "/header/legalBasis", "/baseLegale", FrenchCodes::baseLegale,
                        "/properties/baseLegale/enum").readFrom(ENQUIRY),
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

    /** The documents social services may learn of (docs/minimisation.md); the others never reach them. */
    private static final EnumSet<AttachmentType> SOCIAL_DOCUMENTS = EnumSet.of(AttachmentType.SOCIAL_REPORT,
            AttachmentType.SCHOOL_REPORT);

    @ParameterizedTest(name = "{0}")
    @MethodSource("members")
    void theSchemaListsExactlyTheCodesOfTheTable(Member member) {
        List<String> schemaCodes = schema(SocialFormat.SCHEMA).at(member.schemaEnum()).valueStream()
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

                    // Social services learn the nature of every concern: nothing is masked.
                    assertThat(tree(card).at(member.cardOut()).asString()).isEqualTo(member.french().apply(constant));
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyFrenchCodeIsReadBackAsItsConstant() {
        return members().flatMap(member -> member.constants().stream().map(constant -> dynamicTest(
                member + " " + constant, () -> {
                    String code = member.french().apply(constant);
                    byte[] sent = edited(member.sourceCard(), tree -> set(tree, member.cardIn(), tree.stringNode(code)));

                    JsonNode cpm = SectorJson.mapper().readTree(CpmJson.write(FORMAT.toCpm(sent)));
                    assertThat(cpm.at(member.cpmIn()).asString()).isEqualTo(((Coded) constant).code());
                })));
    }

    @Test
    void theSchemaListsExactlyTheDocumentTypesOfTheTable() {
        List<String> schemaCodes = schema(SocialFormat.SCHEMA).at("/$defs/pieceJointe/properties/type/enum")
                .valueStream().map(JsonNode::asString).toList();

        assertThat(schemaCodes).containsExactlyInAnyOrderElementsOf(
                FrenchCodes.codes(AttachmentType.class, FrenchCodes::typePieceJointe)).doesNotHaveDuplicates();
    }

    /** The social report of the card carrying everything (its SHA-256), retyped to each document type. */
    @TestFactory
    Stream<DynamicTest> everyDocumentTypeSocialServicesMayLearnOfIsWrittenWithItsFrenchCodeAndNoOtherIsWritten() {
        String socialReport = "7c18ce75b0756c9e01ae15b8dfb42d5ed2cfe131eeeabe8cad6aa0009a817c0d";
        return Arrays.stream(AttachmentType.values()).map(type -> dynamicTest(type.name(), () -> {
            byte[] card = FORMAT.fromCpm(with(everything(), "/attachments/2/type", type.code()));

            List<JsonNode> pieces = tree(card).get("piecesJointes").valueStream()
                    .filter(piece -> piece.get("sha256").asString().equals(socialReport)).toList();
            if (SOCIAL_DOCUMENTS.contains(type)) {
                assertThat(pieces).singleElement().satisfies(piece -> assertThat(piece.get("type").asString())
                        .isEqualTo(FrenchCodes.typePieceJointe(type)));
            } else {
                assertThat(pieces).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentTypeIsReadBackAsItsConstant() {
        return Arrays.stream(AttachmentType.values()).map(type -> dynamicTest(type.name(), () -> {
            byte[] card = edited(ENQUIRY, tree -> set(tree, "/piecesJointes/0/type",
                    tree.stringNode(FrenchCodes.typePieceJointe(type))));

            assertThat(FORMAT.toCpm(card).attachments().get(0).type()).isEqualTo(type);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPathwayStageTravelsAsItsNumber() {
        return Arrays.stream(PathwayStage.values()).map(stage -> dynamicTest(stage.name(), () -> {
            byte[] card = FORMAT.fromCpm(with(everything(), "/pathway/stage", stage.number()));
            assertThat(tree(card).at("/parcours/etape").asInt()).isEqualTo(stage.number());

            byte[] sent = edited(SHELTER, tree -> set(tree, "/parcours/etape", tree.numberNode(stage.number())));
            assertThat(FORMAT.toCpm(sent).pathway().stage()).isEqualTo(stage);
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
