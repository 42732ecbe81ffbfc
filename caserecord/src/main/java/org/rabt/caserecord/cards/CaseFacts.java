package org.rabt.caserecord.cards;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rabt.caserecord.children.MatchKey;

/**
 * What the case record keeps of a card in the clear, beside its encrypted CPM, so that files,
 * worklists and reports are read without decrypting: the pathway stage, the entry channel, the
 * due date, the card it follows, the child's sex, age band, birth year and province, the concern
 * codes — none of which identifies the child — and the child's matching keys (keyed hashes).
 *
 * @param identifiedBy what the child's pseudonym was derived from (cnie, etat-civil, name-latin,
 *                     name-arabic, unidentified)
 */
public record CaseFacts(
        Integer stage,
        String entryChannel,
        LocalDate dueBy,
        UUID correlationId,
        String sex,
        String ageBand,
        Integer birthYear,
        String province,
        List<String> concerns,
        String identifiedBy,
        List<MatchKey> matchKeys) {

    /** For a card whose facts are not known (tests of the store alone). */
    public static final CaseFacts NONE = new CaseFacts(null, null, null, null, null, null, null, null, List.of(),
            "unknown", List.of());

    public CaseFacts {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        matchKeys = matchKeys == null ? List.of() : List.copyOf(matchKeys);
    }
}
