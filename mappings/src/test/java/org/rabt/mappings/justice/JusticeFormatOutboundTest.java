package org.rabt.mappings.justice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.justice.JusticeXml.count;
import static org.rabt.mappings.justice.JusticeXml.xpath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.CardCarryingEverything;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

class JusticeFormatOutboundTest {

    /** Where the documentation's example lives; fromCpm must produce exactly that document. */
    static final String EXAMPLE = "/justice/examples/carte-liaison-parquet.xml";

    private final JusticeFormat format = new JusticeFormat();
    private final byte[] card = format.fromCpm(TangierReferral.cpm());

    @Nested
    class TheDocument {

        @Test
        void isUtf8XmlWithADeclaration() {
            String text = new String(card, UTF_8);

            assertThat(text).startsWith("<?xml version='1.0' encoding='UTF-8'?>");
        }

        @Test
        void conformsToTheXsdWhenValidatedIndependently() {
            assertThatCode(() -> JusticeXml.validate(card)).doesNotThrowAnyException();
        }

        @Test
        void hasTheCardRootInTheJusticeNamespaceWithVersion() {
            assertThat(xpath(card, "local-name(/*)")).isEqualTo("carteLiaison");
            assertThat(xpath(card, "namespace-uri(/*)")).isEqualTo(JusticeXml.NS);
            assertThat(xpath(card, "/c:carteLiaison/@version")).isEqualTo("1.0");
        }

        @Test
        void declaresTheNamespaceOnceAsDefaultWithoutPrefixesOrResets() {
            String text = new String(card, UTF_8);

            assertThat(text).containsOnlyOnce("xmlns=");
            assertThat(text).doesNotContain("xmlns=\"\"", "wstxns", ":entete");
            assertThat(count(card, "//*[namespace-uri() != '" + JusticeXml.NS + "']")).isZero();
        }

        @Test
        void hasNoEmptyElement() {
            assertThat(count(card, "//*[not(node())]")).isZero();
        }

        @Test
        void readsBackIntoTheSameJusticeModel() {
            CarteLiaison readBack = CarteLiaisonWriter.xmlMapper(CarteLiaison.NAMESPACE).readValue(card, CarteLiaison.class);

            assertThat(readBack).isEqualTo(CarteLiaisonWriter.carte(TangierReferral.cpm()));
        }

        @Test
        void isTheExampleOfTheDocumentation() {
            Diff diff = DiffBuilder.compare(Input.fromByteArray(JusticeXml.resource(EXAMPLE)))
                    .withTest(Input.fromByteArray(card))
                    .ignoreWhitespace()
                    .checkForIdentical()
                    .build();

            assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
        }
    }

    @Nested
    class TheHeader {

        @Test
        void carriesCardIdentityCaseReferenceAndTheCardItFollows() {
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:identifiantCarte"))
                    .isEqualTo(TangierReferral.CARD_ID.toString());
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:typeCarte")).isEqualTo("liaison");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:referenceDossier")).isEqualTo("TNG-2026-000417");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:carteLiee"))
                    .isEqualTo(TangierReferral.REPORTING_CARD_ID.toString());
        }

        @Test
        void carriesSendingTimeInUtcAndDueDate() {
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:dateEnvoi")).isEqualTo("2026-11-29T09:42:17Z");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:dateEcheance")).isEqualTo("2026-12-03");
        }

        @Test
        void writesUrgentPriorityAsUrgente() {
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:priorite")).isEqualTo("urgente");
        }

        @Test
        void writesHealthSenderAndJusticeReceiverWithFrenchSectorCodes() {
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:emetteur/c:secteur")).isEqualTo("sante");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:emetteur/c:organisme"))
                    .isEqualTo("Centre hospitalier régional Mohammed V de Tanger");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:emetteur/c:province")).isEqualTo("MA-TNG");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:destinataire/c:secteur")).isEqualTo("justice");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:destinataire/c:service"))
                    .isEqualTo("Parquet, cellule de prise en charge des femmes et enfants");
        }

        @Test
        void showsPurposeLegalBasisAndConfidentialityInFrench() {
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:finalite")).isEqualTo("protection-judiciaire");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:baseLegale")).isEqualTo("interet-superieur");
            assertThat(xpath(card, "/c:carteLiaison/c:entete/c:confidentialite")).isEqualTo("tres-restreinte");
        }
    }

    @Nested
    class TheChild {

        @Test
        void carriesTheSharedPartWithFrenchSexAndAgeBand() {
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:pseudonyme")).isEqualTo("tng-7Qx2Lm9PzR4vK8wB");
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:sexe")).isEqualTo("F");
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:trancheAge")).isEqualTo("10-14");
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:anneeNaissance")).isEqualTo("2014");
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:province")).isEqualTo("MA-TNG");
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:handicap")).isEqualTo("false");
        }

        @Test
        void carriesTheIdentityJusticeNeedsForLegalProtection() {
            String identite = "/c:carteLiaison/c:enfant/c:identite/";

            assertThat(xpath(card, identite + "c:nomLatin")).isEqualTo("El Amrani");
            assertThat(xpath(card, identite + "c:prenomLatin")).isEqualTo("Fatima Zahra");
            assertThat(xpath(card, identite + "c:dateNaissance")).isEqualTo("2014-03-08");
            assertThat(xpath(card, identite + "c:numeroEtatCivil")).isEqualTo("1187/2014");
            assertThat(xpath(card, identite + "c:adresse/c:ville")).isEqualTo("Tanger");
            assertThat(xpath(card, identite + "c:adresse/c:province")).isEqualTo("MA-TNG");
            assertThat(xpath(card, identite + "c:representantsLegaux/c:representantLegal/c:lien")).isEqualTo("MTH");
            assertThat(xpath(card, identite + "c:representantsLegaux/c:representantLegal/c:nom"))
                    .isEqualTo("Khadija Benali");
            assertThat(xpath(card, identite + "c:representantsLegaux/c:representantLegal/c:telephone"))
                    .isEqualTo("+212 661 234 567");
        }

        @Test
        void keepsArabicNamesIntactAsUtf8Characters() {
            String text = new String(card, UTF_8);

            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:identite/c:nomArabe"))
                    .isEqualTo(TangierReferral.FAMILY_NAME_ARABIC);
            assertThat(xpath(card, "/c:carteLiaison/c:enfant/c:identite/c:prenomArabe"))
                    .isEqualTo(TangierReferral.GIVEN_NAME_ARABIC);
            // Raw UTF-8, not character references that a registry might store literally.
            assertThat(text).contains("<nomArabe>العمراني</nomArabe>").doesNotContain("&#");
        }

        @Test
        void carriesIdentityNumbersWhenTheChildHasThem() {
            ChildProtected identity = new ChildProtected(null, null, null, null, null, null, null, null, "K482913",
                    null, null, "2026/2101/118");
            byte[] document = format.fromCpm(cpmWith(identity));

            assertThat(xpath(document, "/c:carteLiaison/c:enfant/c:identite/c:numeroCNIE")).isEqualTo("K482913");
            assertThat(xpath(document, "/c:carteLiaison/c:enfant/c:identite/c:numeroDossierJudiciaire"))
                    .isEqualTo("2026/2101/118");
        }

        @Test
        void neverSendsTheSchoolCode() {
            assertThat(new String(card, UTF_8)).doesNotContain(TangierReferral.SCHOOL_CODE);
        }

        @Test
        void leavesIdentityOutWhenTheCpmHasNoProtectedPart() {
            byte[] document = format.fromCpm(TangierReferral.withoutIdentity());

            assertThat(count(document, "//c:identite")).isZero();
            assertThat(new String(document, UTF_8)).doesNotContain("El Amrani", "العمراني");
        }

        @Test
        void leavesIdentityOutWhenTheProtectedPartHoldsOnlyWhatJusticeIsNotSent() {
            ChildProtected schoolCodeOnly = new ChildProtected(null, null, null, null, null, null,
                    new Address(null, "", null), "", null, null, TangierReferral.SCHOOL_CODE, null);

            byte[] document = format.fromCpm(cpmWith(schoolCodeOnly));

            assertThat(count(document, "//c:identite")).isZero();
        }

        private ChildProtectionMessage cpmWith(ChildProtected identity) {
            ChildProtectionMessage cpm = TangierReferral.cpm();
            return new ChildProtectionMessage(cpm.header(), cpm.child(), identity, cpm.concerns(), cpm.pathway(),
                    cpm.requestedServices(), cpm.consent(), cpm.attachments(), cpm.status());
        }
    }

    @Nested
    class TheReferral {

        @Test
        void writesTheConcernWithFrenchCodeLabelCertaintyAndSetting() {
            String motif = "/c:carteLiaison/c:motifs/c:motif/";

            assertThat(count(card, "/c:carteLiaison/c:motifs/c:motif")).isEqualTo(1);
            assertThat(xpath(card, motif + "c:code")).isEqualTo("violence-physique");
            assertThat(xpath(card, motif + "c:libelle")).isEqualTo("Violence physique");
            assertThat(xpath(card, motif + "c:certitude")).isEqualTo("suspectee");
            assertThat(xpath(card, motif + "c:cadre")).isEqualTo("famille");
            assertThat(xpath(card, motif + "c:niveauRisque")).isEqualTo("eleve");
            assertThat(xpath(card, motif + "c:urgence")).isEqualTo("true");
        }

        @Test
        void writesPathwayStageAndEntryChannel() {
            assertThat(xpath(card, "/c:carteLiaison/c:parcours/c:etape")).isEqualTo("3");
            assertThat(xpath(card, "/c:carteLiaison/c:parcours/c:canalEntree")).isEqualTo("etablissement-sante");
        }

        @Test
        void writesTheServiceRequestedOfTheProsecutor() {
            String service = "/c:carteLiaison/c:servicesDemandes/c:serviceDemande/";

            assertThat(xpath(card, service + "c:code")).isEqualTo("judicial-protection");
            assertThat(xpath(card, service + "c:secteur")).isEqualTo("justice");
            assertThat(xpath(card, service + "c:service")).isEqualTo("Parquet");
            assertThat(xpath(card, service + "c:motif")).startsWith("Enquête et mesures de protection");
            assertThat(xpath(card, service + "c:dateEcheance")).isEqualTo("2026-12-03");
        }

        @Test
        void writesTheConsentWithItsSectors() {
            assertThat(xpath(card, "/c:carteLiaison/c:consentement/c:donnePar")).isEqualTo("MTH");
            assertThat(xpath(card, "/c:carteLiaison/c:consentement/c:date")).isEqualTo("2026-11-28T16:05:00Z");
            String secteurs = "/c:carteLiaison/c:consentement/c:secteurs/c:secteur";
            assertThat(count(card, secteurs)).isEqualTo(3);
            assertThat(xpath(card, secteurs + "[1]")).isEqualTo("sante");
            assertThat(xpath(card, secteurs + "[2]")).isEqualTo("justice");
            assertThat(xpath(card, secteurs + "[3]")).isEqualTo("centre");
            assertThat(count(card, "/c:carteLiaison/c:consentement/c:dateRetrait")).isZero();
        }

        @Test
        void writesConsentGivenByTheChildAsEnfantAndItsWithdrawal() {
            ChildProtectionMessage cpm = TangierReferral.cpm();
            Consent withdrawn = new Consent("child", Instant.parse("2026-11-20T10:00:00Z"), List.of(),
                    Instant.parse("2026-11-27T08:30:00Z"));
            byte[] document = format.fromCpm(new ChildProtectionMessage(cpm.header(), cpm.child(), cpm.childProtected(),
                    cpm.concerns(), cpm.pathway(), cpm.requestedServices(), withdrawn, cpm.attachments(),
                    cpm.status()));

            assertThat(xpath(document, "/c:carteLiaison/c:consentement/c:donnePar")).isEqualTo("enfant");
            assertThat(xpath(document, "/c:carteLiaison/c:consentement/c:dateRetrait"))
                    .isEqualTo("2026-11-27T08:30:00Z");
            assertThat(count(document, "/c:carteLiaison/c:consentement/c:secteurs")).isZero();
        }

        @Test
        void describesTheForensicCertificateByItsMetadataOnly() {
            String piece = "/c:carteLiaison/c:piecesJointes/c:pieceJointe/";

            assertThat(xpath(card, piece + "c:type")).isEqualTo("certificat-medico-legal");
            assertThat(xpath(card, piece + "c:titre")).isEqualTo("Certificat médico-légal initial");
            assertThat(xpath(card, piece + "c:typeMedia")).isEqualTo("application/pdf");
            assertThat(xpath(card, piece + "c:taille")).isEqualTo("184320");
            assertThat(xpath(card, piece + "c:empreinteSha256")).isEqualTo(TangierReferral.CERTIFICATE_SHA256);
        }

        @Test
        void writesTheFhirTaskStatusCodeWithBusinessStatusAndOutcome() {
            ChildProtectionMessage cpm = TangierReferral.cpm();
            Status completed = new Status(TaskStatus.COMPLETED, "Dossier transmis au juge des mineurs",
                    "Mesure de placement provisoire ordonnée");
            byte[] document = format.fromCpm(new ChildProtectionMessage(cpm.header(), cpm.child(), cpm.childProtected(),
                    cpm.concerns(), cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(),
                    completed));

            assertThat(xpath(document, "/c:carteLiaison/c:statut/c:code")).isEqualTo("completed");
            assertThat(xpath(document, "/c:carteLiaison/c:statut/c:statutMetier"))
                    .isEqualTo("Dossier transmis au juge des mineurs");
            assertThat(xpath(document, "/c:carteLiaison/c:statut/c:resultat"))
                    .isEqualTo("Mesure de placement provisoire ordonnée");
            assertThat(xpath(card, "/c:carteLiaison/c:statut/c:code")).isEqualTo("requested");
        }
    }

    @Nested
    class AbsentValues {

        private final byte[] minimal = format.fromCpm(TangierReferral.minimal());

        @Test
        void giveAbsentOptionalElements() {
            assertThat(count(minimal, "/c:carteLiaison/c:entete/c:referenceDossier")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:entete/c:carteLiee")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:entete/c:dateEcheance")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:entete/c:emetteur/c:organisme")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:enfant/c:anneeNaissance")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:enfant/c:handicap")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:enfant/c:identite")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:parcours/c:canalEntree")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:statut/c:statutMetier")).isZero();
        }

        @Test
        void leaveEmptyListsOutRatherThanWritingEmptyContainers() {
            assertThat(count(minimal, "/c:carteLiaison/c:motifs")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:servicesDemandes")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:consentement")).isZero();
            assertThat(count(minimal, "/c:carteLiaison/c:piecesJointes")).isZero();
        }

        @Test
        void stillGiveADocumentTheXsdAccepts() {
            assertThat(count(minimal, "//*[not(node())]")).isZero();
            assertThatCode(() -> JusticeXml.validate(minimal)).doesNotThrowAnyException();
        }

        @Test
        void includeEmptyStringsWhichAreLeftOutToo() {
            ChildProtectionMessage cpm = TangierReferral.minimal();
            ChildProtectionMessage blank = new ChildProtectionMessage(cpm.header(),
                    new ChildShared("tng-7Qx2Lm9PzR4vK8wB", cpm.child().sex(), cpm.child().ageBand(), null, "", null),
                    null, null, cpm.pathway(), null, null, null, new Status(TaskStatus.REQUESTED, "", ""));

            byte[] document = format.fromCpm(blank);

            assertThat(count(document, "/c:carteLiaison/c:enfant/c:province")).isZero();
            assertThat(count(document, "/c:carteLiaison/c:statut/*")).isEqualTo(1);
        }
    }

    @Nested
    class SchemaViolations {

        @Test
        void aProvinceOutsideTheIsoPatternIsRabtM006NamingTheElement() {
            ChildProtectionMessage cpm = TangierReferral.with(TangierReferral.cpm(), "/child/province", "Tanger");

            assertThatThrownBy(() -> format.fromCpm(cpm))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
                        assertThat(e.code()).isEqualTo("RABT-M006");
                        assertThat(e.field()).isEqualTo("/carteLiaison/enfant/province");
                        assertThat(e.detail()).matches("\\d+:\\d+ cvc-pattern-valid: .*Tanger.*");
                    });
        }

        @Test
        void anOverlyLongCaseReferenceIsRabtM006NamingTheElement() {
            ChildProtectionMessage cpm = TangierReferral.with(TangierReferral.cpm(), "/header/caseReference",
                    "TNG-".repeat(17));

            assertThatThrownBy(() -> format.fromCpm(cpm))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-M006");
                        assertThat(e.field()).isEqualTo("/carteLiaison/entete/referenceDossier");
                        assertThat(e.detail()).contains("cvc-maxLength-valid");
                    });
        }

        @Test
        void aFaultInTheSecondOfRepeatedElementsNamesItsPosition() {
            ChildProtectionMessage cpm = TangierReferral.cpm();
            List<Attachment> attachments = List.of(cpm.attachments().get(0), new Attachment(
                    AttachmentType.COURT_DECISION, null, "application/pdf", 1024,
                    TangierReferral.CERTIFICATE_SHA256.toUpperCase()));
            ChildProtectionMessage twoAttachments = new ChildProtectionMessage(cpm.header(), cpm.child(),
                    cpm.childProtected(), cpm.concerns(), cpm.pathway(), cpm.requestedServices(), cpm.consent(),
                    attachments, cpm.status());

            assertThatThrownBy(() -> format.fromCpm(twoAttachments))
                    .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field())
                            .isEqualTo("/carteLiaison/piecesJointes/pieceJointe[2]/empreinteSha256"));
        }

        @Test
        void aMissingRequiredBlockIsRabtM006AtTheParent() {
            ChildProtectionMessage cpm = TangierReferral.minimal();
            ChildProtectionMessage noStatus = new ChildProtectionMessage(cpm.header(), cpm.child(), null, null,
                    cpm.pathway(), null, null, null, null);

            assertThatThrownBy(() -> format.fromCpm(noStatus))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-M006");
                        assertThat(e.field()).isEqualTo("/carteLiaison");
                        assertThat(e.detail()).contains("statut");
                    });
        }

        @Test
        void aControlCharacterXmlCannotCarryIsRabtM006NamingTheElement() {
            ChildProtectionMessage cpm = TangierReferral.cpm();
            ChildProtected identity = TangierReferral.identity();
            List<Guardian> guardians = List.of(identity.guardians().get(0),
                    new Guardian("FTH", "Ahmed El Amrani\u0007", null));
            ChildProtected withBell = new ChildProtected(identity.familyNameLatin(), identity.givenNameLatin(),
                    identity.familyNameArabic(), identity.givenNameArabic(), identity.birthDate(), guardians,
                    identity.address(), identity.phone(), identity.nationalId(), identity.civilStatusNumber(),
                    identity.schoolCode(), identity.courtFileNumber());

            assertThatThrownBy(() -> format.fromCpm(new ChildProtectionMessage(cpm.header(), cpm.child(), withBell,
                    cpm.concerns(), cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(),
                    cpm.status())))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-M006");
                        assertThat(e.field())
                                .isEqualTo("/carteLiaison/enfant/identite/representantsLegaux/representantLegal[2]/nom");
                        assertThat(e.detail()).contains("0x7").doesNotContain("\n");
                    });
        }

        @Test
        void aNegativeAttachmentSizeIsRabtM006NamingTheElement() {
            ChildProtectionMessage cpm = TangierReferral.with(TangierReferral.cpm(), "/attachments/0/size", -1);

            assertThatThrownBy(() -> format.fromCpm(cpm))
                    .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field())
                            .isEqualTo("/carteLiaison/piecesJointes/pieceJointe/taille"));
        }
    }

    /** docs/minimisation.md, justice's row: everything but the school code and school reports. */
    @Nested
    class Minimisation {

        private final byte[] sent = format.fromCpm(CardCarryingEverything.addressedTo(SectorId.JUSTICE));
        private final String text = new String(sent, UTF_8);

        @Test
        void neverPutsTheSchoolCodeNorASchoolReportOnTheWire() {
            assertThat(text).doesNotContain(CardCarryingEverything.SCHOOL_CODE,
                    CardCarryingEverything.SCHOOL_REPORT_SHA256, "rapport-scolaire");
        }

        @Test
        void keepsOnlyTheServicesRequestedOfJustice() {
            assertThat(text).doesNotContain(CardCarryingEverything.SERVICE_REASON, "forensic-examination");
            assertThat(xpath(sent, "/c:carteLiaison/c:servicesDemandes/c:serviceDemande/c:code"))
                    .isEqualTo("caller-feedback");
        }

        @Test
        void givesJusticeTheIdentityCourtFileSexualNatureAndForensicCertificateItActsOn() {
            assertThat(text).contains(CardCarryingEverything.FAMILY_NAME_ARABIC, CardCarryingEverything.NATIONAL_ID,
                    CardCarryingEverything.COURT_FILE_NUMBER, CardCarryingEverything.FORENSIC_SHA256,
                    "violence-sexuelle", "exploitation-sexuelle");
            assertThatCode(() -> JusticeXml.validate(sent)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Reuse {

        @Test
        void oneFormatServesConcurrentCallersWithIdenticalDocuments() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<byte[]>> calls = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    calls.add(() -> format.fromCpm(TangierReferral.cpm()));
                }
                for (Future<byte[]> result : pool.invokeAll(calls)) {
                    assertThat(result.get()).isEqualTo(card);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theSameCpmAlwaysGivesTheSameBytes() {
            assertThat(new JusticeFormat().fromCpm(TangierReferral.cpm())).isEqualTo(card);
        }

        @Test
        void rejectsANullMessage() {
            assertThatThrownBy(() -> format.fromCpm(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
