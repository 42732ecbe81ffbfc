package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The four cards of the programme's follow-up tools. */
public enum CardType implements Coded {
    REPORTING("reporting"),
    LINKAGE("linkage"),
    FOLLOW_UP("follow-up"),
    EVALUATION("evaluation");

    private final String code;

    CardType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CardType fromCode(String code) {
        return Coded.parse(CardType.class, code, "cardType");
    }
}
