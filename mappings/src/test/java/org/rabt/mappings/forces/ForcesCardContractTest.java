package org.rabt.mappings.forces;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.forces.ForcesExamples.CASABLANCA_TO_GENDARMERIE;
import static org.rabt.mappings.forces.ForcesExamples.HAD_GHARBIA_RUNAWAY;
import static org.rabt.mappings.forces.ForcesExamples.HAD_GHARBIA_TO_POLICE;
import static org.rabt.mappings.forces.ForcesExamples.MEKNES_DOMESTIC_WORK;
import static org.rabt.mappings.forces.ForcesExamples.POLICE_NOT_COMPETENT;
import static org.rabt.mappings.forces.ForcesExamples.PSEUDONYM;
import static org.rabt.mappings.forces.ForcesExamples.SALE_VIOLENCE;
import static org.rabt.mappings.forces.ForcesExamples.TANGIER_BEGGING;
import static org.rabt.mappings.forces.ForcesExamples.at;
import static org.rabt.mappings.forces.ForcesExamples.edited;
import static org.rabt.mappings.forces.ForcesExamples.resource;
import static org.rabt.mappings.forces.ForcesExamples.tree;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.json.SectorJson;
import org.rabt.mappings.StatusReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What both forces' formats promise, whichever force uses them: the round trip, the refusals with
 * their codes and fields, and the outbound document's conformance.
 */
class ForcesCardContractTest {

    private static final CpmSchema CPM_SCHEMA = new CpmSchema();
    private static final PoliceFormat POLICE = new PoliceFormat();
    private static final GendarmerieFormat GENDARMERIE = new GendarmerieFormat();

    /** Each card example with the format of the force that sends it. */
    static Stream<Arguments> cards() {
        return Stream.of(
                Arguments.of(POLICE, TANGIER_BEGGING),
                Arguments.of(POLICE, SALE_VIOLENCE),
                Arguments.of(POLICE, CASABLANCA_TO_GENDARMERIE),
                Arguments.of(GENDARMERIE, MEKNES_DOMESTIC_WORK),
                Arguments.of(GENDARMERIE, HAD_GHARBIA_RUNAWAY),
                Arguments.of(GENDARMERIE, HAD_GHARBIA_TO_POLICE));
    }

    /** One card per force, as the base of the variants below. */
    static Stream<Arguments> forces() {
        return Stream.of(Arguments.of(POLICE, TANGIER_BEGGING), Arguments.of(GENDARMERIE, HAD_GHARBIA_RUNAWAY));
    }

    private static MappingException refusal(SectorFormat format, byte[] body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> format.toCpm(body));
        assertThat(thrown).isInstanceOf(MappingException.class);
        return (MappingException) thrown;
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest(name = "{1}")
        @MethodSource("org.rabt.mappings.forces.ForcesCardContractTest#cards")
        void everyMemberTheForceSendsAndMayReceiveComesBackUnchanged(SectorFormat format, String example) {
            ObjectNode original = tree(example);
            ChildProtectionMessage cpm = format.toCpm(resource(example)).withPseudonym(PSEUDONYM);
            assertThatCode(() -> CPM_SCHEMA.validate(cpm)).doesNotThrowAnyException();

            // Re-addressed to the unit that sent it, as if the hub handed the card back to it.
            JsonNode back = tree(format.fromCpm(addressedTo(cpm, cpm.header().sender())));

            ObjectNode expected = original.deepCopy();
            // Changed on purpose by the re-addressing: the receiver is now the sending unit.
            expected.set("destinataire", original.get("emetteur"));
            // Set by the hub, which every receiver gets; the forces never send it.
            at(expected, "/enfant").put("pseudonyme", PSEUDONYM);
            // Dropped by minimisation: a receiver sees only the services asked of it, and these
            // cards ask other sectors (the prosecutor, the hospital, the centre...) to act.
            keepServicesFor(expected, format.sector());
            // Everything else — header, child, identity, concerns, pathway, consent, documents
            // (procès-verbaux, court decisions, and the court file number under a judicial order)
            // — the forces both send and may receive.
            assertThat(back).isEqualTo(expected);
        }

        @Test
        void aPoliceRequestToTheGendarmerieArrivesAsThePoliceWroteItPlusThePseudonym() {
            ObjectNode expected = tree(CASABLANCA_TO_GENDARMERIE);
            at(expected, "/enfant").put("pseudonyme", PSEUDONYM);
            // A police PV number does not follow the gendarmerie's numbering (per brigade and
            // compagnie): the gendarmerie reads it at the head of the title.
            ObjectNode pv = at(expected, "/piecesJointes/0");
            pv.put("titre", "PV n° 2291/DP-AL-FIDA-MERS-SULTAN/2026 — Procès-verbal de découverte d'une mineure");
            pv.remove("numeroProcesVerbal");

            ChildProtectionMessage cpm = POLICE.toCpm(resource(CASABLANCA_TO_GENDARMERIE)).withPseudonym(PSEUDONYM);

            assertThat(tree(GENDARMERIE.fromCpm(cpm))).isEqualTo(expected);
        }

        private static ChildProtectionMessage addressedTo(ChildProtectionMessage cpm, Party receiver) {
            Header h = cpm.header();
            Header readdressed = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                    h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(), receiver, h.purposeOfUse(),
                    h.legalBasis(), h.confidentiality());
            return new ChildProtectionMessage(readdressed, cpm.child(), cpm.childProtected(), cpm.concerns(),
                    cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(), cpm.status());
        }

        private static void keepServicesFor(ObjectNode card, SectorId sector) {
            ArrayNode kept = card.arrayNode();
            card.path("servicesDemandes").forEach(service -> {
                if (service.at("/cible/secteur").asString().equals(FrenchCodes.secteur(sector))) {
                    kept.add(service);
                }
            });
            if (kept.isEmpty()) {
                card.remove("servicesDemandes");
            } else {
                card.set("servicesDemandes", kept);
            }
        }
    }

    @Nested
    class UnreadableCards {

        @Test
        void aTruncatedBodyIsUnparseable() {
            byte[] card = resource(TANGIER_BEGGING);

            MappingException e = refusal(POLICE, Arrays.copyOf(card, 400));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void aRepeatedMemberIsUnparseableBecauseTwoReadersCouldDisagree() {
            String card = new String(resource(HAD_GHARBIA_RUNAWAY), UTF_8)
                    .replace("\"priorite\": \"normale\",", "\"priorite\": \"normale\", \"priorite\": \"immediate\",");

            assertThat(refusal(GENDARMERIE, card.getBytes(UTF_8)).error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void aBodyInLatin1IsUnparseable() {
            String card = new String(resource(TANGIER_BEGGING), UTF_8);

            MappingException e = refusal(POLICE, card.getBytes(ISO_8859_1));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
            assertThat(e.detail()).contains("UTF-8");
        }
    }

    @Nested
    class SchemaRefusals {

        @ParameterizedTest(name = "{0} without {2}")
        @CsvSource({
                "'', identifiantCarte",
                "'', dateEnvoi",
                "'', destinataire",
                "'', baseLegale",
                "'', enfant",
                "/destinataire, secteur",
                "/enfant, sexe",
                "/enfant, trancheAge",
                "/parcours, etape",
                "/motifs/0, urgence"})
        void aMissingRequiredMemberIsASchemaViolationNamingItAndWhereItBelongs(String parent, String member) {
            forces().forEach(arguments -> {
                SectorFormat format = (SectorFormat) arguments.get()[0];
                String example = (String) arguments.get()[1];

                MappingException e = refusal(format, edited(example, card -> at(card, parent).remove(member)));

                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo(parent);
                assertThat(e.detail()).contains("'" + member + "'");
            });
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({
                "/priorite, haute",
                "/typeCarte, proces-verbal",
                "/emetteur/secteur, douane",
                "/enfant/sexe, garcon",
                "/enfant/trancheAge, 10-15",
                "/enfant/province, Tanger",
                "/motifs/0/code, vol",
                "/motifs/0/cadre, souk",
                "/identifiantCarte, PV-2026-118",
                "/dateEnvoi, 27/11/2026 23:18"})
        void aCodeOrValueOutsideTheSchemaIsASchemaViolationNamingTheMember(String pointer, String value) {
            forces().forEach(arguments -> {
                SectorFormat format = (SectorFormat) arguments.get()[0];
                String example = (String) arguments.get()[1];
                String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                String member = pointer.substring(pointer.lastIndexOf('/') + 1);

                MappingException e = refusal(format, edited(example, card -> at(card, parent).put(member, value)));

                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo(pointer);
            });
        }

        @Test
        void aStageOutsideTheSixOfThePathwayIsASchemaViolation() {
            MappingException e = refusal(POLICE, edited(TANGIER_BEGGING, card -> at(card, "/parcours").put("etape", 7)));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/parcours/etape");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"''", "/enfant/identite"})
        void aProcesVerbalNumberHasNoPlaceOutsideTheProcesVerbal(String where) {
            forces().forEach(arguments -> {
                SectorFormat format = (SectorFormat) arguments.get()[0];
                String example = (String) arguments.get()[1];

                MappingException e = refusal(format,
                        edited(example, card -> at(card, where).put("numeroProcesVerbal", "2417/DP-SALE-MEDINA/2026")));

                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo(where);
                assertThat(e.detail()).contains("'numeroProcesVerbal'");
            });
        }

        @Test
        void aNumberOnADocumentOtherThanAProcesVerbalIsASchemaViolation() {
            MappingException e = refusal(GENDARMERIE, edited(MEKNES_DOMESTIC_WORK,
                    card -> at(card, "/piecesJointes/0").put("numeroProcesVerbal", "58/BT-AIN-JEMAA/CIE-MEKNES/2026")));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/piecesJointes/0/type");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // The gendarmerie numbers per brigade and compagnie: not a police number.
                "57/BT-AIN-JEMAA/CIE-MEKNES/2026",
                // No district.
                "1873/2026",
                "PV 1873/DP-TANGER-MEDINA/2026",
                "1873/DP-Tanger-Medina/2026"})
        void thePoliceNumbersItsProcesVerbauxPerDistrict(String number) {
            MappingException e = refusal(POLICE, edited(TANGIER_BEGGING,
                    card -> at(card, "/piecesJointes/0").put("numeroProcesVerbal", number)));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/piecesJointes/0/numeroProcesVerbal");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // The police numbers per district: not a gendarmerie number.
                "1873/DP-TANGER-MEDINA/2026",
                // No compagnie.
                "57/BT-AIN-JEMAA/2026",
                "57/CIE-MEKNES/BT-AIN-JEMAA/2026"})
        void theGendarmerieNumbersItsProcesVerbauxPerBrigadeAndCompagnie(String number) {
            MappingException e = refusal(GENDARMERIE, edited(MEKNES_DOMESTIC_WORK,
                    card -> at(card, "/piecesJointes/1").put("numeroProcesVerbal", number)));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/piecesJointes/1/numeroProcesVerbal");
        }

        @Test
        void theCardHasNoMemberForASchoolCode() {
            MappingException e = refusal(GENDARMERIE, edited(HAD_GHARBIA_RUNAWAY,
                    card -> at(card, "/enfant/identite").put("codeMassar", "R139087654")));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.detail()).contains("'codeMassar'");
        }
    }

    @Nested
    class RuleRefusals {

        @Test
        void consentAsLegalBasisWithoutTheConsentIsMissingConsentement() {
            MappingException e = refusal(POLICE, edited(SALE_VIOLENCE, card -> card.remove("consentement")));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("/consentement");
        }

        @Test
        void aChildWithoutNameOrNumberIsMissingTheIdentityTheHubLinksCardsBy() {
            MappingException e = refusal(GENDARMERIE, edited(HAD_GHARBIA_RUNAWAY, card -> {
                ObjectNode identite = at(card, "/enfant/identite");
                identite.remove(List.of("numeroCNIE", "nomLatin", "nomArabe"));
            }));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("/enfant/identite");
            assertThat(e.detail()).contains("numeroCNIE", "numeroEtatCivil", "nomLatin", "the name the child gives");
        }

        @Test
        void aChildWithoutIdentityBlockIsMissingItToo() {
            MappingException e = refusal(POLICE, edited(TANGIER_BEGGING, card -> at(card, "/enfant").remove("identite")));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("/enfant/identite");
        }

        @Test
        void aFullNameInArabicScriptAloneIdentifiesTheChild() {
            ChildProtectionMessage cpm = POLICE.toCpm(edited(TANGIER_BEGGING,
                    card -> at(card, "/enfant/identite").remove(List.of("nomLatin", "prenomLatin"))));

            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("أوشن");
            assertThat(cpm.childProtected().familyNameLatin()).isNull();
        }

        @Test
        void aTitleTooLongToFollowTheProcesVerbalNumberIsInvalidNamingTitre() {
            MappingException e = refusal(POLICE, edited(TANGIER_BEGGING,
                    card -> at(card, "/piecesJointes/0").put("titre", "P".repeat(200))));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/piecesJointes/0/titre");
            assertThat(e.detail()).contains("at most 165 characters");
        }

        @Test
        void anAgeBandThatContradictsTheBirthDateIsInvalid() {
            MappingException e = refusal(GENDARMERIE,
                    edited(HAD_GHARBIA_RUNAWAY, card -> at(card, "/enfant").put("trancheAge", "10-14")));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/enfant/trancheAge");
            assertThat(e.detail()).contains("2010-02-14", "'15-17'");
        }

        @Test
        void anUnknownAgeBandIsAcceptedBesideABirthDate() {
            ChildProtectionMessage cpm = GENDARMERIE.toCpm(
                    edited(HAD_GHARBIA_RUNAWAY, card -> at(card, "/enfant").put("trancheAge", "inconnue")));

            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.UNKNOWN);
        }

        @Test
        void aBirthYearThatContradictsTheBirthDateIsInvalid() {
            MappingException e = refusal(GENDARMERIE,
                    edited(HAD_GHARBIA_RUNAWAY, card -> at(card, "/enfant").put("anneeNaissance", 2011)));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/enfant/anneeNaissance");
        }

        @Test
        void aBirthYearAfterTheCardWasSentIsInvalid() {
            MappingException e = refusal(POLICE, edited(TANGIER_BEGGING, card -> at(card, "/enfant").put("anneeNaissance", 2027)));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/enfant/anneeNaissance");
        }

        @Test
        void aBirthDateAfterTheCardWasSentIsInvalid() {
            MappingException e = refusal(POLICE, edited(SALE_VIOLENCE, card -> {
                at(card, "/enfant").remove("anneeNaissance");
                at(card, "/enfant/identite").put("dateNaissance", "2026-12-24");
            }));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/enfant/identite/dateNaissance");
        }
    }

    @Nested
    class Reading {

        @Test
        void aPseudonymEchoedByTheUnitIsNotTakenTheHubAssignsItsOwn() {
            ChildProtectionMessage cpm = POLICE.toCpm(
                    edited(TANGIER_BEGGING, card -> at(card, "/enfant").put("pseudonyme", "forged-pseudonym-123")));

            assertThat(cpm.child().pseudonym()).isNull();
        }

        @Test
        void aSendingTimeWithTheMoroccanOffsetIsTheSameInstantInUtc() {
            ChildProtectionMessage cpm = POLICE.toCpm(
                    edited(TANGIER_BEGGING, card -> card.put("dateEnvoi", "2026-11-28T00:18:40+01:00")));

            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-27T23:18:40Z"));
        }

        @Test
        void theChildConsentingReadsAsChild() {
            ChildProtectionMessage cpm = POLICE.toCpm(
                    edited(SALE_VIOLENCE, card -> at(card, "/consentement").put("donnePar", "enfant")));

            assertThat(cpm.consent().givenBy()).isEqualTo("child");
        }

        @Test
        void aCardBetweenTheTwoForcesIsAllowed() {
            ChildProtectionMessage cpm = POLICE.toCpm(resource(CASABLANCA_TO_GENDARMERIE));

            assertThat(cpm.header().sender().sector()).isEqualTo(SectorId.POLICE);
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.GENDARMERIE);
        }
    }

    @Nested
    class Writing {

        private static final SectorJson POLICE_SCHEMA = new SectorJson(PoliceFormat.CARD_SCHEMA);
        private static final SectorJson GENDARMERIE_SCHEMA = new SectorJson(GendarmerieFormat.CARD_SCHEMA);

        private ChildProtectionMessage minimal(SectorId force) {
            Header header = new Header(java.util.UUID.fromString("bf66d241-c4bb-46bc-a992-0a811f1636eb"),
                    CardType.LINKAGE, ChildProtectionMessage.SCHEMA_VERSION, null, null,
                    Instant.parse("2026-12-01T09:15:00Z"), null, Priority.ROUTINE, new Party(SectorId.CENTRE, "", "", null),
                    Party.of(force), PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST, Confidentiality.RESTRICTED);
            return new ChildProtectionMessage(header, new ChildShared(PSEUDONYM, Sex.UNKNOWN, AgeBand.UNKNOWN, null, null,
                    null), null, null, new Pathway(PathwayStage.DETECTION, null), null, null, null, Status.requested());
        }

        @Test
        void everyForcesCardReadsBackThroughTheSchema() {
            for (SectorFormat format : List.of(POLICE, GENDARMERIE)) {
                SectorJson schema = format == POLICE ? POLICE_SCHEMA : GENDARMERIE_SCHEMA;
                for (LegalBasis basis : LegalBasis.values()) {
                    byte[] card = format.fromCpm(EverythingCard.to(format.sector(), basis));

                    assertThatCode(() -> schema.read(card, SignalementForces.class)).doesNotThrowAnyException();
                }
            }
        }

        @Test
        void aCardWithOnlyWhatTheCpmRequiresLeavesEveryAbsentValueOut() {
            JsonNode card = tree(POLICE.fromCpm(minimal(SectorId.POLICE)));

            assertThat(card.propertyNames()).containsExactlyInAnyOrder("version", "identifiantCarte", "typeCarte",
                    "dateEnvoi", "priorite", "emetteur", "destinataire", "finalite", "baseLegale", "confidentialite",
                    "enfant", "parcours");
            // Empty strings in the CPM are absent values, not empty members the schema would refuse.
            assertThat(card.get("emetteur").propertyNames()).containsExactly("secteur");
            assertThat(card.get("enfant").propertyNames()).containsExactlyInAnyOrder("pseudonyme", "sexe", "trancheAge");
        }

        @Test
        void theReferralStatusIsNotWrittenTheUnitReportsItThroughTheStatusApi() {
            String card = new String(GENDARMERIE.fromCpm(EverythingCard.to(SectorId.GENDARMERIE, LegalBasis.CONSENT)),
                    UTF_8);

            assertThat(card).doesNotContain("statut", "requested");
        }

        @Test
        void theChildConsentingIsWrittenEnfant() {
            ChildProtectionMessage everything = EverythingCard.to(SectorId.POLICE, LegalBasis.CONSENT);
            ChildProtectionMessage cpm = new ChildProtectionMessage(everything.header(), everything.child(),
                    everything.childProtected(), everything.concerns(), everything.pathway(),
                    everything.requestedServices(), new Consent("child", Instant.parse("2026-11-30T10:00:00Z"),
                            List.of(), null), everything.attachments(), everything.status());

            JsonNode card = tree(POLICE.fromCpm(cpm));

            assertThat(card.at("/consentement/donnePar").asString()).isEqualTo("enfant");
            assertThat(card.at("/consentement").has("secteurs")).isFalse();
        }

        @Test
        void aValueTheCardCannotCarryIsAnOutboundSchemaViolationNamingTheMember() {
            ChildProtectionMessage cpm = minimal(SectorId.GENDARMERIE);
            ChildProtectionMessage badProvince = new ChildProtectionMessage(cpm.header(),
                    new ChildShared(PSEUDONYM, Sex.MALE, AgeBand.UNKNOWN, null, "Tanger", null), null, null,
                    cpm.pathway(), null, null, null, cpm.status());

            assertThatThrownBy(() -> GENDARMERIE.fromCpm(badProvince))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
                        assertThat(e.field()).isEqualTo("/enfant/province");
                    });
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "PV n° 57/BT-AIN-JEMAA/CIE-MEKNES/2026 | 57/BT-AIN-JEMAA/CIE-MEKNES/2026 | ",
                "PV n° 57/BT-AIN-JEMAA/CIE-MEKNES/2026 — Audition | 57/BT-AIN-JEMAA/CIE-MEKNES/2026 | Audition",
                // Not the gendarmerie's numbering, or not a number at the head: the whole title.
                "PV n° 1873/DP-TANGER-MEDINA/2026 — Audition | | PV n° 1873/DP-TANGER-MEDINA/2026 — Audition",
                "Procès-verbal n° 57 | | Procès-verbal n° 57"})
        void aProcesVerbalNumberInTheGendarmeriesNumberingIsWrittenAsNumeroProcesVerbal(String title, String number,
                String titre) {
            ChildProtectionMessage cpm = withAttachments(minimal(SectorId.GENDARMERIE), List.of(
                    new Attachment(AttachmentType.POLICE_REPORT, title, "application/pdf", 10, "a".repeat(64))));

            JsonNode piece = tree(GENDARMERIE.fromCpm(cpm)).at("/piecesJointes/0");

            assertThat(piece.path("numeroProcesVerbal").asString(null)).isEqualTo(number);
            assertThat(piece.path("titre").asString(null)).isEqualTo(titre);
        }

        @Test
        void aNumberedTitleOnADocumentOtherThanAProcesVerbalStaysATitle() {
            ChildProtectionMessage cpm = withAttachments(minimal(SectorId.POLICE), List.of(new Attachment(
                    AttachmentType.COURT_DECISION, "PV n° 1873/DP-TANGER-MEDINA/2026", "application/pdf", 10,
                    "a".repeat(64))));

            JsonNode piece = tree(POLICE.fromCpm(cpm)).at("/piecesJointes/0");

            assertThat(piece.has("numeroProcesVerbal")).isFalse();
            assertThat(piece.path("titre").asString()).isEqualTo("PV n° 1873/DP-TANGER-MEDINA/2026");
        }

        private static ChildProtectionMessage withAttachments(ChildProtectionMessage cpm, List<Attachment> attachments) {
            return new ChildProtectionMessage(cpm.header(), cpm.child(), cpm.childProtected(), cpm.concerns(),
                    cpm.pathway(), cpm.requestedServices(), cpm.consent(), attachments, cpm.status());
        }

        @Test
        void aCardForAnotherSectorIsAWiringDefect() {
            assertThatThrownBy(() -> POLICE.fromCpm(minimal(SectorId.GENDARMERIE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("GENDARMERIE");
        }
    }

    @Nested
    class StatusRefusals {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"hors-competence", "demande-incomplete", "recherches-infructueuses", "sans-suite"})
        void aRefusalAFailureOrAClosureWithoutObservationsIsMissingThem(String statut) {
            byte[] report = edited(POLICE_NOT_COMPETENT, r -> {
                r.put("statut", statut);
                r.remove("observations");
            });

            assertThatThrownBy(() -> POLICE.readStatus(report)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
                assertThat(e.field()).isEqualTo("/observations");
            });
        }

        @Test
        void aWordOutsideTheVocabularyIsASchemaViolationNamingStatut() {
            byte[] report = edited(POLICE_NOT_COMPETENT, r -> r.put("statut", "classe"));

            assertThatThrownBy(() -> POLICE.readStatus(report)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo("/statut");
            });
        }

        @Test
        void aReportWithoutItsDateIsASchemaViolationNamingDateStatut() {
            byte[] report = edited(POLICE_NOT_COMPETENT, r -> r.remove("dateStatut"));

            assertThatThrownBy(() -> POLICE.readStatus(report)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.detail()).contains("'dateStatut'");
            });
        }

        @Test
        void aCompletionMayComeWithoutObservations() {
            byte[] report = edited(POLICE_NOT_COMPETENT, r -> {
                r.put("statut", "mission-accomplie");
                r.remove("observations");
            });

            assertThat(POLICE.readStatus(report))
                    .isEqualTo(new StatusReport(java.util.UUID.fromString("285b3f2f-2951-47d7-aec7-869325326989"),
                            org.rabt.mappings.cpm.TaskStatus.COMPLETED, "mission-accomplie", null));
        }
    }
}
