package org.rabt.caserecord.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.social.SocialFormat;

class ChildPseudonymsTest {

    private static final SocialFormat SOCIAL = new SocialFormat();

    @Test
    void aChildKnownOnlyByAGivenNameIsAdmittedUnderTheSendersCaseNotRefused() {
        ChildProtectionMessage card = card("/social/examples/fiche-accueil-urgence-tanger.json");
        assertThat(card.childProtected().familyNameLatin()).as("the example's premise").isNull();

        assertThat(ChildPseudonyms.identifierParts(card)).startsWith("unidentified", "social");
    }

    @Test
    void cardsOfOneUnidentifiedChildInTheSameCaseShareAFileAndOtherCasesDoNot() {
        ChildProtectionMessage card = card("/social/examples/fiche-accueil-urgence-tanger.json");
        ChildProtectionMessage first = with(card, UUID.randomUUID(), "ES-TNG-2026-0412");
        ChildProtectionMessage followUp = with(card, UUID.randomUUID(), "ES-TNG-2026-0412");
        ChildProtectionMessage otherCase = with(card, UUID.randomUUID(), "ES-TNG-2026-0413");
        ChildProtectionMessage noCase = with(card, UUID.randomUUID(), null);
        ChildProtectionMessage anotherWithoutCase = with(card, UUID.randomUUID(), null);

        assertThat(ChildPseudonyms.identifierParts(followUp)).isEqualTo(ChildPseudonyms.identifierParts(first));
        assertThat(ChildPseudonyms.identifierParts(otherCase)).isNotEqualTo(ChildPseudonyms.identifierParts(first));
        assertThat(ChildPseudonyms.identifierParts(anotherWithoutCase)).isNotEqualTo(ChildPseudonyms.identifierParts(noCase));
    }

    @Test
    void aChildWithACivilStatusNumberIsKeyedByThatNumberWhateverItsSpelling() {
        ChildProtectionMessage card = card("/social/examples/fiche-enquete-sociale-meknes.json");
        assertThat(card.childProtected().civilStatusNumber()).as("the example's premise").isEqualTo("1187/2013");

        assertThat(ChildPseudonyms.identifierParts(card)).containsExactly("etat-civil", "11872013");
    }

    @Test
    void eachSectorGetsItsOwnStableTokenForTheSameChildAndTheCentreTheHubsPseudonym() {
        ChildPseudonyms pseudonyms = new ChildPseudonyms(new org.rabt.security.pseudonym.Pseudonymiser(new byte[32]));
        ChildProtectionMessage card = pseudonyms.assign(card("/social/examples/fiche-enquete-sociale-meknes.json"));
        String hub = card.child().pseudonym();

        String justice = pseudonyms.forReceiver(org.rabt.mappings.cpm.SectorId.JUSTICE, card).child().pseudonym();
        String health = pseudonyms.forReceiver(org.rabt.mappings.cpm.SectorId.HEALTH, card).child().pseudonym();

        assertThat(justice).isNotEqualTo(hub).isNotEqualTo(health).hasSameSizeAs(hub);
        assertThat(pseudonyms.forReceiver(org.rabt.mappings.cpm.SectorId.JUSTICE, card).child().pseudonym())
                .as("stable for the same child and sector").isEqualTo(justice);
        assertThat(pseudonyms.forReceiver(org.rabt.mappings.cpm.SectorId.CENTRE, card).child().pseudonym()).isEqualTo(hub);
    }

    @Test
    void latinNamesAreComparedWithoutCaseDiacriticsOrPunctuation() {
        assertThat(ChildPseudonyms.normaliseLatin("  Él-Idrissi  ")).isEqualTo(ChildPseudonyms.normaliseLatin("EL IDRISSI"));
    }

    private static ChildProtectionMessage card(String resource) {
        try (InputStream in = ChildPseudonymsTest.class.getResourceAsStream(resource)) {
            return SOCIAL.toCpm(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChildProtectionMessage with(ChildProtectionMessage card, UUID id, String caseReference) {
        var h = card.header();
        var header = new org.rabt.mappings.cpm.Header(id, h.cardType(), h.schemaVersion(), caseReference,
                h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(), h.receiver(), h.purposeOfUse(),
                h.legalBasis(), h.confidentiality());
        return new ChildProtectionMessage(header, card.child(), card.childProtected(), card.concerns(),
                card.pathway(), card.requestedServices(), card.consent(), card.attachments(), card.status());
    }
}
