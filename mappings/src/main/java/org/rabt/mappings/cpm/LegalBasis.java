package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why the child's data may be shared with the receiver (law 09-08: consent, a judicial order, or the child's best interest). */
public enum LegalBasis implements Coded {
    CONSENT("consent"),
    JUDICIAL_ORDER("judicial-order"),
    BEST_INTEREST("best-interest");

    private final String code;

    LegalBasis(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static LegalBasis fromCode(String code) {
        return Coded.parse(LegalBasis.class, code, "legalBasis");
    }
}
