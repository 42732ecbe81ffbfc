package org.rabt.caserecord.children;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.pseudonym.Pseudonymiser;

/**
 * Gives a card's child the hub's pseudonym, from the strongest identifier the card carries: the
 * national identity number, else the civil-status number, else the normalised name (Latin
 * script, else Arabic) with the birth date and sex. Normalisation makes spelling noise
 * (case, accents, Arabic diacritics and letter variants, spacing) yield the same pseudonym;
 * transliteration between scripts is not attempted here.
 */
public final class ChildPseudonyms {

    private final Pseudonymiser pseudonymiser;

    public ChildPseudonyms(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    public ChildProtectionMessage assign(ChildProtectionMessage card) {
        return card.withPseudonym(pseudonymiser.pseudonymOf(identifierParts(card)));
    }

    /**
     * The card as {@code receiver} gets it: the child under that sector's own token, keyed from the
     * hub's pseudonym, so that two sectors cannot join their files on it (only the hub, which holds
     * the key, links them). The same child has the same token in every card a sector receives. The
     * centre, which is the hub, keeps the hub's pseudonym.
     */
    public ChildProtectionMessage forReceiver(SectorId receiver, ChildProtectionMessage card) {
        if (receiver == SectorId.CENTRE || card.child() == null || card.child().pseudonym() == null) {
            return card;
        }
        return card.withPseudonym(sectorToken(receiver, card.child().pseudonym()));
    }

    /** {@code receiver}'s token for the child the hub knows as {@code pseudonym}. */
    public String sectorToken(SectorId receiver, String pseudonym) {
        return pseudonymiser.pseudonymOf(List.of("sector-token", receiver.code(), pseudonym));
    }

    static List<String> identifierParts(ChildProtectionMessage card) {
        ChildProtected identity = card.childProtected();
        if (identity != null && present(identity.nationalId())) {
            return List.of("cnie", normaliseLatin(identity.nationalId()).replace(" ", ""));
        }
        if (identity != null && present(identity.civilStatusNumber())) {
            return List.of("etat-civil", normaliseLatin(identity.civilStatusNumber()).replace(" ", ""));
        }
        String sex = card.child() == null || card.child().sex() == null ? "" : card.child().sex().code();
        String birth = identity == null || identity.birthDate() == null ? "" : identity.birthDate().toString();
        if (identity != null && present(identity.familyNameLatin()) && present(identity.givenNameLatin())) {
            return List.of("name-latin", normaliseLatin(identity.familyNameLatin()),
                    normaliseLatin(identity.givenNameLatin()), birth, sex);
        }
        if (identity != null && present(identity.familyNameArabic()) && present(identity.givenNameArabic())) {
            return List.of("name-arabic", normaliseArabic(identity.familyNameArabic()),
                    normaliseArabic(identity.givenNameArabic()), birth, sex);
        }
        // A child who cannot give a family name (a street child, an anonymous call) is still
        // protected: the card opens a file of its own, keyed by the sender's case (its case
        // reference, else the card), which a coordinator links to the child's file once known.
        String sender = card.header().sender() == null || card.header().sender().sector() == null ? ""
                : card.header().sender().sector().code();
        String caseKey = present(card.header().caseReference()) ? card.header().caseReference()
                : String.valueOf(card.header().messageId());
        return List.of("unidentified", sender, caseKey);
    }

    static String normaliseLatin(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
    }

    static String normaliseArabic(String text) {
        String withoutMarks = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", ""); // harakat, superscript alef, tatweel
        return withoutMarks
                .replaceAll("[\\u0622\\u0623\\u0625\\u0671]", "\u0627") // alef variants -> bare alef
                .replace('\u0629', '\u0647') // teh marbuta -> heh
                .replace('\u0649', '\u064A') // alef maksura -> yeh
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
