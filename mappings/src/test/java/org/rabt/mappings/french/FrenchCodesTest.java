package org.rabt.mappings.french;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

class FrenchCodesTest {

    /** One table: the CPM enum and its French codes. */
    record Table<E extends Enum<E>>(Class<E> type, Function<E, String> codes) {

        @Override
        public String toString() {
            return type.getSimpleName();
        }

        List<String> french() {
            return FrenchCodes.codes(type, codes);
        }

        void readsEveryCodeBackAsItsConstant() {
            for (E constant : type.getEnumConstants()) {
                assertThat(FrenchCodes.parse(type, codes, codes.apply(constant), "/x")).isSameAs(constant);
            }
        }
    }

    static Stream<Table<?>> tables() {
        return Stream.of(
                new Table<>(CardType.class, FrenchCodes::typeCarte),
                new Table<>(Priority.class, FrenchCodes::priorite),
                new Table<>(SectorId.class, FrenchCodes::secteur),
                new Table<>(PurposeOfUse.class, FrenchCodes::finalite),
                new Table<>(LegalBasis.class, FrenchCodes::baseLegale),
                new Table<>(Confidentiality.class, FrenchCodes::confidentialite),
                new Table<>(Sex.class, FrenchCodes::sexe),
                new Table<>(AgeBand.class, FrenchCodes::trancheAge),
                new Table<>(ConcernCode.class, FrenchCodes::motif),
                new Table<>(Certainty.class, FrenchCodes::certitude),
                new Table<>(Setting.class, FrenchCodes::cadre),
                new Table<>(RiskLevel.class, FrenchCodes::niveauRisque),
                new Table<>(EntryChannel.class, FrenchCodes::canalEntree),
                new Table<>(AttachmentType.class, FrenchCodes::typePieceJointe));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void eachTableIsOneToOneSoThatItCanBeReadBack(Table<?> table) {
        assertThat(table.french()).doesNotHaveDuplicates().hasSize(table.type().getEnumConstants().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyFrenchCodeIsReadBackAsItsConstant(Table<?> table) {
        table.readsEveryCodeBackAsItsConstant();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void codesAreLowerCaseWordsJoinedByHyphensButSexAndAgeBands(Table<?> table) {
        assertThat(table.french()).allMatch(code -> code.matches("[a-z0-9+-]+|[FM]"), "lower-case code");
    }

    @Test
    void anUnknownCodeIsAnInvalidValueNamingTheFieldAndTheAllowedCodes() {
        assertThatThrownBy(() -> FrenchCodes.parse(Priority.class, FrenchCodes::priorite, "urgent", "/priorite"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("/priorite");
                    assertThat(e.detail()).contains("'urgent'", "normale, urgente, tres-urgente, immediate");
                });
    }

    @Test
    void anAbsentOptionalCodeIsAnAbsentConstantButAnUnknownOneIsStillRefused() {
        assertThat(FrenchCodes.parseOrNull(Setting.class, FrenchCodes::cadre, null, "/motifs/0/cadre")).isNull();
        assertThat(FrenchCodes.parseOrNull(Setting.class, FrenchCodes::cadre, "rue", "/motifs/0/cadre"))
                .isEqualTo(Setting.STREET);
        assertThatThrownBy(() -> FrenchCodes.parseOrNull(Setting.class, FrenchCodes::cadre, "marche", "/motifs/0/cadre"))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("/motifs/0/cadre");
                });
    }

    @Test
    void theSameFrenchWordsAsTheJusticeCard() {
        // A few anchors of the justice card's vocabulary (docs/sectors/justice.md), so that the
        // French formats do not drift apart.
        assertThat(FrenchCodes.secteur(SectorId.LABOUR)).isEqualTo("travail");
        assertThat(FrenchCodes.secteur(SectorId.FREELINE)).isEqualTo("ligne-ecoute");
        assertThat(FrenchCodes.motif(ConcernCode.CHILD_LABOUR)).isEqualTo("travail-enfants");
        assertThat(FrenchCodes.baseLegale(LegalBasis.BEST_INTEREST)).isEqualTo("interet-superieur");
        assertThat(FrenchCodes.typePieceJointe(AttachmentType.FORENSIC_CERTIFICATE)).isEqualTo("certificat-medico-legal");
    }

    @Test
    void aChildsOwnConsentIsEnfantAndAGuardiansRoleCodeIsKept() {
        assertThat(FrenchCodes.donnePar("child")).isEqualTo("enfant");
        assertThat(FrenchCodes.givenBy("enfant")).isEqualTo("child");
        assertThat(FrenchCodes.donnePar("MTH")).isEqualTo("MTH");
        assertThat(FrenchCodes.givenBy("GUARD")).isEqualTo("GUARD");
        assertThat(Arrays.asList(FrenchCodes.donnePar(null), FrenchCodes.givenBy(null))).containsOnlyNulls();
    }
}
