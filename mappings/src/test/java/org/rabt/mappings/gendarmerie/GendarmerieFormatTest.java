package org.rabt.mappings.gendarmerie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.forces.ForcesExamples.GENDARMERIE_SEARCHING;
import static org.rabt.mappings.forces.ForcesExamples.GENDARMERIE_SENT_TO_PROSECUTOR;
import static org.rabt.mappings.forces.ForcesExamples.HAD_GHARBIA_RUNAWAY;
import static org.rabt.mappings.forces.ForcesExamples.MEKNES_DOMESTIC_WORK;
import static org.rabt.mappings.forces.ForcesExamples.POLICE_FAMILY_FOUND;
import static org.rabt.mappings.forces.ForcesExamples.PSEUDONYM;
import static org.rabt.mappings.forces.ForcesExamples.TANGIER_BEGGING;
import static org.rabt.mappings.forces.ForcesExamples.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
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

/** The gendarmerie examples, read into the CPM with the values each story says. */
class GendarmerieFormatTest {

    private static final CpmSchema SCHEMA = new CpmSchema();
    private static final Party CENTRE_MEKNES = new Party(SectorId.CENTRE,
            "Centre d'accompagnement de la protection de l'enfance de Meknès", "Cellule des services", "MA-MEK");

    private final GendarmerieFormat gendarmerie = new GendarmerieFormat();

    @Test
    void isTheGendarmerieSectorSpeakingJson() {
        assertThat(gendarmerie.sector()).isEqualTo(SectorId.GENDARMERIE);
        assertThat(gendarmerie.mediaType()).isEqualTo("application/json");
    }

    @Nested
    class GirlWithdrawnFromDomesticWorkOnTheProsecutorsOrder {

        private final ChildProtectionMessage cpm = gendarmerie.toCpm(resource(MEKNES_DOMESTIC_WORK));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void followsTheProsecutorsCardInAKnownCase() {
            assertThat(cpm.header().messageId()).isEqualTo(UUID.fromString("d08871ab-e0f3-4063-8de9-010d686038b7"));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.LINKAGE);
            assertThat(cpm.header().caseReference()).isEqualTo("MEK-2026-000233");
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString("7494c49d-31e2-4244-9a60-3c45b013aae6"));
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-12-02T11:32:05Z"));
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.parse("2026-12-02"));
            assertThat(cpm.header().priority()).isEqualTo(Priority.ASAP);
        }

        @Test
        void goesFromTheTerritorialBrigadeOfAinJemaaToTheCentreOfMeknes() {
            assertThat(cpm.header().sender()).isEqualTo(new Party(SectorId.GENDARMERIE,
                    "Gendarmerie royale — Compagnie de Meknès", "Brigade territoriale d'Aïn Jemaa", "MA-MEK"));
            assertThat(cpm.header().receiver()).isEqualTo(CENTRE_MEKNES);
        }

        @Test
        void restsOnAJudicialOrderAndCarriesTheCourtFileNumber() {
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.JUDICIAL_ORDER);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(cpm.childProtected().courtFileNumber()).isEqualTo("2026/2106/57");
            assertThat(cpm.consent()).isNull();
        }

        @Test
        void identifiesAFourteenYearOldGirlFromAzilalWithHerMother() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2012);
            assertThat(cpm.child().province()).isEqualTo("MA-MEK");
            var identity = cpm.childProtected();
            assertThat(identity.familyNameLatin()).isEqualTo("Ait Lahcen");
            assertThat(identity.givenNameArabic()).isEqualTo("حفصة");
            assertThat(identity.birthDate()).isEqualTo(LocalDate.parse("2012-09-03"));
            assertThat(identity.civilStatusNumber()).isEqualTo("418/2012");
            assertThat(identity.address()).isEqualTo(new Address("Douar Ait Bouzid", "Azilal", "MA-AZI"));
            assertThat(identity.guardians()).containsExactly(new Guardian("MTH", "Itto Oubella", "+212 670 551 238"));
        }

        @Test
        void reportsChildLabourSuspectedTraffickingAndDropout() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.CHILD_LABOUR, Certainty.CONFIRMED, Setting.WORKPLACE, RiskLevel.HIGH, true),
                    new Concern(ConcernCode.TRAFFICKING, Certainty.SUSPECTED, Setting.WORKPLACE, RiskLevel.HIGH, true),
                    new Concern(ConcernCode.SCHOOL_DROPOUT, Certainty.CONFIRMED, null, RiskLevel.MEDIUM, false));
        }

        @Test
        void entersThroughACommunityReportAtImmediateAssistance() {
            assertThat(cpm.pathway())
                    .isEqualTo(new Pathway(PathwayStage.IMMEDIATE_ASSISTANCE, EntryChannel.COMMUNITY_REPORT));
        }

        @Test
        void asksTheCentreForEmergencyShelter() {
            RequestedService service = cpm.requestedServices().get(0);
            assertThat(service.serviceCode()).isEqualTo("emergency-shelter");
            assertThat(service.target()).isEqualTo(CENTRE_MEKNES);
            assertThat(service.reason()).startsWith("Sur instruction du procureur du Roi");
        }

        @Test
        void attachesTheProsecutorsInstructionAndTheHearingRecord() {
            assertThat(cpm.attachments()).extracting(Attachment::type)
                    .containsExactly(AttachmentType.COURT_DECISION, AttachmentType.POLICE_REPORT);
            assertThat(cpm.attachments().get(1).sha256())
                    .isEqualTo("30177bf455823e09e622be56a1c198a4de7e4139a86887331f85ce54c8eff0a5");
            assertThat(cpm.attachments().get(1).size()).isEqualTo(305_664);
            // The hearing's procès-verbal, numbered in the register of the brigade of Aïn Jemaa.
            assertThat(cpm.attachments().get(1).title())
                    .isEqualTo("PV n° 57/BT-AIN-JEMAA/CIE-MEKNES/2026 — Procès-verbal d'audition de la mineure");
        }
    }

    @Nested
    class RunawayBoyStoppedOnTheCoastRoadNearAsilah {

        private final ChildProtectionMessage cpm = gendarmerie.toCpm(resource(HAD_GHARBIA_RUNAWAY));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isARoutineReportToEntraideNationaleForSocialSupport() {
            assertThat(cpm.header().cardType()).isEqualTo(CardType.REPORTING);
            assertThat(cpm.header().priority()).isEqualTo(Priority.ROUTINE);
            assertThat(cpm.header().dueBy()).isNull();
            assertThat(cpm.header().sender().service()).isEqualTo("Brigade territoriale de Had Gharbia");
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.SOCIAL);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.SOCIAL_SUPPORT);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
        }

        @Test
        void identifiesASixteenYearOldByHisNationalIdentityCard() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_15_TO_17);
            assertThat(cpm.child().province()).isEqualTo("MA-LAR");
            assertThat(cpm.childProtected().nationalId()).isEqualTo("LB248913");
            assertThat(cpm.childProtected().phone()).isEqualTo("+212 615 907 342");
            assertThat(cpm.childProtected().courtFileNumber()).isNull();
        }

        @Test
        void isDetectionByTheGendarmerieWithoutEmergency() {
            assertThat(cpm.pathway()).isEqualTo(new Pathway(PathwayStage.DETECTION, EntryChannel.GENDARMERIE));
            assertThat(cpm.concerns()).extracting(Concern::code)
                    .containsExactly(ConcernCode.STREET_SITUATION, ConcernCode.NEGLECT);
            assertThat(cpm.concerns()).noneMatch(Concern::emergency);
            assertThat(cpm.requestedServices().get(0).dueDate()).isNull();
            assertThat(cpm.attachments()).isEmpty();
            assertThat(cpm.status()).isEqualTo(Status.requested());
        }
    }

    @Nested
    class StatusReports {

        @Test
        void procedureSentToTheProsecutorCompletesTheRequest() {
            StatusReport report = gendarmerie.readStatus(resource(GENDARMERIE_SENT_TO_PROSECUTOR));

            assertThat(report.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(report.businessStatus()).isEqualTo("transmis-au-parquet");
            assertThat(report.reason()).startsWith("Enquête close.");
        }

        @Test
        void searchesUnderWayNeedNoObservations() {
            StatusReport report = gendarmerie.readStatus(resource(GENDARMERIE_SEARCHING));

            assertThat(report).isEqualTo(new StatusReport(UUID.fromString("c0bb5e15-8844-435a-a1a5-6cd68bca2427"),
                    TaskStatus.IN_PROGRESS, "recherches-en-cours", null));
        }

        @Test
        void aPoliceReportPostedAsTheGendarmeriesIsAnInvalidValueNamingSecteur() {
            assertThatThrownBy(() -> gendarmerie.readStatus(resource(POLICE_FAMILY_FOUND)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("/secteur");
                    });
        }
    }

    @Test
    void aPoliceCardPostedAsTheGendarmeriesIsAnInvalidValueNamingTheSender() {
        assertThatThrownBy(() -> gendarmerie.toCpm(resource(TANGIER_BEGGING)))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                    assertThat(e.field()).isEqualTo("/emetteur/secteur");
                });
    }
}
