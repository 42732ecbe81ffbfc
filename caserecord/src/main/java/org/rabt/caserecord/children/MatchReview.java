package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.List;

/**
 * Two files that may be one child, on the coordinator's review list, with why the hub thinks so.
 *
 * @param reasons codes: {@code same-name} or {@code name-variant} (spelling or transliteration),
 *                {@code birth-year-differs}, {@code identifier-missing} (one file is known by an
 *                identity or civil-status number, the other only by name)
 */
public record MatchReview(long id, Instant foundAt, ChildSummary first, ChildSummary second, List<String> reasons) {

    public MatchReview {
        reasons = List.copyOf(reasons);
    }
}
