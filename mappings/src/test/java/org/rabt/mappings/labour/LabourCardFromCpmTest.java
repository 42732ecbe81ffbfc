package org.rabt.mappings.labour;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.labour.LabourCards.FORMAT;
import static org.rabt.mappings.labour.LabourCards.everything;
import static org.rabt.mappings.labour.LabourCards.model;
import static org.rabt.mappings.labour.LabourCards.tree;
import static org.rabt.mappings.labour.LabourCards.with;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.french.CarteFrancaise.Motif;
import org.rabt.mappings.french.CarteFrancaise.RepresentantLegal;
import tools.jackson.databind.JsonNode;

/** Cards the hub sends labour inspection: what it gets, and what it never gets. */
class LabourCardFromCpmTest {

    /** The health card addressed to labour inspection that carries everything the CPM can hold. */
    private final ChildProtectionMessage cpm = everything();
    private final byte[] card = FORMAT.fromCpm(cpm);
    private final String text = new String(card, UTF_8);

    @Nested
    class WhatLabourReceives {

        @Test
        void theHeaderWithFrenchCodesAndTheHealthSender() {
            JsonNode doc = tree(card);

            assertThat(doc.get("version").asString()).isEqualTo("1.0");
            assertThat(doc.get("identifiantCarte").asString()).isEqualTo("bba8dd1f-702a-49be-ae2c-4dcb3a3c1301");
            assertThat(doc.get("typeCarte").asString()).isEqualTo("liaison");
            assertThat(doc.get("carteLiee").asString()).isEqualTo("08b9cccf-918f-44c4-85f5-6122258d8777");
            assertThat(doc.get("dateEnvoi").asString()).isEqualTo("2026-12-07T08:15:00Z");
            assertThat(doc.get("priorite").asString()).isEqualTo("urgente");
            assertThat(doc.at("/emetteur/secteur").asString()).isEqualTo("sante");
            assertThat(doc.at("/destinataire/secteur").asString()).isEqualTo("travail");
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
        }

        @Test
        void theNamesBirthDateAddressAndGuardiansNeededToFindTheChild() {
            RapportRetrait.Identite identite = model(card).enfant().identite();

            assertThat(identite.nomLatin()).isEqualTo("Benjelloun");
            assertThat(identite.prenomArabe()).isEqualTo("سلمى");
            assertThat(identite.dateNaissance()).hasToString("2012-05-14");
            assertThat(identite.adresse().ligne()).isEqualTo("Hay Mohammadi, bloc 4, n° 19");
            assertThat(identite.representantsLegaux())
                    .containsExactly(new RepresentantLegal("MTH", "Naima Benjelloun", "+212 6 61 12 34 56"));
        }

        @Test
        void onlyTheServiceAddressedToLabourInspection() {
            assertThat(model(card).servicesDemandes()).singleElement().satisfies(service -> {
                assertThat(service.code()).isEqualTo("labour-withdrawal");
                assertThat(service.cible().secteur()).isEqualTo("travail");
                assertThat(service.motif()).contains("hammam");
            });
        }

        @Test
        void sexualConcernsAsAProtectionConcernWithTheirSeverityButNotTheirSetting() {
            assertThat(model(card).motifs()).containsExactly(
                    new Motif("situation-de-protection", "confirmee", null, "eleve", true),
                    new Motif("situation-de-protection", "suspectee", null, "eleve", true),
                    new Motif("travail-enfants", "confirmee", "lieu-de-travail", "moyen", false),
                    new Motif("violence-physique", "suspectee", "famille", "moyen", false));
        }

        @Test
        void theConsentWithFrenchSectorCodes() {
            assertThat(model(card).consentement().donnePar()).isEqualTo("MTH");
            assertThat(model(card).consentement().secteurs())
                    .containsExactly("sante", "justice", "travail", "social", "education", "centre");
        }

        @Test
        void aChildWhoConsentedHimselfIsWrittenEnfant() {
            byte[] written = FORMAT.fromCpm(with(cpm, "/consent/givenBy", "child"));

            assertThat(tree(written).at("/consentement/donnePar").asString()).isEqualTo("enfant");
        }

        @Test
        void noIdentityBlockWhenNothingLabourMayKnowIsKnown() {
            ChildProtected onlyForbidden = new ChildProtected(null, null, null, null, null, List.of(),
                    new Address("", null, null), "+212 7 00 11 22 99", "BK734519", "2207/2012", "J134522871", null);
            ChildProtectionMessage card = new ChildProtectionMessage(cpm.header(), cpm.child(), onlyForbidden,
                    cpm.concerns(), cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(),
                    cpm.status());

            assertThat(tree(FORMAT.fromCpm(card)).at("/enfant").has("identite")).isFalse();
        }

        @Test
        void noWorkSituationNorStatusNorEmptyMembers() {
            JsonNode doc = tree(card);

            assertThat(doc.has("situationTravail")).isFalse();
            assertThat(text).doesNotContain("null", "[]", "{}", "\"\"");
        }
    }

    @Nested
    class WhatLabourNeverReceives {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"+212 7 00 11 22 99", "BK734519", "2207/2012", "J134522871", "2026/2611/093"})
        void theChildsPhoneNationalIdCivilStatusNumberSchoolCodeOrCourtFileNumber(String value) {
            assertThat(text).doesNotContain(value);
        }

        @Test
        void anyDocumentNorItsFingerprint() {
            assertThat(text).doesNotContain("piecesJointes", "Certificat", "certificat", "Procès-verbal", "Ordonnance",
                    "Photographies", "application/pdf", "7768d56e", "79d35d28", "7c18ce75", "8ffd8f78", "a2aa153e",
                    "e0910605", "afc3cfb9");
        }

        @Test
        void theSexualNatureOfAConcern() {
            assertThat(text).doesNotContain("violence-sexuelle", "exploitation-sexuelle", "sexuel", "communaute");
        }

        @Test
        void theServicesAskedOfOtherSectorsNorWhatTheySay() {
            assertThat(text).doesNotContain("social-support", "legal-protection", "school-reintegration", "agresseur",
                    "collège", "Parquet");
        }

        @Test
        void theNamesItMayReceiveAreThereSoTheChecksAboveReadARealCard() {
            assertThat(text).contains("Benjelloun", "بنجلون", "Hay Mohammadi");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aCardAddressedToAnotherSectorIsAProgrammingError() {
            ChildProtectionMessage forSocial = with(cpm, "/header/receiver/sector", "social");

            assertThatThrownBy(() -> FORMAT.fromCpm(forSocial)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SOCIAL");
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
        assertThat(FORMAT.sector()).isEqualTo(SectorId.LABOUR);
    }
}
