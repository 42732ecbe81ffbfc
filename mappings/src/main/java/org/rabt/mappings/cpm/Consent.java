package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Consent to share the child's data.
 *
 * @param givenBy  who consented: {@code child}, or a guardian's relationship code
 * @param sectors  the sectors the consent covers
 * @param revokedAt set when the consent has been withdrawn
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consent(String givenBy, Instant givenAt, List<SectorId> sectors, Instant revokedAt) {

    public Consent {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
