package org.rabt.caserecord.children;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rabt.caserecord.cards.CaseFacts;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.RequestedService;
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

    /**
     * What the case record keeps in the clear of a pseudonymised card (see {@link CaseFacts}),
     * with the child's matching keys: keyed hashes of the normalised names and their skeletons,
     * in both scripts, so that near matches are found and names searched without a name stored.
     */
    public CaseFacts caseFacts(ChildProtectionMessage card) {
        ChildShared child = card.child();
        ChildProtected identity = card.childProtected();
        Integer birthYear = identity != null && identity.birthDate() != null ? Integer.valueOf(identity.birthDate().getYear())
                : child == null ? null : child.birthYear();
        LocalDate dueBy = card.header().dueBy() != null ? card.header().dueBy()
                : card.requestedServices().stream().map(RequestedService::dueDate).filter(d -> d != null)
                        .min(LocalDate::compareTo).orElse(null);
        return new CaseFacts(
                card.pathway() == null || card.pathway().stage() == null ? null : card.pathway().stage().number(),
                card.pathway() == null || card.pathway().entryChannel() == null ? null : card.pathway().entryChannel().code(),
                dueBy,
                card.header().correlationId(),
                child == null || child.sex() == null ? null : child.sex().code(),
                child == null || child.ageBand() == null ? null : child.ageBand().code(),
                birthYear,
                child == null ? null : child.province(),
                card.concerns().stream().map(Concern::code).filter(c -> c != null).map(c -> c.code()).distinct().toList(),
                identifierParts(card).get(0),
                matchKeys(identity));
    }

    /** The keys a name search for {@code words} looks for: one per word (its skeleton). */
    public List<String> searchKeys(String words) {
        List<String> keys = new ArrayList<>();
        for (String word : words.trim().split("\\s+")) {
            String skeleton = NameSkeleton.of(normaliseAny(word));
            if (!skeleton.isEmpty()) {
                keys.add(key(MatchKey.TOKEN, skeleton));
            }
        }
        return keys;
    }

    private List<MatchKey> matchKeys(ChildProtected identity) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        if (identity == null) {
            return List.of();
        }
        addNameKeys(keys, normaliseLatin(orEmpty(identity.familyNameLatin())), normaliseLatin(orEmpty(identity.givenNameLatin())));
        addNameKeys(keys, normaliseArabic(orEmpty(identity.familyNameArabic())), normaliseArabic(orEmpty(identity.givenNameArabic())));
        return List.copyOf(keys);
    }

    private void addNameKeys(Set<MatchKey> keys, String family, String given) {
        for (String part : (family + " " + given).trim().split(" ")) {
            String skeleton = NameSkeleton.of(part);
            if (!skeleton.isEmpty()) {
                keys.add(new MatchKey(key(MatchKey.TOKEN, skeleton), MatchKey.TOKEN));
            }
        }
        if (family.isEmpty() || given.isEmpty()) {
            return;
        }
        keys.add(new MatchKey(key(MatchKey.EXACT, family, given), MatchKey.EXACT));
        String familySkeleton = NameSkeleton.of(family);
        String givenSkeleton = NameSkeleton.of(given);
        if (!familySkeleton.isEmpty() && !givenSkeleton.isEmpty()) {
            keys.add(new MatchKey(key(MatchKey.SOUND, familySkeleton, givenSkeleton), MatchKey.SOUND));
        }
    }

    private String key(String... parts) {
        List<String> all = new ArrayList<>();
        all.add("match");
        all.addAll(List.of(parts));
        return pseudonymiser.pseudonymOf(all);
    }

    private static String normaliseAny(String word) {
        String arabic = normaliseArabic(word);
        return arabic.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                ? arabic : normaliseLatin(word);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
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
