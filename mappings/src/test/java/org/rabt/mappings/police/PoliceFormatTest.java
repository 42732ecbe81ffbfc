package org.rabt.mappings.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.forces.ForcesExamples.CASABLANCA_TO_GENDARMERIE;
import static org.rabt.mappings.forces.ForcesExamples.GENDARMERIE_SENT_TO_PROSECUTOR;
import static org.rabt.mappings.forces.ForcesExamples.MEKNES_DOMESTIC_WORK;
import static org.rabt.mappings.forces.ForcesExamples.POLICE_FAMILY_FOUND;
import static org.rabt.mappings.forces.ForcesExamples.POLICE_NOT_COMPETENT;
import static org.rabt.mappings.forces.ForcesExamples.PSEUDONYM;
import static org.rabt.mappings.forces.ForcesExamples.SALE_VIOLENCE;
import static org.rabt.mappings.forces.ForcesExamples.TANGIER_BEGGING;
import static org.rabt.mappings.forces.ForcesExamples.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;

/** The police examples, read into the CPM with the values each story says. */
class PoliceFormatTest {

    private static final CpmSchema SCHEMA = new CpmSchema();
    private static final Party BRIGADE_DES_MINEURS_TANGIER = new Party(SectorId.POLICE,
            "Sûreté nationale — Préfecture de police de Tanger", "Brigade des mineurs", "MA-TNG");
    private static final Party PROSECUTOR_TANGIER = new Party(SectorId.JUSTICE,
            "Tribunal de première instance de Tanger", "Parquet, permanence des mineurs", "MA-TNG");

    private final PoliceFormat police = new PoliceFormat();

    @Test
    void isThePoliceSectorSpeakingJson() {
        assertThat(police.sector()).isEqualTo(SectorId.POLICE);
        assertThat(police.mediaType()).isEqualTo("application/json");
    }

    @Nested
    class BeggingChildFoundAtNightByTheBrigadeDesMineursOfTangier {

        private final ChildProtectionMessage cpm = police.toCpm(resource(TANGIER_BEGGING));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isAnUrgentReportToTheProsecutorDueTheNextDay() {
            assertThat(cpm.header().messageId()).isEqualTo(UUID.fromString("9f55a7f7-2330-40e8-98ef-ce6aaf01f003"));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.REPORTING);
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(cpm.header().caseReference()).isNull();
            assertThat(cpm.header().correlationId()).isNull();
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-27T23:18:40Z"));
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(cpm.header().priority()).isEqualTo(Priority.URGENT);
        }

        @Test
        void isSentByTheBrigadeDesMineursToTheProsecutorOfTangier() {
            assertThat(cpm.header().sender()).isEqualTo(BRIGADE_DES_MINEURS_TANGIER);
            assertThat(cpm.header().receiver()).isEqualTo(PROSECUTOR_TANGIER);
        }

        @Test
        void asksForLegalProtectionInTheChildsBestInterestVeryRestricted() {
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.LEGAL_PROTECTION);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(cpm.consent()).isNull();
        }

        @Test
        void describesABoyOfApparentlyFiveToNineWithoutPseudonymOrBirthYear() {
            assertThat(cpm.child().pseudonym()).isNull();
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_5_TO_9);
            assertThat(cpm.child().birthYear()).isNull();
            assertThat(cpm.child().province()).isEqualTo("MA-TNG");
            assertThat(cpm.child().disability()).isFalse();
        }

        @Test
        void identifiesHimByTheNameHeGaveInBothScriptsWithHisFathersVillage() {
            var identity = cpm.childProtected();
            assertThat(identity.familyNameLatin()).isEqualTo("Ouchen");
            assertThat(identity.givenNameLatin()).isEqualTo("Ayoub");
            assertThat(identity.familyNameArabic()).isEqualTo("أوشن");
            assertThat(identity.givenNameArabic()).isEqualTo("أيوب");
            assertThat(identity.birthDate()).isNull();
            assertThat(identity.address()).isEqualTo(new Address("Douar Tizgane", "Chefchaouen", "MA-CHE"));
            assertThat(identity.guardians()).containsExactly(new Guardian("FTH", "Mohamed Ouchen", null));
            assertThat(identity.nationalId()).isNull();
            assertThat(identity.schoolCode()).isNull();
            assertThat(identity.courtFileNumber()).isNull();
        }

        @Test
        void reportsBeggingAndStreetSituationConfirmedAndExploitationSuspectedAllAsEmergencies() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.BEGGING, Certainty.CONFIRMED, Setting.STREET, RiskLevel.HIGH, true),
                    new Concern(ConcernCode.STREET_SITUATION, Certainty.CONFIRMED, Setting.STREET, RiskLevel.HIGH, true),
                    new Concern(ConcernCode.ECONOMIC_EXPLOITATION, Certainty.SUSPECTED, Setting.STREET, RiskLevel.HIGH,
                            true));
        }

        @Test
        void isAtImmediateAssistanceHavingEnteredThroughThePolice() {
            assertThat(cpm.pathway()).isEqualTo(new Pathway(PathwayStage.IMMEDIATE_ASSISTANCE, EntryChannel.POLICE));
        }

        @Test
        void asksTheProsecutorForJudicialProtection() {
            assertThat(cpm.requestedServices()).hasSize(1);
            RequestedService service = cpm.requestedServices().get(0);
            assertThat(service.serviceCode()).isEqualTo("judicial-protection");
            assertThat(service.target()).isEqualTo(PROSECUTOR_TANGIER);
            assertThat(service.reason()).startsWith("Enfant trouvé seul à 22 h 40 aux abords du port de Tanger-Ville");
            assertThat(service.dueDate()).isEqualTo(LocalDate.parse("2026-11-28"));
        }

        @Test
        void referencesTheProcesVerbalByItsDistrictNumberInTheTitleAndByItsHash() {
            assertThat(cpm.attachments()).containsExactly(new Attachment(AttachmentType.POLICE_REPORT,
                    "PV n° 1873/DP-TANGER-MEDINA/2026 — Procès-verbal de découverte d'un mineur", "application/pdf",
                    212_480,
                    "8453768e9493c46d8de1d1c2d71b86d7caf9aa2221d1f94a8104cb0365d7d4d3"));
        }

        @Test
        void isANewRequest() {
            assertThat(cpm.status()).isEqualTo(Status.requested());
        }
    }

    @Nested
    class GirlTakenForAForensicExaminationInSale {

        private final ChildProtectionMessage cpm = police.toCpm(resource(SALE_VIOLENCE));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isAnImmediateLinkageCardFromTheVictimsCellToTheHospital() {
            assertThat(cpm.header().cardType()).isEqualTo(CardType.LINKAGE);
            assertThat(cpm.header().priority()).isEqualTo(Priority.STAT);
            assertThat(cpm.header().sender()).isEqualTo(new Party(SectorId.POLICE,
                    "Sûreté nationale — Préfecture de police de Salé",
                    "Cellule de prise en charge des femmes et enfants victimes de violence", "MA-SAL"));
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.HEALTH);
            assertThat(cpm.header().receiver().organisation()).isEqualTo("Hôpital Moulay Abdallah de Salé");
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.MEDICAL_CARE);
        }

        @Test
        void restsOnTheMothersConsentCoveringPoliceHealthJusticeAndTheCentre() {
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(cpm.consent()).isEqualTo(new Consent("MTH", Instant.parse("2026-11-30T14:40:00Z"),
                    List.of(SectorId.POLICE, SectorId.HEALTH, SectorId.JUSTICE, SectorId.CENTRE), null));
        }

        @Test
        void identifiesTheGirlByHerCivilStatusNumberAndBirthDate() {
            assertThat(cpm.child().birthYear()).isEqualTo(2013);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.childProtected().civilStatusNumber()).isEqualTo("2213/2013");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2013-05-21"));
            assertThat(cpm.childProtected().phone()).isNull();
            assertThat(cpm.childProtected().guardians())
                    .containsExactly(new Guardian("MTH", "Rachida El Idrissi", "+212 662 418 905"));
        }

        @Test
        void reportsSuspectedSexualViolenceInTheNeighbourhoodAsAnEmergency() {
            assertThat(cpm.concerns()).containsExactly(new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.SUSPECTED,
                    Setting.COMMUNITY, RiskLevel.HIGH, true));
        }

        @Test
        void asksHealthForAForensicExaminationTheSameDay() {
            RequestedService service = cpm.requestedServices().get(0);
            assertThat(service.serviceCode()).isEqualTo("forensic-examination");
            assertThat(service.target().sector()).isEqualTo(SectorId.HEALTH);
            assertThat(service.dueDate()).isEqualTo(LocalDate.parse("2026-11-30"));
            assertThat(cpm.attachments()).isEmpty();
        }
    }

    @Nested
    class RequestToTheGendarmerieToFindAFamilyInItsTerritory {

        private final ChildProtectionMessage cpm = police.toCpm(resource(CASABLANCA_TO_GENDARMERIE));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isAddressedToTheTerritorialBrigadeOfTheFamilysVillage() {
            assertThat(cpm.header().caseReference()).isEqualTo("CAS-2026-001187");
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.GENDARMERIE,
                    "Gendarmerie royale — Compagnie de Berrechid", "Brigade territoriale de Sidi Rahal Chatai",
                    "MA-BER"));
            assertThat(cpm.requestedServices()).extracting(RequestedService::serviceCode).containsExactly("family-tracing");
            assertThat(cpm.requestedServices().get(0).target().sector()).isEqualTo(SectorId.GENDARMERIE);
        }

        @Test
        void carriesTheGrandmotherAsGuardian() {
            assertThat(cpm.childProtected().guardians()).containsExactly(new Guardian("GRMTH", "Fatna Bouchaib", null));
        }
    }

    @Nested
    class StatusReports {

        @Test
        void familyFoundIsInProgressWithTheUnitsWordAndObservations() {
            StatusReport report = police.readStatus(resource(POLICE_FAMILY_FOUND));

            assertThat(report.cardId()).isEqualTo(UUID.fromString("1db6358b-1da2-4d66-8bfa-5240077f64d8"));
            assertThat(report.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(report.businessStatus()).isEqualTo("famille-localisee");
            assertThat(report.reason()).startsWith("Père localisé à Chefchaouen");
        }

        @Test
        void outsideTheUnitsTerritoryIsARejectionThatSaysWhoIsCompetent() {
            StatusReport report = police.readStatus(resource(POLICE_NOT_COMPETENT));

            assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(report.businessStatus()).isEqualTo("hors-competence");
            assertThat(report.reason()).contains("ressort de la Gendarmerie royale");
        }

        @Test
        void aGendarmerieReportPostedAsThePolicesIsAnInvalidValueNamingSecteur() {
            assertThatThrownBy(() -> police.readStatus(resource(GENDARMERIE_SENT_TO_PROSECUTOR)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("/secteur");
                    });
        }
    }

    @Test
    void aGendarmerieCardPostedAsThePolicesIsAnInvalidValueNamingTheSender() {
        assertThatThrownBy(() -> police.toCpm(resource(MEKNES_DOMESTIC_WORK)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("/emetteur/secteur");
                    assertThat(e.detail()).contains("'gendarmerie'", "'police'");
                });
    }
}
