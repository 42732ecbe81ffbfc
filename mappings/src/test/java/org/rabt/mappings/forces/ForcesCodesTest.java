package org.rabt.mappings.forces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.police.PoliceFormat;
import tools.jackson.databind.JsonNode;

/**
 * The code tables and the status vocabulary against both forces' schemas: every constant of every
 * CPM enum the card carries has a French code the schemas accept, the tables are one-to-one (so the
 * inbound direction can reverse them), and the schemas have no code that no constant maps to.
 */
class ForcesCodesTest {

    private static final List<JsonNode> CARD_SCHEMAS = List.of(ForcesExamples.tree(PoliceFormat.CARD_SCHEMA),
            ForcesExamples.tree(GendarmerieFormat.CARD_SCHEMA));
    private static final List<JsonNode> STATUS_SCHEMAS = List.of(ForcesExamples.tree(PoliceFormat.STATUS_SCHEMA),
            ForcesExamples.tree(GendarmerieFormat.STATUS_SCHEMA));

    static Stream<Arguments> tables() {
        return Stream.of(
                table(CardType.class, FrenchCodes::typeCarte, "/properties/typeCarte"),
                table(Priority.class, FrenchCodes::priorite, "/properties/priorite"),
                table(SectorId.class, FrenchCodes::secteur, "/$defs/secteur"),
                table(PurposeOfUse.class, FrenchCodes::finalite, "/properties/finalite"),
                table(LegalBasis.class, FrenchCodes::baseLegale, "/properties/baseLegale"),
                table(Confidentiality.class, FrenchCodes::confidentialite, "/properties/confidentialite"),
                table(Sex.class, FrenchCodes::sexe, "/$defs/enfant/properties/sexe"),
                table(AgeBand.class, FrenchCodes::trancheAge, "/$defs/enfant/properties/trancheAge"),
                table(ConcernCode.class, FrenchCodes::motif, "/$defs/motif/properties/code"),
                table(Certainty.class, FrenchCodes::certitude, "/$defs/motif/properties/certitude"),
                table(Setting.class, FrenchCodes::cadre, "/$defs/motif/properties/cadre"),
                table(RiskLevel.class, FrenchCodes::niveauRisque, "/$defs/motif/properties/niveauRisque"),
                table(EntryChannel.class, FrenchCodes::canalEntree, "/properties/parcours/properties/canalEntree"),
                table(AttachmentType.class, ForcesCodes::typePieceJointe, "/$defs/pieceJointe/properties/type"));
    }

    private static <E extends Enum<E>> Arguments table(Class<E> type, Function<E, String> table, String schemaPointer) {
        return Arguments.of(type.getSimpleName(), type, table, schemaPointer);
    }

    private static Set<String> enumeration(JsonNode schema, String pointer) {
        JsonNode values = schema.at(pointer + "/enum");
        assertThat(values.isArray()).as(pointer + "/enum").isTrue();
        List<String> codes = new ArrayList<>();
        values.forEach(value -> codes.add(value.asString()));
        return Set.copyOf(codes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <E extends Enum<E>> void everyConstantHasACodeTheSchemaAcceptsAndTheTableIsTheWholeEnumeration(String name,
            Class<E> type, Function<E, String> table, String schemaPointer) {
        List<String> codes = Arrays.stream(type.getEnumConstants()).map(table).toList();

        assertThat(codes).doesNotHaveDuplicates();
        for (JsonNode schema : CARD_SCHEMAS) {
            assertThat(Set.copyOf(codes)).as(schema.get("$id").asString()).isEqualTo(enumeration(schema, schemaPointer));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <E extends Enum<E>> void everyCodeReadsBackAsTheConstantItCameFrom(String name, Class<E> type,
            Function<E, String> table, String schemaPointer) {
        for (E constant : type.getEnumConstants()) {
            assertThat(FrenchCodes.parse(type, table, table.apply(constant), "/x")).isEqualTo(constant);
        }
    }

    @Test
    void anUnknownFrenchCodeIsAnInvalidValueNamingTheFieldAndTheAllowedCodes() {
        assertThatThrownBy(() -> FrenchCodes.parse(Priority.class, FrenchCodes::priorite, "haute", "/priorite"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("/priorite");
                    assertThat(e.detail()).contains("'haute'", "normale, urgente, tres-urgente, immediate");
                });
    }

    @Test
    void theChildConsentingIsEnfantInTheCardAndChildInTheCpm() {
        assertThat(FrenchCodes.donnePar("child")).isEqualTo("enfant");
        assertThat(FrenchCodes.givenBy("enfant")).isEqualTo("child");
        assertThat(FrenchCodes.donnePar("MTH")).isEqualTo("MTH");
        assertThat(FrenchCodes.givenBy("GUARD")).isEqualTo("GUARD");
    }

    @Nested
    class StatusVocabulary {

        @Test
        void isExactlyTheStatusSchemasEnumeration() {
            Set<String> words = Arrays.stream(StatutForces.values()).map(StatutForces::code).collect(Collectors.toSet());

            for (JsonNode schema : STATUS_SCHEMAS) {
                assertThat(words).as(schema.get("$id").asString()).isEqualTo(enumeration(schema, "/properties/statut"));
            }
        }

        @Test
        void reachesEveryStatusAReceiverCanReport() {
            Set<TaskStatus> reached = EnumSet.noneOf(TaskStatus.class);
            for (StatutForces word : StatutForces.values()) {
                reached.add(word.taskStatus());
            }

            // requested is the sender's status of a new card, never a receiver's report.
            assertThat(reached).isEqualTo(EnumSet.complementOf(EnumSet.of(TaskStatus.REQUESTED)));
        }

        @Test
        void mapsTheForcesWordsToTheReferralStatus() {
            assertThat(StatutForces.RECU.taskStatus()).isEqualTo(TaskStatus.RECEIVED);
            assertThat(StatutForces.PRIS_EN_CHARGE.taskStatus()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(StatutForces.HORS_COMPETENCE.taskStatus()).isEqualTo(TaskStatus.REJECTED);
            assertThat(StatutForces.DEMANDE_INCOMPLETE.taskStatus()).isEqualTo(TaskStatus.REJECTED);
            assertThat(StatutForces.ENQUETE_EN_COURS.taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(StatutForces.RECHERCHES_EN_COURS.taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(StatutForces.FAMILLE_LOCALISEE.taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(StatutForces.EN_ATTENTE_PARQUET.taskStatus()).isEqualTo(TaskStatus.ON_HOLD);
            assertThat(StatutForces.TRANSMIS_AU_PARQUET.taskStatus()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(StatutForces.ENFANT_REMIS.taskStatus()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(StatutForces.MISSION_ACCOMPLIE.taskStatus()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(StatutForces.RECHERCHES_INFRUCTUEUSES.taskStatus()).isEqualTo(TaskStatus.FAILED);
            assertThat(StatutForces.SANS_SUITE.taskStatus()).isEqualTo(TaskStatus.CANCELLED);
        }
    }
}
