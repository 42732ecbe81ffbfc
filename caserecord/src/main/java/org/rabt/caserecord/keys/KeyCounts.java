package org.rabt.caserecord.keys;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many stored values of one place name each data key, and how many are still in clear.
 *
 * @param byKey   key id to the number of values encrypted under it
 * @param inClear values stored before encryption at rest
 */
public record KeyCounts(Map<Integer, Long> byKey, long inClear) {

    public KeyCounts {
        byKey = Map.copyOf(byKey);
    }

    public long naming(int keyId) {
        return byKey.getOrDefault(keyId, 0L);
    }

    /** The counts of two places together. */
    public KeyCounts plus(KeyCounts other) {
        Map<Integer, Long> sum = new TreeMap<>(byKey);
        other.byKey.forEach((id, count) -> sum.merge(id, count, Long::sum));
        return new KeyCounts(sum, inClear + other.inClear);
    }
}
