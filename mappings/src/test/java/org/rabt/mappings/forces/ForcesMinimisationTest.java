package org.rabt.mappings.forces;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.cpm.LegalBasis;
import tools.jackson.databind.JsonNode;

/**
 * What {@code docs/minimisation.md} allows the police and the gendarmerie, checked on the bytes
 * each format puts on the wire for a card that carries everything: the child's identity yes, the
 * school code never, the court file number only under a judicial order, forensic certificates,
 * procès-verbaux and court decisions but no other document, and only the services asked of them.
 */
class ForcesMinimisationTest {

    static Stream<SectorFormat> forces() {
        return Stream.of(new PoliceFormat(), new GendarmerieFormat());
    }

    private static String wire(SectorFormat format, LegalBasis legalBasis) {
        return new String(format.fromCpm(EverythingCard.to(format.sector(), legalBasis)), UTF_8);
    }

    @ParameterizedTest
    @MethodSource("forces")
    void neverSendsTheSchoolCode(SectorFormat format) {
        for (LegalBasis basis : LegalBasis.values()) {
            assertThat(wire(format, basis)).as(basis.code()).doesNotContain(EverythingCard.SCHOOL_CODE);
        }
    }

    @ParameterizedTest
    @MethodSource("forces")
    void sendsTheCourtFileNumberOnlyUnderAJudicialOrder(SectorFormat format) {
        assertThat(wire(format, LegalBasis.BEST_INTEREST)).doesNotContain(EverythingCard.COURT_FILE_NUMBER);
        assertThat(wire(format, LegalBasis.CONSENT)).doesNotContain(EverythingCard.COURT_FILE_NUMBER);
        assertThat(wire(format, LegalBasis.JUDICIAL_ORDER)).contains(
                "\"numeroDossierJudiciaire\":\"" + EverythingCard.COURT_FILE_NUMBER + "\"");
    }

    @ParameterizedTest
    @MethodSource("forces")
    void sendsTheIdentityTheForcesNeedToFindTheChildAndTheFamily(SectorFormat format) {
        String wire = wire(format, LegalBasis.BEST_INTEREST);

        assertThat(wire).contains("\"nomLatin\":\"Moutawakil\"", "\"prenomArabe\":\"إيمان\"",
                "\"dateNaissance\":\"2012-04-17\"", EverythingCard.NATIONAL_ID, EverythingCard.CIVIL_STATUS_NUMBER,
                EverythingCard.ADDRESS_LINE, EverythingCard.CHILD_PHONE, EverythingCard.GUARDIAN_NAME);
    }

    @ParameterizedTest
    @MethodSource("forces")
    void sendsForensicCertificatesProcesVerbauxAndCourtDecisionsOnly(SectorFormat format) {
        String wire = wire(format, LegalBasis.BEST_INTEREST);

        assertThat(wire).contains(EverythingCard.FORENSIC_SHA, EverythingCard.POLICE_REPORT_SHA,
                EverythingCard.COURT_DECISION_SHA);
        assertThat(wire).doesNotContain(EverythingCard.MEDICAL_SHA, EverythingCard.SOCIAL_SHA,
                EverythingCard.SCHOOL_REPORT_SHA, EverythingCard.OTHER_SHA, "certificat-medical\"",
                "rapport-social", "rapport-scolaire");
    }

    @ParameterizedTest
    @MethodSource("forces")
    void sendsTheSexualNatureOfAConcernBecauseTheForcesInvestigateIt(SectorFormat format) {
        JsonNode card = ForcesExamples.tree(format.fromCpm(EverythingCard.to(format.sector(), LegalBasis.CONSENT)));

        assertThat(card.at("/motifs/0/code").asString()).isEqualTo("violence-sexuelle");
        assertThat(card.at("/motifs/0/cadre").asString()).isEqualTo("famille");
    }

    @ParameterizedTest
    @MethodSource("forces")
    void sendsOnlyTheServicesAskedOfThatForce(SectorFormat format) {
        String wire = wire(format, LegalBasis.BEST_INTEREST);
        JsonNode card = ForcesExamples.tree(wire.getBytes(UTF_8));

        assertThat(wire).contains(EverythingCard.FOR_THE_FORCE).doesNotContain(EverythingCard.FOR_HEALTH,
                EverythingCard.FOR_JUSTICE);
        assertThat(card.at("/servicesDemandes")).hasSize(1);
        assertThat(card.at("/servicesDemandes/0/cible/secteur").asString()).isEqualTo(format.sector().code());
    }
}
