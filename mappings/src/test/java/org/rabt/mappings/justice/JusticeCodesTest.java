package org.rabt.mappings.justice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.rabt.mappings.justice.JusticeXml.xpath;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
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
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.french.FrenchCodes;

class JusticeCodesTest {

    /** The writer itself: the sweep checks the tables, not what minimisation lets through to justice. */
    private static final CarteLiaisonWriter WRITER = new CarteLiaisonWriter();

    /** One code table: the XSD simple type it feeds, the CPM constants and their French codes. */
    record Table(String xsdType, List<String> frenchCodes) {

        static <E extends Enum<E>> Table of(String xsdType, E[] constants, Function<E, String> table) {
            return new Table(xsdType, Arrays.stream(constants).map(table).toList());
        }

        @Override
        public String toString() {
            return xsdType;
        }
    }

    static Stream<Table> tables() {
        return Stream.of(
                Table.of("CodeTypeCarte", CardType.values(), FrenchCodes::typeCarte),
                Table.of("CodePriorite", Priority.values(), FrenchCodes::priorite),
                Table.of("CodeSecteur", SectorId.values(), FrenchCodes::secteur),
                Table.of("CodeFinalite", PurposeOfUse.values(), FrenchCodes::finalite),
                Table.of("CodeBaseLegale", LegalBasis.values(), FrenchCodes::baseLegale),
                Table.of("CodeConfidentialite", Confidentiality.values(), FrenchCodes::confidentialite),
                Table.of("CodeSexe", Sex.values(), FrenchCodes::sexe),
                Table.of("CodeTrancheAge", AgeBand.values(), FrenchCodes::trancheAge),
                Table.of("CodeMotif", ConcernCode.values(), FrenchCodes::motif),
                Table.of("CodeCertitude", Certainty.values(), FrenchCodes::certitude),
                Table.of("CodeCadre", Setting.values(), FrenchCodes::cadre),
                Table.of("CodeNiveauRisque", RiskLevel.values(), FrenchCodes::niveauRisque),
                Table.of("CodeCanalEntree", EntryChannel.values(), FrenchCodes::canalEntree),
                Table.of("CodeTypePieceJointe", AttachmentType.values(), FrenchCodes::typePieceJointe),
                Table.of("CodeStatut", TaskStatus.values(), JusticeCodes::statut));
    }

    @Nested
    class EachTable {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rabt.mappings.justice.JusticeCodesTest#tables")
        void isOneToOneSoThatTheInboundDirectionCanReverseIt(Table table) {
            assertThat(table.frenchCodes()).doesNotHaveDuplicates();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rabt.mappings.justice.JusticeCodesTest#tables")
        void coversExactlyTheCodesTheXsdEnumerates(Table table) {
            assertThat(JusticeXml.enumeration(table.xsdType()))
                    .as("enumeration of %s in the XSD", table.xsdType())
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(table.frenchCodes());
        }
    }

    @Nested
    class ConsentGiver {

        @Test
        void theChildIsEnfantAndAGuardianKeepsTheHl7RoleCode() {
            assertThat(FrenchCodes.donnePar("child")).isEqualTo("enfant");
            assertThat(FrenchCodes.donnePar("FTH")).isEqualTo("FTH");
        }
    }

    /**
     * Every constant of every CPM enum the card carries, sent through the mapper: the mapper's own
     * XSD check passes, an independent validation passes, and the element holds the table's code.
     */
    @TestFactory
    Stream<DynamicTest> everyCpmConstantBecomesAFrenchCodeTheXsdAccepts() {
        return Stream.of(
                sweep("/header/cardType", "c:entete/c:typeCarte", CardType.values(), FrenchCodes::typeCarte),
                sweep("/header/priority", "c:entete/c:priorite", Priority.values(), FrenchCodes::priorite),
                sweep("/header/sender/sector", "c:entete/c:emetteur/c:secteur", SectorId.values(),
                        FrenchCodes::secteur),
                sweep("/header/receiver/sector", "c:entete/c:destinataire/c:secteur", SectorId.values(),
                        FrenchCodes::secteur),
                sweep("/header/purposeOfUse", "c:entete/c:finalite", PurposeOfUse.values(), FrenchCodes::finalite),
                sweep("/header/legalBasis", "c:entete/c:baseLegale", LegalBasis.values(), FrenchCodes::baseLegale),
                sweep("/header/confidentiality", "c:entete/c:confidentialite", Confidentiality.values(),
                        FrenchCodes::confidentialite),
                sweep("/child/sex", "c:enfant/c:sexe", Sex.values(), FrenchCodes::sexe),
                sweep("/child/ageBand", "c:enfant/c:trancheAge", AgeBand.values(), FrenchCodes::trancheAge),
                sweep("/concerns/0/code", "c:motifs/c:motif/c:code", ConcernCode.values(), FrenchCodes::motif),
                sweep("/concerns/0/code", "c:motifs/c:motif/c:libelle", ConcernCode.values(), ConcernCode::french),
                sweep("/concerns/0/certainty", "c:motifs/c:motif/c:certitude", Certainty.values(),
                        FrenchCodes::certitude),
                sweep("/concerns/0/setting", "c:motifs/c:motif/c:cadre", Setting.values(), FrenchCodes::cadre),
                sweep("/concerns/0/riskLevel", "c:motifs/c:motif/c:niveauRisque", RiskLevel.values(),
                        FrenchCodes::niveauRisque),
                sweep("/pathway/entryChannel", "c:parcours/c:canalEntree", EntryChannel.values(),
                        FrenchCodes::canalEntree),
                sweep("/requestedServices/0/target/sector", "c:servicesDemandes/c:serviceDemande/c:secteur",
                        SectorId.values(), FrenchCodes::secteur),
                sweep("/attachments/0/type", "c:piecesJointes/c:pieceJointe/c:type", AttachmentType.values(),
                        FrenchCodes::typePieceJointe),
                sweep("/status/status", "c:statut/c:code", TaskStatus.values(), JusticeCodes::statut),
                consentSectors(),
                pathwayStages())
                .flatMap(sweep -> sweep);
    }

    private static <E extends Enum<E> & Coded> Stream<DynamicTest> sweep(String pointer, String element,
            E[] constants, Function<E, String> table) {
        return Arrays.stream(constants).map(constant -> check(pointer + " " + constant.code(),
                TangierReferral.with(TangierReferral.cpm(), pointer, constant.code()), element,
                table.apply(constant)));
    }

    private static Stream<DynamicTest> consentSectors() {
        return Arrays.stream(SectorId.values()).map(sector -> check("/consent/sectors " + sector.code(),
                TangierReferral.with(TangierReferral.cpm(), "/consent/sectors", List.of(sector.code())),
                "c:consentement/c:secteurs/c:secteur", FrenchCodes.secteur(sector)));
    }

    private static Stream<DynamicTest> pathwayStages() {
        return Arrays.stream(PathwayStage.values()).map(stage -> check("/pathway/stage " + stage.number(),
                TangierReferral.with(TangierReferral.cpm(), "/pathway/stage", stage.number()),
                "c:parcours/c:etape", String.valueOf(stage.number())));
    }

    private static DynamicTest check(String name, ChildProtectionMessage cpm, String element, String expected) {
        return dynamicTest(name + " -> " + expected, () -> {
            byte[] document = WRITER.write(cpm);

            JusticeXml.validate(document);
            assertThat(xpath(document, "/c:carteLiaison/" + element)).isEqualTo(expected);
        });
    }
}
