package org.rabt.mappings.social;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.social.SocialCards.FORMAT;
import static org.rabt.mappings.social.SocialCards.everything;
import static org.rabt.mappings.social.SocialCards.model;
import static org.rabt.mappings.social.SocialCards.tree;
import static org.rabt.mappings.social.SocialCards.with;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.french.CarteFrancaise.Motif;
import org.rabt.mappings.french.CarteFrancaise.RepresentantLegal;
import org.rabt.mappings.social.FicheLiaison.PieceJointe;
import tools.jackson.databind.JsonNode;

/** Cards the hub sends social services: what they get, and what they never get. */
class SocialCardFromCpmTest {

    /** The health card addressed to social services that carries everything the CPM can hold. */
    private final ChildProtectionMessage cpm = everything();
    private final byte[] card = FORMAT.fromCpm(cpm);
    private final String text = new String(card, UTF_8);

    @Nested
    class WhatSocialServicesReceive {

        @Test
        void theHeaderWithFrenchCodesAndTheHealthSender() {
            JsonNode doc = tree(card);

            assertThat(doc.get("version").asString()).isEqualTo("1.0");
            assertThat(doc.get("identifiantCarte").asString()).isEqualTo("8444f7de-a62d-4967-b402-8715b9227e9b");
            assertThat(doc.get("typeCarte").asString()).isEqualTo("liaison");
            assertThat(doc.get("referenceDossier").asString()).isEqualTo("MA-CAS-2026-02210");
            assertThat(doc.get("carteLiee").asString()).isEqualTo("08b9cccf-918f-44c4-85f5-6122258d8777");
            assertThat(doc.get("dateEnvoi").asString()).isEqualTo("2026-12-07T08:15:00Z");
            assertThat(doc.get("dateEcheance").asString()).isEqualTo("2026-12-10");
            assertThat(doc.get("priorite").asString()).isEqualTo("urgente");
            assertThat(doc.at("/emetteur/secteur").asString()).isEqualTo("sante");
            assertThat(doc.at("/destinataire/secteur").asString()).isEqualTo("social");
            assertThat(doc.at("/destinataire/organisme").asString()).isEqualTo("Délégation de l'Entraide Nationale de Casablanca");
            assertThat(doc.get("finalite").asString()).isEqualTo("protection-enfance");
            assertThat(doc.get("baseLegale").asString()).isEqualTo("ordonnance-judiciaire");
            assertThat(doc.get("confidentialite").asString()).isEqualTo("tres-restreinte");
        }

        @Test
        void theChildsPseudonymAndSharedPart() {
            JsonNode enfant = tree(card).get("enfant");

            assertThat(enfant.get("pseudonyme").asString()).isEqualTo("Z9yX8wV7uT6sR5qP4oN3m");
            assertThat(enfant.get("sexe").asString()).isEqualTo("F");
            assertThat(enfant.get("trancheAge").asString()).isEqualTo("10-14");
            assertThat(enfant.get("anneeNaissance").asInt()).isEqualTo(2012);
            assertThat(enfant.get("province").asString()).isEqualTo("MA-CAS");
            assertThat(enfant.get("handicap").asBoolean()).isFalse();
        }

        @Test
        void theIdentityNeededToAccompanyTheFamily() {
            FicheLiaison.Identite identite = model(card).enfant().identite();

            assertThat(identite.nomLatin()).isEqualTo("Benjelloun");
            assertThat(identite.prenomLatin()).isEqualTo("Salma");
            assertThat(identite.nomArabe()).isEqualTo("بنجلون");
            assertThat(identite.prenomArabe()).isEqualTo("سلمى");
            assertThat(identite.dateNaissance()).hasToString("2012-05-14");
            assertThat(identite.numeroEtatCivil()).isEqualTo("2207/2012");
            assertThat(identite.telephone()).isEqualTo("+212 7 00 11 22 99");
            assertThat(identite.adresse().ligne()).isEqualTo("Hay Mohammadi, bloc 4, n° 19");
            assertThat(identite.representantsLegaux())
                    .containsExactly(new RepresentantLegal("MTH", "Naima Benjelloun", "+212 6 61 12 34 56"));
        }

        @Test
        void everyConcernWithItsNatureAndSetting() {
            assertThat(model(card).motifs()).containsExactly(
                    new Motif("violence-sexuelle", "confirmee", "famille", "eleve", true),
                    new Motif("exploitation-sexuelle", "suspectee", "communaute", "eleve", true),
                    new Motif("travail-enfants", "confirmee", "lieu-de-travail", "moyen", false),
                    new Motif("violence-physique", "suspectee", "famille", "moyen", false));
        }

        @Test
        void onlyTheServiceAddressedToSocialServices() {
            assertThat(model(card).servicesDemandes()).singleElement().satisfies(service -> {
                assertThat(service.code()).isEqualTo("social-support");
                assertThat(service.cible().secteur()).isEqualTo("social");
                assertThat(service.motif()).startsWith("Accompagnement psychosocial");
                assertThat(service.dateEcheance()).hasToString("2026-12-14");
            });
        }

        @Test
        void theSocialAndSchoolReportsByTheirFingerprints() {
            assertThat(model(card).piecesJointes()).containsExactly(
                    new PieceJointe("rapport-social", "Rapport d'enquête sociale", "application/pdf", 120500L,
                            "7c18ce75b0756c9e01ae15b8dfb42d5ed2cfe131eeeabe8cad6aa0009a817c0d"),
                    new PieceJointe("rapport-scolaire", "Relevé d'absences du collège", "application/pdf", 30001L,
                            "e0910605af324becd5f266e9d3e607c934b6879ed0b7b1db2ca19e8a3c8244dc"));
        }

        @Test
        void thePathwayAndTheConsentWithFrenchCodes() {
            JsonNode doc = tree(card);

            assertThat(doc.at("/parcours/etape").asInt()).isEqualTo(4);
            assertThat(doc.at("/parcours/canalEntree").asString()).isEqualTo("etablissement-sante");
            assertThat(model(card).consentement().donnePar()).isEqualTo("MTH");
            assertThat(model(card).consentement().secteurs())
                    .containsExactly("sante", "justice", "travail", "social", "education", "centre");
        }

        @Test
        void aChildWhoConsentedHerselfIsWrittenEnfant() {
            byte[] written = FORMAT.fromCpm(with(cpm, "/consent/givenBy", "child"));

            assertThat(tree(written).at("/consentement/donnePar").asString()).isEqualTo("enfant");
        }

        @Test
        void noIdentityBlockWhenNothingSocialServicesMayKnowIsKnown() {
            ChildProtected onlyForbidden = new ChildProtected(null, null, null, null, null, List.of(), null, null,
                    "BK734519", null, "J134522871", "2026/2611/093");
            ChildProtectionMessage card = new ChildProtectionMessage(cpm.header(), cpm.child(), onlyForbidden,
                    cpm.concerns(), cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(),
                    cpm.status());

            assertThat(tree(FORMAT.fromCpm(card)).at("/enfant").has("identite")).isFalse();
        }

        @Test
        void noMeasureNorStatusNorEmptyMembers() {
            JsonNode doc = tree(card);

            assertThat(doc.has("priseEnCharge")).isFalse();
            assertThat(text).doesNotContain("null", "[]", "{}", "\"\"", "Orientation émise");
        }
    }

    @Nested
    class WhatSocialServicesNeverReceive {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"BK734519", "J134522871", "2026/2611/093"})
        void theChildsNationalIdSchoolCodeOrCourtFileNumberEvenUnderAJudicialOrder(String value) {
            assertThat(text).doesNotContain(value);
        }

        @Test
        void medicalForensicPoliceOrCourtDocumentsNorTheirFingerprints() {
            assertThat(text).doesNotContain("certificat", "Certificat", "proces-verbal-police", "Procès-verbal",
                    "decision-judiciaire", "Ordonnance du juge", "Photographies", "image/jpeg", "7768d56e", "79d35d28",
                    "8ffd8f78", "a2aa153e", "afc3cfb9");
        }

        @Test
        void theServicesAskedOfOtherSectorsNorWhatTheySay() {
            assertThat(text).doesNotContain("labour-withdrawal", "legal-protection", "school-reintegration", "hammam",
                    "agresseur", "Retour au collège", "Tribunal");
        }

        @Test
        void theValuesItMayReceiveAreThereSoTheChecksAboveReadARealCard() {
            assertThat(text).contains("Benjelloun", "2207/2012", "+212 7 00 11 22 99", "7c18ce75", "violence-sexuelle");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aCardAddressedToAnotherSectorIsAProgrammingError() {
            ChildProtectionMessage forLabour = with(cpm, "/header/receiver/sector", "labour");

            assertThatThrownBy(() -> FORMAT.fromCpm(forLabour)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LABOUR");
        }

        @Test
        void aValueTheFormatCannotCarryIsAnOutboundSchemaViolationNamingTheMember() {
            ChildProtectionMessage badProvince = with(cpm, "/child/province", "Casablanca");

            assertThatThrownBy(() -> FORMAT.fromCpm(badProvince)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo("/enfant/province");
            });
        }
    }

    @Test
    void isSentAsJson() {
        assertThat(FORMAT.mediaType()).isEqualTo("application/json");
        assertThat(FORMAT.sector()).isEqualTo(SectorId.SOCIAL);
    }
}
